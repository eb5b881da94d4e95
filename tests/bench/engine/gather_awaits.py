# A gather of 1,000 tasks, each awaiting a few coroutines and short sleeps.
import asyncio


async def step(i, k):
    await asyncio.sleep(0)
    return i * k


async def worker(i):
    total = 0
    for k in range(5):
        total += await step(i, k)
    await asyncio.sleep(0.001)
    return total


async def main():
    results = await asyncio.gather(*(worker(i) for i in range(1_000)))
    print(len(results), sum(results))


asyncio.run(main())
