# A heartbeat task should tick every 0.1 s. A synchronous "HTTP client" and a CPU-heavy loop both silence it.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s so the printed times are stable from run to run
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


def sync_http_get(url):
    # stands in for a blocking client such as requests.get: the whole thread waits
    time.sleep(0.3)
    return f"<html of {url}>"


def busy_work(seconds):
    # stands in for heavy computation: pure Python, never yields to the loop
    end = time.perf_counter() + seconds
    n = 0
    while time.perf_counter() < end:
        n += 1
    return n


async def heartbeat(beats):
    for i in range(beats):
        print(f"{ts()} tick {i}")
        await asyncio.sleep(0.1)


async def main():
    print("== blocking HTTP call inside a coroutine ==")
    hb = asyncio.create_task(heartbeat(3))
    await asyncio.sleep(0)  # let the heartbeat print its first tick
    page = sync_http_get("example.com")
    print(f"{ts()} got {page}")
    await hb

    print("== CPU-heavy loop inside a coroutine ==")
    hb = asyncio.create_task(heartbeat(3))
    await asyncio.sleep(0)
    busy_work(0.3)
    print(f"{ts()} computation done")
    await hb


asyncio.run(main())
