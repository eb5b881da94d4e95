# A hand-written async timing decorator with functools.wraps: the wrapper takes the wrapped coroutine function's
# __name__, __qualname__, __doc__, __module__, __annotations__ and gets __wrapped__ (the original); without wraps
# the wrapper keeps its own names ('timed.<locals>.wrapper'). The wrapper is itself an `async def`, so
# asyncio.iscoroutinefunction is True for both. Elapsed times are truncated to 0.01 s.
import asyncio
import functools
import time
from typing import Any, Awaitable, Callable, TypeVar

R = TypeVar("R")


def timed(func: Callable[..., Awaitable[R]]) -> Callable[..., Awaitable[R]]:
    @functools.wraps(func)
    async def wrapper(*args: Any, **kwargs: Any) -> R:
        start = time.perf_counter()
        try:
            return await func(*args, **kwargs)
        finally:
            elapsed = int((time.perf_counter() - start) * 100 + 1e-6) / 100
            print(f"{func.__name__}{args} took {elapsed:.2f}s")
    return wrapper


def timed_plain(func):
    async def wrapper(*args, **kwargs):
        return await func(*args, **kwargs)
    return wrapper


class Downloader:
    def __repr__(self) -> str:
        return "Downloader()"

    @timed
    async def download(self, name: str, delay: float = 0.05) -> int:
        """Pretend to download a file."""
        await asyncio.sleep(delay)
        return len(name)


@timed_plain
async def upload(name: str) -> None:
    """Upload."""


async def main() -> None:
    d = Downloader()
    sizes = await asyncio.gather(d.download("a.txt"), d.download("bb.txt", delay=0.12))
    print(sizes)
    m = Downloader.download
    print(m.__name__, m.__qualname__, m.__doc__, m.__module__, m.__annotations__)
    print(m.__wrapped__.__qualname__, m.__wrapped__ is not m, asyncio.iscoroutinefunction(m.__wrapped__))
    print(upload.__name__, upload.__qualname__, upload.__doc__, hasattr(upload, "__wrapped__"))
    print(asyncio.iscoroutinefunction(m), asyncio.iscoroutinefunction(upload))
    await m.__wrapped__(d, "untimed", 0.01)


asyncio.run(main())
