//! The driver API (sans-IO, like quinn-proto's `poll_timeout()` / `handle_timeout(now)`).
//!
//! ```no_run
//! use aio_core::engine::{Budgets, Engine, Poll};
//! let mut run = Engine::new("print('hi')", "prog.py", Budgets::default()).unwrap();
//! let mut now = 0.0;
//! loop {
//!     match run.poll(now, None) {
//!         Poll::WaitUntil(deadline) => now = deadline, // or sleep until then in real time
//!         Poll::Yielded => {}                          // step slice used up: call again
//!         Poll::Finished(outcome) => { println!("exit {}", outcome.exit_status()); break; }
//!     }
//!     for chunk in run.drain_output() { print!("{}", chunk.text); }
//! }
//! ```
//!
//! Time: the engine's virtual clock is `now + offset`, where `now` is the latest value passed
//! to [`Engine::poll`] and `offset` is the total of blocking `time.sleep()` calls so far
//! (a blocking sleep advances the program's clock without the driver having to wait).
//! `WaitUntil` deadlines are in the driver's time base (offset already subtracted).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::task::{Context, Waker};

use serde::Serialize;

use crate::i18n::{Lang, Msg};
use crate::interp::{Clock, Frame, FrameKind, Interp, Suspend};
use crate::runtime::dict::FxHashMap;
use crate::runtime::object::{DropSink, FrameInfo, Module};
use crate::runtime::types::Types;
use crate::runtime::value::{Lbf, Value};
use crate::syntax::{self, SyntaxError};
use crate::trace::{Trace, TraceRecord};

/// Output stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stream {
    Stdout,
    Stderr,
}

/// A piece of program output with when and where it was produced.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutputChunk {
    pub stream: Stream,
    pub text: String,
    /// Virtual time in seconds.
    pub time: f64,
    /// Source line that was running.
    pub line: u32,
}

/// Limits that stop runaway programs with a clear error instead of a hang or a crash, and what
/// computing costs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Budgets {
    /// Total statements / loop iterations the program may execute.
    pub max_steps: u64,
    /// Maximum Python call depth (`RecursionError` beyond it, like CPython's limit). Each level
    /// uses roughly 6 KiB of native stack in release builds: keep it within the host's stack.
    pub max_depth: usize,
    /// Maximum number of values allocated into containers over the run.
    pub max_alloc: u64,
    /// Virtual seconds that one step (a statement or a loop iteration) takes: the engine's
    /// stand-in for CPU time. [`CPU_SECONDS_PER_STEP`] for programs, in predictions and in
    /// real-time runs alike; 0 where durations are the whole model (the labs).
    pub seconds_per_step: f64,
    /// The horizon of a prediction: past this much program time the run stops
    /// ([`Limit::ProgramTime`]), so a program that never ends is still predicted in bounded work.
    /// Infinite for runs that go on as long as their reader lets them.
    pub max_program_seconds: f64,
    /// The output a run may print before it stops ([`Limit::Output`]), in lines and in bytes
    /// (one huge line counts by its bytes).
    pub max_output_lines: u64,
    pub max_output_bytes: u64,
}

impl Budgets {
    /// For the labs' generated programs, whose durations are the whole model: the reader set
    /// them, and 1 s + 2 s must come out as exactly 3 s.
    pub const MODEL: Budgets = Budgets {
        max_steps: 50_000_000,
        max_depth: 1000,
        max_alloc: 10_000_000,
        seconds_per_step: 0.0,
        max_program_seconds: f64::INFINITY,
        max_output_lines: u64::MAX,
        max_output_bytes: u64::MAX,
    };

    /// A prediction: what the book shows before anything runs, in the page and in the static
    /// fallback alike. It re-runs on every keystroke and scrub, so it is bounded in steps,
    /// memory, program time and output: a program that never ends (with or without an
    /// `await`), or prints without end, stops at the horizon with a [`Limit`] that says which.
    pub const PREDICTION: Budgets = Budgets {
        max_steps: 2_000_000,
        max_depth: 1000,
        max_alloc: 2_000_000,
        seconds_per_step: CPU_SECONDS_PER_STEP,
        max_program_seconds: 300.0,
        max_output_lines: 1_000,
        max_output_bytes: 200_000,
    };
}

