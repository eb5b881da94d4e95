# functools.lru_cache / cache around lookups made from async code: cache_info() is a named tuple
# CacheInfo(hits=, misses=, maxsize=, currsize=), maxsize=2 evicts the least recently used key, cache_clear()
# resets the counters, typed=True keeps 1 and 1.0 apart. The learner's trap: @lru_cache on an `async def` caches the
# coroutine object, so the second await of the same key raises "RuntimeError: cannot reuse already awaited coroutine".
import asyncio
import functools

CALLS = []


@functools.lru_cache(maxsize=2)
def parse_route(path: str) -> tuple:
    CALLS.append(path)
    return tuple(p for p in path.split("/") if p)


@functools.cache
def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@functools.lru_cache(maxsize=None, typed=True)
def scale(x: float) -> float:
    return x * 2


@functools.lru_cache
async def get_user(uid: int) -> str:
    await asyncio.sleep(0.01)
    return f"user{uid}"


async def main() -> None:
    for path in ["/a/b", "/c", "/a/b", "/d", "/c", "/a/b"]:
        parse_route(path)
        await asyncio.sleep(0)
    print(CALLS, parse_route.cache_info())
    parse_route.cache_clear()
    print(parse_route.cache_info(), parse_route.cache_info().hits, parse_route.__wrapped__("/x/y"))
    print(fib(30), fib.cache_info())
    print(scale(1), scale(1.0), scale(True), scale.cache_info())
    print(await get_user(1), get_user.cache_info())
    try:
        print(await get_user(1))
    except RuntimeError as e:
        print("RuntimeError:", e, get_user.cache_info())
    print(parse_route.__name__, type(parse_route).__name__)


asyncio.run(main())
