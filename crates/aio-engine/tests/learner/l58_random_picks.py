# random.sample and random.choices (with weights) under a seed, as load-balancing and retry demos use them
import random

random.seed(42)
print(random.sample(range(100), 5), random.sample("abcdefgh", 3), random.sample([1, 2, 3], 0))
print(random.sample(range(1000), 30))
print(random.choices(["a", "b", "c"], k=5), random.choices("xy"))
print(random.choices(["win", "lose"], weights=[1, 9], k=10))
print(random.choices(range(5), cum_weights=[1, 2, 3, 4, 10], k=6))
print(random.getrandbits(8), random.getrandbits(40), random.random(), random.randint(1, 6))
random.seed(7)
servers = ["s1", "s2", "s3", "s4"]
print(random.sample(servers, k=2), random.choice(servers), random.uniform(0.1, 0.5))
for bad in [lambda: random.sample(range(3), 5), lambda: random.sample({1, 2}, 1),
            lambda: random.choices("ab", weights=[1], k=2), lambda: random.choices("ab", [0, 0]),
            lambda: random.choices("ab", [1, 1], cum_weights=[1, 2])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
