# The `statistics` module: CPython 3.11.7's Lib/statistics.py, the averages and measures of
# spread, written fresh to its documented behaviour and messages. Parsed and run on the first
# `import statistics`.
# CPython sums exactly with Fractions and rounds once at the end: mean([1, 2, 3]) is the int 2,
# mean([1, 2, 3, 4]) the float 2.5, and variance/stdev are the correctly rounded values of the
# exact ones. The engine has neither Fraction nor integers past 64 bits, so the exact values are
# held as E / D: E a sum kept exactly as non-overlapping floats (Shewchuk's partials, as math.fsum
# keeps them; products exact by Dekker's method), D an int (a count, n*(n-1) or n*n). The
# variance's numerator is n*sum(x*x) - sum(x)**2, exact. A quotient or square root is guessed
# in floats, then checked exactly against the midpoints to its neighbours and moved, so it is
# CPython's correctly rounded result (ties to even), and an int when T is int and E / D is whole.
# Exact for values between about 1e-140 and 1e140 in magnitude (a square past that under- or
# overflows) and for counts below 2**26 (D must be exact as a float); ints past 64 bits are not
# possible in the engine.
# fmean sums with its own correctly rounded fsum (the engine's math.fsum can be one ulp off).
# The statements marked `# tb:` show as CPython's lines in tracebacks.
# harmonic_mean sums its terms exactly as int ratios (as_integer_ratio) and divides once.
# covariance, correlation and linear_regression are CPython's, over the correctly rounded sum.
# Left out: Fraction and Decimal data, median_grouped, NormalDist.
import math
from collections import namedtuple
from math import sqrt

__all__ = ['StatisticsError', 'correlation', 'covariance', 'fmean', 'geometric_mean', 'harmonic_mean', 'mean', 'median', 'median_high', 'median_low', 'mode',
           'multimode', 'pstdev', 'pvariance', 'quantiles', 'stdev', 'variance', 'linear_regression']


class StatisticsError(ValueError):
    pass


# --- exact arithmetic on floats (error-free transformations)
# A sum is held exactly as non-overlapping float partials (as math.fsum holds it); a product
# of two floats exactly as two floats (Dekker). That is exact for values between about 1e-140
# and 1e140 in magnitude (past that, a square underflows or overflows).

_TWO53 = 9007199254740992


def _two_prod(a, b):
    # p + e == a * b exactly (Dekker's product; the engine has no fused multiply-add)
    p = a * b
    c = 134217729.0 * a  # 2**27 + 1: cuts a into two 26-bit halves
    ah = c - (c - a)
    al = a - ah
    c = 134217729.0 * b
    bh = c - (c - b)
    bl = b - bh
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def _floats(x):
    # an int or a float as one or two floats that add up to it exactly
    if type(x) is float or -_TWO53 <= x <= _TWO53:
        return (float(x),)
    return ((x >> 26) * 67108864.0, float(x & 67108863))


def _add(partials, x):
    # adds the float x to the exact sum held in partials (non-overlapping, smallest first)
    i = 0
    for y in partials:
        if abs(x) < abs(y):
            x, y = y, x
        hi = x + y
        lo = y - (hi - x)
        if lo:
            partials[i] = lo
            i += 1
        x = hi
    del partials[i:]
    partials.append(x)


def _round(partials):
    # the sum of the partials, correctly rounded (half to even), as math.fsum ends
    n = len(partials)
    if not n:
        return 0.0
    n -= 1
    hi = partials[n]
    lo = 0.0
    while n > 0:
        x = hi
        n -= 1
        y = partials[n]
        hi = x + y
        lo = y - (hi - x)
        if lo:
            break
    if n > 0 and ((lo < 0 and partials[n - 1] < 0) or (lo > 0 and partials[n - 1] > 0)):
        y = lo * 2
        x = hi + y
        if y == x - hi:
            hi = x
    return hi


