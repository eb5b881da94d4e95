# Condition: waiters queue in wait() order; notify(1) / notify(2) wake that many in FIFO order (each re-acquires the
# lock before returning), notify_all() wakes the rest; wait_for(predicate) re-checks after every notify.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def consumer(cond, name, state):
    async with cond:
        print(f"{ts()} {name}: waiting")
        await cond.wait()
        print(f"{ts()} {name}: notified, items={state['items']}")


async def picky(cond, state):
    async with cond:
        print(f"{ts()} picky: waiting for items >= 3")
        await cond.wait_for(lambda: state["items"] >= 3)
        print(f"{ts()} picky: condition true, items={state['items']}")


async def main():
    cond = asyncio.Condition()
    state = {"items": 0}
    tasks = [asyncio.create_task(consumer(cond, f"c{i}", state)) for i in range(1, 5)]
    tasks.append(asyncio.create_task(picky(cond, state)))
    await asyncio.sleep(0.05)
    for how, n in (("notify(1)", 1), ("notify(2)", 2), ("notify_all()", None)):
        async with cond:
            state["items"] += 1
            print(f"{ts()} main: {how} with items={state['items']}")
            cond.notify_all() if n is None else cond.notify(n)
        await asyncio.sleep(0.05)
    async with cond:
        state["items"] += 1
        print(f"{ts()} main: notify_all() with items={state['items']}")
        cond.notify_all()
    await asyncio.gather(*tasks)
    print(f"{ts()} main: done")


asyncio.run(main())
