import asyncio
import json
from enum import Enum


class Color(str, Enum):
    RED = "red"
    GREEN = "green"
    BLUE = "blue"


print("str():", str(Color.RED))
print("repr():", repr(Color.RED))
print("f-string:", f"{Color.GREEN}")
print(".value / .name:", Color.BLUE.value, Color.BLUE.name)
print("== 'red':", Color.RED == "red")
print("'red' in list:", "red" in [Color.RED, Color.BLUE])
print("isinstance str:", isinstance(Color.RED, str))
print("upper():", Color.RED.upper())
print("concatenation:", "color-" + Color.GREEN)
print("lookup by value:", Color("blue"))
print("lookup by name:", Color["GREEN"])

stock = {Color.RED: 3, Color.GREEN: 0, Color.BLUE: 7}
print("dict with enum keys, get by plain str:", stock["red"])
print("json.dumps:", json.dumps(stock))
print("json.dumps list:", json.dumps([Color.RED, Color.BLUE]))


async def paint(color, seconds):
    print(f"start painting {color.value}")
    await asyncio.sleep(seconds)
    print(f"done painting {color.value}")
    return color


async def main():
    tasks = [asyncio.create_task(paint(c, 0.01 * (3 - i))) for i, c in enumerate(Color)]
    finished = await asyncio.gather(*tasks)
    print("results in order:", [c.value for c in finished])
    print("members sorted by value:", sorted(Color, key=lambda c: c.value))


asyncio.run(main())
