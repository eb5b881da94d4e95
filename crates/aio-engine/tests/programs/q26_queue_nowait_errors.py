# put_nowait/get_nowait raise QueueFull/QueueEmpty (empty messages); task_done() too often raises ValueError;
# PriorityQueue returns smallest first and LifoQueue newest first; a blocked get() is woken by put_nowait.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def main():
    q = asyncio.Queue(maxsize=2)
    q.put_nowait("a")
    q.put_nowait("b")
    try:
        q.put_nowait("c")
    except asyncio.QueueFull as e:
        print(f"put_nowait on full queue -> {type(e).__name__} {e!r}")
    print("get_nowait ->", q.get_nowait(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print(f"get_nowait on empty queue -> {type(e).__name__} {e!r}")
    q.task_done()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print(f"third task_done -> ValueError: {e}")
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "high"), (2, "mid")]:
        pq.put_nowait(item)
    print("PriorityQueue order:", [pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for item in "xyz":
        lq.put_nowait(item)
    print("LifoQueue order:", [lq.get_nowait() for _ in range(3)])
    print("unbounded queue: maxsize =", asyncio.Queue().maxsize, "full =", asyncio.Queue().full())

    async def getter(name):
        print(f"{ts()} {name}: waiting on get()")
        item = await q.get()
        print(f"{ts()} {name}: got {item!r}")

    g1 = asyncio.create_task(getter("g1"))
    g2 = asyncio.create_task(getter("g2"))
    await asyncio.sleep(0.05)
    q.put_nowait("first")
    q.put_nowait("second")
    print(f"{ts()} main: put two items, qsize={q.qsize()}")
    await asyncio.gather(g1, g2)


asyncio.run(main())
