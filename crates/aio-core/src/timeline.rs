//! From a run's trace to a timeline: one lane per task, with when it ran, what it waited for and
//! how it ended. Used by the code widget (predicted and measured timelines) and by the
//! preprocessor for the static fallback.

use serde::Serialize;

use crate::i18n::{Lang, Msg};
use crate::trace::{Awaited, TraceEvent, TraceRecord};
use crate::words::InWords;

/// What a task was doing during a span.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SpanKind {
    /// A step of the task ran (its coroutine held the event loop).
    Running,
    /// `time.sleep(seconds)` blocked the task, and with it the whole event loop.
    Blocked { seconds: f64 },
    /// The task waited, on what the engine describes (`task Task-2`), or, with `timer`, for a
    /// timer it scheduled, due at that time (the view words it, see [`SpanKind::waited_for`]).
    Waiting { on: Awaited, timer: Option<f64> },
}

impl SpanKind {
    /// What a waiting span waited for, in words in `lang`: the engine's description, or the
    /// timer and its due time; `None` for a span that did not wait.
    pub fn waited_for(&self, lang: Lang) -> Option<String> {
        match self {
            SpanKind::Waiting {
                timer: Some(due), ..
            } => Some(Msg::TimelineTimerDue.fill(lang, &[("seconds", &format!("{due:.2}"))])),
            SpanKind::Waiting { on, timer: None } => Some(on.text(lang)),
            SpanKind::Running | SpanKind::Blocked { .. } => None,
        }
    }
}

/// One span of a lane, in virtual seconds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LaneSpan {
    pub start: f64,
    pub end: f64,
    pub kind: SpanKind,
    /// The last source line known to have run in the span (its last `print`, or for the first
    /// step the line that created the task); `None` when the trace does not say.
    pub line: Option<u32>,
    /// How many of the trace's spans this one stands for: 1, or more in a long lane drawn at a
    /// coarser grain (then `kind` is what took most of the time).
    pub merged: u32,
}

/// How a lane ended.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "exception", rename_all = "snake_case")]
pub enum LaneEnd {
    Finished,
    Cancelled,
    /// Failed with this exception type.
    Failed(String),
    /// Still pending when the program ended.
    Pending,
}

/// One task's lane.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lane {
    /// The engine's task id.
    pub task: u64,
    /// As asyncio names it: `Task-1`, or its `name=`.
    pub name: String,
    /// The coroutine's qualified name.
    pub coro: String,
    /// When the task was created.
    pub created: f64,
    /// The line that created it.
    pub created_line: u32,
    pub spans: Vec<LaneSpan>,
    pub end: LaneEnd,
    /// When it ended (for `Pending`: the end of the trace).
    pub end_time: f64,
}

/// Builds the lanes of a whole trace, every task and every span, in task-creation order. Spans
/// still open at the trace's end (a pending task, a program cut short) are closed there.
pub fn lanes(trace: &[TraceRecord]) -> Vec<Lane> {
    let mut builder = LaneBuilder::new(usize::MAX, usize::MAX);
    builder.feed(trace);
    builder.finish(None).lanes
}

/// A timeline bounded for drawing: at most a fixed number of lanes, each with at most a fixed
/// number of spans, however many tasks the program created and however long it ran.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Timeline {
    /// The first tasks' lanes, in creation order.
    pub lanes: Vec<Lane>,
    /// Tasks the program created beyond those lanes.
    pub more_tasks: usize,
    /// When the last task ended (or the trace ended), counting the tasks not drawn.
    pub total: f64,
}

impl Timeline {
    /// Every task of the program, drawn or not.
    pub fn task_count(&self) -> usize {
        self.lanes.len() + self.more_tasks
    }
}

/// Turns a trace into lanes as it is recorded, a piece at a time, in bounded memory: a run that
/// goes on for hours (a real-time run of a program that never ends) feeds it every slice.
///
/// Beyond `max_lanes` tasks, a task is only counted. A lane that reaches twice `max_spans` spans
/// merges them two by two (see [`LaneSpan::merged`]), so a long run keeps its whole length at a
/// coarser grain instead of its beginning only.
#[derive(Debug, Clone, PartialEq)]
pub struct LaneBuilder {
    max_lanes: usize,
    max_spans: usize,
    lanes: Vec<Lane>,
    /// Lane index of each task drawn (tasks beyond `max_lanes` are absent).
    index: std::collections::HashMap<u64, usize>,
    more_tasks: usize,
    /// Tasks not drawn that are still alive (finished ones are forgotten).
    hidden: std::collections::HashSet<u64>,
    /// The lane whose step is running, and the due time of a timer that step scheduled.
    current: Option<usize>,
    timer: Option<f64>,
    last_time: f64,
    /// When the last task not drawn ended.
    hidden_end: f64,
}

