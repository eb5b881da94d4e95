# Where does an exception raised inside a task go? Into the task, until someone asks for it.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s so the printed times are stable from run to run
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def flaky(name, delay):
    await asyncio.sleep(delay)
    raise ValueError(f"{name} got bad data")


async def main():
    # 1. await the task inside try/except: the exception comes out of the await
    task = asyncio.create_task(flaky("first", 0.1))
    try:
        await task
    except ValueError as e:
        print(f"{ts()} caught from await: {e}")

    # 2. the exception is stored on the task; inspect it without raising
    task = asyncio.create_task(flaky("second", 0.1))
    await asyncio.wait([task])
    print(f"{ts()} done={task.done()} exception={task.exception()!r}")

    # 3. a done-callback: log failures of fire-and-forget tasks as soon as they happen
    def report(t):
        if not t.cancelled() and t.exception() is not None:
            print(f"{ts()} callback saw: {t.exception()!r}")

    task = asyncio.create_task(flaky("third", 0.1))
    task.add_done_callback(report)
    await asyncio.sleep(0.2)
    task.exception()  # mark it as retrieved


asyncio.run(main())
