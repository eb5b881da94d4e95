# The `inspect` module: the part of CPython 3.11.7's Lib/inspect.py that learners reach for
# around asyncio, written fresh to its documented behaviour. Parsed and run on the first
# `import inspect`.
# A function's __code__ carries CPython's co_flags, which iscoroutinefunction,
# isgeneratorfunction and isasyncgenfunction read, and the parameter counts and names signature()
# reads (with __defaults__, __kwdefaults__ and __annotations__).
# Left out: getsource and the other file and frame functions (getfile, stack,
# currentframe...), getmembers (no dir()), isroutine, isabstract, the descriptor predicates.
import asyncio
import functools
import sys

CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
CO_ITERABLE_COROUTINE = 0x100
CO_ASYNC_GENERATOR = 0x200


def _unsupported(what):
    raise NotImplementedError(f'{what} is not in this page\'s Python yet (see "What runs in the page" in the book)')


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


_FunctionType = type(_function)
_MethodType = type(_C()._method)
_BuiltinType = type(len)
_BuiltinFunctionType = type(len)
_ModuleType = type(sys)
_GeneratorType = type(_generator())
_AsyncGeneratorType = type(_async_generator())
_coro = _coroutine()
_CoroutineType = type(_coro)
_coro.close()
del _coro


def ismodule(object):
    return isinstance(object, _ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, _MethodType)


def isfunction(object):
    return isinstance(object, _FunctionType)


def isbuiltin(object):
    return isinstance(object, _BuiltinFunctionType)


def isgenerator(object):
    return isinstance(object, _GeneratorType)


def iscoroutine(object):
    return isinstance(object, _CoroutineType)


def isasyncgen(object):
    return isinstance(object, _AsyncGeneratorType)


def _has_code_flag(f, flag, what):
    while ismethod(f):
        f = f.__func__
    while isinstance(f, functools.partial):
        f = f.func
    if not isfunction(f):
        return False
    code = getattr(f, '__code__', None)
    if code is not None:
        return bool(code.co_flags & flag)
    if flag == CO_COROUTINE:
        return asyncio.iscoroutinefunction(f)
    _unsupported(f'inspect.{what}() of a function')


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR, 'isgeneratorfunction')


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE, 'iscoroutinefunction')


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR, 'isasyncgenfunction')


GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'
CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'


def getgeneratorstate(generator):
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


def getcoroutinestate(coroutine):
    if coroutine.cr_running:
        return CORO_RUNNING
    if coroutine.cr_suspended:
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED


def isawaitable(object):
    if isinstance(object, _CoroutineType):
        return True
    if isinstance(object, _GeneratorType):
        code = getattr(object, 'gi_code', None)
        if code is not None and code.co_flags & CO_ITERABLE_COROUTINE:
            return True
    import collections.abc
    return isinstance(object, collections.abc.Awaitable)


class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _ParameterKind:
    def __init__(self, value, name, description):
        self.value = value
        self.name = name
        self.description = description

    def __repr__(self):
        return f'<_ParameterKind.{self.name}: {self.value}>'

    def __str__(self):
        return self.name

    def __eq__(self, other):
        return self is other

    def __lt__(self, other):
        return self.value < other.value

    def __hash__(self):
        return hash(self.value)


_POSITIONAL_ONLY = _ParameterKind(0, 'POSITIONAL_ONLY', 'positional-only')
_POSITIONAL_OR_KEYWORD = _ParameterKind(1, 'POSITIONAL_OR_KEYWORD', 'positional or keyword')
_VAR_POSITIONAL = _ParameterKind(2, 'VAR_POSITIONAL', 'variadic positional')
_KEYWORD_ONLY = _ParameterKind(3, 'KEYWORD_ONLY', 'keyword-only')
_VAR_KEYWORD = _ParameterKind(4, 'VAR_KEYWORD', 'variadic keyword')


def formatannotation(annotation, base_module=None):
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if isinstance(annotation, type):
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


class Parameter:
    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD
    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        self._name = name
        self._kind = kind
        self._default = default
        self._annotation = annotation

    name = property(lambda self: self._name)
    kind = property(lambda self: self._kind)
    default = property(lambda self: self._default)
    annotation = property(lambda self: self._annotation)

    def replace(self, *, name=None, kind=None, default=None, annotation=None):
        return Parameter(self._name if name is None else name, self._kind if kind is None else kind,
                         default=self._default if default is None else default,
                         annotation=self._annotation if annotation is None else annotation)

    def __str__(self):
        kind = self.kind
        formatted = self._name
        if self._annotation is not _empty:
            formatted = f'{formatted}: {formatannotation(self._annotation)}'
        if self._default is not _empty:
            if self._annotation is not _empty:
                formatted = f'{formatted} = {self._default!r}'
            else:
                formatted = f'{formatted}={self._default!r}'
        if kind is _VAR_POSITIONAL:
            formatted = '*' + formatted
        elif kind is _VAR_KEYWORD:
            formatted = '**' + formatted
        return formatted

    def __repr__(self):
        return f'<{self.__class__.__name__} "{self}">'

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind is other._kind
                and self._default == other._default and self._annotation == other._annotation)

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))


