# TaskGroup: children start when the body first yields (here at the end of the block), the block exits when the last
# child finishes (max of the durations); tasks created inside a child join the same group.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def step(name, d, tg=None):
    print(f"{ts()} {name}: start")
    await asyncio.sleep(d)
    if tg is not None:
        tg.create_task(step(name + ".child", 0.05))
        print(f"{ts()} {name}: spawned {name}.child")
    print(f"{ts()} {name}: end")
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(step("t1", 0.1))
        t2 = tg.create_task(step("t2", 0.05, tg))
        t3 = tg.create_task(step("t3", 0.2))
        print(f"{ts()} body: created 3 tasks, names {[t.get_name() for t in (t1, t2, t3)]}")
    print(f"{ts()} block exited: {[t.result() for t in (t1, t2, t3)]}")
    async with asyncio.TaskGroup() as tg:
        t4 = tg.create_task(step("t4", 0.05))
        print(f"{ts()} body: sleeping 0.1 inside the block")
        await asyncio.sleep(0.1)
        print(f"{ts()} body: woke, t4.done()={t4.done()}")
    print(f"{ts()} second block exited")


asyncio.run(main())
