# typing.NamedTuple and TypedDict as message types between tasks: a NamedTuple class gets a tuple repr with field
# names, _fields, _asdict(), _replace() and class-level defaults; a TypedDict call just builds a plain dict (no key
# or type checks); Literal[...] is only an annotation. A NamedTuple field without default after one with a default
# is rejected when the class is created.
import asyncio
from typing import List, Literal, NamedTuple, TypedDict


class Reading(NamedTuple):
    sensor: str
    value: float
    unit: str = "C"


class Config(TypedDict):
    name: str
    interval: float
    mode: Literal["fast", "slow"]


async def poll(cfg: Config, out: "asyncio.Queue[Reading]") -> None:
    for i in range(2):
        await asyncio.sleep(cfg["interval"])
        await out.put(Reading(cfg["name"], 20.5 + i))


async def main() -> None:
    q: "asyncio.Queue[Reading]" = asyncio.Queue()
    cfgs: List[Config] = [Config(name="a", interval=0.01, mode="fast"), {"name": "b", "interval": 0.1, "mode": "slow"}]
    await asyncio.gather(*(poll(c, q) for c in cfgs))
    readings = [q.get_nowait() for _ in range(q.qsize())]
    print(readings)
    r = readings[0]
    print(r.sensor, r[1], r._fields, r._asdict(), r._replace(unit="F"))
    sensor, value, unit = r
    print(sensor, value, unit, r == ("a", 20.5, "C"), max(readings, key=lambda x: x.value))
    print(cfgs[0], type(cfgs[0]), Config(name=1), Config.__annotations__["mode"])


print(Reading.__annotations__, Reading._field_defaults)
try:
    class Bad(NamedTuple):
        a: int = 0
        b: int
except TypeError as e:
    print("TypeError:", e)
asyncio.run(main())
