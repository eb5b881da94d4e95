# The `dataclasses` module: Python after CPython 3.11.7's Lib/dataclasses.py, written fresh.
# Parsed and run on the first `import dataclasses` only. The engine has no exec, so the methods
# that CPython generates as source text are closures here; the generated __init__ binds its
# arguments itself and raises CPython's TypeErrors for wrong calls.
# Left out: make_dataclass, weakref_slot, the generated __doc__, abstract methods. slots=True
# sets __slots__ on the class itself (CPython makes a new class; instances behave the same).
import sys
# A field's metadata is a read-only view of the mapping given, as CPython's is.
from types import MappingProxyType as _MappingProxy

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace', 'is_dataclass']


def _unsupported(what):
    raise NotImplementedError(f'{what} is not in this page\'s Python yet (see "What runs in the page" in the book)')


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


_EMPTY_METADATA = _MappingProxy({})


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


def _recursive_repr(user_function):
    # `...` for an object whose repr is already being computed (a cycle)
    running = set()

    def wrapper(self):
        key = id(self)
        if key in running:
            return '...'
        running.add(key)
        try:
            return user_function(self)
        finally:
            running.discard(key)
    return wrapper


class InitVar:
    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'

    @classmethod
    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = _EMPTY_METADATA if metadata is None else _MappingProxy(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')


Field.__repr__ = _recursive_repr(Field.__repr__)


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r}'
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _module_globals(cls):
    # the globals of the module that defines cls, or None when the engine cannot tell
    modules = getattr(sys, 'modules', None)
    if modules is None:
        return None
    m = modules.get(cls.__module__)
    return getattr(m, '__dict__', None)


def _split_annotation(s):
    # what CPython's regex r'^(?:\s*(\w+)\s*\.)?\s*(\w+)' captures: (module or None, name)
    def word(i):
        while i < len(s) and s[i] in ' \t':
            i += 1
        j = i
        while j < len(s) and (s[j].isalnum() or s[j] == '_'):
            j += 1
        return i, j
    i, j = word(0)
    k = j
    while k < len(s) and s[k] in ' \t':
        k += 1
    if j > i and k < len(s) and s[k] == '.':
        m, n = word(k + 1)
        if n > m:
            return s[i:j], s[m:n]
    return (None, s[i:j]) if j > i else None


def _is_type(annotation, cls, attr, predicate):
    # Does the string annotation name `attr` (typing.ClassVar, dataclasses.InitVar/KW_ONLY),
    # bare or through a module name, as the class's module sees it?
    parts = _split_annotation(annotation)
    if parts is None:
        return False
    module_name, name = parts
    ns = _module_globals(cls)
    if ns is None:
        return name == attr
    if module_name is None:
        return predicate(ns.get(name))
    m = ns.get(module_name)
    return m is not None and predicate(getattr(m, name, None))


def _typing():
    modules = getattr(sys, 'modules', None)
    if modules is not None:
        return modules.get('typing')
    import typing
    return typing


def _is_classvar(a_type):
    if getattr(type(a_type), '__module__', None) != 'typing':
        return False
    typing = _typing()
    return typing is not None and (a_type is typing.ClassVar
                                   or getattr(a_type, '__origin__', None) is typing.ClassVar)


def _is_initvar(a_type):
    return a_type is InitVar or type(a_type) is InitVar


def _is_kw_only(a_type):
    return a_type is KW_ONLY


def _unhashable(value):
    return type(value) in (list, dict, set) or getattr(type(value), '__hash__', 0) is None


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    is_str = isinstance(a_type, str)
    if _is_classvar(a_type) or (is_str and _is_type(a_type, cls, 'ClassVar', _is_classvar)):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(a_type) or (is_str and _is_type(a_type, cls, 'InitVar', _is_initvar)):
        f._field_type = _FIELD_INITVAR
    if f._field_type is not _FIELD and f.default_factory is not MISSING:
        raise TypeError(f'field {f.name} cannot have a default factory')
    if f._field_type is _FIELD_CLASSVAR:
        if f.kw_only is not MISSING:
            raise TypeError(f'field {f.name} is a ClassVar but specifies kw_only')
    elif f.kw_only is MISSING:
        f.kw_only = default_kw_only
    if f._field_type is _FIELD and _unhashable(f.default):
        raise ValueError(f'mutable default {type(f.default)} for field '  # tb: dataclasses.py:815
                         f'{f.name} is not allowed: use default_factory')
    return f


def _named(cls, name, fn):
    # CPython makes these methods in the class's module's globals.
    fn.__name__ = name
    fn.__qualname__ = f'{cls.__qualname__}.{name}'
    fn.__module__ = cls.__module__
    return fn


