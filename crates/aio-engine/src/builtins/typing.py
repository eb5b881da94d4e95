# The `typing` module: Python after CPython 3.11.7's Lib/typing.py, written fresh, with what
# programs write in annotations and CPython's reprs. Parsed and run on the first `import typing`.
# The engine has no eval: get_type_hints reads string annotations with a small expression reader.
# The engine has no metaclasses: a generic class is subscripted through
# Generic.__class_getitem__ (aliases are cached, as CPython's), learns its __parameters__ in
# Generic.__init_subclass__ from its __orig_bases__, and a runtime-checkable protocol carries
# its check as a class attribute __instancecheck__.
# NamedTuple and TypedDict are made by metaclasses, as CPython's are: a NamedTuple class is a
# collections.namedtuple with the body's methods, and calling a TypedDict class makes a plain dict.
# Left out: TypeVarTuple, Unpack, IO, Pattern, Match; a Generic class over a ParamSpec.
import sys

TYPE_CHECKING = False
_NoneType = type(None)


def _unsupported(what):
    raise NotImplementedError(f'{what} is not in this page\'s Python yet (see "What runs in the page" in the book)')


def _caller(default='__main__'):
    getframe = getattr(sys, '_getframe', None)
    if getframe is None:
        return default
    return getframe(2).f_globals.get('__name__', default)


def _is_dunder(attr):
    return attr.startswith('__') and attr.endswith('__')


def _type_repr(obj):
    if isinstance(obj, type) and not hasattr(obj, '__origin__'):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if callable(obj) and type(obj).__name__ == 'function':
        return obj.__name__
    return repr(obj)


def _type_convert(arg):
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def _type_check(arg, msg):
    arg = _type_convert(arg)
    if isinstance(arg, _GenericAlias) and arg.__origin__ in (Generic, Protocol, ClassVar, Final):
        raise TypeError(f'{arg} is not valid as type argument')
    if arg in (Any, NoReturn, Never, Self, LiteralString, TypeAlias):
        return arg
    if isinstance(arg, _SpecialForm) or arg in (Generic, Protocol):
        raise TypeError(f'Plain {arg} is not valid as type argument')
    if type(arg) is tuple:
        raise TypeError(f'{msg} Got {arg!r:.100}.')
    return arg


def _collect_parameters(args):
    params = []
    for a in args:
        for p in ([a] if isinstance(a, (TypeVar, ParamSpec)) else getattr(a, '__parameters__', ())):
            if isinstance(p, (TypeVar, ParamSpec)) and p not in params:
                params.append(p)
    return tuple(params)


def _dedup(items, key=lambda x: x):
    out, keys = [], []
    for t in items:
        if key(t) not in keys:
            keys.append(key(t))
            out.append(t)
    return out


def _unordered_hash(items):
    h = 0
    for x in items:
        h ^= hash(x)
    return h


def _same_members(a, b):
    return all(x in b for x in a) and all(x in a for x in b)


class _SpecialForm:
    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f'{self} is not subscriptable')
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        if self._name == 'Any':
            raise TypeError('Any cannot be instantiated')
        raise TypeError(f'Cannot instantiate {self!r}')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _BaseGenericAlias:
    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f'Type {self._name} cannot be instantiated; '
                            f'use {self.__origin__.__name__}() instead')
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __getattr__(self, attr):
        if not _is_dunder(attr):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _GenericAlias(_BaseGenericAlias):
    def __init__(self, origin, args, name=None, inst=True):
        self._inst = inst
        self._name = name
        self.__origin__ = origin
        self.__args__ = args if isinstance(args, tuple) else (args,)
        self.__parameters__ = _collect_parameters(self.__args__)

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, self._name, self._inst)

    def __repr__(self):
        name = 'typing.' + self._name if self._name else _type_repr(self.__origin__)
        args = ', '.join([_type_repr(a) for a in self.__args__]) if self.__args__ else '()'
        return f'{name}[{args}]'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, args):
        if self.__origin__ in (Generic, Protocol):
            raise TypeError(f'Cannot subscript already-subscripted {self}')
        params = self.__parameters__
        if not params:
            raise TypeError(f'{self} is not a generic class')
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(a) for a in args)
        _check_count(self, args, len(params))
        subst = list(zip(params, args))
        return self.copy_with(tuple(_substitute(a, subst) for a in self.__args__))


