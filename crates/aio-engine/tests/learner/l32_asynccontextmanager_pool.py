# @contextlib.asynccontextmanager acquiring a connection from a small pool around awaits: setup and teardown may
# both await; three tasks share a pool of two (the third waits on a Condition until one is released); an exception
# inside `async with` is thrown into the generator at `yield`, the `finally` releases the connection, and the
# exception reaches the caller; a bare `return` before yield gives "RuntimeError: generator didn't yield".
import asyncio
import contextlib
from typing import AsyncIterator, List


class Pool:
    def __init__(self, size: int) -> None:
        self.free: List[str] = [f"conn{i}" for i in range(size)]
        self.cond = asyncio.Condition()


@contextlib.asynccontextmanager
async def connection(pool: Pool, who: str) -> AsyncIterator[str]:
    async with pool.cond:
        await pool.cond.wait_for(lambda: pool.free)
        conn = pool.free.pop(0)
    print(f"{who} got {conn}")
    try:
        yield conn
    finally:
        await asyncio.sleep(0.01)  # e.g. rollback / reset the session
        async with pool.cond:
            pool.free.append(conn)
            pool.cond.notify()
        print(f"{who} released {conn}")


async def query(pool: Pool, who: str, work: float, fail: bool = False) -> str:
    async with connection(pool, who) as conn:
        await asyncio.sleep(work)
        if fail:
            raise LookupError(f"{who}: no such table")
        return f"{who} used {conn}"


@contextlib.asynccontextmanager
async def broken() -> AsyncIterator[None]:
    return
    yield


async def main() -> None:
    pool = Pool(2)
    results = await asyncio.gather(query(pool, "A", 0.03), query(pool, "B", 0.15, fail=True),
                                   query(pool, "C", 0.01),
                                   return_exceptions=True)
    print(results, pool.free)
    try:
        async with broken():
            print("not reached")
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
