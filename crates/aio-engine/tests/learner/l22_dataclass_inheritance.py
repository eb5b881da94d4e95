# Dataclass inheritance for event types: a subclass's fields come after the base's (a redefined field keeps its
# original position but takes the new default), the repr uses the subclass name, == is False between a base and
# a subclass instance even with equal fields (the generated __eq__ checks the exact class), and a subclass may not
# add a non-default field after inherited defaults. Events are dispatched to async handlers by type.
import asyncio
from dataclasses import dataclass, fields
from typing import Awaitable, Callable, Dict, List


@dataclass
class Event:
    source: str
    level: int = 0


@dataclass
class Click(Event):
    x: int = 0
    y: int = 0
    level: int = 1


@dataclass
class KeyPress(Event):
    key: str = "?"


async def on_click(e: Click) -> str:
    await asyncio.sleep(0.01)
    return f"click at {e.x},{e.y}"


async def on_key(e: KeyPress) -> str:
    return f"key {e.key!r}"


HANDLERS: Dict[type, Callable[..., Awaitable[str]]] = {Click: on_click, KeyPress: on_key}


async def main() -> None:
    events: List[Event] = [Click("mouse", x=3, y=4), KeyPress("kbd", key="q"), Click("pad")]
    print(await asyncio.gather(*(HANDLERS[type(e)](e) for e in events)))
    print(events)
    print([f.name for f in fields(Click)], Click("m"))
    print(Event("m", 1) == Click("m", 1), Click("m") == Click("m"), isinstance(events[0], Event))
    try:
        @dataclass
        class Scroll(Event):
            delta: int
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
