# The parts of asyncio written in Python, adapted from CPython 3.11.7 (tasks.py,
# timeouts.py, taskgroups.py, locks.py, queues.py) so their scheduling matches exactly.
# Runs inside the engine; `_n` is the native asyncio core (Future, Task, loop, sleep).

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


def _partial(func, *pargs):
    def call(*args):
        return func(*pargs, *args)
    return call


def _ensure_future(arg, loop=None):
    if isfuture(arg):
        return arg
    if not iscoroutine(arg):
        if not _isawaitable(arg):
            raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')
        arg = _wrap_awaitable(arg)
    if loop is None:
        loop = events._get_event_loop(stacklevel=4)  # tb: tasks.py:678
    return loop.create_task(arg)


class events:
    # what tasks.py calls in asyncio.events, under its names there (its traceback lines)
    _get_event_loop = staticmethod(lambda stacklevel=3: get_event_loop())


def _isawaitable(obj):
    return hasattr(type(obj), '__await__')


async def _wrap_awaitable(awaitable):
    return await awaitable  # tb: tasks.py:694 return (yield from awaitable.__await__())


def ensure_future(coro_or_future, *, loop=None):
    return _ensure_future(coro_or_future, loop=loop)  # tb: tasks.py:659


def shield(arg):
    inner = _ensure_future(arg)
    if inner.done():
        return inner
    loop = inner.get_loop()
    outer = _future(loop, "shield")

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut, loop):
    waiter = _future(loop, "cancellation")
    cb = _partial(_release_waiter, waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    loop = get_running_loop()

    if timeout is None:
        return await fut  # tb: tasks.py:452

    if timeout <= 0:
        fut = _ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()  # tb: tasks.py:458
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()  # tb: tasks.py:462
        except CancelledError as exc:
            raise TimeoutError() from exc  # tb: tasks.py:464 raise exceptions.TimeoutError() from exc

    waiter = _future(loop, "wait_for")
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = _partial(_release_waiter, waiter)

    fut = _ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)

    try:
        try:
            await waiter  # tb: tasks.py:476
        except CancelledError:
            if fut.done():
                return fut.result()  # tb: tasks.py:479
            else:
                fut.remove_done_callback(cb)
                await _cancel_and_wait(fut, loop=loop)
                raise

        if fut.done():
            return fut.result()  # tb: tasks.py:489
        else:
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)
            try:
                return fut.result()  # tb: tasks.py:500
            except CancelledError as exc:
                raise TimeoutError() from exc  # tb: tasks.py:502 raise exceptions.TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def _wait(fs, timeout, return_when, loop):
    waiter = _future(loop, "wait")
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or
            return_when == FIRST_COMPLETED or
            return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)

    try:
        await waiter  # tb: tasks.py:535
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)

    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")  # tb: tasks.py:416
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')  # tb: tasks.py:418
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')  # tb: tasks.py:420

    loop = get_running_loop()
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")  # tb: tasks.py:425

    return await _wait(fs, timeout, return_when, loop)


def as_completed(fs, *, timeout=None):
    # a generator, as CPython's: nothing runs until the first next()
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")  # tb: tasks.py:587

    done = Queue()
    loop = events._get_event_loop()  # tb: tasks.py:592
    todo = {_ensure_future(f, loop=loop) for f in set(fs)}
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        todo.clear()

    def _on_completion(f):
        if not todo:
            return
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError  # tb: tasks.py:614 raise exceptions.TimeoutError
        return f.result()  # tb: tasks.py:615 return f.result()  # May raise f.exception().

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


def _run_in_context(context, fn, *args, **kwargs):
    # fn(*args, **kwargs) with `context` (the engine's variables of a contextvars context) current
    previous = _ctx_swap(context)
    try:
        return fn(*args, **kwargs)
    finally:
        _ctx_swap(previous)


