# Cancelling a task: CancelledError is raised inside it at its current await, so it can clean up.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s so the printed times are stable from run to run
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def download(name):
    print(f"{ts()} {name}: started")
    try:
        await asyncio.sleep(1.0)
        print(f"{ts()} {name}: finished")
    except asyncio.CancelledError:
        print(f"{ts()} {name}: cancelled, closing the connection")
        raise  # re-raise so the task really ends up cancelled
    finally:
        print(f"{ts()} {name}: finally block runs either way")


async def main():
    task = asyncio.create_task(download("big.iso"))
    await asyncio.sleep(0.2)
    print(f"{ts()} main: calling task.cancel()")
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print(f"{ts()} main: awaiting the task raised CancelledError")
    print(f"{ts()} task.cancelled() = {task.cancelled()}")


asyncio.run(main())
