//! What a run is given and what it gives back, shared by the interpreter and the entry point
//! ([`crate::engine`], which re-exports all of it): the budgets that bound a run, its output, how
//! it ended and what it reached for that the engine lacks. The interpreter's layers import these
//! from here, never from `engine`: lower layers do not import the entry point.

use serde::Serialize;

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

/// A part of Python that a program reached for and the engine does not have yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unsupported {
    pub what: Missing,
    pub topic: Topic,
}

/// What is missing, as the `NotImplementedError` names it (in English, as Python's output
/// always is: its `Display`).
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
    /// `memoryview(...)`.
    MemoryView,
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
    /// `range(2**70)`: a range past 64-bit ints.
    BigRange,
}

impl Missing {
    /// Where "What runs in the page" speaks of it.
    pub fn topic(&self) -> Topic {
        match self {
            Missing::Module(_) | Missing::Name(_) | Missing::RelativeImport => Topic::Modules,
            Missing::Input | Missing::Open => Topic::InputOutput,
            Missing::CompileMode
            | Missing::VarsWithoutArgument
            | Missing::SubclassBuiltin(_)
            | Missing::ExtendedSliceAssignment
            | Missing::BigRange
            | Missing::MemoryView => Topic::Objects,
        }
    }
}

/// As the `NotImplementedError` says it, in Python's English (the page words it in the reader's
/// language: `aio_core::words`).
impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Missing::Module(name) => write!(f, "the module '{name}'"),
            Missing::Name(name) => f.write_str(name),
            Missing::Input => f.write_str("input()"),
            Missing::Open => f.write_str("open() (a page has no files)"),
            Missing::MemoryView => f.write_str("memoryview"),
            Missing::CompileMode => f.write_str("compile() in modes other than 'exec'"),
            Missing::VarsWithoutArgument => f.write_str("vars() without an argument"),
            Missing::RelativeImport => f.write_str("a relative import"),
            Missing::SubclassBuiltin(name) => write!(f, "subclassing the builtin type '{name}'"),
            Missing::ExtendedSliceAssignment => {
                f.write_str("assigning to an extended slice (a[::2] = ...)")
            }
            Missing::BigRange => f.write_str("a range() past 64-bit ints"),
        }
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