async def to_thread(func, *args, **kwargs):
    loop = get_running_loop()
    # The function runs in a copy of the caller's contextvars context, as CPython's does.
    context = _ctx_copy(_ctx_current())
    func_call = lambda: _run_in_context(context, func, *args, **kwargs)
    return await loop.run_in_executor(None, func_call)  # tb: threads.py:25


class Timeout:
    __module__ = 'asyncio.timeouts'
    def __init__(self, when):
        self._state = 'created'
        self._timeout_handler = None
        self._task = None
        self._when = when

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._state != 'active':
            if self._state == 'created':
                raise RuntimeError("Timeout has not been entered")
            raise RuntimeError(f"Cannot change state of {self._state} Timeout")
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state in ('expiring', 'expired')

    def __repr__(self):
        info = ['']
        if self._state == 'active':
            when = round(self._when, 3) if self._when is not None else None
            info.append(f"when={when}")
        info_str = ' '.join(info)
        return f"<Timeout [{self._state}]{info_str}>"

    async def __aenter__(self):
        if self._state != 'created':
            raise RuntimeError("Timeout has already been entered")
        task = current_task()
        if task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._state = 'active'
        self._task = task
        self._cancelling = self._task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state == 'expiring':
            self._state = 'expired'
            if self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
                raise TimeoutError from exc_val  # tb: timeouts.py:115
        elif self._state == 'active':
            self._state = 'finished'
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = 'expiring'
        self._timeout_handler = None


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)


class Runner:
    # asyncio.Runner: one event loop for several run() calls, closed by close() or the end of
    # a with block (the tasks left cancelled, async generators and the default executor shut
    # down), as CPython's runners.py does.
    def __init__(self, *, debug=None, loop_factory=None):
        self._state = 'created'
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None

    def __enter__(self):
        self._lazy_init()  # tb: runners.py:59
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()  # tb: runners.py:63

    def close(self):
        if self._state != 'initialized':
            return
        try:
            _runner_close(self._loop)  # tb: runners.py:71 _cancel_all_tasks(loop)
        finally:
            self._loop = None
            self._state = 'closed'

    def get_loop(self):
        self._lazy_init()  # tb: runners.py:83
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))  # tb: runners.py:89
        if _running_loop() is not None:
            raise RuntimeError(  # tb: runners.py:93
                "Runner.run() cannot be called from a running event loop")
        self._lazy_init()  # tb: runners.py:96
        return _runner_run(self._loop, coro)

    def _lazy_init(self):
        if self._state == 'closed':
            raise RuntimeError("Runner is closed")  # tb: runners.py:133
        if self._state == 'initialized':
            return
        if self._loop_factory is None:
            self._loop = _runner_loop(self._debug)
        else:
            self._loop = self._loop_factory()  # tb: runners.py:144
            if self._debug is not None:
                self._loop.set_debug(self._debug)
        self._state = 'initialized'


