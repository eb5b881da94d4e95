# A bare Future completed from a call_later callback: awaiting it suspends until the timer fires; set_exception makes
# the await raise; setting a result twice raises InvalidStateError; result() before completion raises too.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(f"{ts()} future created: done={fut.done()} repr={fut!r}")
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print(f"result() too early -> InvalidStateError: {e}")
    loop.call_later(0.1, fut.set_result, "value from timer")
    r = await fut
    print(f"{ts()} awaited: {r!r}, repr={fut!r}")
    try:
        fut.set_result("again")
    except asyncio.InvalidStateError as e:
        print(f"set_result twice -> InvalidStateError: {e}")
    fut2 = loop.create_future()
    loop.call_later(0.05, fut2.set_exception, LookupError("nothing here"))
    try:
        await fut2
    except LookupError as e:
        print(f"{ts()} fut2 raised {e!r}; exception()={fut2.exception()!r}")
    fut3 = loop.create_future()
    loop.call_later(0.05, fut3.cancel, "timer cancelled it")
    try:
        await fut3
    except asyncio.CancelledError as e:
        print(f"{ts()} fut3 cancelled: args={e.args} cancelled()={fut3.cancelled()}")
    print(f"await on an already-done future returns at once: {await fut!r}")


asyncio.run(main())
