# Coroutines created but never awaited inside a running task: the body never runs, and when the coroutine object is
# freed (del / rebinding / end of statement) CPython emits "RuntimeWarning: coroutine '...' was never awaited" on stderr.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def save(record):
    print(f"{ts()} saving {record}")
    await asyncio.sleep(0.01)
    return record


async def main():
    pending = save("first")
    print(f"{ts()} created a coroutine object: {type(pending).__name__}")
    del pending
    print(f"{ts()} deleted it without awaiting")
    save("second")
    print(f"{ts()} called save('second') as a statement")
    r = await save("third")
    print(f"{ts()} awaited save('third') -> {r!r}")
    t = asyncio.create_task(save("fourth"))
    await asyncio.sleep(0.05)
    print(f"{ts()} a created task runs even if never awaited: done={t.done()}")


asyncio.run(main())
