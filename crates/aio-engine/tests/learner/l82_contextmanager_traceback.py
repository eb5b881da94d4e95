# exit: 1
# An exception raised inside `with` blocks of @contextmanager and @asynccontextmanager managers:
# the managers' cleanup runs, and the traceback is the one of the block (contextlib puts the
# exception's traceback back as it was), as printed by traceback.print_exc and when uncaught.
import asyncio
import traceback
from contextlib import asynccontextmanager, contextmanager


@contextmanager
def timer(label):
    print("start", label)
    try:
        yield label
    finally:
        print("stop", label)


@asynccontextmanager
async def connection(name):
    await asyncio.sleep(0.01)
    print("open", name)
    try:
        yield {"name": name}
    finally:
        print("close", name)


def parse(text):
    with timer("parse"):
        return int(text)


async def main():
    try:
        parse("x")
    except ValueError:
        traceback.print_exc()
    async with connection("db") as conn:
        print(conn["name"])
        print(conn["missing"])


asyncio.run(main())
