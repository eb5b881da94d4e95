# How deep a recursive function gets before RecursionError, measured at module level, in a
# task run by loop.run_until_complete, by asyncio.run and by asyncio.Runner: the event loop's
# own frames (and asyncio.run's) count against the same limit, so the depth differs.
import asyncio


def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


async def main(label):
    await asyncio.sleep(0)
    print(label, depth())


print("module", depth())
loop = asyncio.new_event_loop()
loop.run_until_complete(main("run_until_complete"))
loop.close()
asyncio.run(main("asyncio.run"))
with asyncio.Runner() as runner:
    runner.run(main("Runner.run"))
