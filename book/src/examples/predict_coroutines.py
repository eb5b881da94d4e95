# Predict, then run: in which order do the five lines appear?
import asyncio


async def brew(drink):
    print(f"brew: start {drink}")
    await asyncio.sleep(0.1)
    print(f"brew: {drink} ready")
    return drink


async def main():
    order = brew("oolong")
    print("main: order written down")
    cup = await order
    print(f"main: drinking {cup}")


print("before asyncio.run")
asyncio.run(main())
