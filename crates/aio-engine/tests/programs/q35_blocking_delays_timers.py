# A blocking time.sleep in one task freezes the whole loop: timers that came due meanwhile all fire late, right after
# the blocking step ends, in deadline order; a task scheduled for 0.1 s wakes at 0.3 s.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def punctual(name, d):
    await asyncio.sleep(d)
    print(f"{ts()} {name}: woke (asked for {d} s)")


async def hog():
    print(f"{ts()} hog: blocking for 0.3 s with time.sleep")
    time.sleep(0.3)
    print(f"{ts()} hog: done blocking")


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(punctual(n, d)) for n, d in (("p1", 0.2), ("p2", 0.1), ("p3", 0.4))]
    loop.call_later(0.05, lambda: print(f"{ts()} timer: due at 0.05"))
    await asyncio.sleep(0)
    await hog()
    print(f"{ts()} main: continues in the same step, nothing else ran yet")
    await asyncio.gather(*tasks)
    print(f"{ts()} main: done")


asyncio.run(main())