class TaskGroup:
    __module__ = 'asyncio.taskgroups'
    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = []
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = ['']
        if self._tasks:
            info.append(f'tasks={len(self._tasks)}')
        if self._errors:
            info.append(f'errors={len(self._errors)}')
        if self._aborting:
            info.append('cancelling')
        elif self._entered:
            info.append('entered')
        info_str = ' '.join(info)
        return f'<TaskGroup{info_str}>'

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has already been entered")
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(f'TaskGroup {self!r} cannot determine the parent task')
        self._entered = True
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if (exc is not None and self._is_base_error(exc) and self._base_error is None):
            self._base_error = exc
        propagate_cancellation_error = exc if et is CancelledError else None
        if self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                propagate_cancellation_error = None
        if et is not None:
            if not self._aborting:
                self._abort()
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = _future(self._loop, "task_group")
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None
        if self._base_error is not None:
            raise self._base_error  # tb: taskgroups.py:129
        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error  # tb: taskgroups.py:134
        if et is not None and et is not CancelledError:
            self._errors.append(exc)
        if self._errors:
            try:
                me = BaseExceptionGroup('unhandled errors in a TaskGroup', self._errors)
                raise me from None  # tb: taskgroups.py:145
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._exiting and not self._tasks:
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        task = self._loop.create_task(coro, context=context)  # numbered, then named (tasks._set_task_name)
        if name is not None:
            task.set_name(name)
        task.add_done_callback(self._on_task_done)
        self._tasks.append(task)
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        if task in self._tasks:
            self._tasks.remove(task)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            return
        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_ContextManagerMixin):
    __module__ = 'asyncio.locks'
    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<asyncio.locks.Lock object at 0x7f0000000000 [{extra}]>'

    def locked(self):
        return self._locked

    async def acquire(self):
        if (not self._locked and (self._waiters is None or
                all(w.cancelled() for w in self._waiters))):
            self._locked = True
            return True

        if self._waiters is None:
            self._waiters = _deque()
        fut = _future(get_running_loop(), "lock")
        self._waiters.append(fut)

        try:
            try:
                await fut  # tb: locks.py:114
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise

        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')  # tb: locks.py:140

    def _wake_up_first(self):
        if not self._waiters:
            return
        try:
            fut = next(iter(self._waiters))
        except StopIteration:
            return
        if not fut.done():
            fut.set_result(True)


class Event:
    __module__ = 'asyncio.locks'
    def __init__(self):
        self._waiters = _deque()
        self._value = False

    def __repr__(self):
        extra = 'set' if self._value else 'unset'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<asyncio.locks.Event object at 0x7f0000000000 [{extra}]>'

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = _future(get_running_loop(), "event")
        self._waiters.append(fut)
        try:
            await fut  # tb: locks.py:213
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_ContextManagerMixin):
    __module__ = 'asyncio.locks'
    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = _deque()

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')  # tb: locks.py:260
        self.release()
        try:
            fut = _future(get_running_loop(), "event")
            self._waiters.append(fut)
            try:
                await fut  # tb: locks.py:267
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            err = None
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError as e:
                    err = e
            if err:
                try:
                    raise err
                finally:
                    err = None

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')  # tb: locks.py:311
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin):
    __module__ = 'asyncio.locks'
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    def __repr__(self):
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<asyncio.locks.{type(self).__name__} object at 0x7f0000000000 [{extra}]>'

    def locked(self):
        return self._value == 0 or (
            any(not w.cancelled() for w in (self._waiters or ())))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True

        if self._waiters is None:
            self._waiters = _deque()
        fut = _future(get_running_loop(), "lock")
        self._waiters.append(fut)

        try:
            try:
                await fut  # tb: locks.py:387
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise

        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return False
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return True
        return False


class BoundedSemaphore(Semaphore):
    __module__ = 'asyncio.locks'
    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')  # tb: locks.py:434
        super().release()


class QueueEmpty(Exception):
    __module__ = 'asyncio.queues'
    pass


class QueueFull(Exception):
    __module__ = 'asyncio.queues'
    pass


class Queue:
    __module__ = 'asyncio.queues'
    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = _deque()
        self._putters = _deque()
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = _deque()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f'<{type(self).__name__} at 0x7f0000000000 {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        result = f'maxsize={self._maxsize!r}'
        if getattr(self, '_queue', None):
            result += f' _queue={list(self._queue)!r}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        else:
            return self.qsize() >= self._maxsize

    async def put(self, item):
        while self.full():
            putter = _future(get_running_loop(), "queue_put")
            self._putters.append(putter)
            try:
                await putter  # tb: queues.py:120
            except:
                putter.cancel()
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull  # tb: queues.py:143
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        while self.empty():
            getter = _future(get_running_loop(), "queue_get")
            self._getters.append(getter)
            try:
                await getter  # tb: queues.py:158
            except:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty  # tb: queues.py:181
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')  # tb: queues.py:201
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class LifoQueue(Queue):
    __module__ = 'asyncio.queues'
    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()


