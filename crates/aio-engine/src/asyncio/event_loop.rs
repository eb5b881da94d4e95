//! The event loop, following `base_events.py`: one FIFO ready queue shared by task steps
//! and callbacks, a heap of timers ordered by (deadline, scheduling order), and
//! `_run_once`, which moves due timers to the ready queue and then runs exactly the
//! callbacks that were ready when the iteration started.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};
use std::task::Poll;

use super::future::{CancelHook, DoneCb, FutState, Future, TaskData};
use crate::interp::drive::poll_body;
use crate::interp::{Interp, Resume, Suspend};
use crate::run::Limit;
use crate::runtime::object::{Args, Coro, NativeObj, StdlibSite};
use crate::runtime::value::{ExcRef, PyResult, Value};
use crate::trace::{Awaited, QueueEntry, QueueItem, SNAPSHOT_ENTRIES, TraceEvent};

/// What a ready-queue entry does when run.
#[derive(Clone, Debug)]
pub(crate) enum HandleCb {
    /// `Task.__step(exc)`.
    Step(Rc<Future>, Option<ExcRef>),
    /// A future's done callback, called with the future.
    Done(DoneCb, Rc<Future>),
    /// A Python callback with arguments (`call_soon(f, *args)`).
    Call(Value, Vec<Value>),
    /// The async-generator finalizer: `create_task(agen.aclose())`.
    CloseAsyncGen(Rc<Coro>),
    /// Completes a future with a value or exception (timers of `sleep`, executors).
    SetFuture(Rc<Future>, Result<Value, ExcRef>),
}

/// The line of CPython's `Handle._run` that runs a callback.
pub(crate) const HANDLE_RUN: StdlibSite = StdlibSite {
    file: "events.py",
    line: 80,
    text: "self._context.run(self._callback, *self._args)",
};

/// A scheduled callback (`Handle` / `TimerHandle`).
#[derive(Debug)]
pub(crate) struct Handle {
    pub id: u64,
    pub cb: HandleCb,
    pub cancelled: Cell<bool>,
    pub when: Option<f64>,
    /// Debug mode: the program's `file:line` that scheduled a Python callback.
    pub created_at: Option<Rc<str>>,
    /// The `contextvars` context a Python callback runs in: the one it was scheduled in.
    pub context: Option<Rc<crate::runtime::object::ContextVars>>,
}

/// repr() of a handle.
pub(crate) fn handle_repr(_it: &Interp, h: &Rc<Handle>) -> String {
    let kind = if h.when.is_some() {
        "TimerHandle"
    } else {
        "Handle"
    };
    if h.cancelled.get() {
        format!("<{kind} cancelled>")
    } else {
        match h.when {
            Some(w) => format!("<{kind} when={w}>"),
            None => format!("<{kind}>"),
        }
    }
}

/// A timer entry of the heap.
struct Timer {
    when: f64,
    /// FIFO tie-break for `call_later`-style timers (in CPython real time advances between
    /// two `call_later` calls, so equal delays keep call order); 0 for `call_at`, whose equal
    /// deadlines pop in `heapq` order.
    fifo: u64,
    handle: Rc<Handle>,
}

impl Timer {
    fn lt(&self, o: &Timer) -> bool {
        self.when < o.when
            || (self.when == o.when && self.fifo != 0 && o.fifo != 0 && self.fifo < o.fifo)
    }
}

/// A binary heap with exactly the algorithms of Python's `heapq`, so timers with equal
/// deadlines come out in the same (non-FIFO) order as CPython.
#[derive(Default)]
struct TimerHeap {
    v: Vec<Timer>,
}

impl TimerHeap {
    fn push(&mut self, t: Timer) {
        self.v.push(t);
        let n = self.v.len() - 1;
        self.sift_down(0, n);
    }

    fn sift_down(&mut self, startpos: usize, mut pos: usize) {
        while pos > startpos {
            let parent = (pos - 1) >> 1;
            if self.v[pos].lt(&self.v[parent]) {
                self.v.swap(pos, parent);
                pos = parent;
                continue;
            }
            break;
        }
    }

    fn sift_up(&mut self, mut pos: usize) {
        let endpos = self.v.len();
        let startpos = pos;
        let mut childpos = 2 * pos + 1;
        while childpos < endpos {
            let rightpos = childpos + 1;
            if rightpos < endpos && !self.v[childpos].lt(&self.v[rightpos]) {
                childpos = rightpos;
            }
            self.v.swap(pos, childpos);
            pos = childpos;
            childpos = 2 * pos + 1;
        }
        self.sift_down(startpos, pos);
    }

    fn pop(&mut self) -> Option<Timer> {
        let last = self.v.pop()?;
        if self.v.is_empty() {
            return Some(last);
        }
        let top = std::mem::replace(&mut self.v[0], last);
        self.sift_up(0);
        Some(top)
    }

    fn peek(&self) -> Option<&Timer> {
        self.v.first()
    }

    fn heapify(&mut self) {
        let n = self.v.len();
        for i in (0..n / 2).rev() {
            self.sift_up(i);
        }
    }
}

/// The event loop.
pub(crate) struct EventLoop {
    pub ready: RefCell<VecDeque<Rc<Handle>>>,
    timers: RefCell<TimerHeap>,
    seq: Cell<u64>,
    pub running: Cell<bool>,
    pub closed: Cell<bool>,
    pub stopping: Cell<bool>,
    pub current_task: RefCell<Option<Rc<Future>>>,
    pub tasks: RefCell<Vec<Weak<Future>>>,
    pub asyncgens: RefCell<Vec<Weak<Coro>>>,
    pub iteration: Cell<u64>,
    /// Debug mode (`asyncio.run(debug=True)`, `loop.set_debug`).
    pub debug: Cell<bool>,
    /// `loop.slow_callback_duration` (any value; compared with `>=` as CPython does).
    pub slow_callback_duration: RefCell<Value>,
    /// `loop.set_exception_handler(handler)`: called as `handler(loop, context)` instead of the
    /// default handler.
    pub exception_handler: RefCell<Option<Value>>,
}

