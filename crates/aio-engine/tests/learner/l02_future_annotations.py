# `from __future__ import annotations` (PEP 563): annotations are kept as the source strings, so a method may name
# its own class (or one defined later) without quotes; __annotations__ shows strings such as 'Optional[Session]',
# and typing.get_type_hints() evaluates them in the module's globals into real objects.
from __future__ import annotations

import asyncio
import typing
from typing import Optional


class Session:
    user: str
    retries: int = 3

    def __init__(self, user: str) -> None:
        self.user = user
        self.parent: Optional[Session] = None

    async def child(self, user: str) -> Session:
        await asyncio.sleep(0.01)
        s = Session(user)
        s.parent = self
        return s

    async def send(self, msg: Message) -> list[str]:
        await asyncio.sleep(0.01)
        return [self.user, msg.text]


class Message:
    def __init__(self, text: str) -> None:
        self.text = text


async def main() -> None:
    root = Session("root")
    kid = await root.child("kid")
    print(kid.user, kid.parent.user, kid.parent.parent)
    print(await kid.send(Message("hi")))


print(Session.__annotations__)
print(Session.__init__.__annotations__)
print(Session.child.__annotations__)
print(Session.send.__annotations__)
print(typing.get_type_hints(Session))
print(typing.get_type_hints(Session.child))
print(typing.get_type_hints(Session.send))
print(main.__annotations__, typing.get_type_hints(main))
asyncio.run(main())
