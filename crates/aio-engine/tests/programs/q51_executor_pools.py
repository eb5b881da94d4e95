# Blocking work off the loop: a thread pool for blocking I/O, a process pool for CPU-heavy work.
import asyncio
import concurrent.futures
import time

T0 = time.perf_counter()


def ts_coarse():
    # worker threads and processes take a few ms to start, so these times are truncated to 0.1 s
    return f"[{int((time.perf_counter() - T0) * 10 + 1e-6) / 10:.1f}]"


def blocking_read(name):
    time.sleep(0.2)  # a blocking library call, e.g. an old database driver
    return f"{name}: 200 rows"


def count_primes(limit):
    # pure-Python CPU work; in a process pool it runs outside this interpreter's GIL
    return sum(all(n % d for d in range(2, int(n ** 0.5) + 1)) for n in range(2, limit))


async def ticker():
    for i in range(3):
        print(f"{ts_coarse()} loop is still responsive ({i})")
        await asyncio.sleep(0.1)


async def main():
    loop = asyncio.get_running_loop()

    print("== thread pool: three blocking reads at once ==")
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        reads = [loop.run_in_executor(pool, blocking_read, n) for n in ("users", "orders", "items")]
        results, _ = await asyncio.gather(asyncio.gather(*reads), ticker())
    print(f"{ts_coarse()} {results}")

    print("== the default executor (None) and asyncio.to_thread ==")
    a = await loop.run_in_executor(None, blocking_read, "logs")
    b = await asyncio.to_thread(blocking_read, "audit")
    print(f"{ts_coarse()} {a} | {b}")

    print("== process pool: CPU-heavy work ==")
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        counts = await asyncio.gather(*(loop.run_in_executor(pool, count_primes, n) for n in (300, 600)))
    print(f"primes below 300 and 600: {counts}")


if __name__ == "__main__":  # required: worker processes re-import this file
    asyncio.run(main())
