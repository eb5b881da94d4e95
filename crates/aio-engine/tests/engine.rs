//! Engine tests: scheduling with virtual times, errors and tracebacks, budgets, the sliced
//! and real-time driver modes, and a never-panics property test.

use aio_engine::engine::{
    Budgets, Engine, Limit, Missing, Outcome, Poll, RunResult, Stopped, Stream, Topic, Unsupported,
    run_to_completion,
};
use proptest::prelude::*;

/// Runs on a big stack (deep Python recursion is deep Rust recursion).
fn run(src: &str) -> aio_engine::engine::RunResult {
    run_with(src, Budgets::default())
}

fn run_with(src: &str, budgets: Budgets) -> aio_engine::engine::RunResult {
    let src = src.to_string();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || run_to_completion(&src, "prog.py", budgets))
        .expect("spawn")
        .join()
        .expect("engine panicked")
}

/// (virtual time rounded to ms, stdout line) pairs.
fn timed_lines(src: &str) -> Vec<(u64, String)> {
    let r = run(src);
    assert_eq!(r.exit_status, 0, "stderr: {}", r.stderr);
    let mut out = Vec::new();
    for c in r.output.iter().filter(|c| c.stream == Stream::Stdout) {
        for line in c.text.lines() {
            out.push(((c.time * 1000.0).round() as u64, line.to_string()));
        }
    }
    out
}

fn lines(v: &[(u64, &str)]) -> Vec<(u64, String)> {
    v.iter().map(|(t, s)| (*t, s.to_string())).collect()
}

#[test]
fn scheduler_cases() {
    let cases: &[(&str, &[(u64, &str)])] = &[
        (
            "import asyncio\nasync def w(n, d):\n    print('start', n)\n    await asyncio.sleep(d)\n    print('end', n)\nasync def main():\n    await asyncio.gather(w(1, 0.2), w(2, 0.1))\nasyncio.run(main())\n",
            &[
                (0, "start 1"),
                (0, "start 2"),
                (100, "end 2"),
                (200, "end 1"),
            ],
        ),
        (
            // A new task's first step runs on a later iteration; call_soon callbacks interleave FIFO.
            "import asyncio\nasync def t():\n    print('task')\nasync def main():\n    loop = asyncio.get_running_loop()\n    asyncio.create_task(t())\n    loop.call_soon(print, 'soon')\n    print('main')\n    await asyncio.sleep(0)\n    print('after')\nasyncio.run(main())\n",
            &[(0, "main"), (0, "task"), (0, "soon"), (0, "after")],
        ),
        (
            // time.sleep blocks the loop and advances the virtual clock.
            "import asyncio, time\nasync def main():\n    time.sleep(0.5)\n    print('slept')\n    await asyncio.sleep(0.25)\n    print('done')\nasyncio.run(main())\n",
            &[(500, "slept"), (750, "done")],
        ),
        (
            // Cancellation is delivered at the next suspension point.
            "import asyncio\nasync def w():\n    try:\n        await asyncio.sleep(1)\n    except asyncio.CancelledError:\n        print('cancelled')\n        raise\nasync def main():\n    t = asyncio.create_task(w())\n    await asyncio.sleep(0.1)\n    t.cancel()\n    print('requested')\n    try:\n        await t\n    except asyncio.CancelledError:\n        print('main saw it', t.cancelled())\nasyncio.run(main())\n",
            &[
                (100, "requested"),
                (100, "cancelled"),
                (100, "main saw it True"),
            ],
        ),
    ];
    for (src, expected) in cases {
        assert_eq!(timed_lines(src), lines(expected), "program:\n{src}");
    }
}

#[test]
fn uncaught_exception_prints_cpython_traceback() {
    let r = run("def f(x):\n    return x / 0\n\nf(1)\n");
    assert_eq!(r.exit_status, 1);
    assert_eq!(
        r.stderr,
        "Traceback (most recent call last):\n  File \"prog.py\", line 4, in <module>\n    f(1)\n  File \"prog.py\", line 2, in f\n    return x / 0\n           ~~^~~\nZeroDivisionError: division by zero\n"
    );
}

