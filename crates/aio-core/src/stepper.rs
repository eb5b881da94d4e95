//! The step-through model: a program run once in virtual time with per-iteration snapshots,
//! folded into a list of immutable [`Step`]s that a view can move through in any direction.
//!
//! A step is one thing the event loop does: the start of an iteration (due timers moved to the
//! ready queue, the clock perhaps jumped) or one item taken off the ready queue and run (a task
//! step, a wake-up, a `call_soon` callback, a timer's callback). Each step holds the whole picture
//! after it: clock, ready queue, timers, every task's state, the line, the output so far and a
//! sentence that says what happened. Steps are computed once, so stepping back costs nothing.

use serde::Serialize;

use crate::engine::{Budgets, Engine, Poll, Stopped, Stream};
use crate::trace::{QueueEntry, TraceEvent, TraceRecord};

/// How many steps a stepper keeps; a longer run stops there with [`Stepper::truncated`] set.
pub const MAX_STEPS: usize = 2000;

/// What a task is doing at a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskState {
    /// Created; its first step is in the ready queue.
    Pending,
    /// Ran in this step and is about to be taken off the ready queue again (its step was put
    /// back, e.g. `await asyncio.sleep(0)`).
    Ready,
    /// Waits on something (see [`TaskView::on`]).
    Waiting,
    Done,
    Cancelled,
    Failed,
}

impl TaskState {
    /// The word a view shows.
    pub fn label(self) -> &'static str {
        match self {
            TaskState::Pending => "pending",
            TaskState::Ready => "ready",
            TaskState::Waiting => "waiting",
            TaskState::Done => "done",
            TaskState::Cancelled => "cancelled",
            TaskState::Failed => "failed",
        }
    }
}

/// A task as a step shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskView {
    pub id: u64,
    /// `Task-1`, or its `name=`.
    pub name: String,
    /// The coroutine's qualified name (`main`).
    pub coro: String,
    pub state: TaskState,
    /// What it waits on, in words: `task Task-2`, `sleep until 0.1`, `lock or semaphore`,
    /// `queue get`, `gather`...; the exception type of a failed task.
    pub on: Option<String>,
    /// The tasks it waits for (an awaited task, or the children of its `gather`/`wait`): the
    /// arrows of the view.
    pub awaits: Vec<u64>,
    /// Made by asyncio itself (`asyncio.run` shutting down), not by the program.
    pub internal: bool,
}

/// One state of the run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// Virtual time, in seconds.
    pub time: f64,
    /// The event-loop iteration this step belongs to (0 before the loop starts).
    pub iteration: u64,
    /// The ready-queue item run in this step; `None` for the start of an iteration.
    pub ran: Option<QueueEntry>,
    /// The task that ran in this step, if the item was a task's.
    pub running: Option<u64>,
    /// The program's line the step is about (where the task paused or ended, the callback's
    /// `def`); 0 when none.
    pub line: u32,
    /// The ready queue after the step, in FIFO order.
    pub ready: Vec<QueueEntry>,
    /// The timers after the step, in the order they will fire.
    pub timers: Vec<QueueEntry>,
    /// Every task created so far, in creation order.
    pub tasks: Vec<TaskView>,
    /// How many of [`Stepper::output`]'s chunks were printed by the end of this step.
    pub output_len: usize,
    /// What happened, in one sentence.
    pub explanation: String,
}

/// A piece of program output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Printed {
    pub stream: Stream,
    pub text: String,
}

/// A whole run, step by step.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Stepper {
    pub steps: Vec<Step>,
    pub output: Vec<Printed>,
    /// Set when the run had more steps than [`MAX_STEPS`]: says where stepping stops.
    pub truncated: Option<String>,
}

impl Stepper {
    /// The output printed by the end of step `index`, as one text.
    pub fn output_at(&self, index: usize) -> String {
        let len = self.steps.get(index).map_or(0, |s| s.output_len);
        self.output[..len.min(self.output.len())]
            .iter()
            .map(|p| p.text.as_str())
            .collect()
    }
}

/// Runs `source` in virtual time with [`Budgets::PREDICTION`] and folds its trace into steps. A
/// program that does not parse still yields its output (the `SyntaxError`) in a single step.
pub fn step_through(source: &str, filename: &str) -> Stepper {
    let mut stepping = Stepping::new(source, filename, Budgets::PREDICTION);
    loop {
        if let Some(stepper) = stepping.advance(u64::MAX) {
            return stepper;
        }
    }
}

