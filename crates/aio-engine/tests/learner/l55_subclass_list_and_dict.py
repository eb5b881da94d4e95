# Subclasses of list and dict with state of their own: methods, operators, super(), __missing__
class Stack(list):
    def push(self, x):
        self.append(x)

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s[0], s[1:], 3 in s, list(s), bool(s), bool(Stack()))
print(type(s).__name__, isinstance(s, list), isinstance(s, Stack), s == [1, 2, 3], [1, 2, 3] == s)
s += [4]
print(s, type(s).__name__)
t = s + [5]
print(t, type(t).__name__)
for x in s:
    print(x, end=" ")
print()
print(sorted(Stack([3, 1, 2])), sum(s), max(s), ", ".join(str(x) for x in s))
s[0] = 10
del s[1]
print(s, s.pop(), s.index(10), s.count(10))
s.sort(reverse=True)
print(s)


class Registry(dict):
    def __init__(self, name, **kw):
        super().__init__(**kw)
        self.name = name

    def __setitem__(self, key, value):
        print("set", key)
        super().__setitem__(key, value.upper())

    def __repr__(self):
        return f"Registry({self.name!r}, {super().__repr__()})"


r = Registry("tools", a="x")
r["b"] = "y"
print(r, len(r), r["b"], r.get("a"), list(r.items()), dict(r), "b" in r)
print(r.name, isinstance(r, dict), {**r}, sorted(r))


class Missing(dict):
    def __missing__(self, key):
        return key * 2


m = Missing(a=1)
print(m["a"], m["zz"], m.get("zz"), m)

try:
    hash(s)
except TypeError as e:
    print("TypeError:", e)

try:
    {Stack(): 1}
except TypeError as e:
    print("TypeError:", e)


class Plain(dict):
    pass


p = Plain({"x": 1}, y=2)
print(p, repr(p), str(p), p == {"x": 1, "y": 2}, p.copy(), type(p.copy()).__name__)
p.update(z=3)
print(p.keys(), p.values(), p.pop("z"), p.setdefault("w", 0), p)


class Counted(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.appends = 0

    def append(self, x):
        self.appends += 1
        super().append(x)


c = Counted("ab")
c.append("c")
print(c, c.appends, len(c))
try:
    class Both(list, dict):
        pass
except TypeError as e:
    print("TypeError:", e)
