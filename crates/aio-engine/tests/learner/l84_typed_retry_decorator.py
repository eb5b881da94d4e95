# A typed retry decorator for coroutines, as typed code writes it: ParamSpec and TypeVar keep the
# wrapped function's signature (P.args, P.kwargs), Concatenate adds a leading parameter,
# functools.wraps keeps its name; the annotations print as CPython's reprs.
from __future__ import annotations

import asyncio
import functools
import inspect
from typing import Awaitable, Callable, Concatenate, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def retry(times: int) -> Callable[[Callable[P, Awaitable[R]]], Callable[P, Awaitable[R]]]:
    def decorate(fn: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
        @functools.wraps(fn)
        async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            for attempt in range(1, times + 1):
                try:
                    return await fn(*args, **kwargs)
                except ConnectionError as e:
                    print(f"{fn.__name__} attempt {attempt} failed: {e}")
                    await asyncio.sleep(0.01 * attempt)
            raise RuntimeError(f"{fn.__name__} gave up after {times} attempts")
        return wrapper
    return decorate


def with_session(fn: Callable[Concatenate[str, P], Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    async def inner(*args: P.args, **kwargs: P.kwargs) -> R:
        return await fn("session-1", *args, **kwargs)
    return inner


calls = {"n": 0}


@retry(times=3)
async def fetch(url: str, *, timeout: float = 1.0) -> dict[str, str]:
    calls["n"] += 1
    if calls["n"] < 3:
        raise ConnectionError(f"reset by peer ({url})")
    await asyncio.sleep(0.01)
    return {"url": url, "status": "ok"}


@with_session
async def query(session: str, sql: str) -> list[str]:
    await asyncio.sleep(0.01)
    return [session, sql]


async def main() -> None:
    print(await fetch("https://example.com", timeout=0.5))
    print(await query("select 1"))
    print(fetch.__name__, inspect.signature(fetch), inspect.iscoroutinefunction(fetch))
    print(P, P.args, P.kwargs, R)
    print(Callable[P, Awaitable[R]], Concatenate[str, P])
    print(retry.__annotations__["return"])


asyncio.run(main())
