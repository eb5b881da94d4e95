# Task.cancel(msg) on a sleeping task: cancel() returns True at once but the task is not done until it runs; the
# CancelledError (args == (msg,)) is delivered at the await, can be caught and re-raised; then cancelled() is True.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def sleeper():
    print(f"{ts()} sleeper: going to sleep 0.5 s")
    try:
        await asyncio.sleep(0.5)
    except asyncio.CancelledError as e:
        print(f"{ts()} sleeper: caught CancelledError args={e.args}")
        raise
    finally:
        print(f"{ts()} sleeper: finally block")
    print("not reached")


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.1)
    print(f"{ts()} main: cancel('stop now') -> {t.cancel('stop now')}")
    print(f"{ts()} main: right after cancel: done={t.done()} cancelled={t.cancelled()}")
    try:
        await t
    except asyncio.CancelledError as e:
        print(f"{ts()} main: await t raised CancelledError args={e.args}")
    print(f"{ts()} main: done={t.done()} cancelled={t.cancelled()}")
    print(f"main: second cancel() -> {t.cancel()}")
    for meth in ("result", "exception"):
        try:
            getattr(t, meth)()
        except asyncio.CancelledError as e:
            print(f"main: t.{meth}() raised CancelledError args={e.args}")
    print("CancelledError is a BaseException, not an Exception:",
          issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))


asyncio.run(main())
