//! asyncio Futures and Tasks (one native type; a Task is a Future with [`TaskData`]).
//! Mirrors `asyncio/futures.py` and `asyncio/tasks.py`: done callbacks are scheduled with
//! `call_soon` when the future completes, so wakeup order follows CPython exactly.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use super::event_loop::{EventLoop, HandleCb};
use crate::interp::Interp;
use crate::runtime::object::{Coro, DropEvent, DropSink};
use crate::runtime::value::{ExcRef, PyResult, Value};

/// Future state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FutState {
    Pending,
    Cancelled,
    Finished,
}

/// A done callback.
#[derive(Clone, Debug)]
pub(crate) enum DoneCb {
    /// A task waiting on this future (`Task.__wakeup`).
    Wakeup(Rc<Future>),
    /// `run_until_complete`'s callback: stop the loop.
    StopLoop,
    /// A Python callable, called with the future, in a copy of the `contextvars` context it was
    /// added in.
    Py(Value, Rc<crate::runtime::object::ContextVars>),
    /// A child of `asyncio.gather` finished.
    Gather(Rc<super::gather::Gather>),
}

/// What `cancel()` does instead of cancelling the future itself.
#[derive(Clone, Debug)]
pub(crate) enum CancelHook {
    /// A Python callable taking `msg` (set by the prelude with `_set_cancel_hook`).
    Py(Value),
    /// `_GatheringFuture.cancel`: cancel the children.
    Gather(Rc<super::gather::Gather>),
}

/// Task-only state.
pub(crate) struct TaskData {
    pub coro: Rc<Coro>,
    pub name: RefCell<Rc<str>>,
    pub must_cancel: Cell<bool>,
    pub fut_waiter: RefCell<Option<Rc<Future>>>,
    pub num_cancels_requested: Cell<u32>,
    pub cancelled_exc: RefCell<Option<ExcRef>>,
    /// Its `contextvars` context: a copy of its creator's, made when it was created.
    pub context: Rc<crate::runtime::object::ContextVars>,
}

/// An asyncio Future or Task.
pub(crate) struct Future {
    pub id: u64,
    pub state: Cell<FutState>,
    pub result: RefCell<Option<Value>>,
    pub exception: RefCell<Option<ExcRef>>,
    pub callbacks: RefCell<Vec<DoneCb>>,
    pub cancel_message: RefCell<Option<Value>>,
    pub log_traceback: Cell<bool>,
    pub loop_: Weak<EventLoop>,
    pub task: Option<TaskData>,
    /// Replaces `cancel()` (used by gather's outer future, like `_GatheringFuture.cancel`).
    pub cancel_hook: RefCell<Option<CancelHook>>,
    pub sink: Rc<DropSink>,
    /// What the future stands for, for the trace (`sleep until 0.5`, `lock`, `queue get`...).
    pub label: RefCell<Option<crate::trace::Awaited>>,
    /// Debug mode: where it was created (`file:line`), shown at the end of its repr.
    pub created_at: RefCell<Option<Rc<str>>>,
}

impl std::fmt::Debug for Future {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<Future {}>", self.id)
    }
}

impl Drop for Future {
    fn drop(&mut self) {
        if !self.log_traceback.get() {
            return;
        }
        let Some(exc) = self.exception.borrow().clone() else {
            return;
        };
        let text = match &self.task {
            Some(t) => format!(
                "Task exception was never retrieved\nfuture: <Task finished name='{}' coro=<{}() done, defined at {}:{}> exception={}>",
                t.name.borrow(),
                t.coro.qualname,
                t.coro.filename,
                t.coro.def_line,
                simple_exc_repr(&exc)
            ),
            None => format!(
                "Future exception was never retrieved\nfuture: <Future finished exception={}>",
                simple_exc_repr(&exc)
            ),
        };
        self.sink
            .events
            .borrow_mut()
            .push(DropEvent::TaskExceptionNeverRetrieved { text, exc });
    }
}

