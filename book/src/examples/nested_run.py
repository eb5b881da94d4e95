# asyncio.run inside a running loop fails; await the coroutine instead.
import asyncio


async def inner():
    return "inner result"


async def main():
    try:
        asyncio.run(inner())
    except RuntimeError as e:
        print(f"asyncio.run inside loop -> RuntimeError: {e}")
    loop = asyncio.get_running_loop()
    try:
        loop.run_until_complete(inner())
    except RuntimeError as e:
        print(f"run_until_complete inside loop -> RuntimeError: {e}")
    print("correct way:", await inner())


asyncio.run(main())
print("outside any loop:", asyncio.run(inner()))