#[test]
fn chained_exceptions_and_asyncio_run_frames() {
    let src = "import asyncio\nasync def main():\n    try:\n        {}['k']\n    except KeyError as e:\n        raise ValueError('bad') from e\nasyncio.run(main())\n";
    let r = run(src);
    assert_eq!(r.exit_status, 1);
    assert!(r.stderr.contains(
        "KeyError: 'k'\n\nThe above exception was the direct cause of the following exception:\n\n"
    ));
    assert!(
        r.stderr
            .contains("  File \"runners.py\", line 190, in run\n    return runner.run(main)\n")
    );
    assert!(r.stderr.ends_with("ValueError: bad\n"));
}

#[test]
fn syntax_error_exits_1() {
    let r = run("x = (\n");
    assert_eq!(r.exit_status, 1);
    assert!(r.stderr.contains("SyntaxError"));
}

/// A module of the standard library that the engine lacks is named, with the page that says
/// what runs; a module outside it is not installed, as in a fresh CPython (so `except
/// ImportError` fallbacks work).
#[test]
fn unsupported_imports_say_so() {
    let r = run("import sqlite3\n");
    assert_eq!(r.exit_status, 1);
    assert!(
        r.stderr.ends_with(
            "NotImplementedError: the module 'sqlite3' is not in this page's Python yet (see \"What runs in the page\" in the book)\n"
        ),
        "{}",
        r.stderr
    );
    let r = run(
        "try:\n    import uvloop\nexcept ImportError as e:\n    print(type(e).__name__, e)\nimport numpy.linalg\n",
    );
    assert_eq!(r.stdout, "ModuleNotFoundError No module named 'uvloop'\n");
    assert!(
        r.stderr
            .ends_with("    import numpy.linalg\nModuleNotFoundError: No module named 'numpy'\n"),
        "{}",
        r.stderr
    );
}

/// The engine keeps a typed list of what a program reached for and it lacks, for the page to
/// link to "What runs in the page".
#[test]
fn unsupported_parts_are_recorded_with_their_topic() {
    let mut engine = Engine::new(
        "try:\n    import sqlite3\nexcept NotImplementedError:\n    pass\ninput()\n",
        "prog.py",
        Budgets::default(),
    )
    .expect("parse");
    while !matches!(engine.poll(0.0, None), Poll::Finished(_)) {}
    assert_eq!(
        engine.unsupported(),
        [
            Unsupported {
                what: Missing::Module("sqlite3".into()),
                topic: Topic::Modules
            },
            Unsupported {
                what: Missing::Input,
                topic: Topic::InputOutput
            },
        ]
    );
    assert_eq!(Topic::InputOutput.anchor(), "io");
}

#[test]
fn step_budget_stops_infinite_loop() {
    let r = run_with(
        "while True:\n    pass\n",
        Budgets {
            max_steps: 10_000,
            ..Budgets::default()
        },
    );
    assert_eq!(r.exit_status, 1);
    assert_eq!(
        stopped(&r).limit,
        Limit::Steps { steps: 10_000 },
        "{}",
        r.stderr
    );
    // The engine prints nothing of its own: the outcome says why the run ended.
    assert_eq!(r.stderr, "");
}

