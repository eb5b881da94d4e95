# When main returns, asyncio.run cancels every task still pending and runs them until they finish: the finally block
# prints, and a cleanup that awaits (sleep 0.05) still completes before asyncio.run returns; finished tasks are untouched.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def background():
    print(f"{ts()} background: started, sleeping 1 s")
    try:
        await asyncio.sleep(1)
        print("not reached")
    except asyncio.CancelledError:
        print(f"{ts()} background: cancelled by asyncio.run, cleaning up")
        await asyncio.sleep(0.05)
        print(f"{ts()} background: cleanup finished")
        raise
    finally:
        print(f"{ts()} background: finally")


async def quick():
    await asyncio.sleep(0.02)
    print(f"{ts()} quick: finished on its own")


async def main():
    asyncio.create_task(background())
    asyncio.create_task(quick())
    await asyncio.sleep(0.1)
    print(f"{ts()} main: returning with {len(asyncio.all_tasks())} tasks still pending (incl. main)")
    return "main result"


r = asyncio.run(main())
print(f"{ts()} asyncio.run returned {r!r}")
