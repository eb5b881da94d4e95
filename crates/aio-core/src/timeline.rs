//! From a run's trace to a timeline: one lane per task, with when it ran, what it waited for and
//! how it ended. Used by the code widget (predicted and measured timelines) and by the
//! preprocessor for the static fallback.

use serde::Serialize;

use crate::trace::{TraceEvent, TraceRecord};

/// What a task was doing during a span.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SpanKind {
    /// A step of the task ran (its coroutine held the event loop).
    Running,
    /// `time.sleep(seconds)` blocked the task, and with it the whole event loop.
    Blocked { seconds: f64 },
    /// The task waited, on what the engine describes (`task Task-2`, or a timer's due time).
    Waiting { on: String },
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

/// Builds the lanes of a trace, in task-creation order. Spans still open at the trace's end
/// (a pending task, a program cut short) are closed there.
pub fn lanes(trace: &[TraceRecord]) -> Vec<Lane> {
    let mut lanes: Vec<Lane> = Vec::new();
    // The lane whose step is running, and the due time of a timer that step scheduled.
    let mut current: Option<usize> = None;
    let mut timer: Option<f64> = None;
    let index = |lanes: &[Lane], task: u64| lanes.iter().position(|lane| lane.task == task);
    let mut last_time: f64 = 0.0;
    for record in trace {
        let time = record.time;
        last_time = last_time.max(time);
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
            } => lanes.push(Lane {
                task: *task,
                name: name.clone(),
                coro: coro.clone(),
                created: time,
                created_line: *line,
                spans: Vec::new(),
                end: LaneEnd::Pending,
                end_time: time,
            }),
            TraceEvent::StepStarted { task, .. } => {
                let Some(i) = index(&lanes, *task) else {
                    continue;
                };
                close(&mut lanes[i], time);
                let line = lanes[i].spans.is_empty().then_some(lanes[i].created_line);
                lanes[i].spans.push(LaneSpan {
                    start: time,
                    end: time,
                    kind: SpanKind::Running,
                    line,
                });
                current = Some(i);
                timer = None;
            }
            TraceEvent::TimerScheduled { when, .. } => timer = Some(*when),
            TraceEvent::Output { line, .. } => {
                if let Some(span) = current.and_then(|i| lanes[i].spans.last_mut()) {
                    span.line = Some(*line);
                }
            }
            TraceEvent::BlockingSleep { seconds, until } => {
                let Some(i) = current else { continue };
                let lane = &mut lanes[i];
                let line = lane.spans.last().and_then(|span| span.line);
                close(lane, until - seconds);
                lane.spans.push(LaneSpan {
                    start: until - seconds,
                    end: *until,
                    kind: SpanKind::Blocked { seconds: *seconds },
                    line,
                });
                lane.spans.push(LaneSpan {
                    start: *until,
                    end: *until,
                    kind: SpanKind::Running,
                    line,
                });
            }
            TraceEvent::StepSuspended { task, on, line, .. } => {
                let Some(i) = index(&lanes, *task) else {
                    continue;
                };
                close(&mut lanes[i], time);
                let on = match timer.take() {
                    Some(due) if on.starts_with("future") => format!("a timer due at {due:.2} s"),
                    _ => on.clone(),
                };
                lanes[i].spans.push(LaneSpan {
                    start: time,
                    end: time,
                    kind: SpanKind::Waiting { on },
                    // The await it paused at, so the bar can say which line waits.
                    line: (*line > 0).then_some(*line),
                });
                current = None;
            }
            TraceEvent::TaskFinished { task }
            | TraceEvent::TaskCancelled { task }
            | TraceEvent::TaskFailed { task, .. } => {
                let Some(i) = index(&lanes, *task) else {
                    continue;
                };
                close(&mut lanes[i], time);
                drop_empty_tail(&mut lanes[i]);
                lanes[i].end = match &record.event {
                    TraceEvent::TaskFinished { .. } => LaneEnd::Finished,
                    TraceEvent::TaskCancelled { .. } => LaneEnd::Cancelled,
                    TraceEvent::TaskFailed { exception, .. } => LaneEnd::Failed(exception.clone()),
                    _ => LaneEnd::Pending,
                };
                lanes[i].end_time = time;
                if current == Some(i) {
                    current = None;
                }
            }
            _ => {}
        }
    }
    for lane in &mut lanes {
        if lane.end == LaneEnd::Pending {
            close(lane, last_time);
            lane.end_time = last_time;
        }
    }
    lanes
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
                SpanKind::Waiting { on } => format!("wait {on} {:.2}-{:.2}", span.start, span.end),
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
                    on: "future 3".into(),
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
