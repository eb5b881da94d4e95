# Plain-Python formatting inside asyncio code: f-string specs (:>8, :<6, :^9, :.3f, :,, :+, :05d, !r, =) and
# dict/list/set comprehensions over gathered results; output must match CPython's str/repr formatting exactly.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"

PRICES = {"apple": 1234.5, "kiwi": 0.125, "mango": 98765.4321}


async def quote(item, d):
    await asyncio.sleep(d)
    return item, PRICES[item] * 3


async def main():
    pairs = await asyncio.gather(*(quote(k, d) for k, d in zip(PRICES, (0.03, 0.01, 0.02))))
    totals = {k: v for k, v in pairs}
    print(f"{ts()} got {len(totals)} quotes")
    for name, total in totals.items():
        print(f"|{name:>8}|{name:<6}|{name:^9}|{total:.3f}|{total:,.2f}|{total:+.1e}|{name!r}|")
    counts = [len(k) for k in totals]
    print(f"{counts=} {sum(counts):05d} {max(counts):x} {0.5:%} {1234567:,} {1234567:_}")
    letters = {c for k in totals for c in k if c in "aeiou"}
    print(f"vowels: {sorted(letters)}; upper: {[k.upper() for k in totals if 'a' in k]}")
    nested = {k: [round(v / n, 2) for n in (1, 2, 4)] for k, v in sorted(totals.items(), key=lambda kv: -kv[1])}
    print(f"nested: {nested}")
    print(f"{'tab':*^11} {3.14159:10.4f} {-42:>6} {42:<6}| {True!s:>6} {None!r} {'q':?>3}")
    print(f"floats: {0.1 + 0.2} {1e16} {1.0} {2.5e-5} {float('inf')} {round(2.675, 2)} {10 / 4} {7 // 2}")


asyncio.run(main())
