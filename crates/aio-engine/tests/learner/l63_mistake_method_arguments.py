# exit: 1
# Beginners' mistakes with the builtin types' methods: too many or too few arguments
import asyncio


async def job(n):
    await asyncio.sleep(0.01 * n)
    return n


async def main():
    tasks = []
    first, second = asyncio.create_task(job(1)), asyncio.create_task(job(2))
    mistakes = [
        lambda: tasks.append(first, second),
        lambda: tasks.append(),
        lambda: [3, 1].sort(True),
        lambda: [3, 1].sort(None, True, 1),
        lambda: {}.get(),
        lambda: {"a": 1}.pop("a", 0, 1),
        lambda: "job".upper(1),
        lambda: "a,b,c".split(",", 1, 2),
        lambda: "x".join("a", "b"),
        lambda: [1].insert(0),
        lambda: {1}.add(2, 3),
        lambda: "abc".startswith(),
        lambda: " a ".strip(" ", "a"),
        lambda: (1, 2).count(),
    ]
    for mistake in mistakes:
        try:
            mistake()
        except TypeError as err:
            print("TypeError:", err)
    tasks.extend([first, second])
    print(await asyncio.gather(*tasks))
    tasks.append(first, second)


asyncio.run(main())
