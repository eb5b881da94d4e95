# concurrent.futures on its own (no event loop), then the same kind of Future handed to asyncio.
import asyncio
import concurrent.futures
import time


def fetch(name):
    time.sleep(0.1)  # blocking I/O stand-in
    return f"{name}.html"


def plain_threads():
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        future = pool.submit(fetch, "home")  # a concurrent.futures.Future
        print("submit ->", type(future).__name__, "| result:", future.result())
        start = time.perf_counter()
        pages = list(pool.map(fetch, ["a", "b", "c", "d"]))  # map keeps input order
    took = int((time.perf_counter() - start) * 10 + 1e-6) / 10
    print(f"map -> {pages} in about {took:.1f} s (2 workers, 4 jobs: two rounds of 0.1 s)")


async def main():
    with concurrent.futures.ThreadPoolExecutor() as pool:
        cf_future = pool.submit(fetch, "about")
        aio_future = asyncio.wrap_future(cf_future)  # now it can be awaited
        print("wrap_future ->", type(aio_future).__name__, "| awaited:", await aio_future)


plain_threads()
asyncio.run(main())
