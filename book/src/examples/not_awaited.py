# Coroutine objects that are never awaited, and things that cannot be awaited.
import asyncio
import gc
import time
import warnings


def fmt(seconds):
    # truncate (not round) to 0.01 s, see the other programs
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


async def say(msg):
    print(f"say: {msg}")


def part1():
    c = say("never printed")
    print("type of say('...'):", type(c).__name__)
    print("asyncio.iscoroutine:", asyncio.iscoroutine(c))
    print("dropping it without awaiting (warning goes to stderr)")
    del c
    gc.collect()


def part2():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = say("never printed either")
        del c
        gc.collect()
    for w in caught:
        print(f"captured warning -> {w.category.__name__}: {w.message}")


async def main():
    start = time.perf_counter()
    asyncio.sleep(0.2)  # forgot await: does not sleep at all (warning on stderr)
    print(f"forgot-await sleep took {fmt(time.perf_counter() - start)} s")
    try:
        await print("hello")
    except TypeError as e:
        print(f"await print('hello') -> {type(e).__name__}: {e}")
    try:
        await 42
    except TypeError as e:
        print(f"await 42 -> {type(e).__name__}: {e}")
    await say("this one is awaited")


part1()
part2()
asyncio.run(main())
