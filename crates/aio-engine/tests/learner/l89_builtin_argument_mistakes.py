# exit: 1
# Arguments a learner gets wrong, each caught and printed with traceback.print_exc inside a task:
# builtins given a keyword they do not take or too many arguments (CPython's wording differs with
# how each builtin is written), asyncio functions called with a misspelt keyword or a missing
# argument, a typo in a method of a builtin value ("Did you mean"), an augmented assignment
# whose target cannot be read (its carets); the last mistake ends the program.
import asyncio
import traceback


async def job():
    await asyncio.sleep(0.01)
    return "done"


def counter():
    count = 0

    def bump():
        count += 1
        return count

    return bump


async def main():
    tries = [
        lambda: len([1], [2]),
        lambda: sorted([3, 1], rev=True),
        lambda: max(),
        lambda: round(2.675, ndigit=2),
        lambda: pow(2, mod=5),
        lambda: int(3, 10),
        lambda: int(x="7"),
        lambda: list([1], [2]),
        lambda: float(value=1),
        lambda: enumerate([1], begin=1),
        lambda: zip([1], [2], strict=True, fill=0),
        lambda: print("x", sepp="-"),
        lambda: asyncio.sleep(),
        lambda: asyncio.sleep(seconds=1),
        lambda: asyncio.sleep(1, delay=2),
        lambda: asyncio.current_task(None, None),
        lambda: ["a"].apend("b"),
        lambda: "text".uper(),
        lambda: {"k": 1}.itms(),
        counter(),
    ]
    for attempt in tries:
        try:
            attempt()
        except (TypeError, AttributeError, UnboundLocalError):
            traceback.print_exc()
    stats = {}
    stats["hits"] += 1


asyncio.run(main())
