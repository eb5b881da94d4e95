//! Unit tests of the code widget's state: prediction, error display, output lines, runs.

use std::rc::Rc;

use aio_core::engine::{Limit, Outcome, OutputChunk, Stream};
use aio_core::example::ExampleProps;
use aio_core::i18n::Lang;
use aio_core::trace::{TraceEvent, TraceRecord};
use yew::Reducible;

use super::*;

const PROGRAM: &str = "import asyncio\n\nasync def main():\n    print('a')\n    await asyncio.sleep(0.2)\n    print('b')\n\nasyncio.run(main())\n";

fn props(source: &str) -> Rc<ExampleProps> {
    Rc::new(ExampleProps {
        id: "ch/ex.py".into(),
        filename: "ex.py".into(),
        source: source.into(),
        predict: None,
        stepper: false,
    })
}

fn texts(transcript: &Transcript) -> Vec<(&str, Stream)> {
    transcript
        .lines()
        .map(|line| (line.text.as_str(), line.stream))
        .collect()
}

#[test]
fn predicts_output_timeline_and_total() {
    let p = predict(PROGRAM, "ex.py");
    assert_eq!(
        texts(&p.transcript),
        [("a", Stream::Stdout), ("b", Stream::Stdout)]
    );
    // To within what the steps themselves cost (`CPU_SECONDS_PER_STEP`): microseconds.
    let b = p.transcript.lines().nth(1).unwrap();
    assert!((b.time - 0.2).abs() < 1e-4, "{}", b.time);
    assert!((p.total - 0.2).abs() < 1e-4, "{}", p.total);
    assert_eq!(p.timeline.lanes.len(), 1);
    assert_eq!(p.timeline.lanes[0].name, "Task-1");
    assert_eq!(p.syntax_error, None);
    assert_eq!(p.outcome, Some(Outcome::Exited { status: 0 }));
    assert!(!p.blocking);
    assert!(
        predict(
            "import asyncio, time\nasync def main():\n    time.sleep(0.5)\nasyncio.run(main())\n",
            "ex.py"
        )
        .blocking
    );
    // Before the loop runs, time.sleep blocks no loop: no note.
    assert!(!predict("import time\ntime.sleep(0.5)\n", "ex.py").blocking);
}

#[test]
fn errors_read_like_python() {
    let syntax = predict("async def f():\n    pass\nawait f()\n", "ex.py");
    let message = syntax.syntax_error.unwrap();
    assert!(message.contains("File \"ex.py\", line 3"), "{message}");
    assert!(
        message.contains("SyntaxError: 'await' outside function"),
        "{message}"
    );
    assert_eq!(syntax.outcome, None);

    // A name with no near miss: CPython would add "Did you mean: 'None'?" to `nope`.
    let name = predict("print(undefined_name)\n", "ex.py");
    assert_eq!(name.syntax_error, None);
    assert_eq!(name.outcome, Some(Outcome::Exited { status: 1 }));
    let stderr: Vec<&str> = name
        .transcript
        .lines()
        .filter(|line| line.stream == Stream::Stderr)
        .map(|line| line.text.as_str())
        .collect();
    assert_eq!(
        stderr,
        [
            "Traceback (most recent call last):",
            "  File \"ex.py\", line 1, in <module>",
            "    print(undefined_name)",
            "          ^^^^^^^^^^^^^^",
            "NameError: name 'undefined_name' is not defined"
        ]
    );
}

