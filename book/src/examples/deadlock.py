# Two tasks that each wait for the other: a deadlock. A timeout turns the silent hang into an error.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s so the printed times are stable from run to run
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def worker(name, my_turn, other_turn, mine_first):
    if not mine_first:
        print(f"{ts()} {name}: waiting for the other side first")
        await my_turn.wait()
    print(f"{ts()} {name}: doing my part, then handing over")
    other_turn.set()
    if mine_first:
        await my_turn.wait()
    print(f"{ts()} {name}: finished")


async def run(label, a_first, b_first):
    print(f"== {label} ==")
    a_turn, b_turn = asyncio.Event(), asyncio.Event()
    both = asyncio.gather(
        worker("A", a_turn, b_turn, mine_first=a_first),
        worker("B", b_turn, a_turn, mine_first=b_first),
    )
    try:
        await asyncio.wait_for(both, timeout=0.2)
    except TimeoutError:
        print(f"{ts()} {label}: nothing happened for 0.2 s, giving up")


async def main():
    await run("deadlock: both wait first", a_first=False, b_first=False)
    await run("fixed: A goes first", a_first=True, b_first=False)


asyncio.run(main())