def _substitute(arg, subst):
    for param, value in subst:
        if arg is param:
            return value
    if isinstance(arg, _GenericAlias) and arg.__parameters__:
        return arg.copy_with(tuple(_substitute(a, subst) for a in arg.__args__))
    return arg


def _check_count(alias, args, expected):
    if not expected:
        raise TypeError(f'{alias} is not a generic class')
    if len(args) != expected:
        raise TypeError(f"Too {'many' if len(args) > expected else 'few'} arguments for {alias}; "
                        f'actual {len(args)}, expected {expected}')


class _SpecialGenericAlias(_BaseGenericAlias):
    def __init__(self, origin, nparams, name, inst=True):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name
        self._inst = inst

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_check(p, 'Parameters to generic types must be types.') for p in params)
        _check_count(self, params, self._nparams)
        return _GenericAlias(self.__origin__, params, self._name, self._inst)


class _CallableGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and _is_param_expr(args[0]):
            return super().__repr__()
        return (f"typing.Callable[[{', '.join([_type_repr(a) for a in args[:-1]])}], "
                f'{_type_repr(args[-1])}]')


class _CallableType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        result = _type_check(result, 'Callable[args, result]: result must be a type.')
        if args is ...:
            args = (...,)
        elif isinstance(args, (list, tuple)):
            args = tuple(_type_convert(a) for a in args)
        else:
            args = (_type_convert(args),)
        return _CallableGenericAlias(self.__origin__, args + (result,), 'Callable')


class _TupleType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = 'Tuple[t, ...]: t must be a type.'
            return _GenericAlias(tuple, tuple(_type_check(p, msg) for p in params[:-1]) + (...,), 'Tuple', False)
        msg = 'Tuple[t0, t1, ...]: each t must be a type.'
        return _GenericAlias(tuple, tuple(_type_check(p, msg) for p in params), 'Tuple', False)


class _UnionGenericAlias(_GenericAlias):
    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias, _UnionType)):
            return NotImplemented
        return _same_members(self.__args__, other.__args__)

    def __hash__(self):
        return _unordered_hash(self.__args__)

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return f'typing.Optional[{_type_repr(args[1])}]'
            if args[1] is _NoneType:
                return f'typing.Optional[{_type_repr(args[0])}]'
        return super().__repr__()


class _LiteralGenericAlias(_GenericAlias):
    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return _same_members([(a, type(a)) for a in self.__args__], [(a, type(a)) for a in other.__args__])

    def __hash__(self):
        return _unordered_hash([(a, type(a)) for a in self.__args__])


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, (origin,))
        self.__metadata__ = metadata

    def copy_with(self, params):
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        return (f'typing.Annotated[{_type_repr(self.__origin__)}, '
                f"{', '.join(repr(a) for a in self.__metadata__)}]")

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))


# types.UnionType, the type of `int | None`.
_UnionType = type(int | str)


def _or(a, b):
    return a | b


def _union(self, parameters):
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    params = []
    for p in parameters:
        p = _type_check(p, 'Union[arg, ...]: each arg must be a type.')
        params.extend(p.__args__ if isinstance(p, (_UnionGenericAlias, _UnionType)) else [p])
    params = _dedup(params)
    if len(params) == 1:
        return params[0]
    return _UnionGenericAlias(self, tuple(params), 'Optional' if _NoneType in params and len(params) == 2 else None)


def _optional(self, parameters):
    arg = _type_check(parameters, f'{self} requires a single type.')
    return Union[arg, _NoneType]


def _single(self, parameters):
    return _GenericAlias(self, (_type_check(parameters, f'{self} accepts only single type.'),))


