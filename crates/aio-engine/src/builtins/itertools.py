# The `itertools` module: what learners use of CPython 3.11.7's C module itertools, written fresh
# to its documented behaviour and messages. Parsed and run on the first `import itertools` only.
# Every tool is a class with __iter__/__next__, as in CPython: its repr is CPython's
# (`count(5)`, `repeat('a', 2)`, `<itertools.chain object at 0x...>`) and it checks its
# arguments when called, not on the first next(). product, permutations, combinations and
# combinations_with_replacement draw from a generator inside (their order is CPython's).
# Left out: batched (3.12), pickling (__reduce__/__setstate__), __length_hint__, tee's
# "cannot re-enter the tee iterator" and the messages for a wrong number of arguments (except
# islice's).

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement', 'compress',
           'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee', 'zip_longest']


def _index(value):
    # what CPython's 'n' argument converter does (operator.index)
    if isinstance(value, int):
        return int(value)
    method = getattr(type(value), '__index__', None)
    if method is None:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return method(value)


def _same(a, b):
    # CPython's PyObject_RichCompareBool(a, b, Py_EQ): identity first. The engine's floats lose
    # their identity in a list or an attribute, so a NaN counts as itself.
    return a is b or a == b or (type(a) is float and type(b) is float and a != a and b != b)


class _Iterator:
    def __iter__(self):
        return self


class count(_Iterator):
    def __init__(self, start=0, step=1):
        for n in (start, step):
            if not isinstance(n, (int, float)) and not any(
                    hasattr(type(n), m) for m in ('__index__', '__int__', '__float__', '__complex__')):
                raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if isinstance(self._step, int) and self._step == 1:
            return f'{type(self).__name__}({self._n!r})'
        return f'{type(self).__name__}({self._n!r}, {self._step!r})'


class cycle(_Iterator):
    def __init__(self, iterable, /):
        self._it = iter(iterable)
        self._saved = []
        self._i = 0

    def __next__(self):
        if self._it is not None:
            for x in self._it:
                self._saved.append(x)
                return x
            self._it = None
        if not self._saved:
            raise StopIteration
        x = self._saved[self._i]
        self._i = (self._i + 1) % len(self._saved)
        return x


_NO_TIMES = object()


class repeat(_Iterator):
    def __init__(self, object, times=_NO_TIMES):
        self._object = object
        self._left = None if times is _NO_TIMES else max(_index(times), 0)

    def __next__(self):
        if self._left is None:
            return self._object
        if self._left == 0:
            raise StopIteration
        self._left -= 1
        return self._object

    def __repr__(self):
        if self._left is None:
            return f'{type(self).__name__}({self._object!r})'
        return f'{type(self).__name__}({self._object!r}, {self._left})'


_NO_TOTAL = object()


class accumulate(_Iterator):
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = _NO_TOTAL
        self._initial = initial

    def __next__(self):
        if self._initial is not None:
            self._total, self._initial = self._initial, None
            return self._total
        x = next(self._it)
        if self._total is _NO_TOTAL:
            self._total = x
        elif self._func is None:
            self._total = self._total + x
        else:
            self._total = self._func(self._total, x)
        return self._total


class chain(_Iterator):
    def __init__(self, *iterables):
        self._source = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable, /):
        self = cls()
        self._source = iter(iterable)
        return self

    def __next__(self):
        while self._source is not None:
            if self._active is None:
                for iterable in self._source:
                    try:
                        self._active = iter(iterable)
                    except BaseException:
                        self._source = None  # a chain ends at an input that is not iterable
                        raise
                    break
                else:
                    self._source = None
                    break
            for x in self._active:
                return x
            self._active = None
        raise StopIteration


class compress(_Iterator):
    def __init__(self, data, selectors):
        self._data = iter(data)
        self._selectors = iter(selectors)

    def __next__(self):
        while True:
            datum = next(self._data)
            if next(self._selectors):
                return datum


