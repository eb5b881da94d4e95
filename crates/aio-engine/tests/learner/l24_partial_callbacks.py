# functools.partial as loop callbacks: call_soon / call_later take positional args only (a keyword raises
# "TypeError: BaseEventLoop.call_soon() got an unexpected keyword argument 'level'"), so keywords are bound with
# partial; add_done_callback(partial(report, "name")) receives the future as the last positional argument;
# callbacks run in FIFO order for call_soon and deadline order for call_later.
import asyncio
import functools
from typing import List

LOG: List[str] = []


def on_event(name: str, *, level: int = 0) -> None:
    LOG.append(f"{name}/{level}")


def report(label: str, fut: "asyncio.Future[int]") -> None:
    state = "cancelled" if fut.cancelled() else f"result={fut.result()}"
    LOG.append(f"{label}: {state}")


async def compute(n: int) -> int:
    await asyncio.sleep(0.05 * n)
    return n * n


async def main() -> None:
    loop = asyncio.get_running_loop()
    loop.call_later(0.1, functools.partial(on_event, "late", level=2))
    loop.call_later(0.01, on_event, "early")
    loop.call_soon(functools.partial(on_event, "soon", level=1))
    loop.call_soon(on_event, "soon2")
    try:
        loop.call_soon(on_event, "bad", level=9)
    except TypeError as e:
        print("TypeError:", e)
    t1 = asyncio.create_task(compute(3))
    t1.add_done_callback(functools.partial(report, "t1"))
    t2 = asyncio.create_task(compute(1))
    t2.add_done_callback(functools.partial(report, "t2"))
    t3 = asyncio.create_task(compute(2))
    t3.add_done_callback(functools.partial(report, "t3"))
    t3.cancel()
    await asyncio.sleep(0.2)
    print(LOG)


asyncio.run(main())
