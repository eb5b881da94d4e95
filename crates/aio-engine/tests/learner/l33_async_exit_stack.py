# contextlib.AsyncExitStack opening a variable number of connections: enter_async_context for async CMs,
# enter_context for sync ones, push_async_callback / callback for plain cleanups; everything unwinds in reverse
# order. If entering the third connection fails, the two already entered are closed before the error reaches the
# caller. pop_all() moves the cleanups to a new stack so they survive the `async with`.
import asyncio
import contextlib
from typing import AsyncIterator, Iterator, List


@contextlib.asynccontextmanager
async def connect(host: str) -> AsyncIterator[str]:
    await asyncio.sleep(0.01)
    if host.startswith("bad"):
        raise ConnectionRefusedError(f"{host} refused")
    print(f"open {host}")
    try:
        yield f"<{host}>"
    finally:
        await asyncio.sleep(0.01)
        print(f"close {host}")


@contextlib.contextmanager
def log_section(name: str) -> Iterator[None]:
    print(f"begin {name}")
    yield
    print(f"end {name}")


async def flush(buffer: List[str]) -> None:
    await asyncio.sleep(0.01)
    print("flushed", buffer)


async def open_all(hosts: List[str]) -> None:
    buffer: List[str] = []
    async with contextlib.AsyncExitStack() as stack:
        stack.enter_context(log_section("batch"))
        stack.push_async_callback(flush, buffer)
        stack.callback(print, "sync callback, args:", 1, 2)
        conns = [await stack.enter_async_context(connect(h)) for h in hosts]
        buffer.extend(conns)
        print("using", conns)


async def main() -> None:
    await open_all(["db", "cache"])
    try:
        await open_all(["db", "cache", "bad-host"])
    except ConnectionRefusedError as e:
        print("caught", repr(e))
    async with contextlib.AsyncExitStack() as stack:
        await stack.enter_async_context(connect("kept"))
        later = stack.pop_all()
    print("left the async with")
    await later.aclose()


asyncio.run(main())
