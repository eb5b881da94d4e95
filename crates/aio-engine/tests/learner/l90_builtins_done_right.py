# What the builtins do with the arguments CPython takes: keywords moved to their place
# (int(s, base=2), pow(mod=), round(number=), sum(start=), str(object=), enumerate(start=)),
# zip(strict=True) and its errors, set inclusion with <= and <, a dict's keys and items as sets
# (&, |, -, ^ and ==), str.format with nested and indexed fields and !a, rsplit with maxsplit,
# startswith/endswith with start and end, ascii(), and time.strftime's %X %x %T %F for the
# "started at" line of the asyncio documentation.
import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    print(f"started at {len(time.strftime('%X'))} chars")
    await say_after(0.1, "hello")
    await say_after(0.2, "world")
    print(int("1011", base=2), int("ff", base=16), pow(2, 10, mod=1000), pow(base=3, exp=4))
    print(round(number=2.5), sum([1, 2], start=10), str(object=5), list(enumerate("ab", start=1)))
    for pair in [([1, 2], [3, 4]), ([1, 2], [3]), ([1], [2, 3]), ([1], [2], [3, 4])]:
        try:
            print(list(zip(*pair, strict=True)))
        except ValueError as e:
            print("ValueError:", e)
    small, big = {1, 2}, {1, 2, 3}
    print(small <= big, small < big, big >= small, big > big, small < small)
    a = {"x": 1, "y": 2, "z": 3}
    b = {"y": 20, "w": 40}
    print(sorted(a.keys() & b.keys()), sorted(a.keys() | b.keys()), sorted(a.keys() - b.keys()))
    print(sorted(a.keys() ^ b.keys()), a.keys() == {"x", "y", "z"}, sorted(a.items() - {("x", 1)}))
    print(a.keys() & ["x", "q"], {"y", "q"} - b.keys(), a.keys() >= {"x"})
    print("{:.{}f}|{:>{}}|{:{}}|".format(3.14159, 2, "r", 4, "l", 3))
    print("{0[1]} {d[k]} {p.real} {0[0]}".format([5, 6], d={"k": "v"}, p=4))
    print("{!a} {!r}".format("café", "café"), ascii("naïve ✅"), f"{'é'!a}")
    print("a b c".rsplit(None, 1), "  a  b  ".rsplit(maxsplit=1), "k=v=w".rsplit("=", 1))
    print("report.txt".endswith("rep", 0, 3), "abcdef".startswith("cd", 2), "abc".startswith("", 5))
    print("task-7".startswith(("job", "task"), 0, 4), "x.py".endswith((".py", ".txt"), -3))
    try:
        "{0} {}".format(1, 2)
    except ValueError as e:
        print("ValueError:", e)
    print(time.strftime("%T").count(":"), len(time.strftime("%x")), len(time.strftime("%F")))


asyncio.run(main())
