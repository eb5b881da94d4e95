//! A structured, serialisable trace of a run, for timelines and step-through views.

use serde::Serialize;

use crate::engine::Stream;

/// One thing that happened, at a virtual time.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TraceEvent {
    /// `create_task` (or gather/wait wrapping a coroutine) made a task.
    TaskCreated {
        task: u64,
        name: String,
        coro: String,
        line: u32,
        /// Made by asyncio itself (for example `asyncio.run` shutting down), not by the program:
        /// timelines leave it out.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        internal: bool,
    },
    /// A task step began (`throw` when an exception such as CancelledError is thrown in).
    StepStarted {
        task: u64,
        throw: bool,
    },
    /// The step ended with the task waiting on something (`on` describes it).
    StepSuspended {
        task: u64,
        on: String,
        /// The program's line the task paused at (0 when not known).
        #[serde(default, skip_serializing_if = "is_zero")]
        line: u32,
        /// The task it awaits, when it awaits a task.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        awaits_task: Option<u64>,
    },
    TaskFinished {
        task: u64,
    },
    TaskCancelled {
        task: u64,
    },
    TaskFailed {
        task: u64,
        exception: String,
    },
    CancelRequested {
        task: u64,
    },
    TimerScheduled {
        handle: u64,
        when: f64,
    },
    TimerFired {
        handle: u64,
        when: f64,
    },
    /// `time.sleep` blocked the running event loop, on its own thread, until `until`.
    BlockingSleep {
        seconds: f64,
        until: f64,
    },
    /// Program output.
    Output {
        stream: Stream,
        text: String,
        line: u32,
    },
    /// Per-iteration snapshot (only when snapshots are enabled), after the due timers moved to
    /// the ready queue: the queue in FIFO order and the timers left, by deadline.
    Iteration {
        iteration: u64,
        /// Whether the loop slept before it (nothing was ready; it waited for a timer). The
        /// clock also moves while code computes, so a later time alone does not say so.
        slept: bool,
        ready: Vec<QueueEntry>,
        timers: Vec<QueueEntry>,
    },
    /// The loop takes `entry` off the ready queue and runs it (only with snapshots).
    HandleStarted {
        entry: QueueEntry,
    },
    /// The entry just run is over (only with snapshots): where the program's code stopped
    /// (0 when no line of the program ran) and the queue and timers now.
    HandleDone {
        handle: u64,
        line: u32,
        ready: Vec<QueueEntry>,
        timers: Vec<QueueEntry>,
    },
}

/// One item of the ready queue or of the timer heap, described for a step-through view.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QueueEntry {
    pub handle: u64,
    /// The task this item steps or wakes, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<u64>,
    /// What it does, in words: `step of Task-2`, `callback('first')`, `wake Task-2 (sleep until 0.1)`.
    pub label: String,
    /// A timer's deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<f64>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A timestamped event.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TraceRecord {
    pub time: f64,
    #[serde(flatten)]
    pub event: TraceEvent,
}

/// The trace collector. Disabled tracing costs one branch per event site.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Trace {
    #[serde(skip)]
    pub enabled: bool,
    /// Also record an [`TraceEvent::Iteration`] snapshot per event-loop iteration.
    #[serde(skip)]
    pub snapshots: bool,
    pub events: Vec<TraceRecord>,
}

impl Trace {
    /// Appends an event.
    pub fn push(&mut self, time: f64, event: TraceEvent) {
        self.events.push(TraceRecord { time, event });
    }
}

/// A moment on the virtual clock for a label, to the millisecond: `sleep until 0.1`, not
/// `sleep until 0.10001840000000001` (steps cost a little time, see
/// [`crate::engine::CPU_SECONDS_PER_STEP`], which a reader need not see in every label).
pub fn seconds_label(t: f64) -> String {
    crate::format::float_repr((t * 1000.0).round() / 1000.0)
}
