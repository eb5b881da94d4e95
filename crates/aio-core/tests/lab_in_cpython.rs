//! The code the timeline lab shows is real asyncio: run it with CPython and check that it prints
//! the predicted timeline, in the predicted order, within a generous band.

use std::process::Command;

use aio_core::lab::{EventKind, LabTask, Strategy, predict, python_code};

/// CPython's own overhead is a few milliseconds; a loaded CI machine may add more, never less.
const LATE_BY_AT_MOST: f64 = 0.08;

fn run_in_cpython(code: &str) -> String {
    let output = Command::new("python3")
        .args(["-W", "default", "-c", code])
        .output()
        .expect("python3 must be installed to check the lab's code");
    assert!(
        output.status.success(),
        "python3 failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Splits `"0.30s task_1 starts"` into its time and the rest.
fn parse_line(line: &str) -> (f64, &str) {
    let (time, rest) = line
        .split_once("s ")
        .unwrap_or_else(|| panic!("unexpected line {line:?}"));
    (time.parse().unwrap(), rest)
}

fn check(strategy: Strategy, durations: &[f64]) {
    let tasks: Vec<LabTask> = durations
        .iter()
        .enumerate()
        .map(|(i, &seconds)| LabTask {
            name: format!("job_{}", i + 1),
            seconds,
        })
        .collect();
    let prediction = predict(strategy, &tasks);
    let stdout = run_in_cpython(&python_code(strategy, &tasks));
    let lines: Vec<(f64, &str)> = stdout.lines().map(parse_line).collect();

    let mut expected: Vec<(f64, String)> = prediction
        .events()
        .iter()
        .map(|event| {
            let verb = match event.kind {
                EventKind::Starts => "starts",
                EventKind::Ends => "ends",
            };
            (event.time, format!("{} {verb}", tasks[event.task].name))
        })
        .collect();
    expected.push((prediction.total, "all done".to_owned()));

    let got_text: Vec<&str> = lines.iter().map(|(_, text)| *text).collect();
    let want_text: Vec<&str> = expected.iter().map(|(_, text)| text.as_str()).collect();
    assert_eq!(
        got_text, want_text,
        "{strategy:?} {durations:?}: order differs\n{stdout}"
    );
    for ((got, text), (want, _)) in lines.iter().zip(&expected) {
        // Printed with two decimals, so allow half a hundredth of rounding below the prediction.
        assert!(
            *got >= want - 0.005 && *got <= want + LATE_BY_AT_MOST,
            "{strategy:?} {durations:?}: `{text}` at {got}, predicted {want}\n{stdout}"
        );
    }
}

#[test]
fn the_lab_code_runs_as_predicted_in_cpython() {
    let duration_sets: &[&[f64]] = &[&[0.3, 0.2, 0.1], &[0.1, 0.25], &[0.15, 0.15, 0.05]];
    // One CPython at a time (about 5 s in all): nine at once on a two-core machine that is also
    // building made an event more than LATE_BY_AT_MOST late now and then.
    for durations in duration_sets {
        for strategy in Strategy::ALL {
            check(strategy, durations);
        }
    }
}
