# The `fractions` module: CPython 3.11.7's Lib/fractions.py, written fresh to its documented
# behaviour and messages. Parsed and run on the first `import fractions`.
# Fraction: exact rationals over the engine's unbounded ints, built from an int pair, a float, a
# string ('3/7', '1.25', '-2e-3', with CPython's pattern read by hand so `re` is not imported),
# another Fraction or an int; kept in lowest terms with a positive denominator. Arithmetic with
# ints, floats and Fractions (a float operand gives a float), exact comparisons with ints and
# floats, the hash that equal ints and floats have, round/floor/ceil/trunc, limit_denominator.
# The arithmetic follows CPython's steps (the same gcds), so a zero divisor fails with the same
# message, and the statements marked `# tb:` show as CPython's lines in tracebacks.
# Left out: Decimal (from_decimal takes ints only), complex operands (the engine has no complex),
# and the `numbers` ABCs: only ints and Fractions count as rationals, only floats as reals.

import math
import sys

__all__ = ['Fraction']

_MODULUS = sys.hash_info.modulus
_HASH_INF = sys.hash_info.inf


def _ratio(x):
    # (numerator, denominator) of an int or a Fraction; int(x) since a bool has no .numerator here
    if isinstance(x, int):
        return int(x), 1
    return x._numerator, x._denominator


def _isdigit(c):
    # re's \d: any decimal digit (int() takes the same; the engine's isdecimal knows ASCII only)
    if '0' <= c <= '9':
        return True
    if c <= '\x7f':
        return False
    try:
        int(c)
    except ValueError:
        return False
    return True


def _digits_end(s, i):
    # where a run of digits from i ends (single underscores allowed between digits); -1 when
    # an underscore is misplaced
    n = len(s)
    j = i
    while j < n:
        c = s[j]
        if '0' <= c <= '9' or (c > '\x7f' and _isdigit(c)):
            j += 1
        elif c == '_' and j > i and j + 1 < n and _isdigit(s[j + 1]):
            j += 2
        else:
            break
    if j < n and s[j] == '_':
        return -1
    return j


def _split_literal(text):
    # the parts (sign, num, denom, decimal, exp) of a string as CPython's pattern for Fraction
    # reads it, or None when it does not match
    s = text.strip()
    n = len(s)
    i = 1 if s[:1] in ('-', '+') else 0
    if not (i < n and (_isdigit(s[i]) or (s[i] == '.' and i + 1 < n and _isdigit(s[i + 1])))):
        return None
    sign = s[:i]
    j = _digits_end(s, i)
    if j < 0:
        return None
    num = s[i:j]
    if j == n:
        return sign, num, None, None, None
    if s[j] == '/':
        k = _digits_end(s, j + 1)
        if k != n or k == j + 1:
            return None
        return sign, num, s[j + 1:], None, None
    decimal = None
    if s[j] == '.':
        j += 1
        k = j
        if j < n and s[j] in 'dD':
            # CPython's pattern reads `d*` here (a slip for \d*): a run of d's is taken
            while k < n and s[k] in 'dD':
                k += 1
        else:
            k = _digits_end(s, j)
            if k < 0:
                return None
        decimal = s[j:k]
        j = k
    exp = None
    if j < n and s[j] in 'eE':
        k = j + 1
        if k < n and s[k] in '+-':
            k += 1
        end = _digits_end(s, k)
        if end != n or end == k:
            return None
        exp = s[j + 1:]
        j = n
    if j != n:
        return None
    return sign, num, None, decimal, exp