def _minus(partials, floats):
    # sum(partials) - sum(floats), exactly, as new partials
    acc = list(partials)
    for f in floats:
        _add(acc, -f)
    return acc


def _sign(partials, minus=()):
    # the exact sign of sum(partials) - sum(minus)
    r = _round(_minus(partials, minus))
    return (r > 0) - (r < 0)


def _times(k, floats):
    # k * sum(floats) exactly, as floats
    out = []
    for f in floats:
        out.extend(_two_prod(k, f))
    return out


def _ulp(y):
    # the gap from abs(y) (finite, not 0) to the next float away from 0
    y = abs(y)
    e = math.floor(math.log2(y))
    while e > -1074 and 2.0 ** e > y:
        e -= 1
    while e < 1023 and 2.0 ** (e + 1) <= y:
        e += 1
    return 2.0 ** max(e - 52, -1074)


def _neighbour(y, up):
    # the next float above (up) or below y
    if y == 0.0:
        return 5e-324 if up else -5e-324
    if (y > 0) != up:  # towards 0: one binade lower at a power of two
        u = _ulp(y)
        if _ulp(abs(y) - u / 2) < u:
            u /= 2
        return y - u if y > 0 else y + u
    return y + _ulp(y) if y > 0 else y - _ulp(y)


def _is_even(y):
    return y == 0.0 or (abs(y) / _ulp(y)) % 2 == 0


def _correct(y, compare):
    # moves y to the correctly rounded value: compare(m) is the sign of (exact - m) for m
    # given as a pair of floats m0 + m1; ties go to the even neighbour
    while True:
        t = compare(y, 0.0)
        if t == 0:
            return y
        nb = _neighbour(y, t > 0)
        s = compare(y, (nb - y) / 2)  # against the midpoint
        if s == 0:
            return y if _is_even(y) else nb
        if (s > 0) != (t > 0):
            return y
        y = nb


