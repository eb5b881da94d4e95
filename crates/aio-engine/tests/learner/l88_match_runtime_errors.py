# exit: 1
# Errors a pattern raises at run time, caught and printed with traceback.print_exc inside tasks:
# a class without __match_args__ given positional sub-patterns, too many for a builtin type,
# a call that is not a class, __match_args__ that is not a tuple, an error in a guard; and the
# last one escapes a task and ends the program.
import asyncio
import traceback


class Order:
    def __init__(self, item, qty):
        self.item = item
        self.qty = qty


class Bad:
    __match_args__ = ["a"]
    a = 1


def classify(order):
    match order:
        case Order(item, qty):
            return item, qty


def size(n):
    match n:
        case int(a, b):
            return a


def call(v):
    match v:
        case len(x):
            return x


def bad(v):
    match v:
        case Bad(x):
            return x


async def guarded(values):
    await asyncio.sleep(0.01)
    match values:
        case [a, b] if a / b > 1:
            return "big"
        case _:
            return "small"


async def main():
    for f, arg in [(classify, Order("tea", 2)), (size, 3), (call, "abc"), (bad, Bad())]:
        try:
            f(arg)
        except TypeError:
            traceback.print_exc()
    print(await guarded([4, 2]))
    print(await asyncio.create_task(guarded([1, 0])))


asyncio.run(main())
