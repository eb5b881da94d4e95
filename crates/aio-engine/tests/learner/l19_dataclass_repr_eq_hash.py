# Generated repr/eq/hash of a plain @dataclass Credentials: field(repr=False) hides the token from the repr,
# field(compare=False) leaves a field out of ==; eq=True without frozen sets __hash__ to None, so using an
# instance as a dict key raises "TypeError: unhashable type: 'Credentials'"; unsafe_hash=True hashes the compared
# fields; == against another type returns NotImplemented (so False); a hand-written __repr__ is kept.
import asyncio
from dataclasses import dataclass, field


@dataclass
class Credentials:
    user: str
    token: str = field(repr=False)
    last_used: float = field(default=0.0, compare=False)


@dataclass(unsafe_hash=True)
class CacheKey:
    user: str
    path: str


@dataclass
class Secret:
    value: str

    def __repr__(self) -> str:
        return "Secret(***)"


async def login(c: Credentials, at: float) -> Credentials:
    await asyncio.sleep(0.01)
    c.last_used = at
    return c


async def main() -> None:
    a = await login(Credentials("ann", "s3cr3t"), 1.5)
    b = Credentials("ann", "s3cr3t")
    print(a, b, a == b, Credentials("ann", "other") == b)
    print(Credentials.__hash__, a.__eq__(("ann", "s3cr3t")), a == "ann")
    try:
        sessions = {a: "open"}
    except TypeError as e:
        print("TypeError:", e)
    cache = {CacheKey("ann", "/x"): 1}
    print(cache[CacheKey("ann", "/x")], hash(CacheKey("a", "b")) == hash(("a", "b")))
    print(Secret("hunter2"), [Secret("x")], f"{Secret('y')!r}", Secret("z") == Secret("z"))


asyncio.run(main())
