# task_a (0.2 s) and task_b (0.1 s) gathered: who finishes first?
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def task_a():
    print(f"{ts()} task_a start")
    await asyncio.sleep(0.2)
    print(f"{ts()} task_a end")
    return "A"


async def task_b():
    print(f"{ts()} task_b start")
    await asyncio.sleep(0.1)
    print(f"{ts()} task_b end")
    return "B"


async def main():
    r = await asyncio.gather(task_a(), task_b())
    print(f"{ts()} results {r}")


asyncio.run(main())
