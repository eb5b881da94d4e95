//! The step-through model: a program run once in virtual time with per-iteration snapshots,
//! folded into a list of immutable [`Step`]s that a view can move through in any direction.
//!
//! A step is one thing the event loop does: the start of an iteration (due timers moved to the
//! ready queue, the clock perhaps jumped) or one item taken off the ready queue and run (a task
//! step, a wake-up, a `call_soon` callback, a timer's callback). Each step holds the whole picture
//! after it: clock, ready queue, timers, every task's state, the line, the output so far and a
//! sentence that says what happened. Steps are computed once, so stepping back costs nothing.

use serde::Serialize;

use crate::engine::{Budgets, Engine, Stopped, Stream};
use crate::i18n::{Lang, Msg, and_list};
use crate::trace::{Awaited, QueueEntry, QueueItem, TraceEvent, TraceRecord};
use crate::words::InWords;

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
    /// The stable key of the state (CSS classes, `data-state`).
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

    /// The word a view shows, in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            TaskState::Pending => Msg::StepperStatePending,
            TaskState::Ready => Msg::StepperStateReady,
            TaskState::Waiting => Msg::StepperStateWaiting,
            TaskState::Done => Msg::StepperStateDone,
            TaskState::Cancelled => Msg::StepperStateCancelled,
            TaskState::Failed => Msg::StepperStateFailed,
        }
        .text(lang)
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
    /// What it waits on (another task, a sleep, a lock…), while it waits.
    pub on: Option<Awaited>,
    /// The exception type of a failed task.
    pub exception: Option<String>,
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
    /// The last step is the loop's closing one (the program's last lines after the loop).
    pub ends_closed: bool,
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

/// Runs `source` in virtual time with [`Budgets::PREDICTION`] and folds its trace into steps, told
/// in `lang`. A program that does not parse still yields its output (the `SyntaxError`) in a
/// single step.
pub fn step_through(source: &str, filename: &str, lang: Lang) -> Stepper {
    let mut stepping = Stepping::new(source, filename, Budgets::PREDICTION, lang);
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
    trace: Vec<TraceRecord>,
    /// Loop steps recorded so far.
    handles: usize,
    /// Set at once for a syntax error.
    done: Option<Stepper>,
    /// The language of the steps' sentences.
    lang: Lang,
}