impl std::fmt::Debug for EventLoop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<EventLoop>")
    }
}

impl EventLoop {
    /// A new, not yet running loop.
    pub(crate) fn new() -> Rc<EventLoop> {
        Rc::new(EventLoop {
            ready: RefCell::new(VecDeque::new()),
            timers: RefCell::new(TimerHeap::default()),
            seq: Cell::new(0),
            running: Cell::new(false),
            closed: Cell::new(false),
            stopping: Cell::new(false),
            current_task: RefCell::new(None),
            tasks: RefCell::new(Vec::new()),
            asyncgens: RefCell::new(Vec::new()),
            iteration: Cell::new(0),
            debug: Cell::new(false),
            slow_callback_duration: RefCell::new(Value::Float(0.1)),
            exception_handler: RefCell::new(None),
        })
    }

    /// Debug mode: where the program scheduled a Python callback (CPython's
    /// `_source_traceback[-1]`), when the program's own code did.
    fn callback_site(&self, it: &Interp, cb: &HandleCb) -> Option<Rc<str>> {
        if !self.debug.get() || !matches!(cb, HandleCb::Call(..)) {
            return None;
        }
        it.direct_program_site()
    }

    /// `call_soon`.
    pub(crate) fn call_soon(&self, it: &Interp, cb: HandleCb) -> Rc<Handle> {
        let h = Rc::new(Handle {
            id: it.fresh_id(),
            created_at: self.callback_site(it, &cb),
            context: callback_context(it, &cb),
            cb,
            cancelled: Cell::new(false),
            when: None,
        });
        self.ready.borrow_mut().push_back(h.clone());
        h
    }

    /// `call_at` (equal deadlines pop in heap order, like CPython).
    pub(crate) fn call_at(&self, it: &Interp, when: f64, cb: HandleCb) -> Rc<Handle> {
        self.schedule_timer(it, when, cb, false)
    }

    /// `call_later` (and `sleep`): equal deadlines keep scheduling order.
    pub(crate) fn call_later(&self, it: &Interp, when: f64, cb: HandleCb) -> Rc<Handle> {
        self.schedule_timer(it, when, cb, true)
    }

    fn schedule_timer(&self, it: &Interp, when: f64, cb: HandleCb, fifo: bool) -> Rc<Handle> {
        let h = Rc::new(Handle {
            id: it.fresh_id(),
            created_at: self.callback_site(it, &cb),
            context: callback_context(it, &cb),
            cb,
            cancelled: Cell::new(false),
            when: Some(when),
        });
        let seq = self.seq.get() + 1;
        self.seq.set(seq);
        it.trace(|| TraceEvent::TimerScheduled { handle: h.id, when });
        self.timers.borrow_mut().push(Timer {
            when,
            fifo: if fifo { seq } else { 0 },
            handle: h.clone(),
        });
        h
    }

    /// Live tasks that are not done (`all_tasks()`), in creation order.
    pub(crate) fn all_tasks(&self) -> Vec<Rc<Future>> {
        let mut tasks = self.tasks.borrow_mut();
        tasks.retain(|w| w.strong_count() > 0);
        tasks
            .iter()
            .filter_map(|w| w.upgrade())
            .filter(|t| !t.is_done())
            .collect()
    }

    /// The timers for the step-through view, in the order they will fire (deadline, then
    /// scheduling order), cancelled ones left out; at most [`SNAPSHOT_ENTRIES`] of them, then one
    /// entry that counts the rest.
    pub(crate) fn timer_snapshot(&self, it: &Interp) -> Vec<QueueEntry> {
        let timers = self.timers.borrow();
        let mut v: Vec<&Timer> = timers
            .v
            .iter()
            .filter(|t| !t.handle.cancelled.get())
            .collect();
        let order = |a: &&Timer, b: &&Timer| a.when.total_cmp(&b.when).then(a.fifo.cmp(&b.fifo));
        let total = v.len();
        if total > SNAPSHOT_ENTRIES {
            // Only the first few are described: partition in linear time, sort just those.
            v.select_nth_unstable_by(SNAPSHOT_ENTRIES, order);
            v.truncate(SNAPSHOT_ENTRIES);
        }
        v.sort_by(order);
        let mut entries: Vec<QueueEntry> = v
            .into_iter()
            .map(|t| describe_handle(it, &t.handle))
            .collect();
        push_more(&mut entries, total);
        entries
    }

    /// The ready queue for the step-through view, in FIFO order, cancelled handles left out; at
    /// most [`SNAPSHOT_ENTRIES`] of them, then one entry that counts the rest.
    pub(crate) fn ready_snapshot(&self, it: &Interp) -> Vec<QueueEntry> {
        let ready = self.ready.borrow();
        let live = || ready.iter().filter(|h| !h.cancelled.get());
        let mut entries: Vec<QueueEntry> = live()
            .take(SNAPSHOT_ENTRIES)
            .map(|h| describe_handle(it, h))
            .collect();
        if entries.len() == SNAPSHOT_ENTRIES {
            push_more(&mut entries, live().count());
        }
        entries
    }
}

