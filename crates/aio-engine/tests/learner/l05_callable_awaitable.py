# Callable / Awaitable / Coroutine / AsyncIterator annotations on a callback-taking helper: the typing reprs
# (typing.Callable[[str], typing.Awaitable[int]], typing.Coroutine[typing.Any, typing.Any, int]) and the
# collections.abc ones (collections.abc.Callable[[str], int]); get_origin / get_args take them apart, and
# isinstance works against the abc classes at run time (a coroutine object is an Awaitable and a Coroutine).
import asyncio
import collections.abc
from typing import Any, AsyncIterator, Awaitable, Callable, Coroutine, List, get_args, get_origin

Handler = Callable[[str], Awaitable[int]]


async def handle(line: str) -> int:
    await asyncio.sleep(0.01)
    return len(line)


async def lines() -> AsyncIterator[str]:
    for text in ("alpha", "be", "gamma"):
        await asyncio.sleep(0)
        yield text


async def process(source: AsyncIterator[str], handler: Handler) -> List[int]:
    return [await handler(line) async for line in source]


def start(factory: Callable[[], Coroutine[Any, Any, int]]) -> "asyncio.Task[int]":
    return asyncio.create_task(factory())


async def main() -> None:
    print(await process(lines(), handle))
    coro = handle("x")
    print(isinstance(coro, collections.abc.Awaitable), isinstance(coro, collections.abc.Coroutine))
    print(isinstance(lines(), collections.abc.AsyncIterator), isinstance(handle, collections.abc.Callable))
    print(await coro, await start(lambda: handle("four")))


print(Handler)
print(process.__annotations__["source"], start.__annotations__)
print(Coroutine[Any, Any, int], collections.abc.Callable[[str], int])
print(get_origin(Handler), get_args(Handler))
print(get_origin(AsyncIterator[str]), get_args(Coroutine[Any, Any, int]))
print(Callable[..., int], get_args(Callable[..., int]))
asyncio.run(main())
