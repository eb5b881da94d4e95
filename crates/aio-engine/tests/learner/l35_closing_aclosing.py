# contextlib.closing (calls .close() on exit) and contextlib.aclosing (awaits .aclose() on exit) with an async
# generator that holds a resource: with aclosing, breaking out of `async for` runs the generator's `finally`
# right at the end of the block; without it, the abandoned generator is only closed later, by the loop's asyncgen
# finalizer hook: when its last reference goes away it call_soon's loop.create_task(agen.aclose()), so the cleanup
# runs two callbacks later, after main's next step ("after one loop turn" comes first).
import asyncio
import contextlib
from typing import AsyncIterator


class Cursor:
    def __init__(self, name: str) -> None:
        self.name = name

    def close(self) -> None:
        print(f"cursor {self.name} closed")


async def rows(table: str) -> AsyncIterator[int]:
    print(f"{table}: open")
    try:
        for i in range(100):
            await asyncio.sleep(0.01)
            yield i
    finally:
        print(f"{table}: cleanup")


async def main() -> None:
    with contextlib.closing(Cursor("c1")) as cur:
        print("using", cur.name)
    async with contextlib.aclosing(rows("users")) as agen:
        async for r in agen:
            if r == 2:
                break
    print("after aclosing block")
    gen = rows("orders")
    async for r in gen:
        if r == 1:
            break
    print("after plain loop, generator still suspended:", gen.ag_frame is not None)
    del gen
    print("dropped the last reference")
    await asyncio.sleep(0)
    print("after one loop turn")
    await asyncio.sleep(0.01)
    print("end of main")


asyncio.run(main())