/// After the first [`SNAPSHOT_ENTRIES`] of `total`: one entry that says how many are left out.
fn push_more(entries: &mut Vec<QueueEntry>, total: usize) {
    if total > entries.len() {
        entries.push(QueueEntry {
            handle: 0,
            task: None,
            label: QueueItem::More {
                count: total - entries.len(),
            },
            when: None,
        });
    }
}

impl Interp {
    /// The running loop or `RuntimeError('no running event loop')`.
    pub(crate) fn running_loop(&self) -> PyResult<Rc<EventLoop>> {
        self.running_loop
            .borrow()
            .clone()
            .ok_or_else(|| self.runtime_error("no running event loop"))
    }

    /// `loop.create_task(coro, name=..., context=...)`: without a context, the task runs in a
    /// copy of its creator's.
    pub(crate) fn create_task(
        self: &Rc<Self>,
        lp: &Rc<EventLoop>,
        coro: Value,
        name: Option<Value>,
        context: Option<Rc<crate::runtime::object::ContextVars>>,
    ) -> PyResult<Rc<Future>> {
        let Value::Coro(c) = coro else {
            return Err(self.type_error(format!(
                "a coroutine was expected, got {}",
                self.repr_simple(&coro)
                    .unwrap_or_else(|| format!("<{} object>", self.type_name(&coro)))
            )));
        };
        if c.kind != crate::runtime::object::CoroKind::Coroutine {
            return Err(self.type_error(format!(
                "a coroutine was expected, got {}",
                self.repr_simple(&Value::Coro(c.clone()))
                    .unwrap_or_default()
            )));
        }
        // The counter advances even for named tasks (as in CPython's C Task).
        let n = self.task_counter.get() + 1;
        self.task_counter.set(n);
        let name: Rc<str> = match name {
            Some(Value::None) | None => Rc::from(format!("Task-{n}")),
            Some(Value::Str(s)) => s,
            Some(other) => Rc::from(self.repr_simple(&other).unwrap_or_default()),
        };
        let line = self.current_line();
        let task = Future::new(
            self,
            lp,
            Some(TaskData {
                coro: c.clone(),
                name: RefCell::new(name.clone()),
                must_cancel: Cell::new(false),
                fut_waiter: RefCell::new(None),
                num_cancels_requested: Cell::new(0),
                cancelled_exc: RefCell::new(None),
                context: context.unwrap_or_else(|| self.context.borrow().copy()),
            }),
        );
        if lp.debug.get() {
            // CPython's `created at`: the frame that called `loop.create_task`.
            let hidden_caller = self
                .frames
                .borrow()
                .last()
                .filter(|f| f.hidden)
                .map(|f| f.name.clone());
            *task.created_at.borrow_mut() = match hidden_caller.as_deref() {
                None => self.direct_program_site(),
                Some("_ensure_future") => Some(Rc::from("tasks.py:680")),
                Some("create_task") => Some(Rc::from("taskgroups.py:161")),
                Some(_) => None,
            };
        }
        // Owned by the task now: no "never awaited" warning even if it never runs.
        c.started.set(true);
        self.trace(|| TraceEvent::TaskCreated {
            task: task.id,
            name: name.to_string(),
            coro: c.qualname.to_string(),
            // The program's line, also when asyncio's own code (gather, wait) made the task.
            line: self
                .frames
                .borrow()
                .iter()
                .rev()
                .find(|f| !f.hidden && f.filename == self.filename)
                .map_or(line, |f| f.line.get()),
            internal: &*c.filename == crate::asyncio::PRELUDE_FILE || c.helper.get(),
        });
        lp.call_soon(self, HandleCb::Step(task.clone(), None));
        lp.tasks.borrow_mut().push(Rc::downgrade(&task));
        Ok(task)
    }

    /// `Task.cancel(msg)`.
    pub(crate) async fn task_cancel(
        self: &Rc<Self>,
        task: &Rc<Future>,
        msg: Option<Value>,
    ) -> PyResult<bool> {
        let hook = task.cancel_hook.borrow().clone();
        match hook {
            Some(CancelHook::Py(h)) => {
                let r = self
                    .call(h, Args::new(vec![msg.unwrap_or_default()]))
                    .await?;
                return self.truthy(&r).await;
            }
            Some(CancelHook::Gather(g)) => return g.cancel(self, msg).await,
            None => {}
        }
        let Some(t) = &task.task else {
            return Ok(task.future_cancel(self, msg));
        };
        task.log_traceback.set(false);
        if task.is_done() {
            return Ok(false);
        }
        self.trace(|| TraceEvent::CancelRequested { task: task.id });
        t.num_cancels_requested
            .set(t.num_cancels_requested.get() + 1);
        let waiter = t.fut_waiter.borrow().clone();
        if let Some(w) = waiter
            && Box::pin(self.task_cancel(&w, msg.clone())).await?
        {
            return Ok(true);
        }
        t.must_cancel.set(true);
        *task.cancel_message.borrow_mut() = msg;
        Ok(true)
    }

    /// Runs one ready-queue entry, in its `contextvars` context: a task's step in the task's, a
    /// callback in the one it was scheduled in.
    async fn run_handle(self: &Rc<Self>, lp: &Rc<EventLoop>, h: Rc<Handle>) -> PyResult<()> {
        let context = match &h.cb {
            HandleCb::Step(task, _) | HandleCb::Done(DoneCb::Wakeup(task), _) => {
                task.task.as_ref().map(|t| t.context.clone())
            }
            _ => h.context.clone(),
        };
        let Some(context) = context else {
            return self.run_handle_here(lp, &h).await;
        };
        let outer = std::mem::replace(&mut *self.context.borrow_mut(), context);
        let result = self.run_handle_here(lp, &h).await;
        *self.context.borrow_mut() = outer;
        result
    }

