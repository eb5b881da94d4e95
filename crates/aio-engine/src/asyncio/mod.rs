//! The `asyncio` module: a native core (Future, Task, the event loop, `sleep`, `run`,
//! `create_task`, loop methods) plus a Python prelude adapted from CPython 3.11.7 for the
//! higher-level APIs (gather, wait, wait_for, timeout, TaskGroup, locks, queues).

pub(crate) mod event_loop;
pub(crate) mod frames;
pub(crate) mod future;
pub(crate) mod gather;
pub(crate) mod hooks;
pub(crate) mod short_repr;

use std::rc::Rc;

use event_loop::{EventLoop, HandleCb};
use future::{DoneCb, Future};
use hooks::Hook;

use crate::interp::{Interp, Resume, Suspend};
use crate::runtime::object::{Args, Builtin, BuiltinFn, CoroKind, Module, NativeObj};
use crate::runtime::value::{ExcRef, Lbf, PyResult, Value};

/// The Python part of the module.
pub(crate) const PRELUDE: &str = include_str!(concat!(env!("OUT_DIR"), "/prelude.py"));

/// The file name shown for the prelude (its frames are hidden from tracebacks).
pub(crate) const PRELUDE_FILE: &str = "<asyncio>";

/// `logging.DEBUG`, `logging.WARNING`, `logging.ERROR`.
pub(crate) const DEBUG: i64 = 10;
pub(crate) const WARNING: i64 = 30;
pub(crate) const ERROR: i64 = 40;

/// Where CPython's asyncio logs a message from (file, line, function): a record's
/// `filename`, `lineno` and `funcName`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LogSite(pub &'static str, pub u32, pub &'static str);

/// `BaseSelectorEventLoop.__init__`: "Using selector: EpollSelector".
pub(crate) const SITE_SELECTOR: LogSite = LogSite("selector_events.py", 54, "__init__");
/// `BaseEventLoop.close` in debug mode: "Close <loop>".
pub(crate) const SITE_CLOSE: LogSite = LogSite("base_events.py", 676, "close");
/// `_run_once` in debug mode: "Executing <handle> took 0.200 seconds".
pub(crate) const SITE_SLOW: LogSite = LogSite("base_events.py", 1917, "_run_once");
/// `default_exception_handler`: unretrieved exceptions, exceptions in callbacks...
pub(crate) const SITE_HANDLER: LogSite =
    LogSite("base_events.py", 1771, "default_exception_handler");

impl Interp {
    /// Whether the program has imported `logging` (asyncio's messages then go through it).
    pub(crate) fn logging_loaded(&self) -> bool {
        self.asyncio_log.get().is_some()
    }

    /// Logs `msg % args` on the `asyncio` logger, as CPython's asyncio does. Without `logging`
    /// imported, nothing can have configured it: what its lastResort handler would print
    /// (WARNING and above: the message, then the traceback) goes straight to stderr.
    pub(crate) async fn asyncio_log(
        self: &Rc<Self>,
        level: i64,
        msg: &str,
        args: Vec<Value>,
        exc: Option<ExcRef>,
        site: LogSite,
    ) -> PyResult<()> {
        if let Some(f) = self.asyncio_log.get().cloned() {
            let call = vec![
                Value::Int(level),
                Value::str(msg),
                Value::tuple(args),
                exc.map(Value::Instance).unwrap_or_default(),
                Value::str(format!("asyncio/{}", site.0)),
                Value::Int(site.1 as i64),
                Value::str(site.2),
            ];
            self.call(f, Args::new(call)).await?;
            return Ok(());
        }
        if level < WARNING {
            return Ok(());
        }
        let mut text = if args.is_empty() {
            msg.to_string()
        } else {
            self.percent_format(msg, &Value::tuple(args)).await?
        };
        text.push('\n');
        if let Some(e) = exc {
            text.push_str(&self.format_exception(&e).await);
        }
        self.write_output(crate::run::Stream::Stderr, &text);
        Ok(())
    }

    /// [`Interp::asyncio_log`] where the caller cannot wait (a value being dropped, a loop
    /// being made): runs it to its end at once (logging never suspends).
    pub(crate) fn asyncio_log_now(
        self: &Rc<Self>,
        level: i64,
        msg: &str,
        args: Vec<Value>,
        exc: Option<ExcRef>,
        site: LogSite,
    ) {
        if !self.logging_loaded() && level < WARNING {
            return;
        }
        let saved_slice = self.slice_end.replace(u64::MAX);
        let mut fut = Box::pin(self.asyncio_log(level, msg, args, exc, site));
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        let r = fut.as_mut().poll(&mut cx);
        drop(fut);
        self.slice_end.set(saved_slice);
        match r {
            std::task::Poll::Ready(Ok(())) => {}
            std::task::Poll::Ready(Err(e)) => {
                if self.aborted.borrow().is_none() {
                    self.write_output(
                        crate::run::Stream::Stderr,
                        &format!(
                            "Exception ignored while logging: {}\n",
                            future::simple_exc_repr(&e)
                        ),
                    );
                }
            }
            std::task::Poll::Pending => {
                self.suspend.borrow_mut().take();
            }
        }
    }

    /// The program's `file:line` when its own code is running right now (not asyncio's).
    pub(crate) fn direct_program_site(&self) -> Option<Rc<str>> {
        let frames = self.frames.borrow();
        let f = frames.last().filter(|f| !f.hidden)?;
        Some(Rc::from(format!("{}:{}", f.filename, f.line.get())))
    }

    /// A new event loop: CPython's selector loop logs which selector it uses.
    pub(crate) fn make_loop(self: &Rc<Self>) -> Rc<EventLoop> {
        let lp = EventLoop::new();
        self.asyncio_log_now(
            DEBUG,
            "Using selector: %s",
            vec![Value::str("EpollSelector")],
            None,
            SITE_SELECTOR,
        );
        lp
    }

    /// `loop.close()`'s log line in debug mode (before the loop counts as closed).
    pub(crate) async fn log_loop_close(self: &Rc<Self>, lp: &Rc<EventLoop>) -> PyResult<()> {
        if lp.debug.get() && !lp.closed.get() {
            self.asyncio_log(DEBUG, "Close %r", vec![loop_value(lp)], None, SITE_CLOSE)
                .await?;
        }
        Ok(())
    }
}

fn native(name: &str, f: BuiltinFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: Rc::from(name),
        bound: None,
        f,
        sig: crate::builtins::signature::of_asyncio(name),
    }))
}

/// Binds a native function under its own name.
fn set_native(m: &Module, name: &str, f: BuiltinFn) {
    m.set(name, native(name, f));
}

