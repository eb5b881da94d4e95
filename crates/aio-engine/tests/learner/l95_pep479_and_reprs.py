# exit: 1
# Details learners meet around their data: a set changed while it is iterated raises as a dict
# does; a list or dict that contains itself prints as [...] / {...}; a generic alias with typing
# arguments shows them (dict[str, typing.Any]) in annotations too; a StopIteration leaking out of
# a generator or a coroutine becomes "generator/coroutine raised StopIteration" (PEP 479),
# caused by it; the coroutine's ends the program.
import asyncio
import traceback
from typing import Any, Callable, Optional

Handler = Callable[[str], Optional[int]]


class Registry:
    handlers: dict[str, Handler]
    meta: dict[str, Any]
    tags: list[Optional[str]]


def first_words(lines):
    for line in lines:
        yield next(iter(line.split()))


async def read_config(items):
    await asyncio.sleep(0.01)
    return next(iter(items))


async def main():
    seen = {1, 2, 3, 4}
    try:
        for n in seen:
            if n % 2 == 0:
                seen.discard(n)
    except RuntimeError as e:
        print("RuntimeError:", e)
    tree = {"name": "root", "children": []}
    tree["children"].append(tree)
    chain = [1, 2]
    chain.append(chain)
    print(tree, chain, [chain, tree])
    print(Registry.__annotations__)
    print(dict[str, Any], list[Optional[int]] | None, tuple[Handler, ...])
    try:
        print(list(first_words(["alpha beta", "", "gamma"])))
    except RuntimeError:
        traceback.print_exc()
    print(await read_config(["first"]))
    print(await read_config([]))


asyncio.run(main())
