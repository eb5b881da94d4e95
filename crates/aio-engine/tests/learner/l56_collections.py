# collections as learners use it: Counter for tallies, defaultdict for groups, OrderedDict, deque as a work queue
import asyncio
from collections import Counter, OrderedDict, defaultdict, deque

# Tally results of workers, the way learners do.
words = "the cat and the hat and the bat".split()
c = Counter(words)
print(c)
print(c.most_common(2), c["the"], c["zebra"], len(c), c.total())
c.update(["cat", "cat"])
c.update({"hat": 3})
c.subtract(the=1)
print(c, sorted(c.elements())[:5])
print(c + Counter(dog=2), c - Counter(the=5), Counter(a=3) & Counter(a=1, b=2), Counter(a=1) | Counter(a=2, b=1))
print(Counter(), Counter("hello") == Counter("lehlo"), Counter(a=1) == Counter(a=1, b=0), isinstance(c, dict))
del c["nothing"]
print(+Counter(a=-1, b=2), -Counter(a=-1, b=2), dict(Counter("aab")), list(Counter("aab").items()))

groups = defaultdict(list)
for word in words:
    groups[len(word)].append(word)
print(groups)
print(groups[3][:2], dict(groups), len(groups), 9 in groups, groups.get(9), groups.default_factory)
counts = defaultdict(int)
for ch in "banana":
    counts[ch] += 1
print(counts, sorted(counts.items()), defaultdict(None, a=1))
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(nested["x"]["y"], list(nested), isinstance(nested, dict))
try:
    defaultdict(3)
except TypeError as e:
    print("TypeError:", e)
try:
    defaultdict()["missing"]
except KeyError as e:
    print("KeyError:", e)

od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
od.move_to_end("b")
print(od, list(od), od.popitem(), od.popitem(last=False), od)
od["a"] = 1
od.move_to_end("a", last=False)
print(od, OrderedDict(), OrderedDict(x=1) == {"x": 1}, OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1))

q = deque([1, 2, 3], maxlen=5)
q.append(4)
q.appendleft(0)
q.append(5)
print(q, len(q), q[0], q[-1], q.maxlen, 3 in q)
q.rotate(2)
print(q, q.popleft(), q.pop(), q)
q.extendleft([9, 8])
print(q, list(reversed(q)), q.count(9), q.index(8))
print(deque(), deque("ab") + deque("cd"), deque(range(3)) == deque([0, 1, 2]), bool(deque()))
try:
    deque().popleft()
except IndexError as e:
    print("IndexError:", e)
try:
    deque([1])[5]
except IndexError as e:
    print("IndexError:", e)


async def worker(name, queue, seen):
    while queue:
        job = queue.popleft()
        await asyncio.sleep(0.01 * job)
        seen[name] += 1


async def main():
    queue = deque(range(1, 7))
    seen = Counter()
    await asyncio.gather(*(worker(f"w{i}", queue, seen) for i in range(2)))
    print(seen.most_common(), sum(seen.values()))


asyncio.run(main())
