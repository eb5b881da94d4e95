# Project 2: check several sites on a fixed schedule, with a timeout per check (network simulated).
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s so the printed times are stable from run to run
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


# site -> latency of each round's check (seconds); None means the site answers with an error
SCRIPT = {
    "shop.example": [0.02, 0.02, 0.02],
    "blog.example": [0.05, None, 0.05],
    "api.example": [0.03, 0.03, 0.50],  # hangs in round 3
}
INTERVAL = 0.2
TIMEOUT = 0.1


async def check(site, round_no):
    latency = SCRIPT[site][round_no]
    if latency is None:
        await asyncio.sleep(0.01)
        raise ConnectionError("HTTP 503")
    await asyncio.sleep(latency)  # stands in for an HTTP HEAD request
    return f"up ({int(latency * 1000)} ms)"


async def check_with_timeout(site, round_no):
    try:
        return await asyncio.wait_for(check(site, round_no), TIMEOUT)
    except TimeoutError:
        return f"DOWN (no answer in {TIMEOUT} s)"
    except ConnectionError as e:
        return f"DOWN ({e})"


async def monitor(rounds):
    loop = asyncio.get_running_loop()
    start = loop.time()
    for round_no in range(rounds):
        statuses = await asyncio.gather(*(check_with_timeout(s, round_no) for s in SCRIPT))
        print(f"{ts()} round {round_no + 1}:")
        for site, status in zip(SCRIPT, statuses):
            print(f"    {site:13} {status}")
        # sleep until the next tick of the schedule, however long the checks took
        next_tick = start + (round_no + 1) * INTERVAL
        await asyncio.sleep(max(0, next_tick - loop.time()))


asyncio.run(monitor(rounds=3))
