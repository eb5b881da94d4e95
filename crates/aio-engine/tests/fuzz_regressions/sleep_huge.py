# Found by the fuzzer: a deadline so large that adding the clock's resolution (1e-9 s) to it
# changes nothing (1e8 s) was never due in virtual time, and the loop spun. CPython, whose real
# clock moves on, wakes up after three years; no recorded output for that reason.
import asyncio


async def main():
    await asyncio.sleep(1e8)
    print("three years later")
    await asyncio.sleep(1e300)
    print("much later")


asyncio.run(main())
