# asyncio.Lock is FIFO-fair: waiters get the lock in the order they called acquire(); a cancelled waiter is skipped;
# the releasing task cannot barge back in: its immediate re-acquire queues behind the waiter it just woke.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"

lock = asyncio.Lock()


async def user(name, hold, arrive):
    await asyncio.sleep(arrive)
    print(f"{ts()} {name}: wants the lock (locked={lock.locked()})")
    try:
        async with lock:
            print(f"{ts()} {name}: acquired")
            await asyncio.sleep(hold)
            print(f"{ts()} {name}: releasing")
    except asyncio.CancelledError:
        print(f"{ts()} {name}: cancelled while waiting")
        raise


async def greedy():
    await lock.acquire()
    print(f"{ts()} greedy: acquired")
    await asyncio.sleep(0.1)
    lock.release()
    print(f"{ts()} greedy: released (locked={lock.locked()}), re-acquiring at once")
    await lock.acquire()
    print(f"{ts()} greedy: acquired again")
    lock.release()


async def main():
    g = asyncio.create_task(greedy())
    tasks = [asyncio.create_task(user(n, 0.05, a)) for n, a in (("w1", 0.01), ("w2", 0.02), ("quitter", 0.03), ("w3", 0.04))]
    await asyncio.sleep(0.06)
    tasks[2].cancel()
    await asyncio.gather(g, *tasks, return_exceptions=True)
    print(f"{ts()} main: all done, locked={lock.locked()}")


asyncio.run(main())
