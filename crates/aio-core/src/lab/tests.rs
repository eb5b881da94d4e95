//! Data-driven tests of the lab model: predictions, validation and the generated code.

use super::*;

fn tasks(durations: &[f64]) -> Vec<LabTask> {
    durations
        .iter()
        .enumerate()
        .map(|(i, &seconds)| LabTask {
            name: format!("task_{}", i + 1),
            seconds,
        })
        .collect()
}

/// `(strategy, durations, expected (start, end) per task, expected total)`.
type PredictionCase = (Strategy, &'static [f64], &'static [(f64, f64)], f64);

#[test]
fn predictions() {
    use Strategy::*;
    #[rustfmt::skip]
    let cases: &[PredictionCase] = &[
        (Sequential, &[0.3, 0.2, 0.1], &[(0.0, 0.3), (0.3, 0.5), (0.5, 0.6)], 0.6),
        (CreateTask, &[0.3, 0.2, 0.1], &[(0.0, 0.3), (0.0, 0.2), (0.0, 0.1)], 0.3),
        (Gather,     &[0.3, 0.2, 0.1], &[(0.0, 0.3), (0.0, 0.2), (0.0, 0.1)], 0.3),
        (Sequential, &[1.0, 1.0],      &[(0.0, 1.0), (1.0, 2.0)],             2.0),
        (Gather,     &[1.0, 1.0],      &[(0.0, 1.0), (0.0, 1.0)],             1.0),
        (Sequential, &[2.0],           &[(0.0, 2.0)],                         2.0),
        (CreateTask, &[0.0, 0.5],      &[(0.0, 0.0), (0.0, 0.5)],             0.5),
        (Gather,     &[0.0],           &[(0.0, 0.0)],                         0.0),
    ];
    for &(strategy, durations, expected_spans, expected_total) in cases {
        let prediction = predict(strategy, &tasks(durations));
        let spans: Vec<(f64, f64)> = prediction.spans.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(
            spans.len(),
            expected_spans.len(),
            "{strategy:?} {durations:?}"
        );
        for (got, want) in spans.iter().zip(expected_spans) {
            assert!(
                (got.0 - want.0).abs() < 1e-9 && (got.1 - want.1).abs() < 1e-9,
                "{strategy:?} {durations:?}: got {spans:?}, want {expected_spans:?}"
            );
        }
        assert!(
            (prediction.total - expected_total).abs() < 1e-9,
            "{strategy:?} {durations:?}"
        );
    }
}

#[test]
fn sequential_is_the_sum_and_concurrent_is_the_max() {
    let sets: &[&[f64]] = &[
        &[0.3, 0.2, 0.1],
        &[1.5, 0.25],
        &[4.0, 4.0, 4.0, 0.5],
        &[0.0, 7.0],
    ];
    for durations in sets {
        let sum: f64 = durations.iter().sum();
        let max = durations.iter().copied().fold(0.0, f64::max);
        let lab = tasks(durations);
        assert!((predict(Strategy::Sequential, &lab).total - sum).abs() < 1e-9);
        assert!((predict(Strategy::CreateTask, &lab).total - max).abs() < 1e-9);
        assert!((predict(Strategy::Gather, &lab).total - max).abs() < 1e-9);
    }
}

#[test]
fn events_come_in_print_order() {
    let prediction = predict(Strategy::Gather, &tasks(&[0.3, 0.1, 0.1]));
    let order: Vec<(usize, EventKind)> = prediction
        .events()
        .iter()
        .map(|e| (e.task, e.kind))
        .collect();
    use EventKind::*;
    assert_eq!(
        order,
        [
            (0, Starts),
            (1, Starts),
            (2, Starts),
            (1, Ends),
            (2, Ends),
            (0, Ends)
        ]
    );
}

/// `(typed text, expected)`.
#[test]
fn typed_durations() {
    use DurationError::*;
    #[rustfmt::skip]
    let cases: &[(&str, Result<f64, DurationError>)] = &[
        ("1", Ok(1.0)), ("0.25", Ok(0.25)), (" 2.5 ", Ok(2.5)), (".5", Ok(0.5)), ("3.", Ok(3.0)),
        ("+1", Ok(1.0)), ("0", Ok(0.0)), ("-0", Ok(0.0)), ("60", Ok(60.0)),
        ("", Err(Empty)), ("   ", Err(Empty)),
        ("abc", Err(NotANumber)), ("1.2.3", Err(NotANumber)), (".", Err(NotANumber)),
        ("1e3", Err(NotANumber)), ("inf", Err(NotANumber)), ("NaN", Err(NotANumber)),
        ("1,5", Err(NotANumber)), ("--1", Err(NotANumber)), ("-", Err(NotANumber)),
        ("-0.1", Err(Negative)), ("-3", Err(Negative)),
        ("60.01", Err(TooLong)), ("1000", Err(TooLong)),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_seconds(text), *expected, "input {text:?}");
    }
}