/// Creates the module object with its native members (the prelude is run afterwards).
pub(crate) fn make_module(it: &Rc<Interp>) -> Rc<Module> {
    let m = Module::new("asyncio", PRELUDE_FILE);
    set_native(&m, "run", BuiltinFn::Async(asyncio_run));
    set_native(&m, "_runner_loop", BuiltinFn::Async(runner_loop_native));
    set_native(&m, "_runner_run", BuiltinFn::Async(runner_run_native));
    set_native(&m, "_runner_close", BuiltinFn::Async(runner_close_native));
    set_native(&m, "_running_loop", BuiltinFn::Sync(running_loop_or_none));
    set_native(&m, "_call_stack", BuiltinFn::Sync(call_stack));
    set_native(&m, "_signal_get", BuiltinFn::Sync(signal_get));
    set_native(&m, "_signal_set", BuiltinFn::Sync(signal_set));
    set_native(&m, "sleep", BuiltinFn::Sync(asyncio_sleep));
    set_native(&m, "gather", BuiltinFn::Async(gather::gather));
    set_native(&m, "create_task", BuiltinFn::Sync(asyncio_create_task));
    set_native(&m, "get_running_loop", BuiltinFn::Sync(get_running_loop));
    set_native(&m, "get_event_loop", BuiltinFn::Async(get_event_loop));
    set_native(&m, "new_event_loop", BuiltinFn::Sync(new_event_loop));
    set_native(&m, "set_event_loop", BuiltinFn::Sync(set_event_loop));
    set_native(&m, "current_task", BuiltinFn::Sync(current_task));
    set_native(&m, "all_tasks", BuiltinFn::Sync(all_tasks));
    set_native(&m, "iscoroutine", BuiltinFn::Sync(iscoroutine));
    set_native(
        &m,
        "iscoroutinefunction",
        BuiltinFn::Sync(iscoroutinefunction),
    );
    set_native(&m, "isfuture", BuiltinFn::Sync(isfuture));
    // The clock hooks of the prelude's `threading` and `concurrent.futures`.
    set_native(
        &m,
        "_clock",
        BuiltinFn::Sync(|it, _, _| Ok(Value::Float(it.thread_now()))),
    );
    set_native(
        &m,
        "_blocking_sleep",
        BuiltinFn::Sync(|it, _, a| {
            let d = arg_f64(it, a.pos.first().unwrap_or(&Value::None), "a float")?;
            it.blocking_sleep(d);
            Ok(Value::None)
        }),
    );
    set_native(&m, "_worker_clock", BuiltinFn::Sync(worker_clock));
    // The hooks of `logging` (builtins/logging.py).
    set_native(&m, "_strftime", BuiltinFn::Sync(log_strftime));
    set_native(
        &m,
        "_format_exception",
        BuiltinFn::Async(log_format_exception),
    );
    set_native(&m, "_caller", BuiltinFn::Sync(log_caller));
    set_native(
        &m,
        "_deprecated_warn",
        BuiltinFn::Sync(|it, _, a| {
            let text = match a.pos.first() {
                Some(Value::Str(s)) => s.to_string(),
                _ => String::new(),
            };
            let (_, line, _) = it.program_caller(1);
            it.emit_warning("DeprecationWarning", &text, line, false);
            Ok(Value::None)
        }),
    );
    // A record's `thread` (the prelude's main thread ident) and `process` (any fixed number).
    m.set("_main_thread_ident", Value::Int(140_000_000_000_000));
    m.set("_pid", Value::Int(4242));
    set_native(&m, "_future_at", BuiltinFn::Sync(future_at));
    set_native(&m, "_future", BuiltinFn::Sync(labelled_future));
    // The deque of asyncio's queues and waiters, native: a queue's put and get, a lock's
    // acquire and release append and pop without running Python code.
    set_native(
        &m,
        "_deque",
        BuiltinFn::Sync(|_, _, _| {
            Ok(Value::Native(Rc::new(NativeObj::Deque(
                std::cell::RefCell::default(),
            ))))
        }),
    );
    // The hooks of `contextvars` (builtins/contextvars.py): the contexts' variables live here,
    // where the event loop switches a task's in for each of its steps.
    set_native(
        &m,
        "_ctx_current",
        BuiltinFn::Sync(|it, _, _| Ok(context_value(it.context.borrow().clone()))),
    );
    set_native(
        &m,
        "_ctx_new",
        BuiltinFn::Sync(|_, _, _| Ok(context_value(Rc::default()))),
    );
    set_native(
        &m,
        "_ctx_copy",
        BuiltinFn::Sync(|it, _, a| Ok(context_value(context_arg(it, &a)?.copy()))),
    );
    set_native(
        &m,
        "_ctx_get",
        BuiltinFn::Sync(|it, _, a| {
            let (var, missing) = (a.pos.get(1), a.pos.get(2));
            let (Some(var), Some(missing)) = (var, missing) else {
                return Err(it.type_error("_ctx_get(context, var, missing)"));
            };
            Ok(context_arg(it, &a)?
                .get(var)
                .unwrap_or_else(|| missing.clone()))
        }),
    );
    set_native(
        &m,
        "_ctx_set",
        BuiltinFn::Sync(|it, _, a| {
            let (Some(var), Some(value)) = (a.pos.get(1), a.pos.get(2)) else {
                return Err(it.type_error("_ctx_set(context, var, value)"));
            };
            context_arg(it, &a)?.set(var, value.clone());
            Ok(Value::None)
        }),
    );
    set_native(
        &m,
        "_ctx_remove",
        BuiltinFn::Sync(|it, _, a| {
            let Some(var) = a.pos.get(1) else {
                return Err(it.type_error("_ctx_remove(context, var)"));
            };
            context_arg(it, &a)?.remove(var);
            Ok(Value::None)
        }),
    );
    set_native(
        &m,
        "_ctx_items",
        BuiltinFn::Sync(|it, _, a| {
            let items = context_arg(it, &a)?
                .items()
                .into_iter()
                .map(|(var, value)| Value::tuple(vec![var, value]))
                .collect();
            Ok(Value::list(items))
        }),
    );
    set_native(
        &m,
        "_ctx_same",
        BuiltinFn::Sync(|it, _, a| {
            let first = context_arg(it, &a)?;
            let second = context_of(it, a.pos.get(1))?;
            Ok(Value::Bool(Rc::ptr_eq(&first, &second)))
        }),
    );
    set_native(
        &m,
        "_ctx_swap",
        BuiltinFn::Sync(|it, _, a| {
            let next = context_arg(it, &a)?;
            let previous = std::mem::replace(&mut *it.context.borrow_mut(), next);
            Ok(context_value(previous))
        }),
    );
    m.set("Future", Value::Class(it.t.future.clone()));
    m.set("Task", Value::Class(it.t.task.clone()));
    m.set("Handle", Value::Class(it.t.handle.clone()));
    m.set("TimerHandle", Value::Class(it.t.timer_handle.clone()));
    for name in ["CancelledError", "InvalidStateError"] {
        m.set(name, Value::Class(it.t.by_name(name)));
    }
    m.set("TimeoutError", Value::Class(it.t.by_name("TimeoutError")));
    for (k, v) in it.builtins.borrow().iter() {
        if matches!(
            &**k,
            "TimeoutError" | "BaseExceptionGroup" | "ExceptionGroup"
        ) {
            m.set(k, v.clone());
        }
    }
    m
}

/// The variables of the `contextvars.Context` given as `context=` (to `create_task`,
/// `call_soon` and the others); None when none is given.
fn task_context(
    it: &Interp,
    context: Option<Value>,
) -> PyResult<Option<Rc<crate::runtime::object::ContextVars>>> {
    // A `contextvars.Context` holds the engine's context in `_data`.
    let data = match &context {
        None | Some(Value::None) => return Ok(None),
        Some(Value::Instance(inst)) => inst.dict.borrow().get_str("_data").cloned(),
        Some(other) => Some(other.clone()),
    };
    match data.as_ref() {
        Some(Value::Native(n)) if let NativeObj::Context(c) = &**n => Ok(Some(c.clone())),
        _ => Err(it.type_error("an instance of Context was expected")),
    }
}

/// A context's variables as a value `contextvars.py` holds.
fn context_value(context: Rc<crate::runtime::object::ContextVars>) -> Value {
    Value::Native(Rc::new(NativeObj::Context(context)))
}

/// The context that a `_ctx_*` hook is given first.
fn context_arg(it: &Interp, a: &Args) -> PyResult<Rc<crate::runtime::object::ContextVars>> {
    context_of(it, a.pos.first())
}

/// The context an argument holds.
fn context_of(it: &Interp, v: Option<&Value>) -> PyResult<Rc<crate::runtime::object::ContextVars>> {
    match v {
        Some(Value::Native(n)) => match &**n {
            NativeObj::Context(context) => Ok(context.clone()),
            _ => Err(it.type_error("a context was expected")),
        },
        _ => Err(it.type_error("a context was expected")),
    }
}

/// `_strftime(fmt, secs)`: `time.strftime(fmt, time.gmtime(secs))` (the engine's clock is UTC).
fn log_strftime(it: &Rc<Interp>, _: &Builtin, a: Args) -> PyResult {
    let (Some(Value::Str(f)), Some(t)) = (a.pos.first(), a.pos.get(1)) else {
        return Err(it.type_error("_strftime(fmt, secs)"));
    };
    let secs = arg_f64(it, t, "a float")?;
    Ok(Value::str(crate::builtins::modules::strftime(f, secs)))
}