#[test]
fn recursion_limit_raises_recursion_error() {
    let r = run("def f(n):\n    return f(n + 1)\nf(0)\n");
    assert_eq!(r.exit_status, 1);
    assert!(
        r.stderr
            .ends_with("RecursionError: maximum recursion depth exceeded\n"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("[Previous line repeated"));
}

#[test]
fn memory_budget_stops_growing_list() {
    let r = run_with(
        "xs = []\nwhile True:\n    xs.append(1)\n",
        Budgets {
            max_alloc: 50_000,
            ..Budgets::default()
        },
    );
    assert_eq!(r.exit_status, 1);
    assert_eq!(stopped(&r).limit, Limit::Memory { values: 50_000 });
    assert_eq!(stopped(&r).line, 3);
}

fn stopped(r: &RunResult) -> &Stopped {
    r.outcome.stopped().expect("the engine stopped the run")
}

/// A program that never ends, though it awaits: a prediction stops at its horizon of program
/// time, having printed what it printed until then.
#[test]
fn a_prediction_stops_at_its_time_horizon() {
    let r = run_with(
        "import asyncio\n\nasync def main():\n    i = 0\n    while True:\n        await asyncio.sleep(0.5)\n        i += 1\n        print('tick', i)\n\nasyncio.run(main())\n",
        Budgets {
            max_program_seconds: 60.0,
            ..Budgets::PREDICTION
        },
    );
    assert_eq!(stopped(&r).limit, Limit::ProgramTime { seconds: 60.0 });
    assert_eq!(r.stdout.lines().count(), 119, "{}", r.stdout);
    assert!(r.stdout.ends_with("tick 119\n"));
    assert_eq!(r.stderr, "");
}

/// `time.sleep` in a loop moves the clock without the event loop: the horizon holds there too.
#[test]
fn blocking_sleeps_reach_the_horizon_too() {
    let r = run_with(
        "import time\nwhile True:\n    time.sleep(1)\n",
        Budgets {
            max_program_seconds: 10.0,
            ..Budgets::PREDICTION
        },
    );
    assert_eq!(stopped(&r).limit, Limit::ProgramTime { seconds: 10.0 });
    assert_eq!(stopped(&r).line, 3);
}

/// Printing without end stops at the output budget, in lines or in bytes (one huge line), and
/// the output kept is exactly the budget.
#[test]
fn output_stops_at_its_budget() {
    let r = run_with(
        "i = 0\nwhile True:\n    i += 1\n    print(i)\n",
        Budgets {
            max_output_lines: 100,
            ..Budgets::PREDICTION
        },
    );
    assert_eq!(stopped(&r).limit, Limit::OutputLines { lines: 100 });
    assert_eq!(r.stdout.lines().count(), 101);
    let r = run_with(
        "print('é' * 1_000_000)\nprint('never')\n",
        Budgets {
            max_output_bytes: 1001,
            ..Budgets::PREDICTION
        },
    );
    assert_eq!(stopped(&r).limit, Limit::OutputBytes { bytes: 1001 });
    // Cut at a character boundary: 500 two-byte characters.
    assert_eq!(r.stdout, "é".repeat(500));
}

#[test]
fn a_deadlock_is_an_outcome() {
    let r = run(
        "import asyncio\nasync def main():\n    await asyncio.get_running_loop().create_future()\nasyncio.run(main())\n",
    );
    assert_eq!(
        stopped(&r).limit,
        Limit::Deadlock {
            infinite_sleep: false
        }
    );
}

#[test]
fn sliced_polling_gives_the_same_output() {
    let src = "import asyncio\nasync def w(i):\n    for k in range(50):\n        await asyncio.sleep(0.01)\n    print('w', i)\nasync def main():\n    await asyncio.gather(*(w(i) for i in range(3)))\nasyncio.run(main())\n";
    let whole = run(src);
    let src2 = src.to_string();
    let sliced = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let mut e = Engine::new(&src2, "prog.py", Budgets::default()).expect("parse");
            let mut now = 0.0;
            let mut yields = 0;
            let mut out = String::new();
            loop {
                let polled = e.poll(now, Some(7));
                // Output first: the last slice prints too.
                for c in e.drain_output() {
                    out.push_str(&c.text);
                }
                match polled {
                    Poll::Yielded => yields += 1,
                    Poll::WaitUntil(d) => now = d,
                    Poll::Finished(outcome) => {
                        assert_eq!(outcome, Outcome::Exited { status: 0 });
                        break;
                    }
                }
            }
            assert!(yields > 10);
            out
        })
        .expect("spawn")
        .join()
        .expect("no panic");
    assert_eq!(sliced, whole.stdout);
}

