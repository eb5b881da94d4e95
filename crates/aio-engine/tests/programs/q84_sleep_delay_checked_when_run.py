# asyncio.sleep checks its delay when the coroutine runs, with CPython's first line, `if delay <= 0:`:
# a delay that is not a number fails there (the call itself succeeds); True is 1 s, -1 is no wait.
import asyncio

async def main():
    for bad in (None, "1", [1], (), object):
        try:
            await asyncio.sleep(bad)
        except TypeError as e:
            print(type(bad).__name__, "TypeError:", e)
    c = asyncio.sleep("x")
    print(type(c).__name__)
    c.close()
    await asyncio.sleep(True)
    await asyncio.sleep(-1)
    print(await asyncio.sleep(0, "r"), await asyncio.sleep(0.01, result=5))

asyncio.run(main())
