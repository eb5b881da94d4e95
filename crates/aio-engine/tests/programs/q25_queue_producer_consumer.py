# Queue(maxsize=2): the producer's put() blocks while the queue is full and resumes when the consumer get()s; join()
# returns once task_done() was called for every item; the idle consumer is then cancelled.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def producer(q, n):
    for i in range(1, n + 1):
        print(f"{ts()} producer: put item {i} (qsize={q.qsize()} full={q.full()})")
        await q.put(i)
        print(f"{ts()} producer: item {i} queued")
    print(f"{ts()} producer: done")


async def consumer(q):
    try:
        while True:
            item = await q.get()
            print(f"{ts()} consumer: got item {item}")
            await asyncio.sleep(0.05)
            q.task_done()
            print(f"{ts()} consumer: finished item {item}")
    except asyncio.CancelledError:
        print(f"{ts()} consumer: cancelled while idle (qsize={q.qsize()})")
        raise


async def main():
    q = asyncio.Queue(maxsize=2)
    c = asyncio.create_task(consumer(q))
    await producer(q, 5)
    print(f"{ts()} main: join()")
    await q.join()
    print(f"{ts()} main: join() returned, unfinished tasks done")
    c.cancel()
    await asyncio.gather(c, return_exceptions=True)


asyncio.run(main())