/// `_format_exception(exc)`: the traceback text CPython's `traceback.print_exception` writes
/// (`NoneType: None` for no exception).
fn log_format_exception(it: Rc<Interp>, _: Rc<Builtin>, a: Args) -> Lbf<'static, PyResult> {
    Box::pin(async move {
        match a.pos.first() {
            Some(Value::Instance(e)) if e.class.is_exc => {
                Ok(Value::str(it.format_exception(e).await))
            }
            _ => Ok(Value::str("NoneType: None\n")),
        }
    })
}

/// `_caller(stacklevel)`: `(filename, lineno, funcName)` of the program's frame that called
/// into `logging` (CPython's `Logger.findCaller`).
fn log_caller(it: &Rc<Interp>, _: &Builtin, a: Args) -> PyResult {
    let level = match a.pos.first() {
        Some(Value::Int(n)) => (*n).max(1) as usize,
        _ => 1,
    };
    let (file, line, name) = it.program_caller(level);
    Ok(Value::tuple(vec![
        Value::Str(file),
        Value::Int(line as i64),
        Value::Str(name),
    ]))
}

impl Interp {
    /// The `level`-th innermost frame of the program's own code (not asyncio's or logging's):
    /// (file, line, function).
    pub(crate) fn program_caller(&self, level: usize) -> (Rc<str>, u32, Rc<str>) {
        let frames = self.frames.borrow();
        let mut visible = frames.iter().rev().filter(|f| !f.hidden);
        let found = visible
            .nth(level - 1)
            .or_else(|| frames.iter().rev().find(|f| !f.hidden));
        match found {
            Some(f) => (f.filename.clone(), f.line.get(), f.name.clone()),
            None => (
                Rc::from("(unknown file)"),
                0,
                Rc::from("(unknown function)"),
            ),
        }
    }
}

/// `_worker_clock(t)`: from now on the running code is on a worker thread whose clock reads `t`
/// (`None`: back on the main thread); returns the clock it replaces.
fn worker_clock(it: &Rc<Interp>, _: &Builtin, a: Args) -> PyResult {
    let new = match a.pos.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(arg_f64(it, v, "a float")?),
    };
    Ok(match it.clock.worker.replace(new) {
        Some(t) => Value::Float(t),
        None => Value::None,
    })
}

/// `_future_at(loop, when, ok, value)`: an asyncio future that a worker thread completes at
/// virtual time `when` (CPython: the worker's `call_soon_threadsafe` wakes the loop then).
/// `_future(loop, label)`: `loop.create_future()` for the prelude, saying what the future is
/// for ([`crate::trace::Awaited::from_prelude_label`]), which the stepper and the timelines show
/// as what a task awaiting it waits on.
fn labelled_future(it: &Rc<Interp>, _: &Builtin, a: Args) -> PyResult {
    let (Some(Value::Native(lp)), Some(Value::Str(label))) = (a.pos.first(), a.pos.get(1)) else {
        return Err(it.type_error("_future() takes a loop and a label"));
    };
    let NativeObj::Loop(lp) = &**lp else {
        return Err(it.type_error("_future() needs a loop"));
    };
    let label = crate::trace::Awaited::from_prelude_label(label)
        .ok_or_else(|| it.runtime_error(format!("_future(): unknown label {label:?}")))?;
    let fut = Future::new(it, lp, None);
    *fut.label.borrow_mut() = Some(label);
    Ok(Value::Future(fut))
}

fn future_at(it: &Rc<Interp>, _: &Builtin, a: Args) -> PyResult {
    let [lpv, when, ok, value] = <[Value; 4]>::try_from(a.pos)
        .map_err(|_| it.type_error("_future_at() takes 4 arguments"))?;
    let Value::Native(o) = &lpv else {
        return Err(it.type_error("_future_at() needs a loop"));
    };
    let NativeObj::Loop(lp) = &**o else {
        return Err(it.type_error("_future_at() needs a loop"));
    };
    let when = arg_f64(it, &when, "a float")?;
    let fut = Future::new(it, lp, None);
    *fut.label.borrow_mut() = Some(crate::trace::Awaited::ExecutorJob);
    let res = if matches!(ok, Value::Bool(true)) {
        Ok(value)
    } else {
        match value {
            Value::Instance(e) => Err(e),
            other => Err(it.type_error(format!(
                "executor job failed with a non-exception {}",
                it.type_name(&other)
            ))),
        }
    };
    if when <= it.now() {
        lp.call_soon(it, HandleCb::SetFuture(fut.clone(), res));
    } else {
        lp.call_later(it, when, HandleCb::SetFuture(fut.clone(), res));
    }
    Ok(Value::Future(fut))
}

/// The Python value for a loop (one object per loop, so `is` works).
pub(crate) fn loop_value(lp: &Rc<EventLoop>) -> Value {
    thread_local! {
        static CACHE: std::cell::RefCell<Vec<(std::rc::Weak<EventLoop>, std::rc::Weak<NativeObj>)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        c.retain(|(l, o)| l.strong_count() > 0 && o.strong_count() > 0);
        for (l, o) in c.iter() {
            if let (Some(l), Some(o)) = (l.upgrade(), o.upgrade())
                && Rc::ptr_eq(&l, lp)
            {
                return Value::Native(o);
            }
        }
        let o = Rc::new(NativeObj::Loop(lp.clone()));
        c.push((Rc::downgrade(lp), Rc::downgrade(&o)));
        Value::Native(o)
    })
}

fn arg_f64(it: &Interp, v: &Value, what: &str) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Float(f) => Ok(*f),
        _ => Err(it.type_error(format!(
            "'{}' object cannot be interpreted as {what}",
            it.type_name(v)
        ))),
    }
}

fn asyncio_sleep(it: &Rc<Interp>, _: &Builtin, mut args: Args) -> PyResult {
    let delay = args.arg(0, "delay").unwrap_or(Value::Int(0));
    let result = args.arg(1, "result").unwrap_or_default();
    let it2 = it.clone();
    let body: Lbf<'static, PyResult> = Box::pin(async move {
        let it = it2;
        // CPython's first line, `if delay <= 0:`, is where a delay that is not a number fails
        // (a string read from a config file), once the coroutine runs.
        let delay = match delay {
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => arg_f64(&it, &delay, "a float")?,
            other => {
                // Boxed: a rare path whose future would otherwise make every sleep larger.
                let zero_or_less =
                    Box::pin(it.compare(crate::syntax::ast::CmpOp::LtE, &other, &Value::Int(0)))
                        .await
                        .map_err(|e| frames::with_frames(e, &[frames::SLEEP_COMPARE]))?;
                if zero_or_less {
                    0.0
                } else {
                    arg_f64(&it, &other, "a float")?
                }
            }
        };
        if delay <= 0.0 {
            return match it.suspend_with(Suspend::Await(Value::None)).await {
                Resume::Throw(e) => Err(e),
                Resume::Send(_) => Ok(result),
            };
        }
        let lp = it.running_loop()?;
        let fut = Future::new(&it, &lp, None);
        // Only the trace reads the label: skip formatting it on untraced runs.
        if it.tracing() {
            *fut.label.borrow_mut() = Some(crate::trace::Awaited::Sleep {
                until: it.now() + delay,
            });
        }
        let h = lp.call_later(
            &it,
            it.now() + delay,
            HandleCb::SetFuture(fut.clone(), Ok(result)),
        );
        let r = it.await_future(fut).await;
        h.cancelled.set(true);
        r.map_err(|e| frames::with_frames(e, &[frames::SLEEP_AWAIT]))
    });
    // Its repr names CPython's `async def sleep` (`defined at tasks.py:637`).
    Ok(it.native_coro_defined_at("sleep", CoroKind::Coroutine, body, ("tasks.py", 637)))
}

fn asyncio_create_task(it: &Rc<Interp>, _: &Builtin, mut args: Args) -> PyResult {
    let name = args.take_kw("name");
    let context = task_context(it, args.take_kw("context"))?;
    let Some(coro) = args.pos.first().cloned() else {
        return Err(it.type_error("create_task() missing 1 required positional argument: 'coro'"));
    };
    // CPython's create_task is a Python function: its frame (holding `coro`) lives on in the
    // traceback of an error, so the coroutine is released only with the exception.
    let keep = |e: crate::runtime::value::ExcRef, coro: Value| {
        e.exc().keepalive.borrow_mut().push(Rc::new(coro));
        e
    };
    let lp = match it.running_loop() {
        Ok(lp) => lp,
        Err(e) => return Err(keep(frames::with_frames(e, &[frames::CREATE_TASK]), coro)),
    };
    let task = it.create_task(&lp, coro, name, context)?;
    if lp.debug.get() {
        // CPython's `created at`: the line of asyncio.create_task that calls loop.create_task.
        *task.created_at.borrow_mut() = Some(Rc::from("tasks.py:384"));
    }
    Ok(Value::Future(task))
}

