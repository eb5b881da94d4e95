# Predict, then run: asyncio.wait with a timeout, then wait_for with a timeout, on the same task.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s so the printed times are stable from run to run
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def slow():
    try:
        await asyncio.sleep(0.3)
        return "slow result"
    finally:
        print(f"{ts()} slow: cleaning up")


async def main():
    task = asyncio.create_task(slow())
    done, pending = await asyncio.wait([task], timeout=0.1)
    print(f"{ts()} wait: {len(done)} done, {len(pending)} pending")
    try:
        print(await asyncio.wait_for(task, timeout=0.1))
    except TimeoutError:
        print(f"{ts()} wait_for: timed out")
    print(f"{ts()} task cancelled? {task.cancelled()}")


asyncio.run(main())
