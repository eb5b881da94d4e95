# The `collections.abc` module: CPython 3.11.7's Lib/_collections_abc.py, written fresh to its
# documented behaviour. Parsed and run on the first `import collections.abc`.
# The engine has no metaclasses, so no ABCMeta: each ABC carries ABCMeta's work as classmethods
# (__instancecheck__, __subclasscheck__, register), which isinstance() and issubclass() call.
# The structural checks are CPython's __subclasshook__s: a class is an Iterable when it or a
# base defines __iter__ (not as None), and so on. The engine's built-in types have no
# __dict__ to look in, so what they define is written down below, as CPython has it, and so are
# CPython's registrations (list is a MutableSequence, dict a MutableMapping, ...).
# The mixin methods (Sequence.index, Mapping.get, MutableMapping.update, Set.__and__...) are
# CPython's. X[int] gives CPython's alias (`collections.abc.Iterable[int]`) when the engine
# can subclass it (__mro_entries__), else the class itself, so `class C(Iterator[int])` works.
# Left out: the refusal to instantiate a class with abstract methods (and so the abstract
# methods' default bodies), Buffer (3.12), Set._hash (it needs big integers), the
# ABC caches; a class registered with a user's subclass of an ABC counts for that subclass only.
import asyncio
import sys

__all__ = ['Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator',
           'Hashable', 'Iterable', 'Iterator', 'Generator', 'Reversible', 'Sized', 'Container',
           'Callable', 'Collection', 'Set', 'MutableSet', 'Mapping', 'MutableMapping',
           'MappingView', 'KeysView', 'ItemsView', 'ValuesView', 'Sequence', 'MutableSequence',
           'ByteString']


# --- what the engine's built-in types define, as CPython's do

def _function():
    pass


async def _coroutine():
    pass


def _generator():
    yield


async def _async_generator():
    yield


class _C:
    def _method(self):
        pass


_coro = _coroutine()
_coroutine_type = type(_coro)
_coro.close()
del _coro
_generator_type = type(_generator())
_async_generator_type = type(_async_generator())
_dict_keys = type({}.keys())
_dict_values = type({}.values())
_dict_items = type({}.items())
_view_type = None
if _dict_keys is _dict_values:
    # the engine has one type for the three views: stand-ins, picked by a view's repr
    _view_type = _dict_keys

    class _dict_keys:
        pass

    class _dict_values:
        pass

    class _dict_items:
        pass

    _views = {'dict_keys': _dict_keys, 'dict_values': _dict_values, 'dict_items': _dict_items}

_NATIVE = {}
for _types, _names in [
        ((object,), '__hash__'),
        ((str, tuple, frozenset, bytes), '__hash__ __iter__ __len__ __contains__'),
        ((bytearray,), '__iter__ __len__ __contains__'),
        ((list, dict, _dict_keys, _dict_items), '__iter__ __reversed__ __len__ __contains__'),
        ((set,), '__iter__ __len__ __contains__'),  # after frozenset: the engine's frozenset is set
        ((range,), '__hash__ __iter__ __reversed__ __len__ __contains__'),
        ((_dict_values,), '__hash__ __iter__ __reversed__ __len__'),
        ((slice,), ''),
        ((type, type(len), type(_function), type(_C()._method)), '__hash__ __call__'),
        ((_coroutine_type,), '__hash__ __await__ send throw close'),
        ((_generator_type,), '__hash__ __iter__ __next__ send throw close'),
        ((_async_generator_type,), '__hash__ __aiter__ __anext__ asend athrow aclose'),
        ((asyncio.Future, asyncio.Task), '__hash__ __await__ __iter__'),
        ((type(iter([])), type(iter(())), type(iter('')), type(iter({})), type(iter(set())),
          type(iter(range(0))), type(reversed([])), zip, map, filter, enumerate, reversed),
         '__hash__ __iter__ __next__')]:
    for _t in _types:
        _NATIVE[_t] = _names.split()
del _types, _names, _t


def _check_methods(C, *methods):
    # True when C or a base defines each method, not as None; NotImplemented when not
    for method in methods:
        for B in C.__mro__:
            names = _NATIVE.get(B)
            if names is not None:
                if method not in names:
                    return NotImplemented
                break
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


# --- ABCMeta's work

_hooks = {}     # ABC: the methods of its __subclasshook__
_registry = {}  # ABC: the classes registered with it


def _issubclass(C, cls):
    check = getattr(cls, '__subclasscheck__', None)
    return check(C) if check is not None else issubclass(C, cls)