fn get_running_loop(it: &Rc<Interp>, _: &Builtin, _: Args) -> PyResult {
    // A worker thread has no running loop of its own (the loop runs on the main thread).
    if it.clock.worker.get().is_some() {
        return Err(it.runtime_error("no running event loop"));
    }
    Ok(loop_value(&it.running_loop()?))
}

/// `asyncio.get_event_loop()`: the running loop; outside one, the main thread's current loop
/// (made on first use, unless one was ever set: after `asyncio.run` there is none), and in
/// another thread none (CPython's default policy).
fn get_event_loop(it: Rc<Interp>, _: Rc<Builtin>, _: Args) -> Lbf<'static, PyResult> {
    Box::pin(async move { Ok(loop_value(&it.current_event_loop().await?)) })
}

fn new_event_loop(it: &Rc<Interp>, _: &Builtin, _: Args) -> PyResult {
    Ok(loop_value(&it.make_loop()))
}

/// `asyncio.set_event_loop(loop)`: the main thread's current loop (`None` for none).
fn set_event_loop(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let lp = match args.pos.first() {
        Some(Value::None) | None => None,
        Some(v) => match loop_of(v) {
            Some(lp) => Some(lp),
            None => {
                return Err(it.type_error(format!(
                    "loop must be an instance of AbstractEventLoop or None, not '{}'",
                    it.type_name(v)
                )));
            }
        },
    };
    it.event_loop_set.set(true);
    *it.idle_loop.borrow_mut() = lp;
    Ok(Value::None)
}

fn current_task(it: &Rc<Interp>, _: &Builtin, _: Args) -> PyResult {
    let lp = it
        .running_loop()
        .map_err(|e| frames::with_frames(e, &[frames::CURRENT_TASK]))?;
    let t = lp.current_task.borrow().clone();
    Ok(t.map(Value::Future).unwrap_or_default())
}

fn all_tasks(it: &Rc<Interp>, _: &Builtin, _: Args) -> PyResult {
    let lp = it
        .running_loop()
        .map_err(|e| frames::with_frames(e, &[frames::ALL_TASKS]))?;
    let mut d = crate::runtime::dict::Dict::new();
    for t in lp.all_tasks() {
        let v = Value::Future(t);
        if let Some(h) = crate::runtime::dict::HashKey::of(&v) {
            d.insert_key(h, v, Value::None);
        }
    }
    Ok(Value::Set(Rc::new(std::cell::RefCell::new(d))))
}

fn iscoroutine(_: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    Ok(Value::Bool(
        matches!(args.pos.first(), Some(Value::Coro(c)) if c.kind == CoroKind::Coroutine),
    ))
}

fn iscoroutinefunction(_: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    Ok(Value::Bool(match args.pos.first() {
        Some(Value::Func(f)) => f.is_async() && !f.is_generator(),
        Some(Value::Method(m)) => {
            matches!(&m.func, Value::Func(f) if f.is_async() && !f.is_generator())
        }
        _ => false,
    }))
}

fn isfuture(_: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    Ok(Value::Bool(matches!(
        args.pos.first(),
        Some(Value::Future(_))
    )))
}

/// The runners.py frames CPython shows between `asyncio.run(...)` and `run_until_complete`
/// (whose own frame that method adds): `Runner.run`'s line, then `asyncio.run`'s.
const RUNNER_FRAMES: [frames::StdlibLine; 2] = [frames::RUNNER_RUN, frames::ASYNCIO_RUN];

fn asyncio_run(it: Rc<Interp>, _: Rc<Builtin>, mut args: Args) -> Lbf<'static, PyResult> {
    Box::pin(async move {
        let debug = args.take_kw("debug");
        let main = args.arg(0, "main").unwrap_or_default();
        if it.running_loop.borrow().is_some() {
            let e = it.runtime_error("asyncio.run() cannot be called from a running event loop");
            // CPython's traceback keeps the frame (and so `main`) alive with the exception.
            e.exc().keepalive.borrow_mut().push(Rc::new(main));
            return Err(frames::with_frames(e, &[frames::RUN_NESTED]));
        }
        if !matches!(&main, Value::Coro(c) if c.kind == CoroKind::Coroutine) {
            let r = it.repr_of(&main).await?;
            let e = it.value_error(format!("a coroutine was expected, got {r}"));
            // Raised in Runner.run, called from asyncio.run: CPython's two frames.
            return Err(frames::with_frames(
                e,
                &[frames::RUN_NOT_A_COROUTINE, frames::ASYNCIO_RUN],
            ));
        }
        let lp = runner_loop(&it, debug).await?;
        let result = runner_run(&it, &lp, main, &RUNNER_FRAMES).await;
        if it.aborted.borrow().is_some() {
            return result;
        }
        runner_close(&it, &lp).await?;
        result
    })
}

/// A new event loop for a runner (`asyncio.run`, `asyncio.Runner`), in debug mode if `debug`
/// is true.
async fn runner_loop(it: &Rc<Interp>, debug: Option<Value>) -> PyResult<Rc<EventLoop>> {
    let lp = it.make_loop();
    // The runner makes its loop the current one, and sets none when it closes.
    it.event_loop_set.set(true);
    *it.idle_loop.borrow_mut() = Some(lp.clone());
    if let Some(d) = debug
        && !matches!(d, Value::None)
    {
        lp.debug.set(it.truthy(&d).await?);
    }
    Ok(lp)
}

/// Runs `main` as a task on `lp` until it is done; an error leaving it gets the runner's
/// `frames` (CPython's runners.py and base_events.py lines) below the program's.
async fn runner_run(
    it: &Rc<Interp>,
    lp: &Rc<EventLoop>,
    main: Value,
    frames: &[frames::StdlibLine],
) -> PyResult {
    let task = it.create_task(lp, main, None, None)?;
    if lp.debug.get() {
        *task.created_at.borrow_mut() = Some(Rc::from("runners.py:100"));
    }
    // While SIGINT has its default handler, the runner's own cancels the main task instead.
    let on_sigint = (!it.signal_handlers.borrow().contains_key(&SIGINT))
        .then(|| native("_on_sigint", BuiltinFn::Async(runner_on_sigint)));
    if let Some(handler) = &on_sigint {
        it.signal_handlers
            .borrow_mut()
            .insert(SIGINT, handler.clone());
        *it.runner_sigint.borrow_mut() = Some((task.clone(), 0));
    }
    let depth = it
        .runner_depth
        .replace(u8::try_from(frames.len()).unwrap_or(0));
    let result = it.run_until_complete(lp, &task).await;
    it.runner_depth.set(depth);
    // Restored only if the program did not install a handler of its own meanwhile.
    let interrupts = if let Some(handler) = &on_sigint {
        let ours = it
            .signal_handlers
            .borrow()
            .get(&SIGINT)
            .is_some_and(|h| h.is_same(handler));
        if ours {
            it.signal_handlers.borrow_mut().remove(&SIGINT);
        }
        it.runner_sigint.borrow_mut().take().map_or(0, |(_, n)| n)
    } else {
        0
    };
    if it.aborted.borrow().is_some() {
        return result;
    }
    // Runner.run's frame holds the error; asyncio.run's comes after any KeyboardInterrupt that
    // Runner.run raises instead.
    let (runner, outer) = frames.split_at(frames.len().min(1));
    let result = result.map_err(|e| {
        e.exc()
            .traceback
            .borrow_mut()
            .extend(runner.iter().map(frames::entry));
        e.exc().tb_frame.set(0);
        // Cancelled by a SIGINT and not uncancelled since: Runner.run raises KeyboardInterrupt.
        let uncancelled = || {
            task.task.as_ref().is_none_or(|t| {
                let left = t.num_cancels_requested.get().saturating_sub(1);
                t.num_cancels_requested.set(left);
                left == 0
            })
        };
        let e = if interrupts > 0 && it.exc_is(&e, "CancelledError") && uncancelled() {
            let interrupt = it.new_exc(&it.t.by_name("KeyboardInterrupt"), Vec::new());
            *interrupt.exc().context.borrow_mut() = Some(e);
            interrupt.exc().context_checked.set(true);
            frames::with_frames(interrupt, &[frames::RUNNER_INTERRUPT])
        } else {
            e
        };
        e.exc()
            .traceback
            .borrow_mut()
            .extend(outer.iter().map(frames::entry));
        e
    });
    drop(task);
    result
}

