# asyncio.to_thread for blocking calls (time.sleep, a CPU-light parse) so the event loop keeps ticking: two 0.15 s
# blocking calls run in worker threads at the same time (the batch takes about 0.15 s, not 0.3 s) while a ticker
# task keeps running; keyword arguments are passed through (unlike run_in_executor); an exception raised in the
# thread is re-raised at the await with its original type; contextvars are copied into the thread.
import asyncio
import contextvars
import threading
import time
from typing import Dict, List

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


def blocking_read(path: str, *, delay: float) -> Dict[str, object]:
    time.sleep(delay)
    return {"path": path, "rid": request_id.get(), "main": threading.current_thread() is threading.main_thread()}


def parse_int(text: str) -> int:
    return int(text)


async def ticker(ticks: List[int]) -> None:
    for i in range(3):
        ticks.append(i)
        await asyncio.sleep(0.01)


async def main() -> None:
    request_id.set("req-7")
    ticks: List[int] = []
    t = asyncio.create_task(ticker(ticks))
    start = time.perf_counter()
    results = await asyncio.gather(asyncio.to_thread(blocking_read, "a.cfg", delay=0.15),
                                   asyncio.to_thread(blocking_read, "b.cfg", delay=0.15))
    elapsed = time.perf_counter() - start
    print(results)
    print("overlapped:", elapsed < 0.25, "ticker ran meanwhile:", ticks)
    await t
    print(await asyncio.to_thread(parse_int, "42"))
    try:
        await asyncio.to_thread(parse_int, "forty-two")
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
