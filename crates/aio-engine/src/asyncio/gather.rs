//! `asyncio.gather` in Rust, after `gather()` and `_GatheringFuture` in CPython 3.11.7's
//! `Lib/asyncio/tasks.py`.
//!
//! The prelude's Python version (`_gather_py`) ran one Python callback per child, which made
//! gathering thousands of tasks cost more than the tasks themselves. This one keeps its order of
//! effects exactly: children are wrapped in order (a coroutine becomes a task at once, and a
//! child that is already done has its callback scheduled with `call_soon` at that point), each
//! child's completion is a [`DoneCb::Gather`] entry in the ready queue where the Python callback
//! was, and the outer future's `cancel()` cancels the children. Calls it does not cover (no
//! running loop, arguments that are neither futures nor coroutines, unknown keywords) go to the
//! Python version, before anything has happened, so their errors and warnings stay CPython's.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use super::future::{DoneCb, Future};
use super::hooks::Hook;
use crate::interp::Interp;
use crate::runtime::object::{Args, Builtin, CoroKind};
use crate::runtime::value::{Lbf, PyResult, Value};

/// The shared state of one `gather()` call (the closure cells of CPython's version).
pub(crate) struct Gather {
    /// Held strongly while pending, as the children's callbacks hold it in CPython; weakly once
    /// done, so the outer future and this state do not keep each other alive.
    outer: RefCell<OuterRef>,
    /// One entry per argument, duplicates included.
    children: RefCell<Vec<Rc<Future>>>,
    nfuts: Cell<usize>,
    nfinished: Cell<usize>,
    return_exceptions: bool,
    cancel_requested: Cell<bool>,
}

enum OuterRef {
    None,
    Pending(Rc<Future>),
    Done(std::rc::Weak<Future>),
}

impl Gather {
    fn outer(&self) -> Option<Rc<Future>> {
        match &*self.outer.borrow() {
            OuterRef::None => None,
            OuterRef::Pending(f) => Some(f.clone()),
            OuterRef::Done(w) => w.upgrade(),
        }
    }

    /// Lets go of the strong reference once the outer future has its outcome.
    fn release_outer(&self, outer: &Rc<Future>) {
        *self.outer.borrow_mut() = OuterRef::Done(Rc::downgrade(outer));
    }

    /// `_done_callback(fut)`: one child finished.
    pub(crate) fn child_done(&self, it: &Interp, fut: &Rc<Future>) -> PyResult<()> {
        self.nfinished.set(self.nfinished.get() + 1);
        let outer = match self.outer() {
            Some(o) if !o.is_done() => o,
            _ => {
                if !fut.is_cancelled() {
                    // `fut.exception()`: marks the exception as retrieved.
                    fut.log_traceback.set(false);
                }
                return Ok(());
            }
        };
        if !self.return_exceptions {
            if fut.is_cancelled() {
                let exc = fut.make_cancelled_error(it);
                outer.set_exception(it, exc)?;
                self.release_outer(&outer);
                return Ok(());
            }
            fut.log_traceback.set(false);
            let exc = fut.exception.borrow().clone();
            if let Some(exc) = exc {
                outer.set_exception(it, exc)?;
                self.release_outer(&outer);
                return Ok(());
            }
        }
        if self.nfinished.get() == self.nfuts.get() {
            let children = self.children.borrow().clone();
            let mut results = Vec::with_capacity(children.len());
            for child in &children {
                let res = if child.is_cancelled() {
                    // `CancelledError('' if fut._cancel_message is None else fut._cancel_message)`
                    let msg = match &*child.cancel_message.borrow() {
                        Some(m) if !matches!(m, Value::None) => m.clone(),
                        _ => Value::str(""),
                    };
                    Value::Instance(it.new_exc(&it.t.by_name("CancelledError"), vec![msg]))
                } else {
                    child.log_traceback.set(false);
                    match child.exception.borrow().clone() {
                        Some(e) => Value::Instance(e),
                        None => child.result.borrow().clone().unwrap_or_default(),
                    }
                };
                results.push(res);
            }
            if self.cancel_requested.get() {
                let exc = fut.make_cancelled_error(it);
                outer.set_exception(it, exc)?;
            } else {
                outer.set_result(it, Value::list(results))?;
            }
            self.release_outer(&outer);
        }
        Ok(())
    }