/// SIGINT's number.
const SIGINT: i64 = 2;

/// The runner's SIGINT handler: the first SIGINT cancels the main task (which then ends the
/// run in KeyboardInterrupt), a second raises KeyboardInterrupt where the program is.
fn runner_on_sigint(it: Rc<Interp>, _: Rc<Builtin>, _: Args) -> Lbf<'static, PyResult> {
    Box::pin(async move {
        let first = {
            let mut state = it.runner_sigint.borrow_mut();
            match state.as_mut() {
                Some((task, count)) => {
                    *count += 1;
                    (*count == 1 && !task.is_done()).then(|| task.clone())
                }
                None => None,
            }
        };
        match first {
            Some(task) => {
                it.task_cancel(&task, None).await?;
                Ok(Value::None)
            }
            None => Err(it.new_exc(&it.t.by_name("KeyboardInterrupt"), Vec::new())),
        }
    })
}

// `_signal_get(n)` and `_signal_set(n, handler)`: the table of the program's signal handlers
// that `signal.py` keeps here, where the runner installs its own (`None`: the default).
fn signal_get(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let n = match args.pos.first() {
        Some(Value::Int(n)) => *n,
        _ => return Err(it.type_error("_signal_get(signum)")),
    };
    Ok(it
        .signal_handlers
        .borrow()
        .get(&n)
        .cloned()
        .unwrap_or_default())
}

fn signal_set(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let (Some(Value::Int(n)), Some(handler)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(it.type_error("_signal_set(signum, handler)"));
    };
    let old = match handler {
        Value::None => it.signal_handlers.borrow_mut().remove(n),
        h => it.signal_handlers.borrow_mut().insert(*n, h.clone()),
    };
    Ok(old.unwrap_or_default())
}

/// A runner's close: the tasks left cancelled, async generators and the default executor shut
/// down (each as a task on the loop), the loop closed.
async fn runner_close(it: &Rc<Interp>, lp: &Rc<EventLoop>) -> PyResult<()> {
    let shutdown = cancel_all_tasks(it, lp).await;
    // Runner.close(): shutdown_asyncgens() and shutdown_default_executor() each run as a task
    // on the loop (so pending callbacks, e.g. async-generator finalizers, still run and the
    // task-name counter advances as in CPython).
    let asyncgens = run_shutdown_task(it, lp, "shutdown_asyncgens").await;
    let executor = run_shutdown_task(it, lp, "shutdown_default_executor").await;
    let logged = it.log_loop_close(lp).await;
    remove_signal_handlers(it, lp);
    lp.closed.set(true);
    *it.idle_loop.borrow_mut() = None;
    logged?;
    shutdown?;
    asyncgens?;
    executor?;
    Ok(())
}

// `_runner_loop(debug)`, `_runner_run(loop, coro)` and `_runner_close(loop)`: what the
// prelude's `asyncio.Runner` is made of.
fn runner_loop_native(it: Rc<Interp>, _: Rc<Builtin>, args: Args) -> Lbf<'static, PyResult> {
    Box::pin(async move {
        let lp = runner_loop(&it, args.pos.first().cloned()).await?;
        Ok(loop_value(&lp))
    })
}

fn runner_run_native(it: Rc<Interp>, _: Rc<Builtin>, args: Args) -> Lbf<'static, PyResult> {
    Box::pin(async move {
        let (Some(lp), Some(main)) = (args.pos.first().and_then(loop_of), args.pos.get(1)) else {
            return Err(it.type_error("_runner_run(loop, coro)"));
        };
        // Below the program's frames: Runner.run's own line.
        runner_run(&it, &lp, main.clone(), &RUNNER_FRAMES[..1]).await
    })
}

fn runner_close_native(it: Rc<Interp>, _: Rc<Builtin>, args: Args) -> Lbf<'static, PyResult> {
    Box::pin(async move {
        let Some(lp) = args.pos.first().and_then(loop_of) else {
            return Err(it.type_error("_runner_close(loop)"));
        };
        runner_close(&it, &lp).await?;
        Ok(Value::None)
    })
}

// `_call_stack()`: the program's frames now, outermost first, as (file, line, function,
// source line) — with, inside a task, the frames of CPython's runner and event loop that stand
// between the code that started the loop and the task (what `traceback.print_stack` shows).
fn call_stack(it: &Rc<Interp>, _: &Builtin, _: Args) -> PyResult {
    const LOOP_FRAMES: [(&str, u32, &str, &str); 6] = [
        ("runners.py", 190, "run", "return runner.run(main)"),
        (
            "runners.py",
            118,
            "run",
            "return self._loop.run_until_complete(task)",
        ),
        (
            "base_events.py",
            640,
            "run_until_complete",
            "self.run_forever()",
        ),
        ("base_events.py", 607, "run_forever", "self._run_once()"),
        ("base_events.py", 1922, "_run_once", "handle._run()"),
        (
            "events.py",
            80,
            "_run",
            "self._context.run(self._callback, *self._args)",
        ),
    ];
    let entry = |file: &str, line: u32, name: &str, text: Value| {
        Value::tuple(vec![
            Value::str(file),
            Value::Int(i64::from(line)),
            Value::str(name),
            text,
        ])
    };
    let frames = it.frames.borrow();
    let base = it.task_frame_base.get();
    let mut out = Vec::new();
    for (i, f) in frames.iter().enumerate() {
        if Some(i) == base {
            let skip = 2 - usize::from(it.runner_depth.get().min(2));
            for (file, line, name, text) in &LOOP_FRAMES[skip..] {
                out.push(entry(file, *line, name, Value::str(*text)));
            }
        }
        if f.hidden {
            continue;
        }
        let line = f.line.get();
        let text = if *f.filename == *it.filename {
            it.source_lines
                .get(line.wrapping_sub(1) as usize)
                .map_or(Value::None, |l| Value::str(l.trim()))
        } else {
            Value::None
        };
        out.push(entry(&f.filename, line, &f.name, text));
    }
    Ok(Value::list(out))
}

// `_running_loop()`: the running loop, or None (asyncio.events._get_running_loop).
fn running_loop_or_none(it: &Rc<Interp>, _: &Builtin, _: Args) -> PyResult {
    Ok(it
        .running_loop
        .borrow()
        .as_ref()
        .map_or(Value::None, loop_value))
}

/// The event loop a value is.
fn loop_of(v: &Value) -> Option<Rc<EventLoop>> {
    match v {
        Value::Native(n) => match &**n {
            NativeObj::Loop(l) => Some(l.clone()),
            _ => None,
        },
        _ => None,
    }
}

async fn cancel_all_tasks(it: &Rc<Interp>, lp: &Rc<EventLoop>) -> PyResult<()> {
    let to_cancel = lp.all_tasks();
    if to_cancel.is_empty() {
        return Ok(());
    }
    for t in &to_cancel {
        it.task_cancel(t, None).await?;
    }
    let args = Args {
        pos: to_cancel.iter().map(|t| Value::Future(t.clone())).collect(),
        kw: vec![(Rc::from("return_exceptions"), Value::Bool(true))],
    };
    let saved = it.running_loop.borrow_mut().replace(lp.clone());
    let g = gather::gather_args(it.clone(), args).await;
    *it.running_loop.borrow_mut() = saved;
    if let Value::Future(g) = g? {
        it.run_until_complete(lp, &g).await?;
    }
    for t in &to_cancel {
        if t.is_cancelled() {
            continue;
        }
        let exc = t.exception.borrow().clone();
        if let Some(e) = exc {
            t.log_traceback.set(false);
            let repr = future::future_repr(it, t);
            it.asyncio_log(
                ERROR,
                &format!("unhandled exception during asyncio.run() shutdown\ntask: {repr}"),
                Vec::new(),
                Some(e),
                SITE_HANDLER,
            )
            .await?;
        }
    }
    Ok(())
}