def _literal(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    params = []
    for p in parameters:
        params.extend(p.__args__ if isinstance(p, _LiteralGenericAlias) else [p])
    return _LiteralGenericAlias(self, tuple(_dedup(params, lambda p: (p, type(p)))))


def _annotated(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError('Annotated[...] should be used with at least two arguments '
                        '(a type and an annotation).')
    return _AnnotatedAlias(_type_convert(params[0]), tuple(params[1:]))


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
ClassVar = _SpecialForm('ClassVar', _single)
Final = _SpecialForm('Final', _single)
TypeGuard = _SpecialForm('TypeGuard', _single)
Union = _SpecialForm('Union', _union)
Optional = _SpecialForm('Optional', _optional)
Literal = _SpecialForm('Literal', _literal)


class Annotated:
    def __init__(self, *args, **kwargs):
        raise TypeError('Type Annotated cannot be instantiated.')

    @classmethod
    def __class_getitem__(cls, params):
        return _annotated(cls, params)


class _Origin:
    # stands for a class the engine does not have (collections.abc.Iterable, collections.deque...)
    def __init__(self, module, name):
        self.__module__ = module
        self.__name__ = self.__qualname__ = name

    def __repr__(self):
        return f"<class '{self.__module__}.{self.__qualname__}'>"

    def __call__(self, *args, **kwargs):
        _unsupported(f'{self.__module__}.{self.__name__}')


def _abc(name, nparams, alias=None, module='collections.abc'):
    return _SpecialGenericAlias(_Origin(module, name), nparams, alias or name)


Hashable = _abc('Hashable', 0)
Sized = _abc('Sized', 0)
Awaitable = _abc('Awaitable', 1)
Coroutine = _abc('Coroutine', 3)
AsyncIterable = _abc('AsyncIterable', 1)
AsyncIterator = _abc('AsyncIterator', 1)
Iterable = _abc('Iterable', 1)
Iterator = _abc('Iterator', 1)
Reversible = _abc('Reversible', 1)
Container = _abc('Container', 1)
Collection = _abc('Collection', 1)
Callable = _CallableType(_Origin('collections.abc', 'Callable'), 2, 'Callable')
AbstractSet = _abc('Set', 1, 'AbstractSet')
MutableSet = _abc('MutableSet', 1)
Mapping = _abc('Mapping', 2)
MutableMapping = _abc('MutableMapping', 2)
Sequence = _abc('Sequence', 1)
MutableSequence = _abc('MutableSequence', 1)
KeysView = _abc('KeysView', 1)
ItemsView = _abc('ItemsView', 2)
ValuesView = _abc('ValuesView', 1)
Generator = _abc('Generator', 3)
AsyncGenerator = _abc('AsyncGenerator', 2)
ContextManager = _abc('AbstractContextManager', 1, 'ContextManager', 'contextlib')
AsyncContextManager = _abc('AbstractAsyncContextManager', 1, 'AsyncContextManager', 'contextlib')
Deque = _abc('deque', 1, 'Deque', 'collections')
DefaultDict = _abc('defaultdict', 2, 'DefaultDict', 'collections')
OrderedDict = _abc('OrderedDict', 2, None, 'collections')
Counter = _abc('Counter', 1, None, 'collections')
ChainMap = _abc('ChainMap', 2, None, 'collections')
Tuple = _TupleType(tuple, -1, 'Tuple', False)
List = _SpecialGenericAlias(list, 1, 'List', False)
Set = _SpecialGenericAlias(set, 1, 'Set', False)
FrozenSet = _SpecialGenericAlias(frozenset, 1, 'FrozenSet', False)
Dict = _SpecialGenericAlias(dict, 2, 'Dict', False)
Type = _SpecialGenericAlias(type, 1, 'Type', False)
Text = str


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__bound__ = _type_check(bound, 'Bound must be a type.') if bound else None
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        if constraints and len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        msg = 'TypeVar(name, constraint, ...): constraints must be types.'
        self.__constraints__ = tuple(_type_check(t, msg) for t in constraints)
        self.__module__ = _caller()

    def __repr__(self):
        return ('+' if self.__covariant__ else '-' if self.__contravariant__ else '~') + self.__name__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _ParamSpecPart:
    # `P.args` / `P.kwargs`: the type of `*args` / `**kwargs` in a function that takes P's
    # parameters
    _part = ''

    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f"{self.__origin__.__name__}.{self._part}"

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self.__origin__ == other.__origin__

    def __hash__(self):
        return hash((type(self), self.__origin__))


class ParamSpecArgs(_ParamSpecPart):
    _part = 'args'


class ParamSpecKwargs(_ParamSpecPart):
    _part = 'kwargs'


class ParamSpec:
    # The parameters of a callable, as a decorator keeps them: Callable[P, Awaitable[R]]
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__bound__ = _type_check(bound, 'Bound must be a type.') if bound else None
        self.__module__ = _caller()

    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __repr__(self):
        return ('+' if self.__covariant__ else '-' if self.__contravariant__ else '~') + self.__name__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _ConcatenateGenericAlias(_GenericAlias):
    def __repr__(self):
        return f"typing.Concatenate[{', '.join(_type_repr(a) for a in self.__args__)}]"


def _concatenate(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Concatenate of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    if not (parameters[-1] is ... or isinstance(parameters[-1], ParamSpec)):
        raise TypeError("The last parameter to Concatenate should be a ParamSpec variable or ellipsis.")
    msg = "Concatenate[arg, ...]: each arg must be a type."
    parameters = (*(_type_check(p, msg) for p in parameters[:-1]), parameters[-1])
    return _ConcatenateGenericAlias(self, parameters)


Concatenate = _SpecialForm('Concatenate', _concatenate)


def _is_param_expr(arg):
    return arg is ... or isinstance(arg, (tuple, list, ParamSpec, _ConcatenateGenericAlias))


_alias_cache = {}


class _GenericClassAlias(_GenericAlias):
    # `Generic[T]`, `Protocol[T]`, `Stack[int]` as a base: they stand for their class.
    def __mro_entries__(self, bases):
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _BaseGenericAlias) and b is not self:
                    return ()
        return (self.__origin__,)


class Generic:
    @classmethod
    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_type_convert(p) for p in params)
        key = (cls, params)
        try:
            return _alias_cache[key]
        except (KeyError, TypeError):
            pass
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError(f'Parameter list to {cls.__qualname__}[...] cannot be empty')
            if not all(isinstance(p, TypeVar) for p in params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be type variables '
                                'or parameter specification variables.')
            if len(_dedup(params)) != len(params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be unique')
        else:
            expected = cls.__dict__.get('__parameters__', ())
            if not expected:
                raise TypeError(f'{cls} is not a generic class')
            if len(params) != len(expected):
                many = 'many' if len(params) > len(expected) else 'few'
                raise TypeError(f'Too {many} arguments for {cls}; '
                                f'actual {len(params)}, expected {len(expected)}')
        alias = _GenericClassAlias(cls, params)
        try:
            _alias_cache[key] = alias
        except TypeError:
            pass
        return alias

    def __init_subclass__(cls, *args, **kwargs):
        tvars = []
        if '__orig_bases__' in cls.__dict__:
            if Generic in cls.__orig_bases__:
                raise TypeError('Cannot inherit from plain Generic')
            tvars = list(_collect_parameters(cls.__orig_bases__))
            gvars = None
            for base in cls.__orig_bases__:
                if isinstance(base, _GenericAlias) and base.__origin__ is Generic:
                    if gvars is not None:
                        raise TypeError('Cannot inherit from Generic[...] multiple times.')
                    gvars = base.__parameters__
            if gvars is not None:
                missing = [t for t in tvars if t not in gvars]
                if missing:
                    s_vars = ', '.join(str(t) for t in missing)
                    s_args = ', '.join(str(g) for g in gvars)
                    raise TypeError(f'Some type variables ({s_vars}) are'
                                    f' not listed in Generic[{s_args}]')
                tvars = list(gvars)
        cls.__parameters__ = tuple(tvars)


_EXCLUDED = ['__parameters__', '__orig_bases__', '__orig_class__', '_is_protocol',
             '_is_runtime_protocol', '__final__', '__abstractmethods__', '__annotations__',
             '__dict__', '__doc__', '__init__', '__module__', '__new__', '__slots__',
             '__subclasshook__', '__weakref__', '__class_getitem__', '__qualname__']


def _protocol_attrs(cls):
    attrs = []
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        for attr in list(base.__dict__.keys()) + list(base.__dict__.get('__annotations__', {}).keys()):
            if not attr.startswith('_abc_') and attr not in _EXCLUDED and attr not in attrs:
                attrs.append(attr)
    return attrs


def _no_init(self, *args, **kwargs):
    if type(self)._is_protocol:
        raise TypeError('Protocols cannot be instantiated')


class Protocol(Generic):
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if cls._is_protocol and '__init__' not in cls.__dict__:
            cls.__init__ = _no_init

    @classmethod
    def __instancecheck__(cls, instance):
        # what CPython's _ProtocolMeta does for isinstance(instance, cls)
        is_protocol = cls is Protocol or Protocol in cls.__bases__
        if is_protocol and not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError('Instance and class checks can only be used with @runtime_checkable protocols')  # tb: typing.py:1998 raise TypeError("Instance and class checks can only be used with"
        if cls in type(instance).__mro__:
            return True
        if not is_protocol:
            return False
        for attr in _protocol_attrs(cls):
            if not hasattr(instance, attr) or (callable(getattr(cls, attr, None))
                                               and getattr(instance, attr) is None):
                return False
        return True



Protocol.__init__ = _no_init


@classmethod
def __subclasscheck__(cls, other):
    # what ABCMeta.__subclasscheck__ does for issubclass(other, cls) with a protocol
    if not isinstance(other, type):
        raise TypeError('issubclass() arg 1 must be a class')  # tb: <frozen abc>:123
    if cls in other.__mro__:
        return True
    if not (cls is Protocol or Protocol in cls.__bases__):
        return False
    return _proto_hook(cls, other)  # tb: <frozen abc>:123


def _proto_hook(cls, other):
    # a protocol's __subclasshook__ (CPython's _ProtocolMeta)
    if not getattr(cls, '_is_runtime_protocol', False):
        raise TypeError('Instance and class checks can only be used with @runtime_checkable protocols')  # tb: typing.py:2068 raise TypeError("Instance and class checks can only be used with"
    attrs = _protocol_attrs(cls)
    if any(not callable(getattr(cls, attr, None)) for attr in attrs):
        raise TypeError("Protocols with non-method members don't support issubclass()")  # tb: typing.py:2073 raise TypeError("Protocols with non-method members"
    for attr in attrs:
        for base in other.__mro__:
            if attr in base.__dict__:
                if base.__dict__[attr] is None:
                    return False
                break
        else:
            return False
    return True


Protocol.__subclasscheck__ = __subclasscheck__


def runtime_checkable(cls):
    if not (isinstance(cls, type) and Protocol in cls.__bases__):
        raise TypeError('@runtime_checkable can be only applied to protocol classes, got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


class NewType:
    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = _caller()

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def cast(typ, val):
    return val


def reveal_type(obj):
    print(f'Runtime type is {type(obj).__name__!r}', file=sys.stderr)
    return obj


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        'You should not call an overloaded function. '
        'A series of @overload-decorated functions '
        'outside a stub module should always be followed '
        'by an implementation that is not @overload-ed.')


def overload(func):
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def get_origin(tp):
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, _UnionType):
        return type(tp)
    if isinstance(tp, _BaseGenericAlias) or (hasattr(tp, '__origin__') and hasattr(tp, '__args__')):
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _BaseGenericAlias) and not isinstance(tp, _GenericAlias):
        return ()
    res = getattr(tp, '__args__', ())
    if isinstance(tp, _CallableGenericAlias) and not (len(res) == 2 and (res[0] is ...)):
        return (list(res[:-1]), res[-1])
    return res


