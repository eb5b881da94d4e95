# loop.time() is the monotonic clock the timers use: call_at(start + d) fires at start + d, TimerHandle.when() is the
# absolute deadline, and after `await asyncio.sleep(d)` loop.time() has advanced by at least d. A timer whose deadline
# is already past runs after the callbacks already in the ready queue (here: main's own sleep(0) step).
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    fired = []

    def on_timer(label):
        fired.append(label)
        print(f"{ts()} {label} fired at loop+{fmt(loop.time() - start)}")

    h1 = loop.call_at(start + 0.15, on_timer, "at+0.15")
    h2 = loop.call_later(0.05, on_timer, "later 0.05")
    h3 = loop.call_at(start + 0.1, on_timer, "at+0.10")
    for h in (h1, h2, h3):
        print(f"deadline at loop+{fmt(h.when() - start)}")
    await asyncio.sleep(0.2)
    elapsed = loop.time() - start
    print(f"{ts()} slept 0.2: loop.time advanced {fmt(elapsed)} (>= 0.2: {elapsed >= 0.2})")
    print(f"fired order: {fired}")
    h4 = loop.call_at(start, on_timer, "deadline in the past")
    print(f"past deadline still a TimerHandle: {type(h4).__name__}")
    await asyncio.sleep(0)
    print(f"{ts()} main resumed first (its step was queued before the due timer moved to ready): {fired[-1:]}")
    await asyncio.sleep(0)
    print(f"{ts()} after the second yield: {fired[-1:]}")


asyncio.run(main())