#[test]
fn real_time_mode_reports_deadlines() {
    let src = "import asyncio, time\nasync def main():\n    time.sleep(1.0)\n    await asyncio.sleep(0.5)\n    print('t', round(time.perf_counter(), 3))\nasyncio.run(main())\n";
    let mut e = Engine::new(src, "prog.py", Budgets::default()).expect("parse");
    // time.sleep(1.0) advances the engine's own offset: the asyncio deadline is 0.5 s of
    // driver time away, not 1.5 s.
    match e.poll(0.0, None) {
        Poll::WaitUntil(d) => assert!((d - 0.5).abs() < 1e-9, "deadline {d}"),
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(e.poll(0.2, None), Poll::WaitUntil(0.5));
    assert_eq!(
        e.poll(0.5, None),
        Poll::Finished(Outcome::Exited { status: 0 })
    );
    let text: String = e.drain_output().into_iter().map(|c| c.text).collect();
    assert_eq!(text, "t 1.5\n");
}

#[test]
fn trace_records_tasks_and_output() {
    let r = run(
        "import asyncio\nasync def main():\n    await asyncio.sleep(0.1)\n    print('x')\nasyncio.run(main())\n",
    );
    let json = serde_json::to_string(&r.trace).expect("serialise");
    assert!(json.contains("\"kind\":\"task_created\""));
    assert!(json.contains("\"name\":\"Task-1\""));
    assert!(json.contains("\"kind\":\"timer_scheduled\""));
    assert!(json.contains("\"kind\":\"output\""));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_programs_never_panic(src in "[a-z0-9_ ():=+*/\\[\\]{}.,'\"\\n-]{0,120}") {
        let budgets = Budgets { max_steps: 20_000, max_depth: 60, max_alloc: 20_000, ..Budgets::default() };
        let r = run_with(&src, budgets);
        prop_assert!(r.exit_status >= 0);
    }

    #[test]
    fn mutated_snippets_never_panic(idx in 0usize..SNIPPETS.len(), cut in 0usize..400, junk in "[ a-z()\\[\\]:=\\n]{0,8}") {
        let base = SNIPPETS[idx];
        let cut = cut.min(base.len());
        let cut = (0..=cut).rev().find(|c| base.is_char_boundary(*c)).unwrap_or(0);
        let src = format!("{}{}{}", &base[..cut], junk, &base[cut..]);
        let budgets = Budgets { max_steps: 50_000, max_depth: 80, max_alloc: 50_000, ..Budgets::default() };
        let _ = run_with(&src, budgets);
    }
}

const SNIPPETS: &[&str] = &[
    "import asyncio\nasync def w(i):\n    await asyncio.sleep(0.1 * i)\n    return i\nasync def main():\n    r = await asyncio.gather(*(w(i) for i in range(3)))\n    print(r)\nasyncio.run(main())\n",
    "import asyncio\nasync def main():\n    q = asyncio.Queue()\n    await q.put(1)\n    async with asyncio.timeout(0.5):\n        print(await q.get())\nasyncio.run(main())\n",
    "class A(Exception):\n    def __init__(self, m):\n        super().__init__(m)\ntry:\n    raise A('x')\nexcept A as e:\n    print(e, [x for x in range(3)], {'a': 1}.get('a'))\n",
    "def g():\n    yield 1\n    yield from [2, 3]\nprint(list(g()), sorted([3, 1]), f'{1.5:.2f}')\n",
];

/// Debug mode and `logging` where CPython's output is not reproducible (exact durations, the
/// real clock) and so has no recorded oracle program: (program, stdout, stderr).
#[test]
fn debug_mode_and_logging_cases() {
    let cases: &[(&str, &str, &str)] = &[
        (
            // Without `import logging` the slow-step warning still reaches stderr (lastResort:
            // the message only), with the exact virtual duration; DEBUG lines are dropped.
            "import asyncio, time\nasync def f():\n    time.sleep(0.25)\nasync def main():\n    await asyncio.create_task(f(), name='t')\nasyncio.run(main(), debug=True)\n",
            "",
            "Executing <Task finished name='t' coro=<f() done, defined at prog.py:2> result=None created at tasks.py:384> took 0.250 seconds\n",
        ),
        (
            // Not in debug mode: no timing, no message.
            "import asyncio, time\nasync def main():\n    time.sleep(0.25)\n    print(asyncio.get_running_loop().get_debug())\nasyncio.run(main())\n",
            "False\n",
            "",
        ),
        (
            // asctime comes from the virtual clock (2024-01-01 00:00:00 UTC at time 0).
            "import logging, time\nlogging.basicConfig(format='%(asctime)s %(msecs)03d %(message)s')\ntime.sleep(1.5)\nlogging.warning('late')\nlogging.basicConfig(force=True, format='%(asctime)s|%(message)s', datefmt='%H:%M:%S')\nlogging.error('fmt')\n",
            "",
            "2024-01-01 00:00:01,500 500 late\n00:00:01|fmt\n",
        ),
        (
            // What the engine leaves out says so.
            "import logging\nlogging.basicConfig(filename='app.log')\n",
            "",
            "Traceback (most recent call last):\n  File \"prog.py\", line 2, in <module>\n    logging.basicConfig(filename='app.log')\nNotImplementedError: logging to a file (basicConfig(filename=...)) is not in this page's Python yet (see \"What runs in the page\" in the book)\n",
        ),
    ];
    for (src, out, err) in cases {
        let r = run(src);
        assert_eq!(
            (r.stdout.as_str(), r.stderr.as_str()),
            (*out, *err),
            "{src}"
        );
    }
}