/// A step-through run in progress, advanced a slice of engine steps at a time (a program that
/// computes for long before its first `await` must not hold the page's frame).
#[derive(Debug)]
pub struct Stepping {
    engine: Option<Engine>,
    now: f64,
    trace: Vec<TraceRecord>,
    /// Loop steps recorded so far.
    handles: usize,
    /// Set at once for a syntax error.
    done: Option<Stepper>,
}

impl Stepping {
    pub fn new(source: &str, filename: &str, budgets: Budgets) -> Stepping {
        match Engine::new(source, filename, budgets) {
            Ok(mut engine) => {
                engine.enable_trace(true);
                Stepping {
                    engine: Some(engine),
                    now: 0.0,
                    trace: Vec::new(),
                    handles: 0,
                    done: None,
                }
            }
            Err(error) => {
                let trace = vec![TraceRecord {
                    time: 0.0,
                    event: TraceEvent::Output {
                        stream: Stream::Stderr,
                        text: error.render(),
                        line: error.lineno,
                    },
                }];
                Stepping {
                    engine: None,
                    now: 0.0,
                    trace: Vec::new(),
                    handles: 0,
                    done: Some(fold(&trace, false)),
                }
            }
        }
    }

    /// Runs about `steps` more engine steps; the stepper once the run has ended (or has more loop
    /// steps than [`MAX_STEPS`]: steps past the cap are never shown, so the run stops there).
    pub fn advance(&mut self, steps: u64) -> Option<Stepper> {
        if let Some(done) = self.done.take() {
            return Some(done);
        }
        let engine = self.engine.as_mut()?;
        let mut budget = steps;
        loop {
            let slice = budget.min(10_000);
            let poll = engine.poll(self.now, Some(slice));
            let events = engine.drain_trace();
            self.handles += events
                .iter()
                .filter(|r| {
                    matches!(
                        r.event,
                        TraceEvent::HandleDone { .. } | TraceEvent::Iteration { .. }
                    )
                })
                .count();
            self.trace.extend(events);
            engine.drain_output();
            let cut = self.handles > MAX_STEPS;
            match poll {
                Poll::Finished(outcome) => {
                    let stopped = outcome.stopped().cloned();
                    return Some(self.finish(false, stopped.as_ref()));
                }
                _ if cut => return Some(self.finish(true, None)),
                Poll::WaitUntil(deadline) => self.now = deadline.max(self.now),
                Poll::Yielded => {
                    budget = budget.saturating_sub(slice);
                    if budget == 0 {
                        return None;
                    }
                }
            }
        }
    }

    fn finish(&mut self, cut: bool, stopped: Option<&Stopped>) -> Stepper {
        self.engine = None;
        let mut stepper = fold(&std::mem::take(&mut self.trace), cut);
        if let Some(stopped) = stopped {
            // The last step is where the engine stopped the program (a horizon, a budget, a
            // deadlock), not an ending.
            let why = format!(
                "The run stops here, at line {}: {}.",
                stopped.line, stopped.limit
            );
            if let Some(last) = stepper.steps.last_mut()
                && last.explanation.starts_with("The loop is closed")
            {
                last.explanation = why.clone();
            }
            stepper.truncated = Some(why);
        }
        stepper
    }
}

/// Folds a trace recorded with snapshots into steps.
pub fn fold(trace: &[TraceRecord], cut: bool) -> Stepper {
    let mut f = Folder::default();
    for record in trace {
        f.event(record);
        if f.steps.len() >= MAX_STEPS {
            break;
        }
    }
    let truncated = (cut || f.steps.len() >= MAX_STEPS).then(|| {
        format!(
            "Stepping stops after {} steps; the program runs on past this point.",
            f.steps.len()
        )
    });
    if f.steps.is_empty() || f.output.len() > f.steps.last().map_or(0, |s| s.output_len) {
        // Output after the last loop step (or a program without a loop): one closing step.
        let explanation = if f.steps.is_empty() {
            "This program never starts an event loop: it runs from top to bottom.".to_string()
        } else {
            "The loop is closed; the program runs its last lines and ends.".to_string()
        };
        f.push_step(None, None, f.last_line, explanation);
    }
    Stepper {
        steps: f.steps,
        output: f.output,
        truncated,
    }
}

#[derive(Default)]
struct Folder {
    steps: Vec<Step>,
    output: Vec<Printed>,
    tasks: Vec<TaskView>,
    time: f64,
    iteration: u64,
    ready: Vec<QueueEntry>,
    timers: Vec<QueueEntry>,
    /// The item being run, and what happened during it.
    current: Option<QueueEntry>,
    created: Vec<u64>,
    /// Tasks created during the current item, with the line that created them.
    created_lines: Vec<(u64, u32)>,
    last_line: u32,
    /// The loop only runs asyncio's own tasks (`asyncio.run` shutting down): no steps shown.
    internal_phase: bool,
}

