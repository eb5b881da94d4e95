# exit: 1
# Beginners' comparisons and sums: `is` with a literal gets CPython's SyntaxWarning before the
# program runs (the comparison still runs, by identity); min/max with a default and several
# arguments, sum of strings; the last mistake, `is not` against a string read from a queue,
# quietly picks the wrong branch, and a KeyError ends the program.
import asyncio


async def producer(queue):
    for word in ["start", "go", "stop"]:
        await queue.put("".join(list(word)))
    await queue.put(None)


async def consumer(queue, counts):
    while (word := await queue.get()) is not None:
        if word is "stop":
            print("stop by identity")
        elif word is not "go":
            print("not go:", word)
        counts[word] = counts.get(word, 0) + 1
    return counts


async def main():
    queue = asyncio.Queue()
    counts = {}
    await asyncio.gather(producer(queue), consumer(queue, counts))
    print(sorted(counts.items()))
    total = 0
    print(total is 0, () is (), 3 is not 3.0)
    for attempt in (lambda: min(3, 1, default=0), lambda: max([], default=-1),
                    lambda: sum(["a", "b"], "")):
        try:
            print(attempt())
        except TypeError as e:
            print("TypeError:", e)
    print(counts["done"])


asyncio.run(main())
