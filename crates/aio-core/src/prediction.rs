//! What the book shows of a program before anything runs: one virtual-time run with
//! [`Budgets::PREDICTION`], kept as a bounded [`Transcript`] and a bounded [`Timeline`]. The code
//! widget predicts with it on every keystroke (a slice of steps at a time, see [`Predictor`]) and
//! the preprocessor writes the same prediction into the static fallback, so the two always agree.
//!
//! Whatever the program does (ends, fails, loops forever with or without an `await`, prints
//! without end, starts ten thousand tasks), a prediction takes bounded work and memory, and its
//! [`Outcome`] says how it ended.

use crate::engine::{Budgets, Engine, Limit, Outcome, Stopped, Unsupported};
use crate::i18n::{Lang, Msg};
use crate::timeline::{LaneBuilder, Timeline};
use crate::transcript::Transcript;

/// Lanes a prediction keeps (the other tasks are counted).
pub const MAX_LANES: usize = 40;

/// Spans a lane keeps before it is drawn at a coarser grain.
pub const MAX_SPANS: usize = 200;

/// A predicted run.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prediction {
    pub transcript: Transcript,
    pub timeline: Timeline,
    /// Program time (seconds) when the program ended or was stopped.
    pub total: f64,
    /// The code does not compile: the `SyntaxError` as CPython prints it. Runtime errors are
    /// tracebacks in the transcript, as in a terminal.
    pub syntax_error: Option<String>,
    /// How the run ended; `None` for a syntax error.
    pub outcome: Option<Outcome>,
    /// `time.sleep` blocked the running event loop on its own thread.
    pub blocking: bool,
    /// Parts of Python the program reached for that the engine does not have yet.
    pub unsupported: Vec<Unsupported>,
}

/// A prediction in progress, advanced a slice of engine steps at a time, so a heavy program can
/// be predicted across several animation frames instead of holding one.
#[derive(Debug)]
pub struct Predictor {
    engine: Option<Engine>,
    transcript: Transcript,
    lanes: LaneBuilder,
    /// Set at once for a syntax error.
    done: Option<Prediction>,
}

impl Predictor {
    pub fn new(source: &str, filename: &str) -> Predictor {
        Predictor::with_budgets(source, filename, Budgets::PREDICTION)
    }

    /// A prediction with other budgets (the stepper's, tests').
    pub fn with_budgets(source: &str, filename: &str, budgets: Budgets) -> Predictor {
        let (engine, done) = match Engine::new(source, filename, budgets) {
            Ok(mut engine) => {
                engine.enable_trace(false);
                (Some(engine), None)
            }
            Err(error) => (
                None,
                Some(Prediction {
                    syntax_error: Some(error.render()),
                    ..Prediction::default()
                }),
            ),
        };
        Predictor {
            engine,
            transcript: Transcript::default(),
            lanes: LaneBuilder::new(MAX_LANES, MAX_SPANS),
            done,
        }
    }

    /// Runs at most about `steps` more engine steps; the prediction once the run has ended.
    pub fn advance(&mut self, steps: u64) -> Option<Prediction> {
        if let Some(done) = self.done.take() {
            return Some(done);
        }
        let outcome = self.engine.as_mut()?.advance(steps);
        self.absorb();
        let outcome = outcome?;
        let engine = self.engine.take()?;
        let total = engine.virtual_time();
        Some(Prediction {
            unsupported: engine.unsupported(),
            transcript: std::mem::take(&mut self.transcript),
            timeline: self.lanes.finish(Some(total)),
            total,
            syntax_error: None,
            outcome: Some(outcome),
            blocking: engine.blocked_the_loop(),
        })
    }

    /// Takes in the output and trace of the last slice (so neither grows with the run).
    fn absorb(&mut self) {
        let Some(engine) = self.engine.as_mut() else {
            return;
        };
        for chunk in engine.drain_output() {
            self.transcript.push(&chunk, None);
        }
        self.lanes.feed(&engine.drain_trace());
    }
}

/// Runs `source` in virtual time with [`Budgets::PREDICTION`], to the end or to the horizon.
pub fn predict(source: &str, filename: &str) -> Prediction {
    let mut predictor = Predictor::new(source, filename);
    loop {
        if let Some(prediction) = predictor.advance(u64::MAX) {
            return prediction;
        }
    }
}

