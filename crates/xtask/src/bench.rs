//! `cargo xtask bench`: what the book costs, measured, next to CPython in the same run.
//!
//! Prints one JSON object:
//! - `widgets`: bytes of the wasm, the JS glue, the loader and the CSS (raw, gzip, brotli);
//! - `pages`: each chapter's HTML bytes and the milliseconds from navigation to the first widget
//!   that answers a reader's keystroke or click (median of 3 cold loads), print.html's bytes and
//!   the search index's;
//! - `lab`: for each timeline-lab strategy with durations 0.3/0.2/0.1 s, the measured-minus-ideal
//!   total in ms (median and p95 of 20 runs) on Chromium's event loop, and the same three
//!   programs in CPython's asyncio;
//! - `repredict_ms`: how long the page's engine takes to re-run each book example in virtual time
//!   when the reader edits it (median per example, then the median and the worst of those);
//! - `engine`: wall time of the `aio` engine and of `python3` on CPU-heavy asyncio programs
//!   (`tests/bench/engine/*.py`), best of 3, and their ratio; and the time of one in-process run
//!   of each reference program (`aio time`).
//!
//! Nothing here asserts: the numbers go in notes and issues, the tests stay free of timing.

use std::process::{Command, Stdio};
use std::time::Instant;

use aio_core::lab::{self, LabTask, Strategy};
use anyhow::{Context, bail};
use serde_json::{Value, json};

use crate::build::{build_site, pkg_dir, site_dir};
use crate::conformance::{build_engine, python_programs};
use crate::serve::StaticServer;
use crate::test::{SUB_PATH, which};
use crate::tools::{self, tool};
use crate::util::root;

/// Runs per strategy, in the browser and in CPython.
const RUNS: usize = 20;

/// The lab the overhead is measured on (the one the issue and the e2e tests use).
const DURATIONS: [f64; 3] = [0.3, 0.2, 0.1];

pub(crate) fn run() -> anyhow::Result<()> {
    tools::ensure_test_tools()?;
    build_site()?;
    let browser = browser_bench()?;
    let report = json!({
        "widgets": browser.get("sizes").cloned().unwrap_or(Value::Null),
        "pages": browser.get("pages").cloned().unwrap_or(Value::Null),
        "repredict_ms": browser.get("repredict_ms").cloned().unwrap_or(Value::Null),
        "lab": {
            "durations_s": DURATIONS,
            "runs": RUNS,
            "browser_overhead_ms": browser.get("overhead_ms").cloned().unwrap_or(Value::Null),
            "cpython_overhead_ms": cpython_lab_overhead()?,
        },
        "engine": engine_bench()?,
    });
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}

fn lab_tasks() -> Vec<LabTask> {
    DURATIONS
        .iter()
        .enumerate()
        .map(|(i, &seconds)| LabTask {
            name: format!("task_{}", i + 1),
            seconds,
        })
        .collect()
}

/// Sizes and the lab's real-time overhead in headless Chromium (`tests/bench/lab.mjs`).
fn browser_bench() -> anyhow::Result<Value> {
    let server = StaticServer::bind(0, site_dir(), SUB_PATH)?;
    let url = server.url();
    std::thread::spawn(move || server.run());
    let output = tool("node")
        .arg("bench/lab.mjs")
        .current_dir(root().join("tests"))
        .env("AIO_BOOK_URL", url)
        .env("AIO_CHROMIUM", which("chromium"))
        .env("AIO_PKG_DIR", pkg_dir())
        .env("AIO_SITE_DIR", site_dir())
        .env("AIO_ASSETS_DIR", root().join("www"))
        .env("AIO_RUNS", RUNS.to_string())
        .stderr(Stdio::inherit())
        .output()
        .context("running tests/bench/lab.mjs")?;
    if !output.status.success() {
        bail!("tests/bench/lab.mjs failed");
    }
    serde_json::from_slice(&output.stdout).context("tests/bench/lab.mjs printed no JSON")
}

/// The lab's three programs in CPython: the same code the lab shows, timed around `main()`.
fn cpython_lab_overhead() -> anyhow::Result<Value> {
    let tasks = lab_tasks();
    let mut results = serde_json::Map::new();
    for strategy in Strategy::ALL {
        let code = lab::python_code(strategy, &tasks).replace("asyncio.run(main())\n", "");
        let ideal = lab::predict(strategy, &tasks).total;
        let harness = format!(
            "{code}\nimport builtins, json, sys\n_write = sys.stdout.write\nbuiltins.print = lambda *a, **k: None\n\
             async def _timed():\n    t0 = time.perf_counter()\n    await main()\n    return time.perf_counter() - t0\n\
             _write(json.dumps([asyncio.run(_timed()) for _ in range({RUNS})]))\n"
        );
        let output = Command::new("python3").args(["-c", &harness]).output()?;
        if !output.status.success() {
            bail!(
                "python3 failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        let totals: Vec<f64> = serde_json::from_slice(&output.stdout)?;
        let overheads: Vec<f64> = totals
            .iter()
            .map(|total| (total - ideal) * 1000.0)
            .collect();
        results.insert(strategy.key().to_owned(), stats(overheads));
    }
    Ok(Value::Object(results))
}

/// `{"median": …, "p95": …}` of some milliseconds, rounded to µs.
fn stats(mut values: Vec<f64>) -> Value {
    values.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let index = ((values.len() as f64 - 1.0) * q).round() as usize;
        (values[index] * 1000.0).round() / 1000.0
    };
    json!({ "median": at(0.5), "p95": at(0.95) })
}

/// The engine against CPython on CPU-heavy programs, and on the reference programs.
fn engine_bench() -> anyhow::Result<Value> {
    let aio = build_engine()?;
    let dir = root().join("tests/bench/engine");
    let programs = python_programs(&dir)?;
    let mut results = serde_json::Map::new();
    for program in &programs {
        let engine = best_of_3(Command::new(&aio).arg("run").arg(program))?;
        let cpython = best_of_3(Command::new("python3").arg(program))?;
        results.insert(
            program
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            json!({
                "engine_ms": round_ms(engine),
                "cpython_ms": round_ms(cpython),
                "ratio": (engine / cpython * 1000.0).round() / 1000.0,
            }),
        );
    }
    // One run of each reference program inside one process (`aio time`): what a re-prediction
    // costs natively, without process start-up.
    let reference = crate::conformance::default_dir();
    let mut per_program = serde_json::Map::new();
    for path in python_programs(&reference)? {
        let output = Command::new(&aio).arg("time").arg(&path).output()?;
        let timing: Value = serde_json::from_slice(&output.stdout)
            .with_context(|| format!("aio time {}", path.display()))?;
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        per_program.insert(name, timing["median_us"].clone());
    }
    let mut medians: Vec<f64> = per_program.values().filter_map(Value::as_f64).collect();
    medians.sort_by(f64::total_cmp);
    results.insert(
        "reference_programs_in_process_us".to_owned(),
        json!({
            "median": medians.get(medians.len() / 2),
            "max": medians.last(),
            "per_program": per_program,
        }),
    );
    Ok(Value::Object(results))
}

fn round_ms(seconds: f64) -> f64 {
    (seconds * 1e6).round() / 1e3
}

/// The fastest of three wall-clock runs of a whole process, in seconds.
fn best_of_3(command: &mut Command) -> anyhow::Result<f64> {
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let started = Instant::now();
        let status = command
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()?;
        best = best.min(started.elapsed().as_secs_f64());
        if !status.success() {
            bail!("{:?} failed", command.get_args().collect::<Vec<_>>());
        }
    }
    Ok(best)
}
