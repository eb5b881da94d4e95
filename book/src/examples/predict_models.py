# Predict, then run: three blocking calls of 0.5 s, first made straight from a coroutine,
# then handed to threads with asyncio.to_thread. How long does the whole program take?
import asyncio
import time


def blocking_io(i):
    time.sleep(0.5)  # stands for a blocking library call: a sync HTTP client, a disk read
    return i


async def main():
    start = time.perf_counter()
    for i in range(3):
        blocking_io(i)
    print(f"called directly: {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    results = await asyncio.gather(*(asyncio.to_thread(blocking_io, i) for i in range(3)))
    print(f"in threads:      {time.perf_counter() - start:.1f} s, results {results}")


asyncio.run(main())
