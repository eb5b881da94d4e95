# exit: 3
# sys.exit() in main while other tasks are still pending: the runner cancels them (their
# finally blocks run) and the program exits with the status given, printing nothing more; a
# KeyboardInterrupt raised in a task passes through the event loop's frames and is caught
# around asyncio.run.
import asyncio
import sys


async def background(n):
    try:
        await asyncio.sleep(5)
    finally:
        print(f"background {n} cleaned up")


async def interrupted():
    asyncio.create_task(background("a"))
    await asyncio.sleep(0)
    raise KeyboardInterrupt


async def main():
    for n in range(2):
        asyncio.create_task(background(n))
    await asyncio.sleep(0.1)
    print("exiting with status 3")
    sys.exit(3)


try:
    asyncio.run(interrupted())
except KeyboardInterrupt:
    print("caught KeyboardInterrupt")
asyncio.run(main())
