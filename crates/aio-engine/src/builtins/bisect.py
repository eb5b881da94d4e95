# The `bisect` module: CPython 3.11.7's Lib/bisect.py and its C half _bisect, written fresh to
# their documented behaviour and messages. Parsed and run on the first `import bisect`.
# The searches make CPython's comparisons in CPython's order (x < a[mid] for the right
# functions, a[mid] < x for the left ones; the key applies to a[mid] only, not to x).

__all__ = ['bisect', 'bisect_left', 'bisect_right', 'insort', 'insort_left', 'insort_right']


def _bounds(a, lo, hi):
    if not isinstance(lo, int):
        lo = _index(lo)
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is None:
        return lo, len(a)
    if not isinstance(hi, int):
        if not hasattr(type(hi), '__index__'):
            raise TypeError(f"argument should be integer or None, not '{type(hi).__name__}'")
        hi = _index(hi)
    return lo, len(a) if hi == -1 else hi


def _index(value):
    method = getattr(type(value), '__index__', None)
    if method is None:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return method(value)


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    lo, hi = _bounds(a, lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < (a[mid] if key is None else key(a[mid])):
            hi = mid
        else:
            lo = mid + 1
    return lo


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    lo, hi = _bounds(a, lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        if (a[mid] if key is None else key(a[mid])) < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def insort_right(a, x, lo=0, hi=None, *, key=None):
    a.insert(bisect_right(a, x if key is None else key(x), lo, hi, key=key), x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    a.insert(bisect_left(a, x if key is None else key(x), lo, hi, key=key), x)


bisect = bisect_right
insort = insort_right
