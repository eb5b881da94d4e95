# A Flag of permissions checked by concurrent request tasks: members made with auto() combine with |
# (ADMIN = READ | WRITE | DELETE in the body), `in` tests bits, a combination iterates over its single
# flags (3.11) and shows as <Perm.READ|WRITE: 3>; ~ and & remove bits, Perm(0) is empty; IntFlag vs ints.
import asyncio
from enum import Flag, IntFlag, auto


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    DELETE = auto()
    ADMIN = READ | WRITE | DELETE


USERS = {"ann": Perm.ADMIN, "bob": Perm.READ | Perm.WRITE, "cy": Perm.READ, "dee": Perm(0)}


async def request(user, action, needed):
    await asyncio.sleep(0.01)
    have = USERS[user]
    ok = needed in have
    return f"{user:<4} {action:<7} needs {needed!s:<16} has {have!r:<24} -> {'ok' if ok else 'DENIED'}"


class Mode(IntFlag):
    X = 1
    W = 2
    R = 4


async def main():
    print(list(Perm), len(Perm), list(Perm.__members__), repr(Perm.ADMIN))
    checks = [("ann", "delete", Perm.DELETE), ("bob", "edit", Perm.READ | Perm.WRITE),
              ("bob", "delete", Perm.DELETE), ("cy", "read", Perm.READ), ("dee", "read", Perm.READ)]
    for line in await asyncio.gather(*(request(*c) for c in checks)):
        print(line)
    bob = USERS["bob"]
    print(list(bob), len(bob), bool(USERS["dee"]), repr(USERS["dee"]), str(bob), bob.name)
    print(repr(~Perm.WRITE), repr(Perm.ADMIN & ~Perm.DELETE), Perm(3) is bob, Perm.ADMIN ^ bob)
    mode = Mode.R | Mode.W
    print(repr(mode), mode, mode == 6, mode & 4, repr(mode | 1), Mode(5), list(mode), Mode.X in mode)


asyncio.run(main())
