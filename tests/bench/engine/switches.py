# 100 tasks taking turns 1,000 times each with sleep(0): 100,000 switches through the ready queue.
import asyncio

count = 0


async def spinner():
    global count
    for _ in range(1_000):
        count += 1
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(*(spinner() for _ in range(100)))
    print(count)


asyncio.run(main())
