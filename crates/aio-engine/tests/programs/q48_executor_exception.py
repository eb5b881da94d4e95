# exit: 1
# An exception raised inside an executor job is stored in the future and re-raised in the task that awaits
# it; gather(return_exceptions=True) collects it; an uncaught one ends asyncio.run with a traceback (exit 1).
import asyncio
import concurrent.futures
import time


def fails(d):
    time.sleep(d)
    raise ValueError(f"bad input after {d}")


def fine(d):
    time.sleep(d)
    return d


async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        try:
            await loop.run_in_executor(pool, fails, 0.1)
        except ValueError as e:
            print(f"caught {e!r}")
        r = await asyncio.gather(loop.run_in_executor(pool, fine, 0.2), loop.run_in_executor(pool, fails, 0.1),
                                 return_exceptions=True)
        print(r)
        await loop.run_in_executor(pool, fails, 0.05)


asyncio.run(main())