def _subclasscheck(cls, subclass):
    if not isinstance(subclass, type):
        raise TypeError('issubclass() arg 1 must be a class')
    methods = _hooks.get(cls)
    if methods is not None and _check_methods(subclass, *methods) is True:
        return True
    if cls in subclass.__mro__:
        return True
    # registered with cls or with one of its subclasses
    for abc, classes in _registry.items():
        if abc is cls or cls in abc.__mro__:
            for rcls in classes:
                if _issubclass(subclass, rcls):
                    return True
    return False


def _instancecheck(cls, instance):
    C = type(instance)
    if C is _view_type:
        C = _views[repr(instance).partition('(')[0]]
    return _subclasscheck(cls, C)


def _register(cls, subclass):
    if not isinstance(subclass, type):
        raise TypeError('Can only register classes')
    if _issubclass(subclass, cls):
        return subclass  # already a subclass
    if _issubclass(cls, subclass):
        raise RuntimeError('Refusing to create an inheritance cycle')
    _registry.setdefault(cls, []).append(subclass)
    return subclass


def _isinstance(obj, cls):
    return _instancecheck(cls, obj)


def _type_repr(obj):
    if isinstance(obj, (_GenericAlias, type(list[int]))):
        return repr(obj)
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, type(_function)):
        return obj.__name__
    return repr(obj)


class _GenericAlias:
    # what types.GenericAlias(origin, args) gives: Iterable[int]
    def __init__(self, origin, args):
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)

    def __repr__(self):
        return f"{_type_repr(self.__origin__)}[{', '.join(_type_repr(a) for a in self.__args__) or '()'}]"

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class _CallableGenericAlias(_GenericAlias):
    def __init__(self, origin, args):
        if not (isinstance(args, tuple) and len(args) == 2):
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        t_args, t_result = args
        if isinstance(t_args, (tuple, list)):
            args = (*t_args, t_result)
        elif t_args is not ... and not isinstance(t_args, list):
            raise TypeError(f'Expected a list of types, an ellipsis, ParamSpec, or Concatenate. Got {t_args}')
        super().__init__(origin, args)

    def __repr__(self):
        if len(self.__args__) == 2 and self.__args__[0] is ...:
            return super().__repr__()
        return (f"collections.abc.Callable[[{', '.join(_type_repr(a) for a in self.__args__[:-1])}], "
                f'{_type_repr(self.__args__[-1])}]')


def _subclassable(alias):
    try:
        class _Probe(alias):
            pass
    except TypeError:
        return False
    return True


_aliases = _subclassable(_GenericAlias(_C, int))


def _class_getitem(cls, params):
    if not _aliases:
        return cls  # the engine cannot subclass an alias: give the class
    return (_CallableGenericAlias if cls is Callable else _GenericAlias)(cls, params)


# the classmethods each ABC without a base ABC carries
_abc_methods = dict(__instancecheck__=classmethod(_instancecheck),
                    __subclasscheck__=classmethod(_subclasscheck),
                    register=classmethod(_register))


# --- the ABCs

class Hashable:
    __instancecheck__ = _abc_methods['__instancecheck__']
    __subclasscheck__ = _abc_methods['__subclasscheck__']
    register = _abc_methods['register']


class Awaitable:
    __instancecheck__ = _abc_methods['__instancecheck__']
    __subclasscheck__ = _abc_methods['__subclasscheck__']
    register = _abc_methods['register']
    __class_getitem__ = classmethod(_class_getitem)


class Coroutine(Awaitable):
    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError('coroutine ignored GeneratorExit')


class AsyncIterable:
    __instancecheck__ = _abc_methods['__instancecheck__']
    __subclasscheck__ = _abc_methods['__subclasscheck__']
    register = _abc_methods['register']
    __class_getitem__ = classmethod(_class_getitem)


class AsyncIterator(AsyncIterable):
    def __aiter__(self):
        return self


class AsyncGenerator(AsyncIterator):
    async def __anext__(self):
        return await self.asend(None)

    async def aclose(self):
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, StopAsyncIteration):
            pass
        else:
            raise RuntimeError('asynchronous generator ignored GeneratorExit')


class Iterable:
    __instancecheck__ = _abc_methods['__instancecheck__']
    __subclasscheck__ = _abc_methods['__subclasscheck__']
    register = _abc_methods['register']
    __class_getitem__ = classmethod(_class_getitem)


class Iterator(Iterable):
    def __iter__(self):
        return self


class Reversible(Iterable):
    pass


class Generator(Iterator):
    def __next__(self):
        return self.send(None)

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError('generator ignored GeneratorExit')


