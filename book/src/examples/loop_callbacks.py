# What the event loop does: run ready callbacks, keep timers, wake waiting tasks.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s so the printed times are stable from run to run
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


def callback(label):
    print(f"{ts()} callback: {label}")


async def sleeper(name, delay):
    print(f"{ts()} task {name}: going to sleep for {delay} s")
    await asyncio.sleep(delay)
    print(f"{ts()} task {name}: woken up by the loop")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.2, callback, "timer set for 0.2 s")
    loop.call_soon(callback, "call_soon, first in the ready queue")
    task = asyncio.create_task(sleeper("T", 0.1))
    loop.call_soon(callback, "call_soon, second in the ready queue")
    print(f"{ts()} main: scheduled everything, now awaiting the task")
    await task
    await asyncio.sleep(0.15)
    print(f"{ts()} main: done")


asyncio.run(main())
