# contextlib.nullcontext as the "maybe" context manager: `lock if shared else nullcontext()` works with both
# `with` and `async with` (nullcontext has __aenter__/__aexit__ since 3.10); nullcontext(value) gives that value to
# `as`, and it never suppresses exceptions. Writers with a real Lock run one at a time; without it they
# interleave (the read-modify-write race on a shared counter loses updates).
import asyncio
import contextlib
from typing import Dict, Optional, Union


async def add(counter: Dict[str, int], guard: Union[asyncio.Lock, contextlib.nullcontext], name: str) -> None:
    async with guard:
        value = counter["n"]
        await asyncio.sleep(0.01)
        counter["n"] = value + 1
        print(f"{name} wrote {counter['n']}")


async def run(use_lock: bool) -> int:
    counter = {"n": 0}
    guard = asyncio.Lock() if use_lock else contextlib.nullcontext()
    await asyncio.gather(*(add(counter, guard, f"w{i}") for i in range(3)))
    return counter["n"]


def open_output(path: Optional[str]):
    return open(path) if path else contextlib.nullcontext("<stdout>")


async def main() -> None:
    print("with lock ->", await run(True))
    print("without lock ->", await run(False))
    with open_output(None) as out:
        print("writing to", out)
    async with contextlib.nullcontext(42) as v:
        print("async with nullcontext ->", v)
    with contextlib.nullcontext() as nothing:
        print("default enter_result:", nothing)
    try:
        with contextlib.nullcontext():
            raise KeyError("still raised")
    except KeyError as e:
        print("KeyError:", e)


asyncio.run(main())
