//! The code widget's state, the [`ExampleAction`]s that change it and its reducer.
//!
//! Plain Rust, no browser types: the prediction (a virtual-time run of the engine) is a pure
//! function too, so all of it is unit-tested on the host. The component measures how long a
//! prediction takes and passes the result in with [`ExampleAction::Predicted`].

use std::rc::Rc;

use aio_core::engine::{Budgets, Outcome, OutputChunk, Stopped};
use aio_core::example::ExampleProps;
use aio_core::fold::{Fold, timing_helpers};
use aio_core::prediction::{MAX_LANES, MAX_SPANS};
pub use aio_core::prediction::{Prediction, Predictor, lines_in_words, stopped_message, thousands};
use aio_core::scrub::{Scrubbable, find_scrubbables};
use aio_core::timeline::{LaneBuilder, Timeline};
use aio_core::trace::TraceRecord;
pub use aio_core::transcript::{OutputLine, Transcript};
use yew::Reducible;

/// How deep Python calls may nest in the page. Each level nests several wasm calls, which also
/// use the browser's own call stack: past about 500 levels Chromium throws "Maximum call stack
/// size exceeded" out of the module. 300 keeps a margin and still ends runaway recursion in
/// Python's own `RecursionError` (CPython's limit is 1000).
pub const BROWSER_MAX_DEPTH: usize = 300;

/// What a prediction may do in the page: the book's prediction budgets, within the browser's
/// call stack.
pub const PREDICT_BUDGETS: Budgets = Budgets {
    max_depth: BROWSER_MAX_DEPTH,
    ..Budgets::PREDICTION
};

/// A real-time run may go on for as long as the reader lets it, in slices: no horizon of time
/// or output (the widget keeps a bounded [`Transcript`] and timeline of it). The depth is capped
/// for the browser's call stack, and steps and allocations so that a runaway computation ends by
/// itself. Steps cost what they cost in a prediction: the run reads the browser's clock once per
/// slice ([`crate::services::RUN_SLICE`] steps), so without it a busy loop on
/// `time.perf_counter()` would see time move in jumps and overshoot by up to a slice.
pub const RUN_BUDGETS: Budgets = Budgets {
    max_steps: 50_000_000,
    max_depth: BROWSER_MAX_DEPTH,
    max_alloc: 10_000_000,
    seconds_per_step: aio_core::engine::CPU_SECONDS_PER_STEP,
    ..Budgets::MODEL
};

/// A prediction as the page makes it ([`PREDICT_BUDGETS`]), sliced over frames.
pub fn predictor(source: &str, filename: &str) -> Predictor {
    Predictor::with_budgets(source, filename, PREDICT_BUDGETS)
}

/// Predicts `source` to its end or its horizon, in one go.
pub fn predict(source: &str, filename: &str) -> Prediction {
    let mut predictor = predictor(source, filename);
    loop {
        if let Some(prediction) = predictor.advance(u64::MAX) {
            return prediction;
        }
    }
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
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    pub transcript: Transcript,
    /// The run's lanes as they come (trace times are real seconds since the start).
    lanes: LaneBuilder,
    /// The lanes, once the run has ended or was stopped.
    pub timeline: Option<Timeline>,
    pub total_ms: Option<f64>,
    /// When the reader stopped the run (ms after its start).
    pub stopped_ms: Option<f64>,
    /// The engine stopped the run (a limit, a deadlock).
    pub limit: Option<Stopped>,
    pub blocking: bool,
    /// Why the browser's throttling makes the measured times wrong, if it does.
    pub throttled: Option<String>,
}

impl Default for Measured {
    fn default() -> Self {
        Measured {
            transcript: Transcript::default(),
            lanes: LaneBuilder::new(MAX_LANES, MAX_SPANS),
            timeline: None,
            total_ms: None,
            stopped_ms: None,
            limit: None,
            blocking: false,
            throttled: None,
        }
    }
}

