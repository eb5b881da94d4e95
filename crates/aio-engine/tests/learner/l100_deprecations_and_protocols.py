# exit: 1
# A small library of a learner's: a deprecated function that warns at its caller's line
# (stacklevel=2), once per calling line; and classes that break the protocols Python checks:
# __len__ returning a negative number or a str, __iter__ returning what is not an iterator,
# dict() given items that are not pairs. The last one ends the program.
import asyncio
import warnings


def fetch_sync(url):
    warnings.warn("fetch_sync() is deprecated; await fetch() instead", DeprecationWarning,
                  stacklevel=2)
    return url.upper()


async def fetch(url):
    await asyncio.sleep(0.01)
    return url.upper()


class Batch:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Feed:
    def __iter__(self):
        return ["a", "b"]


async def main():
    print(fetch_sync("a"))
    for url in ["b", "c"]:
        print(fetch_sync(url))
    print(await fetch("d"))
    for attempt in (lambda: len(Batch(2)), lambda: len(Batch(-1)), lambda: len(Batch("3")),
                    lambda: list(Feed()), lambda: dict([("k", 1), "ab", "xyz"]),
                    lambda: dict([("k", 1), 2])):
        try:
            print(attempt())
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    settings = dict([("debug", True), ("level", 3), ["name"]])
    print(settings)


asyncio.run(main())
