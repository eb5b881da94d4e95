# The `inspect` module: the part of CPython 3.11.7's Lib/inspect.py that learners reach for
# around asyncio, written fresh to its documented behaviour. Parsed and run on the first
# `import inspect`.
# A function's __code__ carries CPython's co_flags, which iscoroutinefunction,
# isgeneratorfunction and isasyncgenfunction read; signature() is not in this page's Python yet.
# Left out: signature, getsource and the other file and frame functions (getfile, stack,
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


def isawaitable(object):
    if isinstance(object, _CoroutineType):
        return True
    if isinstance(object, _GeneratorType):
        code = getattr(object, 'gi_code', None)
        if code is not None and code.co_flags & CO_ITERABLE_COROUTINE:
            return True
    import collections.abc
    return isinstance(object, collections.abc.Awaitable)


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    _unsupported('inspect.signature()')


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
