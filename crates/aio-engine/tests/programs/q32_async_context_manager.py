# A class with async __aenter__/__aexit__: both may await; the value of __aenter__ is bound by `as`; __aexit__ gets the
# exception and suppresses it by returning True; `async with A() as a, B() as b` exits in reverse order.
import asyncio
import time

T0 = [time.perf_counter()]  # reset at the start of each `async with` so each section has at most a few timer hops


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0[0])}]"


def section(title):
    T0[0] = time.perf_counter()
    print(f"== {title} (times relative to this section) ==")


class Connection:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print(f"{ts()} {self.name}: connecting")
        await asyncio.sleep(0.05)
        print(f"{ts()} {self.name}: connected")
        return f"<conn {self.name}>"

    async def __aexit__(self, exc_type, exc, tb):
        print(f"{ts()} {self.name}: closing (exc_type={exc_type.__name__ if exc_type else None}, exc={exc!r})")
        await asyncio.sleep(0.02)
        print(f"{ts()} {self.name}: closed, suppress={self.suppress}")
        return self.suppress


async def main():
    section("no exception")
    async with Connection("db") as c:
        print(f"{ts()} body: using {c}")
    section("suppressed exception")
    async with Connection("cache", suppress=True):
        raise KeyError("missing")
    print(f"{ts()} KeyError was suppressed")
    section("propagated exception")
    try:
        async with Connection("api"):
            raise ValueError("bad request")
    except ValueError as e:
        print(f"{ts()} ValueError propagated: {e}")
    section("two managers in one statement")
    async with Connection("outer") as a, Connection("inner") as b:
        print(f"{ts()} body: {a} and {b}")


asyncio.run(main())