def _set_new_attribute(cls, name, value):
    # never overwrites what the class itself defines; True if it does
    if name in cls.__dict__:
        return True
    setattr(cls, name, _named(cls, name, value) if callable(value) else value)
    return False


def _names(names):
    names = [repr(n) for n in names]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f'{names[0]} and {names[1]}'
    return ', '.join(names[:-1]) + ', and ' + names[-1]


def _s(n):
    return '' if n == 1 else 's'


def _init_fn(cls, all_fields, std_fields, kw_fields, frozen, has_post_init):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')
    qualname = f'{cls.__qualname__}.__init__'
    self_name = '__dataclass_self__' if 'self' in [f.name for f in all_fields] else 'self'
    positional = [self_name] + [f.name for f in std_fields]
    keyword = [f.name for f in kw_fields]
    npos = len(positional)
    ndefaults = len([f for f in std_fields if f.default is not MISSING or f.default_factory is not MISSING])
    required_kw = [f.name for f in kw_fields if f.default is MISSING and f.default_factory is MISSING]
    initvars = [f for f in all_fields if f._field_type is _FIELD_INITVAR]

    def bind(args, kwargs):
        # CPython's order of checks when it binds a call to a def's parameters
        values = {}
        given = len(args)
        for i in range(min(given, npos)):
            values[positional[i]] = args[i]
        for k in kwargs:
            if k not in values and (k in positional or k in keyword):
                values[k] = kwargs[k]
            elif k in values:
                raise TypeError(f"{qualname}() got multiple values for argument '{k}'")
            else:
                raise TypeError(f"{qualname}() got an unexpected keyword argument '{k}'")
        if given > npos:
            if ndefaults:
                sig, plural = f'from {npos - ndefaults} to {npos}', True
            else:
                sig, plural = str(npos), npos != 1
            kw_given = len([k for k in keyword if k in values])
            tail = ''
            if kw_given:
                tail = f' positional argument{_s(given)} (and {kw_given} keyword-only argument{_s(kw_given)})'
            raise TypeError(f"{qualname}() takes {sig} positional argument{'s' if plural else ''} "
                            f"but {given}{tail} {'was' if given == 1 and not kw_given else 'were'} given")
        missing = [n for n in positional[:npos - ndefaults] if n not in values]
        if missing:
            raise TypeError(f'{qualname}() missing {len(missing)} required positional '
                            f'argument{_s(len(missing))}: {_names(missing)}')
        missing = [n for n in required_kw if n not in values]
        if missing:
            raise TypeError(f'{qualname}() missing {len(missing)} required keyword-only '
                            f'argument{_s(len(missing))}: {_names(missing)}')
        return values

    # Errors show the frame of the code CPython generates: `File "<string>", line N, in
    # __init__`, one line per field set from line 3 on, then the __post_init__ call.
    def __init__(*args, **kwargs):
        values = bind(args, kwargs)
        self = args[0] if args else values[self_name]
        line = 3
        for f in all_fields:
            name = f.name
            if f._field_type is not _FIELD_INITVAR:
                sys._aio_tb_line(line)
            if f.default_factory is not MISSING:
                value = values[name] if f.init and name in values else f.default_factory()  # tb: <string>:*
            elif f.init:
                value = values[name] if name in values else f.default
            else:
                continue
            if f._field_type is _FIELD_INITVAR:
                values[name] = value
                continue
            if frozen:
                object.__setattr__(self, name, value)  # tb: <string>:*
            else:
                setattr(self, name, value)  # tb: <string>:*
            line += 1
        if has_post_init:
            sys._aio_tb_line(line)
            self.__post_init__(*[values[f.name] if f.name in values else f.default for f in initvars])  # tb: <string>:*
    annotations = {f.name: f.type for f in std_fields + kw_fields if f.init}
    annotations['return'] = None
    __init__.__annotations__ = annotations

    # The parameters CPython's generated def has, for inspect.signature: (name, keyword-only,
    # default or MISSING), a default factory showing as <factory>.
    def default(f):
        return _HAS_DEFAULT_FACTORY if f.default_factory is not MISSING else f.default
    __init__.__aio_parameters__ = ([(self_name, False, MISSING)]
                                   + [(f.name, False, default(f)) for f in std_fields]
                                   + [(f.name, True, default(f)) for f in kw_fields])
    return __init__


def _repr_fn(flds):
    def __repr__(self):
        return (self.__class__.__qualname__ + '('
                + ', '.join([f'{f.name}={getattr(self, f.name)!r}' for f in flds]) + ')')
    return _recursive_repr(__repr__)


