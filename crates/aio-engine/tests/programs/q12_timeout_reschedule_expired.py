# asyncio.timeout(): when() is the absolute deadline, reschedule() moves it (so a block that would have timed out
# completes), expired() tells whether it fired; timeout(None) never fires until rescheduled; timeout_at() takes loop time.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with asyncio.timeout(0.1) as cm:
        print(f"{ts()} block 1: deadline loop+{fmt(cm.when() - start)}")
        await asyncio.sleep(0.05)
        cm.reschedule(loop.time() + 0.2)
        print(f"{ts()} block 1: rescheduled to loop+{fmt(cm.when() - start)}")
        await asyncio.sleep(0.1)
        print(f"{ts()} block 1: slept past the original deadline")
    print(f"{ts()} block 1 finished, expired()={cm.expired()}")
    try:
        async with asyncio.timeout(0.05) as cm2:
            await asyncio.sleep(0.2)
    except TimeoutError:
        print(f"{ts()} block 2 timed out, expired()={cm2.expired()}")
    try:
        async with asyncio.timeout(None) as cm3:
            print(f"{ts()} block 3: when()={cm3.when()}")
            await asyncio.sleep(0.02)
            cm3.reschedule(loop.time() + 0.03)
            await asyncio.sleep(0.2)
    except TimeoutError:
        print(f"{ts()} block 3 timed out after reschedule from None, expired()={cm3.expired()}")
    try:
        async with asyncio.timeout_at(loop.time() + 0.04) as cm4:
            await asyncio.sleep(0.2)
    except TimeoutError as e:
        print(f"{ts()} block 4 (timeout_at) timed out: {e!r}, expired()={cm4.expired()}")


asyncio.run(main())
