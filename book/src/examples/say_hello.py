# asyncio.run returns the coroutine's value; gathered results keep argument order.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def say_hello(name, delay):
    await asyncio.sleep(delay)
    print(f"{ts()} Hello, {name}!")
    return name


r = asyncio.run(say_hello("World", 0.1))
print(f"{ts()} asyncio.run returned {r!r}")


async def main():
    names = await asyncio.gather(say_hello("Alice", 0.2), say_hello("Bob", 0.1))
    print(f"{ts()} gather returned {names}")


asyncio.run(main())
