# contextvars and threads: a new thread starts with an empty context and keeps its own from job to job (a pool's
# worker sees what its previous job set); run_in_executor runs in the worker's context, to_thread in a copy of the
# caller's.
import asyncio
import contextvars
import threading
from concurrent.futures import ThreadPoolExecutor

var = contextvars.ContextVar("var", default="default")


def report(tag):
    print(tag, var.get())
    var.set(f"set by {tag}")
    return var.get()


var.set("main")
t = threading.Thread(target=report, args=("thread",))
t.start()
t.join()
print("main after thread:", var.get())
with ThreadPoolExecutor(max_workers=1) as pool:
    print(pool.submit(report, "job1").result())
    print(pool.submit(report, "job2").result())


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, report, "executor"))
    print(await asyncio.to_thread(report, "to_thread"))
    print(await asyncio.to_thread(report, "to_thread again"))
    print("main task:", var.get())

asyncio.run(main())