/// `(program, what the message says)`: a program that never ends stops at the horizon, and the
/// message says which limit it met, where, and that it may never end.
#[test]
fn programs_that_never_end_say_what_stopped_them() {
    let cases = [
        (
            "while True:\n    pass\n",
            "The prediction stops after 2,000,000 steps of computing without the program ending (at line 2",
        ),
        (
            "import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0.5)\nasyncio.run(main())\n",
            "The prediction stops at 300 s of program time, and this program was still running (at line 5, 299.50 s into the program): it may never end. Press Run",
        ),
        (
            "i = 0\nwhile True:\n    i += 1\n    print(i)\n",
            "The prediction stops after 1,000 lines of output (at line 4",
        ),
        (
            "import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())\n",
            "Every task is waiting and nothing is scheduled that could wake one (at line 4",
        ),
    ];
    for (source, expected) in cases {
        let prediction = predict(source, "ex.py");
        let stopped = prediction
            .outcome
            .as_ref()
            .and_then(Outcome::stopped)
            .unwrap_or_else(|| panic!("{source}: {prediction:?}"));
        let message = stopped_message(stopped, true, Lang::En);
        assert!(message.starts_with(expected), "{source}\n{message}");
    }
    let run_message = stopped_message(
        &aio_core::engine::Stopped {
            limit: Limit::Steps { steps: 10 },
            line: 3,
            time: 1.0,
        },
        false,
        Lang::En,
    );
    assert!(
        run_message.starts_with("The run stops after 10 steps"),
        "{run_message}"
    );
    assert!(!run_message.contains("Press Run"), "{run_message}");
}

#[test]
fn edits_reset_and_runs() {
    let state = Rc::new(ExampleState::new(props(PROGRAM), None));
    assert!(!state.is_edited());
    assert_eq!(state.scrubbables.len(), 1);
    let edited = PROGRAM.replace("0.2", "0.5");
    let state = state.reduce(ExampleAction::Edit(edited.clone()));
    assert!(state.is_edited());
    // The prediction follows in its own action; a stale one is ignored.
    let stale = Rc::new(predict(PROGRAM, "ex.py"));
    let state = state.reduce(ExampleAction::Predicted {
        source: PROGRAM.into(),
        prediction: stale,
        ms: 1.0,
    });
    assert!((state.prediction.total - 0.2).abs() < 1e-4);
    let fresh = Rc::new(predict(&edited, "ex.py"));
    let state = state.reduce(ExampleAction::Predicted {
        source: edited.clone(),
        prediction: fresh,
        ms: 1.0,
    });
    assert!((state.prediction.total - 0.5).abs() < 1e-4);

    let state = state.reduce(ExampleAction::RunStarted);
    assert_eq!(state.phase, RunPhase::Running);
    assert!(!state.can_run());
    let state = state.reduce(ExampleAction::RunStopped { at_ms: Some(120.0) });
    assert_eq!((state.phase, state.run_count), (RunPhase::Stopped, 1));
    assert_eq!(state.measured.as_ref().unwrap().stopped_ms, Some(120.0));
    // Output of a stopped run arriving late is dropped.
    let late = state.clone().reduce(ExampleAction::RunFinished {
        outcome: Outcome::Exited { status: 0 },
        total_ms: 1.0,
    });
    assert!(Rc::ptr_eq(&late, &state));

    let state = state.reduce(ExampleAction::RunStarted);
    assert_eq!(state.measured.as_ref().unwrap().throttled, None);
    let state = state.reduce(ExampleAction::RunThrottled("the tab was hidden".into()));
    let state = state.reduce(ExampleAction::RunFinished {
        outcome: Outcome::Exited { status: 0 },
        total_ms: 500.0,
    });
    assert_eq!((state.phase, state.run_count), (RunPhase::Finished, 2));
    assert_eq!(state.measured.as_ref().unwrap().total_ms, Some(500.0));
    // The run is labelled as throttled, and a late report of a finished run changes nothing.
    assert_eq!(
        state.measured.as_ref().unwrap().throttled.as_deref(),
        Some("the tab was hidden")
    );
    let late = state
        .clone()
        .reduce(ExampleAction::RunThrottled("late".into()));
    assert!(Rc::ptr_eq(&late, &state));

    let state = state.reduce(ExampleAction::Reset);
    assert!(!state.is_edited());
    assert_eq!(state.measured, None);

    // A stored edit is what the reader sees after a reload.
    let stored = ExampleState::new(props(PROGRAM), Some("print(1)\n".into()));
    assert!(stored.is_edited());
    assert_eq!(
        texts(&stored.prediction.transcript),
        [("1", Stream::Stdout)]
    );
    // Code that does not parse cannot be run.
    let broken = ExampleState::new(props("def (:\n"), None);
    assert!(!broken.can_run());
}

