# Event: several waiters block in wait() until set(); set() wakes all of them in the order they started waiting and
# later wait() calls return at once; after clear() a new wait() blocks again (here cut short by wait_for).
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def waiter(ev, name):
    print(f"{ts()} {name}: waiting")
    r = await ev.wait()
    print(f"{ts()} {name}: woke, wait() returned {r}")


async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, n)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep(0.1)
    print(f"{ts()} main: set() (is_set before={ev.is_set()})")
    ev.set()
    print(f"{ts()} main: set() returned, nobody has run yet")
    await asyncio.gather(*tasks)
    await waiter(ev, "late")
    ev.clear()
    print(f"{ts()} main: cleared, is_set={ev.is_set()}")
    try:
        await asyncio.wait_for(waiter(ev, "after-clear"), 0.05)
    except TimeoutError:
        print(f"{ts()} main: after-clear timed out")
    asyncio.get_running_loop().call_later(0.05, ev.set)
    await waiter(ev, "timer-set")


asyncio.run(main())
