# Where a coroutine never awaited is reported: at an if or while test before the body runs, and in CPython's Handle._run for one a loop callback returned.
import sys


async def f():
    pass


if f():
    print("in body", file=sys.stderr)
n = 0
while f():
    print("loop body", file=sys.stderr)
    n += 1
    if n == 2:
        break
x = 1 if f() else 2
print("x", x, file=sys.stderr)
assert f(), "never"
print("done", file=sys.stderr)

import asyncio


async def g():
    pass


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(g)
    loop.call_later(0.01, g)
    await asyncio.sleep(0.05)
    import sys
    print("done", file=sys.stderr)


asyncio.run(main())
