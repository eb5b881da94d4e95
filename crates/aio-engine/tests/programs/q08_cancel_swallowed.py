# A task that catches CancelledError and does not re-raise keeps running: it is not cancelled() in the end and its
# return value is the result; cancelling() still counts the request (3.11). A second cancel() interrupts it again.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def stubborn():
    for attempt in range(1, 4):
        try:
            print(f"{ts()} stubborn: sleeping (attempt {attempt})")
            await asyncio.sleep(0.1)
            print(f"{ts()} stubborn: woke normally")
            return f"finished at attempt {attempt}"
        except asyncio.CancelledError:
            print(f"{ts()} stubborn: ignoring cancellation")
    return "gave up"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.05)
    print(f"{ts()} main: cancel -> {t.cancel()}, cancelling()={t.cancelling()}")
    await asyncio.sleep(0.03)
    print(f"{ts()} main: cancel again -> {t.cancel()}, cancelling()={t.cancelling()}")
    r = await t
    print(f"{ts()} main: result={r!r} cancelled={t.cancelled()} cancelling()={t.cancelling()}")


asyncio.run(main())
