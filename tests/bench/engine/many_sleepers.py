# 10,000 tasks, each sleeping 1 ms once: task creation, the timer heap and wake-ups.
import asyncio


async def sleeper(i):
    await asyncio.sleep(0.001)
    return i


async def main():
    tasks = [asyncio.create_task(sleeper(i)) for i in range(10_000)]
    results = await asyncio.gather(*tasks)
    print(len(results), sum(results))


asyncio.run(main())
