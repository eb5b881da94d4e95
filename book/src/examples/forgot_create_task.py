# Awaiting coroutines one by one versus creating tasks first.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def task1():
    print(f"{ts()} task1 start")
    await asyncio.sleep(0.1)
    print(f"{ts()} task1 end")
    return "result1"


async def task2():
    print(f"{ts()} task2 start")
    await asyncio.sleep(0.2)
    print(f"{ts()} task2 end")
    return "result2"


async def sequential():
    start = time.perf_counter()
    r1 = await task1()
    r2 = await task2()
    print(f"{ts()} sequential: {r1}, {r2}; took {fmt(time.perf_counter() - start)} s")


async def concurrent():
    start = time.perf_counter()
    t1 = asyncio.create_task(task1())
    t2 = asyncio.create_task(task2())
    print(f"{ts()} both tasks created (bodies not started yet)")
    r1 = await t1
    r2 = await t2
    print(f"{ts()} concurrent: {r1}, {r2}; took {fmt(time.perf_counter() - start)} s")


async def main():
    print("== await task1(); await task2() ==")
    await sequential()
    print("== create_task both, then await both ==")
    await concurrent()


asyncio.run(main())
