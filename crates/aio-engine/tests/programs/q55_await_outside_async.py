# `await` is only valid inside `async def`: Python rejects the file before running a line of it.
import asyncio

BAD = """
import asyncio

def plain_function():
    await asyncio.sleep(1)
"""

GOOD = """
import asyncio

async def coroutine_function():
    await asyncio.sleep(1)
"""

for label, source in (("plain def", BAD), ("async def", GOOD)):
    try:
        compile(source, "demo.py", "exec")
        print(f"{label}: compiles fine")
    except SyntaxError as e:
        print(f"{label}: SyntaxError on line {e.lineno}: {e.msg}")


async def main():
    await asyncio.sleep(0.1)
    print("inside async def, await works")


asyncio.run(main())
