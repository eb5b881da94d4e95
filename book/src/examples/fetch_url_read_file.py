# fetch_url and read_file (0.2 s each): sequential await versus create_task.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def fetch_url(url):
    print(f"{ts()} fetching {url}")
    await asyncio.sleep(0.2)
    print(f"{ts()} fetched {url}")
    return "url data"


async def read_file(path):
    print(f"{ts()} reading {path}")
    await asyncio.sleep(0.2)
    print(f"{ts()} read {path}")
    return "file data"


async def sequential():
    start = time.perf_counter()
    a = await fetch_url("https://example.com")
    b = await read_file("data.txt")
    print(a, b)
    print(f"Execution Time: {fmt(time.perf_counter() - start)}")


async def with_tasks():
    start = time.perf_counter()
    t1 = asyncio.create_task(fetch_url("https://example.com"))
    t2 = asyncio.create_task(read_file("data.txt"))
    a = await t1
    b = await t2
    print(a, b)
    print(f"Execution Time: {fmt(time.perf_counter() - start)}")


print("== sequential ==")
asyncio.run(sequential())
print("== create_task ==")
asyncio.run(with_tasks())
