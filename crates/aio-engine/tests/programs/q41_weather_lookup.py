# Simulated weather lookup for several cities at once: gather over per-city fetches (each wrapped in wait_for 0.2 s),
# printed in argument order as a formatted table; the slow city times out without holding up the others.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"

CITIES = {
    "Oslo": (0.08, -3.5),
    "Cairo": (0.05, 31.25),
    "Lima": (0.3, 18.0),
    "Tokyo": (0.12, 12.75),
}


async def fetch_weather(city):
    delay, temp = CITIES[city]
    print(f"{ts()} requesting {city}")
    await asyncio.sleep(delay)
    print(f"{ts()} {city} responded")
    return {"city": city, "temp": temp}


async def lookup(city):
    try:
        return await asyncio.wait_for(fetch_weather(city), timeout=0.2)
    except TimeoutError:
        print(f"{ts()} {city} timed out")
        return {"city": city, "temp": None}


async def main():
    start = time.perf_counter()
    reports = await asyncio.gather(*(lookup(c) for c in CITIES))
    print(f"{ts()} all lookups finished in {fmt(time.perf_counter() - start)} s")
    print(f"{'City':<8}|{'Temp':>8}")
    for r in reports:
        temp = f"{r['temp']:+.1f}C" if r["temp"] is not None else "n/a"
        print(f"{r['city']:<8}|{temp:>8}")
    known = [r["temp"] for r in reports if r["temp"] is not None]
    print(f"average of {len(known)}: {sum(known) / len(known):.2f}C; warmest: {max(reports, key=lambda r: r['temp'] or -99)['city']}")


asyncio.run(main())
