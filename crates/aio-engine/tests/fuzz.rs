//! Fuzzing the parser and the interpreter: whatever a reader types, they never panic and never
//! hang. Four generators, each run through the whole engine with small budgets:
//!
//! - arbitrary bytes (as the editor would hand them over, lossily decoded);
//! - Python-looking token soup (keywords, operators, indents, literals);
//! - mutations of real programs: the CPython reference programs (`../shared/asyncio-reference`)
//!   and the engine's own (`tests/programs`), with lines cut, duplicated, swapped, re-indented,
//!   tokens inserted and numbers replaced by extreme ones;
//! - deep nesting (brackets, unary operators, lambdas, `await`, blocks), the classic stack killer.
//!
//! `cargo test` (and so `cargo xtask test`) runs a short campaign; `cargo xtask fuzz --cases N` or
//! `--seconds S` runs a longer one (environment: `AIO_FUZZ_CASES` per generator,
//! `AIO_FUZZ_SECONDS` in all, `AIO_FUZZ_SEED`). A case that takes longer than [`HANG_SECONDS`]
//! stops the process with the program printed. Programs that once broke the engine live in
//! `tests/fuzz_regressions/`, with CPython's output, and run every time.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::{Duration, Instant};

use aio_engine::engine::{Budgets, Engine, Poll};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

/// Small budgets: a case ends quickly whatever the program does.
const FUZZ_BUDGETS: Budgets = Budgets {
    max_steps: 20_000,
    max_depth: 100,
    max_alloc: 50_000,
    ..Budgets::PREDICTION
};

/// Polls a program may take: each poll runs at least one step or moves the clock to a deadline,
/// and the step budget ends every program, so more polls than steps means a loop that makes no
/// progress.
const MAX_POLLS: u64 = 2 * FUZZ_BUDGETS.max_steps + 100;

/// One case running longer than this is a hang.
const HANG_SECONDS: u64 = 20;

/// Cases per generator in a plain `cargo test`: well under a minute for all four together.
const DEFAULT_CASES: u32 = 5_000;

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The `.py` files of `dir`, sorted, as (name, source).
fn programs_in(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|path| path.extension().is_some_and(|ext| ext == "py"));
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let source = std::fs::read_to_string(&path).unwrap();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                source,
            )
        })
        .collect()
}

/// The programs the mutations start from.
static CORPUS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut corpus: Vec<String> = programs_in(&manifest_dir().join("tests/programs"))
        .into_iter()
        .chain(programs_in(
            &manifest_dir().join("../../../shared/asyncio-reference"),
        ))
        .map(|(_, source)| source)
        .collect();
    assert!(
        corpus.len() >= 40,
        "the fuzz corpus is the reference programs ({} found)",
        corpus.len()
    );
    corpus.sort();
    corpus
});

#[rustfmt::skip]
const TOKENS: &[&str] = &[
    "async ", "def ", "await ", "return ", "yield ", "yield from ", "raise ", "try:", "except ",
    "finally:", "else:", "elif ", "if ", "while ", "for ", " in ", "with ", "async with ",
    "async for ", "class ", "lambda ", "global ", "nonlocal ", "del ", "pass", "break",
    "continue", "import asyncio", "from asyncio import *", " as ", "not ", " and ", " or ",
    " is ", "None", "True", "False", "asyncio", ".", "sleep", "gather", "create_task", "run",
    "Queue", "Event", "Lock", "Semaphore", "wait_for", "timeout", "TaskGroup", "print", "(", ")",
    "[", "]", "{", "}", ":", ",", ";", "=", "==", "+=", "-", "+", "*", "**", "/", "//", "%", "@",
    "<", ">", "<=", "!=", "->", "...", "\n", "\n    ", "\n        ", "\t", " ", "x", "main",
    "self", "0", "1", "-1", "0.1", "1e308", "10**100", "2**63", "-0.0", "float('nan')",
    "float('inf')", "'s'", "\"\"\"", "f'{x}'", "f'{x!r:>{1}}'", "b'x'", "\\", "#", "*args",
    "**kw", "range(3)", "len(", "str(", "list(", "dict(", "super()",
];

/// Numbers a mutation may put in place of another.
#[rustfmt::skip]
const NUMBERS: &[&str] = &[
    "0", "-1", "1e308", "-1e308", "1e-320", "10**20", "2**64", "0.0", "-0.0", "1_000",
    "float('nan')", "float('inf')", "99999999999999999999", "0x7fffffff", "True",
];

#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    Indent(Index, bool),
    InsertToken(Index, Index),
    CutBytes(Index, usize),
    ReplaceNumber(Index, Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<Index>().prop_map(Mutation::DeleteLine),
        any::<Index>().prop_map(Mutation::DuplicateLine),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (any::<Index>(), any::<bool>()).prop_map(|(a, deeper)| Mutation::Indent(a, deeper)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, t)| Mutation::InsertToken(a, t)),
        (any::<Index>(), 1usize..40).prop_map(|(a, n)| Mutation::CutBytes(a, n)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, n)| Mutation::ReplaceNumber(a, n)),
    ]
}