/// The widget's state.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleState {
    pub props: Rc<ExampleProps>,
    /// The code as the reader has it.
    pub source: String,
    pub scrubbables: Vec<Scrubbable>,
    /// The timing helpers of `source`, if it has them (see [`aio_core::fold`]), and whether the
    /// editor shows them folded (it does until the reader opens them).
    pub fold: Option<Fold>,
    pub folded: bool,
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
    /// Output and trace of the real run, `measured_ms` after its start; `blocking`: a
    /// `time.sleep` has blocked its event loop so far.
    RunProgress {
        chunks: Vec<OutputChunk>,
        trace: Vec<TraceRecord>,
        measured_ms: f64,
        blocking: bool,
    },
    /// The run ended (the program ended, or the engine stopped it), `total_ms` after its start.
    RunFinished {
        outcome: Outcome,
        total_ms: f64,
    },
    /// The browser throttled the run's timers (see `services::throttling`).
    RunThrottled(String),
    /// Stop was pressed `at_ms` after the run's start (or an edit stopped the run: `None`).
    RunStopped {
        at_ms: Option<f64>,
    },
    StorageNote(String),
    /// The reader closed (`true`) or opened the timing helpers.
    SetFolded(bool),
}

impl ExampleState {
    /// The state for `props`, with the reader's stored edit if there is one.
    pub fn new(props: Rc<ExampleProps>, stored: Option<String>) -> ExampleState {
        let source = stored.unwrap_or_else(|| props.source.clone());
        let prediction = Rc::new(predict(&source, &props.filename));
        ExampleState {
            scrubbables: find_scrubbables(&source),
            fold: timing_helpers(&source),
            folded: true,
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
            && !(self.predicted_source == self.source && self.prediction.syntax_error.is_some())
    }

    fn set_source(&mut self, source: String) {
        if source != self.source {
            self.scrubbables = find_scrubbables(&source);
            // The fold goes with its lines. When the edit changed them (the editor opened them
            // first) or replaced the program (a paste over everything), helpers are looked for
            // again and keep the reader's choice; helpers the reader writes into a program that
            // had none start open, so that code being written never vanishes under a fold.
            let carried = self
                .fold
                .as_ref()
                .and_then(|fold| fold.carried(&self.source, &source));
            if self.fold.is_none() {
                self.folded = false;
            }
            self.fold = carried.or_else(|| timing_helpers(&source));
            self.source = source;
            self.measured = None;
        }
    }

    fn stop(&mut self, at_ms: Option<f64>) {
        if self.phase == RunPhase::Running {
            self.phase = RunPhase::Stopped;
            self.run_count += 1;
            if let (Some(measured), Some(at_ms)) = (self.measured.as_mut(), at_ms) {
                measured.stopped_ms = Some(at_ms);
                measured.timeline = Some(measured.lanes.finish(Some(at_ms / 1000.0)));
            }
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
                next.stop(None);
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
                next.stop(None);
                let original = self.props.source.clone();
                next.set_source(original);
                next.folded = true;
                next.measured = None;
            }
            ExampleAction::RunStarted => {
                next.phase = RunPhase::Running;
                next.measured = Some(Measured::default());
            }
            ExampleAction::RunProgress {
                chunks,
                trace,
                measured_ms,
                blocking,
            } => {
                if self.phase != RunPhase::Running {
                    return self;
                }
                let measured = next.measured.get_or_insert_with(Measured::default);
                for chunk in &chunks {
                    measured.transcript.push(chunk, Some(measured_ms));
                }
                measured.blocking |= blocking;
                measured.lanes.feed(&trace);
            }
            ExampleAction::RunFinished { outcome, total_ms } => {
                if self.phase != RunPhase::Running {
                    return self;
                }
                let measured = next.measured.get_or_insert_with(Measured::default);
                measured.timeline = Some(measured.lanes.finish(None));
                measured.limit = outcome.stopped().cloned();
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
            ExampleAction::RunStopped { at_ms } => {
                if self.phase != RunPhase::Running {
                    return self;
                }
                next.stop(at_ms);
            }
            ExampleAction::StorageNote(note) => next.storage_note = Some(note),
            ExampleAction::SetFolded(folded) => {
                if folded == self.folded {
                    return self;
                }
                next.folded = folded;
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests;
