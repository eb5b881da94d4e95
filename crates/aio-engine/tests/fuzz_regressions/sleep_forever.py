# Found by the fuzzer: `asyncio.sleep(float('inf'))` hung the engine (at time infinity the timer
# was never due, so the loop spun). CPython waits forever here; the engine now stops with its
# deadlock error instead. No recorded output: CPython never finishes.
import asyncio


async def background():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        await asyncio.sleep(float('inf'))
        print("never printed")
        raise


async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0.1)


asyncio.run(main())
