# exit: 1
# A learner matches an HTTP status against "constants" written as bare names: a bare name in a
# pattern captures, so CPython refuses the program before it runs (a SyntaxError naming the
# capture that makes the remaining cases unreachable).
import asyncio

OK = 200
NOT_FOUND = 404


async def fetch(path):
    await asyncio.sleep(0.1)
    return 404 if path == "/missing" else 200


async def main():
    status = await fetch("/missing")
    match status:
        case OK:
            print("ok")
        case NOT_FOUND:
            print("not found")


asyncio.run(main())
