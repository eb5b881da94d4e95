# A dispatcher that routes events from a queue with `match` (Python 3.10+): literal, capture and
# wildcard patterns, or-patterns with `as`, guards, sequence patterns with a star, mapping
# patterns with `**rest` (a defaultdict's default is not triggered), class patterns through a
# dataclass's and a NamedTuple's __match_args__ and keyword sub-patterns, dotted enum values,
# `int(n)` matching the subject itself, a tuple subject, and `match`/`case` still usable as names.
import asyncio
from collections import defaultdict, deque
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple


class Level(Enum):
    INFO = 1
    ERROR = 2


@dataclass
class Click:
    x: int
    y: int
    button: str = "left"


class Key(NamedTuple):
    name: str
    shift: bool = False


def describe(event):
    match event:
        case None:
            return "nothing"
        case "quit" | "exit" as word:
            return f"leave ({word})"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as number:
            return f"number {number}"
        case [] | ():
            return "empty"
        case ["move", x, y]:
            return f"move to {x},{y}"
        case ["say", *words] if words:
            return "say " + " ".join(words)
        case [first, *_, last]:
            return f"sequence from {first!r} to {last!r}"
        case {"type": "log", "level": Level.ERROR, "text": text}:
            return f"error logged: {text}"
        case {"type": kind, **rest}:
            return f"{kind} event with {sorted(rest)}"
        case Click(0, 0):
            return "click at the origin"
        case Click(x, y, button="right"):
            return f"right click at {x},{y}"
        case Click(x=x) if x > 100:
            return f"click far right ({x})"
        case Key("c", shift=True):
            return "copy"
        case Key(name):
            return f"key {name}"
        case Level.INFO:
            return "info level"
        case str() as text:
            return f"text {text!r}"
        case _:
            return f"unknown {type(event).__name__}"


async def producer(queue):
    events = [None, "quit", "exit", -4, 7, 2.5, [], (), ["move", 3, 4], ["say", "hi", "there"],
              ["say"], (1, 2, 3), {"type": "log", "level": Level.ERROR, "text": "disk full"},
              {"type": "resize", "w": 80, "h": 24}, defaultdict(int, type="tick"),
              Click(0, 0), Click(5, 6, "right"), Click(150, 2), Click(5, 5), Key("c", True),
              Key("q"), Level.INFO, Level.ERROR, "hello", deque(["a", "b"]), {1, 2}]
    for event in events:
        await queue.put(event)
        await asyncio.sleep(0.01)
    await queue.put(StopAsyncIteration)


async def consumer(queue):
    handled = 0
    while True:
        event = await queue.get()
        match event:
            case type() if event is StopAsyncIteration:
                break
        handled += 1
        print(f"{handled:2}: {describe(event)}")
    return handled


async def main():
    queue = asyncio.Queue()
    _, handled = await asyncio.gather(producer(queue), consumer(queue))
    match handled, queue.qsize():
        case (n, 0) if n > 20:
            print("all", n, "handled, queue empty")
    match = "a name"
    case = match.upper()
    print(match, case)
    counts = defaultdict(int)
    match counts:
        case {"missing": _}:
            print("found?")
        case {}:
            print("mapping without keys:", dict(counts))


asyncio.run(main())
