# exit: 1
# An exception raised while handling another (a bug in the error handler itself) is chained implicitly: the new
# exception's __context__ is the original, __cause__ is None, and the uncaught traceback prints the KeyError
# first, then "During handling of the above exception, another exception occurred:", then the TypeError
# "can only concatenate str (not "KeyError") to str". Caught once first to show the attributes.
import asyncio
from typing import Dict


async def process(request: Dict[str, str]) -> str:
    await asyncio.sleep(0.01)
    return request["user"].title()


async def handle(request: Dict[str, str]) -> str:
    try:
        return await process(request)
    except KeyError as e:
        log_line = "missing field: " + e
        return log_line


async def main() -> None:
    print(await handle({"user": "ada lovelace"}))
    try:
        await handle({"name": "x"})
    except TypeError as err:
        ctx = err.__context__
        print(repr(err), "| context:", repr(ctx), "| cause:", err.__cause__, err.__suppress_context__)
    await handle({})


asyncio.run(main())
