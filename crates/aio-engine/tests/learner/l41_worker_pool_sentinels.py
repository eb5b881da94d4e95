# A worker pool fed by an asyncio.Queue and stopped with sentinels: three workers `await queue.get()` until they
# receive None (one sentinel per worker, queued after the jobs); jobs are typed dataclasses; the results list is
# filled in completion order; each worker reports how many jobs it did. Queue.get wakes waiting workers FIFO.
import asyncio
from dataclasses import dataclass
from typing import List, Optional


@dataclass
class Job:
    id: int
    cost: float


@dataclass
class Done:
    job_id: int
    worker: str


async def worker(name: str, queue: "asyncio.Queue[Optional[Job]]", results: List[Done]) -> int:
    handled = 0
    while True:
        job = await queue.get()
        if job is None:
            print(f"{name}: got sentinel, stopping after {handled} jobs")
            return handled
        await asyncio.sleep(job.cost)
        results.append(Done(job.id, name))
        handled += 1


async def main() -> None:
    queue: asyncio.Queue[Optional[Job]] = asyncio.Queue()
    results: List[Done] = []
    workers = [asyncio.create_task(worker(f"w{i}", queue, results)) for i in range(3)]
    await asyncio.sleep(0)  # all three are now waiting in queue.get()
    for i, cost in enumerate([0.2, 0.04, 0.12, 0.02, 0.2, 0.04]):
        queue.put_nowait(Job(i, cost))
    for _ in workers:
        queue.put_nowait(None)
    counts = await asyncio.gather(*workers)
    print(counts, queue.qsize(), queue.empty())
    for r in results:
        print(r)


asyncio.run(main())
