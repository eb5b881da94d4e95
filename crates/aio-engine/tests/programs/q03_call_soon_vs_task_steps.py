# call_soon callbacks and task steps share one FIFO ready queue: each loop iteration runs only what was queued when it
# started, so callbacks queued by a step run in the next iteration; a cancelled Handle is skipped silently.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


def cb(label, *extra):
    print(f"{ts()} callback {label} {extra}")


async def body(name):
    loop = asyncio.get_running_loop()
    print(f"{ts()} {name} step 1, queues 'from-{name}'")
    loop.call_soon(cb, f"from-{name}")
    await asyncio.sleep(0)
    print(f"{ts()} {name} step 2")
    await asyncio.sleep(0)
    print(f"{ts()} {name} step 3")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, "cb1", 1, 2)
    t = asyncio.create_task(body("T"))
    loop.call_soon(cb, "cb2")
    h = loop.call_soon(cb, "cancelled-one")
    loop.call_soon(cb, "cb3")
    h.cancel()
    print(f"{ts()} main: queued cb1, T, cb2, (cancelled), cb3; handle cancelled={h.cancelled()}")
    await asyncio.sleep(0)
    print(f"{ts()} main: after first yield")
    loop.call_soon(cb, "cb4")
    await asyncio.sleep(0)
    print(f"{ts()} main: after second yield")
    await t
    print(f"{ts()} main: T done")


asyncio.run(main())
