# Three tasks overlap their waits, yet every line runs on the same thread.
import asyncio
import threading
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s so the printed times are stable from run to run
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


MAIN_THREAD = threading.get_ident()


async def worker(name, delay):
    same = threading.get_ident() == MAIN_THREAD
    print(f"{ts()} {name} starts (on the main thread: {same})")
    await asyncio.sleep(delay)
    print(f"{ts()} {name} resumes after {delay} s")


async def main():
    await asyncio.gather(worker("A", 0.3), worker("B", 0.1), worker("C", 0.2))
    print(f"{ts()} threads alive: {threading.active_count()}")


asyncio.run(main())
