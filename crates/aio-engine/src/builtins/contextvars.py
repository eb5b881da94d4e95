# contextvars: ContextVar, Token, Context and copy_context, after CPython 3.11's `_contextvars`
# (written in C there), written fresh. The variables of each context live in the engine
# (`_aio._ctx_*`), which runs every step of a task in the task's own context (a copy of its
# creator's, taken at `create_task`) and every callback in a copy of the context it was scheduled
# in, as asyncio does.

import asyncio as _aio

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')

_NO_DEFAULT = object()
_MISSING = object()


class ContextVar:
    __module__ = '_contextvars'

    def __init__(self, name, *, default=_NO_DEFAULT):
        if not isinstance(name, str):
            raise TypeError('context variable name must be a str')
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, default=_NO_DEFAULT):
        value = _aio._ctx_get(_aio._ctx_current(), self, _MISSING)
        if value is not _MISSING:
            return value
        if default is not _NO_DEFAULT:
            return default
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, value):
        context = _aio._ctx_current()
        old = _aio._ctx_get(context, self, _MISSING)
        _aio._ctx_set(context, self, value)
        old = Token.MISSING if old is _MISSING else old
        return Token(context, self, old, _maker=_TOKEN_MAKER)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f'expected an instance of Token, got {token!r}')
        if token._used:
            raise RuntimeError(f'{token!r} has already been used once')
        if token._var is not self:
            raise ValueError(f'{token!r} was created by a different ContextVar')
        context = _aio._ctx_current()
        if not _aio._ctx_same(token._context, context):
            raise ValueError(f'{token!r} was created in a different Context')
        token._used = True
        if token._old_value is Token.MISSING:
            _aio._ctx_remove(context, self)
        else:
            _aio._ctx_set(context, self, token._old_value)

    def __repr__(self):
        text = f'<ContextVar name={self._name!r}'
        if self._default is not _NO_DEFAULT:
            text += f' default={self._default!r}'
        return text + f' at 0x{id(self):x}>'

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type '_contextvars.ContextVar' is not an acceptable base type")


class _TokenMissing:
    def __repr__(self):
        return '<Token.MISSING>'


_TOKEN_MAKER = object()


class Token:
    __module__ = '_contextvars'
    MISSING = _TokenMissing()

    def __init__(self, *args, _maker=None):
        if _maker is not _TOKEN_MAKER:
            raise RuntimeError('Tokens can only be created by ContextVars')
        context, var, old_value = args
        self._context = context
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = ' used' if self._used else ''
        return f'<Token{used} var={self._var!r} at 0x{id(self):x}>'


def _check_var(var):
    if not isinstance(var, ContextVar):
        raise TypeError(f'a ContextVar key was expected, got {var!r}')


class Context:
    __module__ = '_contextvars'

    def __init__(self, *args, _data=None, **kwargs):
        # `_data`: the variables of an existing context (`copy`, `copy_context`); a program
        # calls `Context()` for an empty one.
        if args or kwargs:
            raise TypeError('Context() does not accept any arguments')
        self._data = _aio._ctx_new() if _data is None else _data
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f'cannot enter context: {self} is already entered')
        self._entered = True
        try:
            return _aio._run_in_context(self._data, callable, *args, **kwargs)
        finally:
            self._entered = False

    def copy(self):
        return _context_of(_aio._ctx_copy(self._data))

    def __getitem__(self, var):
        _check_var(var)
        value = _aio._ctx_get(self._data, var, _MISSING)
        if value is _MISSING:
            raise KeyError(var)
        return value

    def get(self, var, default=None):
        _check_var(var)
        value = _aio._ctx_get(self._data, var, _MISSING)
        return default if value is _MISSING else value

    def __contains__(self, var):
        _check_var(var)
        return _aio._ctx_get(self._data, var, _MISSING) is not _MISSING

    def __len__(self):
        return len(_aio._ctx_items(self._data))

    def __iter__(self):
        return iter([var for var, _ in _aio._ctx_items(self._data)])

    def keys(self):
        return [var for var, _ in _aio._ctx_items(self._data)]

    def values(self):
        return [value for _, value in _aio._ctx_items(self._data)]

    def items(self):
        return _aio._ctx_items(self._data)

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __hash__ = None


def _context_of(data):
    return Context(_data=data)


def copy_context():
    return _context_of(_aio._ctx_copy(_aio._ctx_current()))
