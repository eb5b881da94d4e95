# exit: 1
# @dataclass(frozen=True) for settings shared by tasks: instances are hashable (usable as dict keys / in sets,
# equal values hash equal), replace() makes a changed copy, and assigning a field raises
# dataclasses.FrozenInstanceError "cannot assign to field 'retries'" from the generated __setattr__ (the traceback
# points at the "<string>" line of the generated code); `del` raises "cannot delete field ...".
import asyncio
import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int = 443
    retries: int = 2


async def ping(ep: Endpoint, stats: dict) -> None:
    await asyncio.sleep(0.01)
    stats[ep] = stats.get(ep, 0) + 1


async def main() -> None:
    a, b = Endpoint("api"), Endpoint("api")
    stats: dict = {}
    await asyncio.gather(ping(a, stats), ping(b, stats), ping(Endpoint("db", 5432), stats))
    print(stats)
    print(a == b, hash(a) == hash(b), len({a, b}), dataclasses.replace(a, retries=5))
    try:
        del a.port
    except dataclasses.FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))
    print(Endpoint.__dataclass_params__.frozen, a.__hash__ is not None)
    a.retries = 5


asyncio.run(main())
