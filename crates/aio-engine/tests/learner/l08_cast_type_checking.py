# typing.cast returns its argument unchanged (no conversion, no check, even with a string type); TYPE_CHECKING is
# False at run time, so imports under it never run and names used only in quoted annotations stay undefined
# (get_type_hints then fails with NameError); typing.reveal_type (new in 3.11) prints "Runtime type is 'int'" on
# stderr and returns its argument.
import asyncio
import typing
from typing import TYPE_CHECKING, Any, Dict, cast

if TYPE_CHECKING:
    from decimal import Decimal  # never imported at run time
    print("not printed")


async def load(key: str) -> Any:
    await asyncio.sleep(0.01)
    return {"port": "8080", "debug": True}[key]


def price(amount: "Decimal") -> "Decimal":
    return amount


async def main() -> None:
    port = cast(int, await load("port"))
    print(repr(port), type(port).__name__)
    debug = cast("bool", await load("debug"))
    settings = cast(Dict[str, int], {"workers": "two"})
    print(debug, settings, cast(str, 42) + 1)
    n = typing.reveal_type(len(settings))
    print("reveal_type returned", n)
    print("Decimal" in globals(), price.__annotations__)
    try:
        typing.get_type_hints(price)
    except NameError as e:
        print("NameError:", e)


print(TYPE_CHECKING)
asyncio.run(main())
