# Semaphore(2) limiting 5 workers: at most two run at once; each release lets the longest-waiting worker in (FIFO),
# so start times follow the release times.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def worker(sem, n, d):
    print(f"{ts()} worker {n}: waiting (locked={sem.locked()})")
    async with sem:
        print(f"{ts()} worker {n}: start ({d} s)")
        await asyncio.sleep(d)
        print(f"{ts()} worker {n}: end")
    return n


async def main():
    sem = asyncio.Semaphore(2)
    durations = [0.1, 0.25, 0.12, 0.2, 0.05]
    results = await asyncio.gather(*(worker(sem, i, d) for i, d in enumerate(durations, 1)))
    print(f"{ts()} all done {results}; locked()={sem.locked()}")


asyncio.run(main())
