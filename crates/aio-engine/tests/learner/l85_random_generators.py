# Simulated latencies with random generators of their own: random.Random(seed) instances give
# CPython's sequences for their seeds and leave the module's own generator alone, so two workers
# seeded alike draw alike while the module's seed keeps its own sequence.
import asyncio
import random
import statistics

random.seed(7)


async def worker(name, rng, jobs):
    waits = []
    for _ in range(jobs):
        delay = rng.uniform(0.001, 0.01)
        waits.append(round(delay * 1000, 3))
        await asyncio.sleep(delay)
    return name, waits, rng.choice(["ok", "retry", "fail"]), rng.sample(range(100), 3)


async def main():
    results = await asyncio.gather(
        worker("a", random.Random(42), 3),
        worker("b", random.Random(42), 3),
        worker("c", random.Random(2024), 4),
    )
    for name, waits, verdict, picks in results:
        print(name, waits, verdict, picks, round(statistics.mean(waits), 3))
    print("module", random.randint(1, 100), random.random())
    deck = list(range(10))
    random.Random(1).shuffle(deck)
    print(deck, random.Random(5).choices("abc", k=5), random.Random(9).randrange(0, 50, 5))


asyncio.run(main())
