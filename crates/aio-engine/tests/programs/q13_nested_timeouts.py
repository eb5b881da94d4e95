# Nested asyncio.timeout blocks: when the OUTER fires first, the inner block sees a plain CancelledError (not expired)
# and only the outer raises TimeoutError; when the INNER fires first, its TimeoutError can be handled inside the outer.
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
    try:
        async with asyncio.timeout(0.1) as outer:
            try:
                async with asyncio.timeout(0.3) as inner:
                    await asyncio.sleep(0.5)
            except asyncio.CancelledError:
                print(f"{ts()} case 1: inner block saw CancelledError, inner.expired()={inner.expired()}")
                raise
    except TimeoutError:
        print(f"{ts()} case 1: outer raised TimeoutError, outer.expired()={outer.expired()}")

    async with asyncio.timeout(0.3) as outer:
        try:
            async with asyncio.timeout(0.05) as inner:
                await asyncio.sleep(0.5)
        except TimeoutError:
            print(f"{ts()} case 2: inner TimeoutError handled, inner.expired()={inner.expired()}")
        await asyncio.sleep(0.05)
        print(f"{ts()} case 2: outer block continues")
    print(f"{ts()} case 2: outer finished, outer.expired()={outer.expired()}")



asyncio.run(main())