impl LaneBuilder {
    pub fn new(max_lanes: usize, max_spans: usize) -> LaneBuilder {
        LaneBuilder {
            max_lanes,
            max_spans: max_spans.max(2),
            lanes: Vec::new(),
            index: std::collections::HashMap::new(),
            more_tasks: 0,
            hidden: std::collections::HashSet::new(),
            current: None,
            timer: None,
            last_time: 0.0,
            hidden_end: 0.0,
        }
    }

    /// Takes in more of the trace.
    pub fn feed(&mut self, trace: &[TraceRecord]) {
        for record in trace {
            self.event(record);
        }
    }

    fn lane(&mut self, task: u64) -> Option<usize> {
        self.index.get(&task).copied()
    }

    fn push_span(&mut self, i: usize, span: LaneSpan) {
        let lane = &mut self.lanes[i];
        lane.spans.push(span);
        if lane.spans.len() >= self.max_spans.saturating_mul(2) {
            halve(&mut lane.spans);
        }
    }

    fn event(&mut self, record: &TraceRecord) {
        let time = record.time;
        self.last_time = self.last_time.max(time);
        match &record.event {
            // asyncio's own tasks (asyncio.run shutting down) are no lane of the program's; their
            // other events find no lane and are skipped too.
            TraceEvent::TaskCreated { internal: true, .. } => {}
            TraceEvent::TaskCreated {
                task,
                name,
                coro,
                line,
                internal: false,
            } => {
                if self.lanes.len() >= self.max_lanes {
                    self.more_tasks += 1;
                    self.hidden.insert(*task);
                    return;
                }
                self.index.insert(*task, self.lanes.len());
                self.lanes.push(Lane {
                    task: *task,
                    name: name.clone(),
                    coro: coro.clone(),
                    created: time,
                    created_line: *line,
                    spans: Vec::new(),
                    end: LaneEnd::Pending,
                    end_time: time,
                });
            }
            TraceEvent::StepStarted { task, .. } => {
                self.timer = None;
                let Some(i) = self.lane(*task) else {
                    self.current = None;
                    return;
                };
                close(&mut self.lanes[i], time);
                let line = self.lanes[i]
                    .spans
                    .is_empty()
                    .then_some(self.lanes[i].created_line);
                self.push_span(
                    i,
                    LaneSpan {
                        start: time,
                        end: time,
                        kind: SpanKind::Running,
                        line,
                        merged: 1,
                    },
                );
                self.current = Some(i);
            }
            TraceEvent::TimerScheduled { when, .. } => self.timer = Some(*when),
            TraceEvent::Output { line, .. } => {
                if let Some(span) = self.current.and_then(|i| self.lanes[i].spans.last_mut()) {
                    span.line = Some(*line);
                }
            }
            TraceEvent::BlockingSleep { seconds, until } => {
                let Some(i) = self.current else { return };
                let line = self.lanes[i].spans.last().and_then(|span| span.line);
                close(&mut self.lanes[i], until - seconds);
                self.push_span(
                    i,
                    LaneSpan {
                        start: until - seconds,
                        end: *until,
                        kind: SpanKind::Blocked { seconds: *seconds },
                        line,
                        merged: 1,
                    },
                );
                self.push_span(
                    i,
                    LaneSpan {
                        start: *until,
                        end: *until,
                        kind: SpanKind::Running,
                        line,
                        merged: 1,
                    },
                );
            }
            TraceEvent::StepSuspended { task, on, line, .. } => {
                let timer = self.timer.take();
                let Some(i) = self.lane(*task) else {
                    self.current = None;
                    return;
                };
                close(&mut self.lanes[i], time);
                let timer = timer.filter(|_| matches!(on, Awaited::Future(_)));
                self.push_span(
                    i,
                    LaneSpan {
                        start: time,
                        end: time,
                        kind: SpanKind::Waiting {
                            on: on.clone(),
                            timer,
                        },
                        // The await it paused at, so the bar can say which line waits.
                        line: (*line > 0).then_some(*line),
                        merged: 1,
                    },
                );
                self.current = None;
            }
            TraceEvent::TaskFinished { task }
            | TraceEvent::TaskCancelled { task }
            | TraceEvent::TaskFailed { task, .. } => {
                let Some(i) = self.lane(*task) else {
                    if self.hidden.remove(task) {
                        self.hidden_end = self.hidden_end.max(time);
                    }
                    return;
                };
                let lane = &mut self.lanes[i];
                close(lane, time);
                drop_empty_tail(lane);
                lane.end = match &record.event {
                    TraceEvent::TaskFinished { .. } => LaneEnd::Finished,
                    TraceEvent::TaskCancelled { .. } => LaneEnd::Cancelled,
                    TraceEvent::TaskFailed { exception, .. } => LaneEnd::Failed(exception.clone()),
                    _ => LaneEnd::Pending,
                };
                lane.end_time = time;
                if self.current == Some(i) {
                    self.current = None;
                }
            }
            _ => {}
        }
    }

