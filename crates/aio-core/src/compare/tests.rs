//! Data-driven tests of the comparison model: totals per model, timelines, validation and code.

use super::*;

fn workload(jobs: u32, io: f64, cpu: f64, workers: u32, cores: u32) -> Workload {
    Workload {
        jobs,
        io,
        cpu,
        workers,
        cores,
    }
}

/// `(workload, expected totals for sequential, asyncio, threads, processes)`.
type TotalsCase = (Workload, [f64; 4]);

const T: f64 = THREAD_START;
const P: f64 = PROCESS_START;

#[test]
fn totals() {
    #[rustfmt::skip]
    let cases: &[TotalsCase] = &[
        // I/O-bound: asyncio ≈ threads ≈ processes ≪ sequential.
        (workload(4, 1.0, 0.0, 4, 2), [4.0, 1.0, T + 1.0, P + 1.0]),
        // CPU-bound: the GIL keeps threads at the sequential time, asyncio too (one thread);
        // processes go as fast as the cores allow.
        (workload(4, 0.0, 1.0, 4, 2), [4.0, 4.0, T + 4.0, P + 2.0]),
        (workload(4, 0.0, 1.0, 4, 4), [4.0, 4.0, T + 4.0, P + 1.0]),
        (workload(4, 0.0, 1.0, 8, 4), [4.0, 4.0, T + 4.0, P + 1.0]),
        // More workers than cores: no faster than the cores allow.
        (workload(4, 0.0, 1.0, 4, 1), [4.0, 4.0, T + 4.0, P + 4.0]),
        // A pool of 2 runs 4 jobs in two rounds.
        (workload(4, 0.0, 1.0, 2, 4), [4.0, 4.0, T + 4.0, P + 2.0]),
        (workload(3, 1.0, 0.0, 2, 2), [3.0, 1.0, T + 2.0, P + 2.0]),
        // A mix: the waits overlap, the computation queues up for the one thread or the GIL.
        (workload(4, 1.0, 0.5, 4, 2), [6.0, 3.0, T + 3.0, P + 2.0]),
        // Tiny jobs: starting processes costs more than the jobs themselves.
        (workload(4, 0.0, 0.001, 4, 4), [0.004, 0.004, T + 0.004, P + 0.001]),
        // Nothing to do at all.
        (workload(2, 0.0, 0.0, 2, 1), [0.0, 0.0, T, P]),
        (workload(1, 0.5, 0.5, 1, 1), [1.0, 1.0, T + 1.0, P + 1.0]),
    ];
    for (workload, expected) in cases {
        let outcomes = compare(workload, Lang::En);
        let totals: Vec<f64> = outcomes.iter().map(|o| o.total).collect();
        for (got, want) in totals.iter().zip(expected) {
            assert!(
                (got - want).abs() < 1e-9,
                "{workload:?}: got {totals:?}, want {expected:?}"
            );
        }
    }
}

