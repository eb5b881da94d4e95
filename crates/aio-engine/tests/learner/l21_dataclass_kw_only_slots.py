# Python 3.10+ dataclass options in a rate-limited client config: kw_only=True makes every field keyword-only
# (a positional call fails with "takes 1 positional argument but 2 were given"), the KW_ONLY marker does it for
# the fields after it only (so a default may come before a non-default one); slots=True builds a class with
# __slots__ and no __dict__, so a typo'd attribute assignment raises AttributeError; __match_args__ is generated.
import asyncio
from dataclasses import KW_ONLY, dataclass


@dataclass(kw_only=True)
class Limits:
    rate: float
    burst: int = 1


@dataclass
class Client:
    name: str
    _: KW_ONLY
    timeout: float = 0.05
    limits: Limits


@dataclass(slots=True)
class Counter:
    sent: int = 0
    failed: int = 0


async def send_all(client: Client, counter: Counter, n: int) -> None:
    for _ in range(n):
        await asyncio.sleep(1 / client.limits.rate)
        counter.sent += 1


async def main() -> None:
    client = Client("api", limits=Limits(rate=100, burst=2))
    counter = Counter()
    await send_all(client, counter, 3)
    print(client, counter)
    print(Client.__match_args__, Limits.__match_args__, Counter.__slots__, hasattr(counter, "__dict__"))
    try:
        Limits(50)
    except TypeError as e:
        print("TypeError:", e)
    try:
        Client("api", 0.1, Limits(rate=1))
    except TypeError as e:
        print("TypeError:", e)
    try:
        counter.failled = 1
    except AttributeError as e:
        print("AttributeError:", e)


asyncio.run(main())
