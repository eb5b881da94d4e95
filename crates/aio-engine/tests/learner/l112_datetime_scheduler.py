import asyncio
from datetime import datetime, timedelta

SIM_START = datetime(2024, 3, 1, 9, 0)
SECONDS_PER_SIM_HOUR = 0.01  # one simulated hour passes in 10 ms


class SimClock:
    def __init__(self, start):
        self.now = start

    async def sleep_until(self, when):
        delta = when - self.now
        if delta > timedelta():
            await asyncio.sleep(delta.total_seconds() / 3600 * SECONDS_PER_SIM_HOUR)
            self.now = when


async def scheduler(clock, jobs, queue):
    for when, name in sorted(jobs):
        await clock.sleep_until(when)
        print(f"[{clock.now:%H:%M}] dispatch {name}")
        await queue.put((when, name))
    await queue.put(None)


async def worker(queue, log):
    while (item := await queue.get()) is not None:
        when, name = item
        finished = when + timedelta(minutes=15)
        log.append((name, when, finished))
        print(f"          {name} runs {when:%H:%M}-{finished:%H:%M}")


async def main():
    clock = SimClock(SIM_START)
    jobs = [
        (datetime(2024, 3, 1, 12, 0), "lunch-report"),
        (datetime(2024, 3, 1, 9, 30), "backup"),
        (datetime(2024, 3, 1, 17, 45), "daily-summary"),
        (datetime(2024, 3, 1, 9, 30), "cache-warmup"),
        (datetime(2024, 3, 1, 14, 15), "invoice-run"),
    ]
    queue = asyncio.Queue()
    log = []
    await asyncio.gather(scheduler(clock, jobs, queue), worker(queue, log))
    print("jobs run:", len(log))
    print("simulated end:", clock.now)
    span = log[-1][2] - log[0][1]
    print("first start to last finish:", span)
    every = [SIM_START + timedelta(hours=2 * i) for i in range(5)]
    print("recurring every 2h:", [t.strftime("%H:%M") for t in every])


asyncio.run(main())
