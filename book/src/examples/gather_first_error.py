# Without return_exceptions, gather raises the first error at once, but the other awaitables keep running.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s so the printed times are stable from run to run
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def fetch(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        print(f"{ts()} {name} raises")
        raise ConnectionError(f"{name} is down")
    print(f"{ts()} {name} finished")
    return name


async def main():
    try:
        await asyncio.gather(fetch("a", 0.2), fetch("b", 0.1, fail=True), fetch("c", 0.3))
    except ConnectionError as e:
        print(f"{ts()} main caught: {e!r}")
    print(f"{ts()} main keeps going; the other two were not cancelled...")
    await asyncio.sleep(0.3)
    print(f"{ts()} main done")


asyncio.run(main())
