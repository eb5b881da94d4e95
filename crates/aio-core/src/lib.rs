//! The pure core of the asyncio book.
//!
//! Architecture invariant: this crate knows nothing of the browser, of mdBook, of files or of the
//! operating system, and it never reads a clock. Time is always an input.
//!
//! - [`lab`]: the timeline lab's model: tasks with durations, the three strategies, the Python code
//!   each strategy shows, and the predicted timeline.
//! - [`compare`]: the comparison lab's model: one workload run sequentially, with asyncio (in the
//!   engine), with a thread pool and with a process pool (a small simulation), with timelines.
//! - [`example`], [`exercise`] (the "Predict, then run" verdicts), [`highlight`], [`scrub`], [`timeline`]: the code widget's pure parts: its props,
//!   a never-failing highlighter, the scrubbable durations and the trace-to-lanes conversion;
//!   [`fold`]: the timing helpers shown as one line.
//! - [`prediction`]: what the book shows of a program before it runs (a virtual-time run to its
//!   end or to the horizon of `Budgets::PREDICTION`), as a bounded [`transcript`] of its
//!   output and a bounded [`timeline`], in the page and in the static fallback alike.
//! - [`words`]: what the engine reports (a limit, a missing part of Python, what a task awaits,
//!   what a queue item does) in the reader's language.
//! - [`engine`] and [`trace`]: the asyncio engine's entry, from the `aio-engine` crate, which the
//!   lesson models sit on.
//!

pub mod compare;
pub mod example;
pub mod exercise;
pub mod fold;
pub mod highlight;
pub mod i18n;
pub mod lab;
pub mod prediction;
pub mod scrub;
pub mod stepper;
pub mod timeline;
pub mod transcript;
pub mod words;

pub use aio_engine::{engine, trace};
pub use engine::{
    Budgets, Engine, Limit, Outcome, OutputChunk, Poll, RunResult, Stopped, Stream,
    run_program_to_end, run_to_completion,
};
