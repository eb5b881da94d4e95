# The `types` module: CPython 3.11.7's Lib/types.py (and the C types it names), written fresh to
# their documented behaviour and messages. Parsed and run on the first `import types`.
# The type names are the engine's own types, taken from a sample of each made here, so
# `type(f) is types.FunctionType` holds. SimpleNamespace and MappingProxyType are classes with
# CPython's reprs, equality and messages (3.11: SimpleNamespace takes keywords only).
# Left out: CodeType, FrameType, TracebackType, CellType and the descriptor types (the engine
# has no such objects to sample), new_class/prepare_class/resolve_bases (no __prepare__),
# DynamicClassAttribute, and the `coroutine` decorator.
import sys

__all__ = ['FunctionType', 'LambdaType', 'MappingProxyType', 'SimpleNamespace', 'GeneratorType',
           'CoroutineType', 'AsyncGeneratorType', 'MethodType', 'BuiltinFunctionType',
           'BuiltinMethodType', 'ModuleType', 'GenericAlias', 'UnionType', 'EllipsisType',
           'NoneType', 'NotImplementedType']


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)  # the same type: a lambda is a function


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_co = _c()
CoroutineType = type(_co)
_co.close()  # never awaited: closed so it does not warn


async def _ag():
    yield 1


AsyncGeneratorType = type(_ag())


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)  # the same type as BuiltinFunctionType, as in CPython
ModuleType = type(sys)
GenericAlias = type(list[int])
UnionType = type(int | str)
EllipsisType = type(Ellipsis)
NoneType = type(None)
NotImplementedType = type(NotImplemented)

del sys, _f, _g, _c, _co, _ag, _C


# ids of the namespaces whose repr is being made: a namespace inside itself shows as (...)
_repr_running = set()


class SimpleNamespace:
    def __init__(self, /, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        self.__dict__.update(kwargs)

    def __repr__(self):
        # the exact class shows as `namespace(...)`; a subclass by its own name
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        if id(self) in _repr_running:
            return f'{name}(...)'
        _repr_running.add(id(self))
        try:
            # only non-empty string keys are shown, as CPython does
            parts = [f'{key}={value!r}' for key, value in self.__dict__.items()
                     if isinstance(key, str) and key]
        finally:
            _repr_running.discard(id(self))
        return f"{name}({', '.join(parts)})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    # CPython's messages name the C type `types.SimpleNamespace` (a subclass by its own name)
    def __getattr__(self, name):
        raise AttributeError(f"'{_type_name(self)}' object has no attribute '{name}'")

    def __delattr__(self, name):
        if type(self) is SimpleNamespace and name not in self.__dict__:
            raise AttributeError(f"'types.SimpleNamespace' object has no attribute '{name}'")
        object.__delattr__(self, name)

    def __hash__(self):
        raise TypeError(f"unhashable type: '{_type_name(self)}'")


def _type_name(ns):
    return 'types.SimpleNamespace' if type(ns) is SimpleNamespace else type(ns).__name__


class mappingproxy:
    # CPython's type is named `mappingproxy` and lives in builtins
    __module__ = 'builtins'
    __slots__ = ('_mapping',)
    __hash__ = None  # 3.11's is unhashable (3.12 hashes the mapping)

    def __init__(self, mapping):
        # CPython accepts anything with __getitem__ except a list or a tuple
        if (isinstance(mapping, (list, tuple)) or not hasattr(type(mapping), '__getitem__')):
            raise TypeError(f'mappingproxy() argument must be a mapping, '
                            f'not {type(mapping).__name__}')
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __setitem__(self, key, value):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __len__(self):
        return len(self._mapping)

    def __iter__(self):
        return iter(self._mapping)

    def __reversed__(self):
        return reversed(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    # comparisons and | are the mapping's (a proxy on either side counts as its mapping)
    def __eq__(self, other):
        return self._mapping == other

    def __ne__(self, other):
        return self._mapping != other

    def __or__(self, other):
        if isinstance(other, MappingProxyType):
            other = other._mapping
        return self._mapping | other

    def __ror__(self, other):
        return other | self._mapping

    def __ior__(self, other):
        raise TypeError("'|=' is not supported by mappingproxy; use '|' instead")

    def __repr__(self):
        return f'mappingproxy({self._mapping!r})'

    def __str__(self):
        return str(self._mapping)


MappingProxyType = mappingproxy
del mappingproxy