class ForwardRef:
    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f'Forward reference must be a string -- got {arg!r}')
        self.__forward_arg__ = arg
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, recursive_guard):
        if self.__forward_arg__ in recursive_guard:
            return self
        if not self.__forward_evaluated__ or localns is not globalns:
            value = _type_convert(_evaluate(self.__forward_arg__, globalns or {}, localns or globalns or {}))
            self.__forward_value__ = _eval_type(value, globalns, localns,
                                                recursive_guard + [self.__forward_arg__])
            self.__forward_evaluated__ = True
        return self.__forward_value__

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__ and self.__forward_module__ == other.__forward_module__

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __repr__(self):
        module = '' if self.__forward_module__ is None else f', module={self.__forward_module__!r}'
        return f'ForwardRef({self.__forward_arg__!r}{module})'


def _tokens(text):
    toks, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c in ' \t\n':
            i += 1
        elif c.isalpha() or c == '_' or c.isdigit():
            j = i
            while j < n and (text[j].isalnum() or text[j] == '_' or (text[j] == '.' and c.isdigit())):
                j += 1
            toks.append(('num' if c.isdigit() else 'name', text[i:j]))
            i = j
        elif c in '\'"':
            j, s = i + 1, ''
            while j < n and text[j] != c:
                s, j = s + (text[j + 1] if text[j] == '\\' else text[j]), j + (2 if text[j] == '\\' else 1)
            if j >= n:
                raise SyntaxError(f'Forward reference must be an expression -- got {text!r}')
            toks.append(('str', s))
            i = j + 1
        elif text[i:i + 3] == '...':
            toks.append(('op', '...'))
            i += 3
        elif c in '[](),.|-':
            toks.append(('op', c))
            i += 1
        else:
            raise SyntaxError(f'Forward reference must be an expression -- got {text!r}')
    return toks


