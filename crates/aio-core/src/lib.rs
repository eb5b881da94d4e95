//! The pure core of the asyncio book.
//!
//! Architecture invariant: this crate knows nothing of the browser, of mdBook, of files or of the
//! operating system, and it never reads a clock. Time is always an input.
//!
//! - [`lab`]: the timeline lab's model: tasks with durations, the three strategies, the Python code
//!   each strategy shows, and the predicted timeline.

pub mod format;
pub mod lab;
pub mod syntax;
