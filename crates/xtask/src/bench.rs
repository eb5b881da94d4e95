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
//! - `engine`: the `aio` engine beside `python3` on the workloads of `tests/bench/engine/` (plain
//!   Python: calls, loops, objects, strings; asyncio: task switches, queues, locks, sleepers): user
//!   CPU (median of alternating pairs) and its ratio, and peak memory; and the time of one
//!   in-process run of each reference program (`aio time`). `cargo xtask bench engine` prints
//!   only this part (no browser, a minute).
//!
//! Nothing here asserts: the numbers go in notes and issues, the tests stay free of timing.

use std::process::{Command, Stdio};

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

/// Prints only the engine's part of the report (no browser, no site).
pub(crate) fn run_engine() -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(&engine_bench()?)?);
    Ok(())
}

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

/// Alternating pairs (engine, CPython) each program is run in.
const PAIRS: usize = 5;

/// Runs a command and reports the user CPU seconds and peak resident memory (KiB) of the child,
/// as the kernel counted them (`wait4`), and its stdout. The peak cannot be less than the
/// harness's own memory (about 13 MB: the child starts as a copy of it), so it tells only the
/// workloads that need more, such as ten thousand tasks.
const MEASURE: &str = "import json, os, sys, tempfile\n\
    out = tempfile.TemporaryFile()\n\
    null = os.open(os.devnull, os.O_WRONLY)\n\
    actions = [(os.POSIX_SPAWN_DUP2, out.fileno(), 1), (os.POSIX_SPAWN_DUP2, null, 2)]\n\
    pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ, file_actions=actions)\n\
    _, status, usage = os.wait4(pid, 0)\n\
    out.seek(0)\n\
    print(json.dumps({'status': os.waitstatus_to_exitcode(status), 'user': usage.ru_utime, 'maxrss_kb': usage.ru_maxrss, 'stdout': out.read().decode()}))\n";

/// One measured run of a process.
struct Measured {
    user_seconds: f64,
    maxrss_kb: f64,
    stdout: String,
}

fn measure(program: &[&std::ffi::OsStr]) -> anyhow::Result<Measured> {
    let output = Command::new("python3")
        .args(["-c", MEASURE])
        .args(program)
        .output()?;
    let report: Value = serde_json::from_slice(&output.stdout).context("the measuring harness")?;
    if report["status"].as_i64() != Some(0) {
        bail!("{program:?} exited with {}", report["status"]);
    }
    Ok(Measured {
        user_seconds: report["user"].as_f64().unwrap_or_default(),
        maxrss_kb: report["maxrss_kb"].as_f64().unwrap_or_default(),
        stdout: report["stdout"].as_str().unwrap_or_default().to_owned(),
    })
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// The engine against CPython on the workloads of `tests/bench/engine/` (plain Python and asyncio),
/// and one in-process run of each reference program.
///
/// Each program runs [`PAIRS`] times in the `aio` engine and in `python3`, alternating, and the
/// report gives the median user CPU of each and their ratio, and the peak memory of each. Both
/// must print the same, or the ratio would compare different work.
fn engine_bench() -> anyhow::Result<Value> {
    let aio = build_engine()?;
    let dir = root().join("tests/bench/engine");
    let programs = python_programs(&dir)?;
    let mut results = serde_json::Map::new();
    for program in &programs {
        let (mut engine, mut cpython) = (Vec::new(), Vec::new());
        for _ in 0..PAIRS {
            engine.push(measure(&[
                aio.as_os_str(),
                "run".as_ref(),
                program.as_os_str(),
            ])?);
            cpython.push(measure(&["python3".as_ref(), program.as_os_str()])?);
        }
        if engine[0].stdout != cpython[0].stdout {
            bail!(
                "{} prints differently in the engine:\n{}\nand in CPython:\n{}",
                program.display(),
                engine[0].stdout,
                cpython[0].stdout
            );
        }
        let user = |runs: &[Measured]| median(runs.iter().map(|m| m.user_seconds).collect());
        let memory = |runs: &[Measured]| median(runs.iter().map(|m| m.maxrss_kb).collect());
        let (engine_user, cpython_user) = (user(&engine), user(&cpython));
        results.insert(
            program
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
            json!({
                "engine_user_ms": round_ms(engine_user),
                "cpython_user_ms": round_ms(cpython_user),
                "ratio": (engine_user / cpython_user.max(1e-3) * 100.0).round() / 100.0,
                "engine_peak_kib": memory(&engine),
                "cpython_peak_kib": memory(&cpython),
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