/// Runs `loop.shutdown_asyncgens()` or `loop.shutdown_default_executor()` as a task.
async fn run_shutdown_task(
    it: &Rc<Interp>,
    lp: &Rc<EventLoop>,
    which: &'static str,
) -> PyResult<()> {
    let it2 = it.clone();
    let lp2 = lp.clone();
    let body: Lbf<'static, PyResult> = Box::pin(async move {
        if which == "shutdown_asyncgens" {
            shutdown_asyncgens(&it2, &lp2).await?;
        } else {
            // The prelude's default pool: wait (on the loop) for its last job, then shut it.
            let f = it2.hook(Hook::ShutdownDefaultExecutor)?;
            let coro = it2.call(f, Args::new(vec![loop_value(&lp2)])).await?;
            it2.await_value(coro).await?;
        }
        Ok(Value::None)
    });
    let coro = it.native_coro(which, CoroKind::Coroutine, body);
    if let Value::Coro(c) = &coro {
        // asyncio's own: no "never awaited" warning, and no lane in the program's timeline.
        c.helper.set(true);
    }
    let task = it.create_task(lp, coro, None, None)?;
    it.run_until_complete(lp, &task).await?;
    Ok(())
}

/// `loop.shutdown_asyncgens()`: `aclose()` every live async generator, concurrently (gather).
async fn shutdown_asyncgens(it: &Rc<Interp>, lp: &Rc<EventLoop>) -> PyResult<()> {
    let gens: Vec<_> = lp
        .asyncgens
        .borrow_mut()
        .drain(..)
        .filter_map(|w| w.upgrade())
        .filter(|g| !g.finished.get())
        .collect();
    if gens.is_empty() {
        return Ok(());
    }
    let mut closers = Vec::new();
    for g in &gens {
        let c = crate::builtins::methods::call_native(
            it,
            &Value::Coro(g.clone()),
            "aclose",
            Args::default(),
        )
        .await?;
        closers.push(c);
    }
    let outer = gather::gather_args(
        it.clone(),
        Args {
            pos: closers,
            kw: vec![(Rc::from("return_exceptions"), Value::Bool(true))],
        },
    )
    .await?;
    let results = match outer {
        Value::Future(f) => it.await_future(f).await?,
        other => other,
    };
    let results = it.collect(&results).await?;
    for (r, g) in results.iter().zip(gens.iter()) {
        if let Value::Instance(e) = r
            && e.class.is_subclass(&it.t.by_name("Exception"))
        {
            let tb = it.format_exception(e).await;
            it.write_output(
                    crate::run::Stream::Stderr,
                    &format!(
                        "an error occurred during closing of asynchronous generator {}\nasyncgen: {}\n{tb}",
                        it.repr_simple(&Value::Coro(g.clone())).unwrap_or_default(),
                        it.repr_simple(&Value::Coro(g.clone())).unwrap_or_default()
                    ),
                );
        }
    }
    Ok(())
}

impl Interp {
    /// A function of the asyncio prelude that Rust calls ([`hooks`]), resolved when the
    /// prelude ran.
    pub(crate) fn hook(&self, hook: Hook) -> PyResult {
        match self.hooks.get() {
            Some(hooks) => Ok(hooks.get(hook).clone()),
            None => Err(self.runtime_error(format!(
                "asyncio.{} used before the prelude ran",
                hook.name()
            ))),
        }
    }

    /// `asyncio.get_event_loop()`: the running loop; outside one, the main thread's current
    /// loop (made on first use, unless one was ever set: after `asyncio.run` there is none),
    /// and in another thread none, CPython's RuntimeError from `events.py`.
    pub(crate) async fn current_event_loop(self: &Rc<Self>) -> PyResult<Rc<EventLoop>> {
        let in_worker = self.clock.worker.get().is_some();
        if let Some(lp) = self.running_loop.borrow().clone()
            && !in_worker
        {
            return Ok(lp);
        }
        let current = self.idle_loop.borrow().clone();
        match current {
            Some(lp) if !in_worker => Ok(lp),
            None if !in_worker && !self.event_loop_set.get() => Ok(self.idle_loop()),
            _ => {
                let name = self
                    .call(self.hook(Hook::CurrentThreadName)?, Args::new(Vec::new()))
                    .await?;
                let e = self.runtime_error(format!(
                    "There is no current event loop in thread {}.",
                    self.repr_of(&name).await?
                ));
                Err(frames::with_frames(e, &[frames::NO_CURRENT_LOOP]))
            }
        }
    }

    /// The running loop, else the current one, made if need be (never an error).
    pub(crate) fn event_loop(self: &Rc<Self>) -> Rc<EventLoop> {
        let running = self.running_loop.borrow().clone();
        running.unwrap_or_else(|| self.idle_loop())
    }

    /// The loop used outside `asyncio.run` (`get_event_loop()`, `new_event_loop()`).
    pub(crate) fn idle_loop(self: &Rc<Self>) -> Rc<EventLoop> {
        if let Some(lp) = self.idle_loop.borrow().clone() {
            return lp;
        }
        let lp = self.make_loop();
        *self.idle_loop.borrow_mut() = Some(lp.clone());
        lp
    }
}

/// Methods of Futures and Tasks.
pub(crate) async fn future_method(
    it: &Rc<Interp>,
    f: &Rc<Future>,
    name: &str,
    mut args: Args,
) -> PyResult {
    Ok(match name {
        "result" => f.result(it)?,
        "exception" => f.exception_value(it)?,
        "done" => Value::Bool(f.is_done()),
        "cancelled" => Value::Bool(f.is_cancelled()),
        "cancel" => {
            let msg = args.arg(0, "msg");
            Value::Bool(it.task_cancel(f, msg).await?)
        }
        "set_result" => {
            let v = args.arg(0, "result").unwrap_or_default();
            f.set_result(it, v)?;
            Value::None
        }
        "set_exception" => {
            let v = args.arg(0, "exception").unwrap_or_default();
            let e = it.to_exception(v).await?;
            f.set_exception(it, e)?;
            Value::None
        }
        "add_done_callback" => {
            let cb = args.arg(0, "fn").unwrap_or_default();
            let context = it.context.borrow().copy();
            f.add_done_callback(it, DoneCb::Py(cb, context));
            Value::None
        }
        "remove_done_callback" => {
            let cb = args.arg(0, "fn").unwrap_or_default();
            let mut cbs = f.callbacks.borrow_mut();
            let before = cbs.len();
            cbs.retain(|c| !matches!(c, DoneCb::Py(v, _) if v.is_same(&cb) || matches!((v, &cb), (Value::Method(a), Value::Method(b)) if a.receiver.is_same(&b.receiver) && a.func.is_same(&b.func))));
            Value::Int((before - cbs.len()) as i64)
        }
        "get_loop" => match f.loop_.upgrade() {
            Some(lp) => loop_value(&lp),
            None => Value::None,
        },
        "_set_cancel_hook" => {
            *f.cancel_hook.borrow_mut() = args.pos.first().cloned().map(future::CancelHook::Py);
            Value::None
        }
        "_make_cancelled_error" => Value::Instance(f.make_cancelled_error(it)),
        "get_name" => Value::str(f.task_name()),
        "set_name" => {
            if let Some(t) = &f.task {
                let v = args.arg(0, "value").unwrap_or_default();
                *t.name.borrow_mut() = Rc::from(it.str_of(&v).await?);
            }
            Value::None
        }
        "get_coro" => match &f.task {
            Some(t) => Value::Coro(t.coro.clone()),
            None => Value::None,
        },
        "cancelling" => Value::Int(
            f.task
                .as_ref()
                .map(|t| t.num_cancels_requested.get() as i64)
                .unwrap_or(0),
        ),
        "uncancel" => {
            let Some(t) = &f.task else {
                return Ok(Value::Int(0));
            };
            let n = t.num_cancels_requested.get();
            if n > 0 {
                t.num_cancels_requested.set(n - 1);
            }
            Value::Int(t.num_cancels_requested.get() as i64)
        }
        "__await__" | "__iter__" => Value::Future(f.clone()),
        // Their answer is frame objects, which the engine does not have.
        "get_stack" | "print_stack" if f.task.is_some() => {
            return Err(it.unsupported(crate::run::Missing::Name(format!("Task.{name}()"))));
        }
        _ => return Err(it.attr_error(&Value::Future(f.clone()), name)),
    })
}

