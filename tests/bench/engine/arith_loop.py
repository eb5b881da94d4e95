# Plain Python: a 1,000,000-iteration loop of integer and float arithmetic.
total = 0
x = 0.0
for i in range(1_000_000):
    total += i * 3 % 7
    x = x * 0.5 + i
print(total, round(x, 3))
