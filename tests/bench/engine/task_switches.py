# asyncio: 10,000 tasks under gather, each awaiting sleep(0) ten times (100,000 switches).
import asyncio


async def worker(i):
    for _ in range(10):
        await asyncio.sleep(0)
    return i


async def main():
    results = await asyncio.gather(*(worker(i) for i in range(10_000)))
    print(len(results), sum(results))


asyncio.run(main())
