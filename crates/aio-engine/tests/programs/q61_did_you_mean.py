# exit: 1
# Typos: a caught AttributeError's str() has no suggestion; a task's NameError logged as "never
# retrieved" has none either (the traceback module of 3.11 does not add it); a method that does not
# exist is looked up before its arguments run; the uncaught NameError at the top level ends with
# "Did you mean" (CPython's excepthook), carets under the name alone.
import asyncio


class Counter:
    def __init__(self):
        self.total = 0

    def increment(self):
        self.total += 1


async def worker():
    results = []
    await asyncio.sleep(0.01)
    reslts.append(1)


async def main():
    c = Counter()
    try:
        c.incremnt(print("arguments ran"))
    except AttributeError as e:
        print("caught:", e, "| name:", e.name)
    try:
        await asyncio.sleeep(0.1)
    except AttributeError as e:
        print("caught:", e)
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.05)
    del t
    await asyncio.sleep(0.01)
    delay = 0.1
    await asyncio.sleep(dealy)


asyncio.run(main())