impl Stepping {
    /// A run whose steps will be told in `lang`.
    pub fn new(source: &str, filename: &str, budgets: Budgets, lang: Lang) -> Stepping {
        match Engine::new(source, filename, budgets) {
            Ok(mut engine) => {
                engine.enable_trace(true);
                Stepping {
                    engine: Some(engine),
                    trace: Vec::new(),
                    handles: 0,
                    done: None,
                    lang,
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
                    trace: Vec::new(),
                    handles: 0,
                    done: Some(fold(&trace, false, lang)),
                    lang,
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
            let ended = engine.advance(slice);
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
            if let Some(outcome) = ended {
                return Some(self.finish(false, outcome.stopped()));
            }
            if cut {
                return Some(self.finish(true, None));
            }
            budget = budget.saturating_sub(slice);
            if budget == 0 {
                return None;
            }
        }
    }

    fn finish(&mut self, cut: bool, stopped: Option<&Stopped>) -> Stepper {
        self.engine = None;
        let lang = self.lang;
        let mut stepper = fold(&std::mem::take(&mut self.trace), cut, lang);
        if let Some(stopped) = stopped {
            // The last step is where the engine stopped the program (a horizon, a budget, a
            // deadlock), not an ending.
            let why = Msg::StepperRunStopsHere.fill(
                lang,
                &[("line", &stopped.line), ("why", &stopped.limit.text(lang))],
            );
            if stepper.ends_closed
                && let Some(last) = stepper.steps.last_mut()
            {
                last.explanation = why.clone();
            }
            stepper.truncated = Some(why);
        }
        stepper
    }
}

/// Folds a trace recorded with snapshots into steps, told in `lang`.
pub fn fold(trace: &[TraceRecord], cut: bool, lang: Lang) -> Stepper {
    let mut f = Folder {
        lang,
        ..Folder::default()
    };
    for record in trace {
        f.event(record);
        if f.steps.len() >= MAX_STEPS {
            break;
        }
    }
    let truncated = (cut || f.steps.len() >= MAX_STEPS)
        .then(|| Msg::StepperTruncated.fill(lang, &[("steps", &f.steps.len())]));
    let mut ends_closed = false;
    if f.steps.is_empty() || f.output.len() > f.steps.last().map_or(0, |s| s.output_len) {
        // Output after the last loop step (or a program without a loop): one closing step.
        let explanation = if f.steps.is_empty() {
            Msg::StepperNoLoop.text(lang).to_owned()
        } else {
            ends_closed = true;
            Msg::StepperLoopClosed.text(lang).to_owned()
        };
        f.push_step(None, None, f.last_line, explanation);
    }
    Stepper {
        steps: f.steps,
        output: f.output,
        truncated,
        ends_closed,
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
    /// The language of the sentences.
    lang: Lang,
}

impl Folder {
    fn task(&mut self, id: u64) -> Option<&mut TaskView> {
        self.tasks.iter_mut().find(|t| t.id == id)
    }

    fn name(&self, id: u64) -> String {
        self.tasks.iter().find(|t| t.id == id).map_or_else(
            || Msg::StepperTaskId.fill(self.lang, &[("id", &id)]),
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
                    exception: None,
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
                let yielded = matches!(on, Awaited::Yield);
                if let Some(view) = self.task(*task) {
                    view.state = if yielded {
                        TaskState::Ready
                    } else {
                        TaskState::Waiting
                    };
                    view.on = (!yielded).then(|| on.clone());
                    view.awaits = match awaits_task {
                        Some(other) => vec![*other],
                        None if !yielded && !matches!(on, Awaited::Sleep { .. }) => children,
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
                        None => was_internal && matches!(e.label, QueueItem::StopLoop { .. }),
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
                let lang = self.lang;
                let mut text = if *iteration == 1 {
                    Msg::StepperFirstIteration.text(lang).to_owned()
                } else if jumped {
                    let seconds = format!("{:.2}", record.time);
                    Msg::StepperClockJumps.fill(lang, &[("seconds", &seconds)])
                } else {
                    Msg::StepperIterationBegins.fill(lang, &[("n", iteration)])
                };
                // The sentence is built clause by clause: each clause brings its own punctuation.
                if !fired.is_empty() {
                    let names: Vec<String> = fired.iter().map(|e| e.label.text(lang)).collect();
                    let names = crate::i18n::semicolon_list(lang, &names);
                    text.push_str(&match fired.len() {
                        1 => Msg::StepperTimerMoves.fill(lang, &[("timers", &names)]),
                        n => Msg::StepperTimersMove.fill(lang, &[("n", &n), ("timers", &names)]),
                    });
                }
                match ready.first() {
                    Some(first) => text.push_str(&Msg::StepperWillRun.fill(
                        lang,
                        &[
                            (
                                "items",
                                &match ready.len() {
                                    1 => Msg::StepperReadyItem.fill(lang, &[("n", &1)]),
                                    n => Msg::StepperReadyItems.fill(lang, &[("n", &n)]),
                                },
                            ),
                            ("first", &first.label.text(lang)),
                        ],
                    )),
                    None => text.push_str(Msg::StepperPeriod.text(lang)),
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
            view.on = None;
            view.exception = exception;
            view.awaits.clear();
        }
    }

    /// The sentence of a step that ran `entry`. Its first clause is a whole sentence per case
    /// (with or without the line), because word order differs between languages; the clauses
    /// after it bring their own punctuation.
    fn explain(&self, entry: Option<&QueueEntry>, running: Option<u64>, line: u32) -> String {
        let lang = self.lang;
        let Some(entry) = entry else {
            return Msg::StepperLoopRanItem.text(lang).to_owned();
        };
        // The message for the case, in its variant with the line when there is one.
        let at_line = |without: Msg, with: Msg| if line > 0 { with } else { without };
        let mut text = match running {
            Some(task) => {
                let view = self.tasks.iter().find(|t| t.id == task);
                let who = self.name(task);
                match view.map(|v| (v.state, v.on.clone(), v.awaits.clone())) {
                    Some((TaskState::Waiting, on, awaits)) => {
                        let on = match (awaits.as_slice(), on) {
                            ([one], Some(Awaited::Task(_))) => self.name(*one),
                            (_, on) => on.map(|on| on.text(lang)).unwrap_or_default(),
                        };
                        at_line(Msg::StepperAwaits, Msg::StepperAwaitsAt)
                            .fill(lang, &[("who", &who), ("on", &on), ("line", &line)])
                    }
                    Some((TaskState::Ready, _, _)) => {
                        at_line(Msg::StepperYields, Msg::StepperYieldsAt)
                            .fill(lang, &[("who", &who), ("line", &line)])
                    }
                    Some((TaskState::Done, _, _)) => {
                        Msg::StepperTaskDone.fill(lang, &[("who", &who)])
                    }
                    Some((TaskState::Cancelled, _, _)) => {
                        Msg::StepperTaskCancelled.fill(lang, &[("who", &who)])
                    }
                    Some((TaskState::Failed, _, _)) => {
                        let exception = view
                            .and_then(|v| v.exception.clone())
                            .unwrap_or_else(|| Msg::StepperAnException.text(lang).to_owned());
                        Msg::StepperTaskFailed
                            .fill(lang, &[("who", &who), ("exception", &exception)])
                    }
                    _ => Msg::StepperTaskRuns.fill(lang, &[("who", &who)]),
                }
            }
            None if entry.when.is_some() => match entry.task {
                Some(task) => {
                    let name = self
                        .tasks
                        .iter()
                        .find(|t| t.id == task)
                        .map_or(Msg::StepperTheTask.text(lang), |t| t.name.as_str());
                    Msg::StepperTimerWakes
                        .fill(lang, &[("timer", &entry.label.text(lang)), ("task", &name)])
                }
                None => Msg::StepperTimerCalls.fill(lang, &[("callback", &entry.label.text(lang))]),
            },
            None if matches!(entry.label, QueueItem::StopLoop { .. }) => {
                Msg::StepperLoopStops.fill(lang, &[("callback", &entry.label.text(lang))])
            }
            None => at_line(Msg::StepperCallsCallback, Msg::StepperCallsCallbackAt).fill(
                lang,
                &[("callback", &entry.label.text(lang)), ("line", &line)],
            ),
        };
        let created: Vec<String> = self
            .created
            .iter()
            .filter(|id| self.tasks.iter().any(|t| t.id == **id && !t.internal))
            .map(|id| self.name(*id))
            .collect();
        if !created.is_empty() {
            let tasks = and_list(lang, &created);
            let msg = if created.len() == 1 {
                Msg::StepperCreatedOne
            } else {
                Msg::StepperCreatedMany
            };
            text.push_str(&msg.fill(lang, &[("tasks", &tasks)]));
        }
        match self.ready.first() {
            Some(next) => text
                .push_str(&Msg::StepperNextReady.fill(lang, &[("item", &next.label.text(lang))])),
            None => match self.timers.first() {
                Some(timer) => text.push_str(
                    &Msg::StepperWaitForTimer.fill(lang, &[("timer", &timer.label.text(lang))]),
                ),
                None => text.push_str(Msg::StepperPeriod.text(lang)),
            },
        }
        text
    }
}

#[cfg(test)]
mod tests;
