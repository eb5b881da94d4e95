# Typed async generators: a generic batching helper AsyncIterable[T] -> AsyncIterator[List[T]] and an
# AsyncGenerator[int, str] driven with asend(); the annotations print as typing objects with ~T inside, and the
# objects at run time are plain async_generator objects (their __name__/__qualname__ come from the function).
import asyncio
from typing import AsyncGenerator, AsyncIterable, AsyncIterator, List, TypeVar

T = TypeVar("T")


async def ticks(n: int) -> AsyncIterator[int]:
    for i in range(n):
        await asyncio.sleep(0.01)
        yield i


async def batched(source: AsyncIterable[T], size: int) -> AsyncIterator[List[T]]:
    batch: List[T] = []
    async for item in source:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


async def accumulator() -> AsyncGenerator[int, str]:
    total = 0
    while True:
        word = yield total
        total += len(word)


async def main() -> None:
    async for batch in batched(ticks(7), 3):
        print("batch", batch)
    acc = accumulator()
    print(type(acc).__name__, acc.__name__, acc.__qualname__)
    print(await acc.asend(None), await acc.asend("ab"), await acc.asend("cde"))
    await acc.aclose()
    print([b async for b in batched(ticks(4), 2)])


print(batched.__annotations__)
print(accumulator.__annotations__, AsyncGenerator[int, str].__args__)
asyncio.run(main())
