# exit: 1
# Numbers and text a learner meets: float.hex, frexp/ldexp, methods called through their type,
# statistics of two inputs, digits of other scripts, and case-insensitive matching.
import math
import statistics


def show_float(x):
    mantissa, exponent = math.frexp(x)
    print(f"{x!r:>22} hex={x.hex():<24} frexp=({mantissa}, {exponent})")


for x in [1.0, 0.1, -2.5, 1e300, 5e-324, 0.0]:
    show_float(x)

print(float.fromhex("0x1.8p1"), float.fromhex("-0x.4p-1"), math.ldexp(0.75, 3))
print(math.remainder(7, 2), math.remainder(-7.5, 2), math.nextafter(1.0, 0.0), math.ulp(2.0))
print(list(map(int.bit_length, [1, 255, 1024])), float.is_integer(2.0), float.as_integer_ratio(0.75))

hours = [1, 2, 3, 4, 5, 6]
scores = [52, 55, 61, 64, 70, 71]
print("covariance", statistics.covariance(hours, scores))
print("correlation", round(statistics.correlation(hours, scores), 6))
fit = statistics.linear_regression(hours, scores)
print(fit, round(fit.slope * 7 + fit.intercept, 2))

# Digits typed with a Chinese or Arabic keyboard are digits to int() and float().
for raw in ["１２３", "٤٢", " ７.５ ", "12３", "十二"]:
    try:
        print(repr(raw), "->", int(raw) if "." not in raw else float(raw))
    except ValueError as e:
        print(repr(raw), "->", e)

names = ["Straße", "STRASSE", "straße", "Ὀδυσσεύς", "ὈΔΥΣΣΕΎΣ"]
groups = {}
for name in names:
    groups.setdefault(name.casefold(), []).append(name)
for key, members in groups.items():
    print(key, members)
print(1e15 + 0.3, 0.1 + 0.2, 2.0 ** 53 + 2)

try:
    math.ldexp(1.0, 2000)
except OverflowError as e:
    print("OverflowError:", e)
statistics.linear_regression([3, 3, 3], [1, 2, 3])
