//! The code widget's state, the [`ExampleAction`]s that change it and its reducer.
//!
//! Plain Rust, no browser types: the prediction (a virtual-time run of the engine) is a pure
//! function too, so all of it is unit-tested on the host. The component measures how long a
//! prediction takes and passes the result in with [`ExampleAction::Predicted`].

use std::rc::Rc;

use aio_core::engine::{Budgets, Engine, OutputChunk, Poll, Stream};
use aio_core::example::ExampleProps;
use aio_core::scrub::{Scrubbable, find_scrubbables};
use aio_core::timeline::{Lane, lanes};
use aio_core::trace::{TraceEvent, TraceRecord};
use yew::Reducible;

/// How deep Python calls may nest in the page. Each level nests several wasm calls, which also
/// use the browser's own call stack: past about 500 levels Chromium throws "Maximum call stack
/// size exceeded" out of the module. 300 keeps a margin and still ends runaway recursion in
/// Python's own `RecursionError` (CPython's limit is 1000).
pub const BROWSER_MAX_DEPTH: usize = 300;

/// A prediction re-runs on every keystroke and scrub: small budgets keep it within a frame, and
/// a runaway loop hits them quickly.
pub const PREDICT_BUDGETS: Budgets = Budgets {
    max_steps: 2_000_000,
    max_depth: BROWSER_MAX_DEPTH,
    max_alloc: 2_000_000,
    seconds_per_step: aio_core::engine::CPU_SECONDS_PER_STEP,
};

/// A real-time run may go on for as long as the reader lets it, in slices; only the depth is
/// capped, for the browser's call stack. Steps cost what they cost in a prediction: the run reads
/// the browser's clock once per slice ([`crate::services::RUN_SLICE`] steps, tens of
/// milliseconds), so without it a busy loop on `time.perf_counter()` would see time move in
/// jumps and overshoot by up to a slice.
pub const RUN_BUDGETS: Budgets = Budgets {
    max_steps: 50_000_000,
    max_depth: BROWSER_MAX_DEPTH,
    max_alloc: 10_000_000,
    seconds_per_step: aio_core::engine::CPU_SECONDS_PER_STEP,
};

/// Lines the output panel shows; a program printing in a loop would otherwise flood the page.
pub const MAX_LINES: usize = 500;

/// One line of output (possibly still open: no newline yet).
#[derive(Debug, Clone, PartialEq)]
pub struct OutputLine {
    pub stream: Stream,
    /// The text, without its newline.
    pub text: String,
    /// Virtual time (seconds) when the line started.
    pub time: f64,
    /// Milliseconds after the real run's start when the line started; `None` when predicted.
    pub measured_ms: Option<f64>,
    /// The line has no newline yet: the next chunk of its stream continues it.
    pub open: bool,
}

/// Appends `chunk` to `lines`, continuing an open line of the same stream.
pub fn append_output(lines: &mut Vec<OutputLine>, chunk: &OutputChunk, measured_ms: Option<f64>) {
    for piece in chunk.text.split_inclusive('\n') {
        let text = piece.strip_suffix('\n').unwrap_or(piece);
        let open = !piece.ends_with('\n');
        match lines.last_mut() {
            Some(last) if last.open && last.stream == chunk.stream => {
                last.text.push_str(text);
                last.open = open;
            }
            _ => lines.push(OutputLine {
                stream: chunk.stream,
                text: text.to_string(),
                time: chunk.time,
                measured_ms,
                open,
            }),
        }
    }
}

/// What the program would do, from a virtual-time run.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prediction {
    pub output: Vec<OutputLine>,
    pub lanes: Vec<Lane>,
    /// Virtual seconds when the program finished.
    pub total: f64,
    /// A syntax error or a runaway program, as the reader should read it; `None` otherwise
    /// (runtime errors are tracebacks in the output, as in a terminal).
    pub error: Option<String>,
    /// The program called `time.sleep`.
    pub blocking: bool,
    /// `None` for a syntax error.
    pub exit_status: Option<i32>,
}

/// The message for a program stopped by the engine's budgets.
pub fn runaway_message(stderr_tail: &str) -> String {
    format!(
        "This program did not finish within the widget's step budget: it probably loops forever \
         (a `while True:` with no `await`?). The prediction stops here.\n{stderr_tail}"
    )
}

