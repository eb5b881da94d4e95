# Predict, then run: one rude coroutine among two polite ones. Order of lines? Total time?
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s so the printed times are stable from run to run
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def polite(name):
    print(f"{ts()} {name} start")
    await asyncio.sleep(0.2)
    print(f"{ts()} {name} end")


async def rude(name):
    print(f"{ts()} {name} start")
    time.sleep(0.2)
    print(f"{ts()} {name} end")


async def main():
    await asyncio.gather(polite("P1"), rude("R"), polite("P2"))
    print(f"{ts()} total")


asyncio.run(main())
