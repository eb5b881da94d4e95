# A task that fails while nobody awaits it: when the finished task is garbage-collected, asyncio logs
# "Task exception was never retrieved" with the task repr and traceback to stderr; the program itself carries on (exit 0).
import asyncio
import gc
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def explode():
    await asyncio.sleep(0.02)
    print(f"{ts()} explode: raising")
    raise ValueError("nobody saw this")


async def retrieved():
    await asyncio.sleep(0.01)
    raise KeyError("this one is checked")


async def main():
    t = asyncio.create_task(explode())
    u = asyncio.create_task(retrieved())
    await asyncio.sleep(0.05)
    print(f"{ts()} main: t.done()={t.done()}, u.exception()={u.exception()!r}")
    del t, u
    gc.collect()
    print("main: dropped both tasks (no timestamp: gc.collect() takes a few ms)")
    await asyncio.sleep(0.01)
    print("main: still running normally")


asyncio.run(main())
