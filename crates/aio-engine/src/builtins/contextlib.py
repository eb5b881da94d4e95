# The `contextlib` module: what learners use of CPython 3.11.7's Lib/contextlib.py, written to
# its documented behaviour and messages. Parsed and run on the first `import contextlib` only.
# Left out: chdir (a page has no files), __subclasshook__ (no abc: the abstract classes are
# plain bases), and the special-method lookup on the type (methods are looked up on the
# object, so an object whose instance dict holds __exit__ differs).
import sys
from functools import wraps


class AbstractContextManager:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class AbstractAsyncContextManager:
    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_value, traceback):
        return None


class ContextDecorator(object):
    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class AsyncContextDecorator(object):
    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @wraps(func)
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return inner


class _GeneratorContextManagerBase:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        doc = getattr(func, '__doc__', None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        # one-shot: a decorated function makes a fresh one for each call
        return self.__class__(self.func, self.args, self.kwds)


class _GeneratorContextManager(_GeneratorContextManagerBase, AbstractContextManager, ContextDecorator):
    def __enter__(self):
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)  # tb: contextlib.py:137
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None  # tb: contextlib.py:139

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)  # tb: contextlib.py:144
            except StopIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")  # tb: contextlib.py:149
        if value is None:
            value = typ()
        try:
            self.gen.throw(typ, value, traceback)  # tb: contextlib.py:158
        except StopIteration as exc:
            # a StopIteration raised in the block itself is not swallowed
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                exc.__traceback__ = traceback
                return False
            # PEP 479 turned the StopIteration thrown in into this RuntimeError
            if isinstance(value, StopIteration) and exc.__cause__ is value:
                value.__traceback__ = traceback
                return False
            raise
        except BaseException as exc:
            # the block's exception came back out: let the with statement re-raise it
            if exc is not value:
                raise
            exc.__traceback__ = traceback
            return False
        raise RuntimeError("generator didn't stop after throw()")  # tb: contextlib.py:194


class _AsyncGeneratorContextManager(_GeneratorContextManagerBase, AbstractAsyncContextManager,
                                    AsyncContextDecorator):
    async def __aenter__(self):
        del self.args, self.kwds, self.func
        try:
            return await anext(self.gen)  # tb: contextlib.py:210
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None  # tb: contextlib.py:212

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)  # tb: contextlib.py:217
            except StopAsyncIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")  # tb: contextlib.py:222
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(typ, value, traceback)  # tb: contextlib.py:231
        except StopAsyncIteration as exc:
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                exc.__traceback__ = traceback
                return False
            if isinstance(value, (StopIteration, StopAsyncIteration)) and exc.__cause__ is value:
                value.__traceback__ = traceback
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            exc.__traceback__ = traceback
            return False
        raise RuntimeError("generator didn't stop after athrow()")  # tb: contextlib.py:267


def contextmanager(func):
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


def asynccontextmanager(func):
    @wraps(func)
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper


class closing(AbstractContextManager):
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()  # tb: contextlib.py:360


class aclosing(AbstractAsyncContextManager):
    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()  # tb: contextlib.py:386


class _RedirectStream(AbstractContextManager):
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        # several of them can be nested: each restores what it replaced
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Sends what print() writes to another file-like object while the block runs."""
    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Sends what is written to sys.stderr to another file-like object while the block runs."""
    _stream = "stderr"


class suppress(AbstractContextManager):
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


def _special(obj, name):
    # obj.name for a special method, as a lookup on type(obj) finds it (a class's own
    # methods are not its special methods)
    if isinstance(obj, type):
        raise AttributeError(name)
    return getattr(obj, name)


def _not_a_cm(cm, kind):
    cls = type(cm)
    return TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does not support the {kind} protocol")


class _BaseExitStack:
    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        try:
            exit_method = _special(exit, '__exit__')
        except AttributeError:
            self._exit_callbacks.append((True, exit))  # a plain callable
        else:
            self._exit_callbacks.append((True, exit_method))
        return exit  # usable as a decorator

    def enter_context(self, cm):
        try:
            _enter = _special(cm, '__enter__')
            _exit = _special(cm, '__exit__')
        except AttributeError:
            raise _not_a_cm(cm, 'context manager') from None
        result = _enter()
        self._exit_callbacks.append((True, _exit))
        return result

    def callback(self, callback, /, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)  # tb: contextlib.py:469
        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append((True, _exit_wrapper))
        return callback


def _fix_exception_context(new_exc, old_exc, frame_exc):
    # make the chain of new_exc end at old_exc, as nested with statements would
    while 1:
        exc_context = new_exc.__context__
        if exc_context is None or exc_context is old_exc:
            return
        if exc_context is frame_exc:
            break
        new_exc = exc_context
    new_exc.__context__ = old_exc


class ExitStack(_BaseExitStack, AbstractContextManager):
    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        frame_exc = sys.exc_info()[1]
        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            assert is_sync
            try:
                if cb(*exc_details):  # tb: contextlib.py:586
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as new_exc:
                _fix_exception_context(new_exc, exc_details[1], frame_exc)
                pending_raise = True
                exc_details = (type(new_exc), new_exc, new_exc.__traceback__)
        if pending_raise:
            # a bare `raise exc_details[1]` would replace the context set up above
            fixed_ctx = exc_details[1].__context__
            try:
                raise exc_details[1]  # tb: contextlib.py:601
            except BaseException:
                exc_details[1].__context__ = fixed_ctx
                raise
        return received_exc and suppressed_exc

    def close(self):
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    async def enter_async_context(self, cm):
        try:
            _enter = _special(cm, '__aenter__')
            _exit = _special(cm, '__aexit__')
        except AttributeError:
            raise _not_a_cm(cm, 'asynchronous context manager') from None
        result = await _enter()
        self._exit_callbacks.append((False, _exit))
        return result

    def push_async_exit(self, exit):
        try:
            exit_method = _special(exit, '__aexit__')
        except AttributeError:
            self._exit_callbacks.append((False, exit))  # a coroutine function
        else:
            self._exit_callbacks.append((False, exit_method))
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        async def _exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)  # tb: contextlib.py:633
        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append((False, _exit_wrapper))
        return callback

    async def aclose(self):
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        frame_exc = sys.exc_info()[1]
        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if is_sync:
                    cb_suppress = cb(*exc_details)  # tb: contextlib.py:726
                else:
                    cb_suppress = await cb(*exc_details)  # tb: contextlib.py:728
                if cb_suppress:
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as new_exc:
                _fix_exception_context(new_exc, exc_details[1], frame_exc)
                pending_raise = True
                exc_details = (type(new_exc), new_exc, new_exc.__traceback__)
        if pending_raise:
            # a bare `raise exc_details[1]` would replace the context set up above
            fixed_ctx = exc_details[1].__context__
            try:
                raise exc_details[1]  # tb: contextlib.py:745
            except BaseException:
                exc_details[1].__context__ = fixed_ctx
                raise
        return received_exc and suppressed_exc


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass
