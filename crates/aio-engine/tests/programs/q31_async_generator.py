# Async generators: `async for` drives one item per __anext__ (sleeping between them, interleaving with another task);
# async comprehensions collect them; aclose() after an early break runs the generator's finally block right then.
# (gen2..gen4 use sleep(0): no time passes, only loop iterations.)
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def ticker(name, n, d):
    try:
        for i in range(n):
            await asyncio.sleep(d)
            print(f"{ts()} {name}: yielding {i}")
            yield i
    finally:
        print(f"{ts()} {name}: finally (generator closed)")


async def main():
    async def other():
        for d in (0.03, 0.02):
            await asyncio.sleep(d)
            print(f"{ts()} other task ticks")

    t = asyncio.create_task(other())
    async for x in ticker("gen1", 3, 0.02):
        print(f"{ts()} main: received {x}")
    await t
    squares = [x * x async for x in ticker("gen2", 4, 0) if x % 2 == 0]
    print(f"{ts()} async comprehension -> {squares}")
    g = ticker("gen3", 10, 0)
    async for x in g:
        if x == 1:
            print(f"{ts()} main: breaking out at {x}")
            break
    print(f"{ts()} main: after break, closing explicitly")
    await g.aclose()
    g4 = ticker("gen4", 1, 0)
    first = await anext(g4)
    print(f"{ts()} main: anext on a fresh generator -> {first}")
    await g4.aclose()
    try:
        await anext(g)
    except StopAsyncIteration:
        print("anext on the closed generator -> StopAsyncIteration")


asyncio.run(main())
