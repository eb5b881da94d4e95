//! The tree-walking interpreter.
//!
//! Every evaluator function is async Rust: a Python coroutine or generator is just a boxed
//! Rust future, polled by the event loop (or by `next()`) with a no-op waker. Suspension
//! works through two slots on [`Interp`]: a leaf [`SuspendPoint`] stores *why* it suspends
//! in `suspend` (awaiting an asyncio future, yielding a value, the step slice running out,
//! waiting for virtual time) and returns `Pending`; whoever drives the future inspects the
//! slot and either handles it (a task registers a wakeup callback, `next()` returns the
//! yielded value) or propagates `Pending` further up. Resuming stores a [`Resume`] in
//! `resume` that the same leaf consumes when polled again.
//!
//! Modules: [`scope`] static scope analysis, [`eval`] expressions, [`exec`] statements,
//! [`call`] calling and argument binding, [`ops`] operators and conversions, [`exc`]
//! exceptions and tracebacks, [`warn`] the warnings machinery, [`drive`] coroutine drivers.

pub(crate) mod call;
pub(crate) mod drive;
pub(crate) mod eval;
pub(crate) mod exc;
pub(crate) mod exec;
pub(crate) mod ops;
pub(crate) mod pattern;
pub(crate) mod scope;
pub(crate) mod warn;

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use crate::asyncio::event_loop::EventLoop;
use crate::run::{Budgets, Limit, OutputChunk, Stream};
use crate::runtime::dict::FxHashMap;
use crate::runtime::object::{DropSink, Env, FrameInfo, Function, Module};
use crate::runtime::types::Types;
use crate::runtime::value::{ExcRef, Name, PyResult, Value};
use crate::trace::{Trace, TraceEvent};
use scope::ScopeInfo;

/// Why the running future chain suspended.
#[derive(Debug)]
pub(crate) enum Suspend {
    /// Awaiting an asyncio future (or `None`: a bare yield, as in `sleep(0)`).
    Await(Value),
    /// A generator yielded a value.
    Yield(Value),
    /// The per-`poll` step slice is used up: unwind to the driver, resume later.
    Slice,
    /// The event loop has nothing to run before this virtual deadline.
    WaitTime(f64),
}

/// How a suspended leaf is resumed.
#[derive(Debug)]
pub(crate) enum Resume {
    Send(Value),
    Throw(ExcRef),
}

/// The leaf future at every suspension point.
pub(crate) struct SuspendPoint<'a> {
    it: &'a Interp,
    out: Option<Suspend>,
}

impl Future for SuspendPoint<'_> {
    type Output = Resume;
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Resume> {
        if let Some(s) = self.out.take() {
            *self.it.suspend.borrow_mut() = Some(s);
            Poll::Pending
        } else {
            Poll::Ready(
                self.it
                    .resume
                    .borrow_mut()
                    .take()
                    .unwrap_or(Resume::Send(Value::None)),
            )
        }
    }
}

/// Virtual clock: `now = external + offset`, where `external` is what the driver passed to
/// `poll` and `offset` accumulates blocking `time.sleep` calls.
#[derive(Debug, Default)]
pub(crate) struct Clock {
    pub external: Cell<f64>,
    pub offset: Cell<f64>,
    /// While a function runs "in a worker thread" (a pool's or a `threading.Thread`'s), that
    /// thread's own clock: its `time.sleep` advances this instead of the program's clock.
    pub worker: Cell<Option<f64>>,
}

/// What kind of scope a frame evaluates in.
pub(crate) enum FrameKind {
    Module,
    Function,
    /// A class body collecting its namespace.
    Class(Rc<RefCell<crate::runtime::dict::Dict>>),
}

/// One activation: where names live and which function runs.
pub(crate) struct Frame {
    pub env: Option<Rc<Env>>,
    pub globals: Rc<Module>,
    pub kind: FrameKind,
    pub func: Option<Rc<Function>>,
    pub info: Rc<FrameInfo>,
}

