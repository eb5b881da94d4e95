# Exception chaining across awaits and tasks: `raise X from Y` sets __cause__ (and __suppress_context__), raising in an
# except block sets __context__, `from None` hides the context; the chain survives being re-raised out of a task.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def low_level():
    await asyncio.sleep(0.02)
    raise ConnectionResetError("peer reset")


async def mid_level():
    try:
        await low_level()
    except ConnectionResetError as e:
        raise RuntimeError("fetch failed") from e


async def implicit():
    try:
        await low_level()
    except ConnectionResetError:
        raise LookupError("cache miss while handling")


async def hidden():
    try:
        await low_level()
    except ConnectionResetError:
        raise PermissionError("denied") from None


def describe(e):
    return (f"{type(e).__name__}({e}) cause={e.__cause__!r} context={e.__context__!r} "
            f"suppress={e.__suppress_context__}")


async def main():
    for fn in (mid_level, implicit, hidden):
        try:
            await fn()
        except Exception as e:
            print(f"{ts()} {fn.__name__}: {describe(e)}")
    t = asyncio.create_task(mid_level())
    await asyncio.sleep(0.05)
    print(f"{ts()} task done={t.done()}, exception()={t.exception()!r}")
    try:
        await t
    except RuntimeError as e:
        chain = []
        while e is not None:
            chain.append(type(e).__name__)
            e = e.__cause__ or e.__context__
        print(f"{ts()} chain from awaited task: {' <- '.join(chain)}")
    try:
        try:
            await asyncio.wait_for(low_level(), 0.01)
        except TimeoutError as e:
            raise ValueError("gave up") from e
    except ValueError as e:
        print(f"{ts()} {describe(e)}; cause.__cause__={e.__cause__.__cause__!r}")


asyncio.run(main())
