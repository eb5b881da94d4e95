# exit: 1
# Mistakes with @contextmanager: without try/finally around `yield`, cleanup is skipped when the block raises
# (the lock stays "held"); a generator that ends without yielding gives "RuntimeError: generator didn't yield";
# one that yields a second time (yield in a retry loop) gives "RuntimeError: generator didn't stop" when the
# block exits normally, uncaught here: the traceback goes through contextlib.py's __exit__.
import asyncio
import contextlib
from typing import Iterator, List

HELD: List[str] = []


@contextlib.contextmanager
def hold(name: str) -> Iterator[None]:
    HELD.append(name)
    yield  # no try/finally: an exception in the block skips the next line
    HELD.remove(name)


@contextlib.contextmanager
def maybe_connect(enabled: bool) -> Iterator[str]:
    if enabled:
        yield "conn"


@contextlib.contextmanager
def attempts(n: int) -> Iterator[int]:
    for i in range(n):
        yield i


async def main() -> None:
    with hold("a"):
        await asyncio.sleep(0.01)
    try:
        with hold("b"):
            await asyncio.sleep(0.01)
            raise ValueError("bad payload")
    except ValueError as e:
        print("caught", repr(e), "still held:", HELD)
    try:
        with maybe_connect(False) as c:
            print("not reached", c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    with attempts(3) as i:
        print("attempt", i)
        await asyncio.sleep(0.01)
    print("not reached")


asyncio.run(main())
