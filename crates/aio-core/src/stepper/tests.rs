//! Step sequences of the book's examples: at each step, which task ran, the ready queue in FIFO
//! order and the timers in firing order.

use super::*;
use crate::trace::SNAPSHOT_ENTRIES;
use crate::words::InWords;

/// The book's own copies of the examples (the core reads no files: they are compiled in).
fn example(name: &str) -> String {
    match name {
        "hello_coroutine.py" => include_str!("../../../../book/src/examples/hello_coroutine.py"),
        "loop_callbacks.py" => include_str!("../../../../book/src/examples/loop_callbacks.py"),
        "debug_mode.py" => include_str!("../../../../book/src/examples/debug_mode.py"),
        other => panic!("no example {other}"),
    }
    .to_string()
}

/// One step as `running | ready, … | timers, …` (`-` when no task ran).
fn row(stepper: &Stepper, step: &Step) -> String {
    let running = step
        .running
        .and_then(|id| stepper.steps.last()?.tasks.iter().find(|t| t.id == id))
        .map_or("-".to_string(), |t| t.name.clone());
    let labels = |entries: &[QueueEntry]| {
        entries
            .iter()
            .map(|e| e.label.text(Lang::En))
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "{running} | {} | {}",
        labels(&step.ready),
        labels(&step.timers)
    )
}

fn check(name: &str, expect: &[&str]) {
    let stepper = step_through(&example(name), name, Lang::En);
    let rows: Vec<String> = stepper.steps.iter().map(|s| row(&stepper, s)).collect();
    assert_eq!(rows, expect, "{name}");
    assert_eq!(stepper.truncated, None);
}

#[test]
fn hello_coroutine_step_by_step() {
    check(
        "hello_coroutine.py",
        &[
            "- | step of Task-1 | ",
            "Task-1 | step of Task-2, step of Task-3 | ",
            "- | step of Task-2, step of Task-3 | ",
            "Task-2 | step of Task-3 | end Task-2's sleep until 0.1",
            "Task-3 |  | end Task-2's sleep until 0.1, end Task-3's sleep until 0.1",
            "- | end Task-2's sleep until 0.1, end Task-3's sleep until 0.1 | ",
            "- | end Task-3's sleep until 0.1, resume Task-2 (sleep until 0.1 is done) | ",
            "- | resume Task-2 (sleep until 0.1 is done), resume Task-3 (sleep until 0.1 is done) | ",
            "- | resume Task-2 (sleep until 0.1 is done), resume Task-3 (sleep until 0.1 is done) | ",
            "Task-2 | resume Task-3 (sleep until 0.1 is done), gather's _done_callback() (task Task-2 is done) | ",
            "Task-3 | gather's _done_callback() (task Task-2 is done), gather's _done_callback() (task Task-3 is done) | ",
            "- | gather's _done_callback() (task Task-2 is done), gather's _done_callback() (task Task-3 is done) | ",
            "- | gather's _done_callback() (task Task-3 is done) | ",
            "- | resume Task-1 (gather is done) | ",
            "Task-1 | stop the loop (task Task-1 is done) | ",
            "- |  | ",
        ],
    );
}

