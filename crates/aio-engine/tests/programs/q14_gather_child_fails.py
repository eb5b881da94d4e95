# gather() without return_exceptions: the first child exception propagates to the awaiting task immediately, but the
# other children are NOT cancelled: they keep running and their later prints still appear.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def child(name, d, fail=False):
    print(f"{ts()} {name}: start")
    await asyncio.sleep(d)
    if fail:
        print(f"{ts()} {name}: raising ValueError")
        raise ValueError(f"{name} broke")
    print(f"{ts()} {name}: finished")
    return name


async def main():
    a = asyncio.create_task(child("A", 0.1))
    g = asyncio.gather(a, child("B", 0.05, fail=True), child("C", 0.15))
    try:
        await g
    except ValueError as e:
        print(f"{ts()} main: gather raised {e!r}; A.done()={a.done()} gather.done()={g.done()}")
    await asyncio.sleep(0.15)
    print(f"{ts()} main: after waiting, A.result()={a.result()!r}")


asyncio.run(main())
