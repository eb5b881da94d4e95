# IntEnum, IntFlag and class C(int, Enum) members are real ints: json, timedelta, list repetition, math and heapq take them.
import json, math
from enum import IntEnum, IntFlag, Enum, auto
from datetime import timedelta


class P(IntEnum):
    LOW = 1
    TWO = 2
    HIGH = 3


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1


class Code(int, Enum):
    OK = 200
    NOT_FOUND = 404


print(isinstance(P.TWO, int), json.dumps({"p": P.TWO, "c": Code.OK}), timedelta(days=P.TWO), [0] * P.TWO, math.sqrt(P.HIGH + 1))
print(P.TWO, repr(P.TWO), str(P.TWO), f"{P.TWO}", format(P.TWO, "03d"), P.TWO + 1, P.TWO < P.HIGH, P.TWO == 2, sorted([P.HIGH, 1, P.TWO]))
print(Code.OK, repr(Code.OK), f"{Code.OK}", Code.OK == 200, Code(404), Code.NOT_FOUND.value, hash(Code.OK) == hash(200), {200: "ok"}[Code.OK])
print(Perm.R | Perm.W, repr(Perm.R | Perm.W), Perm.R | 8, Perm(7), list(Perm(6)), Perm.R & 4, ~Perm.R, str(Perm.R | Perm.X), int(Perm.R), Perm.R + 1, isinstance(Perm.W, int))
print(P(2), P["HIGH"], len(P), list(P), P.TWO.name, P.TWO.value, type(P.TWO.value).__name__, P.TWO.bit_length(), -P.TWO, abs(P.LOW), P.TWO * 2.5, divmod(P.HIGH, 2))
import heapq
h = []
for p, job in [(P.HIGH, "deploy"), (P.LOW, "lint"), (P.TWO, "test")]:
    heapq.heappush(h, (p, job))
print([heapq.heappop(h) for _ in range(3)])
try:
    P(9)
except ValueError as e:
    print("ValueError:", e)


class Shape(IntEnum):
    CIRCLE = auto()
    SQUARE = auto()


print(list(Shape), Shape.SQUARE == 2, range(Shape.SQUARE), "ab"[Shape.CIRCLE], hex(Shape.SQUARE), Shape.CIRCLE.to_bytes(1, "big"), max(Shape))
