# Task names: asyncio.run's main task is Task-1, each unnamed task takes the next number of a process-wide counter
# (gather wraps bare coroutines in tasks too); in 3.11.7 name= tasks still consume a number; a second asyncio.run
# continues the count (its shutdown steps, shutdown_asyncgens and shutdown_default_executor, are tasks too).
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def who(tag):
    await asyncio.sleep(0.01)
    return f"{tag}={asyncio.current_task().get_name()}"


async def main(label):
    print(f"{label}: main task is {asyncio.current_task().get_name()}")
    t = asyncio.create_task(who("t"))
    named = asyncio.create_task(who("named"), name="downloader")
    u = asyncio.create_task(who("u"))
    print(f"{label}: created {t.get_name()}, {named.get_name()}, {u.get_name()}")
    u.set_name("renamed")
    print(f"{label}: {await t}, {await named}, {await u}")
    print(f"{label}: gather of coroutines -> {await asyncio.gather(who('g1'), who('g2'))}")
    print(f"{label}: numeric name -> {asyncio.create_task(who('n'), name=7).get_name()!r}")


asyncio.run(main("run 1"))
asyncio.run(main("run 2"))
