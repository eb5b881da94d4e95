# as_completed() yields awaitables in completion order (not argument order); with a timeout, the next await raises
# TimeoutError once the deadline passes while the remaining tasks keep running.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def fetch(name, d):
    await asyncio.sleep(d)
    print(f"{ts()} {name}: ready")
    return f"{name}:{d}"


async def main():
    tasks = [asyncio.create_task(fetch(n, d)) for n, d in (("one", 0.15), ("two", 0.05), ("three", 0.1))]
    for i, aw in enumerate(asyncio.as_completed(tasks), 1):
        r = await aw
        print(f"{ts()} #{i} -> {r}")
    slow = [asyncio.create_task(fetch(n, d)) for n, d in (("x", 0.3), ("y", 0.02))]
    try:
        for aw in asyncio.as_completed(slow, timeout=0.1):
            r = await aw
            print(f"{ts()} got {r}")
    except TimeoutError:
        print(f"{ts()} as_completed timed out; x.done()={slow[0].done()}")
    r = await slow[0]
    print(f"{ts()} x still finishes: {r}")


asyncio.run(main())