    /// `_GatheringFuture.cancel(msg)`: cancels the children instead of the outer future.
    pub(crate) async fn cancel(&self, it: &Rc<Interp>, msg: Option<Value>) -> PyResult<bool> {
        match self.outer() {
            Some(o) if !o.is_done() => {}
            _ => return Ok(false),
        }
        let children = self.children.borrow().clone();
        let mut ret = false;
        for child in &children {
            if Box::pin(it.task_cancel(child, msg.clone())).await? {
                ret = true;
            }
        }
        if ret {
            self.cancel_requested.set(true);
        }
        Ok(ret)
    }
}

crate::runtime::opaque_debug!(Gather);

/// `asyncio.gather(*coros_or_futures, return_exceptions=False)`, the builtin.
pub(crate) fn gather(it: Rc<Interp>, _: Rc<Builtin>, args: Args) -> Lbf<'static, PyResult> {
    Box::pin(gather_args(it, args))
}

/// `asyncio.gather(*args.pos, **args.kw)`, also as asyncio's runner calls it.
pub(crate) async fn gather_args(it: Rc<Interp>, args: Args) -> PyResult {
    let lp = it.running_loop.borrow().clone();
    // `arg_to_fut` keys: arguments are hashed by identity (coroutines and futures do not
    // override `__hash__`).
    let keyed: Option<Vec<(usize, Value)>> = args
        .pos
        .iter()
        .map(|v| match v {
            Value::Future(f) => Some((Rc::as_ptr(f) as usize, v.clone())),
            Value::Coro(c) if c.kind == CoroKind::Coroutine => {
                Some((Rc::as_ptr(c) as *const u8 as usize, v.clone()))
            }
            _ => None,
        })
        .collect();
    let (Some(lp), Some(keyed), false, true) = (
        lp,
        keyed,
        args.pos.is_empty(),
        args.kw.iter().all(|(k, _)| &**k == "return_exceptions"),
    ) else {
        let fallback = it.hook(Hook::GatherPy)?;
        return it.call(fallback, args).await;
    };
    let return_exceptions = match args.kw.first() {
        Some((_, v)) => it.truthy(v).await?,
        None => false,
    };
    let state = Rc::new(Gather {
        outer: RefCell::new(OuterRef::None),
        children: RefCell::new(Vec::with_capacity(args.pos.len())),
        nfuts: Cell::new(0),
        nfinished: Cell::new(0),
        return_exceptions,
        cancel_requested: Cell::new(false),
    });
    let mut arg_to_fut: HashMap<usize, Rc<Future>> = HashMap::new();
    for (key, arg) in keyed {
        let fut = match arg_to_fut.get(&key) {
            Some(f) => f.clone(),
            None => {
                let fut = match arg {
                    Value::Future(f) => f,
                    coro => {
                        let task = it.create_task(&lp, coro, None)?;
                        if lp.debug.get() {
                            // gather wraps a coroutine with ensure_future.
                            *task.created_at.borrow_mut() = Some(Rc::from("tasks.py:680"));
                        }
                        task
                    }
                };
                state.nfuts.set(state.nfuts.get() + 1);
                arg_to_fut.insert(key, fut.clone());
                fut.add_done_callback(&it, DoneCb::Gather(state.clone()));
                fut
            }
        };
        state.children.borrow_mut().push(fut);
    }
    let outer = Future::new(&it, &lp, None);
    *outer.label.borrow_mut() = Some(crate::trace::Awaited::Named("gather"));
    *outer.cancel_hook.borrow_mut() = Some(super::future::CancelHook::Gather(state.clone()));
    *state.outer.borrow_mut() = OuterRef::Pending(outer.clone());
    Ok(Value::Future(outer))
}