    /// Runs one ready-queue entry in the current context.
    async fn run_handle_here(self: &Rc<Self>, lp: &Rc<EventLoop>, h: &Rc<Handle>) -> PyResult<()> {
        match &h.cb {
            HandleCb::Step(task, exc) => self.task_step(lp, task, exc.clone()).await,
            HandleCb::Done(cb, fut) => match cb {
                DoneCb::Wakeup(task) => {
                    let exc = fut.result(self).err();
                    self.task_step(lp, task, exc).await
                }
                DoneCb::StopLoop => {
                    // A SystemExit or KeyboardInterrupt already ended the loop run this
                    // callback was for; stopping now would stop the next run (asyncio.run's
                    // cleanup) instead (bpo-22429).
                    if !fut.is_cancelled()
                        && let Ok(Value::Instance(exc)) = fut.exception_value(self)
                        && (exc.class.is_subclass(&self.t.by_name("SystemExit"))
                            || exc.class.is_subclass(&self.t.by_name("KeyboardInterrupt")))
                    {
                        return Ok(());
                    }
                    lp.stopping.set(true);
                    Ok(())
                }
                DoneCb::Gather(g) => g.child_done(self, fut),
                DoneCb::Py(f, _) => {
                    let args = vec![Value::Future(fut.clone())];
                    let r = self.call(f.clone(), Args::new(args.clone())).await;
                    self.report_callback_error(lp, h, r, f, &args).await
                }
            },
            HandleCb::Call(f, args) => {
                let r = self.call(f.clone(), Args::new(args.clone())).await;
                // What the callback returns is dropped in CPython's `Handle._run`: a coroutine
                // returned by `call_soon(async_fn)` is reported there, never awaited.
                let r = r.map(|returned| {
                    self.sink.stdlib_site.set(Some(HANDLE_RUN));
                    drop(returned);
                    self.sink.stdlib_site.set(None);
                    self.flush_drop_events();
                    Value::None
                });
                self.report_callback_error(lp, h, r, f, args).await
            }
            HandleCb::CloseAsyncGen(g) => {
                let aclose = Box::pin(crate::builtins::methods::call_native(
                    self,
                    &Value::Coro(g.clone()),
                    "aclose",
                    Args::default(),
                ))
                .await?;
                self.create_task(lp, aclose, None, None)?;
                Ok(())
            }
            HandleCb::SetFuture(fut, res) => {
                if let Some(w) = h.when {
                    self.trace(|| TraceEvent::TimerFired {
                        handle: h.id,
                        when: w,
                    });
                }
                if !fut.is_done() {
                    match res {
                        Ok(v) => fut.set_result(self, v.clone())?,
                        Err(e) => fut.set_exception(self, e.clone())?,
                    }
                }
                Ok(())
            }
        }
    }

    /// `cb(1) at prog.py:3`, as asyncio's `format_helpers._format_callback_source`.
    async fn callback_repr(self: &Rc<Self>, f: &Value, args: &[Value]) -> String {
        let mut parts = Vec::new();
        for a in args {
            parts.push(super::short_repr::short_repr(self, a).await);
        }
        let (name, loc) = match f {
            Value::Func(func) => (
                func.qualname().to_string(),
                format!(" at {}:{}", func.filename, func.def_line),
            ),
            Value::Method(m) => match &m.func {
                Value::Func(func) => (
                    func.qualname().to_string(),
                    format!(" at {}:{}", func.filename, func.def_line),
                ),
                _ => ("method".to_string(), String::new()),
            },
            Value::Builtin(b) => (b.name.to_string(), String::new()),
            other => (self.repr_of(other).await.unwrap_or_default(), String::new()),
        };
        format!("{name}({}){loc}", parts.join(", "))
    }

    /// What a callback's error does not stop at: a stopped run, KeyboardInterrupt and
    /// SystemExit leave the loop (CPython's `Handle._run` catches only `Exception`s).
    pub(crate) fn passes_through_the_loop(&self, e: &ExcRef) -> bool {
        self.aborted.borrow().is_some()
            || self.exc_is(e, "KeyboardInterrupt")
            || self.exc_is(e, "SystemExit")
    }

    async fn report_callback_error(
        self: &Rc<Self>,
        lp: &Rc<EventLoop>,
        h: &Rc<Handle>,
        r: PyResult,
        f: &Value,
        args: &[Value],
    ) -> PyResult<()> {
        match r {
            Ok(_) => Ok(()),
            Err(e) if self.passes_through_the_loop(&e) => Err(e),
            Err(e) => {
                let e = super::frames::with_frames(e, &[super::frames::HANDLE_RUN]);
                let cb = self.callback_repr(f, args).await;
                if lp.exception_handler.borrow().is_some() {
                    let mut context = crate::runtime::dict::Dict::new();
                    context
                        .insert_str("message", Value::str(format!("Exception in callback {cb}")));
                    context.insert_str("exception", Value::Instance(e));
                    context.insert_str(
                        "handle",
                        Value::Native(Rc::new(NativeObj::Handle(h.clone()))),
                    );
                    return self.call_exception_handler(lp, context).await;
                }
                self.asyncio_log(
                    crate::asyncio::ERROR,
                    &format!("Exception in callback {cb}\nhandle: <Handle {cb}>"),
                    Vec::new(),
                    Some(e),
                    crate::asyncio::SITE_HANDLER,
                )
                .await
            }
        }
    }

