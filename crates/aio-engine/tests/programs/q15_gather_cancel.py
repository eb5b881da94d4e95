# Cancelling the gather() future cancels every child that is still running (in argument order) and awaiting it raises
# CancelledError; cancelling ONE child instead makes a plain gather raise CancelledError while the others keep going.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def child(name, d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(f"{ts()} {name}: cancelled")
        raise
    print(f"{ts()} {name}: finished")
    return name


async def main():
    g = asyncio.gather(child("A", 0.2), child("B", 0.03), child("C", 0.3))
    await asyncio.sleep(0.05)
    print(f"{ts()} main: cancel gather -> {g.cancel()}")
    try:
        await g
    except asyncio.CancelledError:
        print(f"{ts()} main: gather cancelled={g.cancelled()}")
    d = asyncio.create_task(child("D", 0.05))
    e = asyncio.create_task(child("E", 0.1))
    g2 = asyncio.gather(d, e)
    await asyncio.sleep(0.01)
    d.cancel()
    try:
        await g2
    except asyncio.CancelledError:
        print(f"{ts()} main: gather raised CancelledError because D was cancelled; E.done()={e.done()}")
    r = await e
    print(f"{ts()} main: E -> {r!r}")


asyncio.run(main())
