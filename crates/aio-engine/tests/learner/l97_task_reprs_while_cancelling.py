# What a learner prints to see a task's state: a task cancelled but not yet resumed is
# "cancelling", then "cancelled"; the running task shows the line it is at; gather's future is
# a _GatheringFuture. (File paths are cut, as they differ from machine to machine.)
import asyncio


def show(x):
    print(repr(x).replace(__file__, "FILE").split(" cb=")[0])


async def work(n):
    await asyncio.sleep(n)
    return n


async def main():
    t = asyncio.create_task(work(1), name="worker")
    await asyncio.sleep(0)
    show(t)
    t.cancel()
    show(t)
    show(asyncio.current_task())
    await asyncio.sleep(0)
    show(t)
    print(t.cancelling(), t.cancelled())
    g = asyncio.gather(work(0.1), work(0.2))
    show(g)
    print(await g)
    show(g)
    h = asyncio.gather(work(5))
    h.cancel()
    try:
        await h
    except asyncio.CancelledError:
        show(h)
    done = asyncio.create_task(work(0))
    await done
    show(done)


asyncio.run(main())