/// Why the engine stopped a program before it ended. It is not a Python exception: the program
/// cannot catch it, and CPython would have gone on (or hung).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Limit {
    /// The program ran [`Budgets::max_steps`] steps: a loop that never ends, or a very long
    /// computation.
    Steps { steps: u64 },
    /// It allocated more than [`Budgets::max_alloc`] values in all.
    Memory { values: u64 },
    /// Its clock passed [`Budgets::max_program_seconds`]: still running at the horizon.
    ProgramTime { seconds: f64 },
    /// It printed more than [`Budgets::max_output_lines`] lines.
    OutputLines { lines: u64 },
    /// It printed more than [`Budgets::max_output_bytes`] bytes.
    OutputBytes { bytes: u64 },
    /// Every task waits for something that can never happen: CPython would hang forever.
    /// `infinite_sleep`: they wait for a timer at infinity (`sleep(float('inf'))`).
    Deadlock { infinite_sleep: bool },
}

impl Limit {
    /// Why the run stopped, in words for the reader, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Limit::Steps { steps } => Msg::LimitSteps.fill(lang, &[("steps", steps)]),
            Limit::Memory { values } => Msg::LimitMemory.fill(lang, &[("values", values)]),
            Limit::ProgramTime { seconds } => {
                Msg::LimitProgramTime.fill(lang, &[("seconds", seconds)])
            }
            Limit::OutputLines { lines } => Msg::LimitOutputLines.fill(lang, &[("lines", lines)]),
            Limit::OutputBytes { bytes } => Msg::LimitOutputBytes.fill(lang, &[("bytes", bytes)]),
            Limit::Deadlock {
                infinite_sleep: true,
            } => Msg::LimitDeadlockSleep.text(lang).to_owned(),
            Limit::Deadlock {
                infinite_sleep: false,
            } => Msg::LimitDeadlock.text(lang).to_owned(),
        }
    }
}

/// In English, the book's source language (the command-line runner and the engine's own
/// uncatchable error use it).
impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// A part of Python that a program reached for and the engine does not have yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unsupported {
    pub what: Missing,
    pub topic: Topic,
}

/// What is missing, as the `NotImplementedError` names it (in English, as Python's output
/// always is) and as the page names it (in the reader's language, [`Missing::text`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// A module of the standard library: `sqlite3`.
    Module(String),
    /// A name of a supported module: `random.gauss`.
    Name(String),
    /// `input()`.
    Input,
    /// `open()`: a page has no files.
    Open,
    /// `bytes` (`b'...'`, `str.encode`).
    Bytes,
    /// `compile()` in a mode other than `exec`.
    CompileMode,
    /// `vars()` without an argument.
    VarsWithoutArgument,
    /// `from . import x`.
    RelativeImport,
    /// `class C(int)` and the like: the builtin type's name.
    SubclassBuiltin(String),
    /// `a[::2] = ...`.
    ExtendedSliceAssignment,
    /// `asyncio.create_task(coro, context=...)`.
    CreateTaskContext,
}

impl Missing {
    /// In words, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Missing::Module(name) => Msg::MissingModule.fill(lang, &[("name", name)]),
            Missing::Name(name) => name.clone(),
            Missing::Input => "input()".to_owned(),
            Missing::Open => Msg::MissingOpen.text(lang).to_owned(),
            Missing::Bytes => Msg::MissingBytes.text(lang).to_owned(),
            Missing::CompileMode => Msg::MissingCompileMode.text(lang).to_owned(),
            Missing::VarsWithoutArgument => Msg::MissingVarsWithoutArgument.text(lang).to_owned(),
            Missing::RelativeImport => Msg::MissingRelativeImport.text(lang).to_owned(),
            Missing::SubclassBuiltin(name) => {
                Msg::MissingSubclassBuiltin.fill(lang, &[("name", name)])
            }
            Missing::ExtendedSliceAssignment => {
                Msg::MissingExtendedSliceAssignment.text(lang).to_owned()
            }
            Missing::CreateTaskContext => Msg::MissingCreateTaskContext.text(lang).to_owned(),
        }
    }

    /// Where "What runs in the page" speaks of it.
    pub fn topic(&self) -> Topic {
        match self {
            Missing::Module(_)
            | Missing::Name(_)
            | Missing::RelativeImport
            | Missing::CreateTaskContext => Topic::Modules,
            Missing::Input | Missing::Open => Topic::InputOutput,
            Missing::Bytes => Topic::Syntax,
            Missing::CompileMode
            | Missing::VarsWithoutArgument
            | Missing::SubclassBuiltin(_)
            | Missing::ExtendedSliceAssignment => Topic::Objects,
        }
    }
}