/// The nearest char boundary at or before `at`.
fn boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

fn apply(source: &str, mutation: &Mutation) -> String {
    let mut lines: Vec<String> = source.split('\n').map(str::to_string).collect();
    match mutation {
        Mutation::DeleteLine(i) => {
            lines.remove(i.index(lines.len()));
        }
        Mutation::DuplicateLine(i) => {
            let at = i.index(lines.len());
            lines.insert(at, lines[at].clone());
        }
        Mutation::SwapLines(a, b) => {
            let (a, b) = (a.index(lines.len()), b.index(lines.len()));
            lines.swap(a, b);
        }
        Mutation::Indent(i, deeper) => {
            let at = i.index(lines.len());
            let line = &mut lines[at];
            if *deeper {
                line.insert_str(0, "    ");
            } else {
                *line = line.strip_prefix("    ").unwrap_or(line).to_string();
            }
        }
        Mutation::InsertToken(at, token) => {
            let at = boundary(source, at.index(source.len() + 1));
            return format!("{}{}{}", &source[..at], token.get(TOKENS), &source[at..]);
        }
        Mutation::CutBytes(at, n) => {
            let start = boundary(source, at.index(source.len() + 1));
            let end = boundary(source, start + n);
            return format!("{}{}", &source[..start], &source[end.max(start)..]);
        }
        Mutation::ReplaceNumber(which, number) => {
            let digits: Vec<usize> = source
                .char_indices()
                .filter(|(i, c)| {
                    c.is_ascii_digit()
                        && !source[..*i].ends_with(|p: char| p.is_ascii_alphanumeric() || p == '_')
                })
                .map(|(i, _)| i)
                .collect();
            if digits.is_empty() {
                return source.to_string();
            }
            let start = digits[which.index(digits.len())];
            let len = source[start..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
                .unwrap_or(source.len() - start);
            return format!(
                "{}{}{}",
                &source[..start],
                number.get(NUMBERS),
                &source[start + len..]
            );
        }
    }
    lines.join("\n")
}

fn mutated_program() -> impl Strategy<Value = String> {
    (any::<Index>(), proptest::collection::vec(mutation(), 1..8)).prop_map(
        |(program, mutations)| {
            let mut source = program.get(&CORPUS).clone();
            for mutation in &mutations {
                source = apply(&source, mutation);
            }
            source
        },
    )
}

fn arbitrary_bytes() -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<u8>(), 0..400)
        .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

fn token_soup() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(TOKENS), 0..120).prop_map(|t| t.concat())
}

fn deep_nesting() -> impl Strategy<Value = String> {
    let shapes: &[(&str, &str, &str)] = &[
        ("(", "1", ")"),
        ("[", "1", "]"),
        ("{", "1", "}"),
        ("{1: ", "1", "}"),
        ("-", "1", ""),
        ("not ", "x", ""),
        ("lambda: ", "1", ""),
        ("await ", "x", ""),
        ("f'{", "1", "}'"),
        ("x if ", "y", " else z"),
        ("(yield ", "1", ")"),
        ("*", "x", ""),
    ];
    (proptest::sample::select(shapes), 1usize..400, any::<bool>()).prop_map(
        |((open, middle, close), depth, as_blocks)| {
            if as_blocks {
                // Nested blocks: each level one more indent.
                let mut source = String::from("async def main():\n");
                for level in 1..=depth.min(200) {
                    source.push_str(&"    ".repeat(level));
                    source.push_str(if level % 2 == 0 {
                        "while x:\n"
                    } else {
                        "if x:\n"
                    });
                }
                source.push_str(&"    ".repeat(depth.min(200) + 1));
                source.push_str("pass\n");
                source
            } else {
                format!(
                    "async def main(x, y, z):\n    return {}{middle}{}\n",
                    open.repeat(depth),
                    close.repeat(depth)
                )
            }
        },
    )
}

/// What the watchdog knows about the case under way.
#[derive(Debug)]
struct Current {
    origin: Instant,
    /// Milliseconds after `origin` when the case started; 0 between cases.
    started_ms: AtomicU64,
    source: Mutex<String>,
}

/// The case under way, watched by a thread that stops the process if one takes too long (a loop
/// inside the engine cannot be interrupted any other way).
static CURRENT: LazyLock<Arc<Current>> = LazyLock::new(|| {
    let current = Arc::new(Current {
        origin: Instant::now(),
        started_ms: AtomicU64::new(0),
        source: Mutex::new(String::new()),
    });
    let watched = current.clone();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(500));
            let started = watched.started_ms.load(Ordering::SeqCst);
            let now = watched.origin.elapsed().as_millis() as u64;
            if started != 0 && now.saturating_sub(started) > HANG_SECONDS * 1000 {
                let source = watched.source.lock().map(|s| s.clone()).unwrap_or_default();
                eprintln!("fuzz: a case ran for over {HANG_SECONDS} s (a hang):\n{source:?}");
                std::process::exit(101);
            }
        }
    });
    current
});

