# Tasks are cheap and switch only at await: 10,000 of them on one thread, and CPU work runs in one piece.
import asyncio
import sys
import threading
import time


async def nap():
    await asyncio.sleep(0.1)


def busy(log, name, seconds):
    # CPU work that never awaits: records who was running, over and over
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        log.append(name)


def runs(log):
    # how many unbroken stretches the log contains: ["A", "A", "B", "A"] has 3
    return 1 + sum(1 for x, y in zip(log, log[1:]) if x != y)


async def busy_task(log, name):
    busy(log, name, 0.005)


async def main():
    start = time.perf_counter()
    await asyncio.gather(*(nap() for _ in range(10_000)))
    took = time.perf_counter() - start
    print(f"10,000 tasks each slept 0.1 s (1,000 s one by one); all done in under 2 s: {took < 2.0}")
    print(f"threads used for them: {threading.active_count()}")

    log = []
    await asyncio.gather(busy_task(log, "A"), busy_task(log, "B"))
    print(f"two busy tasks: {runs(log)} stretches (A ran to the end, then B)")
    print(f"(threads, by contrast, are switched by force every {sys.getswitchinterval()} s)")


asyncio.run(main())
