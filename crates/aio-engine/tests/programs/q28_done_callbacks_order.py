# add_done_callback: callbacks run in registration order, never synchronously inside set_result (they are queued with
# call_soon); remove_done_callback returns how many were removed; a callback added after completion is queued at once.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


def make_cb(label):
    def cb(fut):
        print(f"{ts()} callback {label}: result={fut.result()!r}")
    return cb


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    cbs = {n: make_cb(n) for n in ("first", "second", "third")}
    for cb in cbs.values():
        fut.add_done_callback(cb)
    fut.add_done_callback(cbs["first"])
    print(f"removed {fut.remove_done_callback(cbs['first'])} copies of 'first'")
    fut.set_result(42)
    print(f"{ts()} set_result returned; no callback has run yet")
    fut.add_done_callback(make_cb("added-after-done"))
    loop.call_soon(print, f"{ts()} plain call_soon queued after the callbacks")
    await asyncio.sleep(0)
    print(f"{ts()} main resumed after one yield")

    async def job():
        await asyncio.sleep(0.05)
        return "job result"

    t = asyncio.create_task(job())
    t.add_done_callback(make_cb("task-cb"))
    r = await t
    print(f"{ts()} main got {r!r} (the task callback ran before main resumed)")


asyncio.run(main())
