# wait_for: in time it returns the value; on timeout it cancels the inner, waits for it to finish, then raises
# TimeoutError from the CancelledError; if the inner swallows the cancel and returns, 3.11 wait_for returns that value;
# cancelling the task that sits in wait_for cancels the inner too.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def op(name, d, swallow=False):
    print(f"{ts()} {name}: start ({d} s)")
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(f"{ts()} {name}: got CancelledError{' (swallowed)' if swallow else ''}")
        if swallow:
            return f"{name} partial"
        raise
    print(f"{ts()} {name}: done")
    return f"{name} full"


async def main():
    r = await asyncio.wait_for(op("fast", 0.05), timeout=0.1)
    print(f"{ts()} wait_for in time -> {r!r}")
    try:
        await asyncio.wait_for(op("slow", 0.3), timeout=0.1)
    except TimeoutError as e:
        print(f"{ts()} wait_for timed out: {e!r}, cause={type(e.__cause__).__name__}")
    r = await asyncio.wait_for(op("stubborn", 0.3, swallow=True), timeout=0.05)
    print(f"{ts()} wait_for with swallowing inner -> {r!r}")
    r = await asyncio.wait_for(op("no-timeout", 0.05), timeout=None)
    print(f"{ts()} wait_for(timeout=None) -> {r!r}")
    outer = asyncio.create_task(asyncio.wait_for(op("victim", 0.3), timeout=1))
    await asyncio.sleep(0.05)
    print(f"{ts()} cancelling the task that is in wait_for")
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print(f"{ts()} outer cancelled={outer.cancelled()}")


asyncio.run(main())