class Fraction:
    __module__ = 'fractions'
    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = super(Fraction, cls).__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            elif isinstance(numerator, (int, Fraction)):
                self._numerator, self._denominator = _ratio(numerator)
                return self
            elif isinstance(numerator, float):
                self._numerator, self._denominator = numerator.as_integer_ratio()  # tb: fractions.py:108
                return self
            elif isinstance(numerator, str):
                parts = _split_literal(numerator)
                if parts is None:
                    raise ValueError('Invalid literal for Fraction: %r' %  # tb: fractions.py:115
                                     numerator)
                sign, num, denom, decimal, exp = parts
                numerator = int(num or '0')
                if denom:
                    denominator = int(denom)
                else:
                    denominator = 1
                    if decimal:
                        decimal = decimal.replace('_', '')
                        scale = 10**len(decimal)
                        numerator = numerator * scale + int(decimal)  # tb: fractions.py:127
                        denominator *= scale
                    if exp:
                        exp = int(exp)
                        if exp >= 0:
                            numerator *= 10 ** exp
                        else:
                            denominator *= 10 ** -exp
                if sign == '-':
                    numerator = -numerator
            else:
                raise TypeError("argument should be a string "  # tb: fractions.py:140
                                "or a Rational instance")
        elif type(numerator) is int is type(denominator):
            pass
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
            na, da = _ratio(numerator)
            nb, db = _ratio(denominator)
            numerator, denominator = na * db, nb * da
        else:
            raise TypeError("both arguments should be "  # tb: fractions.py:153
                            "Rational instances")
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)  # tb: fractions.py:157
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        elif not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" %  # tb: fractions.py:178
                            (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())  # tb: fractions.py:180

    @classmethod
    def from_decimal(cls, dec):
        # no Decimal in the engine: an int is taken as CPython takes it, anything else refused
        if isinstance(dec, int):
            return cls(dec)
        raise TypeError(  # tb: fractions.py:189
            "%s.from_decimal() only takes Decimals, not %r (%s)" %
            (cls.__name__, dec, type(dec).__name__))

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        # the closer of the best lower and upper approximations with a denominator at most
        # max_denominator (convergents and semiconvergents of the continued fraction); on a
        # tie the one with the smaller denominator
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")  # tb: fractions.py:235
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        lower = Fraction(p0 + k * p1, q0 + k * q1)
        upper = Fraction(p1, q1)
        if abs(upper - self) <= abs(lower - self):
            return upper
        return lower

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    @property
    def real(self):
        return +self

    @property
    def imag(self):
        return 0

    def conjugate(self):
        return +self

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    # Each operator is a forward and a reverse method around an exact operation on two
    # rationals; a float on either side turns both into floats.
    def _operator_fallbacks(monomorphic_operator, fallback_operator, name):
        def forward(a, b):
            if isinstance(b, (int, Fraction)):
                return monomorphic_operator(a, b)  # tb: fractions.py:359
            elif isinstance(b, float):
                return fallback_operator(float(a), b)  # tb: fractions.py:361
            return NotImplemented

        def reverse(b, a):
            if isinstance(a, (int, Fraction)):
                return monomorphic_operator(a, b)  # tb: fractions.py:372
            elif isinstance(a, float):
                return fallback_operator(float(a), float(b))  # tb: fractions.py:374
            return NotImplemented
        forward.__name__ = '__%s__' % name
        reverse.__name__ = '__r%s__' % name
        return forward, reverse

    # (Knuth's steps: the gcds keep the numbers small and the result in lowest terms)
    def _add(a, b):
        na, da = _ratio(a)
        nb, db = _ratio(b)
        g = math.gcd(da, db)
        if g == 1:
            return Fraction(na * db + da * nb, da * db, _normalize=False)
        s = da // g
        t = na * (db // g) + nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return Fraction(t, s * db, _normalize=False)
        return Fraction(t // g2, s * (db // g2), _normalize=False)

    __add__, __radd__ = _operator_fallbacks(_add, lambda x, y: x + y, 'add')

    def _sub(a, b):
        na, da = _ratio(a)
        nb, db = _ratio(b)
        g = math.gcd(da, db)
        if g == 1:
            return Fraction(na * db - da * nb, da * db, _normalize=False)
        s = da // g
        t = na * (db // g) - nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return Fraction(t, s * db, _normalize=False)
        return Fraction(t // g2, s * (db // g2), _normalize=False)

    __sub__, __rsub__ = _operator_fallbacks(_sub, lambda x, y: x - y, 'sub')

    def _mul(a, b):
        na, da = _ratio(a)
        nb, db = _ratio(b)
        g1 = math.gcd(na, db)
        if g1 > 1:
            na //= g1
            db //= g1
        g2 = math.gcd(nb, da)
        if g2 > 1:
            nb //= g2
            da //= g2
        return Fraction(na * nb, db * da, _normalize=False)

    __mul__, __rmul__ = _operator_fallbacks(_mul, lambda x, y: x * y, 'mul')

    def _div(a, b):
        na, da = _ratio(a)
        nb, db = _ratio(b)
        g1 = math.gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = math.gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        n, d = na * db, nb * da
        if d < 0:
            n, d = -n, -d
        return Fraction(n, d, _normalize=False)  # tb: fractions.py:516

    __truediv__, __rtruediv__ = _operator_fallbacks(_div, lambda x, y: x / y, 'truediv')

    def _floordiv(a, b):
        a, b = Fraction(a), Fraction(b)  # (an int operand as a Fraction: a bool has no .numerator)
        return (a.numerator * b.denominator) // (a.denominator * b.numerator)  # tb: fractions.py:522

    __floordiv__, __rfloordiv__ = _operator_fallbacks(_floordiv, lambda x, y: x // y, 'floordiv')

    def _divmod(a, b):
        a, b = Fraction(a), Fraction(b)
        da, db = a.denominator, b.denominator
        div, n_mod = divmod(a.numerator * db, da * b.numerator)  # tb: fractions.py:529
        return div, Fraction(n_mod, da * db)

    __divmod__, __rdivmod__ = _operator_fallbacks(_divmod, divmod, 'divmod')

    def _mod(a, b):
        a, b = Fraction(a), Fraction(b)
        da, db = a.denominator, b.denominator
        return Fraction((a.numerator * db) % (b.numerator * da), da * db)  # tb: fractions.py:537

    __mod__, __rmod__ = _operator_fallbacks(_mod, lambda x, y: x % y, 'mod')

    def __pow__(a, b):
        # an integral power stays exact; any other gives a float
        if isinstance(b, (int, Fraction)):
            nb, db = _ratio(b)
            if db == 1:
                power = nb
                if power >= 0:
                    return Fraction(a._numerator ** power, a._denominator ** power, _normalize=False)
                elif a._numerator >= 0:
                    return Fraction(a._denominator ** -power,  # tb: fractions.py:557
                                    a._numerator ** -power, _normalize=False)
                else:
                    return Fraction((-a._denominator) ** -power,  # tb: fractions.py:561
                                    (-a._numerator) ** -power, _normalize=False)
            else:
                return float(a) ** float(b)  # tb: fractions.py:567
        else:
            return float(a) ** b  # tb: fractions.py:569

    def __rpow__(b, a):
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator  # tb: fractions.py:575
        if isinstance(a, (int, Fraction)):
            if type(a) is bool:
                a = int(a)
            return Fraction(a.numerator, a.denominator) ** b  # tb: fractions.py:578
        if b._denominator == 1:
            return a ** b._numerator  # tb: fractions.py:581
        return a ** float(b)  # tb: fractions.py:583

    def __pos__(a):
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    __trunc__ = __int__

    def __float__(self):
        return self._numerator / self._denominator

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        # half to even
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            twice = remainder * 2
            if twice < self._denominator or (twice == self._denominator and floor % 2 == 0):
                return floor
            return floor + 1
        shift = 10**abs(ndigits)  # tb: fractions.py:636
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        # CPython's numeric hash: |n| * inverse(d) modulo 2**61 - 1, with the sign of n
        try:
            dinv = pow(self._denominator, -1, _MODULUS)
        except ValueError:
            h = _HASH_INF
        else:
            h = hash(hash(abs(self._numerator)) * dinv)
        h = h if self._numerator >= 0 else -h
        return -2 if h == -1 else h

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, (int, Fraction)):
            return (a._numerator, a._denominator) == _ratio(b)
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                # any finite value compares with them as 0 would
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        if isinstance(other, (int, Fraction)):
            n, d = _ratio(other)
            return op(self._numerator * d, self._denominator * n)
        if isinstance(other, float):
            if math.isnan(other):
                return False  # as op(0.0, nan) is (the engine cannot order a NaN)
            if math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        if type(b) is Fraction:
            return a._numerator * b._denominator < a._denominator * b._numerator
        return a._richcmp(b, _lt)

    def __gt__(a, b):
        if type(b) is Fraction:
            return a._numerator * b._denominator > a._denominator * b._numerator
        return a._richcmp(b, _gt)

    def __le__(a, b):
        if type(b) is Fraction:
            return a._numerator * b._denominator <= a._denominator * b._numerator
        return a._richcmp(b, _le)

    def __ge__(a, b):
        if type(b) is Fraction:
            return a._numerator * b._denominator >= a._denominator * b._numerator
        return a._richcmp(b, _ge)

    def __bool__(a):
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)


def _lt(x, y):
    return x < y


def _gt(x, y):
    return x > y


def _le(x, y):
    return x <= y


def _ge(x, y):
    return x >= y
