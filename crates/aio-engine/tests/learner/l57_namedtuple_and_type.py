# namedtuple records (defaults, _replace, _asdict, the errors of a wrong call), a subclass of one, and type() with three arguments
from collections import namedtuple

Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p.x, p[1], p == (1, 2), isinstance(p, tuple), len(p), list(p), hash(p) == hash((1, 2)))
x, y = p
print(x, y, p._asdict(), p._replace(x=5), Point._make([3, 4]), Point._fields, Point.__doc__)
print(Point, type(p).__name__, Point.x.__doc__, {p: "a"}[(1, 2)], sorted([Point(2, 1), Point(1, 5)]))
Job = namedtuple("Job", ["name", "seconds", "retries"], defaults=[0])
print(Job("a", 1.5), Job(name="b", seconds=2, retries=3), Job._field_defaults)
for args, kwargs in [((1,), {}), ((), {}), ((1, 2, 3), {}), ((1,), {"z": 2}), ((1,), {"x": 2})]:
    try:
        Point(*args, **kwargs)
    except TypeError as e:
        print("TypeError:", e)
try:
    Job()
except TypeError as e:
    print("TypeError:", e)
try:
    Job(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    p.x = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p._replace(z=1)
except ValueError as e:
    print("ValueError:", e)
for bad in [("1x", "a"), ("P", "a a"), ("P", "_a"), ("P", "class")]:
    try:
        namedtuple(*bad)
    except ValueError as e:
        print("ValueError:", e)
print(namedtuple("R", "a _b class", rename=True)._fields)
print(p + (3,), p * 2, p.count(1), p.index(2), max(p), f"{p}", str(p), repr(p))


class Vec(namedtuple("Vec", "x y")):
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

print(Vec(3, 4).norm(), Vec(3, 4))
T = type("T", (), {"a": 1, "hello": lambda self: "hi"})
print(T, T.a, T().hello(), T.__name__, T.__module__)