#[test]
fn duration_messages_say_what_to_do() {
    assert_eq!(
        DurationError::Negative.to_string(),
        "A duration cannot be negative."
    );
    assert_eq!(
        DurationError::TooLong.to_string(),
        "Keep it at 60 seconds or less."
    );
    assert!(
        DurationError::NotANumber
            .to_string()
            .contains("not a number")
    );
}

/// `(name, accepted)`.
#[test]
fn task_names() {
    #[rustfmt::skip]
    let cases: &[(&str, bool)] = &[
        ("fetch_url", true), ("_private", true), ("tea2", true), ("A", true),
        ("", false), ("2tea", false), ("fetch-url", false), ("fetch url", false), ("thé", false),
        ("await", false), ("async", false), ("None", false), ("main", false), ("asyncio", false),
        ("elapsed", false), ("START", false), ("time", false),
    ];
    for (name, accepted) in cases {
        assert_eq!(check_name(name).is_ok(), *accepted, "name {name:?}");
    }
}

#[test]
fn whole_labs() {
    assert_eq!(check_tasks(&[]), Err(LabError::TaskCount(0)));
    assert_eq!(check_tasks(&tasks(&[1.0; 9])), Err(LabError::TaskCount(9)));
    assert_eq!(check_tasks(&tasks(&[1.0; 8])), Ok(()));
    let mut twins = tasks(&[1.0, 2.0]);
    twins[1].name = twins[0].name.clone();
    assert_eq!(
        check_tasks(&twins),
        Err(LabError::Name(NameError::Duplicate("task_1".into())))
    );
    assert_eq!(
        check_tasks(&tasks(&[1.0, -2.0])),
        Err(LabError::Duration {
            task: "task_2".into(),
            error: DurationError::Negative
        })
    );
}

#[test]
fn fresh_names_fill_the_first_gap() {
    let mut lab = tasks(&[1.0, 1.0, 1.0]);
    lab.remove(1);
    assert_eq!(fresh_task_name(&lab), "task_2");
    assert_eq!(fresh_task_name(&tasks(&[1.0])), "task_2");
}

#[test]
fn python_literals() {
    for (seconds, literal) in [
        (1.0, "1.0"),
        (0.25, "0.25"),
        (2.5, "2.5"),
        (0.0, "0.0"),
        (60.0, "60.0"),
    ] {
        assert_eq!(python_seconds(seconds), literal);
    }
}

#[test]
fn gather_code() {
    let lab = vec![
        LabTask {
            name: "fetch_url".into(),
            seconds: 1.0,
        },
        LabTask {
            name: "read_file".into(),
            seconds: 0.5,
        },
    ];
    let code = python_code(Strategy::Gather, &lab);
    assert!(code.contains("async def fetch_url():\n"), "{code}");
    assert!(code.contains("    await asyncio.sleep(0.5)\n"), "{code}");
    assert!(
        code.contains("    await asyncio.gather(fetch_url(), read_file())\n"),
        "{code}"
    );
    assert!(code.ends_with("\n\nasyncio.run(main())\n"), "{code}");
}

#[test]
fn create_task_code_schedules_everything_before_awaiting() {
    let lab = tasks(&[0.2, 0.1]);
    let code = python_code(Strategy::CreateTask, &lab);
    let main = &code[code.find("async def main").unwrap()..];
    let expected = "async def main():\n    \
        task_1_task = asyncio.create_task(task_1())\n    \
        task_2_task = asyncio.create_task(task_2())\n    \
        await task_1_task\n    \
        await task_2_task\n";
    assert!(main.starts_with(expected), "{main}");
}

#[test]
fn props_json_is_stable() {
    let props = LabProps {
        tasks: vec![LabTask {
            name: "fetch_url".into(),
            seconds: 1.0,
        }],
        view: View::One(Strategy::CreateTask),
    };
    let json = serde_json::to_string(&props).unwrap();
    assert_eq!(
        json,
        r#"{"tasks":[{"name":"fetch_url","seconds":1.0}],"view":{"show":"one","strategy":"create_task"}}"#
    );
    let all: LabProps = serde_json::from_str(r#"{"tasks":[]}"#).unwrap();
    assert_eq!(all.view, View::All);
    assert_eq!(serde_json::from_str::<LabProps>(&json).unwrap(), props);
}

#[test]
fn zero_length_sequential_tasks_still_run_one_after_another() {
    let order: Vec<(usize, EventKind)> = predict(Strategy::Sequential, &tasks(&[0.0, 0.0]))
        .events()
        .iter()
        .map(|e| (e.task, e.kind))
        .collect();
    use EventKind::*;
    assert_eq!(order, [(0, Starts), (0, Ends), (1, Starts), (1, Ends)]);
}