    /// `Task.__step`: resumes the task's coroutine once.
    async fn task_step(
        self: &Rc<Self>,
        lp: &Rc<EventLoop>,
        task: &Rc<Future>,
        mut exc: Option<ExcRef>,
    ) -> PyResult<()> {
        let Some(t) = &task.task else { return Ok(()) };
        if task.is_done() {
            return Ok(());
        }
        if t.must_cancel.get() {
            let is_cancel = exc
                .as_ref()
                .map(|e| self.exc_is(e, "CancelledError"))
                .unwrap_or(false);
            if !is_cancel {
                exc = Some(task.make_cancelled_error(self));
            }
            t.must_cancel.set(false);
        }
        *t.fut_waiter.borrow_mut() = None;
        *lp.current_task.borrow_mut() = Some(task.clone());
        let outer_base = self
            .task_frame_base
            .replace(Some(self.frames.borrow().len()));
        let coro = t.coro.clone();
        self.trace(|| TraceEvent::StepStarted {
            task: task.id,
            throw: exc.is_some(),
        });
        let mut first = true;
        let mut unstarted_throw = None;
        if !was_resumed(&coro) {
            if coro.helper.get() && Rc::strong_count(&coro.start_throw) > 1 {
                // aclose()/athrow() awaitables pass an early throw on to their generator.
                if let Some(e) = exc.take() {
                    *coro.start_throw.borrow_mut() = Some(e);
                }
            } else if let Some(e) = exc.take() {
                // Never stepped: a pending throw ends the coroutine before it runs.
                unstarted_throw = Some(e);
            }
        }
        let outcome: Poll<PyResult> = if let Some(e) = unstarted_throw {
            coro.body.borrow_mut().take();
            coro.finished.set(true);
            Poll::Ready(Err(e))
        } else {
            let resume = exc.map(Resume::Throw).unwrap_or(Resume::Send(Value::None));
            let mut resume = Some(resume);
            std::future::poll_fn(|cx| {
                if first {
                    first = false;
                    if was_resumed(&coro) {
                        *self.resume.borrow_mut() = resume.take();
                    }
                    mark_resumed(&coro);
                }
                match poll_body(self, &coro, cx) {
                    Poll::Ready(r) => Poll::Ready(Poll::Ready(r)),
                    Poll::Pending => {
                        let slice = matches!(&*self.suspend.borrow(), Some(Suspend::Slice));
                        if slice {
                            Poll::Pending
                        } else {
                            Poll::Ready(Poll::Pending)
                        }
                    }
                }
            })
            .await
        };
        self.task_frame_base.set(outer_base);
        self.sink.stdlib_site.set(None);
        *lp.current_task.borrow_mut() = None;
        match outcome {
            Poll::Ready(Ok(v)) => {
                if t.must_cancel.get() {
                    t.must_cancel.set(false);
                    let msg = task.cancel_message.borrow().clone();
                    task.future_cancel(self, msg);
                    self.trace(|| TraceEvent::TaskCancelled { task: task.id });
                } else {
                    self.trace(|| TraceEvent::TaskFinished { task: task.id });
                    task.set_result(self, v)?;
                }
            }
            Poll::Ready(Err(e)) => {
                if self.aborted.borrow().is_some() {
                    return Err(e);
                }
                if self.exc_is(&e, "CancelledError") {
                    *t.cancelled_exc.borrow_mut() = Some(e);
                    task.future_cancel(self, None);
                    self.trace(|| TraceEvent::TaskCancelled { task: task.id });
                } else if self.exc_is(&e, "KeyboardInterrupt") || self.exc_is(&e, "SystemExit") {
                    task.set_exception(self, e.clone())?;
                    return Err(e);
                } else {
                    let name = self.exc_type_display(&e.class);
                    self.trace(|| TraceEvent::TaskFailed {
                        task: task.id,
                        exception: name,
                    });
                    task.set_exception(self, e)?;
                }
            }
            Poll::Pending => {
                let s = self.suspend.borrow_mut().take();
                match s {
                    Some(Suspend::Await(Value::Future(f))) => {
                        if Rc::ptr_eq(&f, task) {
                            let e = self.runtime_error(format!(
                                "Task cannot await on itself: {}",
                                super::future::future_repr(self, task)
                            ));
                            lp.call_soon(self, HandleCb::Step(task.clone(), Some(e)));
                        } else {
                            self.trace(|| TraceEvent::StepSuspended {
                                task: task.id,
                                on: describe_wait(&f),
                                line: self.coro_line(&t.coro),
                                awaits_task: f.task.as_ref().map(|_| f.id),
                            });
                            f.add_done_callback(self, DoneCb::Wakeup(task.clone()));
                            *t.fut_waiter.borrow_mut() = Some(f.clone());
                            if t.must_cancel.get() {
                                let msg = task.cancel_message.borrow().clone();
                                if self.task_cancel(&f, msg).await? {
                                    t.must_cancel.set(false);
                                }
                            }
                        }
                    }
                    Some(Suspend::Await(_)) | None => {
                        self.trace(|| TraceEvent::StepSuspended {
                            task: task.id,
                            on: Awaited::Yield,
                            line: self.coro_line(&t.coro),
                            awaits_task: None,
                        });
                        lp.call_soon(self, HandleCb::Step(task.clone(), None));
                    }
                    Some(Suspend::Yield(v)) => {
                        let e = self.runtime_error(format!(
                            "Task got bad yield: {}",
                            self.repr_simple(&v).unwrap_or_default()
                        ));
                        lp.call_soon(self, HandleCb::Step(task.clone(), Some(e)));
                    }
                    Some(Suspend::Slice) | Some(Suspend::WaitTime(_)) => {
                        lp.call_soon(self, HandleCb::Step(task.clone(), None));
                    }
                }
            }
        }
        Ok(())
    }

