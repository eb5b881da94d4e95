# A ThreadPoolExecutor with 2 workers and 5 blocking jobs: jobs queue for a free worker (at most 2 run at
# once) while the loop keeps serving coroutines; worker threads are named ThreadPoolExecutor-N_M.
import asyncio
import concurrent.futures
import threading
import time

T0 = time.perf_counter()


def ts_coarse():
    return f"[{int((time.perf_counter() - T0) * 10 + 1e-6) / 10:.1f}]"


def job(n, d):
    time.sleep(d)
    return (n, threading.current_thread().name)


async def ticker():
    for i in range(4):
        print(f"{ts_coarse()} tick {i} on {threading.current_thread().name}")
        await asyncio.sleep(0.1)


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futs = [loop.run_in_executor(pool, job, n, d) for n, d in enumerate((0.2, 0.1, 0.1, 0.2, 0.1))]
        for i, f in enumerate(futs):
            f.add_done_callback(lambda f, i=i: print(f"{ts_coarse()} job {i} done"))
        results, _ = await asyncio.gather(asyncio.gather(*futs), ticker())
    print(f"{ts_coarse()} {[n for n, _ in results]}")
    print(sorted(set(name for _, name in results)))
    with concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="solo") as pool:
        r = await loop.run_in_executor(pool, job, 9, 0.1)
    print(f"{ts_coarse()} {r}")


asyncio.run(main())
