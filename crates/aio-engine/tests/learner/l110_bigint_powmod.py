import asyncio
import math

# A toy RSA key built from two known primes (2**89 - 1 and 2**107 - 1 are Mersenne primes)
p = 2**89 - 1
q = 2**107 - 1
n = p * q
phi = (p - 1) * (q - 1)
e = 65537
print("gcd(e, phi) =", math.gcd(e, phi))
d = pow(e, -1, phi)
print("n has", n.bit_length(), "bits")
print("e * d mod phi =", e * d % phi)


async def encrypt(message):
    await asyncio.sleep(0.01)
    m = int.from_bytes(message.encode(), "big")
    return pow(m, e, n)


async def decrypt(cipher):
    await asyncio.sleep(0.01)
    m = pow(cipher, d, n)
    return m.to_bytes((m.bit_length() + 7) // 8, "big").decode()


async def main():
    messages = ["hi", "asyncio", "big ints!"]
    ciphers = await asyncio.gather(*(encrypt(m) for m in messages))
    for msg, c in zip(messages, ciphers):
        print(f"{msg!r:12} -> {c % 10**12:012d}... ({c.bit_length()} bits)")
    plain = await asyncio.gather(*(decrypt(c) for c in ciphers))
    print("round trip:", plain)

    # Fermat's little theorem checks
    for base in (2, 3, 10):
        print(f"pow({base}, p-1, p) =", pow(base, p - 1, p))
    print("pow(2, 10**18, 10**9+7) =", pow(2, 10**18, 10**9 + 7))
    print("pow(3, 200) last digits:", str(pow(3, 200))[-8:])
    print("pow(-7, 3, 10) =", pow(-7, 3, 10))


asyncio.run(main())
