# exit: 1
# Iterators of the program's keep their StopIteration's value (next, yield from, anext); a refused send() leaves a generator unstarted; add_note takes only a str.
import asyncio


class It:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration("v")


def deleg():
    r = yield from It()
    print("yield from gave", r)
    yield


next(deleg(), None)
try:
    next(It())
except StopIteration as e:
    print("value", e.value, e.args)


class AIt:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration("done")


async def main():
    try:
        await anext(AIt())
    except StopAsyncIteration as e:
        print("args", e.args)
    print(await anext(AIt(), "dflt"))
    async for x in AIt():
        print(x)
    print(list(It()), [x for x in It()])


asyncio.run(main())



def gen():
    print("body ran")
    yield 1


g = gen()
try:
    g.send(5)
except TypeError as e:
    print(e)
g.close()
print("closed")
g2 = gen()
try:
    g2.send("x")
except TypeError as e:
    print(e)
print(next(g2))
del g2


async def co():
    print("coroutine body ran")


c = co()
try:
    c.send(5)
except TypeError as e:
    print(e)
c.close()
print("closed coroutine")

e = ValueError("x")
for note in [42, None, "ok"]:
    try:
        e.add_note(note)
    except TypeError as err:
        print("TypeError:", err)
print(e.__notes__)
next(It())
