# PEP 585 / 604 generics at run time: list[int], dict[str, int], tuple[int, ...] print as written and are
# types.GenericAlias; asyncio.Queue[int] / asyncio.Future[str] / asyncio.Task[None] print with the defining module
# (asyncio.queues.Queue[int], _asyncio.Future[str], _asyncio.Task[None]); int | None is a types.UnionType equal to
# Optional[int]; calling an alias builds the plain class (list[int]() -> []; Queue[int]() is a Queue).
import asyncio
import typing
from typing import Dict, Optional, Union


async def worker(q: asyncio.Queue[int], totals: dict[str, int]) -> None:
    while not q.empty():
        n = q.get_nowait()
        totals["sum"] = totals.get("sum", 0) + n
        await asyncio.sleep(0)


async def main() -> None:
    q: asyncio.Queue[int] = asyncio.Queue[int]()
    for n in [3, 4, 5]:
        q.put_nowait(n)
    totals: dict[str, int] = {}
    await asyncio.gather(worker(q, totals), worker(q, totals))
    print(type(q).__name__, q.qsize(), totals)
    print(worker.__annotations__)


print(list[int], dict[str, int], tuple[int, ...], list[list[str]])
print(type(list[int]), type(list[int]).__module__, list[int].__origin__, dict[str, int].__args__)
print(asyncio.Queue[int], asyncio.Future[str], asyncio.Task[None], asyncio.PriorityQueue[tuple[int, str]])
print(list[int](), list[int]("ab"), list[int] == list[int], list[int] == list, isinstance([], list))
print(int | None, type(int | None).__name__, (int | None) == Optional[int], Union[int, None])
print(Optional[int] == Union[None, int], Dict[str, int] == dict[str, int], typing.List[int] == list[int])
try:
    isinstance([1], list[int])
except TypeError as e:
    print("TypeError:", e)
asyncio.run(main())