/// Names of Future/Task methods (for `getattr`/`hasattr`).
pub(crate) const FUTURE_METHODS: &[&str] = &[
    "result",
    "exception",
    "done",
    "cancelled",
    "cancel",
    "set_result",
    "set_exception",
    "add_done_callback",
    "remove_done_callback",
    "get_loop",
    "_set_cancel_hook",
    "_make_cancelled_error",
    "get_name",
    "set_name",
    "get_coro",
    "cancelling",
    "uncancel",
    "__await__",
];

/// Names of the methods only a Task has.
pub(crate) const TASK_METHODS: &[&str] = &["get_stack", "print_stack"];

/// Names of loop methods.
pub(crate) const LOOP_METHODS: &[&str] = &[
    "time",
    "call_soon",
    "call_later",
    "call_at",
    "create_future",
    "create_task",
    "run_until_complete",
    "run_forever",
    "is_running",
    "is_closed",
    "close",
    "stop",
    "run_in_executor",
    "get_debug",
    "set_debug",
    "shutdown_asyncgens",
    "call_soon_threadsafe",
    "default_exception_handler",
    "call_exception_handler",
    "set_exception_handler",
    "get_exception_handler",
    "add_signal_handler",
    "remove_signal_handler",
];

/// Methods of the event loop object.
/// `BaseEventLoop.call_soon() got an unexpected keyword argument 'x'`: the loop's scheduling
/// methods pass positional arguments on, never keywords (that is what `functools.partial` is for).
fn refuse_keywords(it: &Interp, method: &str, args: &Args) -> PyResult<()> {
    match args.kw.first() {
        Some((k, _)) => Err(it.type_error(format!(
            "BaseEventLoop.{method}() got an unexpected keyword argument '{k}'"
        ))),
        None => Ok(()),
    }
}

pub(crate) async fn loop_method(
    it: &Rc<Interp>,
    lp: &Rc<EventLoop>,
    name: &str,
    mut args: Args,
) -> PyResult {
    let handle = |h: Rc<event_loop::Handle>| Value::Native(Rc::new(NativeObj::Handle(h)));
    Ok(match name {
        "time" => Value::Float(it.now()),
        "call_soon" | "call_soon_threadsafe" => {
            let _context = ScheduleIn::context(it, args.take_kw("context"))?;
            refuse_keywords(it, name, &args)?;
            if args.pos.is_empty() {
                return Err(it.type_error(format!(
                    "BaseEventLoop.{name}() missing 1 required positional argument: 'callback'"
                )));
            }
            let f = args.pos.remove(0);
            handle(lp.call_soon(it, HandleCb::Call(f, args.pos)))
        }
        "call_later" | "call_at" => {
            let _context = ScheduleIn::context(it, args.take_kw("context"))?;
            refuse_keywords(it, name, &args)?;
            if args.pos.len() < 2 {
                let missing = if args.pos.is_empty() {
                    format!(
                        "2 required positional arguments: '{}' and 'callback'",
                        if name == "call_later" {
                            "delay"
                        } else {
                            "when"
                        }
                    )
                } else {
                    "1 required positional argument: 'callback'".to_owned()
                };
                return Err(it.type_error(format!("BaseEventLoop.{name}() missing {missing}")));
            }
            let t = arg_f64(it, &args.pos.remove(0), "a float")?;
            let f = args.pos.remove(0);
            if name == "call_later" {
                handle(lp.call_later(it, it.now() + t, HandleCb::Call(f, args.pos)))
            } else {
                handle(lp.call_at(it, t, HandleCb::Call(f, args.pos)))
            }
        }
        "create_future" => Value::Future(Future::new(it, lp, None)),
        "create_task" => {
            let name = args.take_kw("name");
            let context = task_context(it, args.take_kw("context"))?;
            let coro = args.pos.first().cloned().unwrap_or_default();
            let named = name.as_ref().is_some_and(|n| !matches!(n, Value::None));
            let task = it.create_task(lp, coro, name, context)?;
            if named {
                // The C Task numbers only the tasks it names itself; `asyncio.create_task(name=)`
                // and TaskGroup pass no name to the loop (they rename the task afterwards).
                it.task_counter.set(it.task_counter.get() - 1);
            }
            Value::Future(task)
        }
        "run_until_complete" => {
            let fut = args.pos.first().cloned().unwrap_or_default();
            if lp.closed.get() {
                let e = it.runtime_error("Event loop is closed");
                // The traceback keeps the argument (a coroutine never awaited) to the end.
                e.exc().keepalive.borrow_mut().push(Rc::new(fut));
                return Err(frames::with_frames(
                    e,
                    &[frames::CHECK_CLOSED, frames::RUN_UNTIL_COMPLETE_CHECK],
                ));
            }
            if lp.running.get() || it.running_loop.borrow().is_some() {
                let e = it.runtime_error(if lp.running.get() {
                    "This event loop is already running"
                } else {
                    "Cannot run the event loop while another loop is running"
                });
                e.exc().keepalive.borrow_mut().push(Rc::new(fut));
                return Err(e);
            }
            let f = match fut {
                Value::Future(f) => f,
                other => {
                    let task = it.create_task(lp, other, None, None)?;
                    if lp.debug.get() {
                        // run_until_complete wraps a coroutine with ensure_future.
                        *task.created_at.borrow_mut() = Some(Rc::from("tasks.py:680"));
                    }
                    task
                }
            };
            it.run_until_complete(lp, &f).await?
        }
        "is_running" => Value::Bool(lp.running.get()),
        "is_closed" => Value::Bool(lp.closed.get()),
        "close" => {
            if lp.running.get() {
                return Err(it.runtime_error("Cannot close a running event loop"));
            }
            it.log_loop_close(lp).await?;
            remove_signal_handlers(it, lp);
            lp.closed.set(true);
            Value::None
        }
        "stop" => {
            lp.stopping.set(true);
            Value::None
        }
        "run_forever" => {
            if lp.running.get() || it.running_loop.borrow().is_some() {
                return Err(it.runtime_error("This event loop is already running"));
            }
            it.run_forever(lp).await?;
            Value::None
        }
        "get_debug" => Value::Bool(lp.debug.get()),
        "set_debug" => {
            let on = args.arg(0, "enabled").unwrap_or_default();
            lp.debug.set(it.truthy(&on).await?);
            Value::None
        }
        "set_exception_handler" => {
            let handler = args.arg(0, "handler").unwrap_or_default();
            if !matches!(handler, Value::None) && !crate::builtins::is_callable(&handler) {
                let r = it.repr_of(&handler).await?;
                return Err(
                    it.type_error(format!("A callable object or None is expected, got {r}"))
                );
            }
            *lp.exception_handler.borrow_mut() =
                (!matches!(handler, Value::None)).then_some(handler);
            Value::None
        }
        "get_exception_handler" => lp.exception_handler.borrow().clone().unwrap_or_default(),
        "add_signal_handler" => {
            refuse_keywords(it, name, &args)?;
            if args.pos.len() < 2 {
                return Err(it.type_error(
                    "BaseEventLoop.add_signal_handler() missing required arguments: 'sig' and 'callback'",
                ));
            }
            let sig = signal_number(it, &args.pos[0]).await?;
            let callback = args.pos[1].clone();
            let is_coroutine = matches!(&callback, Value::Coro(_))
                || matches!(&callback, Value::Func(f) if f.is_async() && !f.is_generator());
            if is_coroutine {
                return Err(it.type_error("coroutines cannot be used with add_signal_handler()"));
            }
            if lp.closed.get() {
                return Err(it.runtime_error("Event loop is closed"));
            }
            let mut bound = vec![loop_value(lp), callback];
            bound.extend(args.pos.drain(2..));
            let handler = Value::Builtin(Rc::new(Builtin {
                name: Rc::from(LOOP_SIGNAL_HANDLER),
                bound: Some(Value::tuple(bound)),
                f: BuiltinFn::Sync(loop_signal_fired),
                sig: None,
            }));
            it.signal_handlers.borrow_mut().insert(sig, handler);
            Value::None
        }
        "remove_signal_handler" => {
            let sig = signal_number(it, args.pos.first().unwrap_or(&Value::None)).await?;
            let mut handlers = it.signal_handlers.borrow_mut();
            let ours = handlers.get(&sig).is_some_and(|h| installed_by(h, lp));
            if ours {
                handlers.remove(&sig);
            }
            Value::Bool(ours)
        }
        "shutdown_asyncgens" => {
            let it2 = it.clone();
            let lp2 = lp.clone();
            it.native_coro(
                "shutdown_asyncgens",
                CoroKind::Coroutine,
                Box::pin(async move {
                    shutdown_asyncgens(&it2, &lp2).await?;
                    Ok(Value::None)
                }),
            )
        }
        "run_in_executor" => {
            refuse_keywords(it, name, &args)?;
            if args.pos.len() < 2 {
                let missing = if args.pos.is_empty() {
                    "2 required positional arguments: 'executor' and 'func'"
                } else {
                    "1 required positional argument: 'func'"
                };
                return Err(
                    it.type_error(format!("BaseEventLoop.run_in_executor() missing {missing}"))
                );
            }
            // Written in the prelude, after CPython: the executor's submit() then wrap_future().
            let f = it.hook(Hook::RunInExecutor)?;
            let mut pos = vec![loop_value(lp)];
            pos.append(&mut args.pos);
            it.call(f, Args::new(pos)).await?
        }
        "call_exception_handler" if lp.exception_handler.borrow().is_some() => {
            let Some(Value::Dict(context)) = args.pos.first() else {
                return Err(it.type_error("call_exception_handler(context): a dict is expected"));
            };
            let context = context.borrow().clone();
            it.call_exception_handler(lp, context).await?;
            Value::None
        }
        "default_exception_handler" | "call_exception_handler" => {
            // base_events.default_exception_handler: the message, then `key: repr(value)` for
            // the other keys in sorted order, logged with the exception's traceback.
            let ctx = args.pos.first().cloned().unwrap_or_default();
            let Value::Dict(d) = &ctx else {
                return Err(it.type_error(format!(
                    "'{}' object is not a context dict",
                    it.type_name(&ctx)
                )));
            };
            let mut entries: Vec<(String, Value)> = d
                .borrow()
                .iter()
                .filter_map(|(k, v)| match k {
                    Value::Str(k) => Some((k.to_string(), v.clone())),
                    _ => None,
                })
                .collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            let mut message = String::new();
            let mut exc = None;
            let mut lines = Vec::new();
            for (k, v) in entries {
                match k.as_str() {
                    "message" => {
                        if it.truthy(&v).await? {
                            message = it.str_of(&v).await?;
                        }
                    }
                    "exception" => {
                        if let Value::Instance(e) = v
                            && e.class.is_exc
                        {
                            exc = Some(e);
                        }
                    }
                    _ => lines.push(format!("{k}: {}", it.repr_of(&v).await?)),
                }
            }
            if message.is_empty() {
                message = "Unhandled exception in event loop".to_string();
            }
            lines.insert(0, message);
            it.asyncio_log(ERROR, &lines.join("\n"), Vec::new(), exc, SITE_HANDLER)
                .await?;
            Value::None
        }
        _ => return Err(it.attr_error(&loop_value(lp), name)),
    })
}