    /// The timeline so far. Lanes still pending are closed at `end` (the time a run was stopped)
    /// or, without it, at the last event of the trace.
    pub fn finish(&self, end: Option<f64>) -> Timeline {
        let end = end.unwrap_or(self.last_time).max(self.last_time);
        let mut lanes = self.lanes.clone();
        for lane in &mut lanes {
            if lane.end == LaneEnd::Pending {
                close(lane, end);
                lane.end_time = end;
            }
        }
        let hidden_end = if self.hidden.is_empty() {
            self.hidden_end
        } else {
            end
        };
        Timeline {
            total: total(&lanes).max(hidden_end),
            lanes,
            more_tasks: self.more_tasks,
        }
    }
}

/// Merges `spans` two by two until at most `max` are left (see [`LaneBuilder`]): a lane drawn
/// small needs fewer.
pub fn coarsen(spans: &mut Vec<LaneSpan>, max: usize) {
    while spans.len() > max.max(1) {
        halve(spans);
    }
}

/// Merges a lane's spans two by two: each pair becomes one span from the first's start to the
/// second's end, of the kind that lasted longer, counting the spans it stands for.
fn halve(spans: &mut Vec<LaneSpan>) {
    let mut merged = Vec::with_capacity(spans.len() / 2 + 1);
    let mut pairs = std::mem::take(spans).into_iter();
    while let Some(first) = pairs.next() {
        match pairs.next() {
            Some(second) => {
                let longer = if second.end - second.start > first.end - first.start {
                    &second
                } else {
                    &first
                };
                merged.push(LaneSpan {
                    start: first.start,
                    end: second.end,
                    kind: longer.kind.clone(),
                    line: longer.line,
                    merged: first.merged + second.merged,
                });
            }
            None => merged.push(first),
        }
    }
    *spans = merged;
}

/// Ends the lane's open span (the last one) at `time`.
fn close(lane: &mut Lane, time: f64) {
    if let Some(span) = lane.spans.last_mut() {
        span.end = span.end.max(time);
    }
}

/// A zero-length running span left after a blocking sleep that ended the step is noise.
fn drop_empty_tail(lane: &mut Lane) {
    if lane.spans.len() > 1
        && lane
            .spans
            .last()
            .is_some_and(|span| span.kind == SpanKind::Running && span.end <= span.start)
        && matches!(
            lane.spans[lane.spans.len() - 2].kind,
            SpanKind::Blocked { .. }
        )
    {
        lane.spans.pop();
    }
}

