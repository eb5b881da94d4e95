# Subclasses of int: arithmetic, hashing, formatting, indexing and the numeric builtins take them as their value; their own __repr__, __new__ and operators win.
import json, math
from datetime import timedelta


class Meters(int):
    def __repr__(self):
        return f"Meters({int(self)})"


class Plain(int):
    pass


m = Meters(5)
p = Plain("12")
print(m, repr(m), p, repr(p), isinstance(m, int), type(m).__name__, m + 1, type(m + 1).__name__)
print(m * 2, -m, abs(Plain(-3)), ~p, m == 5, m < 6, hash(m) == hash(5), {5: "five"}[m], [0] * Plain(3))
print(f"{m:>4}|{p:x}|{m}", str(m), format(p, "b"), math.sqrt(Plain(16)), float(p), int(m), json.dumps([m, p]))
print(timedelta(days=Plain(2)), range(Plain(3)), "abc"[Plain(1)], round(m), divmod(p, 5), pow(p, 2), hex(p), bool(Plain(0)))
print(sorted([Plain(3), 1, Meters(2)]), max(m, p), sum([m, p]), m.bit_length(), p.to_bytes(2, "big"))


class Celsius(int):
    def __new__(cls, degrees):
        if degrees < -273:
            raise ValueError("below absolute zero")
        return super().__new__(cls, degrees)

    def __add__(self, other):
        return Celsius(int(self) + int(other))


c = Celsius(20) + 5
print(c, type(c).__name__, Celsius(3) + Celsius(4), 1 + Celsius(2), type(1 + Celsius(2)).__name__)
try:
    Celsius(-300)
except ValueError as e:
    print("ValueError:", e)
print(int.__new__(Plain, 7), type(int.__new__(Plain, 7)).__name__, Plain(), Plain("ff", 16))
