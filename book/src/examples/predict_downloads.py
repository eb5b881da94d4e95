# Predict, then run: 1,000 simulated downloads of 0.2 s each, all gathered. How long?
import asyncio
import time

LATENCY = 0.2


async def download(i):
    await asyncio.sleep(LATENCY)
    return f"img{i}.jpg"


async def main():
    start = time.perf_counter()
    files = await asyncio.gather(*(download(i) for i in range(1000)))
    took = time.perf_counter() - start
    print(f"{len(files)} files, last one {files[-1]}")
    print(f"took about {round(took / LATENCY)} latency ({LATENCY} s); one by one it would be {len(files) * LATENCY:.0f} s")


asyncio.run(main())
