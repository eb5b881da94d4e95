# Predict, then run: five blocking jobs of 0.1 s, a thread pool with two workers. Total time?
import asyncio
import concurrent.futures
import time


def blocking_job(n):
    time.sleep(0.1)
    return n * n


async def main():
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, blocking_job, n) for n in range(5)))
    took = int((time.perf_counter() - start) * 10 + 1e-6) / 10
    print(f"results {results} in about {took:.1f} s")


asyncio.run(main())
