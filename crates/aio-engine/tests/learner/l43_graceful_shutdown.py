# Graceful shutdown of long-running workers: main lets them run, then sets a stop Event for the polite ones and
# cancels the stubborn one; each worker's `finally` does async cleanup (allowed: awaiting inside finally after a
# cancel works as long as nobody cancels again), and the cancelled task's `except CancelledError: ... raise`
# records it. gather(return_exceptions=True) then reports ['w0 stopped', 'w1 stopped', CancelledError('')]
# (gather always builds a fresh CancelledError with an empty message).
import asyncio
from dataclasses import dataclass, field
from typing import List


@dataclass
class Worker:
    name: str
    period: float
    log: List[str] = field(default_factory=list)

    async def run(self, stop: asyncio.Event) -> str:
        try:
            while not stop.is_set():
                await asyncio.sleep(self.period)
                if not self.log:
                    self.log.append("first tick")
            return f"{self.name} stopped"
        except asyncio.CancelledError:
            self.log.append("cancelled")
            raise
        finally:
            await asyncio.sleep(0.01)
            self.log.append(f"cleaned up (stop set: {stop.is_set()})")


async def main() -> None:
    stop = asyncio.Event()
    workers = [Worker("w0", 0.04), Worker("w1", 0.06), Worker("stubborn", 0.5)]
    tasks = [asyncio.create_task(w.run(stop), name=w.name) for w in workers]
    await asyncio.sleep(0.1)
    stop.set()
    tasks[2].cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print(results)
    for w, t in zip(workers, tasks):
        print(t.get_name(), t.cancelled(), w.log)


asyncio.run(main())
