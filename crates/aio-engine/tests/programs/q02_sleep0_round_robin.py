# asyncio.sleep(0) yields exactly one loop iteration: three tasks that print and sleep(0) in a loop interleave
# round-robin (A B C A B C ...); a task with fewer rounds drops out and the others keep their relative order.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def spinner(name, rounds):
    for i in range(rounds):
        print(f"{ts()} {name} round {i}")
        await asyncio.sleep(0)
    print(f"{ts()} {name} finished after {rounds} rounds")
    return rounds


async def main():
    tasks = [asyncio.create_task(spinner(n, r)) for n, r in (("A", 3), ("B", 2), ("C", 4))]
    print(f"{ts()} main: tasks created")
    for i in range(3):
        await asyncio.sleep(0)
        print(f"{ts()} main: tick {i}")
    results = await asyncio.gather(*tasks)
    print(f"{ts()} main: results {results}")


asyncio.run(main())