class _Ratio:
    # E / D exactly, as CPython's Fraction would hold it: E as float partials, D an int
    # (exact as a float); or an infinity or NaN of the data (`special`)
    def __init__(self, partials, D=1, special=None):
        self.E = partials
        self.D = D
        self.special = special

    def div(self, k):
        return _Ratio(self.E, self.D * k, self.special)

    def _quotient(self):
        # E / D correctly rounded: a close first guess, then checked against the midpoints
        D = float(self.D)
        hi = _round(self.E)
        q = hi / D
        p, pe = _two_prod(q, D)
        y = q + (((hi - p) - pe) + _round(_minus(self.E, (hi,)))) / D

        def compare(m0, m1):
            return _sign(self.E, _times(D, (m0, m1)))

        return _correct(y, compare)

    def to(self, T):
        # CPython's _convert: an int when T is int and the value is whole, else a float
        if self.special is not None:
            return self.special  # an infinity or NaN divided by a count stays as it is
        y = self._quotient()
        if T is int and abs(y) < 9.2e18:
            # whole? k0 is within an ulp of E / D; the rest, E - D*k0, is a small whole number
            D = float(self.D)
            k0 = int(y)
            rest = _round(_minus(self.E, _times(D, _floats(k0))))
            if rest == math.floor(rest) and rest % D == 0:
                k = k0 + int(rest // D)
                if _sign(self.E, _times(D, _floats(k))) == 0:
                    return k
        return y

    def sqrt(self):
        # the square root of E / D correctly rounded (CPython's _float_sqrt_of_frac)
        if self.special is not None:
            raise AttributeError("'float' object has no attribute 'numerator'")
        v = self._quotient()
        if v <= 0.0:
            return 0.0
        D = float(self.D)

        def compare(m0, m1):
            # (m0 + m1)**2 == m0*m0 + 2*m0*m1 + m1*m1, m1 a power of two (or 0)
            p, pe = _two_prod(m0, m0)
            return _sign(self.E, _times(D, (p, pe, 2.0 * m0 * m1, m1 * m1)))

        return _correct(math.sqrt(v), compare)


def _int_combination(a, ka, b, kb, n):
    # (a*ka + b*kb) / n as CPython computes it, for ints a and b: exactly, then correctly
    # rounded (the engine's ints could overflow, and its int / int rounds twice past 2**53)
    E = []
    for f in _times(float(ka), _floats(a)) + _times(float(kb), _floats(b)):
        _add(E, f)
    return _Ratio(E, n)._quotient()


def _is_int(x):
    return type(x) is int or type(x) is bool


def _exact_ratio(x):
    # only reached for what is not a number: raises as CPython's does, after an AttributeError
    try:
        return (x.numerator, x.denominator)  # tb: statistics.py:327
    except AttributeError:
        msg = f"can't convert type '{type(x).__name__}' to numerator/denominator"
        raise TypeError(msg)  # tb: statistics.py:330


def _is_special(x):
    return x != x or x == math.inf or x == -math.inf


_OK = object()  # no value refused (None itself may be the refused one)


def _values(data):
    # the data's values, checked: (T, values, special, count, refused). T is int unless a
    # float is seen (a bool counts as an int); the infinities and NaNs are summed apart in
    # `special`; `refused` is the first value that is not a number (the caller lets
    # _exact_ratio raise for it, from the line CPython's traceback shows)
    T = int
    values = []
    special = None
    count = 0
    for x in data:
        count += 1
        typ = type(x)
        if typ is float:
            T = float
            if _is_special(x):
                special = x if special is None else special + x
                continue
        elif typ is bool:
            x = int(x)
        elif typ is not int:
            if not (hasattr(x, 'numerator') and hasattr(x, 'denominator')):
                return T, values, special, count, x
            T = float
            x = x.numerator / x.denominator
        values.append(x)
    return T, values, special, count, _OK


def _sum(data):
    T, values, special, count, refused = _values(data)
    if refused is not _OK:
        _exact_ratio(refused)  # tb: statistics.py:193 for n, d in map(_exact_ratio, values):
    partials = []
    for x in values:
        for f in _floats(x):
            _add(partials, f)
    return (T, _Ratio(partials, 1, special), count)


def _squared_deviations(data, c):
    for x in data:
        d = x - c
        yield d * d


def _ss(data, c=None):
    # the result type and the exact sum of squared deviations from the mean (or from c)
    if c is not None:
        T, ssd, count = _sum(_squared_deviations(data, c))
        return (T, ssd, c, count)
    T, values, special, n, refused = _values(data)
    if refused is not _OK:
        _exact_ratio(refused)  # tb: statistics.py:227 for n, d in map(_exact_ratio, values):
    if special is not None:
        return (T, _Ratio([], 1, special), None, n)
    if not n:
        return (T, _Ratio([]), None, 0)
    # n * ss == n * sum(x*x) - sum(x)**2, exactly
    sx = []
    sxx = []
    for x in values:
        parts = _floats(x)
        for f in parts:
            _add(sx, f)
        for a in parts:
            for b in parts:
                for f in _two_prod(a, b):
                    _add(sxx, f)
    E = []
    for f in _times(float(n), sxx):
        _add(E, f)
    for a in sx:
        for b in sx:
            for f in _two_prod(a, b):
                _add(E, -f)
    return (T, _Ratio(E, n), None, n)


# --- averages

def mean(data):
    T, total, n = _sum(data)  # tb: statistics.py:430
    if n < 1:
        raise StatisticsError('mean requires at least one data point')  # tb: statistics.py:432
    return total.div(n).to(T)


def _fsum(values):
    # math.fsum: every value made a float first, the sum correctly rounded
    partials = []
    special = 0.0
    inf_sum = 0.0
    for x in values:
        if type(x) not in (int, float, bool):
            raise TypeError(f'must be real number, not {type(x).__name__}')
        x = float(x)
        if _is_special(x):
            if x == math.inf or x == -math.inf:
                inf_sum += x
            special += x
        else:
            _add(partials, x)
    if special != 0.0:
        if inf_sum != inf_sum:
            raise ValueError('-inf + inf in fsum')
        return special
    return _round(partials)


def fmean(data, weights=None):
    try:
        n = len(data)
    except TypeError:
        data = list(data)
        n = len(data)
    if weights is None:
        total = _fsum(data)  # tb: statistics.py:456 total = fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')  # tb: statistics.py:458
        return total / n
    try:
        num_weights = len(weights)
    except TypeError:
        weights = list(weights)
        num_weights = len(weights)
    num = _fsum([x * w for x, w in zip(data, weights)])  # tb: statistics.py:465 num = fsum(map(mul, data, weights))
    if n != num_weights:
        raise StatisticsError('data and weights must be the same length')  # tb: statistics.py:467
    den = _fsum(weights)  # tb: statistics.py:468 den = fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')  # tb: statistics.py:470
    return num / den


def geometric_mean(data):
    try:
        return math.exp(fmean(map(math.log, data)))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset '  # tb: statistics.py:528
                              'containing positive numbers') from None


