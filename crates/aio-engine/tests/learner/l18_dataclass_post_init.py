# exit: 1
# __post_init__ validation in a @dataclass Order built from incoming messages: field(init=False) values are set
# there, a ValueError raised in it propagates out of the generated __init__ (caught and logged for the first bad
# message); the last bad order is not caught, so the traceback shows <module> -> asyncio.run -> main -> handle ->
# __init__ (File "<string>") -> __post_init__, exit 1.
import asyncio
from dataclasses import dataclass, field
from typing import List, Tuple


@dataclass
class Order:
    item: str
    quantity: int
    unit_price: float = 1.0
    total: float = field(init=False)

    def __post_init__(self) -> None:
        if self.quantity <= 0:
            raise ValueError(f"quantity must be positive, got {self.quantity}")
        self.total = round(self.quantity * self.unit_price, 2)


async def handle(msg: Tuple[str, int, float]) -> Order:
    await asyncio.sleep(0.01)
    return Order(*msg)


async def main() -> None:
    accepted: List[Order] = []
    for msg in [("pen", 3, 1.5), ("ink", 0, 4.0), ("pad", 2, 2.25)]:
        try:
            accepted.append(await handle(msg))
        except ValueError as e:
            print(f"rejected {msg}: {e}")
    print(accepted)
    print(sum(o.total for o in accepted))
    try:
        Order("pen", 1, 2.0, 2.0)
    except TypeError as e:
        print("TypeError:", e)
    await handle(("cup", -1, 3.0))


asyncio.run(main())
