# Tracebacks through contextlib's exit stacks, a namedtuple's _make and a Protocol's checks show
# CPython's own frames.
import asyncio
import contextlib
import traceback
from collections import namedtuple
from typing import Protocol, runtime_checkable


def sync_stack():
    with contextlib.ExitStack() as stack:
        stack.callback(print, "closing the log")
        stack.callback(lambda: 1 / 0)


async def boom():
    raise ValueError("async cleanup failed")


async def async_stack():
    async with contextlib.AsyncExitStack() as stack:
        stack.push_async_callback(boom)
        stack.callback(print, "sync cleanup")


class Closer(Protocol):
    def close(self): ...


@runtime_checkable
class Sized(Protocol):
    size: int


Point = namedtuple("Point", "x y")
attempts = [
    sync_stack,
    lambda: asyncio.run(async_stack()),
    lambda: Point._make([1]),
    lambda: isinstance(object(), Closer),
    lambda: issubclass(int, Closer),
    lambda: issubclass(int, Sized),
]
for attempt in attempts:
    try:
        attempt()
    except Exception:
        traceback.print_exc()
        print("---")