def _ratio_sum(values):
    # the exact sum of ints and floats as a reduced (numerator, denominator)
    num, den = 0, 1
    for v in values:
        n, d = v.as_integer_ratio()
        num, den = num * d + n * den, den * d
        g = math.gcd(num, den)
        num, den = num // g, den // g
    return num, den


def harmonic_mean(data, weights=None):
    if iter(data) is data:
        data = list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')  # tb: statistics.py:573
    elif n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float)):
            if x < 0:
                raise StatisticsError(errmsg)  # tb: statistics.py:578
            return x
        else:
            raise TypeError('unsupported type')  # tb: statistics.py:581
    if weights is None:
        weights = [1] * n
        sum_weights = (n, 1)
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')  # tb: statistics.py:589
        for w in weights:
            if w < 0:
                raise StatisticsError(errmsg)  # tb: statistics.py:1095
        sum_weights = _ratio_sum(weights)
    for x in data:
        if x < 0:
            raise StatisticsError(errmsg)  # tb: statistics.py:1095
    try:
        terms = [w / x if w else 0 for w, x in zip(weights, data)]
    except ZeroDivisionError:
        return 0
    num, den = _ratio_sum(terms)
    if num <= 0:
        raise StatisticsError('Weighted sum must be positive')  # tb: statistics.py:597
    return (sum_weights[0] * den) / (sum_weights[1] * num)


