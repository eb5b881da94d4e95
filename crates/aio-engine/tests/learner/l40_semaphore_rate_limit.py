# Limiting concurrency with asyncio.Semaphore(2) around six "downloads" of 0.05 s: at most two run at once, they
# start in pairs at 0.00, 0.05, 0.10 (waiters are woken FIFO), the peak counter says 2, and the whole batch takes
# 0.15 s instead of 0.05 s. Results come back from gather in argument order, not completion order.
import asyncio
import time
from dataclasses import dataclass, field
from typing import List

T0 = time.perf_counter()


def ts() -> str:
    return f"[{int((time.perf_counter() - T0) * 100 + 1e-6) / 100:.2f}]"


@dataclass
class Stats:
    running: int = 0
    peak: int = 0
    order: List[str] = field(default_factory=list)


async def download(url: str, sem: asyncio.Semaphore, stats: Stats) -> int:
    async with sem:
        stats.running += 1
        stats.peak = max(stats.peak, stats.running)
        print(f"{ts()} start {url}")
        await asyncio.sleep(0.05)
        stats.running -= 1
        stats.order.append(url)
        return len(url)


async def main() -> None:
    global T0
    sem = asyncio.Semaphore(2)
    stats = Stats()
    urls = [f"/file{i}" + "x" * i for i in range(6)]
    T0 = time.perf_counter()
    sizes = await asyncio.gather(*(download(u, sem, stats) for u in urls))
    print(f"{ts()} done: sizes={sizes}")
    print(f"peak={stats.peak} order={stats.order}")
    print(sem.locked(), sem._value)


asyncio.run(main())
