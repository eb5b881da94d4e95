# "no running event loop": asyncio functions that need a loop, called from plain synchronous code.
import asyncio


async def work():
    await asyncio.sleep(0.1)
    return "work done"


def sync_code():
    try:
        asyncio.get_running_loop()
    except RuntimeError as e:
        print(f"get_running_loop() -> RuntimeError: {e}")
    try:
        asyncio.create_task(work())
    except RuntimeError as e:
        print(f"create_task(work()) -> RuntimeError: {e}")
    print("the fix: asyncio.run(work()) ->", asyncio.run(work()))


sync_code()


async def main():
    loop = asyncio.get_running_loop()
    print("inside a coroutine a loop is running:", loop.is_running())


asyncio.run(main())
