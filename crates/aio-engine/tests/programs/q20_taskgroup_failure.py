# TaskGroup where a child fails: the remaining child and the body are cancelled, the group waits for them, then raises
# ExceptionGroup; a child that raises while handling its cancellation adds a second sub-exception; except* splits them.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def ok(name, d):
    await asyncio.sleep(d)
    print(f"{ts()} {name}: finished")
    return name


async def bad(d):
    await asyncio.sleep(d)
    print(f"{ts()} bad: raising ValueError")
    raise ValueError("bad input")


async def cleanup_fails(d):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(f"{ts()} cleanup_fails: cancelled, cleaning up for 0.03 s")
        await asyncio.sleep(0.03)
        print(f"{ts()} cleanup_fails: cleanup raises KeyError")
        raise KeyError("lost")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok("quick", 0.02))
            tg.create_task(bad(0.05))
            tg.create_task(cleanup_fails(0.3))
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print(f"{ts()} body: cancelled by the group")
                raise
    except* ValueError as eg:
        print(f"{ts()} except* ValueError: {eg!r}")
        print(f"   message={eg.message!r} exceptions={eg.exceptions!r}")
    except* KeyError as eg:
        print(f"{ts()} except* KeyError: {eg.exceptions!r}")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(0.01))
            tg.create_task(ok("late", 0.2))
    except ExceptionGroup as eg:
        print(f"{ts()} caught {type(eg).__name__}: {eg}")
        print(f"   {len(eg.exceptions)} sub-exception(s): {[repr(e) for e in eg.exceptions]}")


asyncio.run(main())