/// repr() of simple values without an interpreter (for messages produced in `Drop`).
pub(crate) fn simple_repr(v: &Value) -> String {
    match v {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => crate::runtime::fmt::float_repr(*f),
        Value::Str(s) => crate::runtime::fmt::str_repr(s),
        Value::Instance(i) if i.class.is_exc => simple_exc_repr(i),
        Value::Tuple(t) => {
            let parts: Vec<String> = t.iter().map(simple_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Value::List(l) => {
            let parts: Vec<String> = l.borrow().iter().map(simple_repr).collect();
            format!("[{}]", parts.join(", "))
        }
        other => format!("<{} object>", other.kind_name()),
    }
}

/// repr() of an exception without an interpreter: `ValueError('boom')`.
pub(crate) fn simple_exc_repr(e: &ExcRef) -> String {
    let args = e.args();
    let inner: Vec<String> = args.iter().map(simple_repr).collect();
    format!("{}({})", e.class.name, inner.join(", "))
}

impl Future {
    /// A new pending future on `lp`.
    pub(crate) fn new(it: &Interp, lp: &Rc<EventLoop>, task: Option<TaskData>) -> Rc<Future> {
        Rc::new(Future {
            id: it.fresh_id(),
            state: Cell::new(FutState::Pending),
            result: RefCell::new(None),
            exception: RefCell::new(None),
            callbacks: RefCell::new(Vec::new()),
            cancel_message: RefCell::new(None),
            log_traceback: Cell::new(false),
            loop_: Rc::downgrade(lp),
            cancel_hook: RefCell::new(None),
            sink: it.sink.clone(),
            label: RefCell::new(None),
            // A plain future in debug mode: CPython's `loop.create_future()` line.
            created_at: RefCell::new(if lp.debug.get() && task.is_none() {
                Some(Rc::from("base_events.py:427"))
            } else {
                None
            }),
            task,
        })
    }

    /// `done()`.
    pub(crate) fn is_done(&self) -> bool {
        self.state.get() != FutState::Pending
    }

    /// `cancelled()`.
    pub(crate) fn is_cancelled(&self) -> bool {
        self.state.get() == FutState::Cancelled
    }

    /// The CancelledError to raise for a cancelled future (`_make_cancelled_error`).
    pub(crate) fn make_cancelled_error(&self, it: &Interp) -> ExcRef {
        if let Some(t) = &self.task
            && let Some(e) = t.cancelled_exc.borrow_mut().take()
        {
            return e;
        }
        let args = match &*self.cancel_message.borrow() {
            Some(m) if !matches!(m, Value::None) => vec![m.clone()],
            _ => vec![],
        };
        it.new_exc(&it.t.by_name("CancelledError"), args)
    }

    /// `result()`.
    pub(crate) fn result(&self, it: &Interp) -> PyResult {
        match self.state.get() {
            FutState::Cancelled => Err(self.make_cancelled_error(it)),
            FutState::Pending => Err(it.err("InvalidStateError", "Result is not set.")),
            FutState::Finished => {
                self.log_traceback.set(false);
                if let Some(e) = self.exception.borrow().clone() {
                    return Err(e);
                }
                Ok(self.result.borrow().clone().unwrap_or_default())
            }
        }
    }

    /// `exception()`.
    pub(crate) fn exception_value(&self, it: &Interp) -> PyResult {
        match self.state.get() {
            FutState::Cancelled => Err(self.make_cancelled_error(it)),
            FutState::Pending => Err(it.err("InvalidStateError", "Exception is not set.")),
            FutState::Finished => {
                self.log_traceback.set(false);
                Ok(self
                    .exception
                    .borrow()
                    .clone()
                    .map(Value::Instance)
                    .unwrap_or_default())
            }
        }
    }

    /// Schedules every done callback with `call_soon`.
    pub(crate) fn schedule_callbacks(self: &Rc<Self>, it: &Interp) {
        let cbs = std::mem::take(&mut *self.callbacks.borrow_mut());
        let Some(lp) = self.loop_.upgrade() else {
            return;
        };
        for cb in cbs {
            lp.call_soon(it, HandleCb::Done(cb, self.clone()));
        }
    }

    /// `set_result(v)`.
    pub(crate) fn set_result(self: &Rc<Self>, it: &Interp, v: Value) -> PyResult<()> {
        if self.is_done() {
            return Err(it.err("InvalidStateError", "invalid state"));
        }
        *self.result.borrow_mut() = Some(v);
        self.state.set(FutState::Finished);
        self.schedule_callbacks(it);
        Ok(())
    }

    /// `set_exception(e)`.
    pub(crate) fn set_exception(self: &Rc<Self>, it: &Interp, e: ExcRef) -> PyResult<()> {
        if self.is_done() {
            return Err(it.err("InvalidStateError", "invalid state"));
        }
        if it.exc_is(&e, "StopIteration") {
            return Err(it.type_error(
                "StopIteration interacts badly with generators and cannot be raised into a Future",
            ));
        }
        *self.exception.borrow_mut() = Some(e);
        self.state.set(FutState::Finished);
        self.log_traceback.set(true);
        self.schedule_callbacks(it);
        Ok(())
    }

    /// `Future.cancel(msg)` (the base-class behaviour, no hooks).
    pub(crate) fn future_cancel(self: &Rc<Self>, it: &Interp, msg: Option<Value>) -> bool {
        self.log_traceback.set(false);
        if self.is_done() {
            return false;
        }
        self.state.set(FutState::Cancelled);
        *self.cancel_message.borrow_mut() = msg;
        self.schedule_callbacks(it);
        true
    }

    /// `add_done_callback(cb)`.
    pub(crate) fn add_done_callback(self: &Rc<Self>, it: &Interp, cb: DoneCb) {
        if self.is_done() {
            if let Some(lp) = self.loop_.upgrade() {
                lp.call_soon(it, HandleCb::Done(cb, self.clone()));
            }
        } else {
            self.callbacks.borrow_mut().push(cb);
        }
    }

    /// The task name (tasks only).
    pub(crate) fn task_name(&self) -> String {
        self.task
            .as_ref()
            .map(|t| t.name.borrow().to_string())
            .unwrap_or_default()
    }
}

/// repr() of a future or task, CPython style.
pub(crate) fn future_repr(it: &Interp, f: &Rc<Future>) -> String {
    let state = match f.state.get() {
        FutState::Pending => "pending",
        FutState::Cancelled => "cancelled",
        FutState::Finished => "finished",
    };
    match &f.task {
        Some(t) => {
            let coro = if f.is_done() {
                format!(
                    "<{}() done, defined at {}:{}>",
                    t.coro.qualname, t.coro.filename, t.coro.def_line
                )
            } else {
                let line = t
                    .coro
                    .saved
                    .borrow()
                    .frames
                    .first()
                    .map(|fi| fi.line.get())
                    // Running now: its own frame (the first of the running task's) is on the
                    // interpreter's stack.
                    .or_else(|| {
                        let base = it.task_frame_base.get().filter(|_| t.coro.running.get())?;
                        it.frames.borrow().get(base).map(|fi| fi.line.get())
                    })
                    .unwrap_or(t.coro.def_line);
                let verb = "running";
                format!(
                    "<{}() {verb} at {}:{}>",
                    t.coro.qualname, t.coro.filename, line
                )
            };
            // A cancellation asked for and not yet delivered (`_task_repr_info`).
            let state = if !f.is_done() && t.num_cancels_requested.get() > 0 {
                "cancelling"
            } else {
                state
            };
            let mut s = format!("<Task {state} name='{}' coro={coro}", t.name.borrow());
            if f.state.get() == FutState::Finished {
                if let Some(e) = &*f.exception.borrow() {
                    s.push_str(&format!(" exception={}", simple_exc_repr(e)));
                } else {
                    let r = f.result.borrow().clone().unwrap_or_default();
                    s.push_str(&format!(
                        " result={}",
                        it.repr_simple(&r).unwrap_or_else(|| simple_repr(&r))
                    ));
                }
            } else if let Some(w) = &*t.fut_waiter.borrow() {
                s.push_str(&format!(" wait_for={}", future_repr(it, w)));
            }
            push_callbacks(&mut s, f);
            push_created_at(&mut s, f);
            s.push('>');
            s
        }
        None => {
            let kind = if matches!(&*f.cancel_hook.borrow(), Some(CancelHook::Gather(_))) {
                "_GatheringFuture"
            } else {
                "Future"
            };
            let mut s = format!("<{kind} {state}");
            if f.state.get() == FutState::Finished {
                if let Some(e) = &*f.exception.borrow() {
                    s.push_str(&format!(" exception={}", simple_exc_repr(e)));
                } else {
                    let r = f.result.borrow().clone().unwrap_or_default();
                    s.push_str(&format!(
                        " result={}",
                        it.repr_simple(&r).unwrap_or_else(|| simple_repr(&r))
                    ));
                }
            }
            push_callbacks(&mut s, f);
            push_created_at(&mut s, f);
            s.push('>');
            s
        }
    }
}

/// ` cb=[...]`: the done callbacks, as `base_futures._format_callbacks` (first, last, and how
/// many between).
fn push_callbacks(s: &mut String, f: &Future) {
    let cbs = f.callbacks.borrow();
    let one = |cb: &DoneCb| -> String {
        match cb {
            DoneCb::Wakeup(_) => "Task.task_wakeup()".to_string(),
            DoneCb::StopLoop => "_run_until_complete_cb() at base_events.py:180".to_string(),
            DoneCb::Gather(_) => "_done_callback() at tasks.py:764".to_string(),
            DoneCb::Py(v, _) => {
                let func = match v {
                    Value::Method(m) => &m.func,
                    other => other,
                };
                match func {
                    Value::Func(fu) => {
                        format!("{}() at {}:{}", fu.qualname(), fu.filename, fu.def_line)
                    }
                    Value::Builtin(b) => format!("{}()", b.name),
                    _ => "<callback>()".to_string(),
                }
            }
        }
    };
    let text = match cbs.len() {
        0 => return,
        1 => one(&cbs[0]),
        2 => format!("{}, {}", one(&cbs[0]), one(&cbs[1])),
        n => format!("{}, <{} more>, {}", one(&cbs[0]), n - 2, one(&cbs[n - 1])),
    };
    s.push_str(&format!(" cb=[{text}]"));
}

fn push_created_at(s: &mut String, f: &Future) {
    if let Some(site) = &*f.created_at.borrow() {
        s.push_str(" created at ");
        s.push_str(site);
    }
}

crate::runtime::opaque_debug!(TaskData);