#[test]
fn create_task_step_by_step() {
    // main schedules two callbacks, a timer and a task: the queue keeps the order they were added.
    check(
        "loop_callbacks.py",
        &[
            "- | step of Task-1 | ",
            "Task-1 | callback('call_soon, first in the ready queue'), step of Task-2, callback('call_soon, second in the ready queue') | callback('timer set for 0.2 s')",
            "- | callback('call_soon, first in the ready queue'), step of Task-2, callback('call_soon, second in the ready queue') | callback('timer set for 0.2 s')",
            "- | step of Task-2, callback('call_soon, second in the ready queue') | callback('timer set for 0.2 s')",
            "Task-2 | callback('call_soon, second in the ready queue') | end Task-2's sleep until 0.1, callback('timer set for 0.2 s')",
            "- |  | end Task-2's sleep until 0.1, callback('timer set for 0.2 s')",
            "- | end Task-2's sleep until 0.1 | callback('timer set for 0.2 s')",
            "- | resume Task-2 (sleep until 0.1 is done) | callback('timer set for 0.2 s')",
            "Task-2 | resume Task-1 (task Task-2 is done) | callback('timer set for 0.2 s')",
            "Task-1 |  | callback('timer set for 0.2 s'), end Task-1's sleep until 0.25",
            "- | callback('timer set for 0.2 s') | end Task-1's sleep until 0.25",
            "- |  | end Task-1's sleep until 0.25",
            "- | end Task-1's sleep until 0.25 | ",
            "- | resume Task-1 (sleep until 0.25 is done) | ",
            "Task-1 | stop the loop (task Task-1 is done) | ",
            "- |  | ",
        ],
    );
}

#[test]
fn tasks_states_and_arrows() {
    let stepper = step_through(
        &example("hello_coroutine.py"),
        "hello_coroutine.py",
        Lang::En,
    );
    let states = |i: usize| -> Vec<String> {
        stepper.steps[i]
            .tasks
            .iter()
            .filter(|t| !t.internal)
            .map(|t| {
                format!(
                    "{} {} {} -> {:?}",
                    t.name,
                    t.state.label(),
                    t.on.as_ref()
                        .map(|on| on.text(Lang::En))
                        .or_else(|| t.exception.clone())
                        .unwrap_or_default(),
                    t.awaits
                )
            })
            .collect()
    };
    let ids: Vec<u64> = stepper.steps[1].tasks.iter().map(|t| t.id).collect();
    // main waits on its gather, which waits for the two greet tasks: arrows to both.
    assert_eq!(
        states(1),
        [
            format!("Task-1 waiting gather -> {:?}", &ids[1..3]),
            "Task-2 pending  -> []".to_string(),
            "Task-3 pending  -> []".to_string(),
        ]
    );
    assert_eq!(states(4)[2], "Task-3 waiting sleep until 0.1 -> []");
    let last = stepper.steps.len() - 1;
    assert!(
        states(last).iter().all(|s| s.contains(" done ")),
        "{:?}",
        states(last)
    );
    // The clock and the output follow the run.
    // (to within the microseconds that the steps themselves cost)
    assert!(stepper.steps[4].time < 1e-4, "{}", stepper.steps[4].time);
    assert!(
        (stepper.steps[5].time - 0.1).abs() < 1e-4,
        "{}",
        stepper.steps[5].time
    );
    assert_eq!(
        stepper.output_at(4),
        "[0.00] Xiaoming starts\n[0.00] Xiaohong starts\n"
    );
    assert!(
        stepper
            .output_at(last)
            .ends_with("gather returned [None, None]\n")
    );
    // Each step says what happened; the first task step names what main waits for.
    assert!(
        stepper.steps[1]
            .explanation
            .starts_with("Task-1 (main) runs until it awaits gather at line 25")
    );
    assert_eq!(stepper.steps[1].line, 25);
    assert!(stepper.steps.iter().all(|s| s.explanation.ends_with('.')));
}

#[test]
fn awaiting_a_task_draws_one_arrow() {
    let stepper = step_through(&example("loop_callbacks.py"), "loop_callbacks.py", Lang::En);
    let main = &stepper.steps[1].tasks[0];
    assert_eq!(main.awaits, vec![stepper.steps[1].tasks[1].id]);
    assert_eq!(
        main.on.as_ref().map(|on| on.text(Lang::En)).as_deref(),
        Some("task Task-2")
    );
    assert!(
        stepper.steps[1]
            .explanation
            .contains("awaits Task-2 (sleeper) at line 34")
    );
}

