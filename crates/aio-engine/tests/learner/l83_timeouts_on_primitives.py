# Timeouts on waits for asyncio's primitives (Queue.get, Event.wait, Condition.wait, Lock,
# Semaphore): the TimeoutError's traceback, printed by a worker, shows the library line the
# wait was at (queues.py, locks.py), then what wait_for and timeout() add.
import asyncio
import traceback


async def waiter(name, make):
    try:
        await make()
    except TimeoutError:
        print(f"--- {name} timed out")
        traceback.print_exc()


async def main():
    q = asyncio.Queue()
    ev = asyncio.Event()
    cond = asyncio.Condition()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(0)
    await lock.acquire()

    async def in_cond():
        async with cond:
            await asyncio.wait_for(cond.wait(), 0.01)

    async def in_timeout():
        async with asyncio.timeout(0.01):
            await sem.acquire()

    await waiter("queue", lambda: asyncio.wait_for(q.get(), 0.01))
    await waiter("event", lambda: asyncio.wait_for(ev.wait(), 0.01))
    await waiter("condition", in_cond)
    await waiter("lock", lambda: asyncio.wait_for(lock.acquire(), 0.01))
    await waiter("semaphore", in_timeout)


asyncio.run(main())
