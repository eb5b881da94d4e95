# gather(return_exceptions=True) puts a cancelled child's CancelledError (a BaseException) into the result list in
# argument order, alongside normal results and ordinary exceptions; the gather itself is not cancelled.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def work(name, d, exc=None):
    await asyncio.sleep(d)
    if exc:
        raise exc
    print(f"{ts()} {name}: returns")
    return name.upper()


async def main():
    tasks = [
        asyncio.create_task(work("a", 0.05)),
        asyncio.create_task(work("b", 0.2)),
        asyncio.create_task(work("c", 0.1, KeyError("c-key"))),
        asyncio.create_task(work("d", 0.15)),
    ]
    asyncio.get_running_loop().call_later(0.07, tasks[1].cancel)
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print(f"{ts()} gather done")
    for t, r in zip(tasks, results):
        kind = "exception" if isinstance(r, BaseException) else "value"
        print(f"  {kind:<9} {type(r).__name__:<14} {r!r} (task cancelled={t.cancelled()})")
    print("is Exception:", [isinstance(r, Exception) for r in results])


asyncio.run(main())
