# A generator function and a coroutine function behave alike when called: nothing runs yet.
import asyncio


def countdown(n):
    print("countdown body starts")
    while n > 0:
        yield n
        n -= 1


async def greet(name):
    print("greet body starts")
    await asyncio.sleep(0.1)
    return f"hello, {name}"


gen = countdown(3)
print("called countdown(3):", type(gen).__name__)
print("iterating it:", list(gen))

coro = greet("Ada")
print("called greet('Ada'):", type(coro).__name__)


async def main():
    print("awaiting it:", await coro)


asyncio.run(main())