    /// One `_run_once` iteration. Suspends (virtual time) when only timers remain.
    pub(crate) async fn run_once(self: &Rc<Self>, lp: &Rc<EventLoop>) -> PyResult<()> {
        // Drop cancelled timers: all of them when they are the majority of a big heap
        // (CPython's rebuild rule), otherwise just from the head. CPython keeps a count of
        // cancelled timers; here counting walks the heap, so a big heap is counted only every
        // n/100 iterations (rebuilding sooner or later changes memory use, never the order in
        // which live timers fire).
        {
            let mut timers = lp.timers.borrow_mut();
            let n = timers.v.len();
            if n > 100
                && lp.iteration.get().is_multiple_of(n as u64 / 100)
                && timers.v.iter().filter(|t| t.handle.cancelled.get()).count() * 2 > n
            {
                timers.v.retain(|t| !t.handle.cancelled.get());
                timers.heapify();
            }
            while timers
                .peek()
                .map(|t| t.handle.cancelled.get())
                .unwrap_or(false)
            {
                timers.pop();
            }
        }
        let need_wait = lp.ready.borrow().is_empty() && !lp.stopping.get();
        let mut slept = false;
        if need_wait {
            let next = lp.timers.borrow().peek().map(|t| t.when);
            match next {
                // Only timers at infinity (`sleep(float('inf'))`) are left: nothing ever happens
                // again, as in a deadlock.
                Some(when) if when == f64::INFINITY => {
                    return Err(self.abort(Limit::Deadlock {
                        infinite_sleep: true,
                    }));
                }
                // A prediction's horizon: the program would still be running then.
                Some(when) if when > self.budgets.max_program_seconds => {
                    return Err(self.abort(Limit::ProgramTime {
                        seconds: self.budgets.max_program_seconds,
                    }));
                }
                Some(when) => {
                    let wake = epoll_wake(self.now(), when);
                    slept = self.now() < wake;
                    while self.now() < wake {
                        self.suspend_with(Suspend::WaitTime(wake)).await;
                        // The driver moved its clock to the deadline, but the clock's parts
                        // added back together may round a hair below it: it has still come
                        // (waiting again would never get closer).
                        if wake - self.now() <= 1e-9 {
                            break;
                        }
                    }
                }
                None => {
                    return Err(self.abort(Limit::Deadlock {
                        infinite_sleep: false,
                    }));
                }
            }
        }
        let now = self.now();
        let end_time = now + 1e-9;
        loop {
            // CPython's `if handle._when >= end_time: break`, written so that a NaN deadline
            // (`asyncio.sleep(float('nan'))`) is due at once, as there. And a deadline the clock
            // has reached is due even when it is so large (1e8 s) that adding the resolution
            // changes nothing: CPython's real clock moves on, the virtual one does not.
            let due = {
                let timers = lp.timers.borrow();
                timers
                    .peek()
                    .map(|t| t.when.is_nan() || t.when < end_time || t.when <= now)
                    .unwrap_or(false)
            };
            if !due {
                break;
            }
            if let Some(t) = lp.timers.borrow_mut().pop() {
                lp.ready.borrow_mut().push_back(t.handle);
            }
        }
        lp.iteration.set(lp.iteration.get() + 1);
        let snapshots = self.trace.borrow().snapshots;
        if snapshots {
            let ready = lp.ready_snapshot(self);
            let timers = lp.timer_snapshot(self);
            self.trace(|| TraceEvent::Iteration {
                iteration: lp.iteration.get(),
                slept,
                ready,
                timers,
            });
        }
        let ntodo = lp.ready.borrow().len();
        for _ in 0..ntodo {
            let h = lp.ready.borrow_mut().pop_front();
            let Some(h) = h else { break };
            if h.cancelled.get() {
                continue;
            }
            if snapshots {
                let entry = describe_handle(self, &h);
                self.trace(|| TraceEvent::HandleStarted { entry });
            }
            // base_events._run_once in debug mode times each callback on the loop's clock.
            let debug = lp.debug.get();
            let t0 = self.now();
            self.run_handle(lp, h.clone()).await?;
            let dt = self.now() - t0;
            self.flush_drop_events();
            if debug {
                self.warn_if_slow(lp, &h, dt).await?;
            }
            if snapshots {
                let line = self.handle_line(&h);
                let ready = lp.ready_snapshot(self);
                let timers = lp.timer_snapshot(self);
                self.trace(|| TraceEvent::HandleDone {
                    handle: h.id,
                    line,
                    ready,
                    timers,
                });
            }
        }
        Ok(())
    }

    /// Debug mode: "Executing <handle> took N seconds" when `h` ran for `slow_callback_duration`
    /// or longer.
    async fn warn_if_slow(
        self: &Rc<Self>,
        lp: &Rc<EventLoop>,
        h: &Rc<Handle>,
        dt: f64,
    ) -> PyResult<()> {
        let limit = match *lp.slow_callback_duration.borrow() {
            Value::Int(n) => n as f64,
            Value::Float(x) => x,
            Value::Bool(b) => b as i64 as f64,
            _ => f64::INFINITY,
        };
        if dt < limit {
            return Ok(());
        }
        let what = self.format_handle(h).await;
        self.asyncio_log(
            crate::asyncio::WARNING,
            "Executing %s took %.3f seconds",
            vec![Value::str(what), Value::Float(dt)],
            None,
            crate::asyncio::SITE_SLOW,
        )
        .await
    }

