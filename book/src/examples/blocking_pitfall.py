# time.sleep versus asyncio.sleep versus run_in_executor, all under gather.
import asyncio
import time

T0 = time.perf_counter()
DURATIONS = [("A", 0.3), ("B", 0.2), ("C", 0.1)]


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


def ts_coarse():
    # executor threads are started lazily (a few ms each) so these lines are truncated to 0.1 s only
    return f"[{int((time.perf_counter() - T0) * 10 + 1e-6) / 10:.1f}]"


async def blocking(name, d):
    print(f"{ts()} {name} start (time.sleep {d})")
    time.sleep(d)
    print(f"{ts()} {name} end")


async def cooperative(name, d):
    print(f"{ts()} {name} start (asyncio.sleep {d})")
    await asyncio.sleep(d)
    print(f"{ts()} {name} end")


async def in_executor(name, d):
    loop = asyncio.get_running_loop()
    print(f"{ts_coarse()} {name} start (run_in_executor time.sleep {d})")
    r = await loop.run_in_executor(None, time.sleep, d)
    print(f"{ts_coarse()} {name} end (executor returned {r})")


async def main():
    for label, fn in (("time.sleep", blocking), ("asyncio.sleep", cooperative), ("run_in_executor", in_executor)):
        print(f"== {label} ==")
        start = time.perf_counter()
        await asyncio.gather(*(fn(n, d) for n, d in DURATIONS))
        total = time.perf_counter() - start
        if fn is in_executor:
            print(f"{ts_coarse()} {label}: total {int(total * 10 + 1e-6) / 10:.1f} s")
        else:
            print(f"{ts()} {label}: total {fmt(total)} s")


asyncio.run(main())
