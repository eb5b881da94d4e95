# random's gauss, normalvariate, expovariate and triangular (seeded), statistics.harmonic_mean and geometric_mean, inspect's generator and coroutine states.
import random
random.seed(42)
print([round(random.gauss(0, 1), 12) for _ in range(5)])
print([round(random.normalvariate(10, 2), 12) for _ in range(3)])
print([round(random.expovariate(1 / 5), 12) for _ in range(3)])
print([round(random.triangular(0, 10, 8), 12) for _ in range(3)], round(random.triangular(), 12), random.triangular(3, 3, 3))
print(random.gauss(mu=100, sigma=15) > 0)
r = random.Random(7)
print(r.gauss(), r.gauss(), r.random())
random.seed(1)
random.gauss()
random.seed(1)
print(random.gauss(), random.random())

import statistics as st
print(st.harmonic_mean([40, 60]), st.harmonic_mean([2.5, 3, 10]), st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([7]), st.harmonic_mean([1, 0, 3]))
print(st.harmonic_mean([0.1, 0.2, 0.3, 0.7]), st.harmonic_mean(range(1, 20)), st.harmonic_mean([3, 5.5], weights=[0.25, 0.5]))
print(st.geometric_mean([54, 24, 36]), st.geometric_mean([1.5, 2.5, 4]), st.geometric_mean(iter([2, 8])))
for bad in [lambda: st.harmonic_mean([]), lambda: st.harmonic_mean([1, -2]), lambda: st.geometric_mean([1, 0]), lambda: st.geometric_mean([]), lambda: st.harmonic_mean([1, 2], weights=[1])]:
    try:
        print(bad())
    except st.StatisticsError as e:
        print("StatisticsError:", e)

import asyncio
import inspect


def counter():
    print("inside:", inspect.getgeneratorstate(g))
    yield 1
    yield 2


g = counter()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g), g.gi_suspended, g.gi_running)
g.close()
print(inspect.getgeneratorstate(g), g.gi_frame)
g2 = counter()
list(g2)
print(inspect.getgeneratorstate(g2))


async def work():
    print("inside:", inspect.getcoroutinestate(c))
    await asyncio.sleep(0)
    return 5


async def main():
    global c
    c = work()
    print(inspect.getcoroutinestate(c), inspect.GEN_CREATED, inspect.CORO_CLOSED)
    t = asyncio.ensure_future(c)
    await asyncio.sleep(0)
    print(inspect.getcoroutinestate(c))
    await t
    print(inspect.getcoroutinestate(c), c.cr_suspended)


asyncio.run(main())
