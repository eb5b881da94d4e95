# exit: 1
# gather called every way: with nothing, with a keyword it does not take, outside a running loop
# (on the current loop), with an unhashable argument and with one that is not awaitable; the last
# is not caught, and its traceback goes through tasks.py's gather and _ensure_future.
import asyncio


async def one():
    return 1


async def main():
    print(await asyncio.gather())
    try:
        await asyncio.gather(one(), loop=None)
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.gather(one(), [1])
    except TypeError as e:
        print("TypeError:", e)
    await asyncio.sleep(0)
    print(len(asyncio.all_tasks()))
    await asyncio.gather(one(), 1)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
f = asyncio.gather(one(), one())
print(f.get_loop() is loop, loop.run_until_complete(f))
empty = asyncio.gather()
print(empty.done(), empty.result(), empty.get_loop() is loop)
loop.close()
asyncio.set_event_loop(None)
asyncio.run(main())