/// `(workload, model, the winners)`.
type WinnersCase = (Workload, &'static [Model]);

#[test]
fn who_wins() {
    use Model::*;
    let cases: &[WinnersCase] = &[
        (workload(4, 1.0, 0.0, 4, 2), &[Asyncio, Threads]),
        (workload(4, 0.0, 1.0, 4, 2), &[Processes]),
        (
            workload(4, 0.0, 0.001, 4, 4),
            &[Sequential, Asyncio, Threads],
        ),
    ];
    for (workload, expected) in cases {
        let outcomes = compare(workload, Lang::En);
        assert_eq!(winners(&outcomes), *expected, "{workload:?}");
        // A winner is never called slower than the sequential run.
        for outcome in outcomes.iter().filter(|o| expected.contains(&o.model)) {
            let words =
                against_sequential(outcomes[0].total, outcome.total, outcome.model, Lang::En);
            assert!(
                !words.contains("slower"),
                "{workload:?}: {:?} {words}",
                outcome.model
            );
        }
    }
}

/// `(model, workload, lane label, expected (job, activity, start, end, share) per segment)`.
type LaneCase = (
    Model,
    Workload,
    &'static str,
    &'static [(Option<usize>, Activity, f64, f64, f64)],
);

#[test]
fn timelines() {
    use Activity::*;
    #[rustfmt::skip]
    let cases: &[LaneCase] = &[
        // asyncio: every job waits at once, then they compute one after the other.
        (Model::Asyncio, workload(3, 1.0, 0.5, 3, 2), "job 2",
         &[(Some(2), Wait, 0.0, 1.0, 1.0), (Some(2), Ready, 1.0, 2.0, 1.0), (Some(2), Compute, 2.0, 2.5, 1.0)]),
        (Model::Sequential, workload(3, 1.0, 0.5, 3, 2), "job 1",
         &[(Some(1), Wait, 1.5, 2.5, 1.0), (Some(1), Compute, 2.5, 3.0, 1.0)]),
        // Two threads computing take turns on the GIL: each at half speed.
        (Model::Threads, workload(2, 0.0, 1.0, 2, 2), "thread 1",
         &[(None, Start, 0.0, T, 1.0), (Some(1), Compute, T, T + 2.0, 0.5)]),
        (Model::Threads, workload(2, 0.0, 1.0, 2, 2), "GIL",
         &[(None, Compute, T, T + 2.0, 0.5)]),
        // Three processes on two cores: each gets two thirds of a core.
        (Model::Processes, workload(3, 0.0, 1.0, 3, 2), "process 0",
         &[(None, Start, 0.0, P, 1.0), (Some(0), Compute, P, P + 1.5, 2.0 / 3.0)]),
        // A worker takes the next job when it is free.
        (Model::Processes, workload(3, 1.0, 0.0, 2, 2), "process 0",
         &[(None, Start, 0.0, P, 1.0), (Some(0), Wait, P, P + 1.0, 1.0), (Some(2), Wait, P + 1.0, P + 2.0, 1.0)]),
    ];
    for (model, workload, label, expected) in cases {
        let outcome = simulate(*model, workload, Lang::En);
        let lane = outcome
            .lanes
            .iter()
            .find(|lane| lane.label == *label)
            .unwrap_or_else(|| panic!("{model:?} {workload:?}: no lane {label}"));
        let got: Vec<_> = lane
            .segments
            .iter()
            .map(|s| (s.job, s.activity, s.start, s.end, s.share))
            .collect();
        assert_eq!(got.len(), expected.len(), "{model:?} {label}: {got:?}");
        for (g, w) in got.iter().zip(*expected) {
            assert!(
                g.0 == w.0
                    && g.1 == w.1
                    && (g.2 - w.2).abs() < 1e-9
                    && (g.3 - w.3).abs() < 1e-9
                    && (g.4 - w.4).abs() < 1e-9,
                "{model:?} {label}: got {got:?}, want {expected:?}"
            );
        }
    }
}

#[test]
fn lanes_per_model() {
    let work = workload(5, 1.0, 1.0, 3, 2);
    let counts: Vec<(Model, usize)> = compare(&work, Lang::En)
        .iter()
        .map(|o| (o.model, o.lanes.len()))
        .collect();
    assert_eq!(
        counts,
        [
            (Model::Sequential, 5),
            (Model::Asyncio, 5),
            (Model::Threads, 4),
            (Model::Processes, 3)
        ]
    );
}

/// `(field, typed text, expected error message or None when accepted)`.
type FieldCase = (Field, &'static str, Option<&'static str>);

#[test]
fn fields() {
    #[rustfmt::skip]
    let cases: &[FieldCase] = &[
        (Field::Jobs, "4", None),
        (Field::Jobs, " 12 ", None),
        (Field::Jobs, "0", Some("Jobs: choose from 1 to 12.")),
        (Field::Jobs, "13", Some("Jobs: choose from 1 to 12.")),
        (Field::Jobs, "-3", Some("Jobs: choose from 1 to 12.")),
        (Field::Jobs, "99999999999999999999", Some("Jobs: choose from 1 to 12.")),
        (Field::Jobs, "2.5", Some("Jobs: enter a whole number, like 4.")),
        (Field::Jobs, "", Some("Jobs: enter a whole number, like 4.")),
        (Field::Workers, "abc", Some("Workers (pool size): enter a whole number, like 4.")),
        (Field::Cores, "16", None),
        (Field::Cores, "17", Some("Cores: choose from 1 to 16.")),
        (Field::Io, "0.5", None),
        (Field::Io, "-1", Some("Waiting (I/O) per job, s: A duration cannot be negative.")),
        (Field::Cpu, "61", Some("Computation (CPU) per job, s: Keep it at 60 seconds or less.")),
        (Field::Cpu, "nan", Some("Computation (CPU) per job, s: That is not a number of seconds; use digits and a dot, like 1.5.")),
    ];
    for (field, text, expected) in cases {
        let mut work = Workload::default();
        let result = set_field(&mut work, *field, text);
        match expected {
            None => {
                assert_eq!(result, Ok(()), "{field:?} {text:?}");
                assert_eq!(field.text(&work).trim(), text.trim(), "{field:?}");
            }
            Some(message) => {
                assert_eq!(result.map_err(|e| e.to_string()), Err(message.to_string()));
                assert_eq!(work, Workload::default(), "a refused value changes nothing");
            }
        }
    }
}

#[test]
fn checks_whole_workloads() {
    assert_eq!(check(&Workload::default()), Ok(()));
    for bad in [
        workload(0, 1.0, 0.0, 1, 1),
        workload(1, -1.0, 0.0, 1, 1),
        workload(1, 1.0, f64::NAN, 1, 1),
        workload(1, 1.0, 0.0, 13, 1),
        workload(1, 1.0, 0.0, 1, 0),
    ] {
        assert!(check(&bad).is_err(), "{bad:?}");
    }
}

#[test]
fn the_code_shows_the_workload() {
    let work = workload(3, 0.25, 1.5, 2, 2);
    for model in Model::ALL {
        let code = python_code(model, &work);
        assert!(code.contains("JOBS = 3\n"), "{model:?}:\n{code}");
        assert!(code.contains("WAIT = 0.25 "), "{model:?}:\n{code}");
        assert!(code.contains("COMPUTE = 1.5 "), "{model:?}:\n{code}");
        let pool = matches!(model, Model::Threads | Model::Processes);
        assert_eq!(code.contains("WORKERS = 2\n"), pool, "{model:?}:\n{code}");
    }
    assert!(python_code(Model::Asyncio, &work).contains("asyncio.gather("));
    assert!(python_code(Model::Processes, &work).contains("if __name__ == \"__main__\":"));
    // The engine runs the sequential and asyncio programs without error.
    for model in [Model::Sequential, Model::Asyncio] {
        let run = crate::engine::run_to_completion(
            &python_code(model, &work),
            "c.py",
            Default::default(),
        );
        assert_eq!((run.exit_status, run.stderr.as_str()), (0, ""), "{model:?}");
        assert_eq!(run.stdout.lines().count(), 9, "{model:?}");
    }
}

#[test]
fn against_sequential_in_words() {
    let cases: &[(f64, f64, Model, &str)] = &[
        (4.0, 4.0, Model::Sequential, "the baseline"),
        (4.0, 1.0, Model::Asyncio, "4.0× faster"),
        (4.0, 4.0001, Model::Threads, "the same"),
        (0.004, 0.016, Model::Processes, "4.0× slower"),
        (0.0, 0.015, Model::Processes, "slower"),
        (0.0, 0.0, Model::Asyncio, "the same"),
        // The fastest by less than a millisecond is the same, not "1.0× slower" (tiny jobs).
        (0.004, 0.0041, Model::Threads, "the same"),
        (4.0, 4.1, Model::Threads, "a little slower"),
        (4.0, 3.9, Model::Asyncio, "a little faster"),
    ];
    for &(sequential, total, model, expected) in cases {
        assert_eq!(
            against_sequential(sequential, total, model, Lang::En),
            expected
        );
    }
}
