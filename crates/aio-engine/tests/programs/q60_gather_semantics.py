# gather: duplicates, already-done futures, return_exceptions with failures and cancelled children
# (CancelledError('')), the first error propagating while siblings go on, cancelling the outer
# future (children cancelled, cancel() False once done), a non-awaitable (TypeError), gather() empty,
# an outer future whose exception nobody awaits.
import asyncio


async def work(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    print("done", name)
    return name


async def main():
    t = asyncio.create_task(work("t", 0.1))
    c = work("c", 0.2)
    r = await asyncio.gather(t, c, t, work("d", 0.05))
    print(r)
    f = asyncio.get_running_loop().create_future()
    f.set_result(7)
    print(await asyncio.gather(f, f, work("e", 0)))
    r = await asyncio.gather(work("x", 0.1, True), work("y", 0.2), return_exceptions=True)
    print([repr(x) for x in r])
    try:
        await asyncio.gather(work("p", 0.1, True), work("q", 0.3))
    except ValueError as e:
        print("caught", e)
    await asyncio.sleep(0.5)
    slow = asyncio.create_task(work("slow", 1))
    g = asyncio.gather(slow, work("quick", 0.1))
    await asyncio.sleep(0.2)
    print("cancel:", g.cancel("stop"))
    try:
        await g
    except asyncio.CancelledError as e:
        print("outer cancelled", repr(e), slow.cancelled())
    print("cancel again:", g.cancel())
    k = asyncio.create_task(work("k", 0.3))
    g2 = asyncio.gather(k, work("m", 0.1), return_exceptions=True)
    await asyncio.sleep(0.05)
    k.cancel("bye")
    print(await g2)
    try:
        await asyncio.gather(work("z", 0), 42)
    except TypeError as e:
        print("TypeError", e)
    print(await asyncio.gather())
    g3 = asyncio.gather(work("u", 0.1, True), work("v", 0.1, True))
    await asyncio.sleep(0.3)
    print(g3.done(), type(g3.exception()).__name__)


asyncio.run(main())
