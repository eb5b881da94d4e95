# exit: 1
# asyncio.Runner (3.11): several run() calls on one loop, get_loop(), the tasks left cancelled at
# close, a non-coroutine refused before the loop is made, a closed runner refusing to run, and an exception leaving
# Runner.run with CPython's runners.py and base_events.py frames.
import asyncio
import contextvars
var = contextvars.ContextVar("v", default="none")
async def step(n):
    await asyncio.sleep(0.01)
    print("step", n, var.get())
    return n * 2
async def bg():
    try:
        await asyncio.sleep(10)
    finally:
        print("bg cancelled at close")
async def keep():
    asyncio.get_running_loop().create_task(bg())
    await asyncio.sleep(0)
with asyncio.Runner() as runner:
    print(runner.run(step(1)), runner.run(step(2)))
    runner.run(keep())
    loop = runner.get_loop()
    print(type(loop).__name__, loop.is_closed())
print(loop.is_closed())
r = asyncio.Runner(debug=False)
try:
    r.run(5)
except ValueError as e:
    print("ValueError:", e)
r.close(); r.close()
try:
    r.run(step(3))
finally:
    r.close()
try:
    r.run(step(4))
except RuntimeError as e:
    print("RuntimeError:", e)
async def boom():
    await asyncio.sleep(0)
    raise KeyError("x")
with asyncio.Runner() as runner:
    runner.run(boom())
