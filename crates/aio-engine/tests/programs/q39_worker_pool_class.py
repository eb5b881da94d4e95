# A class-based worker pool: N workers pull jobs from a Queue (idle workers are served in the order they called get());
# each job is logged on start and finish; join() waits for all jobs, then the workers are cancelled and report counts.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


class WorkerPool:
    def __init__(self, size):
        self.queue = asyncio.Queue()
        self.size = size
        self.workers = []
        self.done_by = {}

    async def _worker(self, wid):
        name = f"worker-{wid}"
        self.done_by[name] = []
        try:
            while True:
                job, d = await self.queue.get()
                print(f"{ts()} {name}: start {job} ({d} s)")
                await asyncio.sleep(d)
                print(f"{ts()} {name}: finish {job}")
                self.done_by[name].append(job)
                self.queue.task_done()
        except asyncio.CancelledError:
            print(f"{ts()} {name}: stopping")
            raise

    def start(self):
        self.workers = [asyncio.create_task(self._worker(i)) for i in range(1, self.size + 1)]

    def submit(self, job, d):
        self.queue.put_nowait((job, d))

    async def shutdown(self):
        await self.queue.join()
        for w in self.workers:
            w.cancel()
        await asyncio.gather(*self.workers, return_exceptions=True)
        return self.done_by


async def main():
    pool = WorkerPool(3)
    pool.start()
    for i, d in enumerate((0.1, 0.15, 0.07, 0.12, 0.06, 0.09), 1):
        pool.submit(f"job{i}", d)
    print(f"{ts()} main: submitted 6 jobs, qsize={pool.queue.qsize()}")
    summary = await pool.shutdown()
    print(f"{ts()} main: summary {summary}")


asyncio.run(main())