/// The time the last lane ended: the timeline's length.
pub fn total(lanes: &[Lane]) -> f64 {
    lanes.iter().map(|lane| lane.end_time).fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Budgets, run_to_completion};

    fn run(source: &str) -> Vec<Lane> {
        let result = run_to_completion(source, "t.py", Budgets::default());
        assert!(
            result.exit_status == 0 || !result.stderr.is_empty(),
            "{}",
            result.stderr
        );
        lanes(&result.trace)
    }

    fn kinds(lane: &Lane) -> Vec<String> {
        lane.spans
            .iter()
            .map(|span| match &span.kind {
                SpanKind::Running => format!("run {:.2}-{:.2}", span.start, span.end),
                SpanKind::Blocked { seconds } => {
                    format!("block {seconds} {:.2}-{:.2}", span.start, span.end)
                }
                SpanKind::Waiting { on, .. } => {
                    let on = on.text(Lang::En);
                    format!("wait {on} {:.2}-{:.2}", span.start, span.end)
                }
            })
            .collect()
    }

    #[test]
    fn one_lane_per_task_with_runs_and_waits() {
        let lanes = run("import asyncio\n\
            async def work(d):\n    print('start')\n    await asyncio.sleep(d)\n    return d\n\
            async def main():\n    t = asyncio.create_task(work(0.2), name='slow')\n    \
            await work(0.1)\n    await t\n\
            asyncio.run(main())\n");
        let names: Vec<&str> = lanes.iter().map(|lane| lane.name.as_str()).collect();
        assert_eq!(names, ["Task-1", "slow"]);
        assert!(lanes.iter().all(|lane| lane.end == LaneEnd::Finished));
        // Steps cost a little virtual time (`CPU_SECONDS_PER_STEP`): microseconds here.
        assert!(
            (lanes[0].end_time - 0.2).abs() < 1e-4,
            "{}",
            lanes[0].end_time
        );
        assert!((total(&lanes) - 0.2).abs() < 1e-4);
        assert_eq!(
            kinds(&lanes[0]),
            [
                "run 0.00-0.00",
                "wait sleep until 0.1 0.00-0.10",
                "run 0.10-0.10",
                "wait task slow 0.10-0.20",
                "run 0.20-0.20"
            ]
        );
        assert_eq!(kinds(&lanes[1])[1], "wait sleep until 0.2 0.00-0.20");
        // The first step of `slow` printed on line 3.
        assert_eq!(lanes[1].spans[0].line, Some(3));
        assert_eq!(lanes[1].created_line, 7);
        // Waits say where the task paused: `slow` at its sleep, main at `await t`.
        assert_eq!(lanes[1].spans[1].line, Some(4));
        assert_eq!(lanes[0].spans[3].line, Some(9));
    }

    #[test]
    fn failures_cancellations_and_blocking_sleeps() {
        let lanes = run("import asyncio, time\n\
            async def boom():\n    raise ValueError('x')\n\
            async def forever():\n    await asyncio.sleep(10)\n\
            async def main():\n    b = asyncio.create_task(boom())\n    f = asyncio.create_task(forever())\n    \
            time.sleep(0.5)\n    await asyncio.sleep(0)\n    f.cancel()\n    await asyncio.gather(b, f, return_exceptions=True)\n\
            asyncio.run(main())\n");
        assert_eq!(lanes[1].end, LaneEnd::Failed("ValueError".into()));
        assert_eq!(lanes[2].end, LaneEnd::Cancelled);
        assert!(
            kinds(&lanes[0]).contains(&"block 0.5 0.00-0.50".to_string()),
            "{:?}",
            kinds(&lanes[0])
        );
    }

    #[test]
    fn open_spans_close_at_the_trace_end() {
        let trace = vec![
            TraceRecord {
                time: 0.0,
                event: TraceEvent::TaskCreated {
                    task: 1,
                    name: "Task-1".into(),
                    coro: "main".into(),
                    line: 9,
                    internal: false,
                },
            },
            TraceRecord {
                time: 0.0,
                event: TraceEvent::StepStarted {
                    task: 1,
                    throw: false,
                },
            },
            TraceRecord {
                time: 0.5,
                event: TraceEvent::StepSuspended {
                    task: 1,
                    on: crate::trace::Awaited::Future(3),
                    line: 0,
                    awaits_task: None,
                },
            },
            TraceRecord {
                time: 2.0,
                event: TraceEvent::TimerFired {
                    handle: 1,
                    when: 2.0,
                },
            },
        ];
        let lanes = lanes(&trace);
        assert_eq!(lanes[0].end, LaneEnd::Pending);
        assert_eq!(lanes[0].end_time, 2.0);
        assert_eq!(
            kinds(&lanes[0]),
            ["run 0.00-0.50", "wait future 3 0.50-2.00"]
        );
        assert!(super::lanes(&[]).is_empty());
    }
}
