# A heartbeat task should tick every 20 ms. A synchronous "HTTP client" and a CPU-heavy loop both silence it.
import asyncio
import time


def sync_http_get(url):
    # stands in for a blocking client such as requests.get: the whole thread waits
    time.sleep(0.06)
    return f"<html of {url}>"


def busy_work(seconds):
    # stands in for heavy computation: pure Python, never yields to the loop
    end = time.perf_counter() + seconds
    n = 0
    while time.perf_counter() < end:
        n += 1
    return n


async def heartbeat(beats):
    last = time.perf_counter()
    for i in range(beats):
        now = time.perf_counter()
        if i == 0:
            print("tick 0")
        else:
            gap = round((now - last) * 100) * 10  # to the nearest 10 ms, stable from run to run
            print(f"tick {i}, {gap} ms after tick {i - 1}")
        last = now
        await asyncio.sleep(0.02)


async def main():
    print("== blocking HTTP call inside a coroutine ==")
    hb = asyncio.create_task(heartbeat(3))
    await asyncio.sleep(0)  # let the heartbeat print its first tick
    page = sync_http_get("example.com")
    print(f"got {page}")
    await hb

    print("== CPU-heavy loop inside a coroutine ==")
    hb = asyncio.create_task(heartbeat(3))
    await asyncio.sleep(0)
    busy_work(0.06)
    print("computation done")
    await hb


asyncio.run(main())
