# Three milk teas, 0.2 s each: a plain loop versus asyncio.gather.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


def make_tea_sync(n):
    print(f"{ts()} order {n}: start making milk tea")
    time.sleep(0.2)
    print(f"{ts()} order {n}: milk tea ready")
    return f"milk tea #{n}"


async def make_tea(n):
    print(f"{ts()} order {n}: start making milk tea")
    await asyncio.sleep(0.2)
    print(f"{ts()} order {n}: milk tea ready")
    return f"milk tea #{n}"


def buy_sync():
    start = time.perf_counter()
    teas = [make_tea_sync(n) for n in range(1, 4)]
    print(f"sync: got {teas} in {fmt(time.perf_counter() - start)} s")


async def buy_async():
    start = time.perf_counter()
    teas = await asyncio.gather(make_tea(1), make_tea(2), make_tea(3))
    print(f"async: got {teas} in {fmt(time.perf_counter() - start)} s")


print("== sync loop ==")
buy_sync()
print("== asyncio.gather ==")
asyncio.run(buy_async())
