# exit: 1
# The classic mistake `tags: list = []` in a @dataclass: the decorator refuses it when the class is created, with
# "ValueError: mutable default <class 'list'> for field tags is not allowed: use default_factory" (traceback through
# dataclasses.py). A dict or set default is refused the same way; an immutable tuple default is accepted and shared.
import asyncio
from dataclasses import dataclass, field


@dataclass
class Request:
    url: str
    headers: tuple = ()
    params: dict = field(default_factory=dict)


async def send(req: Request) -> int:
    await asyncio.sleep(0.01)
    return len(req.url) + len(req.headers) + len(req.params)


async def main() -> None:
    a, b = Request("/a"), Request("/b", params={"q": "1"})
    print(a, b, a.headers is b.headers, a.params is b.params)
    print(await asyncio.gather(send(a), send(b)))


asyncio.run(main())

for default in ({}, set()):
    try:
        @dataclass
        class Cached:
            store: object = default
    except ValueError as e:
        print("ValueError:", e)


@dataclass
class Batch:
    name: str
    tags: list = []
