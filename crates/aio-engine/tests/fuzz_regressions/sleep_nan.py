# Found by the fuzzer: `asyncio.sleep(float('nan'))` hung the engine (a NaN deadline was never
# due, so the loop spun without running anything). In CPython the timer is due at once, also in a
# task cleaning up after asyncio.run cancelled it.
import asyncio


async def background():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        await asyncio.sleep(float('nan'))
        print("background: cleanup after a NaN sleep")
        raise


async def main():
    await asyncio.sleep(float('nan'))
    print("main: a NaN sleep returns at once")
    asyncio.create_task(background())
    await asyncio.sleep(0.1)


asyncio.run(main())
print("done")
