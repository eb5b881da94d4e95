# Predict, then run: the order of the lines, and the total time.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s so the printed times are stable from run to run
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def step(name, delay):
    print(f"{ts()} {name} start")
    await asyncio.sleep(delay)
    print(f"{ts()} {name} end")


async def main():
    a = asyncio.create_task(step("A", 0.3))
    await step("B", 0.1)
    await step("C", 0.1)
    await a
    print(f"{ts()} total")


asyncio.run(main())
