# Timers run in deadline order; call_later with the same delay issued one after another keeps call order (each
# loop.time() read is later), but call_at with the SAME deadline pops from CPython's heapq in heap order, not FIFO.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


def cb(label):
    print(f"{ts()} timer {label}")


async def main():
    loop = asyncio.get_running_loop()
    for label in ("later-1", "later-2", "later-3"):
        loop.call_later(0.05, cb, label)
    loop.call_later(0.02, cb, "early (0.02)")
    await asyncio.sleep(0.1)
    print(f"{ts()} -- equal call_at deadlines, 3 timers --")
    when = loop.time() + 0.05
    for label in "ABC":
        loop.call_at(when, cb, label)
    await asyncio.sleep(0.1)
    print(f"{ts()} -- equal call_at deadlines, 4 timers --")
    when = loop.time() + 0.05
    for label in "ABCD":
        loop.call_at(when, cb, label)
    await asyncio.sleep(0.1)
    print(f"{ts()} -- equal call_at deadlines, 7 timers, one cancelled --")
    when = loop.time() + 0.05
    handles = [loop.call_at(when, cb, label) for label in "ABCDEFG"]
    handles[3].cancel()
    await asyncio.sleep(0.1)
    print(f"{ts()} done")


asyncio.run(main())
