# @dataclass(order=True) items in an asyncio.PriorityQueue: comparison uses the fields as a tuple in definition
# order, skipping field(compare=False) ones, so the payload never breaks ties and equal priorities come out by
# the `seq` counter (FIFO). Without order=True, `<` raises "'<' not supported between instances of ...".
import asyncio
import itertools
from dataclasses import dataclass, field
from typing import Any

counter = itertools.count()


@dataclass(order=True)
class PJob:
    priority: int
    seq: int = field(default_factory=lambda: next(counter))
    name: str = field(default="", compare=False)
    payload: Any = field(default=None, compare=False, repr=False)


@dataclass
class Plain:
    priority: int


async def worker(q: "asyncio.PriorityQueue[PJob]") -> None:
    while True:
        item = await q.get()
        await asyncio.sleep(0.01)
        print("ran", item)
        q.task_done()


async def main() -> None:
    q: asyncio.PriorityQueue[PJob] = asyncio.PriorityQueue()
    for prio, name in [(2, "backup"), (1, "alert"), (3, "report"), (1, "page"), (2, "sync")]:
        q.put_nowait(PJob(prio, name=name, payload={"n": name}))
    w = asyncio.create_task(worker(q))
    await q.join()
    w.cancel()
    print(PJob(1, 0, "a") < PJob(1, 1, "b"), PJob(1, 0, "a") == PJob(1, 0, "zzz"), PJob(2, 0) >= PJob(1, 9))
    print(sorted([PJob(5, 1, "x"), PJob(4, 2, "y"), PJob(5, 0, "z")]))
    try:
        Plain(1) < Plain(2)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