/// Runs `source` through the whole engine like the widgets do (parse, then poll in virtual
/// time); fails if it does not finish within [`MAX_POLLS`]. A panic fails the case too.
fn run_case(source: &str) -> Result<(), TestCaseError> {
    let current = &*CURRENT;
    *current.source.lock().unwrap() = source.to_string();
    let started = current.origin.elapsed().as_millis().max(1) as u64;
    current.started_ms.store(started, Ordering::SeqCst);
    let result = (|| {
        let Ok(mut engine) = Engine::new(source, "fuzz.py", FUZZ_BUDGETS) else {
            return Ok(());
        };
        engine.enable_trace(true);
        let mut now = 0.0;
        for _ in 0..MAX_POLLS {
            match engine.poll(now, Some(1_000)) {
                Poll::WaitUntil(deadline) => {
                    // `sleep(float('inf'))` may ask for forever; never for NaN.
                    prop_assert!(!deadline.is_nan(), "a deadline of NaN");
                    now = deadline.max(now);
                }
                Poll::Yielded => {}
                Poll::Finished(_) => {
                    engine.drain_output();
                    engine.drain_trace();
                    return Ok(());
                }
            }
        }
        Err(TestCaseError::fail(format!(
            "not finished after {MAX_POLLS} polls"
        )))
    })();
    current.started_ms.store(0, Ordering::SeqCst);
    result
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().map(|value| {
        value
            .parse()
            .unwrap_or_else(|_| panic!("{name}={value}: not a number"))
    })
}

/// Runs `strategy` for `cases` cases, or in batches until `until` when given. Returns the number
/// of executions.
fn campaign<S: Strategy<Value = String>>(
    name: &str,
    strategy: S,
    cases: u32,
    until: Option<Instant>,
) -> u64 {
    let seed = env_number("AIO_FUZZ_SEED").unwrap_or(0x5eed_a510);
    let started = Instant::now();
    let executions = std::cell::Cell::new(0u64);
    let mut batch = 0u64;
    loop {
        let mut seed_bytes = [0u8; 32];
        seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
        seed_bytes[8..16].copy_from_slice(&batch.to_le_bytes());
        seed_bytes[16..16 + name.len().min(16)]
            .copy_from_slice(&name.as_bytes()[..name.len().min(16)]);
        let config = Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        };
        let mut runner = TestRunner::new_with_rng(
            config,
            TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes),
        );
        let result = runner.run(&strategy, |source| {
            executions.set(executions.get() + 1);
            run_case(&source)
        });
        if let Err(error) = result {
            panic!("fuzz {name} (seed {seed}, batch {batch}): {error}");
        }
        batch += 1;
        if until.is_none_or(|until| Instant::now() >= until) {
            break;
        }
    }
    eprintln!(
        "fuzz {name}: {} executions in {:.1} s",
        executions.get(),
        started.elapsed().as_secs_f64()
    );
    executions.get()
}

/// Every program that once broke the engine finishes now, and prints what CPython 3.11.7 printed
/// when that was recorded (`NAME.out` / `NAME.err` beside it, from `python3 -W default NAME.py`;
/// a program CPython never finishes has none).
#[test]
fn the_regressions_finish_and_run_like_cpython() {
    let dir = manifest_dir().join("tests/fuzz_regressions");
    let programs = programs_in(&dir);
    assert!(programs.len() >= 3, "the fuzz regressions are found");
    for (name, source) in programs {
        if let Err(error) = run_case(&source) {
            panic!("{name}: {error}");
        }
        let result =
            aio_engine::engine::run_program_to_end(&source, &name, Budgets::default(), false);
        let recorded = |ext: &str| std::fs::read_to_string(dir.join(name.replace(".py", ext))).ok();
        if let (Some(out), Some(err)) = (recorded(".out"), recorded(".err")) {
            assert_eq!(result.stdout, out, "{name}: stdout");
            assert_eq!(result.stderr, err, "{name}: stderr");
        }
    }
}

#[test]
fn the_engine_never_panics_or_hangs_on_fuzzed_programs() {
    let seconds = env_number("AIO_FUZZ_SECONDS");
    let cases = env_number("AIO_FUZZ_CASES").map_or(DEFAULT_CASES, |n| n as u32);
    let started = Instant::now();
    // With a time budget, each generator gets a quarter of it, in batches of `cases`.
    let share = seconds.map(|s| Duration::from_secs_f64(s as f64 / 4.0));
    let until = |i: u32| share.map(|share| started + share * (i + 1));
    let total = campaign("bytes", arbitrary_bytes(), cases, until(0))
        + campaign("tokens", token_soup(), cases, until(1))
        + campaign("mutations", mutated_program(), cases, until(2))
        + campaign("nesting", deep_nesting(), cases, until(3));
    eprintln!(
        "fuzz: {total} executions in {:.1} s, no panic, no hang",
        started.elapsed().as_secs_f64()
    );
}
