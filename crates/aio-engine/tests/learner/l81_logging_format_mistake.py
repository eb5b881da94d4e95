# A logging call written like print (an argument without a %s for it) and a %d given a str:
# the record cannot be formatted, so logging prints "--- Logging error ---" with the traceback
# through logging's own frames, the call stack (inside a task, through asyncio's runner and event
# loop) and the message and arguments, and the program goes on.
import asyncio
import logging

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
log = logging.getLogger("worker")


def connect(user):
    log.info("user logged in:", user)
    return user.upper()


async def fetch(n):
    await asyncio.sleep(0.01)
    log.warning("fetched %d items", "many")
    log.info("fetched %s", n)
    return n


async def main():
    print(connect("ann"))
    results = await asyncio.gather(fetch(1), fetch(2))
    print("results", results)


asyncio.run(main())
print("still running")
