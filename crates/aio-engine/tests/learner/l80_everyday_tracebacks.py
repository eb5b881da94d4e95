# The tracebacks of everyday mistakes inside tasks, printed with traceback.print_exc as a worker
# would log them: a method missing on None (carets under `obj.method` alone), unpacking a line
# that lacks its '=', += on an int with a str, a sequence times a str, a string indexed by a
# string, a positional-only parameter passed by keyword; and what works: super(Class, self),
# a class iterated through __getitem__, a walrus in a comprehension, sorting tuples with the
# program's own objects.
import asyncio
import traceback


def parse(line):
    key, value = line.split("=")
    return key.strip(), value.strip()


def total(amounts):
    balance = 0
    for a in amounts:
        balance += a
    return balance


def scale(v, factor, /, *, unit="ms"):
    return f"{v * factor}{unit}"


async def job(name, action):
    await asyncio.sleep(0.01)
    try:
        return action()
    except Exception:
        print(f"job {name} failed:")
        traceback.print_exc()


class Base:
    def __init__(self, n):
        self.n = n


class Child(Base):
    def __init__(self, n):
        super(Child, self).__init__(n * 2)


class Pages:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return f"page{i}"


class Prio:
    def __init__(self, p):
        self.p = p

    def __lt__(self, other):
        return self.p < other.p

    def __repr__(self):
        return f"Prio({self.p})"


async def main():
    data = None
    await job("upper", lambda: data.upper().strip())
    await job("parse", lambda: [parse(l) for l in ["a = 1", "b"]])
    await job("total", lambda: total([1, "2"]))
    await job("repeat", lambda: "ab" * "3")
    word = "name"
    await job("index", lambda: word["n"])
    await job("scale", lambda: scale(v=2, factor=3))
    print(Child(4).n, list(Pages()), "page1" in Pages())
    values = [3, 8, 1, 9]
    print([y for x in values if (y := x * 2) > 5], y)
    queue = sorted([(Prio(2), "b"), (Prio(1), "a"), (Prio(2), "c")])
    print(queue)


asyncio.run(main())