impl Folder {
    fn task(&mut self, id: u64) -> Option<&mut TaskView> {
        self.tasks.iter_mut().find(|t| t.id == id)
    }

    fn name(&self, id: u64) -> String {
        self.tasks.iter().find(|t| t.id == id).map_or_else(
            || format!("task {id}"),
            |t| format!("{} ({})", t.name, t.coro),
        )
    }

    fn push_step(
        &mut self,
        ran: Option<QueueEntry>,
        running: Option<u64>,
        line: u32,
        explanation: String,
    ) {
        self.steps.push(Step {
            time: self.time,
            iteration: self.iteration,
            running,
            ran,
            line,
            ready: self.ready.clone(),
            timers: self.timers.clone(),
            tasks: self.tasks.clone(),
            output_len: self.output.len(),
            explanation,
        });
    }

    fn event(&mut self, record: &TraceRecord) {
        self.time = record.time;
        match &record.event {
            TraceEvent::TaskCreated {
                task,
                name,
                coro,
                line,
                internal,
            } => {
                self.tasks.push(TaskView {
                    id: *task,
                    name: name.clone(),
                    coro: coro.clone(),
                    state: TaskState::Pending,
                    on: None,
                    awaits: Vec::new(),
                    internal: *internal,
                });
                self.created.push(*task);
                self.created_lines.push((*task, *line));
                if *line > 0 {
                    self.last_line = *line;
                }
            }
            TraceEvent::StepSuspended {
                task,
                on,
                line,
                awaits_task,
            } => {
                // `gather`, `wait`, `wait_for`, a task group: the children made in the same step,
                // at the line where the task now waits, are what it waits for.
                let children: Vec<u64> = self
                    .created_lines
                    .iter()
                    .filter(|(child, at)| *at == *line && child != task)
                    .map(|(child, _)| *child)
                    .collect();
                let yielded = on == "yield";
                if let Some(view) = self.task(*task) {
                    view.state = if yielded {
                        TaskState::Ready
                    } else {
                        TaskState::Waiting
                    };
                    view.on = (!yielded).then(|| on.clone());
                    view.awaits = match awaits_task {
                        Some(other) => vec![*other],
                        None if !yielded && !on.starts_with("sleep") => children,
                        None => Vec::new(),
                    };
                }
            }
            TraceEvent::TaskFinished { task } => self.end(*task, TaskState::Done, None),
            TraceEvent::TaskCancelled { task } => self.end(*task, TaskState::Cancelled, None),
            TraceEvent::TaskFailed { task, exception } => {
                self.end(*task, TaskState::Failed, Some(exception.clone()))
            }
            TraceEvent::Output { stream, text, line } => {
                self.output.push(Printed {
                    stream: *stream,
                    text: text.clone(),
                });
                if *line > 0 {
                    self.last_line = *line;
                }
            }
            TraceEvent::Iteration {
                iteration,
                slept,
                ready,
                timers,
            } => {
                let fired: Vec<&QueueEntry> = ready.iter().filter(|e| e.when.is_some()).collect();
                let jumped = self.iteration > 0 && *slept;
                let was_internal = self.internal_phase;
                self.internal_phase = !ready.is_empty()
                    && ready.iter().all(|e| match e.task {
                        Some(task) => self.tasks.iter().any(|t| t.id == task && t.internal),
                        None => was_internal && e.label.starts_with("stop the loop"),
                    });
                self.iteration = *iteration;
                self.ready = ready.clone();
                self.timers = timers.clone();
                // An iteration is a step of its own when something happens at its start (the
                // clock jumps, timers fire) or it has several items to run in one batch.
                let eventful = *iteration == 1 || jumped || !fired.is_empty() || ready.len() > 1;
                if self.internal_phase || !eventful {
                    return;
                }
                let mut text = if *iteration == 1 {
                    "The program called asyncio.run(): the event loop starts its first iteration"
                        .to_string()
                } else if jumped {
                    format!(
                        "Nothing was ready, so the loop slept until the next timer: the clock jumps to {:.2} s",
                        record.time
                    )
                } else {
                    format!("Iteration {iteration} of the loop begins")
                };
                if !fired.is_empty() {
                    let names: Vec<&str> = fired.iter().map(|e| e.label.as_str()).collect();
                    text.push_str(&format!(
                        "; {} to the ready queue: {}",
                        if fired.len() == 1 {
                            "one due timer moves".to_string()
                        } else {
                            format!("{} due timers move", fired.len())
                        },
                        names.join("; ")
                    ));
                }
                match ready.first() {
                    Some(first) => text.push_str(&format!(
                        ". It will run the {} ready item{} in order, first: {}.",
                        ready.len(),
                        if ready.len() == 1 { "" } else { "s" },
                        first.label
                    )),
                    None => text.push('.'),
                }
                let line = self.last_line;
                self.push_step(None, None, line, text);
            }
            TraceEvent::HandleStarted { entry } => {
                self.ready.retain(|e| e.handle != entry.handle);
                self.current = Some(entry.clone());
                self.created.clear();
                self.created_lines.clear();
                if let Some(task) = entry.task
                    && let Some(view) = self.task(task)
                    && matches!(view.state, TaskState::Pending | TaskState::Ready)
                {
                    view.state = TaskState::Ready;
                }
            }
            TraceEvent::HandleDone {
                line,
                ready,
                timers,
                ..
            } => {
                self.ready = ready.clone();
                self.timers = timers.clone();
                let entry = self.current.take();
                if *line > 0 {
                    self.last_line = *line;
                }
                let running = entry.as_ref().and_then(|e| e.task).filter(|task| {
                    // A timer that completes a sleep names the task it wakes, but runs no step.
                    entry.as_ref().is_none_or(|e| e.when.is_none())
                        && self.tasks.iter().any(|t| t.id == *task)
                });
                if self.internal_phase {
                    return;
                }
                let text = self.explain(entry.as_ref(), running, *line);
                let line = if *line > 0 { *line } else { self.last_line };
                self.push_step(entry, running, line, text);
            }
            _ => {}
        }
    }

