# N simulated image downloads (0.02 s each): a loop versus gather, N = 10 and 100.
import asyncio
import time

LATENCY = 0.02


def trunc(seconds, digits):
    scale = 10 ** digits
    return f"{int(seconds * scale + 1e-6) / scale:.{digits}f}"


def download_sync(i):
    time.sleep(LATENCY)
    return f"img{i}.jpg"


async def download(i):
    await asyncio.sleep(LATENCY)
    return f"img{i}.jpg"


def run_sync(n):
    start = time.perf_counter()
    files = [download_sync(i) for i in range(n)]
    return files, time.perf_counter() - start


async def run_async(n):
    start = time.perf_counter()
    files = await asyncio.gather(*(download(i) for i in range(n)))
    return files, time.perf_counter() - start


for n in (10, 100):
    files_s, t_sync = run_sync(n)
    files_a, t_async = asyncio.run(run_async(n))
    print(f"N={n}: sync {trunc(t_sync, 1)} s ({len(files_s)} files), async {trunc(t_async, 2)} s ({len(files_a)} files)")
    print(f"N={n}: same file list in same order: {files_s == files_a}; first={files_a[0]} last={files_a[-1]}")
    print(f"N={n}: async time below 2 latencies: {t_async < 2 * LATENCY}; speed-up at least N/2: {t_sync / t_async >= n / 2}")
