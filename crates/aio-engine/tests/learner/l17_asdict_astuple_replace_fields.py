# dataclasses helpers on a nested result record: asdict()/astuple() recurse into nested dataclasses, lists and
# dicts (copying them), replace() builds a new instance through __init__ (so an unknown name raises TypeError
# "Result.__init__() got an unexpected keyword argument 'colour'"), fields() lists Field objects in order;
# is_dataclass is True for the class and the instance; asdict() of a non-dataclass instance raises TypeError.
import asyncio
import dataclasses
from dataclasses import asdict, astuple, dataclass, field, fields, replace
from typing import Dict, List


@dataclass
class Timing:
    start: float
    end: float


@dataclass
class Result:
    url: str
    status: int
    timing: Timing
    headers: Dict[str, str] = field(default_factory=dict)
    redirects: List[Timing] = field(default_factory=list)


async def fetch(url: str, status: int) -> Result:
    await asyncio.sleep(0.01)
    return Result(url, status, Timing(0.0, 0.5), {"type": "json"}, [Timing(0.0, 0.1)])


async def main() -> None:
    r = await fetch("/home", 200)
    d = asdict(r)
    print(d)
    print(astuple(r))
    print(d["timing"] is r.timing, d["headers"] is r.headers, type(d["redirects"][0]).__name__)
    r2 = replace(r, status=404)
    print(r2.status, r.status, r2.timing is r.timing, r2 == r)
    print([(f.name, f.type, f.default is dataclasses.MISSING) for f in fields(r)][:3])
    print([f.name for f in fields(Result) if f.default_factory is not dataclasses.MISSING])
    print(dataclasses.is_dataclass(Result), dataclasses.is_dataclass(r), dataclasses.is_dataclass(d))
    for bad in (lambda: replace(r, colour="red"), lambda: asdict(d)):
        try:
            bad()
        except TypeError as e:
            print("TypeError:", e)


asyncio.run(main())
