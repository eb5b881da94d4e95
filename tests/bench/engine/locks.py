# asyncio: 100 tasks contending for a Lock and a Semaphore(3), 200 rounds each.
import asyncio

counter = 0


async def worker(lock, slots):
    global counter
    for _ in range(200):
        async with slots:
            async with lock:
                counter += 1
                await asyncio.sleep(0)


async def main():
    lock = asyncio.Lock()
    slots = asyncio.Semaphore(3)
    await asyncio.gather(*(worker(lock, slots) for _ in range(100)))
    print(counter)


asyncio.run(main())
