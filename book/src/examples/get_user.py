# Three simulated user lookups (0.5 s each): gather versus a sequential loop.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def get_user(uid):
    print(f"{ts()} querying user {uid}")
    await asyncio.sleep(0.5)
    return {"id": uid, "name": f"user{uid}"}


async def main():
    start = time.perf_counter()
    users = await asyncio.gather(get_user(1), get_user(2), get_user(3))
    print(users)
    print(f"{ts()} gather total: {fmt(time.perf_counter() - start)} s")
    start = time.perf_counter()
    users = [await get_user(i) for i in (1, 2, 3)]
    print(users)
    print(f"{ts()} sequential total: {fmt(time.perf_counter() - start)} s")


asyncio.run(main())