/// As the `NotImplementedError` says it.
impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl Serialize for Missing {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Where the book's "What runs in the page" chapter (`what-runs.md`) speaks of an unsupported
/// part of Python.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Modules,
    Syntax,
    InputOutput,
    Objects,
}

impl Topic {
    /// The heading id in `what-runs.md`.
    pub fn anchor(self) -> &'static str {
        match self {
            Topic::Modules => "other-modules",
            Topic::Syntax => "syntax",
            Topic::InputOutput => "io",
            Topic::Objects => "objects",
        }
    }
}

/// A run the engine stopped: which limit, and where the program was.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stopped {
    pub limit: Limit,
    /// The line that was running.
    pub line: u32,
    /// Program time (seconds) when it stopped.
    pub time: f64,
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    /// The program ended, with this exit status (1 after an uncaught exception, as CPython).
    Exited { status: i32 },
    /// The engine stopped it.
    Stopped(Stopped),
}

impl Outcome {
    /// The exit status a terminal would report: 1 for a stopped program.
    pub fn exit_status(&self) -> i32 {
        match self {
            Outcome::Exited { status } => *status,
            Outcome::Stopped(_) => 1,
        }
    }

    /// The limit that stopped the run, if one did.
    pub fn stopped(&self) -> Option<&Stopped> {
        match self {
            Outcome::Exited { .. } => None,
            Outcome::Stopped(stopped) => Some(stopped),
        }
    }
}

/// About what one simple statement costs CPython 3.11 on a modest machine (a `while
/// time.perf_counter() < end: n += 1` loop runs about 4 million iterations a second on a
/// laptop, two million on the 2-core machine the book is built on; each iteration is two steps).
/// Small enough that the timings of ordinary programs stay what CPython prints, large enough that
/// a CPU-heavy loop visibly holds the event loop.
pub const CPU_SECONDS_PER_STEP: f64 = 1e-7;

impl Default for Budgets {
    fn default() -> Self {
        Budgets {
            seconds_per_step: CPU_SECONDS_PER_STEP,
            ..Budgets::MODEL
        }
    }
}

/// What the driver should do next.
#[derive(Debug, Clone, PartialEq)]
pub enum Poll {
    /// Nothing to do before this time (driver time base); call `poll` again then.
    WaitUntil(f64),
    /// The per-call step slice ran out; call `poll` again (after yielding to the UI).
    Yielded,
    /// The run is over: the program ended, or the engine stopped it.
    Finished(Outcome),
}

/// Everything a finished run produced.
#[derive(Debug, Clone, Serialize)]
pub struct RunResult {
    pub stdout: String,
    pub stderr: String,
    pub exit_status: i32,
    /// How it ended; `exit_status` is [`Outcome::exit_status`].
    pub outcome: Outcome,
    pub trace: Vec<TraceRecord>,
    /// Every output chunk with its virtual time and line.
    pub output: Vec<OutputChunk>,
}

/// A running program.
pub struct Engine {
    it: Rc<Interp>,
    root: Option<Lbf<'static, i32>>,
    outcome: Option<Outcome>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<Engine {}>", self.it.filename)
    }
}

/// The asyncio prelude's syntax tree, parsed once per thread: the browser re-runs programs on
/// every keystroke, and the tree never changes (the interpreter only reads it).
fn parsed_prelude() -> Result<Rc<syntax::ast::Module>, SyntaxError> {
    thread_local! {
        static PRELUDE: std::cell::OnceCell<Rc<syntax::ast::Module>> = const { std::cell::OnceCell::new() };
    }
    if let Some(prelude) = PRELUDE.with(|cell| cell.get().cloned()) {
        return Ok(prelude);
    }
    let prelude = Rc::new(syntax::parse_module(
        crate::asyncio::PRELUDE,
        crate::asyncio::PRELUDE_FILE,
    )?);
    PRELUDE.with(|cell| cell.get_or_init(|| prelude.clone()).clone());
    Ok(prelude)
}