/// The interpreter state shared by all frames.
pub(crate) struct Interp {
    pub filename: Rc<str>,
    pub source_lines: Vec<Rc<str>>,
    pub main: Rc<Module>,
    pub builtins: RefCell<FxHashMap<Name, Value>>,
    pub modules: RefCell<FxHashMap<Name, Value>>,
    pub t: Types,
    pub sink: Rc<DropSink>,
    pub suspend: RefCell<Option<Suspend>>,
    pub resume: RefCell<Option<Resume>>,
    /// Exceptions currently being handled (innermost last), for `__context__` and `raise`.
    pub exc_stack: RefCell<Vec<ExcRef>>,
    pub frames: RefCell<Vec<Rc<FrameInfo>>>,
    /// Where the running task's frames start in `frames` (below them: the program's frames
    /// that started the loop), for the call stack `logging` prints.
    pub task_frame_base: Cell<Option<usize>>,
    /// How many of runners.py's frames stand between the program and the loop: 2 under
    /// `asyncio.run`, 1 under `Runner.run`, 0 under `run_until_complete`.
    pub runner_depth: Cell<u8>,
    /// The program's signal handlers by number (`signal.signal`); a number not here has its
    /// default handler.
    pub signal_handlers: RefCell<FxHashMap<i64, Value>>,
    /// While a runner's own SIGINT handler is installed: its main task and how many SIGINTs
    /// arrived (CPython's `Runner._on_sigint` and `_interrupt_count`).
    pub runner_sigint: RefCell<Option<(Rc<crate::asyncio::future::Future>, u32)>>,
    pub clock: Clock,
    pub output: RefCell<Vec<OutputChunk>>,
    pub trace: RefCell<Trace>,
    pub budgets: Budgets,
    pub steps: Cell<u64>,
    pub slice_end: Cell<u64>,
    pub allocated: Cell<u64>,
    pub warn: RefCell<warn::WarnState>,
    pub running_loop: RefCell<Option<Rc<EventLoop>>>,
    /// The loop `get_event_loop()` returns outside `asyncio.run`.
    pub idle_loop: RefCell<Option<Rc<EventLoop>>>,
    /// Whether the main thread's current loop was ever set (`set_event_loop`, or by a runner,
    /// which sets it back to `None` when it closes): then `get_event_loop()` no longer makes one.
    pub event_loop_set: Cell<bool>,
    /// The lists and dicts whose repr is being made (by identity), so one inside itself shows
    /// as `[...]`.
    pub repr_active: RefCell<Vec<usize>>,
    /// `call_soon(..., context=ctx)`: the context a callback being scheduled runs in.
    pub scheduling_context: RefCell<Option<Rc<crate::runtime::object::ContextVars>>>,
    /// The classes of the native iterators by their CPython names (`zip`, `list_iterator`),
    /// made on first use.
    pub iter_classes: RefCell<FxHashMap<&'static str, Rc<crate::runtime::object::Class>>>,
    pub task_counter: Cell<u64>,
    pub scope_cache: RefCell<FxHashMap<usize, Rc<ScopeInfo>>>,
    /// Owned copies of generator-expression nodes (a lazy generator outlives the borrow of
    /// the tree), keyed by node address.
    pub genexp_cache: RefCell<FxHashMap<usize, Rc<crate::syntax::ast::Expr>>>,
    pub rng: RefCell<crate::builtins::random::Mt>,
    pub next_id: Cell<u64>,
    /// Nesting depth of `repr()` calls (guards deeply nested containers).
    pub repr_depth: Cell<usize>,
    /// Interned names of native objects (avoids an allocation per `asyncio.sleep` call).
    /// Keyed by the static string's address and length: hashing two words is cheaper than
    /// hashing the text, and `asyncio.sleep` interns three names per call.
    pub interned: RefCell<FxHashMap<(usize, usize), Rc<str>>>,
    /// Set once a budget is exhausted: the run is being torn down, and nothing more is printed.
    pub aborted: RefCell<Option<crate::run::Stopped>>,
    /// Groups of equal objects of classes with their own `__hash__`.
    pub key_groups: RefCell<crate::runtime::key_groups::KeyGroups>,
    /// Parts of Python the program reached for that the engine does not have.
    pub unsupported: RefCell<Vec<crate::run::Unsupported>>,
    /// A limit was reached outside a step (printing, a clock moving): the next step stops the run.
    pub stopping: Cell<bool>,
    /// Output printed so far, in lines and bytes (for the output budget).
    pub printed: Cell<(u64, u64)>,
    /// The `contextvars` context the running code sees: the running task's own, or the one a
    /// callback was scheduled in, or `Context.run`'s.
    pub context: RefCell<Rc<crate::runtime::object::ContextVars>>,
    /// A `time.sleep` has blocked a running event loop on its own thread.
    pub blocked_loop: Cell<bool>,
    /// The asyncio prelude's functions that Rust calls, set once the prelude has run.
    pub hooks: std::cell::OnceCell<crate::asyncio::hooks::Hooks>,
    /// `logging._asyncio_log`, set once `logging` is imported: asyncio's messages then go
    /// through the `asyncio` logger.
    pub asyncio_log: std::cell::OnceCell<Value>,
}

