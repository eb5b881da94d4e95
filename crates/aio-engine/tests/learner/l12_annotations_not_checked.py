# exit: 1
# Annotations are never enforced: a str passed for `delay: float` flows on until an operation fails. Annotated
# locals are not stored anywhere, an annotation without a value (`count: int`) binds nothing, so reading it gives
# UnboundLocalError. Finally asyncio.sleep("0.02") fails inside tasks.py with "'<=' not supported between
# instances of 'str' and 'int'" (uncaught, exit 1).
import asyncio
from typing import Dict

SETTINGS: Dict[str, str] = {"delay": "0.02", "name": "poller"}  # values read from a config file are strings


async def pause(delay: float, label: str) -> str:
    label: int = label * 2  # accepted: annotations on locals are not checked either
    print("pausing", label, "for", repr(delay))
    await asyncio.sleep(delay)
    return label


def counter() -> int:
    count: int
    try:
        return count + 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
        return -1


async def main() -> None:
    print(await pause(0.01, "ab"))
    print(await pause(False, 3))  # a bool is an int: False <= 0, so sleep(False) is sleep(0)
    print(counter(), pause.__annotations__)
    await pause(SETTINGS["delay"], SETTINGS["name"])


asyncio.run(main())
