# threading next to asyncio: the event loop and its tasks run on the main thread; Thread(target=..., args=...)
# runs a blocking function on a thread of its own (its time.sleep blocks only that thread), join() waits for it.
import asyncio
import threading
import time

T0 = time.perf_counter()
MAIN = threading.get_ident()


def ts():
    return f"[{int((time.perf_counter() - T0) * 10 + 1e-6) / 10:.1f}]"


def blocking(results, name, d):
    time.sleep(d)
    results.append((name, threading.current_thread().name, threading.get_ident() != MAIN))


async def task(name):
    await asyncio.sleep(0.1)
    return f"{name} on {threading.current_thread().name} (main: {threading.get_ident() == MAIN})"


results = []
threads = [threading.Thread(target=blocking, args=(results, n, d)) for n, d in (("A", 0.3), ("B", 0.1))]
print(threads[0].name, threads[1].name, threads[0].is_alive())
for t in threads:
    t.start()
print(ts(), "started; threads alive:", threading.active_count())
for t in threads:
    t.join()
print(ts(), "joined; threads alive:", threading.active_count(), "| alive:", threads[0].is_alive())
print(sorted(results))
named = threading.Thread(target=blocking, args=(results, "C", 0.1), name="worker-c")
named.start()
named.join()
print(ts(), results[-1], threading.main_thread().name, threading.current_thread() is threading.main_thread())
lock = threading.Lock()
with lock:
    print("locked:", lock.locked())
print("locked:", lock.locked())
print(ts(), asyncio.run(task("coroutine")))