class PriorityQueue(Queue):
    __module__ = 'asyncio.queues'
    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)
        self._queue.sort()

    def _get(self):
        return self._queue.pop(0)


class BrokenBarrierError(RuntimeError):
    __module__ = 'asyncio.exceptions'


class Barrier:
    __module__ = 'asyncio.locks'

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()
        self._parties = parties
        self._state = 'filling'
        self._count = 0

    def __repr__(self):
        extra = f'{self._state}'
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return f'<asyncio.locks.Barrier object at 0x7f0000000000 [{extra}]>'

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        async with self._cond:
            await self._block()
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    await self._release()
                else:
                    await self._wait()
                return index
            finally:
                self._count -= 1
                self._exit()

    async def _block(self):
        await self._cond.wait_for(lambda: self._state not in ('draining', 'resetting'))
        if self._state == 'broken':
            raise BrokenBarrierError("Barrier aborted")

    async def _release(self):
        self._state = 'draining'
        self._cond.notify_all()

    async def _wait(self):
        await self._cond.wait_for(lambda: self._state != 'filling')
        if self._state in ('broken', 'resetting'):
            raise BrokenBarrierError("Abort or reset of barrier")

    def _exit(self):
        if self._count == 0:
            if self._state in ('resetting', 'draining'):
                self._state = 'filling'
            self._cond.notify_all()

    async def reset(self):
        async with self._cond:
            if self._count > 0:
                if self._state != 'resetting':
                    self._state = 'resetting'
            else:
                self._state = 'filling'
            self._cond.notify_all()

    async def abort(self):
        async with self._cond:
            self._state = 'broken'
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == 'filling':
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == 'broken'


# ---- concurrent.futures and threading, simulated ----
# There is one real thread. A worker thread (or process) of a pool is a timeline of its own: a job
# runs to its end the moment it is submitted, on the worker that frees up first (jobs wait in
# FIFO order for a free worker, as in CPython), and its time.sleep calls advance only that
# worker's clock (`_worker_clock`). The job's future is done when that clock stops. Waiting for it
# from the main thread (`result()`, `shutdown()`, `join()`) blocks like time.sleep until then.

_CPU_COUNT = 2  # os.cpu_count() of the machine the oracle programs were recorded on
_FIRST_COMPLETED = 'FIRST_COMPLETED'
_FIRST_EXCEPTION = 'FIRST_EXCEPTION'
_ALL_COMPLETED = 'ALL_COMPLETED'
_threads_started = [0]
_pools_made = [0]
_live_threads = []  # every thread object but the main one; alive while its clock runs on
_ident_base = 140_000_000_000_000


def _block_until(when):
    # the calling thread waits (blocks) until virtual time `when`
    now = _clock()
    if when > now:
        _blocking_sleep(when - now)


