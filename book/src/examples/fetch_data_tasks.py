# Five tasks created with create_task, collected with gather.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def fetch_data(i):
    print(f"{ts()} start fetching {i}")
    await asyncio.sleep(0.1)
    print(f"{ts()} finished fetching {i}")
    return f"data_{i}"


async def main():
    tasks = [asyncio.create_task(fetch_data(i)) for i in range(5)]
    results = await asyncio.gather(*tasks)
    print(results)
    print(f"{ts()} total")


asyncio.run(main())