class dropwhile(_Iterator):
    def __init__(self, predicate, iterable, /):
        self._pred = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __next__(self):
        while True:
            x = next(self._it)
            if not self._dropping:
                return x
            if not self._pred(x):
                self._dropping = False
                return x


class takewhile(_Iterator):
    def __init__(self, predicate, iterable, /):
        self._pred = predicate
        self._it = iter(iterable)
        self._stopped = False

    def __next__(self):
        if self._stopped:
            raise StopIteration
        x = next(self._it)
        if self._pred(x):
            return x
        self._stopped = True
        raise StopIteration


class filterfalse(_Iterator):
    def __init__(self, function, iterable, /):
        self._func = function
        self._it = iter(iterable)

    def __next__(self):
        while True:
            x = next(self._it)
            if not (x if self._func is None or self._func is bool else self._func(x)):
                return x


class groupby(_Iterator):
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = self._currkey = self._currvalue = _NO_TOTAL
        self._grouper = None

    def _step(self):
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value
        self._currkey = key

    def __next__(self):
        self._grouper = None
        # skip to the next group
        while True:
            if self._currkey is _NO_TOTAL:
                pass
            elif self._tgtkey is _NO_TOTAL or not _same(self._tgtkey, self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        self._grouper = _grouper(self, self._tgtkey)
        return (self._currkey, self._grouper)


class _grouper(_Iterator):
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __next__(self):
        gb = self._parent
        if gb._grouper is not self:
            raise StopIteration
        if gb._currvalue is _NO_TOTAL:
            gb._step()
        if not _same(self._tgtkey, gb._currkey):
            raise StopIteration
        value = gb._currvalue
        gb._currvalue = gb._currkey = _NO_TOTAL
        return value


def _ssize(value):
    # an islice argument as CPython reads it: -1 when it is not an integer
    try:
        return _index(value)
    except Exception:
        return -1


class islice(_Iterator):
    def __init__(self, *args, **kwargs):
        if kwargs:
            raise TypeError('islice() takes no keyword arguments')
        if len(args) < 2:
            raise TypeError(f'islice expected at least 2 arguments, got {len(args)}')
        if len(args) > 4:
            raise TypeError(f'islice expected at most 4 arguments, got {len(args)}')
        iterable, start, stop, step = args[0], 0, -1, 1
        if len(args) == 2:
            args = (iterable, None) + args[1:]
        if args[1] is not None:
            start = _ssize(args[1])
        if args[2] is not None:
            stop = _ssize(args[2])
            if stop == -1:
                raise ValueError('Stop argument for islice() must be None or an integer: '
                                 '0 <= x <= sys.maxsize.')
        if start < 0 or stop < -1:
            raise ValueError('Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
        if len(args) == 4 and args[3] is not None:
            step = _ssize(args[3])
        if step < 1:
            raise ValueError('Step for islice() must be a positive integer or None.')
        self._it = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._count = 0

    def __next__(self):
        it = self._it
        if it is not None:
            while self._count < self._next:
                for _ in it:
                    break
                else:
                    self._it = None
                    raise StopIteration
                self._count += 1
            if self._stop == -1 or self._count < self._stop:
                for x in it:
                    self._count += 1
                    self._next += self._step
                    if self._stop != -1 and self._next > self._stop:
                        self._next = self._stop
                    return x
            self._it = None
        raise StopIteration


class starmap(_Iterator):
    def __init__(self, function, iterable, /):
        self._func = function
        self._it = iter(iterable)

    def __next__(self):
        args = next(self._it)
        if type(args) is not tuple:
            args = tuple(args)
        return self._func(*args)


class _tee(_Iterator):
    # the tees of one iterator share a chain of links [value, next link]; each keeps its place
    def __init__(self, iterable, /):
        it = iter(iterable)
        if isinstance(it, _tee):
            self._it, self._link = it._it, it._link
        else:
            self._it, self._link = it, [None, None]

    def __next__(self):
        link = self._link
        if link[1] is None:
            link[0] = next(self._it)
            link[1] = [None, None]
        self._link = link[1]
        return link[0]

    def __copy__(self):
        return _tee(self)


def tee(iterable, n=2, /):
    n = _index(n)
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    copy = getattr(it, '__copy__', None)
    first = it if copy is not None else _tee(it)
    copy = first.__copy__
    return (first,) + tuple(copy() for _ in range(1, n))


class zip_longest(_Iterator):
    def __init__(self, *iterables, **kwargs):
        if any(name != 'fillvalue' for name in kwargs):
            raise TypeError('zip_longest() got an unexpected keyword argument')
        self._its = [iter(it) for it in iterables]
        self._active = len(self._its)
        self._fill = kwargs.get('fillvalue')

    def __next__(self):
        if not self._active:
            raise StopIteration
        result = []
        for i, it in enumerate(self._its):
            if it is not None:
                for x in it:
                    result.append(x)
                    break
                else:
                    self._active -= 1
                    if not self._active:
                        raise StopIteration
                    self._its[i] = None
                    result.append(self._fill)
            else:
                result.append(self._fill)
        return tuple(result)


class pairwise(_Iterator):
    def __init__(self, iterable, /):
        self._it = iter(iterable)
        self._old = _NO_TOTAL

    def __next__(self):
        it = self._it
        if it is not None:
            old = self._old
            if old is _NO_TOTAL:
                for old in it:
                    self._old = old
                    break
            if old is not _NO_TOTAL:
                for new in it:
                    self._old = new
                    return (old, new)
            self._it = None
            self._old = _NO_TOTAL
        raise StopIteration


class _Combinatoric(_Iterator):
    def __next__(self):
        return next(self._gen)


def _product(pools):
    if not all(pools):
        return
    indices = [0] * len(pools)
    while True:
        yield tuple(pool[i] for pool, i in zip(pools, indices))
        # the odometer: the rightmost wheel turns first
        k = len(pools) - 1
        while k >= 0 and indices[k] == len(pools[k]) - 1:
            indices[k] = 0
            k -= 1
        if k < 0:
            return
        indices[k] += 1


class product(_Combinatoric):
    def __init__(self, *iterables, **kwargs):
        repeat = 1
        for name, value in kwargs.items():
            if name != 'repeat':
                raise TypeError(f'{name!r} is an invalid keyword argument for product()')
            repeat = _index(value)
            if repeat < 0:
                raise ValueError('repeat argument cannot be negative')
        self._gen = _product([tuple(it) for it in iterables] * repeat)


def _permutations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in range(r - 1, -1, -1):
            cycles[i] -= 1
            if cycles[i] == 0:
                # move indices[i] to the end, restart its countdown
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = n - cycles[i]
                indices[i], indices[j] = indices[j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


class permutations(_Combinatoric):
    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        if r is None:
            r = len(pool)
        elif not isinstance(r, int):
            raise TypeError('Expected int as r')
        if r < 0:
            raise ValueError('r must be non-negative')
        self._gen = _permutations(pool, int(r))


def _combinations(pool, r, again):
    # again: an item may be drawn again (combinations_with_replacement)
    n = len(pool)
    if (not n and r) if again else r > n:
        return
    indices = [0] * r if again else list(range(r))
    while True:
        yield tuple(pool[i] for i in indices)
        # the rightmost index that can still move up
        i = r - 1
        while i >= 0 and indices[i] == (n - 1 if again else i + n - r):
            i -= 1
        if i < 0:
            return
        if again:
            indices[i:] = [indices[i] + 1] * (r - i)
        else:
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1


class combinations(_Combinatoric):
    def __init__(self, iterable, r):
        r = _index(r)
        pool = tuple(iterable)
        if r < 0:
            raise ValueError('r must be non-negative')
        self._gen = _combinations(pool, r, False)


class combinations_with_replacement(_Combinatoric):
    def __init__(self, iterable, r):
        r = _index(r)
        pool = tuple(iterable)
        if r < 0:
            raise ValueError('r must be non-negative')
        self._gen = _combinations(pool, r, True)