impl std::fmt::Debug for Interp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<interp {}>", self.filename)
    }
}

impl Interp {
    /// An interpreter for the program `source` (named `filename`) whose `__main__` is `main`,
    /// before any builtin or module is installed.
    pub(crate) fn new(filename: &str, source: &str, main: Rc<Module>, budgets: Budgets) -> Interp {
        Interp {
            filename: Rc::from(filename),
            source_lines: source.lines().map(Rc::from).collect(),
            main,
            builtins: RefCell::new(FxHashMap::default()),
            modules: RefCell::new(FxHashMap::default()),
            t: Types::new(),
            sink: Rc::new(DropSink::default()),
            suspend: RefCell::new(None),
            resume: RefCell::new(None),
            exc_stack: RefCell::new(Vec::new()),
            frames: RefCell::new(Vec::new()),
            task_frame_base: Cell::new(None),
            runner_depth: Cell::new(0),
            signal_handlers: RefCell::new(FxHashMap::default()),
            runner_sigint: RefCell::new(None),
            clock: Clock::default(),
            output: RefCell::new(Vec::new()),
            trace: RefCell::new(Trace::default()),
            budgets,
            steps: Cell::new(0),
            slice_end: Cell::new(u64::MAX),
            allocated: Cell::new(0),
            warn: RefCell::new(Default::default()),
            running_loop: RefCell::new(None),
            idle_loop: RefCell::new(None),
            event_loop_set: Cell::new(false),
            repr_active: RefCell::new(Vec::new()),
            scheduling_context: RefCell::new(None),
            iter_classes: RefCell::new(FxHashMap::default()),
            task_counter: Cell::new(0),
            scope_cache: RefCell::new(FxHashMap::default()),
            genexp_cache: RefCell::new(FxHashMap::default()),
            rng: RefCell::new(crate::builtins::random::Mt::seeded(0)),
            next_id: Cell::new(0),
            repr_depth: Cell::new(0),
            interned: RefCell::new(FxHashMap::default()),
            aborted: RefCell::new(None),
            stopping: Cell::new(false),
            unsupported: RefCell::new(Vec::new()),
            key_groups: RefCell::default(),
            printed: Cell::new((0, 0)),
            context: RefCell::default(),
            blocked_loop: Cell::new(false),
            hooks: std::cell::OnceCell::new(),
            asyncio_log: std::cell::OnceCell::new(),
        }
    }

