# asyncio.wait(tasks, return_when=...) returns (done, pending) sets without cancelling anything: FIRST_COMPLETED,
# FIRST_EXCEPTION, ALL_COMPLETED and timeout; names printed sorted because sets have no order.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def job(d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise RuntimeError("job failed")
    return d


def names(s):
    return sorted(t.get_name() for t in s)


def make():
    spec = [("j1", 0.1, False), ("j2", 0.05, False), ("j3", 0.08, True), ("j4", 0.2, False)]
    return [asyncio.create_task(job(d, f), name=n) for n, d, f in spec]


async def main():
    for mode in (asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED):
        start = time.perf_counter()
        tasks = make()
        done, pending = await asyncio.wait(tasks, return_when=mode)
        print(f"{ts()} {mode}: after {fmt(time.perf_counter() - start)} s done={names(done)} pending={names(pending)}")
        for t in pending:
            t.cancel()
        await asyncio.wait(tasks)
        for t in sorted(done, key=lambda t: t.get_name()):
            if t.exception() is not None:
                print(f"   {t.get_name()} raised {t.exception()!r}")
    tasks = make()
    done, pending = await asyncio.wait(tasks, timeout=0.09)
    print(f"{ts()} timeout=0.09: done={names(done)} pending={names(pending)}")
    done, pending = await asyncio.wait(pending, timeout=0.5)
    print(f"{ts()} second wait: done={names(done)} pending={names(pending)}")
    print(f"results: {[t.result() for t in tasks if not t.exception()]}")


asyncio.run(main())
