# Cancelling a task before its first step: the body never runs (no print, no "never awaited" warning), the task ends
# cancelled on the next iteration and its done callbacks run; a task cancelled after sleep(0) has run its first step.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def job(name):
    print(f"{ts()} {name}: body started")
    try:
        await asyncio.sleep(0.1)
    finally:
        print(f"{ts()} {name}: finally")
    return name


async def main():
    t = asyncio.create_task(job("early"))
    t.add_done_callback(lambda f: print(f"{ts()} callback: early cancelled={f.cancelled()}"))
    print(f"{ts()} main: cancel before start -> {t.cancel()}, done={t.done()}")
    await asyncio.sleep(0)
    print(f"{ts()} main: after one yield done={t.done()} cancelled={t.cancelled()}")
    await asyncio.sleep(0)
    print(f"{ts()} main: after two yields")
    u = asyncio.create_task(job("late"))
    await asyncio.sleep(0)
    print(f"{ts()} main: late has started; cancel -> {u.cancel()}")
    r = await asyncio.gather(t, u, return_exceptions=True)
    print(f"{ts()} main: gather -> {[type(x).__name__ for x in r]}")


asyncio.run(main())
