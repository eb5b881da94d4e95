# contextlib.suppress in asyncio code: suppress(asyncio.CancelledError) around awaiting a task we cancelled,
# suppress(TimeoutError) around `async with asyncio.timeout()` (in 3.11 asyncio.TimeoutError *is* the builtin
# TimeoutError), suppress(KeyError, IndexError) with several classes, subclasses being suppressed too; the rest
# of the block after the raising line is skipped, and an exception of another type passes through.
import asyncio
import contextlib
from typing import Dict, List


async def heartbeat(out: "asyncio.Queue[int]") -> None:
    n = 0
    while True:
        await out.put(n)
        n += 1
        await asyncio.sleep(0.02)


async def slow_query() -> str:
    await asyncio.sleep(0.2)
    return "rows"


async def main() -> None:
    q: asyncio.Queue[int] = asyncio.Queue()
    task = asyncio.create_task(heartbeat(q))
    beats = [await q.get() for _ in range(3)]
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
        print("not printed")
    print("heartbeat stopped:", beats, task.cancelled(), q.qsize())
    print(asyncio.TimeoutError is TimeoutError, issubclass(asyncio.CancelledError, Exception))
    result = "no result"
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(0.03):
            result = await slow_query()
    print("after timeout:", result)
    cache: Dict[str, List[int]] = {"a": [1]}
    with contextlib.suppress(KeyError, IndexError):
        print(cache["a"][0])
        print(cache["a"][5])
        print("not printed")
    with contextlib.suppress(LookupError):
        cache["zzz"]
    try:
        with contextlib.suppress(KeyError):
            int("ten")
    except ValueError as e:
        print("passed through:", repr(e))


asyncio.run(main())
