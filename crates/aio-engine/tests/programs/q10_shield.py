# asyncio.shield(inner): cancelling the awaiting task raises CancelledError in it immediately, but the shielded inner
# task keeps running to completion and can still be awaited; cancelling the inner itself is not prevented.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def important(name, d):
    print(f"{ts()} {name}: start ({d} s)")
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(f"{ts()} {name}: cancelled")
        raise
    print(f"{ts()} {name}: completed")
    return f"{name} ok"


async def caller(inner):
    try:
        r = await asyncio.shield(inner)
        print(f"{ts()} caller: got {r!r}")
    except asyncio.CancelledError:
        print(f"{ts()} caller: cancelled while waiting on shield")
        raise


async def main():
    inner = asyncio.create_task(important("save", 0.2))
    c = asyncio.create_task(caller(inner))
    await asyncio.sleep(0.05)
    c.cancel()
    await asyncio.gather(c, return_exceptions=True)
    print(f"{ts()} main: caller cancelled={c.cancelled()}, inner done={inner.done()}")
    r = await inner
    print(f"{ts()} main: await inner -> {r!r}")
    inner2 = asyncio.create_task(important("upload", 0.2))
    s = asyncio.shield(inner2)
    await asyncio.sleep(0.05)
    inner2.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print(f"{ts()} main: cancelling the inner cancels the shield too: {s.cancelled()}")


asyncio.run(main())
