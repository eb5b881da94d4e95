# Aliases see in-place changes; subclasses and collections keep their type and contents
import copy
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple

a = [1]
b = a
a *= 2
s = {1}
t = s
s |= {2}
s -= {1}
d = {"x": 1}
e = d
d |= {"y": 2}
print(b, t, e)


class Tally(list):
    def total(self):
        return sum(self)


tl = Tally([1, 2])
tl += [3]
tl *= 2
print(tl, type(tl).__name__, tl.total())


class Vec:
    def __init__(self, x):
        self.x = x

    def __imul__(self, k):
        self.x *= k
        return self

    def __mul__(self, k):
        return "not in place"


v = Vec(2)
w = v
v *= 5
print(w.x, v is w)

P = namedtuple("P", "x y")
grid = {P(0, 0): "origin"}
print(dict(grid).get(P(0, 0)), {**grid}[P(0, 0)], grid.copy()[(0, 0)], {P(1, 2)} == {P(1, 2)}, "%s|%s" % P(1, 2))


class Registry(dict):
    def __init__(self, *args, **kwargs):
        dict.__init__(self, *args, **kwargs)
        self.hits = 0


class Audited:
    def __setattr__(self, key, value):
        print("set", key)
        super().__setattr__(key, value)

    def __repr__(self):
        return "Audited" + super().__repr__()[-1:]


r = Registry(a=1)
au = Audited()
au.x = 1
print(r, r.hits, au.x, repr(au))


class Oops(Exception):
    def __str__(self):
        return "oops: " + super().__str__()


print(str(Oops("disk full")), Counter(a=1) == {"a": 1}, Counter("ab") <= Counter("aabb"), Counter("abc") < Counter("ab"))
print(OrderedDict.fromkeys("ab", 0), type(defaultdict.fromkeys("a")).__name__, Counter(a=1) | {"b": 2})
stack = Tally([1, [2, 3]])
deep = copy.deepcopy(stack)
deep[1].append(4)
print(copy.copy(Tally([1])), deep, stack, type(deep).__name__)
print(copy.deepcopy(Counter("aab")), copy.deepcopy(OrderedDict(a=1)), copy.copy(P(1, 2)), copy.deepcopy(deque([1], maxlen=2)))
dd = copy.deepcopy(defaultdict(list, a=[1]))
dd["b"].append(2)
print(dd, 2 * deque([1]), sorted(Tally([3, 1, 2]), reverse=True))
try:
    tl < 5
except TypeError as err:
    print("TypeError:", err)
