# Context managers used as decorators: a @contextmanager object is a ContextDecorator, so @traced("sync") wraps a
# plain function (a fresh generator per call); an @asynccontextmanager object decorates an `async def` (3.10+)
# and wraps each await of it; contextlib.redirect_stdout captures print() output into an io.StringIO while a
# coroutine runs (it swaps sys.stdout globally, so other tasks printing meanwhile are captured too).
import asyncio
import contextlib
import io
from typing import AsyncIterator, Iterator

DEPTH = [0]


@contextlib.contextmanager
def traced(label: str) -> Iterator[None]:
    print(f"{'  ' * DEPTH[0]}> {label}")
    DEPTH[0] += 1
    try:
        yield
    finally:
        DEPTH[0] -= 1
        print(f"{'  ' * DEPTH[0]}< {label}")


@contextlib.asynccontextmanager
async def session(label: str) -> AsyncIterator[None]:
    print(f"open {label}")
    await asyncio.sleep(0.01)
    yield
    print(f"close {label}")


@traced("compute")
def compute(n: int) -> int:
    with traced(f"inner {n}"):
        return n * 2


@session("job")
async def job(n: int) -> int:
    await asyncio.sleep(0.01)
    print(f"job {n} running")
    return n + 100


async def chatter() -> None:
    await asyncio.sleep(0.01)
    print("chatter from another task")


async def main() -> None:
    print(compute(2), compute(3), compute.__name__)
    print(await job(1))
    buf = io.StringIO()
    other = asyncio.create_task(chatter())
    with contextlib.redirect_stdout(buf):
        result = await job(2)
    await other
    print("captured:", buf.getvalue().splitlines(), result)


asyncio.run(main())