    /// `base_events._format_handle`: a task's step names the task, other handles show their
    /// callback and where it was scheduled.
    async fn format_handle(self: &Rc<Self>, h: &Rc<Handle>) -> String {
        match &h.cb {
            HandleCb::Step(task, _) | HandleCb::Done(DoneCb::Wakeup(task), _) => {
                super::future::future_repr(self, task)
            }
            HandleCb::Call(f, args) => {
                let kind = if h.when.is_some() {
                    "TimerHandle"
                } else {
                    "Handle"
                };
                let when = match h.when {
                    Some(w) => format!(" when={w}"),
                    None => String::new(),
                };
                let cb = self.callback_repr(f, args).await;
                let site = match &h.created_at {
                    Some(s) => format!(" created at {s}"),
                    None => String::new(),
                };
                format!("<{kind}{when} {cb}{site}>")
            }
            _ => handle_repr(self, h),
        }
    }

    /// `loop.run_forever()`: runs until `loop.stop()`.
    pub(crate) async fn run_forever(self: &Rc<Self>, lp: &Rc<EventLoop>) -> PyResult<()> {
        if lp.closed.get() {
            return Err(self.runtime_error("Event loop is closed"));
        }
        lp.running.set(true);
        let prev = self.running_loop.borrow_mut().replace(lp.clone());
        let mut result = Ok(());
        loop {
            if let Err(e) = self.run_once(lp).await {
                result = Err(e);
                break;
            }
            if lp.stopping.get() {
                break;
            }
        }
        lp.stopping.set(false);
        lp.running.set(false);
        *self.running_loop.borrow_mut() = prev;
        result
    }

    /// `loop.run_until_complete(future)` body (the loop must not be running).
    pub(crate) async fn run_until_complete(
        self: &Rc<Self>,
        lp: &Rc<EventLoop>,
        fut: &Rc<Future>,
    ) -> PyResult {
        if lp.closed.get() {
            return Err(self.runtime_error("Event loop is closed"));
        }
        fut.add_done_callback(self, DoneCb::StopLoop);
        lp.running.set(true);
        lp.stopping.set(false);
        let prev = self.running_loop.borrow_mut().replace(lp.clone());
        let mut result = Ok(());
        loop {
            if let Err(e) = self.run_once(lp).await {
                // BaseException escaping the loop: the caller sees it, so the future's
                // copy counts as retrieved (base_events.run_until_complete does this).
                if fut.is_done() && !fut.is_cancelled() {
                    fut.log_traceback.set(false);
                }
                if self.aborted.borrow().is_none() {
                    push_loop_frames(&e);
                }
                result = Err(e);
                break;
            }
            if lp.stopping.get() {
                break;
            }
        }
        lp.stopping.set(false);
        lp.running.set(false);
        *self.running_loop.borrow_mut() = prev;
        fut.callbacks
            .borrow_mut()
            .retain(|c| !matches!(c, DoneCb::StopLoop));
        result?;
        if !fut.is_done() {
            return Err(self.runtime_error("Event loop stopped before Future completed."));
        }
        fut.result(self).inspect_err(|e| {
            if self.aborted.borrow().is_none() {
                push_result_frame(e);
            }
        })
    }
}

impl Interp {
    /// The program's line where a coroutine is (paused, or where it ended): its innermost frame
    /// in the program's own file. 0 when none (asyncio's own coroutines).
    fn coro_line(&self, coro: &Rc<Coro>) -> u32 {
        let saved = coro.saved.borrow();
        let paused = saved
            .frames
            .iter()
            .rev()
            .find(|f| !f.hidden && f.filename == self.filename)
            .map(|f| f.line.get());
        paused
            .or_else(|| {
                coro.frame
                    .as_ref()
                    .filter(|f| f.filename == self.filename)
                    .map(|f| f.line.get())
            })
            .unwrap_or(0)
    }

    /// Where the code of a ready-queue entry stands, for the step-through view: a task's line,
    /// or the first line of a callback function of the program.
    fn handle_line(&self, h: &Handle) -> u32 {
        match &h.cb {
            HandleCb::Step(task, _) | HandleCb::Done(DoneCb::Wakeup(task), _) => task
                .task
                .as_ref()
                .map(|t| self.coro_line(&t.coro))
                .unwrap_or(0),
            HandleCb::Call(f, _) | HandleCb::Done(DoneCb::Py(f, _), _) => match f {
                Value::Func(func) if func.filename == self.filename => func.def_line,
                _ => 0,
            },
            _ => 0,
        }
    }
}

/// The context a Python callback runs in: a copy of the one it was scheduled in (CPython's
/// `Handle` takes `contextvars.copy_context()`), or for a done-callback the copy taken when it was
/// added. Task steps run in their task's own.
fn callback_context(it: &Interp, cb: &HandleCb) -> Option<Rc<crate::runtime::object::ContextVars>> {
    match cb {
        HandleCb::Call(..) => Some(
            it.scheduling_context
                .borrow()
                .clone()
                .unwrap_or_else(|| it.context.borrow().copy()),
        ),
        HandleCb::Done(DoneCb::Py(_, context), _) => Some(context.clone()),
        _ => None,
    }
}

