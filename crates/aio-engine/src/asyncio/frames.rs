//! The lines of CPython 3.11.7's `Lib/asyncio` that a traceback shows when an error passes
//! through one of its functions the engine writes natively (`gather`, `current_task`,
//! `get_event_loop`...): CPython's frames, added to the error as it leaves the native.

use std::rc::Rc;

use crate::runtime::object::TbEntry;
use crate::runtime::value::ExcRef;

/// A line of CPython's asyncio: file, line, function, source line and the columns its carets
/// cover (none for a whole statement).
pub(crate) type StdlibLine = (
    &'static str,
    u32,
    &'static str,
    &'static str,
    Option<(u32, u32)>,
);

const GET_RUNNING_LOOP: &str = "        loop = events.get_running_loop()";

pub(crate) const CURRENT_TASK: StdlibLine = (
    "tasks.py",
    38,
    "current_task",
    GET_RUNNING_LOOP,
    Some((15, 40)),
);
pub(crate) const ALL_TASKS: StdlibLine = (
    "tasks.py",
    45,
    "all_tasks",
    GET_RUNNING_LOOP,
    Some((15, 40)),
);
pub(crate) const CREATE_TASK: StdlibLine = (
    "tasks.py",
    381,
    "create_task",
    "    loop = events.get_running_loop()",
    Some((11, 36)),
);
pub(crate) const GATHER_EMPTY_GET_LOOP: StdlibLine = (
    "tasks.py",
    759,
    "gather",
    "        loop = events._get_event_loop()",
    Some((15, 39)),
);
pub(crate) const GATHER_MEMBERSHIP: StdlibLine = (
    "tasks.py",
    826,
    "gather",
    "        if arg not in arg_to_fut:",
    Some((11, 32)),
);
pub(crate) const GATHER_ENSURE_FUTURE: StdlibLine = (
    "tasks.py",
    827,
    "gather",
    "            fut = _ensure_future(arg, loop=loop)",
    Some((18, 48)),
);
pub(crate) const ENSURE_FUTURE_RAISE: StdlibLine = (
    "tasks.py",
    674,
    "_ensure_future",
    "        raise TypeError('An asyncio.Future, a coroutine or an awaitable '",
    None,
);
pub(crate) const ENSURE_FUTURE_GET_LOOP: StdlibLine = (
    "tasks.py",
    678,
    "_ensure_future",
    "        loop = events._get_event_loop(stacklevel=4)",
    Some((15, 51)),
);
pub(crate) const NO_CURRENT_LOOP: StdlibLine = (
    "events.py",
    677,
    "get_event_loop",
    "            raise RuntimeError('There is no current event loop in thread %r.'",
    None,
);

pub(crate) const SLEEP_COMPARE: StdlibLine = (
    "tasks.py",
    639,
    "sleep",
    "    if delay <= 0:",
    Some((7, 17)),
);
pub(crate) const SLEEP_AWAIT: StdlibLine = (
    "tasks.py",
    649,
    "sleep",
    "        return await future",
    Some((15, 27)),
);
/// `Runner.run`'s line below the program's frames.
pub(crate) const RUNNER_RUN: StdlibLine = (
    "runners.py",
    118,
    "run",
    "            return self._loop.run_until_complete(task)",
    Some((19, 54)),
);
/// `asyncio.run`'s line, below `Runner.run`'s.
pub(crate) const ASYNCIO_RUN: StdlibLine = (
    "runners.py",
    190,
    "run",
    "        return runner.run(main)",
    Some((15, 31)),
);
pub(crate) const RUN_NESTED: StdlibLine = (
    "runners.py",
    186,
    "run",
    "        raise RuntimeError(",
    None,
);
pub(crate) const RUN_NOT_A_COROUTINE: StdlibLine = (
    "runners.py",
    89,
    "run",
    "            raise ValueError(\"a coroutine was expected, got {!r}\".format(coro))",
    None,
);
pub(crate) const RUNNER_INTERRUPT: StdlibLine = (
    "runners.py",
    123,
    "run",
    "                    raise KeyboardInterrupt()",
    None,
);
pub(crate) const CHECK_CLOSED: StdlibLine = (
    "base_events.py",
    519,
    "_check_closed",
    "            raise RuntimeError('Event loop is closed')",
    None,
);
pub(crate) const RUN_UNTIL_COMPLETE_CHECK: StdlibLine = (
    "base_events.py",
    628,
    "run_until_complete",
    "        self._check_closed()",
    None,
);
pub(crate) const RUN_UNTIL_COMPLETE_RESULT: StdlibLine = (
    "base_events.py",
    653,
    "run_until_complete",
    "        return future.result()",
    Some((15, 30)),
);
pub(crate) const HANDLE_RUN: StdlibLine = (
    "events.py",
    80,
    "_run",
    "        self._context.run(self._callback, *self._args)",
    None,
);

/// The traceback entry of `line`.
pub(crate) fn entry(&(file, line, name, source, carets): &StdlibLine) -> TbEntry {
    TbEntry {
        filename: Rc::from(file),
        name: Rc::from(name),
        line,
        span: None,
        anchor: None,
        source: Some((Rc::from(source), carets)),
    }
}

/// `e` with the frames of CPython's asyncio it was raised through, innermost first.
pub(crate) fn with_frames(e: ExcRef, frames: &[StdlibLine]) -> ExcRef {
    e.exc()
        .traceback
        .borrow_mut()
        .extend(frames.iter().map(entry));
    e
}