_CONSTANTS = {'None': None, 'True': True, 'False': False}
_BUILTINS = {'int': int, 'float': float, 'str': str, 'bool': bool, 'list': list, 'dict': dict,
             'tuple': tuple, 'set': set, 'frozenset': frozenset, 'object': object, 'type': type}


def _evaluate(text, globalns, localns):
    # eval(text, globalns, localns) for what annotations hold: names, attributes,
    # subscripts, `|`, lists, tuples, strings, numbers, None and `...`
    toks = _tokens(text)
    pos = 0

    def error():
        raise SyntaxError(f'Forward reference must be an expression -- got {text!r}')

    def take(value=None):
        nonlocal pos
        if pos >= len(toks) or (value is not None and toks[pos][1] != value):
            error()
        pos += 1
        return toks[pos - 1]

    def at(value):
        return pos < len(toks) and toks[pos] == ('op', value)

    def items(close):
        values, comma = [], False
        while not at(close):
            values.append(expr())
            if not at(close):
                take(',')
                comma = True
        take(close)
        return values, comma

    def lookup(name):
        if name in _CONSTANTS:
            return _CONSTANTS[name]
        for ns in (localns, globalns):
            if name in ns:
                return ns[name]
        b = globalns.get('__builtins__') or localns.get('__builtins__')
        b = b if isinstance(b, dict) else getattr(b, '__dict__', _BUILTINS)
        if name in b:
            return b[name]
        raise NameError(f"name '{name}' is not defined")

    def atom():
        kind, value = take()
        if kind == 'name':
            return lookup(value)
        if kind == 'str':
            return value
        if kind == 'num':
            return float(value) if '.' in value else int(value)
        if value == '...':
            return ...
        if value == '-':
            return -atom()
        if value == '[':
            return items(']')[0]
        if value == '(':
            values, comma = items(')')
            return values[0] if len(values) == 1 and not comma else tuple(values)
        error()

    def primary():
        value = atom()
        while at('.') or at('['):
            if take()[1] == '.':
                value = getattr(value, take()[1])
            else:
                values, comma = items(']')
                value = value[values[0] if len(values) == 1 and not comma else tuple(values)]
        return value

    def expr():
        value = primary()
        while at('|'):
            take()
            value = _or(value, primary())
        return value

    value = expr()
    if pos != len(toks):
        error()
    return value