class Sized:
    __instancecheck__ = _abc_methods['__instancecheck__']
    __subclasscheck__ = _abc_methods['__subclasscheck__']
    register = _abc_methods['register']


class Container:
    __instancecheck__ = _abc_methods['__instancecheck__']
    __subclasscheck__ = _abc_methods['__subclasscheck__']
    register = _abc_methods['register']
    __class_getitem__ = classmethod(_class_getitem)


class Collection(Sized, Iterable, Container):
    pass


class Callable:
    __instancecheck__ = _abc_methods['__instancecheck__']
    __subclasscheck__ = _abc_methods['__subclasscheck__']
    register = _abc_methods['register']
    __class_getitem__ = classmethod(_class_getitem)


class Set(Collection):
    def __le__(self, other):
        if not _isinstance(other, Set):
            return NotImplemented
        if len(self) > len(other):
            return False
        for elem in self:
            if elem not in other:
                return False
        return True

    def __lt__(self, other):
        if not _isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not _isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if not _isinstance(other, Set):
            return NotImplemented
        if len(self) < len(other):
            return False
        for elem in other:
            if elem not in self:
                return False
        return True

    def __eq__(self, other):
        if not _isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def __and__(self, other):
        if not _isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(value for value in other if value in self)

    __rand__ = __and__

    def isdisjoint(self, other):
        for value in other:
            if value in self:
                return False
        return True

    def __or__(self, other):
        if not _isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(e for s in (self, other) for e in s)

    __ror__ = __or__

    def _as_set(self, other):
        if _isinstance(other, Set):
            return other
        if not _isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(other)

    def __sub__(self, other):
        other = self._as_set(other)
        if other is NotImplemented:
            return NotImplemented
        return self._from_iterable(value for value in self if value not in other)

    def __rsub__(self, other):
        other = self._as_set(other)
        if other is NotImplemented:
            return NotImplemented
        return self._from_iterable(value for value in other if value not in self)

    def __xor__(self, other):
        other = self._as_set(other)
        if other is NotImplemented:
            return NotImplemented
        return (self - other) | (other - self)

    __rxor__ = __xor__


class MutableSet(Set):
    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        it = iter(self)
        try:
            value = next(it)
        except StopIteration:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
        try:
            while True:
                self.pop()
        except KeyError:
            pass

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in (self - it):
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
        else:
            if not _isinstance(it, Set):
                it = self._from_iterable(it)
            for value in it:
                if value in self:
                    self.discard(value)
                else:
                    self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
        else:
            for value in it:
                self.discard(value)
        return self


class Mapping(Collection):
    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        if not _isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __reversed__ = None


class MappingView(Sized):
    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f'{type(self).__name__}({self._mapping!r})'

    __class_getitem__ = classmethod(_class_getitem)


class KeysView(MappingView, Set):
    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):
    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


class ValuesView(MappingView, Collection):
    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


_MARKER = object()


class MutableMapping(Mapping):
    def pop(self, key, default=_MARKER):
        try:
            value = self[key]
        except KeyError:
            if default is _MARKER:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), /, **kwds):
        if _isinstance(other, Mapping):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


class Sequence(Reversible, Collection):
    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value, start=0, stop=None):
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        return sum(1 for v in self if v is value or v == value)


class ByteString(Sequence):
    pass


class MutableSequence(Sequence):
    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


_hooks.update({
    Hashable: ('__hash__',), Awaitable: ('__await__',),
    Coroutine: ('__await__', 'send', 'throw', 'close'), AsyncIterable: ('__aiter__',),
    AsyncIterator: ('__anext__', '__aiter__'),
    AsyncGenerator: ('__aiter__', '__anext__', 'asend', 'athrow', 'aclose'),
    Iterable: ('__iter__',), Iterator: ('__iter__', '__next__'),
    Reversible: ('__reversed__', '__iter__'),
    Generator: ('__iter__', '__next__', 'send', 'throw', 'close'), Sized: ('__len__',),
    Container: ('__contains__',), Collection: ('__len__', '__iter__', '__contains__'),
    Callable: ('__call__',)})
_registry.update({
    Coroutine: [_coroutine_type], AsyncGenerator: [_async_generator_type], Generator: [_generator_type],
    Set: [frozenset], MutableSet: [set], MutableMapping: [dict],
    Sequence: [tuple, str, range], MutableSequence: [list, bytearray],
    ByteString: [bytes, bytearray],
    KeysView: [_dict_keys], ItemsView: [_dict_items], ValuesView: [_dict_values]})
