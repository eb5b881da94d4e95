# create_task starts work in the background at once; gather waits for a group and lists the results in order.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s so the printed times are stable from run to run
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def job(name, delay):
    print(f"{ts()} {name} starts")
    await asyncio.sleep(delay)
    print(f"{ts()} {name} ends")
    return name.upper()


async def main():
    print("== create_task: the task runs while main does other things ==")
    task = asyncio.create_task(job("report", 0.2))
    print(f"{ts()} main: task created, done? {task.done()}")
    await asyncio.sleep(0.1)  # main does its own work; the task runs meanwhile
    print(f"{ts()} main: my own work finished, done? {task.done()}")
    result = await task
    print(f"{ts()} main: task result {result!r}")

    print("== gather: one await for a whole group, results in argument order ==")
    results = await asyncio.gather(job("slow", 0.2), job("fast", 0.1))
    print(f"{ts()} gather results {results}")

    print("== both together: tasks first, gather to collect ==")
    t1 = asyncio.create_task(job("left", 0.1))
    t2 = asyncio.create_task(job("right", 0.1))
    results = await asyncio.gather(t1, t2)
    print(f"{ts()} gather of tasks {results}")


asyncio.run(main())
