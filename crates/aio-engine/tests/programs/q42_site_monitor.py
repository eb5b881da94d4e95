# Site monitor: every 0.15 s (deadline-based schedule on loop.time(), so rounds do not drift) check three sites
# concurrently for 3 rounds; a check slower than 0.1 s counts as DOWN; a summary of up-counts follows.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"

SITES = {"alpha.example": [0.02, 0.03, 0.02], "beta.example": [0.05, 0.12, 0.04], "gamma.example": [0.2, 0.01, 0.2]}


async def check(site, rnd):
    try:
        async with asyncio.timeout(0.1):
            await asyncio.sleep(SITES[site][rnd])
        return site, "UP"
    except TimeoutError:
        return site, "DOWN"


async def main():
    loop = asyncio.get_running_loop()
    next_run = loop.time()
    ups = {s: 0 for s in SITES}
    for rnd in range(3):
        print(f"{ts()} round {rnd + 1}: checking {len(SITES)} sites")
        results = await asyncio.gather(*(check(s, rnd) for s in SITES))
        for site, status in results:
            ups[site] += status == "UP"
        print(f"{ts()} round {rnd + 1}: " + ", ".join(f"{s}={st}" for s, st in results))
        next_run += 0.15
        await asyncio.sleep(next_run - loop.time())
    print(f"{ts()} summary: " + " ".join(f"{s}:{n}/3" for s, n in ups.items()))
    print(f"always up: {sorted(s for s, n in ups.items() if n == 3)}")


asyncio.run(main())