class BoundArguments:
    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    signature = property(lambda self: self._signature)

    @property
    def args(self):
        args = []
        for name, param in self._signature.parameters.items():
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY) or name not in self.arguments:
                break
            if param.kind is _VAR_POSITIONAL:
                args.extend(self.arguments[name])
            else:
                args.append(self.arguments[name])
        return tuple(args)

    @property
    def kwargs(self):
        kwargs = {}
        started = False
        for name, param in self._signature.parameters.items():
            if not started:
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY) or name not in self.arguments:
                    started = True
                else:
                    continue
            if name not in self.arguments:
                continue
            if param.kind is _VAR_KEYWORD:
                kwargs.update(self.arguments[name])
            else:
                kwargs[name] = self.arguments[name]
        return kwargs

    def apply_defaults(self):
        new_arguments = {}
        for name, param in self._signature.parameters.items():
            if name in self.arguments:
                new_arguments[name] = self.arguments[name]
            elif param.default is not _empty:
                new_arguments[name] = param.default
            elif param.kind is _VAR_POSITIONAL:
                new_arguments[name] = ()
            elif param.kind is _VAR_KEYWORD:
                new_arguments[name] = {}
        self.arguments = new_arguments

    def __repr__(self):
        args = ', '.join(f'{k}={v!r}' for k, v in self.arguments.items())
        return f'<BoundArguments ({args})>'


class Signature:
    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty):
        self._parameters = {}
        for p in parameters or ():
            if p.name in self._parameters:
                raise ValueError(f'duplicate parameter name: {p.name!r}')
            self._parameters[p.name] = p
        self._return_annotation = return_annotation

    parameters = property(lambda self: dict(self._parameters))
    return_annotation = property(lambda self: self._return_annotation)

    def replace(self, *, parameters=None, return_annotation=None):
        return Signature(self._parameters.values() if parameters is None else parameters,
                         return_annotation=self._return_annotation if return_annotation is None
                         else return_annotation)

    def __str__(self):
        result = []
        render_pos_only_separator = False
        render_kw_only_separator = True
        for param in self._parameters.values():
            formatted = str(param)
            kind = param.kind
            if kind is _POSITIONAL_ONLY:
                render_pos_only_separator = True
            elif render_pos_only_separator:
                result.append('/')
                render_pos_only_separator = False
            if kind is _VAR_POSITIONAL:
                render_kw_only_separator = False
            elif kind is _KEYWORD_ONLY and render_kw_only_separator:
                result.append('*')
                render_kw_only_separator = False
            result.append(formatted)
        if render_pos_only_separator:
            result.append('/')
        rendered = '({})'.format(', '.join(result))
        if self._return_annotation is not _empty:
            rendered += f' -> {formatannotation(self._return_annotation)}'
        return rendered

    def __repr__(self):
        return f'<{self.__class__.__name__} {self}>'

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return (self._return_annotation == other._return_annotation
                and list(self._parameters.values()) == list(other._parameters.values()))

    def _bind(self, args, kwargs, partial=False):
        arguments = {}
        params = list(self._parameters.values())
        i = 0
        args = list(args)
        kwargs = dict(kwargs)
        while i < len(params) and params[i].kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            if not args:
                break
            arguments[params[i].name] = args.pop(0)
            i += 1
        if args:
            if i < len(params) and params[i].kind is _VAR_POSITIONAL:
                arguments[params[i].name] = tuple(args)
                args = []
            else:
                raise TypeError('too many positional arguments')
        kwargs_param = None
        for param in params:
            if param.kind is _VAR_KEYWORD:
                kwargs_param = param
                continue
            if param.kind is _VAR_POSITIONAL or param.name in arguments:
                if param.name in kwargs and param.kind is not _VAR_POSITIONAL:
                    raise TypeError(f'multiple values for argument {param.name!r}')
                continue
            if param.name in kwargs and param.kind is not _POSITIONAL_ONLY:
                arguments[param.name] = kwargs.pop(param.name)
            elif not partial and param.default is _empty:
                raise TypeError(f'missing a required argument: {param.name!r}')
        if kwargs:
            if kwargs_param is not None:
                arguments[kwargs_param.name] = kwargs
            else:
                raise TypeError(f'got an unexpected keyword argument {next(iter(kwargs))!r}')
        return BoundArguments(self, arguments)

    def bind(self, /, *args, **kwargs):
        return self._bind(args, kwargs)

    def bind_partial(self, /, *args, **kwargs):
        return self._bind(args, kwargs, partial=True)

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True):
        return signature(obj, follow_wrapped=follow_wrapped)


