# asyncio.sleep(d, result=x) returns x; sleep(0) and a negative delay do not touch the timer heap, they just yield one
# loop iteration (so another ready task runs in between) and also return the result.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def chatter():
    for i in range(3):
        print(f"{ts()} chatter {i}")
        await asyncio.sleep(0)


async def main():
    r = await asyncio.sleep(0.05, result="x")
    print(f"{ts()} sleep(0.05, result='x') -> {r!r}")
    t = asyncio.create_task(chatter())
    r = await asyncio.sleep(-1, result="negative")
    print(f"{ts()} sleep(-1) -> {r!r}")
    r = await asyncio.sleep(0, result=[1, 2])
    print(f"{ts()} sleep(0) -> {r!r}")
    r = await asyncio.sleep(-0.5)
    print(f"{ts()} sleep(-0.5) -> {r!r}")
    await t
    start = time.perf_counter()
    r = await asyncio.sleep(0.1, result={"k": 1})
    print(f"{ts()} sleep(0.1) took {fmt(time.perf_counter() - start)} s -> {r!r}")


asyncio.run(main())
