//! Reducer tests: they run natively (`cargo test -p aio-widgets`).

use super::*;
use aio_core::lab::{DurationError, python_code};

fn lab(tasks: &[(&str, f64)]) -> Rc<LabState> {
    Rc::new(LabState::new(&LabProps {
        tasks: tasks
            .iter()
            .map(|&(name, seconds)| LabTask {
                name: name.to_owned(),
                seconds,
            })
            .collect(),
        view: View::All,
    }))
}

fn two() -> Rc<LabState> {
    lab(&[("fetch_url", 1.0), ("read_file", 0.5)])
}

fn names(state: &LabState) -> Vec<&str> {
    state
        .rows
        .iter()
        .map(|row| row.task.name.as_str())
        .collect()
}

fn measurement(total_ms: f64) -> Measurement {
    Measurement {
        spans: vec![],
        total_ms,
    }
}

#[test]
fn starts_from_the_props() {
    let state = two();
    assert_eq!(state.rows[0].seconds_text, "1.0");
    assert_eq!(state.rows[1].seconds_text, "0.5");
    assert!(state.all_valid());
    assert_eq!(state.shown(), Strategy::ALL.to_vec());
    let one = LabState::new(&LabProps {
        tasks: state.tasks(),
        view: View::One(Strategy::Gather),
    });
    assert_eq!(one.shown(), vec![Strategy::Gather]);
}

#[test]
fn a_valid_duration_updates_the_tasks() {
    let state = two().reduce(Action::EditSeconds(1, "0.25".into()));
    assert_eq!(state.rows[1].task.seconds, 0.25);
    assert_eq!(state.rows[1].duration_error, None);
    assert!(python_code(Strategy::Gather, &state.tasks()).contains("asyncio.sleep(0.25)"));
}

#[test]
fn a_refused_duration_keeps_the_last_valid_value_and_blocks_runs() {
    let before = two();
    for (text, error) in [
        ("", DurationError::Empty),
        ("abc", DurationError::NotANumber),
        ("-1", DurationError::Negative),
        ("61", DurationError::TooLong),
    ] {
        let state = before.clone().reduce(Action::EditSeconds(0, text.into()));
        assert_eq!(state.rows[0].duration_error, Some(error), "{text:?}");
        assert_eq!(state.rows[0].seconds_text, text);
        assert_eq!(state.tasks(), before.tasks(), "{text:?}");
        assert_eq!(state.version, before.version);
        assert!(!state.all_valid());
    }
    let fixed = before
        .reduce(Action::EditSeconds(0, "-1".into()))
        .reduce(Action::EditSeconds(0, "2".into()));
    assert!(fixed.all_valid());
    assert_eq!(fixed.rows[0].task.seconds, 2.0);
}

#[test]
fn names_are_checked_and_unique() {
    let state = two().reduce(Action::EditName(0, "1abc".into()));
    assert!(matches!(
        state.rows[0].name_error,
        Some(NameError::NotAnIdentifier(_))
    ));
    assert_eq!(names(&state), ["fetch_url", "read_file"]);

    let state = two().reduce(Action::EditName(0, "await".into()));
    assert!(matches!(
        state.rows[0].name_error,
        Some(NameError::Reserved(_))
    ));

    let state = two().reduce(Action::EditName(1, "fetch_url".into()));
    assert_eq!(
        state.rows[1].name_error,
        Some(NameError::Duplicate("fetch_url".into()))
    );
    assert_eq!(names(&state), ["fetch_url", "read_file"]);

    let state = state.reduce(Action::EditName(0, "download".into()));
    assert!(state.all_valid(), "renaming the other frees the name");
    assert_eq!(names(&state), ["download", "fetch_url"]);
}

#[test]
fn a_name_taken_by_an_invalid_rows_last_valid_value_is_refused() {
    // Row 1 shows "read_file!" but the code still calls it read_file.
    let state = two()
        .reduce(Action::EditName(1, "read_file!".into()))
        .reduce(Action::EditName(0, "read_file".into()));
    assert!(matches!(
        state.rows[0].name_error,
        Some(NameError::Duplicate(_))
    ));
    assert_eq!(names(&state), ["fetch_url", "read_file"]);
}

#[test]
fn renaming_keeps_measurements_but_timing_changes_drop_them() {
    let state = two().reduce(Action::RunFinished {
        strategy: Strategy::Gather,
        version: 0,
        measurement: measurement(1003.0),
    });
    let renamed = state.clone().reduce(Action::EditName(0, "download".into()));
    assert!(renamed.run(Strategy::Gather).measured.is_some());
    let retimed = state.reduce(Action::EditSeconds(0, "2".into()));
    assert_eq!(retimed.run(Strategy::Gather).measured, None);
    assert_eq!(retimed.version, 1);
}

#[test]
fn tasks_can_be_added_up_to_the_limit_and_removed_down_to_one() {
    let mut state = two();
    for _ in 0..10 {
        state = state.reduce(Action::AddTask);
    }
    assert_eq!(state.rows.len(), MAX_TASKS);
    assert_eq!(state.rows[2].task.name, "task_1");
    assert!(state.all_valid());
    let ids: std::collections::HashSet<u32> = state.rows.iter().map(|row| row.id).collect();
    assert_eq!(ids.len(), MAX_TASKS);

    let removed = state.clone().reduce(Action::RemoveTask(0));
    assert_eq!(removed.rows[0].task.name, "read_file");
    for _ in 0..10 {
        state = state.reduce(Action::RemoveTask(0));
    }
    assert_eq!(state.rows.len(), 1);
}

#[test]
fn an_added_task_avoids_typed_names() {
    let state = lab(&[("a", 1.0)])
        .reduce(Action::EditName(0, "task_1".into()))
        .reduce(Action::AddTask);
    assert_eq!(names(&state), ["task_1", "task_2"]);
}

#[test]
fn runs_are_tracked_per_strategy_and_stale_ones_ignored() {
    let state = two().reduce(Action::RunStarted {
        strategy: Strategy::Sequential,
        version: 0,
    });
    assert!(state.run(Strategy::Sequential).running);
    assert!(state.any_running());

    let done = state.clone().reduce(Action::RunFinished {
        strategy: Strategy::Sequential,
        version: 0,
        measurement: measurement(1502.0),
    });
    assert!(!done.any_running());
    assert_eq!(
        done.run(Strategy::Sequential).measured,
        Some(measurement(1502.0))
    );

    // The tasks changed while it ran: the old run's result no longer applies.
    let edited = state.reduce(Action::EditSeconds(0, "0.1".into()));
    assert!(!edited.any_running());
    let stale = edited.reduce(Action::RunFinished {
        strategy: Strategy::Sequential,
        version: 0,
        measurement: measurement(1502.0),
    });
    assert_eq!(stale.run(Strategy::Sequential).measured, None);
}

#[test]
fn cancelling_clears_running_flags() {
    let state = two()
        .reduce(Action::RunStarted {
            strategy: Strategy::Gather,
            version: 0,
        })
        .reduce(Action::RunsCancelled);
    assert!(!state.any_running());
}

#[test]
fn no_op_actions_keep_the_same_rc() {
    let state = two();
    for action in [
        Action::SetView(View::All),
        Action::RemoveTask(5),
        Action::EditName(9, "x".into()),
        Action::RunsCancelled,
    ] {
        assert!(Rc::ptr_eq(&state, &state.clone().reduce(action)));
    }
    let one = state.reduce(Action::SetView(View::One(Strategy::CreateTask)));
    assert_eq!(one.shown(), vec![Strategy::CreateTask]);
}
