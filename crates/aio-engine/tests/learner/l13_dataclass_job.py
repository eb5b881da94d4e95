# A @dataclass Job handed to worker tasks: generated __init__ with defaults, field(default_factory=list) giving
# each instance its own list, the generated repr (fields in definition order, strings with repr quotes) and __eq__
# (field by field, only between instances of the same class; a tuple with equal values is not equal).
import asyncio
from dataclasses import dataclass, field
from typing import List, Optional


@dataclass
class Job:
    name: str
    size: int = 1
    tags: List[str] = field(default_factory=list)
    result: Optional[int] = None


async def worker(wid: int, queue: "asyncio.Queue[Job]", done: List[Job]) -> None:
    while not queue.empty():
        job = queue.get_nowait()
        await asyncio.sleep(0.02 * job.size)
        job.tags.append(f"w{wid}")
        job.result = job.size * 10
        done.append(job)


async def main() -> None:
    queue: asyncio.Queue[Job] = asyncio.Queue()
    for job in [Job("resize", 10), Job("upload"), Job("email", tags=["urgent"]), Job("log", size=2)]:
        queue.put_nowait(job)
    done: List[Job] = []
    await asyncio.gather(worker(1, queue, done), worker(2, queue, done))
    for job in done:
        print(job)
    a, b = Job("x"), Job("x")
    print(a == b, a is b, a.tags is b.tags, a == ("x", 1, [], None), Job("x", 2) == a)
    a.tags.append("t")
    print(a == b, a, b)


print(Job.__init__.__annotations__)
asyncio.run(main())