    /// A suspension point that reports `s`.
    pub(crate) fn suspend_with(&self, s: Suspend) -> SuspendPoint<'_> {
        SuspendPoint {
            it: self,
            out: Some(s),
        }
    }

    /// Current virtual time in seconds.
    pub(crate) fn now(&self) -> f64 {
        self.clock.external.get() + self.clock.offset.get()
    }

    /// What the running Python code reads from `time.perf_counter()`: the worker thread's own
    /// clock inside a worker, else [`Interp::now`].
    pub(crate) fn thread_now(&self) -> f64 {
        self.clock.worker.get().unwrap_or_else(|| self.now())
    }

    /// The line currently executing in the innermost frame.
    pub(crate) fn current_line(&self) -> u32 {
        self.sink.line.get()
    }

    /// Whether a trace is being recorded.
    pub(crate) fn tracing(&self) -> bool {
        self.trace.borrow().enabled
    }

    /// Records a trace event when tracing is on.
    pub(crate) fn trace(&self, make: impl FnOnce() -> TraceEvent) {
        let mut t = self.trace.borrow_mut();
        if t.enabled {
            let ev = make();
            t.push(self.now(), ev);
        }
    }

    /// Appends program output, up to the output budget: past it the run stops (at the next
    /// step) and nothing more is printed.
    pub(crate) fn write_output(&self, stream: Stream, text: &str) {
        if text.is_empty() || self.aborted.borrow().is_some() {
            return;
        }
        let (lines, bytes) = self.printed.get();
        let lines = lines + text.matches('\n').count() as u64;
        let bytes = bytes + text.len() as u64;
        self.printed.set((lines, bytes));
        let b = &self.budgets;
        let text = if bytes > b.max_output_bytes {
            self.request_stop(Limit::OutputBytes {
                bytes: b.max_output_bytes,
            });
            let room = (text.len() as u64).saturating_sub(bytes - b.max_output_bytes) as usize;
            let mut cut = room.min(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            &text[..cut]
        } else {
            if lines > b.max_output_lines {
                self.request_stop(Limit::OutputLines {
                    lines: b.max_output_lines,
                });
            }
            text
        };
        self.push_output(stream, text);
    }

    fn push_output(&self, stream: Stream, text: &str) {
        let time = self.now();
        let line = self.current_line();
        self.trace(|| TraceEvent::Output {
            stream,
            text: text.to_string(),
            line,
        });
        let mut out = self.output.borrow_mut();
        if let Some(last) = out.last_mut()
            && last.stream == stream
            && last.time == time
            && last.line == line
        {
            last.text.push_str(text);
            return;
        }
        out.push(OutputChunk {
            stream,
            text: text.to_string(),
            time,
            line,
        });
    }

    /// A fresh object id (for futures, tasks, handles).
    pub(crate) fn fresh_id(&self) -> u64 {
        let n = self.next_id.get() + 1;
        self.next_id.set(n);
        n
    }

    /// The running thread is busy for `seconds` (computing or in `time.sleep`): a worker thread's
    /// own clock moves, or, on the main thread, the program's clock, while the loop stands still.
    /// Returns whether it was the main thread.
    pub(crate) fn hold_thread(&self, seconds: f64) -> bool {
        let (main, now) = if let Some(t) = self.clock.worker.get() {
            self.clock.worker.set(Some(t + seconds));
            (false, t + seconds)
        } else {
            self.clock.offset.set(self.clock.offset.get() + seconds);
            (true, self.now())
        };
        let horizon = self.budgets.max_program_seconds;
        if now > horizon {
            self.request_stop(Limit::ProgramTime { seconds: horizon });
        }
        main
    }

    /// Counts one step. Errors when the total step budget is exhausted; returns true when
    /// the per-poll slice is used up (the caller then suspends with [`Suspend::Slice`]).
    pub(crate) fn tick(&self) -> PyResult<bool> {
        let n = self.steps.get() + 1;
        self.steps.set(n);
        // Computing takes time: each step holds the thread (the loop's, or a worker's) for a
        // while, so a busy loop on `time.perf_counter()` ends and a long computation delays every
        // timer, as in CPython.
        self.hold_thread(self.budgets.seconds_per_step);
        if n > self.budgets.max_steps {
            return Err(self.abort(Limit::Steps {
                steps: self.budgets.max_steps,
            }));
        }
        if self.stopping.get() {
            return Err(self.stop_now());
        }
        Ok(n >= self.slice_end.get())
    }

    /// Counts an allocation of `units` elements against the memory budget.
    pub(crate) fn alloc(&self, units: usize) -> PyResult<()> {
        let n = self.allocated.get() + units as u64;
        self.allocated.set(n);
        if n > self.budgets.max_alloc {
            return Err(self.abort(Limit::Memory {
                values: self.budgets.max_alloc,
            }));
        }
        Ok(())
    }

    /// Suspends for the step slice when it is used up (a cheap check otherwise).
    pub(crate) async fn step(&self) -> PyResult<()> {
        if self.tick()? {
            self.suspend_with(Suspend::Slice).await;
        }
        Ok(())
    }

    /// A shared `Rc<str>` for a static name.
    pub(crate) fn intern(&self, s: &'static str) -> Rc<str> {
        let key = (s.as_ptr() as usize, s.len());
        if let Some(r) = self.interned.borrow().get(&key) {
            return r.clone();
        }
        let r: Rc<str> = Rc::from(s);
        self.interned.borrow_mut().insert(key, r.clone());
        r
    }
}

crate::runtime::opaque_debug!(SuspendPoint<'_>, FrameKind, Frame);
