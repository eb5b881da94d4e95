# exit: 1
# A missing comma turns a list of tuples into a call: CPython's compiler warns first.
import asyncio


async def run(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    jobs = [
        ("fetch", 0.02),
        ("parse", 0.01),
    ]
    print(await asyncio.gather(*(run(n, d) for n, d in jobs)))
    print(["a", "b"][1], "abc"[1:], (1, 2)[len(jobs) - 1])
    try:
        print(["x", "y"]["0"])
    except TypeError as e:
        print("TypeError:", e)
    broken = [
        ("fetch", 0.02)
        ("parse", 0.01)
    ]
    print(broken)


asyncio.run(main())