/// A number of lines in words in `lang`: "1 line", "1,234 lines".
pub fn lines_in_words(n: u64, lang: Lang) -> String {
    let msg = if n == 1 {
        Msg::PredictionLine
    } else {
        Msg::PredictionLines
    };
    msg.fill(lang, &[("n", &thousands(n))])
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// What the engine saw when it stopped a run, in words for the reader in `lang`: which limit,
/// where, and what it means. `predicted`: the run was the prediction (else a real-time run). One
/// whole sentence per limit and kind of run, since word order differs between languages.
pub fn stopped_message(stopped: &Stopped, predicted: bool, lang: Lang) -> String {
    let at = Msg::PredictionAt.fill(
        lang,
        &[
            ("line", &stopped.line),
            ("seconds", &format!("{:.2}", stopped.time)),
        ],
    );
    // The message for a prediction, or for a real run.
    let pick = |prediction: Msg, run: Msg| if predicted { prediction } else { run };
    match &stopped.limit {
        Limit::ProgramTime { seconds } => {
            pick(Msg::PredictionTimePredicted, Msg::PredictionTimeRun)
                .fill(lang, &[("limit", &format!("{seconds:.0}")), ("at", &at)])
        }
        Limit::OutputLines { lines } => {
            pick(Msg::PredictionLinesPredicted, Msg::PredictionLinesRun).fill(
                lang,
                &[("lines", &lines_in_words(*lines, lang)), ("at", &at)],
            )
        }
        Limit::OutputBytes { bytes } => {
            pick(Msg::PredictionBytesPredicted, Msg::PredictionBytesRun)
                .fill(lang, &[("kb", &(bytes / 1000)), ("at", &at)])
        }
        Limit::Steps { steps } => pick(Msg::PredictionStepsPredicted, Msg::PredictionStepsRun)
            .fill(lang, &[("steps", &thousands(*steps)), ("at", &at)]),
        Limit::Memory { values } => pick(Msg::PredictionMemoryPredicted, Msg::PredictionMemoryRun)
            .fill(lang, &[("values", &thousands(*values)), ("at", &at)]),
        Limit::Deadlock {
            infinite_sleep: false,
        } => pick(Msg::PredictionDeadlockPredicted, Msg::PredictionDeadlockRun)
            .fill(lang, &[("at", &at)]),
        Limit::Deadlock {
            infinite_sleep: true,
        } => {
            pick(Msg::PredictionSleepPredicted, Msg::PredictionSleepRun).fill(lang, &[("at", &at)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TICKS: &str = "import asyncio\n\nasync def main():\n    i = 0\n    while True:\n        await asyncio.sleep(0.5)\n        i += 1\n        print('tick', i)\n\nasyncio.run(main())\n";

    #[test]
    fn a_program_that_never_ends_is_predicted_to_the_horizon() {
        let prediction = predict(TICKS, "ticks.py");
        let stopped = prediction
            .outcome
            .as_ref()
            .and_then(Outcome::stopped)
            .expect("stopped");
        assert_eq!(stopped.limit, Limit::ProgramTime { seconds: 300.0 });
        assert_eq!(prediction.transcript.line_count(), 599);
        assert_eq!(prediction.transcript.omitted(), 399);
        // One lane, drawn at a coarser grain: bounded, and still as long as the run.
        let lane = &prediction.timeline.lanes[0];
        assert!(lane.spans.len() < 2 * MAX_SPANS, "{}", lane.spans.len());
        assert!(lane.spans.last().expect("spans").end > 299.0);
        assert!(
            (prediction.total - 299.5).abs() < 0.01,
            "{}",
            prediction.total
        );
    }

    #[test]
    fn thousands_of_tasks_keep_a_bounded_timeline() {
        let prediction = predict(
            "import asyncio\nasync def nap(i):\n    await asyncio.sleep(i / 1000)\nasync def main():\n    await asyncio.gather(*(nap(i) for i in range(2000)))\nasyncio.run(main())\n",
            "naps.py",
        );
        assert_eq!(prediction.timeline.lanes.len(), MAX_LANES);
        assert_eq!(prediction.timeline.task_count(), 2001);
        // The last nap ends at 2 s, though its lane is not drawn.
        assert!((prediction.timeline.total - 2.0).abs() < 0.01);
    }

    #[test]
    fn time_sleep_blocks_the_loop_only_inside_it() {
        let before = "import asyncio, time\ntime.sleep(0.1)\nasync def main():\n    await asyncio.sleep(0.1)\nasyncio.run(main())\n";
        assert!(!predict(before, "a.py").blocking);
        let worker = "import asyncio, time\nasync def main():\n    await asyncio.to_thread(time.sleep, 0.1)\nasyncio.run(main())\n";
        assert!(!predict(worker, "b.py").blocking);
        let inside =
            "import asyncio, time\nasync def main():\n    time.sleep(0.1)\nasyncio.run(main())\n";
        assert!(predict(inside, "c.py").blocking);
    }

    #[test]
    fn a_syntax_error_is_predicted_at_once() {
        let prediction = predict("print('a'\n", "bad.py");
        assert!(prediction.outcome.is_none());
        assert!(
            prediction
                .syntax_error
                .as_deref()
                .is_some_and(|error| error.contains("SyntaxError")),
            "{prediction:?}"
        );
    }
}
