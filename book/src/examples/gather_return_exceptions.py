# gather(..., return_exceptions=True): one failure does not sink the others.
import asyncio
import sys
import time

sys.stdout.reconfigure(encoding="utf-8")
T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def fetch(url, delay, fail):
    print(f"{ts()} requesting {url}")
    await asyncio.sleep(delay)
    if fail:
        print(f"{ts()} {url} raises")
        raise ConnectionError(f"cannot connect to {url}")
    print(f"{ts()} {url} responded")
    return f"200 OK ({len(url)} bytes)"


REQS = [
    ("https://example.com/a", 0.1, False),
    ("https://example.com/b", 0.05, True),
    ("https://example.com/c", 0.15, False),
]


async def main():
    results = await asyncio.gather(*(fetch(u, d, f) for u, d, f in REQS), return_exceptions=True)
    for (url, _, _), r in zip(REQS, results):
        if isinstance(r, Exception):
            print(f"❌ {url} failed: {type(r).__name__}: {r}")
        else:
            print(f"✅ {url} -> {r}")
    print(f"{ts()} done")


asyncio.run(main())
