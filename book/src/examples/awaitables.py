# The three kinds of awaitable: a coroutine, a Task and a Future.
import asyncio


async def compute():
    await asyncio.sleep(0.1)
    return 42


async def main():
    loop = asyncio.get_running_loop()

    print("coroutine ->", await compute())

    task = asyncio.create_task(compute())
    print("task      ->", await task)

    future = loop.create_future()
    loop.call_later(0.1, future.set_result, "set by a callback")
    print("future    ->", await future)

    for thing in (compute, 42, "text", None):
        coro_like = thing() if callable(thing) else thing
        ok = hasattr(coro_like, "__await__")
        print(f"awaitable? {type(coro_like).__name__:9} {ok}")
        if asyncio.iscoroutine(coro_like):
            coro_like.close()  # we only wanted to look at it; close it to avoid the warning


asyncio.run(main())
