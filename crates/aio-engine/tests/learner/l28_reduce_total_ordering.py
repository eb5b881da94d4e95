# functools.reduce to fold the results of gathered tasks (with and without an initial value; an empty sequence
# without one raises "reduce() of empty iterable with no initial value"), and @functools.total_ordering on a
# Version class defining only __eq__ and __lt__: <=, >, >= are derived, sorted()/max() work, and comparing with an
# unrelated type gives "'>' not supported between instances of 'Version' and 'str'".
import asyncio
import functools
import operator
from typing import Dict, List


@functools.total_ordering
class Version:
    def __init__(self, text: str) -> None:
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other: "Version") -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __repr__(self) -> str:
        return "v" + ".".join(map(str, self.parts))


async def latest(server: str, delay: float) -> Dict[str, Version]:
    await asyncio.sleep(delay)
    return {server: Version({"a": "1.10.0", "b": "1.9.3", "c": "2.0"}[server])}


async def main() -> None:
    reports: List[Dict[str, Version]] = await asyncio.gather(latest("a", 0.03), latest("b", 0.01), latest("c", 0.02))
    merged = functools.reduce(lambda acc, d: {**acc, **d}, reports, {})
    print(merged)
    print(functools.reduce(max, merged.values()), sorted(merged.values()))
    print(functools.reduce(operator.mul, [1, 2, 3, 4]), functools.reduce(operator.add, [], 0))
    a, b = Version("1.10.0"), Version("1.9.3")
    print(a > b, a >= b, a <= b, b <= b, a != b, Version("2.0") == Version("2.0"))
    print([n for n in ("__le__", "__gt__", "__ge__") if n in Version.__dict__], Version.__gt__.__name__)
    for bad in (lambda: functools.reduce(operator.add, []), lambda: a > "1.0"):
        try:
            bad()
        except TypeError as e:
            print("TypeError:", e)


asyncio.run(main())
