# IntEnum job priorities in an asyncio.PriorityQueue: (priority, seq, name) tuples come out lowest
# value first; members compare, sort and add as ints (HIGH = 1 sorts first), str() and f-strings
# show the int in 3.11 while repr shows the member; Prio(2) looks one up; max()/sorted()/sum() work.
import asyncio
from enum import IntEnum


class Prio(IntEnum):
    HIGH = 1
    NORMAL = 2
    LOW = 3


async def producer(queue):
    jobs = [("backup", Prio.LOW), ("deploy", Prio.HIGH), ("email", Prio.NORMAL),
            ("alert", Prio.HIGH), ("report", Prio.LOW)]
    for seq, (name, prio) in enumerate(jobs):
        await queue.put((prio, seq, name))
        print(f"queued {name:<7} prio={prio} {prio!r} {prio.name.lower()}")


async def worker(queue, done):
    while True:
        prio, seq, name = await queue.get()
        await asyncio.sleep(0.01)
        done.append((name, prio))
        print(f"ran {name:<7} [{prio:>2}] {prio.name} urgent={prio < Prio.NORMAL}")
        queue.task_done()


async def main():
    queue = asyncio.PriorityQueue()
    await producer(queue)
    done = []
    task = asyncio.create_task(worker(queue, done))
    await queue.join()
    task.cancel()
    counts = {}
    for _, prio in done:
        counts[prio] = counts.get(prio, 0) + 1
    print(counts)
    print(max(Prio), min(Prio), sorted([Prio.LOW, 1, Prio.NORMAL]), sum(p for _, p in done))
    print(Prio(2), repr(Prio(2)), Prio.HIGH + 1, Prio.LOW - Prio.HIGH, Prio.NORMAL == 2, Prio.LOW > 2)
    print([name for name, prio in done if prio <= Prio.NORMAL], str(Prio.LOW), f"{Prio.LOW:03}")


asyncio.run(main())