def median(data):
    data = sorted(data)  # tb: statistics.py:562
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")  # tb: statistics.py:565
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    if _is_int(data[i - 1]) and _is_int(data[i]):
        return _int_combination(data[i - 1], 1, data[i], 1, 2)
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)  # tb: statistics.py:585
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")  # tb: statistics.py:588
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)  # tb: statistics.py:607
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")  # tb: statistics.py:610
    return data[n // 2]


def _counts(data):
    # collections.Counter's counting: values in the order first seen
    counts = {}
    for x in iter(data):
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    # the first value seen among those seen most often, as Counter.most_common(1)
    best = None
    best_count = 0
    for value, count in _counts(data).items():  # tb: statistics.py:709 pairs = Counter(iter(data)).most_common(1)
        if count > best_count:
            best, best_count = value, count
    if not best_count:
        raise StatisticsError('no mode for empty data') from None  # tb: statistics.py:713
    return best


def multimode(data):
    counts = _counts(data)  # tb: statistics.py:729 counts = Counter(iter(data))
    if not counts:
        return []
    maxcount = max(counts.values())
    return [value for value, count in counts.items() if count == maxcount]


def quantiles(data, *, n=4, method='exclusive'):
    # n - 1 cut points, interpolated between data points with exact integer steps
    if n < 1:
        raise StatisticsError('n must be at least 1')  # tb: statistics.py:790
    data = sorted(data)  # tb: statistics.py:791
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')  # tb: statistics.py:794
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            if _is_int(data[j]) and _is_int(data[j + 1]):
                interpolated = _int_combination(data[j], n - delta, data[j + 1], delta, n)
            else:
                interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n  # i rescaled to m/n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j  # clamped to 1 .. ld-1
            delta = i * m - j * n  # exact integer math
            if _is_int(data[j - 1]) and _is_int(data[j]):
                interpolated = _int_combination(data[j - 1], n - delta, data[j], delta, n)
            else:
                interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError(f'Unknown method: {method!r}')  # tb: statistics.py:813


# --- measures of spread

def variance(data, xbar=None):
    T, ss, c, n = _ss(data, xbar)  # tb: statistics.py:860
    if n < 2:
        raise StatisticsError('variance requires at least two data points')  # tb: statistics.py:862
    return ss.div(n - 1).to(T)


def pvariance(data, mu=None):
    T, ss, c, n = _ss(data, mu)  # tb: statistics.py:901
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')  # tb: statistics.py:903
    return ss.div(n).to(T)


def stdev(data, xbar=None):
    T, ss, c, n = _ss(data, xbar)  # tb: statistics.py:916
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')  # tb: statistics.py:918
    mss = ss.div(n - 1)
    return mss.sqrt()  # tb: statistics.py:922 return _float_sqrt_of_frac(mss.numerator, mss.denominator)


def pstdev(data, mu=None):
    T, ss, c, n = _ss(data, mu)  # tb: statistics.py:934
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')  # tb: statistics.py:936
    mss = ss.div(n)
    return mss.sqrt()  # tb: statistics.py:940 return _float_sqrt_of_frac(mss.numerator, mss.denominator)


# --- relations between two inputs

def covariance(x, y, /):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('covariance requires that both inputs have same number of data points')  # tb: statistics.py:982
    if n < 2:
        raise StatisticsError('covariance requires at least two data points')  # tb: statistics.py:984
    xbar = _fsum(x) / n
    ybar = _fsum(y) / n
    sxy = _fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
    return sxy / (n - 1)


def correlation(x, y, /):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('correlation requires that both inputs have same number of data points')  # tb: statistics.py:1010
    if n < 2:
        raise StatisticsError('correlation requires at least two data points')  # tb: statistics.py:1012
    xbar = _fsum(x) / n
    ybar = _fsum(y) / n
    sxy = _fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
    sxx = _fsum((d := xi - xbar) * d for xi in x)
    syy = _fsum((d := yi - ybar) * d for yi in y)
    try:
        return sxy / sqrt(sxx * syy)  # tb: statistics.py:1019
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')  # tb: statistics.py:1021


LinearRegression = namedtuple('LinearRegression', ('slope', 'intercept'))


def linear_regression(x, y, /, *, proportional=False):
    n = len(x)
    if len(y) != n:
        raise StatisticsError('linear regression requires that both inputs have same number of data points')  # tb: statistics.py:1067
    if n < 2:
        raise StatisticsError('linear regression requires at least two data points')  # tb: statistics.py:1069
    if proportional:
        sxy = _fsum(xi * yi for xi, yi in zip(x, y))
        sxx = _fsum(xi * xi for xi in x)
    else:
        xbar = _fsum(x) / n
        ybar = _fsum(y) / n
        sxy = _fsum((xi - xbar) * (yi - ybar) for xi, yi in zip(x, y))
        sxx = _fsum((d := xi - xbar) * d for xi in x)
    try:
        slope = sxy / sxx  # tb: statistics.py:1079 slope = sxy / sxx   # equivalent to:  covariance(x, y) / variance(x)
    except ZeroDivisionError:
        raise StatisticsError('x is constant')  # tb: statistics.py:1081
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope=slope, intercept=intercept)