impl Engine {
    /// Parses `source` and prepares the run. Syntax errors are returned (render them with
    /// [`SyntaxError::render`]; CPython exits with status 1).
    pub fn new(source: &str, filename: &str, budgets: Budgets) -> Result<Engine, SyntaxError> {
        let module = Rc::new(syntax::parse_module(source, filename)?);
        let prelude = parsed_prelude()?;
        let main = Module::new("__main__", filename);
        let it = Rc::new(Interp {
            filename: Rc::from(filename),
            source_lines: source.lines().map(Rc::from).collect(),
            main: main.clone(),
            builtins: RefCell::new(FxHashMap::default()),
            modules: RefCell::new(FxHashMap::default()),
            t: Types::new(),
            sink: Rc::new(DropSink::default()),
            suspend: RefCell::new(None),
            resume: RefCell::new(None),
            exc_stack: RefCell::new(Vec::new()),
            frames: RefCell::new(Vec::new()),
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
        });
        crate::builtins::install(&it);
        main.set("__name__", Value::str("__main__"));
        main.set("__file__", Value::str(filename));
        let asyncio = crate::asyncio::make_module(&it);
        it.modules
            .borrow_mut()
            .insert(Rc::from("asyncio"), Value::Module(asyncio.clone()));
        let root: Lbf<'static, i32> = Box::pin(run_program(it.clone(), module, prelude, asyncio));
        Ok(Engine {
            it,
            root: Some(root),
            outcome: None,
        })
    }

    /// Records a structured trace (and per-iteration snapshots if `snapshots`).
    pub fn enable_trace(&mut self, snapshots: bool) {
        let mut t = self.it.trace.borrow_mut();
        t.enabled = true;
        t.snapshots = snapshots;
    }

    /// Runs until the program waits for time, the step slice (if any) runs out, or it ends.
    pub fn poll(&mut self, now: f64, step_budget: Option<u64>) -> Poll {
        if let Some(outcome) = &self.outcome {
            return Poll::Finished(outcome.clone());
        }
        let it = &self.it;
        if now > it.clock.external.get() {
            it.clock.external.set(now);
        }
        it.slice_end.set(match step_budget {
            Some(n) => it.steps.get().saturating_add(n.max(1)),
            None => u64::MAX,
        });
        let Some(root) = self.root.as_mut() else {
            return Poll::Finished(Outcome::Exited { status: 1 });
        };
        let mut cx = Context::from_waker(Waker::noop());
        match root.as_mut().poll(&mut cx) {
            std::task::Poll::Ready(status) => {
                let outcome = match it.aborted.borrow().clone() {
                    Some(stopped) => Outcome::Stopped(stopped),
                    None => Outcome::Exited { status },
                };
                self.outcome = Some(outcome.clone());
                self.root = None;
                Poll::Finished(outcome)
            }
            std::task::Poll::Pending => {
                let s = it.suspend.borrow_mut().take();
                match s {
                    Some(Suspend::WaitTime(deadline)) => {
                        Poll::WaitUntil(deadline - it.clock.offset.get())
                    }
                    _ => Poll::Yielded,
                }
            }
        }
    }

    /// Takes the output produced since the last call.
    pub fn drain_output(&mut self) -> Vec<OutputChunk> {
        std::mem::take(&mut *self.it.output.borrow_mut())
    }

    /// Takes the trace events recorded since the last call.
    pub fn drain_trace(&mut self) -> Vec<TraceRecord> {
        std::mem::take(&mut self.it.trace.borrow_mut().events)
    }

    /// The engine's current virtual time.
    pub fn virtual_time(&self) -> f64 {
        self.it.now()
    }

    /// The parts of Python the program reached for that the engine does not have yet, in the
    /// order it reached them.
    pub fn unsupported(&self) -> Vec<Unsupported> {
        self.it.unsupported.borrow().clone()
    }
}

