# Retry with exponential backoff: a flaky call fails a set number of times; waits double (0.02, 0.04 / 0.05, 0.1)
# between attempts; one call succeeds on the third attempt, another gives up after 3 attempts and re-raises the last error.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


class Flaky:
    def __init__(self, name, failures):
        self.name = name
        self.failures = failures
        self.calls = 0

    async def __call__(self):
        self.calls += 1
        await asyncio.sleep(0)
        if self.calls <= self.failures:
            raise ConnectionError(f"{self.name} attempt {self.calls} failed")
        return f"{self.name} ok after {self.calls} calls"


async def retry(fn, attempts=3, base=0.02):
    delay = base
    for attempt in range(1, attempts + 1):
        try:
            return await fn()
        except ConnectionError as e:
            print(f"{ts()} {e}")
            if attempt == attempts:
                print(f"{ts()} giving up")
                raise
            print(f"{ts()} backing off {delay:.2f} s")
            await asyncio.sleep(delay)
            delay *= 2


async def main():
    a = Flaky("service-a", 2)
    r = await retry(a)
    print(f"{ts()} result: {r}")
    try:
        await retry(Flaky("service-b", 5), attempts=3, base=0.05)
    except ConnectionError as e:
        print(f"{ts()} final error: {e!r}")
    print(f"calls made to service-a: {a.calls}")


asyncio.run(main())
