//! Reducer tests of the comparison lab: they run natively (`cargo test -p aio-widgets`).

use super::*;

fn totals(state: &CompareState) -> Vec<f64> {
    state.outcomes.iter().map(|outcome| outcome.total).collect()
}

/// `(actions, expected texts of io and cpu, expected error fields, expected winners)`.
type Case = (
    Vec<CompareAction>,
    (&'static str, &'static str),
    Vec<Field>,
    Vec<Model>,
);

#[test]
fn actions() {
    use CompareAction::*;
    use Model::*;
    let cases: Vec<Case> = vec![
        (vec![], ("1.0", "0.0"), vec![], vec![Asyncio, Threads]),
        (
            vec![Preset(self::Preset::CpuBound)],
            ("0.0", "1.0"),
            vec![],
            vec![Processes],
        ),
        (
            vec![Preset(self::Preset::Tiny)],
            ("0.0", "0.001"),
            vec![],
            vec![Sequential, Asyncio, Threads],
        ),
        (
            vec![Edit(Field::Cpu, "2".into()), Edit(Field::Io, "0".into())],
            ("0", "2"),
            vec![],
            vec![Processes],
        ),
        // A refused value keeps its text and message; the workload stays the last valid one.
        (
            vec![Edit(Field::Io, "-1".into())],
            ("-1", "0.0"),
            vec![Field::Io],
            vec![Asyncio, Threads],
        ),
        (
            vec![
                Edit(Field::Jobs, "0".into()),
                Edit(Field::Cores, "x".into()),
            ],
            ("1.0", "0.0"),
            vec![Field::Jobs, Field::Cores],
            vec![Asyncio, Threads],
        ),
        // A preset clears the messages of the fields it sets, not the others.
        (
            vec![
                Edit(Field::Io, "-1".into()),
                Edit(Field::Workers, "99".into()),
                Preset(self::Preset::IoBound),
            ],
            ("1.0", "0.0"),
            vec![Field::Workers],
            vec![Asyncio, Threads],
        ),
    ];
    for (actions, (io, cpu), error_fields, winners) in cases {
        let mut state = Rc::new(CompareState::new(Workload::default(), Lang::En));
        for action in &actions {
            state = state.reduce(action.clone());
        }
        assert_eq!(
            (state.text(Field::Io), state.text(Field::Cpu)),
            (io, cpu),
            "{actions:?}"
        );
        let errors: Vec<Field> = Field::ALL
            .into_iter()
            .filter(|&field| state.error(field).is_some())
            .collect();
        assert_eq!(errors, error_fields, "{actions:?}");
        assert_eq!(state.winners(), winners, "{actions:?}");
        assert_eq!(
            *state.outcomes,
            compare::compare(&state.workload, Lang::En),
            "{actions:?}: the outcomes follow the workload"
        );
    }
}

#[test]
fn a_refused_value_changes_no_total() {
    let state = Rc::new(CompareState::new(Workload::default(), Lang::En));
    let before = totals(&state);
    let after = state.reduce(CompareAction::Edit(Field::Jobs, "-4".into()));
    assert_eq!(totals(&after), before);
    assert_eq!(
        after.error(Field::Jobs).map(|e| e.to_string()),
        Some("Jobs: choose from 1 to 12.".to_owned())
    );
}
