# A queue's and a lock's own state, as a program may print it: the queue keeps its items in a
# collections.deque (`_queue`), waiters wait in deques too; their reprs show them.
import asyncio


async def main():
    q = asyncio.Queue(maxsize=2)
    for i in range(2):
        q.put_nowait(i)
    print(q._queue, type(q._queue).__name__, len(q._queue), 1 in q._queue, q._queue[0], q._queue[-1])
    print(list(q._queue), q.full())
    putter = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    print(q, len(q._putters))
    print(await q.get(), await q.get())
    await putter
    print(q, q.qsize())
    print(q.get_nowait(), q.empty())
    getter = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    print(q, len(q._getters))
    getter.cancel()
    try:
        await getter
    except asyncio.CancelledError:
        print("getter cancelled;", q, len(q._getters))
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    waiter = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    print(sem.locked(), len(sem._waiters))
    sem.release()
    await waiter
    print(sem.locked(), sem._waiters is None or len(sem._waiters))


asyncio.run(main())
