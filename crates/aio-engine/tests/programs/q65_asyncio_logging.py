# asyncio's messages go through the `asyncio` logger: with logging configured they take its format.
import asyncio
import logging
import sys

logging.basicConfig(level=logging.DEBUG, format="%(levelname)s:%(name)s:%(funcName)s:%(message)s")


async def boom():
    raise ValueError("nobody asked")


def bad_callback(x):
    return x / 0


async def main():
    loop = asyncio.get_running_loop()
    print("debug:", loop.get_debug(), loop)
    t = asyncio.create_task(boom(), name="boom")
    await asyncio.sleep(0.1)
    print("task done:", t.done())
    del t  # never retrieved: logged when the task is freed
    loop.call_soon(bad_callback, 1)
    await asyncio.sleep(0.1)
    loop.call_exception_handler({"message": "custom report", "answer": 42, "where": "main"})
    loop.call_exception_handler({"message": "with an exception", "exception": KeyError("k")})
    loop.default_exception_handler({})
    print("main done")


asyncio.run(main())
logging.getLogger("asyncio").setLevel(logging.WARNING)
asyncio.run(main())  # the DEBUG line "Using selector" is gone now
