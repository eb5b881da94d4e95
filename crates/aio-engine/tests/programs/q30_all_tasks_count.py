# asyncio.all_tasks() holds the not-yet-done tasks of the running loop, including main; finished tasks drop out;
# current_task() is the running task (and None outside a task, e.g. in a plain callback).
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


def snapshot(label):
    names = sorted(t.get_name() for t in asyncio.all_tasks())
    print(f"{ts()} {label}: {len(names)} task(s) {names}")


async def nap(d):
    await asyncio.sleep(d)


async def main():
    snapshot("only main")
    tasks = [asyncio.create_task(nap(d), name=f"nap{d}") for d in (0.05, 0.1, 0.15)]
    snapshot("after create_task x3")
    await asyncio.sleep(0.07)
    snapshot("after 0.07 s")
    await asyncio.sleep(0.1)
    snapshot("after 0.17 s")
    print(f"done flags: {[t.done() for t in tasks]}")
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: print(f"in a callback current_task() is {asyncio.current_task()}"))
    await asyncio.sleep(0)
    print(f"main is current: {asyncio.current_task().get_name()}")


asyncio.run(main())