/// A ready-queue or timer entry in words, with the task it steps or wakes.
pub(crate) fn describe_handle(it: &Interp, h: &Handle) -> QueueEntry {
    let task_name = |f: &Rc<Future>| {
        f.task
            .as_ref()
            .map(|t| t.name.borrow().to_string())
            .unwrap_or_else(|| format!("future {}", f.id))
    };
    // `gather.<locals>._done_callback` reads better as `gather's _done_callback`.
    let func_name = |f: &Value| match f {
        Value::Func(func) => func.qualname().replace(".<locals>.", "'s "),
        Value::Method(m) => match &m.func {
            Value::Func(func) => func.qualname().replace(".<locals>.", "'s "),
            _ => "method".to_string(),
        },
        Value::Builtin(b) => b.name.to_string(),
        other => it.type_name(other).to_string(),
    };
    let (task, label) = match &h.cb {
        HandleCb::Step(task, None) => (
            Some(task.id),
            QueueItem::Step {
                task: task_name(task),
            },
        ),
        HandleCb::Step(task, Some(e)) => (
            Some(task.id),
            QueueItem::Throw {
                exception: it.exc_type_display(&e.class).to_string(),
                task: task_name(task),
            },
        ),
        HandleCb::Done(DoneCb::Wakeup(task), fut) => (
            Some(task.id),
            QueueItem::Resume {
                task: task_name(task),
                done: describe_wait(fut),
            },
        ),
        HandleCb::Done(DoneCb::StopLoop, fut) => (
            None,
            QueueItem::StopLoop {
                done: describe_wait(fut),
            },
        ),
        HandleCb::Done(DoneCb::Py(f, _), fut) => (
            None,
            QueueItem::DoneCallback {
                callback: func_name(f),
                done: describe_wait(fut),
            },
        ),
        // Named as CPython's callback is: the native gather keeps its place in the queue.
        HandleCb::Done(DoneCb::Gather(_), fut) => (
            None,
            QueueItem::GatherDone {
                done: describe_wait(fut),
            },
        ),
        HandleCb::Call(f, args) => {
            let args: Vec<String> = args
                .iter()
                .map(|a| it.repr_simple(a).unwrap_or_else(|| "…".to_string()))
                .collect();
            let call = format!("{}({})", func_name(f), args.join(", "));
            (None, QueueItem::Call { call })
        }
        HandleCb::CloseAsyncGen(_) => (None, QueueItem::CloseAsyncGen),
        HandleCb::SetFuture(fut, _) => {
            // Which task this wakes: the one whose wake-up callback waits on the future.
            let waiter = fut.callbacks.borrow().iter().find_map(|cb| match cb {
                DoneCb::Wakeup(t) => Some(t.clone()),
                _ => None,
            });
            let awaited = describe_wait(fut);
            match waiter {
                Some(t) => (
                    Some(t.id),
                    QueueItem::End {
                        task: task_name(&t),
                        awaited,
                    },
                ),
                None => (None, QueueItem::Complete { awaited }),
            }
        }
    };
    QueueEntry {
        handle: h.id,
        task,
        label,
        when: h.when,
    }
}

fn describe_wait(f: &Rc<Future>) -> Awaited {
    match &f.task {
        Some(t) => Awaited::Task(t.name.borrow().to_string()),
        None => match &*f.label.borrow() {
            Some(label) => label.clone(),
            None => Awaited::Future(f.id),
        },
    }
}

// A task's coroutine expects a resume value once its first step ran.
fn was_resumed(c: &Rc<Coro>) -> bool {
    c.stepped.get()
}

fn mark_resumed(c: &Rc<Coro>) {
    c.stepped.set(true);
}

#[allow(dead_code)]
fn _state_name(s: FutState) -> &'static str {
    match s {
        FutState::Pending => "PENDING",
        FutState::Cancelled => "CANCELLED",
        FutState::Finished => "FINISHED",
    }
}

/// When the selector returns for a loop that sleeps from `now` until the timer at `when`:
/// `epoll_wait()` counts in whole milliseconds, so CPython's `EpollSelector.select` rounds the
/// timeout *up* to the next millisecond (`math.ceil(timeout * 1e3) * 1e-3`). Timers due less than
/// a millisecond after the first therefore fire in the same iteration, as in CPython.
fn epoll_wake(now: f64, when: f64) -> f64 {
    let timeout = when - now;
    if !timeout.is_finite() || timeout <= 0.0 {
        return when;
    }
    // `1.1 * 1e3` is 1100.0000000000002 in floating point: without the tolerance, a timeout of
    // exactly 1.1 s would sleep 1.101 s (CPython's real clock has always moved on by some
    // microseconds, so it never meets an exact multiple).
    let millis = (timeout * 1e3 - 1e-6).ceil();
    (now + millis * 1e-3).max(when)
}

/// `run_until_complete`'s own frame when the future it ran failed (`return future.result()`).
fn push_result_frame(e: &crate::runtime::value::ExcRef) {
    e.exc().traceback.borrow_mut().push(super::frames::entry(
        &super::frames::RUN_UNTIL_COMPLETE_RESULT,
    ));
    e.exc().tb_frame.set(0);
}

/// The frames of CPython's event loop that a KeyboardInterrupt or SystemExit raised by a task
/// or a callback passes through on its way out of `run_until_complete`, innermost first.
fn push_loop_frames(e: &crate::runtime::value::ExcRef) {
    const FRAMES: [(&str, u32, &str, &str); 4] = [
        (
            "events.py",
            80,
            "_run",
            "            self._context.run(self._callback, *self._args)",
        ),
        (
            "base_events.py",
            1922,
            "_run_once",
            "                handle._run()",
        ),
        (
            "base_events.py",
            607,
            "run_forever",
            "                self._run_once()",
        ),
        (
            "base_events.py",
            640,
            "run_until_complete",
            "            self.run_forever()",
        ),
    ];
    let mut tb = e.exc().traceback.borrow_mut();
    for (file, line, name, text) in FRAMES {
        tb.push(crate::runtime::object::TbEntry {
            filename: Rc::from(file),
            name: Rc::from(name),
            line,
            span: None,
            anchor: None,
            source: Some((Rc::from(text), None)),
        });
    }
}
