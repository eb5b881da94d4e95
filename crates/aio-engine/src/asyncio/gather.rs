//! `asyncio.gather` in Rust, after `gather()` and `_GatheringFuture` in CPython 3.11.7's
//! `Lib/asyncio/tasks.py`.
//!
//! The only gather: CPython's in Python ran one Python callback per child, which made gathering
//! thousands of tasks cost more than the tasks themselves. This one keeps its order of effects
//! exactly: children are wrapped in order (a coroutine becomes a task at once, and a child that
//! is already done has its callback scheduled with `call_soon` at that point), each child's
//! completion is a [`DoneCb::Gather`] entry in the ready queue where the Python callback was, and
//! the outer future's `cancel()` cancels the children. Outside a running loop it uses the current
//! event loop (`get_event_loop()`); its errors carry the frames of `tasks.py` CPython shows.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use super::event_loop::EventLoop;
use super::frames::{
    ENSURE_FUTURE_GET_LOOP, ENSURE_FUTURE_RAISE, GATHER_EMPTY_GET_LOOP, GATHER_ENSURE_FUTURE,
    GATHER_MEMBERSHIP, with_frames,
};
use super::future::{DoneCb, Future};
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

/// `asyncio.gather(*args.pos, **args.kw)`, also as asyncio's runner calls it: every call, with
/// CPython's order of effects and its errors (with the frames of `tasks.py` CPython shows).
pub(crate) async fn gather_args(it: Rc<Interp>, args: Args) -> PyResult {
    if let Some((name, _)) = args.kw.iter().find(|(k, _)| &**k != "return_exceptions") {
        return Err(it.type_error(format!(
            "gather() got an unexpected keyword argument '{name}'"
        )));
    }
    if args.pos.is_empty() {
        // An empty gather is a future already done, on the current event loop.
        let lp = it
            .current_event_loop()
            .await
            .map_err(|e| with_frames(e, &[GATHER_EMPTY_GET_LOOP]))?;
        let outer = Future::new(&it, &lp, None);
        *outer.label.borrow_mut() = Some(crate::trace::Awaited::Named("gather"));
        outer.set_result(&it, Value::list(Vec::new()))?;
        return Ok(Value::Future(outer));
    }
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
    // The loop of the first child (CPython's `loop = futures._get_loop(fut)`).
    let mut lp: Option<Rc<EventLoop>> = None;
    // `arg_to_fut`: futures and coroutines are hashed by identity (they do not override
    // `__hash__`); any other argument is hashed first, as `arg not in arg_to_fut` does, and then
    // refused by `_ensure_future`.
    let mut arg_to_fut: HashMap<usize, Rc<Future>> = HashMap::new();
    for arg in args.pos {
        let key = match &arg {
            Value::Future(f) => Rc::as_ptr(f) as usize,
            Value::Coro(c) if c.kind == CoroKind::Coroutine => Rc::as_ptr(c) as *const u8 as usize,
            Value::Instance(inst) if inst.class.lookup("__await__").is_some() => {
                if let Err(e) = it.hash_key(&arg).await {
                    return Err(with_frames(e, &[GATHER_MEMBERSHIP]));
                }
                Rc::as_ptr(inst) as *const u8 as usize
            }
            other => {
                if let Err(e) = it.hash_key(other).await {
                    return Err(with_frames(e, &[GATHER_MEMBERSHIP]));
                }
                let e = it.type_error("An asyncio.Future, a coroutine or an awaitable is required");
                return Err(with_frames(e, &[ENSURE_FUTURE_RAISE, GATHER_ENSURE_FUTURE]));
            }
        };
        if let Some(fut) = arg_to_fut.get(&key) {
            state.children.borrow_mut().push(fut.clone());
            continue;
        }
        let fut = match arg {
            Value::Future(f) => f,
            arg => {
                // An object with `__await__` runs in a task as `_wrap_awaitable(arg)`.
                let coro = match arg {
                    Value::Instance(_) => {
                        let wrap = it.hook(super::hooks::Hook::WrapAwaitable)?;
                        it.call(wrap, Args::new(vec![arg])).await?
                    }
                    coro => coro,
                };
                let on = match &lp {
                    Some(lp) => lp.clone(),
                    None => match it.current_event_loop().await {
                        Ok(lp) => lp,
                        Err(e) => {
                            // CPython's frames hold the coroutine: it is released (and
                            // reported never awaited) with the exception.
                            e.exc().keepalive.borrow_mut().push(Rc::new(coro));
                            return Err(with_frames(
                                e,
                                &[ENSURE_FUTURE_GET_LOOP, GATHER_ENSURE_FUTURE],
                            ));
                        }
                    },
                };
                let task = it.create_task(&on, coro, None, None)?;
                if on.debug.get() {
                    // gather wraps a coroutine with ensure_future.
                    *task.created_at.borrow_mut() = Some(Rc::from("tasks.py:680"));
                }
                task
            }
        };
        if lp.is_none() {
            lp = fut.loop_.upgrade();
        }
        state.nfuts.set(state.nfuts.get() + 1);
        arg_to_fut.insert(key, fut.clone());
        fut.add_done_callback(&it, DoneCb::Gather(state.clone()));
        state.children.borrow_mut().push(fut);
    }
    let lp = lp.unwrap_or_else(|| it.event_loop());
    let outer = Future::new(&it, &lp, None);
    *outer.label.borrow_mut() = Some(crate::trace::Awaited::Named("gather"));
    *outer.cancel_hook.borrow_mut() = Some(super::future::CancelHook::Gather(state.clone()));
    *state.outer.borrow_mut() = OuterRef::Pending(outer.clone());
    Ok(Value::Future(outer))
}