#[test]
fn long_runs_stop_at_the_cap_and_bad_programs_still_step() {
    let busy = "import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n";
    let stepper = step_through(busy, "busy.py", Lang::En);
    assert_eq!(stepper.steps.len(), MAX_STEPS);
    assert!(stepper.truncated.as_deref().unwrap().contains("2000 steps"));
    let bad = step_through("def f(:\n", "bad.py", Lang::En);
    assert_eq!(bad.steps.len(), 1);
    assert!(
        bad.output_at(0).contains("SyntaxError"),
        "{}",
        bad.output_at(0)
    );
    let plain = step_through("print('no loop')\n", "plain.py", Lang::En);
    assert_eq!(plain.steps.len(), 1);
    assert_eq!(plain.output_at(0), "no loop\n");
    assert!(
        plain.steps[0]
            .explanation
            .contains("never starts an event loop")
    );
}

#[test]
fn big_queues_are_described_up_to_a_limit() {
    // 1,000 sleeping tasks: each step describes the first timers and counts the rest, so that
    // stepping through a big gather stays linear.
    let source = "import asyncio\n\
        async def nap(i):\n    await asyncio.sleep(1 + i / 1000)\n\
        async def main():\n    await asyncio.gather(*(nap(i) for i in range(1000)))\n\
        asyncio.run(main())\n";
    let stepper = step_through(source, "big.py", Lang::En);
    let longest = |pick: fn(&Step) -> usize| stepper.steps.iter().map(pick).max().unwrap_or(0);
    assert_eq!(longest(|s| s.ready.len()), SNAPSHOT_ENTRIES + 1);
    assert_eq!(longest(|s| s.timers.len()), SNAPSHOT_ENTRIES + 1);
    let step = stepper
        .steps
        .iter()
        .find(|s| s.timers.len() == SNAPSHOT_ENTRIES + 1 && s.ready.is_empty())
        .expect("a step with every task asleep");
    assert_eq!(
        step.timers[SNAPSHOT_ENTRIES].label.text(Lang::En),
        "... and 950 more"
    );
    // The first timers are the earliest deadlines, in order.
    assert!(
        step.timers[0]
            .label
            .text(Lang::En)
            .contains("sleep until 1.0"),
        "{:?}",
        step.timers[0].label
    );
    assert!(
        step.timers[1]
            .label
            .text(Lang::En)
            .contains("sleep until 1.001"),
        "{:?}",
        step.timers[1].label
    );
}

#[test]
fn stepping_through_prints_what_the_run_prints_in_debug_mode() {
    // The snapshots wrap each callback; debug mode's slow-callback warning must still follow it.
    let source = example("debug_mode.py");
    let stepper = step_through(&source, "debug_mode.py", Lang::En);
    let run = crate::engine::run_to_completion(&source, "debug_mode.py", Budgets::default());
    assert_eq!(stepper.output_at(stepper.steps.len() - 1), run.stdout);
}

/// A program that never ends steps to the horizon of a prediction, and says why stepping stops
/// there; so does a computation that never reaches the loop, in slices of work.
#[test]
fn a_program_that_never_ends_says_where_stepping_stops() {
    let stepper = step_through(
        "import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(10)\nasyncio.run(main())\n",
        "forever.py",
        Lang::En,
    );
    let why = stepper.truncated.as_deref().expect("a reason");
    assert!(
        why.starts_with("The run stops here, at line 5: time horizon reached"),
        "{why}"
    );
    let mut stepping = Stepping::new(
        "while True:\n    pass\n",
        "busy.py",
        Budgets::PREDICTION,
        Lang::En,
    );
    let mut slices = 0;
    let stepper = loop {
        slices += 1;
        if let Some(stepper) = stepping.advance(10_000) {
            break stepper;
        }
    };
    assert!(slices > 100, "{slices} slices");
    assert!(
        stepper
            .truncated
            .as_deref()
            .is_some_and(|why| why.contains("step budget exhausted")),
        "{:?}",
        stepper.truncated
    );
    assert_eq!(stepper.steps.len(), 1);
}
