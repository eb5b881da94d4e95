# exit: 1
# Python's ints grow as large as they need: factorials, Fibonacci numbers, powers of two.
import math


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


print("fib(100) =", fib(100))
print("2**100 =", 2**100)
print("100! has", len(str(math.factorial(100))), "digits")
print(f"{2**64:,}", f"{2**70:_x}", hex(-2**65), bin(2**66)[:10])
big = 12345678901234567890123456789
print(big // 10**10, big % 97, divmod(-big, 7))
print(big * 1.0, big / 3, 2**70 == 2.0**70, 10**30 > 1e29)
print(hash(2**61) == 1, hash(2**100), {2**70: "a"}[2.0**70])
print(round(big, -20), abs(-2**63), -(-2**63), int("9" * 25) + 1)
print(pow(3, 10**18, 10**9 + 7), pow(2, -1, 7), math.gcd(2**80, 6**40), math.comb(100, 50))
print(math.isqrt(10**40), math.log2(2**200), round(math.log(10**400), 6))
print(sorted([2**70, -2**70, 5, 1.5]), sum([2**62] * 4), max(3**40, 2**60))
print(type(2**100).__name__, isinstance(2**100, int), (2**100).bit_length(), (2**100 - 1).bit_count())
print("%d %x %.3e" % (2**64, 2**64, 2**64))


async def count_up(n):
    import asyncio
    total = 1
    for i in range(1, n + 1):
        total *= i
        await asyncio.sleep(0)
    return total


import asyncio

print(asyncio.run(count_up(30)) == math.factorial(30))
try:
    float(10**400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    [1, 2, 3][2**64]
except IndexError as e:
    print("IndexError:", e)
print(len(str(10**4000)))
print(str(10**5000))
