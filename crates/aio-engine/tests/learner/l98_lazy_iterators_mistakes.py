# exit: 1
# Python 3's lazy builtins surprise learners who gather results: map, filter, zip, enumerate
# and reversed return iterators of their own types, which have no len() and no indexing, and
# are used up after one pass; the program ends indexing a zip.
import asyncio


async def fetch(n):
    await asyncio.sleep(0.01 * n)
    return n * n


async def main():
    results = await asyncio.gather(*map(fetch, range(1, 4)))
    doubled = map(lambda r: r * 2, results)
    print(type(doubled).__name__, list(doubled), list(doubled))
    big = filter(lambda r: r > 1, results)
    for attempt in (lambda: len(big), lambda: big[0], lambda: len(enumerate(results)),
                    lambda: reversed(results)[0], lambda: iter(results)[0],
                    lambda: len(iter({"a": 1}.items()))):
        try:
            attempt()
        except TypeError as e:
            print("TypeError:", e)
    print(type(reversed(results)).__name__, type(iter("ok")).__name__, type(iter({})).__name__)
    pairs = zip(["a", "b", "c"], results)
    print(dict(pairs), dict(pairs))
    pairs = zip(["a", "b", "c"], results)
    print(pairs[0])


asyncio.run(main())
