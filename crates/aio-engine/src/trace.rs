//! A structured, serialisable trace of a run, for timelines and step-through views.
//!
//! What a task waits on ([`Awaited`]) and what a queue item does ([`QueueItem`]) are typed values
//! that the lesson models word in the reader's language (`aio_core::words`).

use serde::Serialize;

use crate::run::Stream;

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
    /// The step ended with the task waiting on something (`on` says what).
    StepSuspended {
        task: u64,
        on: Awaited,
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
    /// What it does: `step of Task-2`, `callback('first')`, `resume Task-2 (gather is done)`.
    pub label: QueueItem,
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

/// What a task waits on (the future it awaits), which the views word.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Awaited {
    /// Another task, by name.
    Task(String),
    /// `asyncio.sleep` until this moment of the virtual clock.
    Sleep {
        until: f64,
    },
    /// An `asyncio.Lock`, `Semaphore` or `BoundedSemaphore`.
    LockOrSemaphore,
    QueueGet,
    QueuePut,
    /// An `asyncio.Event` or `Condition`.
    EventOrCondition,
    /// A task being cancelled, awaited until it is done.
    Cancellation,
    /// A `TaskGroup` waiting for its tasks.
    TaskGroup,
    /// A job given to a thread or process pool (`to_thread`, `run_in_executor`).
    ExecutorJob,
    /// A future of an asyncio function whose name says it: `gather`, `shield`, `wait_for`,
    /// `asyncio.wait`.
    Named(&'static str),
    /// A plain future (`loop.create_future()`), by its number.
    Future(u64),
    /// A bare `yield` in a coroutine (the task is scheduled again at once).
    Yield,
}

impl Awaited {
    /// The label the asyncio prelude gives a future it makes (`_future(loop, "queue_get")`):
    /// what a task awaiting it waits for. `None` for a label the prelude should not use (a
    /// test checks every label in it).
    pub fn from_prelude_label(label: &str) -> Option<Awaited> {
        Some(match label {
            "lock" => Awaited::LockOrSemaphore,
            "queue_get" => Awaited::QueueGet,
            "queue_put" => Awaited::QueuePut,
            "event" => Awaited::EventOrCondition,
            "wait_for" => Awaited::Named("wait_for"),
            "wait" => Awaited::Named("asyncio.wait"),
            "cancellation" => Awaited::Cancellation,
            "gather" => Awaited::Named("gather"),
            "shield" => Awaited::Named("shield"),
            "task_group" => Awaited::TaskGroup,
            _ => return None,
        })
    }
}

/// What an item of the ready queue or the timer heap does when the loop runs it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QueueItem {
    /// Run a step of a task.
    Step { task: String },
    /// Throw an exception into a task (cancellation, an error it must see).
    Throw { exception: String, task: String },
    /// Wake a task up: what it awaited is done.
    Resume { task: String, done: Awaited },
    /// `run_until_complete`'s callback: what it ran is done, stop the loop.
    StopLoop { done: Awaited },
    /// A done-callback of the program's (`callback`, its qualified name, without parentheses).
    DoneCallback { callback: String, done: Awaited },
    /// `gather`'s bookkeeping for one finished child.
    GatherDone { done: Awaited },
    /// A callback from `call_soon`/`call_later`, as code: `callback('first')`.
    Call { call: String },
    /// Close an async generator that was left unfinished.
    CloseAsyncGen,
    /// A timer ends what a task waits on (its `sleep`).
    End { task: String, awaited: Awaited },
    /// A timer completes a future no task waits on.
    Complete { awaited: Awaited },
    /// Stands for the `count` items a snapshot leaves out.
    More { count: usize },
}

/// How many ready items and timers a snapshot describes. A snapshot is taken at every step of a
/// traced run: describing 10,000 sleeping tasks each time made stepping through a big `gather`
/// quadratic (and the view shows a screenful at most).
pub const SNAPSHOT_ENTRIES: usize = 50;

/// A moment on the virtual clock for a label, to the millisecond: `sleep until 0.1`, not
/// `sleep until 0.10001840000000001` (steps cost a little time, see
/// [`crate::run::CPU_SECONDS_PER_STEP`], which a reader need not see in every label).
pub fn seconds_label(t: f64) -> String {
    crate::format::float_repr((t * 1000.0).round() / 1000.0)
}