/// Runs `source` in virtual time with [`PREDICT_BUDGETS`], to the end.
pub fn predict(source: &str, filename: &str) -> Prediction {
    let mut predictor = Predictor::new(source, filename);
    loop {
        if let Some(prediction) = predictor.advance(u64::MAX) {
            return prediction;
        }
    }
}

/// A prediction in progress, advanced a slice of engine steps at a time, so a heavy program can
/// be predicted across several animation frames instead of holding one.
#[derive(Debug)]
pub struct Predictor {
    engine: Option<Engine>,
    now: f64,
    /// Set at once for a syntax error.
    done: Option<Prediction>,
}

impl Predictor {
    pub fn new(source: &str, filename: &str) -> Predictor {
        match Engine::new(source, filename, PREDICT_BUDGETS) {
            Ok(mut engine) => {
                engine.enable_trace(false);
                Predictor {
                    engine: Some(engine),
                    now: 0.0,
                    done: None,
                }
            }
            Err(error) => Predictor {
                engine: None,
                now: 0.0,
                done: Some(Prediction {
                    error: Some(error.render()),
                    ..Prediction::default()
                }),
            },
        }
    }

    /// Runs at most about `steps` more engine steps; the prediction once the program has ended.
    pub fn advance(&mut self, steps: u64) -> Option<Prediction> {
        if let Some(done) = self.done.take() {
            return Some(done);
        }
        let engine = self.engine.as_mut()?;
        let status = loop {
            match engine.poll(self.now, Some(steps)) {
                Poll::WaitUntil(deadline) => self.now = deadline.max(self.now),
                Poll::Yielded => return None,
                Poll::Finished(status) => break status,
            }
        };
        let mut output = Vec::new();
        for chunk in engine.drain_output() {
            append_output(&mut output, &chunk, None);
        }
        let trace = engine.drain_trace();
        let error = limit_error(&output).map(runaway_message);
        let prediction = Prediction {
            lanes: lanes(&trace),
            total: engine.virtual_time(),
            blocking: called_time_sleep(&trace),
            error,
            exit_status: Some(status),
            output,
        };
        self.engine = None;
        Some(prediction)
    }
}

/// The engine's "stopped by a budget" line, if the run ended with one.
pub fn limit_error(output: &[OutputLine]) -> Option<&str> {
    output
        .iter()
        .rev()
        .find(|line| line.stream == Stream::Stderr && line.text.starts_with("aio.EngineLimitError"))
        .map(|line| line.text.as_str())
}

/// Whether the trace holds a blocking `time.sleep`.
pub fn called_time_sleep(trace: &[TraceRecord]) -> bool {
    trace
        .iter()
        .any(|record| matches!(record.event, TraceEvent::BlockingSleep { .. }))
}

/// Where the real run stands (the root's `data-run-state`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunPhase {
    Idle,
    Running,
    Finished,
    Stopped,
}

impl RunPhase {
    pub fn key(self) -> &'static str {
        match self {
            RunPhase::Idle => "idle",
            RunPhase::Running => "running",
            RunPhase::Finished => "finished",
            RunPhase::Stopped => "stopped",
        }
    }
}

/// What the real run measured (so far, while it runs).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Measured {
    pub output: Vec<OutputLine>,
    /// Lanes from the run's trace, whose times are real seconds since the start.
    pub lanes: Vec<Lane>,
    pub total_ms: Option<f64>,
    pub blocking: bool,
    /// Why the browser's throttling makes the measured times wrong, if it does.
    pub throttled: Option<String>,
}

/// The widget's state.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleState {
    pub props: Rc<ExampleProps>,
    /// The code as the reader has it.
    pub source: String,
    pub scrubbables: Vec<Scrubbable>,
    /// The prediction for `predicted_source` (one frame behind `source` while typing).
    pub prediction: Rc<Prediction>,
    pub predicted_source: String,
    /// How long the last prediction took, in milliseconds.
    pub predict_ms: f64,
    pub phase: RunPhase,
    /// Real runs that ended or were stopped.
    pub run_count: u32,
    /// The last real run of the current code.
    pub measured: Option<Measured>,
    /// Why edits are not kept (storage full or disabled).
    pub storage_note: Option<String>,
}

