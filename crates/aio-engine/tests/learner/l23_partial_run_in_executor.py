# functools.partial with loop.run_in_executor (which takes only positional args, so keywords go through a
# partial): the blocking function runs in a worker thread and the awaited result comes back in gather order.
# A partial's .func/.args/.keywords, keyword overriding at call time, partial of partial flattening, and the repr
# of partials whose func has a stable repr (a builtin, a class): functools.partial(<built-in function print>, ...).
import asyncio
import functools
import threading
import time
from dataclasses import dataclass


def resize(path: str, width: int, *, quality: int = 80) -> str:
    time.sleep(0.02)  # blocking work
    return f"{path}@{width}q{quality} main={threading.current_thread() is threading.main_thread()}"


@dataclass
class Thumb:
    path: str
    width: int


async def main() -> None:
    loop = asyncio.get_running_loop()
    small = functools.partial(resize, width=64, quality=50)
    print(small.func.__name__, small.args, small.keywords, callable(small))
    jobs = [
        loop.run_in_executor(None, small, "a.png"),
        loop.run_in_executor(None, functools.partial(resize, "b.png", 128)),
        loop.run_in_executor(None, resize, "c.png", 256),
    ]
    for line in await asyncio.gather(*jobs):
        print(line)
    print(small("d.png", quality=99).split()[0])
    tiny = functools.partial(small, quality=10)
    print(tiny.func is resize, tiny.args, tiny.keywords)
    say = functools.partial(print, "log:", sep="|")
    print(repr(say))
    say("started", "ok")
    make = functools.partial(Thumb, width=32)
    print(make, make("e.png"))
    try:
        await loop.run_in_executor(None, resize, "f.png", width=1)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
