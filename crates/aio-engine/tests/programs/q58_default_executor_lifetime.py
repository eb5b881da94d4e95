# The default executor (asyncio_N threads, min(32, cpus + 4) of them on this 2-CPU machine) is used by
# to_thread and run_in_executor(None); its idle threads stay alive until asyncio.run shuts it down, and that
# shutdown waits for a job still running; a pool's futures are done only when their worker's time has come.
import asyncio, threading, time, concurrent.futures
T0 = time.perf_counter()
def ts():
    return f"[{int((time.perf_counter() - T0) * 10 + 1e-6) / 10:.1f}]"
def job(d):
    time.sleep(d)
    return threading.current_thread().name
async def main():
    loop = asyncio.get_running_loop()
    r = await asyncio.gather(*(asyncio.to_thread(job, 0.1) for _ in range(8)))
    print(ts(), sorted(set(r)), len(r))
    r = await loop.run_in_executor(None, job, 0.1)
    print(ts(), r.startswith("asyncio_"))
    print(threading.active_count())
    f = loop.run_in_executor(None, job, 0.3)
    print(ts(), "leaving main")
asyncio.run(main())
print(ts(), "after run", threading.active_count())
with concurrent.futures.ThreadPoolExecutor(2) as p:
    fs = [p.submit(job, 0.1) for _ in range(3)]
    print(ts(), [f.done() for f in fs])
    time.sleep(0.12)
    print(ts(), [f.done() for f in fs], threading.active_count())
print(ts(), threading.active_count(), sorted(set(f.result() for f in fs)))