def _define_threading():
    class Thread:
        __module__ = 'threading'

        def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
            if name is None:
                _threads_started[0] += 1
                name = f'Thread-{_threads_started[0]}'
                if target is not None:
                    name += f' ({target.__name__})'
            self.name = name
            self.daemon = bool(daemon)
            self._target = target
            self._args = args
            self._kwargs = kwargs or {}
            self._started = False
            self._end = None
            self._worker_end = None
            self.ident = None
            self.native_id = None
            self._context = _ctx_new()

        def start(self):
            if self._started:
                raise RuntimeError('threads can only be started once')
            self._started = True
            self.ident = self.native_id = _ident_base + 4096 * (len(_live_threads) + 1)
            _live_threads.append(self)
            self._end = _run_as(self, self.run, _clock())

        def run(self):
            if self._target is not None:
                self._target(*self._args, **self._kwargs)

        def join(self, timeout=None):
            if not self._started:
                raise RuntimeError('cannot join thread before it is started')
            if timeout is None:
                _block_until(self._end)
            else:
                _block_until(min(self._end, _clock() + timeout))

        def is_alive(self):
            if not self._started:
                return False
            return self is _current[0] or self._alive_at(_clock())

        def _alive_at(self, now):
            if self._worker_end is not None:  # a pool's worker: idle until the pool shuts down
                return self._pool_open or now < self._worker_end
            return now < self._end

        def getName(self):
            return self.name

        def __repr__(self):
            status = 'initial'
            if self._started:
                status = 'started' if self.is_alive() else 'stopped'
            if self.daemon:
                status += ' daemon'
            if self.ident is not None:
                status += f' {self.ident}'
            return f'<{type(self).__name__}({self.name}, {status})>'

    class _MainThread(Thread):
        def __init__(self):
            Thread.__init__(self, name='MainThread')
            self._started = True
            self.ident = self.native_id = _ident_base

        def is_alive(self):
            return True

    class Lock:
        __module__ = 'threading'

        def __init__(self):
            self._locked = False

        def acquire(self, blocking=True, timeout=-1):
            if self._locked:
                if not blocking or timeout >= 0:
                    return False
                raise RuntimeError('deadlock: acquiring a held threading.Lock (only one real thread here)')
            self._locked = True
            return True

        __enter__ = acquire

        def release(self):
            if not self._locked:
                raise RuntimeError('release unlocked lock')
            self._locked = False

        def __exit__(self, *exc):
            self.release()

        def locked(self):
            return self._locked

    main = _MainThread()
    _current.append(main)

    def current_thread():
        return _current[0]

    def main_thread():
        return main

    def get_ident():
        return _current[0].ident

    def active_count():
        return len(enumerate())

    def enumerate():
        now = _clock()
        return [main] + [t for t in _live_threads if t is _current[0] or t._alive_at(now)]

    def getswitchinterval():
        return 0.005

    return {
        'Thread': Thread, 'Lock': Lock, 'RLock': Lock, 'current_thread': current_thread,
        'main_thread': main_thread, 'get_ident': get_ident, 'get_native_id': get_ident,
        'active_count': active_count, 'enumerate': enumerate, 'TIMEOUT_MAX': 9223372036.0,
    }


_current = []


def _current_thread_name():
    return _current[0].name if _current else 'MainThread'


def _run_as(thread, fn, start):
    # runs fn() "on" thread from virtual time `start` to its end, in the thread's own contextvars
    # context (a thread starts with an empty one and keeps it from job to job); returns the end
    prev_clock = _worker_clock(start)
    prev_thread = _current[0]
    _current[0] = thread
    try:
        _run_in_context(thread._context, fn)
    finally:
        _current[0] = prev_thread
        end = _worker_clock(prev_clock)
    return end


# Built on first import (or first executor use), so programs without threads start no slower.
_threading = None
_futures = None
_Thread = None


def _load_threading():
    global _threading, _Thread
    if _threading is None:
        _threading = _define_threading()
        _Thread = _threading['Thread']
    return _threading


def _load_futures():
    global _futures
    _load_threading()
    if _futures is None:
        _futures = _define_futures()
    return _futures


class _WorkItem:
    def __init__(self, fn, args, kwargs):
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.ok = False
        self.value = None

    def run(self):
        try:
            result = self.fn(*self.args, **self.kwargs)  # tb: thread.py:58
        except BaseException as exc:
            self.value = exc
        else:
            self.ok = True
            self.value = result


