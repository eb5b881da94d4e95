# Timeouts with asyncio.wait_for and async with asyncio.timeout (3.11+).
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def slow_operation(name, d):
    print(f"{ts()} {name} started, needs {d} s")
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(f"{ts()} {name} was cancelled")
        raise
    print(f"{ts()} {name} finished")
    return f"{name} result"


async def main():
    print("asyncio.TimeoutError is TimeoutError:", asyncio.TimeoutError is TimeoutError)
    try:
        r = await asyncio.wait_for(slow_operation("op1", 0.3), timeout=0.1)
        print("got", r)
    except TimeoutError as e:
        print(f"{ts()} wait_for: {type(e).__name__} {e!r}")
    r = await asyncio.wait_for(slow_operation("op2", 0.05), timeout=0.1)
    print(f"{ts()} wait_for in time: {r!r}")
    try:
        async with asyncio.timeout(0.1):
            await slow_operation("op3", 0.3)
        print("not reached")
    except TimeoutError as e:
        print(f"{ts()} asyncio.timeout: {type(e).__name__} {e!r}")
    async with asyncio.timeout(0.1):
        r = await slow_operation("op4", 0.05)
    print(f"{ts()} asyncio.timeout in time: {r!r}")


asyncio.run(main())
