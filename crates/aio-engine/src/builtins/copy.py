# The `copy` module: CPython 3.11.7's Lib/copy.py, written fresh to its documented behaviour.
# Parsed and run on the first `import copy`. copy() and deepcopy() take the same steps as
# CPython's (the memo, _keep_alive, _reconstruct), so cycles, shared parts and the memo come out
# the same; the statements marked `# tb:` show as copy.py's lines in tracebacks.
# The engine has no __reduce_ex__: what CPython's object.__reduce_ex__(4) and copyreg give is
# worked out here (an instance: a new object of its class, its __getstate__() or __dict__;
# an exception: its class called with its args; a set: set(list(x)); a bound method:
# getattr(obj, name)). An object without a __dict__ is "cannot pickle". The engine has no
# object.__new__: the new instance comes from calling its class with __init__ set aside.
# A class's own __reduce__ is used; a subclass of tuple is made again by its __new__ with its
# __getnewargs__() (or its items), and a subclass of list or dict gets its items back after
# its state, as copyreg's __reduce_ex__(2) does.
# Left out: __reduce_ex__ defined by a class, __getnewargs_ex__, copyreg's dispatch_table,
# __slots__ state.
import sys

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error


def copy(x):
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)  # tb: copy.py:76
    if issubclass(cls, type):
        return _copy_immutable(x)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)  # tb: copy.py:84
    reductor = _reductor(x)
    rv = reductor(4)  # tb: copy.py:92
    return _reconstruct(x, None, *rv)  # tb: copy.py:102


_copy_dispatch = d = {}


def _copy_immutable(x):
    return x


for t in (type(None), int, float, bool, str, tuple, frozenset, type, range, slice, property,
          type(len), type(...), type(NotImplemented), type(_copy_immutable)):
    d[t] = _copy_immutable
# after frozenset: the engine's frozenset is set
d[list] = lambda x: x.copy()
d[dict] = lambda x: x.copy()
d[set] = lambda x: x.copy()
d[bytes] = _copy_immutable
d[bytearray] = lambda x: x.copy()
del d, t


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)  # tb: copy.py:146
    elif issubclass(cls, type):
        y = _deepcopy_atomic(x, memo)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)  # tb: copy.py:153
        else:
            reductor = _reductor(x)
            rv = reductor(4)  # tb: copy.py:161
            y = _reconstruct(x, memo, *rv)  # tb: copy.py:172
    # an object that is its own copy is not memoized (id(): the engine's `is` can be False for
    # an int or a float and itself)
    if id(y) != id(x):
        memo[d] = y
        _keep_alive(x, memo)
    return y


_deepcopy_dispatch = d = {}


def _deepcopy_atomic(x, memo):
    return x


for t in (type(None), type(...), type(NotImplemented), int, float, bool, str, type, range,
          type(len), type(_deepcopy_atomic), property):
    d[t] = _deepcopy_atomic
d[bytes] = _deepcopy_atomic


def _deepcopy_bytearray(x, memo):
    y = memo[id(x)] = x.copy()
    return y


d[bytearray] = _deepcopy_bytearray


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))  # tb: copy.py:206
    return y


d[list] = _deepcopy_list


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]  # tb: copy.py:211
    # a tuple is not memoized, but it may hold a list that holds it: that copy has made one
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if id(k) != id(j):
            return tuple(y)
    return x


d[tuple] = _deepcopy_tuple


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)  # tb: copy.py:231
    return y


d[dict] = _deepcopy_dict


class _C:
    def _m(self):
        pass


_MethodType = type(_C()._m)


def _deepcopy_method(x, memo):
    # CPython makes type(x)(x.__func__, deepcopy(x.__self__, memo)); the engine cannot
    return getattr(deepcopy(x.__self__, memo), x.__func__.__name__)  # tb: copy.py:238 return type(x)(x.__func__, deepcopy(x.__self__, memo))


d[_MethodType] = _deepcopy_method
del d, t


def _keep_alive(x, memo):
    # the memo is keyed by id(): keep x alive as long as the memo, in a list at id(memo)
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _new(cls):
    # copyreg.__newobj__: a new object of the class, its __init__ not called
    if hasattr(object, '__new__'):
        return cls.__new__(cls)
    # the engine has no __new__: call the class with its __init__ out of the way
    own = cls.__dict__.get('__init__', _new)
    cls.__init__ = _no_init
    try:
        return cls()
    finally:
        if own is _new:
            del cls.__init__
        else:
            cls.__init__ = own


def _no_init(self, *args, **kwargs):
    pass


def _reductor(x):
    # what stands for x.__reduce_ex__: called with 4, it gives (callable, args[, state])
    return lambda protocol: _reduce_ex(x)


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _reduce_ex(x):
    cls = type(x)
    reduce = getattr(cls, '__reduce__', None)
    if reduce is not None:
        return reduce(x)
    if isinstance(x, tuple) and cls is not tuple:
        getnewargs = getattr(x, '__getnewargs__', None)
        args = getnewargs() if getnewargs is not None else (tuple(x),)
        return (_newobj, (cls,) + tuple(args), getattr(x, '__dict__', None) or None)
    if isinstance(x, (list, dict)) and cls is not list and cls is not dict:
        return (_new, (cls,), x.__dict__ or None,
                iter(x) if isinstance(x, list) else None,
                iter(x.items()) if isinstance(x, dict) else None)
    if cls is set or cls is frozenset:
        return (cls, (list(x),), None)
    if cls is slice:
        return (slice, (x.start, x.stop, x.step))
    if cls is _MethodType:
        return (getattr, (x.__self__, x.__func__.__name__))
    if isinstance(x, BaseException):
        return (cls, x.args, x.__dict__ or None)
    if not hasattr(x, '__dict__') or cls is type(sys):
        name = cls.__name__
        if name in ('Task', 'Future') and cls.__module__ == 'asyncio':
            name = '_asyncio.' + name
        raise TypeError(f'cannot pickle {name!r} object')
    getstate = getattr(x, '__getstate__', None)
    return (_new, (cls,), getstate() if getstate is not None else x.__dict__ or None)


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = (deepcopy(arg, memo) for arg in args)  # tb: copy.py:264
    y = func(*args)  # tb: copy.py:265
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)  # tb: copy.py:271
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)  # tb: copy.py:273
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)  # tb: copy.py:280
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            if deep:
                item = deepcopy(item, memo)
            y.append(item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y
