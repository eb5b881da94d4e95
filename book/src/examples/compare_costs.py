# Tasks are cheap; threads do not speed up pure-Python CPU work (the GIL).
import asyncio
import threading
import time


def count(n):
    while n > 0:
        n -= 1


async def nap():
    await asyncio.sleep(0.1)


async def main():
    start = time.perf_counter()
    await asyncio.gather(*(nap() for _ in range(10_000)))
    took = time.perf_counter() - start
    print(f"10,000 tasks each slept 0.1 s; all done in under 1 s: {took < 1.0}")
    print(f"threads used for them: {threading.active_count()}")


asyncio.run(main())

N = 3_000_000
start = time.perf_counter()
count(N)
count(N)
one_thread = time.perf_counter() - start

start = time.perf_counter()
workers = [threading.Thread(target=count, args=(N,)) for _ in range(2)]
for w in workers:
    w.start()
for w in workers:
    w.join()
two_threads = time.perf_counter() - start
print(f"CPU work: two threads at least 1.5x faster than one: {one_thread / two_threads >= 1.5}")
