# Awaitables written by hand: __await__ as a generator that delegates with `yield from`,
# coroutines driven with send(), and gather/ensure_future over objects with __await__.
import asyncio


class Delay:
    def __init__(self, secs, value):
        self.secs, self.value = secs, value

    def __await__(self):
        yield from asyncio.sleep(self.secs).__await__()
        return self.value


class Countdown:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        loop = asyncio.get_running_loop()
        while self.n:
            fut = loop.create_future()
            loop.call_later(0.01, fut.set_result, self.n)
            got = yield from fut
            print("countdown", got)
            self.n -= 1
        return "liftoff"


class Ready:
    def __await__(self):
        return iter([])


class Bad:
    def __await__(self):
        return 5


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


def drive_by_hand():
    coro = add(2, 3)
    wrapper = coro.__await__()
    print(type(wrapper).__name__, iter(wrapper) is wrapper)
    print("first step yields", wrapper.send(None))
    try:
        wrapper.send(None)
    except StopIteration as stop:
        print("returned", stop.value)
    coro = add(1, 1)
    print("send(None) on the coroutine:", coro.send(None))
    try:
        next(coro.__await__())
    except StopIteration as stop:
        print("next() finished it:", stop.value)


async def main():
    print(await Delay(0.01, "delayed"))
    print(await Ready())
    print(await Countdown(2))
    print(await asyncio.gather(Delay(0.02, 1), Delay(0.01, 2), add(3, 4)))
    task = asyncio.ensure_future(Delay(0, "ensured"))
    print(type(task).__name__, await task)
    try:
        await Bad()
    except TypeError as e:
        print("TypeError:", e)
    print(1e15 + 0.3, 1000000000000000.2, 2.0**53 + 2)


drive_by_hand()
asyncio.run(main())
