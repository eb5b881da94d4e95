# exit: 1
# A traffic light as a state machine over an Enum: a method and a property on the members, a
# transition table keyed by members, lookups by name and value, aliases, a counter per state; then a
# remote-control task's Color(99) raises "ValueError: 99 is not a valid Color", uncaught through asyncio.run.
import asyncio
from enum import Enum


class Color(Enum):
    RED = 1
    GREEN = 2
    YELLOW = 3
    AMBER = 3  # an alias: the same member as YELLOW

    @property
    def can_go(self):
        return self is Color.GREEN

    def next(self):
        return NEXT[self]


NEXT = {Color.RED: Color.GREEN, Color.GREEN: Color.YELLOW, Color.YELLOW: Color.RED}


class Light:
    def __init__(self, name):
        self.name = name
        self.color = Color.RED
        self.seen = {}

    def switch(self, color, why):
        print(f"{self.name}: {self.color.name:<6} -> {color!s:<12} {why:<6} can go: {color.can_go}")
        self.color = color
        self.seen[color] = self.seen.get(color, 0) + 1


async def cycle(light, steps):
    for _ in range(steps):
        await asyncio.sleep(0.01)
        light.switch(light.color.next(), "timer")


async def remote(light, codes):
    for code in codes:
        await asyncio.sleep(0.01)
        light.switch(Color(code), f"code {code}")


async def main():
    light = Light("main-st")
    print(list(Color), len(Color), Color.AMBER is Color.YELLOW, Color["GREEN"], repr(Color(1)))
    await cycle(light, 4)
    print(light.seen, light.color in Color, Color.AMBER.name)
    await asyncio.create_task(remote(light, [3, 1, 99, 2]))


asyncio.run(main())
