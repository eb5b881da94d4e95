# exit: 1
# An exception escaping main propagates out of asyncio.run as an ordinary traceback (through runners.py and
# base_events.py frames), with its `raise ... from` chain printed first; other tasks are cancelled; exit status 1.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def helper():
    try:
        await asyncio.sleep(1)
    finally:
        print(f"{ts()} helper: finally (cancelled at shutdown)")


async def parse(text):
    await asyncio.sleep(0.02)
    return int(text)


async def main():
    asyncio.create_task(helper())
    print(f"{ts()} main: parsing")
    try:
        await parse("12x")
    except ValueError as e:
        raise RuntimeError("config is invalid") from e


asyncio.run(main())
print("never printed")