def _frozen_get_del_attr(cls, flds):
    names = tuple(f.name for f in flds)

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')  # tb: <string>:4
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')  # tb: <string>:4
        object.__delattr__(self, name)
    return [('__setattr__', __setattr__), ('__delattr__', __delattr__)]


def _values(obj, names):
    return tuple([getattr(obj, n) for n in names])


def _cmp_fn(op, names):
    def compare(self, other):
        if other.__class__ is self.__class__:
            return op(_values(self, names), _values(other, names))
        return NotImplemented
    return compare


_ORDER = [('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
          ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)]


def _hash_fn(flds):
    names = [f.name for f in flds if (f.compare if f.hash is None else f.hash)]

    def __hash__(self):
        return hash(_values(self, names))
    return __hash__


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots=False):
    fields = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True

    own = cls.__dict__
    cls_annotations = own.get('__annotations__', {})
    cls_fields = []
    kw_only_seen = False
    # `type` is this loop's name, as in CPython's source, so the traceback line reads the same.
    for name, type in cls_annotations.items():
        if _is_kw_only(type) or (isinstance(type, str) and _is_type(type, cls, 'KW_ONLY', _is_kw_only)):
            if kw_only_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been specified')
            kw_only_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, type, kw_only))  # tb: dataclasses.py:958

    for f in cls_fields:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in own.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    setattr(cls, _FIELDS, fields)
    class_hash = own.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and '__eq__' in own))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    all_init_fields = [f for f in fields.values() if f._field_type is not _FIELD_CLASSVAR]
    std_init_fields = [f for f in all_init_fields if f.init and not f.kw_only]
    kw_only_init_fields = [f for f in all_init_fields if f.init and f.kw_only]

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        _set_new_attribute(cls, '__init__', _init_fn(cls, all_init_fields, std_init_fields,
                                                     kw_only_init_fields, frozen, has_post_init))

    field_list = [f for f in fields.values() if f._field_type is _FIELD]
    if repr:
        _set_new_attribute(cls, '__repr__', _repr_fn([f for f in field_list if f.repr]))

    compared = [f.name for f in field_list if f.compare]
    if eq:
        _set_new_attribute(cls, '__eq__', _cmp_fn(lambda a, b: a == b, compared))

    if order:
        for name, op in _ORDER:
            if _set_new_attribute(cls, name, _cmp_fn(op, compared)):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                'Consider using functools.total_ordering')

    if frozen:
        for name, fn in _frozen_get_del_attr(cls, field_list):
            if _set_new_attribute(cls, name, fn):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')

    # CPython's table, keyed by (unsafe_hash, eq, frozen, has-explicit-hash)
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        cls.__hash__ = _named(cls, '__hash__', _hash_fn(field_list))
    elif eq and not has_explicit_hash:
        cls.__hash__ = _named(cls, '__hash__', _hash_fn(field_list)) if frozen else None

    if match_args:
        _set_new_attribute(cls, '__match_args__', tuple(f.name for f in std_init_fields))
    if slots:
        cls.__slots__ = tuple(f.name for f in field_list)
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    if weakref_slot:
        _unsupported('dataclass(weakref_slot=True)')

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,  # tb: dataclasses.py:1220
                              frozen, match_args, kw_only, slots)

    if cls is None:
        return wrap
    return wrap(cls)  # tb: dataclasses.py:1230


def fields(class_or_instance):
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _copy(obj):
    # copy.deepcopy for the values a dataclass usually holds: containers are rebuilt,
    # anything else is kept as it is
    if isinstance(obj, (list, tuple, set)):
        return type(obj)([_copy(v) for v in obj])
    if isinstance(obj, dict):
        return {_copy(k): _copy(v) for k, v in obj.items()}
    return obj


def _convert(obj, inner, outer):
    if _is_dataclass_instance(obj):
        return outer(obj, inner)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        # a namedtuple is made from its fields, not from one iterable
        return type(obj)(*[inner(v) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)([inner(v) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(inner(k), inner(v)) for k, v in obj.items()])
    return _copy(obj)


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')

    def inner(o):
        return _convert(o, inner, lambda o, inner: dict_factory(
            [(f.name, inner(getattr(o, f.name))) for f in fields(o)]))
    return inner(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')

    def inner(o):
        return _convert(o, inner, lambda o, inner: tuple_factory(
            [inner(getattr(o, f.name)) for f in fields(o)]))
    return inner(obj)


def make_dataclass(cls_name, fields, **kwargs):
    _unsupported('dataclasses.make_dataclass()')


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, '
                                 'it cannot be specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
