# exit: 1
# asyncio.TaskGroup with `except*`: two children fail (ValueError, KeyError) while a slow sibling is cancelled;
# the group raises ExceptionGroup('unhandled errors in a TaskGroup', [...]) with the errors in the order they
# happened; `except* ValueError` and `except* KeyError` each see a sub-group. A second group whose only handler is
# `except* KeyError` re-raises the unmatched ValueError part, uncaught: the "+-+---- 1 ----" traceback, exit 1.
import asyncio
from typing import Dict, List


async def check(name: str, delay: float, data: Dict[str, int]) -> int:
    await asyncio.sleep(delay)
    if name not in data:
        raise KeyError(name)
    if data[name] < 0:
        raise ValueError(f"{name} is negative")
    return data[name]


async def slow(log: List[str]) -> None:
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append("slow cancelled")
        raise


async def main() -> None:
    data = {"a": 1, "b": -2}
    log: List[str] = []
    try:
        async with asyncio.TaskGroup() as tg:
            ok = tg.create_task(check("a", 0, data))
            tg.create_task(check("b", 0, data))  # sleep(0): both failures happen in the same loop turn
            tg.create_task(check("zz", 0, data))
            tg.create_task(slow(log))
    except* ValueError as eg:
        print("ValueError part:", repr(eg))
    except* KeyError as eg:
        print("KeyError part:", repr(eg), eg.exceptions[0].args)
    print(ok.result(), log)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(check("b", 0.01, data))
    except* KeyError:
        print("not reached")


asyncio.run(main())