/// Everything that changes an [`ExampleState`].
#[derive(Debug, Clone, PartialEq)]
pub enum ExampleAction {
    /// The reader typed or scrubbed: new code (its prediction follows).
    Edit(String),
    /// A prediction of `source`, which took `ms`.
    Predicted {
        source: String,
        prediction: Rc<Prediction>,
        ms: f64,
    },
    /// Back to the chapter's code.
    Reset,
    RunStarted,
    /// Output of the real run, `measured_ms` after its start.
    RunOutput {
        chunks: Vec<OutputChunk>,
        measured_ms: f64,
    },
    RunFinished {
        trace: Vec<TraceRecord>,
        total_ms: f64,
    },
    /// The browser throttled the run's timers (see `services::throttling`).
    RunThrottled(String),
    /// Stop was pressed (or an edit stopped the run).
    RunStopped,
    StorageNote(String),
}

impl ExampleState {
    /// The state for `props`, with the reader's stored edit if there is one.
    pub fn new(props: Rc<ExampleProps>, stored: Option<String>) -> ExampleState {
        let source = stored.unwrap_or_else(|| props.source.clone());
        let prediction = Rc::new(predict(&source, &props.filename));
        ExampleState {
            scrubbables: find_scrubbables(&source),
            predicted_source: source.clone(),
            source,
            prediction,
            predict_ms: 0.0,
            props,
            phase: RunPhase::Idle,
            run_count: 0,
            measured: None,
            storage_note: None,
        }
    }

    /// The reader's code differs from the chapter's.
    pub fn is_edited(&self) -> bool {
        self.source != self.props.source
    }

    /// A real run can start: the code parses and nothing runs.
    pub fn can_run(&self) -> bool {
        self.phase != RunPhase::Running
            && !(self.predicted_source == self.source && self.prediction.exit_status.is_none())
    }

    fn set_source(&mut self, source: String) {
        if source != self.source {
            self.scrubbables = find_scrubbables(&source);
            self.source = source;
            self.measured = None;
        }
    }

    fn stop(&mut self) {
        if self.phase == RunPhase::Running {
            self.phase = RunPhase::Stopped;
            self.run_count += 1;
        }
    }
}

impl Reducible for ExampleState {
    type Action = ExampleAction;

    fn reduce(self: Rc<Self>, action: ExampleAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ExampleAction::Edit(source) => {
                if source == self.source {
                    return self;
                }
                next.stop();
                next.set_source(source);
            }
            ExampleAction::Predicted {
                source,
                prediction,
                ms,
            } => {
                // A late prediction of code the reader has changed since is dropped.
                if source != self.source {
                    return self;
                }
                next.predicted_source = source;
                next.prediction = prediction;
                next.predict_ms = ms;
            }
            ExampleAction::Reset => {
                next.stop();
                let original = self.props.source.clone();
                next.set_source(original);
                next.measured = None;
            }
            ExampleAction::RunStarted => {
                next.phase = RunPhase::Running;
                next.measured = Some(Measured::default());
            }
            ExampleAction::RunOutput {
                chunks,
                measured_ms,
            } => {
                if self.phase != RunPhase::Running {
                    return self;
                }
                let measured = next.measured.get_or_insert_with(Measured::default);
                for chunk in &chunks {
                    append_output(&mut measured.output, chunk, Some(measured_ms));
                }
            }
            ExampleAction::RunFinished { trace, total_ms } => {
                if self.phase != RunPhase::Running {
                    return self;
                }
                let measured = next.measured.get_or_insert_with(Measured::default);
                measured.lanes = lanes(&trace);
                measured.blocking = called_time_sleep(&trace);
                measured.total_ms = Some(total_ms);
                next.phase = RunPhase::Finished;
                next.run_count += 1;
            }
            ExampleAction::RunThrottled(reason) => {
                if self.phase != RunPhase::Running {
                    return self;
                }
                next.measured
                    .get_or_insert_with(Measured::default)
                    .throttled = Some(reason);
            }
            ExampleAction::RunStopped => {
                if self.phase != RunPhase::Running {
                    return self;
                }
                next.stop();
            }
            ExampleAction::StorageNote(note) => next.storage_note = Some(note),
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests;
