# Computing takes time: a busy loop holds the event loop, timers fire late, and the
# work a worker thread does delays only that worker.
import asyncio
import time


def spin(seconds):
    end = time.perf_counter() + seconds
    n = 0
    while time.perf_counter() < end:
        n += 1
    return n > 0


async def ticker(log):
    start = time.perf_counter()
    for i in range(3):
        await asyncio.sleep(0.01)
        log.append(round((time.perf_counter() - start) * 100))


async def main():
    log = []
    t = asyncio.create_task(ticker(log))
    await asyncio.sleep(0)
    print("spun:", spin(0.05))
    print("ticks so far:", log)
    await t
    print("ticks (in 10 ms):", log)

    loop = asyncio.get_running_loop()
    fired = []
    loop.call_later(0.02, fired.append, "timer")
    spin(0.04)
    print("timer fired during the spin:", fired)
    await asyncio.sleep(0)
    print("after one trip through the loop:", fired)
    await asyncio.sleep(0)
    print("after two:", fired)

    start = time.perf_counter()
    ok = await asyncio.to_thread(spin, 0.03)
    print("thread spun:", ok, "| the loop waited at least 30 ms:", time.perf_counter() - start >= 0.03)


asyncio.run(main())