/// `call_soon(..., context=ctx)`: while this guard lives, a callback scheduled runs in `ctx`
/// itself instead of a copy of the current context.
struct ScheduleIn<'a>(&'a Interp);

impl<'a> ScheduleIn<'a> {
    fn context(it: &'a Interp, context: Option<Value>) -> PyResult<Option<ScheduleIn<'a>>> {
        let Some(ctx) = task_context(it, context)? else {
            return Ok(None);
        };
        *it.scheduling_context.borrow_mut() = Some(ctx);
        Ok(Some(ScheduleIn(it)))
    }
}

impl Drop for ScheduleIn<'_> {
    fn drop(&mut self) {
        *self.0.scheduling_context.borrow_mut() = None;
    }
}

/// A signal's number as `loop.add_signal_handler` takes it (an int or a `signal.Signals`).
async fn signal_number(it: &Rc<Interp>, sig: &Value) -> PyResult<i64> {
    let n = match sig {
        Value::Int(n) => *n,
        other => match it.index_of(other).await? {
            Some(n) => n,
            None => match it.get_attr_opt(other, "value").await? {
                Some(Value::Int(n)) => n,
                _ => {
                    return Err(
                        it.type_error(format!("sig must be an int, not {}", it.type_name(other)))
                    );
                }
            },
        },
    };
    if !(1..65).contains(&n) {
        return Err(it.value_error(format!("sig {n} out of range(1, 65)")));
    }
    Ok(n)
}

/// A closing loop removes the signal handlers it added (SIGINT's default comes back).
fn remove_signal_handlers(it: &Interp, lp: &Rc<EventLoop>) {
    it.signal_handlers
        .borrow_mut()
        .retain(|_, h| !installed_by(h, lp));
}

/// The name of the handlers `loop.add_signal_handler` installs (CPython's `getsignal` shows
/// `_sighandler_noop` for them).
const LOOP_SIGNAL_HANDLER: &str = "_sighandler_noop";

/// Whether `handler` is one that `lp.add_signal_handler` installed (bound to that loop).
fn installed_by(handler: &Value, lp: &Rc<EventLoop>) -> bool {
    matches!(handler, Value::Builtin(b)
        if &*b.name == LOOP_SIGNAL_HANDLER
            && matches!(&b.bound, Some(Value::Tuple(t))
                if t.first().and_then(loop_of).is_some_and(|l| Rc::ptr_eq(&l, lp))))
}

/// A signal with a handler from `loop.add_signal_handler` arrived: its callback is scheduled on
/// that loop, as CPython's `_handle_signal` does.
fn loop_signal_fired(it: &Rc<Interp>, b: &Builtin, _: Args) -> PyResult {
    let Some(Value::Tuple(bound)) = &b.bound else {
        return Ok(Value::None);
    };
    if let (Some(lp), Some(callback)) = (bound.first().and_then(loop_of), bound.get(1)) {
        lp.call_soon(it, HandleCb::Call(callback.clone(), bound[2..].to_vec()));
    }
    Ok(Value::None)
}

impl Interp {
    /// Hands an error's `context` to the loop's own exception handler (`handler(loop,
    /// context)`); an error of the handler itself is logged as CPython logs it.
    pub(crate) async fn call_exception_handler(
        self: &Rc<Self>,
        lp: &Rc<EventLoop>,
        context: crate::runtime::dict::Dict,
    ) -> PyResult<()> {
        let Some(handler) = lp.exception_handler.borrow().clone() else {
            return Ok(());
        };
        let context = Value::dict(context);
        let r = self
            .call(handler, Args::new(vec![loop_value(lp), context.clone()]))
            .await;
        match r {
            Ok(_) => Ok(()),
            Err(e) if self.passes_through_the_loop(&e) => Err(e),
            Err(e) => {
                let text = format!(
                    "Unhandled error in exception handler\ncontext: {}",
                    self.repr_of(&context).await?
                );
                self.asyncio_log(ERROR, &text, Vec::new(), Some(e), SITE_HANDLER)
                    .await
            }
        }
    }
}

/// Methods of `Handle` / `TimerHandle`.
pub(crate) fn handle_method(it: &Interp, h: &Rc<event_loop::Handle>, name: &str) -> PyResult {
    Ok(match name {
        "cancel" => {
            h.cancelled.set(true);
            Value::None
        }
        "cancelled" => Value::Bool(h.cancelled.get()),
        "when" => match h.when {
            Some(w) => Value::Float(w),
            None => return Err(it.err("AttributeError", "'Handle' object has no attribute 'when'")),
        },
        _ => {
            return Err(it.err(
                "AttributeError",
                format!("'Handle' object has no attribute '{name}'"),
            ));
        }
    })
}