    fn end(&mut self, task: u64, state: TaskState, exception: Option<String>) {
        if let Some(view) = self.task(task) {
            view.state = state;
            view.on = exception;
            view.awaits.clear();
        }
    }

    /// The sentence of a step that ran `entry`.
    fn explain(&self, entry: Option<&QueueEntry>, running: Option<u64>, line: u32) -> String {
        let Some(entry) = entry else {
            return "The loop ran an item.".to_string();
        };
        let at = if line > 0 {
            format!(" at line {line}")
        } else {
            String::new()
        };
        let mut text = match running {
            Some(task) => {
                let view = self.tasks.iter().find(|t| t.id == task);
                let who = self.name(task);
                match view.map(|v| (v.state, v.on.clone(), v.awaits.clone())) {
                    Some((TaskState::Waiting, on, awaits)) => {
                        let on = match awaits.as_slice() {
                            [one] if on.as_deref().is_some_and(|o| o.starts_with("task")) => {
                                self.name(*one)
                            }
                            _ => on.unwrap_or_default(),
                        };
                        format!("{who} runs until it awaits {on}{at}, so it pauses")
                    }
                    Some((TaskState::Ready, _, _)) => format!(
                        "{who} runs until it yields{at}; its next step goes to the back of the ready queue"
                    ),
                    Some((TaskState::Done, _, _)) => format!("{who} runs to its end and is done"),
                    Some((TaskState::Cancelled, _, _)) => {
                        format!("{who} is cancelled: CancelledError ends it")
                    }
                    Some((TaskState::Failed, on, _)) => format!(
                        "{who} raises {} and fails",
                        on.unwrap_or_else(|| "an exception".into())
                    ),
                    _ => format!("{who} runs"),
                }
            }
            None if entry.when.is_some() => match entry.task {
                Some(task) => format!(
                    "The timer fires: {}, so {}'s next step joins the ready queue",
                    entry.label,
                    self.tasks
                        .iter()
                        .find(|t| t.id == task)
                        .map_or("the task", |t| t.name.as_str())
                ),
                None => format!("The timer fires: the loop calls {}", entry.label),
            },
            None if entry.label.starts_with("stop the loop") => format!(
                "The loop runs its own callback: {}; asyncio.run's loop stops here",
                entry.label
            ),
            None => format!("The loop calls the callback {}{at}", entry.label),
        };
        let created: Vec<String> = self
            .created
            .iter()
            .filter(|id| self.tasks.iter().any(|t| t.id == **id && !t.internal))
            .map(|id| self.name(*id))
            .collect();
        if !created.is_empty() {
            text.push_str(&format!(
                "; it created {}, whose first step{} now in the ready queue",
                join(&created),
                if created.len() == 1 { " is" } else { "s are" }
            ));
        }
        match self.ready.first() {
            Some(next) => text.push_str(&format!(". Next ready item: {}.", next.label)),
            None => match self.timers.first() {
                Some(timer) => text.push_str(&format!(
                    ". Nothing is ready: the loop will wait for the next timer ({}).",
                    timer.label
                )),
                None => text.push('.'),
            },
        }
        text
    }
}

fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests;