def _signature_of_function(func):
    annotations = func.__annotations__
    generated = getattr(func, '__aio_parameters__', None)
    if generated is not None:
        # a def the engine stands for (a dataclass's __init__): the parameters CPython's has
        import dataclasses
        parameters = [Parameter(name, _KEYWORD_ONLY if keyword_only else _POSITIONAL_OR_KEYWORD,
                                default=_empty if default is dataclasses.MISSING else default,
                                annotation=annotations.get(name, _empty))
                      for name, keyword_only, default in generated]
        return Signature(parameters, return_annotation=annotations.get('return', _empty))
    code = func.__code__
    names = code.co_varnames
    pos_count = code.co_argcount
    posonly_count = code.co_posonlyargcount
    keyword_only_count = code.co_kwonlyargcount
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    parameters = []
    non_default_count = pos_count - len(defaults)
    for offset, name in enumerate(names[:pos_count]):
        kind = _POSITIONAL_ONLY if offset < posonly_count else _POSITIONAL_OR_KEYWORD
        default = defaults[offset - non_default_count] if offset >= non_default_count else _empty
        parameters.append(Parameter(name, kind, default=default,
                                    annotation=annotations.get(name, _empty)))
    index = pos_count + keyword_only_count
    if code.co_flags & 0x04:
        name = names[index]
        parameters.append(Parameter(name, _VAR_POSITIONAL, annotation=annotations.get(name, _empty)))
        index += 1
    for name in names[pos_count:pos_count + keyword_only_count]:
        parameters.append(Parameter(name, _KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                    annotation=annotations.get(name, _empty)))
    if code.co_flags & 0x08:
        name = names[index]
        parameters.append(Parameter(name, _VAR_KEYWORD, annotation=annotations.get(name, _empty)))
    return Signature(parameters, return_annotation=annotations.get('return', _empty))


def _drop_first(sig):
    params = list(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError('invalid method signature')
    if params[0].kind is _VAR_POSITIONAL:
        return sig
    return sig.replace(parameters=params[1:])


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    if not callable(obj):
        raise TypeError(f'{obj!r} is not a callable object')
    if isinstance(obj, _MethodType):
        return _drop_first(signature(obj.__func__, follow_wrapped=follow_wrapped))
    if follow_wrapped:
        while hasattr(obj, '__wrapped__'):
            sig = getattr(obj, '__signature__', None)
            if sig is not None:
                return sig
            obj = obj.__wrapped__
    sig = getattr(obj, '__signature__', None)
    if sig is not None:
        return sig
    if isinstance(obj, _FunctionType):
        return _signature_of_function(obj)
    if isinstance(obj, functools.partial):
        sig = signature(obj.func)
        params = list(sig.parameters.values())[len(obj.args):]
        params = [p.replace(default=obj.keywords[p.name], kind=_KEYWORD_ONLY)
                  if p.name in obj.keywords else p for p in params]
        return sig.replace(parameters=params)
    if isinstance(obj, type):
        for name in ('__new__', '__init__'):
            for base in obj.__mro__:
                if base is object:
                    break
                if name in base.__dict__:
                    meth = base.__dict__[name]
                    meth = getattr(meth, '__func__', meth)
                    if isinstance(meth, _FunctionType):
                        return _drop_first(_signature_of_function(meth))
        raise ValueError(f'no signature found for builtin type {obj!r}')
    if not isinstance(obj, type) and hasattr(type(obj), '__call__') and not isinstance(obj, _BuiltinType):
        call = type(obj).__call__
        if isinstance(call, _FunctionType):
            return _drop_first(_signature_of_function(call))
    raise ValueError(f'no signature found for builtin {obj!r}')


def cleandoc(doc):
    # the first line loses its leading blanks, the others the indent they all share; blank
    # lines at both ends go
    lines = doc.expandtabs().split('\n')
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    lines[0] = lines[0].lstrip()
    if margin is not None:
        lines[1:] = [line[margin:] for line in lines[1:]]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def _findclass(func):
    modules = getattr(sys, 'modules', None)
    cls = modules.get(func.__module__) if modules is not None else None
    if cls is None:
        return None
    for name in func.__qualname__.split('.')[:-1]:
        cls = getattr(cls, name)
    return cls if isclass(cls) else None


def _finddoc(obj):
    # a doc inherited from a base class
    if isclass(obj):
        for base in obj.__mro__:
            if base is not object:
                doc = getattr(base, '__doc__', None)
                if doc is not None:
                    return doc
        return None
    if ismethod(obj):
        name = obj.__func__.__name__
        self = obj.__self__
        if isclass(self) and getattr(getattr(self, name, None), '__func__') is obj.__func__:
            cls = self  # a classmethod
        else:
            cls = type(self)
    elif isfunction(obj):
        name = obj.__name__
        cls = _findclass(obj)
        if cls is None or getattr(cls, name) is not obj:
            return None
    elif isinstance(obj, property):
        func = obj.fget
        name = func.__name__
        cls = _findclass(func)
        if cls is None or getattr(cls, name) is not obj:
            return None
    else:
        return None
    for base in cls.__mro__:
        try:
            doc = getattr(base, name).__doc__
        except AttributeError:
            continue
        if doc is not None:
            return doc
    return None


def getdoc(object):
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        try:
            doc = _finddoc(object)
        except (AttributeError, TypeError):
            return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)
