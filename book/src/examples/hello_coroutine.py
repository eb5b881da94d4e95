# Two greetings gathered: both start before either finishes.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def greet(name):
    print(f"{ts()} {name} starts")
    await asyncio.sleep(0.1)
    print(f"{ts()} {name} done")


async def main():
    results = await asyncio.gather(greet("Xiaoming"), greet("Xiaohong"))
    print(f"{ts()} gather returned {results}")


asyncio.run(main())
