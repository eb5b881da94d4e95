# asyncio: two tasks passing 20,000 items through two bounded queues, there and back.
import asyncio


async def producer(requests, replies, n):
    total = 0
    for i in range(n):
        await requests.put(i)
        total += await replies.get()
    await requests.put(None)
    return total


async def doubler(requests, replies):
    while (item := await requests.get()) is not None:
        await replies.put(item * 2)


async def main():
    requests = asyncio.Queue(maxsize=10)
    replies = asyncio.Queue(maxsize=10)
    total, _ = await asyncio.gather(producer(requests, replies, 20_000), doubler(requests, replies))
    print(total)


asyncio.run(main())
