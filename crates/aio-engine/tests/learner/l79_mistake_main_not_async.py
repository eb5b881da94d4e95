# exit: 1
# A beginner's mistake: main written with def instead of async def, so main() runs at once (its
# body's tasks are created with no loop running and are never awaited) and asyncio.run gets None.
# CPython refuses it from inside Runner.run: the traceback shows runners.py's two frames.
import asyncio


async def fetch(n):
    await asyncio.sleep(0.01)
    return n


def main():
    print("main runs before asyncio.run")
    return None


asyncio.run(main())
