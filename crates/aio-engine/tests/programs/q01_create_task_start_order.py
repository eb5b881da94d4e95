# create_task() only schedules the first step: nothing of the task body runs until the creating coroutine yields,
# then the new tasks take their first steps in creation order (before main resumes); later steps follow the timers.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def worker(name, d):
    print(f"{ts()} {name} step 1 (will sleep {d})")
    await asyncio.sleep(d)
    print(f"{ts()} {name} step 2")
    return name.lower()


async def main():
    print(f"{ts()} main: creating tasks")
    a = asyncio.create_task(worker("A", 0.1))
    print(f"{ts()} main: A created, A.done()={a.done()}")
    b = asyncio.create_task(worker("B", 0.05))
    c = asyncio.create_task(worker("C", 0.15))
    print(f"{ts()} main: all three created, no body has run yet")
    await asyncio.sleep(0)
    print(f"{ts()} main: after sleep(0) the first steps have run")
    r = await a
    print(f"{ts()} main: await A -> {r!r}; B.done()={b.done()} C.done()={c.done()}")
    rs = await asyncio.gather(c, b)
    print(f"{ts()} main: gather(C, B) -> {rs}")


asyncio.run(main())
