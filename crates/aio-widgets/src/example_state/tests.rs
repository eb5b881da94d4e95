//! Unit tests of the code widget's state: prediction, error display, output lines, runs.

use std::rc::Rc;

use aio_core::engine::{OutputChunk, Stream};
use aio_core::example::ExampleProps;
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

fn texts(lines: &[OutputLine]) -> Vec<(&str, Stream)> {
    lines
        .iter()
        .map(|line| (line.text.as_str(), line.stream))
        .collect()
}

#[test]
fn predicts_output_timeline_and_total() {
    let p = predict(PROGRAM, "ex.py");
    assert_eq!(
        texts(&p.output),
        [("a", Stream::Stdout), ("b", Stream::Stdout)]
    );
    // To within what the steps themselves cost (`CPU_SECONDS_PER_STEP`): microseconds.
    assert!(
        (p.output[1].time - 0.2).abs() < 1e-4,
        "{}",
        p.output[1].time
    );
    assert!((p.total - 0.2).abs() < 1e-4, "{}", p.total);
    assert_eq!(p.lanes.len(), 1);
    assert_eq!(p.lanes[0].name, "Task-1");
    assert_eq!(p.error, None);
    assert!(!p.blocking);
    assert!(predict("import time\ntime.sleep(0.5)\n", "ex.py").blocking);
}

#[test]
fn errors_read_like_python() {
    let syntax = predict("async def f():\n    pass\nawait f()\n", "ex.py");
    let message = syntax.error.unwrap();
    assert!(message.contains("File \"ex.py\", line 3"), "{message}");
    assert!(
        message.contains("SyntaxError: 'await' outside function"),
        "{message}"
    );
    assert_eq!(syntax.exit_status, None);

    // A name with no near miss: CPython would add "Did you mean: 'None'?" to `nope`.
    let name = predict("print(undefined_name)\n", "ex.py");
    assert_eq!(name.error, None);
    let stderr: Vec<&str> = name
        .output
        .iter()
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

    let runaway = predict("while True:\n    pass\n", "ex.py");
    let message = runaway.error.unwrap();
    assert!(message.contains("loops forever"), "{message}");
    assert!(message.contains("EngineLimitError"), "{message}");
}

#[test]
fn chunks_become_lines_per_stream() {
    let chunk = |stream, text: &str, time| OutputChunk {
        stream,
        text: text.into(),
        time,
        line: 1,
    };
    let mut lines = Vec::new();
    append_output(&mut lines, &chunk(Stream::Stdout, "a", 0.0), None);
    append_output(&mut lines, &chunk(Stream::Stdout, "b\nc\n", 0.1), Some(5.0));
    append_output(&mut lines, &chunk(Stream::Stderr, "<b>warn</b>", 0.2), None);
    append_output(&mut lines, &chunk(Stream::Stdout, "d\n", 0.3), None);
    assert_eq!(
        texts(&lines),
        [
            ("ab", Stream::Stdout),
            ("c", Stream::Stdout),
            ("<b>warn</b>", Stream::Stderr),
            ("d", Stream::Stdout)
        ]
    );
    assert_eq!(lines[1].measured_ms, Some(5.0));
    assert!(lines[2].open);
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
    let state = state.reduce(ExampleAction::RunStopped);
    assert_eq!((state.phase, state.run_count), (RunPhase::Stopped, 1));
    // Output of a stopped run arriving late is dropped.
    let late = state.clone().reduce(ExampleAction::RunFinished {
        trace: Vec::new(),
        total_ms: 1.0,
    });
    assert!(Rc::ptr_eq(&late, &state));

    let state = state.reduce(ExampleAction::RunStarted);
    assert_eq!(state.measured.as_ref().unwrap().throttled, None);
    let state = state.reduce(ExampleAction::RunThrottled("the tab was hidden".into()));
    let state = state.reduce(ExampleAction::RunFinished {
        trace: Vec::new(),
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
    assert_eq!(texts(&stored.prediction.output), [("1", Stream::Stdout)]);
    // Code that does not parse cannot be run.
    let broken = ExampleState::new(props("def (:\n"), None);
    assert!(!broken.can_run());
}
