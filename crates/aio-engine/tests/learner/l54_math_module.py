# math as learners use it: the float functions, the integer ones, and CPython's errors at the edges
import math

def show(expr):
    try:
        print(expr, "=", repr(CASES[expr]()))
    except Exception as e:
        print(expr, "->", type(e).__name__ + ":", e)

for x in [0.5, 2, 10, 1e-300, 3.7]:
    print(math.sqrt(x), math.exp(x), math.log(x), math.log2(x), math.log10(x), math.log1p(x))
    print(math.sin(x), math.cos(x), math.tan(x), math.atan(x), math.sinh(x), math.tanh(x))
    print(math.floor(x), math.ceil(x), math.trunc(x), math.fabs(-x), math.degrees(x), math.radians(x))
print(math.log(8, 2), math.log(100, 10), math.pow(2, 10), math.pow(2.5, 0.5), math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.factorial(0), math.factorial(20), math.comb(10, 3), math.comb(60, 30), math.perm(5), math.perm(5, 2))
print(math.gcd(12, 18), math.gcd(), math.gcd(-4, 6, 10), math.lcm(4, 6), math.lcm(), math.isqrt(99), math.isqrt(10**18))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.prod([1, 2, 3, 4]), math.prod([]), math.prod([0.5, 4], start=2))
print(math.modf(3.5), math.modf(-2.25), math.fmod(7, 3), math.fmod(-7, 3), math.copysign(3, -0.0), math.atan2(1, 1))
print(math.isclose(1.0, 1.05, rel_tol=0.1), math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf), math.isclose(1, 1.0000000001))
print(math.isfinite(1.0), math.isinf(math.inf), math.isnan(math.nan), math.tau, math.exp2(10))
CASES = {
    'math.sqrt(-1)': lambda: math.sqrt(-1),
    'math.log(0)': lambda: math.log(0),
    'math.log(-1)': lambda: math.log(-1),
    'math.log(10, 1)': lambda: math.log(10, 1),
    'math.exp(1000)': lambda: math.exp(1000),
    'math.factorial(-1)': lambda: math.factorial(-1),
    'math.factorial(2.5)': lambda: math.factorial(2.5),
    'math.isqrt(-1)': lambda: math.isqrt(-1),
    'math.comb(-1, 2)': lambda: math.comb(-1, 2),
    'math.comb(5, -1)': lambda: math.comb(5, -1),
    'math.comb(3, 5)': lambda: math.comb(3, 5),
    'math.fmod(1, 0)': lambda: math.fmod(1, 0),
    'math.pow(0, -1)': lambda: math.pow(0, -1),
    'math.pow(-8, 1/3)': lambda: math.pow(-8, 1/3),
    'math.floor(math.inf)': lambda: math.floor(math.inf),
    'math.ceil(math.nan)': lambda: math.ceil(math.nan),
    "math.sqrt('x')": lambda: math.sqrt('x'),
    'math.isclose(1, 2, rel_tol=-1)': lambda: math.isclose(1, 2, rel_tol=-1),
    'math.acos(2)': lambda: math.acos(2),
    'math.sin(math.inf)': lambda: math.sin(math.inf),
    'math.floor(2)': lambda: math.floor(2),
    'math.floor(-2.5)': lambda: math.floor(-2.5),
    'math.ceil(-2.5)': lambda: math.ceil(-2.5),
    'math.trunc(-2.5)': lambda: math.trunc(-2.5),
    'math.gcd(2.0, 4)': lambda: math.gcd(2.0, 4),
    'math.modf(math.inf)': lambda: math.modf(math.inf),
    'math.hypot(math.inf, math.nan)': lambda: math.hypot(math.inf, math.nan),
    'math.atanh(1)': lambda: math.atanh(1),
    'math.acosh(0.5)': lambda: math.acosh(0.5),
    'math.fsum([math.inf, -math.inf])': lambda: math.fsum([math.inf, -math.inf]),
}
for e in CASES:
    show(e)
