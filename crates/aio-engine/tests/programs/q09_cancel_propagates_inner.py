# Cancelling a task that awaits another task cancels the awaited task too (the inner sees CancelledError first, then the
# outer); awaiting a plain coroutine runs it inside the same task, so cancellation just hits its await.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def inner(name):
    print(f"{ts()} {name}: start")
    try:
        await asyncio.sleep(0.3)
    except asyncio.CancelledError:
        print(f"{ts()} {name}: cancelled")
        raise
    return name


async def outer_task():
    it = asyncio.create_task(inner("inner-task"), name="inner-task")
    try:
        return await it
    except asyncio.CancelledError:
        print(f"{ts()} outer_task: cancelled, inner.cancelled()={it.cancelled()}")
        raise


async def outer_coro():
    try:
        return await inner("inner-coro")
    except asyncio.CancelledError:
        print(f"{ts()} outer_coro: cancelled")
        raise


async def main():
    for fn in (outer_task, outer_coro):
        t = asyncio.create_task(fn())
        await asyncio.sleep(0.05)
        print(f"{ts()} main: cancelling {fn.__name__}")
        t.cancel()
        try:
            await t
        except asyncio.CancelledError:
            print(f"{ts()} main: {fn.__name__} cancelled={t.cancelled()}")
    print(f"{ts()} main: remaining tasks {sorted(x.get_name() for x in asyncio.all_tasks())}")


asyncio.run(main())