/// Runs a program to the end, jumping the clock to each deadline instantly, recording the
/// trace.
pub fn run_to_completion(source: &str, filename: &str, budgets: Budgets) -> RunResult {
    run_program_to_end(source, filename, budgets, true)
}

/// [`run_to_completion`] with the trace optional (it costs time and memory on big outputs).
pub fn run_program_to_end(
    source: &str,
    filename: &str,
    budgets: Budgets,
    trace: bool,
) -> RunResult {
    let mut engine = match Engine::new(source, filename, budgets) {
        Ok(e) => e,
        Err(e) => {
            return RunResult {
                stdout: String::new(),
                stderr: e.render(),
                exit_status: 1,
                outcome: Outcome::Exited { status: 1 },
                trace: Vec::new(),
                output: Vec::new(),
            };
        }
    };
    if trace {
        engine.enable_trace(false);
    }
    let mut now = 0.0;
    let outcome = loop {
        match engine.poll(now, None) {
            Poll::WaitUntil(d) => now = d.max(now),
            Poll::Yielded => {}
            Poll::Finished(outcome) => break outcome,
        }
    };
    let output = engine.drain_output();
    let mut stdout = String::new();
    let mut stderr = String::new();
    for c in &output {
        match c.stream {
            Stream::Stdout => stdout.push_str(&c.text),
            Stream::Stderr => stderr.push_str(&c.text),
        }
    }
    RunResult {
        stdout,
        stderr,
        exit_status: outcome.exit_status(),
        outcome,
        trace: engine.drain_trace(),
        output,
    }
}

async fn run_program(
    it: Rc<Interp>,
    module: Rc<syntax::ast::Module>,
    prelude: Rc<syntax::ast::Module>,
    asyncio: Rc<Module>,
) -> i32 {
    // The asyncio prelude runs first, in its own (hidden) module namespace.
    let pinfo = Rc::new(FrameInfo {
        name: Rc::from("<module>"),
        filename: Rc::from(crate::asyncio::PRELUDE_FILE),
        line: Cell::new(0),
        hidden: true,
        generated_line: Cell::new(0),
    });
    let pframe = Frame {
        env: None,
        globals: asyncio,
        kind: FrameKind::Module,
        func: None,
        info: pinfo.clone(),
    };
    it.frames.borrow_mut().push(pinfo.clone());
    if let Err(e) = it.exec_block(&pframe, &prelude.body).await {
        let text = it.format_exception(&e).await;
        it.write_output(
            Stream::Stderr,
            &format!("internal error in the asyncio prelude:\n{text}"),
        );
        return 1;
    }
    it.pop_frame(&pinfo);
    it.frames.borrow_mut().clear();
    let info = Rc::new(FrameInfo {
        name: Rc::from("<module>"),
        filename: it.filename.clone(),
        line: Cell::new(0),
        hidden: false,
        generated_line: Cell::new(0),
    });
    let frame = Frame {
        env: None,
        globals: it.main.clone(),
        kind: FrameKind::Module,
        func: None,
        info: info.clone(),
    };
    it.frames.borrow_mut().push(info.clone());
    let result = it.exec_block(&frame, &module.body).await;
    let status = match result {
        Ok(_) => 0,
        Err(e) => {
            // A stopped run prints nothing more: `Engine::poll` reports the limit.
            if it.aborted.borrow().is_some() {
                1
            } else if it.exc_is(&e, "SystemExit") {
                match e.args().first() {
                    None | Some(Value::None) => 0,
                    Some(Value::Int(c)) => *c as i32,
                    Some(other) => {
                        let s = it.str_of(other).await.unwrap_or_default();
                        it.write_output(Stream::Stderr, &format!("{s}\n"));
                        1
                    }
                }
            } else {
                it.print_exception(&e).await;
                drop(e);
                it.flush_drop_events();
                1
            }
        }
    };
    it.flush_drop_events();
    // Interpreter shutdown: module globals are released (late warnings say `sys:1`).
    it.sink.line.set(0);
    let globals: Vec<Value> = it.main.dict.borrow_mut().drain().map(|(_, v)| v).collect();
    drop(globals);
    it.flush_drop_events();
    status
}