def _eval_type(t, globalns, localns, recursive_guard=[]):
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns, recursive_guard)
    args = getattr(t, '__args__', None)
    if not isinstance(args, tuple) or not args or isinstance(t, _BaseGenericAlias) and not isinstance(t, _GenericAlias):
        return t
    if not isinstance(t, (_GenericAlias, _UnionType)):
        args = tuple(ForwardRef(a) if isinstance(a, str) else a for a in args)
    ev = tuple(_eval_type(a, globalns, localns, recursive_guard) for a in args)
    if ev == t.__args__:
        return t
    return _rebuild(t, ev)


def _rebuild(t, args):
    if isinstance(t, _GenericAlias):
        return t.copy_with(args)
    if isinstance(t, _UnionType):
        value = args[0]
        for a in args[1:]:
            value = _or(value, a)
        return value
    return t.__origin__[args[0] if len(args) == 1 else args]


def _strip_annotations(t):
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    args = getattr(t, '__args__', None)
    if isinstance(args, tuple) and args and (isinstance(t, (_GenericAlias, _UnionType)) or hasattr(t, '__origin__')):
        stripped = tuple(_strip_annotations(a) for a in args)
        if stripped != args:
            return _rebuild(t, stripped)
    return t


def _module_globals(cls):
    modules = getattr(sys, 'modules', None)
    if modules is not None and cls.__module__ in modules:
        return getattr(modules[cls.__module__], '__dict__', {})
    for value in cls.__dict__.values():
        g = getattr(value, '__globals__', None)
        if g is not None:
            return g
    return {}


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    if getattr(obj, '__no_type_check__', None):
        return {}
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            base_globals = _module_globals(base) if globalns is None else globalns
            own = getattr(base, '__dict__', {})
            ann = own.get('__annotations__', {})
            base_locals = dict(own) if localns is None else localns
            if localns is None and globalns is None:
                base_globals, base_locals = base_locals, base_globals
            for name, value in ann.items():
                if value is None:
                    value = _NoneType
                if isinstance(value, str):
                    value = ForwardRef(value, is_argument=False, is_class=True)
                hints[name] = _eval_type(value, base_globals, base_locals)
    else:
        if globalns is None:
            nsobj = obj
            while hasattr(nsobj, '__wrapped__'):
                nsobj = nsobj.__wrapped__
            globalns = getattr(nsobj, '__globals__', {})
        if localns is None:
            localns = globalns
        hints = getattr(obj, '__annotations__', None)
        if hints is None:
            if callable(obj):
                return {}
            raise TypeError(f'{obj!r} is not a module, class, method, or function.')
        hints = dict(hints)
        for name, value in hints.items():
            if value is None:
                value = _NoneType
            if isinstance(value, str):
                value = ForwardRef(value)
            hints[name] = _eval_type(value, globalns, localns)
    if include_extras:
        return hints
    return {k: _strip_annotations(t) for k, t in hints.items()}