def _define_futures():
    class Future:
        __module__ = 'concurrent.futures._base'

        def __init__(self):
            self._done_at = None  # set when the job has been given to a worker
            self._ok = False
            self._value = None
            self._callbacks = []

        def _finish(self, ok, value, when):
            self._ok, self._value, self._done_at = ok, value, when
            callbacks, self._callbacks = self._callbacks, []
            for fn in callbacks:
                fn(self)  # called at once: the job has run (its worker's clock is ahead)

        def done(self):
            return self._done_at is not None and _clock() >= self._done_at

        def running(self):
            return self._done_at is not None and not self.done()

        def cancelled(self):
            return False

        def cancel(self):
            return False

        def add_done_callback(self, fn):
            if self._done_at is None:
                self._callbacks.append(fn)
            else:
                fn(self)

        def _wait(self, timeout):
            if timeout is not None and self._done_at > _clock() + timeout:
                _block_until(_clock() + timeout)
                raise TimeoutError()
            _block_until(self._done_at)

        def result(self, timeout=None):
            self._wait(timeout)
            if self._ok:
                return self._value
            raise self._value

        def exception(self, timeout=None):
            self._wait(timeout)
            return None if self._ok else self._value

        def __repr__(self):
            if self.done():
                if self._ok:
                    return f'<Future at {_hex_id(self)} state=finished returned {type(self._value).__name__}>'
                return f'<Future at {_hex_id(self)} state=finished raised {type(self._value).__name__}>'
            return f'<Future at {_hex_id(self)} state=running>'

    class Executor:
        __module__ = 'concurrent.futures._base'

        def __enter__(self):
            return self

        def __exit__(self, exc_type, exc_val, exc_tb):
            self.shutdown(wait=True)
            return False

        def map(self, fn, *iterables, timeout=None, chunksize=1):
            fs = [self.submit(fn, *args) for args in zip(*iterables)]

            def result_iterator():
                for f in fs:
                    yield f.result(timeout)
            return result_iterator()

    class ThreadPoolExecutor(Executor):
        __module__ = 'concurrent.futures.thread'
        _kind = 'thread'

        def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
            if max_workers is None:
                max_workers = min(32, _CPU_COUNT + 4)
            if max_workers <= 0:
                raise ValueError('max_workers must be greater than 0')
            self._max_workers = max_workers
            if not thread_name_prefix:
                thread_name_prefix = f'ThreadPoolExecutor-{_pools_made[0]}'
                _pools_made[0] += 1
            self._thread_name_prefix = thread_name_prefix
            self._initializer = initializer
            self._initargs = initargs
            self._workers = []  # thread objects; each has _worker_end: when it is free again
            self._finished = []  # end times of the jobs run so far (idle-semaphore releases)
            self._idle_taken = 0
            self._shutdown = False
            self._last_end = 0.0

        def _new_worker(self, now):
            t = _Thread(name=f'{self._thread_name_prefix}_{len(self._workers)}')
            t._started = True
            t.ident = t.native_id = _ident_base + 4096 * (len(_live_threads) + 1)
            t._worker_end = now
            t._end = None
            t._pool_open = True
            _live_threads.append(t)
            self._workers.append(t)
            if self._initializer is not None:
                t._worker_end = _run_as(t, lambda: self._initializer(*self._initargs), now)

        def _adjust_workers(self, now):
            # CPython starts a new thread unless one is idle (a finished job released the semaphore)
            released = len([e for e in self._finished if e <= now])
            if released > self._idle_taken:
                self._idle_taken += 1
            elif len(self._workers) < self._max_workers:
                self._new_worker(now)

        def submit(self, fn, /, *args, **kwargs):
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            now = _clock()
            self._adjust_workers(now)
            worker = self._workers[0]
            for w in self._workers:
                if w._worker_end < worker._worker_end:
                    worker = w
            start = max(now, worker._worker_end)
            item = _WorkItem(fn, args, kwargs)
            end = _run_as(worker, item.run, start)
            worker._worker_end = end
            self._finished.append(end)
            self._last_end = max(self._last_end, end)
            f = Future()
            f._finish(item.ok, item.value, end)
            return f

        def shutdown(self, wait=True, *, cancel_futures=False):
            self._shutdown = True
            if wait:
                _block_until(self._last_end)
            for w in self._workers:
                w._pool_open = False

    class ProcessPoolExecutor(ThreadPoolExecutor):
        # worker processes: a job's pure-Python work runs outside this interpreter's GIL; here, as
        # everywhere in the engine, only sleeping costs virtual time
        __module__ = 'concurrent.futures.process'
        _kind = 'process'

        def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                     max_tasks_per_child=None):
            if max_workers is None:
                max_workers = _CPU_COUNT
            if max_workers <= 0:
                raise ValueError('max_workers must be greater than 0')
            ThreadPoolExecutor.__init__(self, max_workers, 'SpawnProcess', initializer, initargs)
            self._main = _threading['main_thread']()

        def _new_worker(self, now):
            ThreadPoolExecutor._new_worker(self, now)
            # a process's own thread is its MainThread; it is not a thread of this process
            t = self._workers[-1]
            _live_threads.remove(t)
            t.name = 'MainThread'

        def submit(self, fn, /, *args, **kwargs):
            if not hasattr(fn, '__module__') and not hasattr(fn, '__name__'):
                raise TypeError(f'cannot pickle {type(fn).__name__!r} object')
            return ThreadPoolExecutor.submit(self, fn, *args, **kwargs)

    def as_completed(fs, timeout=None):
        order = sorted(enumerate(fs), key=lambda p: (p[1]._done_at, p[0]))
        deadline = None if timeout is None else _clock() + timeout

        def gen():
            for _, f in order:
                if deadline is not None and f._done_at > deadline:
                    _block_until(deadline)
                    raise TimeoutError(f'{len(order)} (of {len(order)}) futures unfinished')
                _block_until(f._done_at)
                yield f
        return gen()

    def wait(fs, timeout=None, return_when=_ALL_COMPLETED):
        fs = list(fs)
        ends = sorted(f._done_at for f in fs)
        until = ends[-1] if ends else _clock()
        if return_when == _FIRST_COMPLETED and ends:
            until = ends[0]
        elif return_when == _FIRST_EXCEPTION:
            failed = [f._done_at for f in fs if not f._ok]
            if failed:
                until = min(failed)
        until = max(until, _clock())
        if timeout is not None:
            until = min(until, _clock() + timeout)
        _block_until(until)
        done = set(f for f in fs if f._done_at <= until)
        return (done, set(fs) - done)

    return {
        'Future': Future, 'Executor': Executor, 'ThreadPoolExecutor': ThreadPoolExecutor,
        'ProcessPoolExecutor': ProcessPoolExecutor, 'as_completed': as_completed, 'wait': wait,
        'FIRST_COMPLETED': _FIRST_COMPLETED, 'FIRST_EXCEPTION': _FIRST_EXCEPTION,
        'ALL_COMPLETED': _ALL_COMPLETED, 'TimeoutError': TimeoutError,
        'InvalidStateError': InvalidStateError,
    }


def _hex_id(obj):
    return f'0x{id(obj):x}'


_default_executors = []  # [loop, executor] pairs: asyncio's default executor per loop


def wrap_future(future, *, loop=None):
    if isfuture(future):
        return future
    if loop is None:
        loop = get_event_loop()
    return _future_at(loop, future._done_at, future._ok, future._value)


def _run_in_executor(loop, executor, func, *args):
    if executor is None:
        for lp, ex in _default_executors:
            if lp is loop:
                executor = ex
        if executor is None:
            executor = _load_futures()['ThreadPoolExecutor'](thread_name_prefix='asyncio')
            _default_executors.append((loop, executor))
    return wrap_future(executor.submit(func, *args), loop=loop)


async def _shutdown_default_executor(loop):
    # BaseEventLoop.shutdown_default_executor(): a thread joins the pool while the loop runs on
    for pair in _default_executors:
        if pair[0] is loop:
            _default_executors.remove(pair)
            executor = pair[1]
            executor.shutdown(wait=False)
            if executor._last_end > _clock():
                await sleep(executor._last_end - _clock())
