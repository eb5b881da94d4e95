# A fire-and-forget task fails and nobody looks: asyncio can only complain on stderr, later.
import asyncio


async def flaky():
    await asyncio.sleep(0.1)
    raise ValueError("bad data")


async def main():
    asyncio.create_task(flaky())  # no reference kept, never awaited
    await asyncio.sleep(0.2)
    print("main: finished, and saw nothing go wrong")


asyncio.run(main())
print("program: still running after asyncio.run returned")