# --- NamedTuple -------------------------------------------------------------------------------

_prohibited_namedtuple = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
                                    '_field_defaults', '_make', '_replace', '_asdict', '_source'})
_special_namedtuple = frozenset({'__module__', '__name__', '__annotations__', '__qualname__', '__doc__',
                                 '__orig_bases__'})


def _make_nmtuple(name, types, module, defaults=()):
    import collections
    fields = [n for n, t in types]
    types = {n: _type_check(t, f"field {n} annotation must be a type") for n, t in types}
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = types
    return nm_tpl


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, types.items(), defaults=[ns[n] for n in default_names],
                               module=ns['__module__'])
        for key in ns:
            if key in _prohibited_namedtuple:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            elif key not in _special_namedtuple and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        if '__orig_bases__' in ns:
            nm_tpl.__orig_bases__ = ns['__orig_bases__']
        return nm_tpl


def NamedTuple(typename, fields=None, /, **kwargs):
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError("Either list of fields or keywords can be provided to NamedTuple, not both")
    return _make_nmtuple(typename, fields, module=_caller())


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})


def _namedtuple_mro_entries(bases):
    assert NamedTuple in bases
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


# --- TypedDict --------------------------------------------------------------------------------

class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type and a non-TypedDict base class')
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        annotations = {}
        own_annotations = ns.get('__annotations__', {})
        msg = "TypedDict('Name', {f0: t0, f1: t1, ...}); each t must be a type"
        own_annotations = {n: _type_check(tp, msg) for n, tp in own_annotations.items()}
        required_keys = set()
        optional_keys = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required_keys.update(base.__dict__.get('__required_keys__', ()))
            optional_keys.update(base.__dict__.get('__optional_keys__', ()))
        annotations.update(own_annotations)
        for annotation_key, annotation_type in own_annotations.items():
            origin = getattr(annotation_type, '__origin__', None)
            if origin is Required:
                is_required = True
            elif origin is NotRequired:
                is_required = False
            else:
                is_required = total
            if is_required:
                required_keys.add(annotation_key)
                optional_keys.discard(annotation_key)
            else:
                optional_keys.add(annotation_key)
                required_keys.discard(annotation_key)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required_keys)
        tp_dict.__optional_keys__ = frozenset(optional_keys)
        if not hasattr(tp_dict, '__total__'):
            tp_dict.__total__ = total
        return tp_dict

    # At run time a TypedDict is a plain dict: calling the class makes one.
    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError("TypedDict takes either a dict or keyword arguments, but not both")
    ns = {'__annotations__': dict(fields), '__module__': _caller()}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)
Required = _SpecialForm('Required', _single)
NotRequired = _SpecialForm('NotRequired', _single)


__all__ = [name for name in globals() if not name.startswith('_') and name != 'sys']
