# Project 1: look up the weather for several cities at once (the network is simulated with asyncio.sleep).
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s so the printed times are stable from run to run
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


# city -> (simulated latency in seconds, temperature in C, sky)
FAKE_API = {
    "Beijing": (0.30, 18, "sunny"),
    "Shanghai": (0.10, 22, "cloudy"),
    "Chengdu": (0.20, 20, "light rain"),
    "Harbin": (0.90, 3, "snow"),  # a very slow server
}


async def fetch_weather(city):
    latency, temp, sky = FAKE_API[city]
    print(f"{ts()} asking about {city}")
    await asyncio.sleep(latency)  # stands in for: await client.get(url)
    print(f"{ts()} answer for {city}")
    return {"city": city, "temp": temp, "sky": sky}


async def weather_or_none(city, timeout):
    try:
        return await asyncio.wait_for(fetch_weather(city), timeout)
    except TimeoutError:
        print(f"{ts()} {city} timed out after {timeout} s")
        return None


async def main():
    cities = list(FAKE_API)
    reports = await asyncio.gather(*(weather_or_none(c, timeout=0.5) for c in cities))
    print(f"{ts()} all answers in; the report keeps the order of the question:")
    for city, r in zip(cities, reports):
        if r is None:
            print(f"  {city:9} no data")
        else:
            print(f"  {city:9} {r['temp']:>3} C  {r['sky']}")


asyncio.run(main())
