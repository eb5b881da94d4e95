# exit: 1
import asyncio
import sys

MODULUS = sys.hash_info.modulus
print("hash modulus is 2**61 - 1:", MODULUS == 2**61 - 1)

big = 2**200
print("2**200 =", big)
print("hash(2**200) =", hash(big))
print("hash(2**61 - 1) =", hash(2**61 - 1))
print("hash(-1) =", hash(-1), " hash(-2) =", hash(-2))
print("hash(10**30) == hash(10**30 % M):", hash(10**30) == hash(10**30 % MODULUS))
print("hash(2**100) == hash(float(2**100)):", hash(2**100) == hash(float(2**100)))

cache = {2**64: "two to the 64", 10**20: "hundred quintillion", -(2**70): "negative"}
print("lookup 18446744073709551616 ->", cache[int("18446744073709551616")])


async def parse(text, base=10):
    await asyncio.sleep(0.01)
    value = int(text, base)
    print(f"int({text!r}, {base}) -> {value:,}")
    return value


async def main():
    values = await asyncio.gather(
        parse("123456789012345678901234567890"),
        parse("1_000_000_000_000_000_000"),
        parse("ff" * 10, 16),
        parse("  -777777777777777777  "),
        parse("0b" + "1" * 70, 0),
    )
    total = sum(values)
    print("sum =", total)
    print("sum as float =", float(total))
    print("float(2**200) =", float(2**200))
    try:
        float(10**400)
    except OverflowError as exc:
        print("OverflowError:", exc)
    print("10**400 // 10**398 =", 10**400 // 10**398)


asyncio.run(main())

# Beginner mistake: thousands separators are not accepted by int()
amount = int("12,345,678")
print(amount)
