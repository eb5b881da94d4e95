# Five simulated page fetches (0.1 s each): one by one, then with gather.
import asyncio
import time

T0 = time.perf_counter()
URLS = [f"https://example.com/page{i}" for i in range(1, 6)]


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


def fetch_sync(url):
    print(f"{ts()} fetching {url}")
    time.sleep(0.1)
    return f"content of {url}"


async def fetch(url):
    print(f"{ts()} fetching {url}")
    await asyncio.sleep(0.1)
    print(f"{ts()} got {url}")
    return f"content of {url}"


start = time.perf_counter()
res = [fetch_sync(u) for u in URLS]
print(f"{ts()} sync: {len(res)} pages in {fmt(time.perf_counter() - start)} s")


async def main():
    start = time.perf_counter()
    res = await asyncio.gather(*(fetch(u) for u in URLS))
    print(f"{ts()} async: {len(res)} pages in {fmt(time.perf_counter() - start)} s")
    print(res[0], "...", res[-1])


asyncio.run(main())