/// A run the reader stops keeps its output and shows its tasks as they were: still running.
#[test]
fn a_stopped_run_keeps_its_output_and_marks_unfinished_tasks() {
    let state = Rc::new(ExampleState::new(props(PROGRAM), None));
    let state = state.reduce(ExampleAction::RunStarted);
    let record = |time, event| TraceRecord { time, event };
    let state = state.reduce(ExampleAction::RunProgress {
        chunks: vec![OutputChunk {
            stream: Stream::Stdout,
            text: "tick 1\n".into(),
            time: 0.5,
            line: 8,
        }],
        trace: vec![
            record(
                0.0,
                TraceEvent::TaskCreated {
                    task: 1,
                    name: "Task-1".into(),
                    coro: "main".into(),
                    line: 10,
                    internal: false,
                },
            ),
            record(
                0.0,
                TraceEvent::StepStarted {
                    task: 1,
                    throw: false,
                },
            ),
        ],
        measured_ms: 500.0,
        blocking: false,
    });
    let state = state.reduce(ExampleAction::RunStopped {
        at_ms: Some(3200.0),
    });
    let measured = state.measured.as_ref().unwrap();
    assert_eq!(texts(&measured.transcript), [("tick 1", Stream::Stdout)]);
    let timeline = measured.timeline.as_ref().expect("a timeline once stopped");
    assert_eq!(timeline.lanes[0].end, aio_core::timeline::LaneEnd::Pending);
    assert!((timeline.lanes[0].end_time - 3.2).abs() < 1e-9);
}

/// The timing helpers stay folded while the reader edits around them; an edit that changes
/// them, or helpers the reader writes, show open; Reset folds them again.
#[test]
fn the_fold_follows_edits() {
    const HELPERS: &str = "import time\n\n\ndef ts():\n    return f\"[{time.perf_counter():.2f}]\"\n\n\nprint(ts())\n";
    let state = Rc::new(ExampleState::new(props(HELPERS), None));
    let fold = state.fold.clone().expect("helpers found");
    assert!(state.folded);
    // An indented line typed right under the helpers is not swallowed by the fold.
    let below = HELPERS.replace("\nprint(ts())", "\n    x = 1\nprint(ts())");
    let state = state.reduce(ExampleAction::Edit(below.clone()));
    assert!(state.folded);
    assert_eq!(state.fold, Some(fold.clone()));
    // A line typed above moves it down.
    let state = state.reduce(ExampleAction::Edit(format!("# hi\n{below}")));
    assert!(state.folded);
    assert_eq!(
        state.fold.as_ref().map(|fold| fold.range.start),
        Some(fold.range.start + 5)
    );
    // Folding is idempotent: a second "open" (two input paths reporting one keystroke) does
    // not close it again.
    let state = state.reduce(ExampleAction::SetFolded(false));
    let again = state.clone().reduce(ExampleAction::SetFolded(false));
    assert!(Rc::ptr_eq(&state, &again) && !state.folded);
    // Open, the helpers can be changed, and stay open.
    let changed = state.source.replace(":.2f", ":.3f");
    let state = state.reduce(ExampleAction::Edit(changed));
    assert!(!state.folded);
    assert!(state.fold.is_some());
    let state = state.reduce(ExampleAction::Reset);
    assert!(state.folded);
    // A program pasted over everything keeps the fold as the reader had it.
    let other = "import time\n\ndef ts():\n    return time.time()\n\nprint(ts())\n";
    let pasted = state.reduce(ExampleAction::Edit(other.into()));
    assert!(pasted.folded && pasted.fold.is_some());
    // Helpers the reader writes into a program without them start open.
    let plain = Rc::new(ExampleState::new(props(PROGRAM), None));
    assert_eq!(plain.fold, None);
    let written = plain.reduce(ExampleAction::Edit(format!(
        "def ts():\n    return 1\n\n{PROGRAM}"
    )));
    assert!(written.fold.is_some() && !written.folded);
}
