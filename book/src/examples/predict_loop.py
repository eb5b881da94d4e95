# Predict, then run: the order of five lines, decided by the event loop.
import asyncio


async def job(name):
    print(f"{name} runs")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.1, print, "timer fires")
    task = asyncio.create_task(job("task"))
    loop.call_soon(print, "soon callback")
    print("main before await")
    await asyncio.sleep(0.2)
    print("main after await")


asyncio.run(main())
