//! `cargo xtask conformance [DIR…]`: the engine against CPython's recorded output.
//!
//! Every `*.py` in each folder is run with `aio run`; its stdout, stderr and exit status must
//! equal the `.out` and `.err` files beside it (recorded with `python3 -W default`), byte for
//! byte. The exit status is 0 unless the program's first line says `# exit: N`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use crate::util::{cargo, root, run};

/// How long one program may run before it counts as hung. Virtual time makes every reference
/// program finish in milliseconds; this only guards against an engine bug.
const TIMEOUT: Duration = Duration::from_secs(20);

/// `../shared/asyncio-reference`, beside the repository.
pub(crate) fn default_dir() -> PathBuf {
    root().join("../shared/asyncio-reference")
}

/// Our own probe programs, recorded the same way.
pub(crate) fn own_programs_dir() -> PathBuf {
    root().join("crates/aio-engine/tests/programs")
}

/// Programs of the kind learners write around asyncio (the standard library, type annotations,
/// their mistakes), recorded the same way.
pub(crate) fn learner_programs_dir() -> PathBuf {
    root().join("crates/aio-engine/tests/learner")
}

/// Every corpus: the reference programs, then ours.
pub(crate) fn all_dirs() -> Vec<PathBuf> {
    vec![default_dir(), own_programs_dir(), learner_programs_dir()]
}

/// The `aio` binary, built in release.
pub(crate) fn build_engine() -> anyhow::Result<PathBuf> {
    run(cargo().args([
        "build",
        "--release",
        "--quiet",
        "--package",
        "aio-cli",
        "--bin",
        "aio",
    ]))?;
    Ok(root().join("target/release/aio"))
}

/// The `*.py` files of `dir`, sorted by name.
pub(crate) fn python_programs(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut programs: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    programs.sort();
    Ok(programs)
}

/// Runs every program in `dirs`, prints one line each and a final `N passed, M failed`.
pub(crate) fn run_dirs(dirs: &[PathBuf]) -> anyhow::Result<()> {
    let aio = build_engine()?;
    let (mut passed, mut failed) = (0, 0);
    for dir in dirs {
        let programs = python_programs(dir)?;
        if programs.is_empty() {
            bail!("no *.py programs in {}", dir.display());
        }
        for program in programs {
            let name = program
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            match check(&aio, &program) {
                Ok(()) => {
                    passed += 1;
                    println!("ok   {name}");
                }
                Err(difference) => {
                    failed += 1;
                    println!("FAIL {name}: {difference:#}");
                }
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        bail!("{failed} program(s) differ from CPython");
    }
    Ok(())
}

fn check(aio: &Path, program: &Path) -> anyhow::Result<()> {
    let expected_out = std::fs::read(program.with_extension("out")).context("missing .out")?;
    let expected_err = std::fs::read(program.with_extension("err")).context("missing .err")?;
    let source = std::fs::read_to_string(program)?;
    let expected_status = source
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("# exit: "))
        .and_then(|status| status.trim().parse::<i32>().ok())
        .unwrap_or(0);

    let dir = program.parent().unwrap_or(Path::new("."));
    let mut child = Command::new(aio)
        .arg("run")
        .arg(program.file_name().unwrap_or_default())
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("starting aio")?;
    // The pipes are drained while the program runs: one that prints more than a pipe holds
    // would otherwise wait for a reader forever.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            bail!("still running after {} s", TIMEOUT.as_secs());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let output = std::process::Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    };
    let status = output.status.code().unwrap_or(-1);
    let mut problems = Vec::new();
    if status != expected_status {
        problems.push(format!(
            "exit status {status}, CPython's was {expected_status}"
        ));
    }
    if let Some(diff) = first_difference(&expected_out, &output.stdout) {
        problems.push(format!("stdout {diff}"));
    }
    if let Some(diff) = first_difference(&expected_err, &output.stderr) {
        problems.push(format!("stderr {diff}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        bail!("{}", problems.join("; "))
    }
}

/// The first line where `got` differs from `expected`, described for a human.
fn first_difference(expected: &[u8], got: &[u8]) -> Option<String> {
    if expected == got {
        return None;
    }
    let expected = String::from_utf8_lossy(expected);
    let got = String::from_utf8_lossy(got);
    let mut expected_lines = expected.split_inclusive('\n');
    let mut got_lines = got.split_inclusive('\n');
    for line in 1.. {
        match (expected_lines.next(), got_lines.next()) {
            (Some(e), Some(g)) if e == g => continue,
            (e, g) => {
                return Some(format!(
                    "line {line}: expected {:?}, got {:?}",
                    e.unwrap_or("<end>"),
                    g.unwrap_or("<end>")
                ));
            }
        }
    }
    unreachable!("the loop returns at the first difference")
}

#[cfg(test)]
mod tests {
    use super::first_difference;

    #[test]
    fn differences_name_the_first_line() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("a\nb\n", "a\nb\n", None),
            (
                "a\nb\n",
                "a\nc\n",
                Some(r#"line 2: expected "b\n", got "c\n""#),
            ),
            (
                "a\n",
                "a\nb\n",
                Some(r#"line 2: expected "<end>", got "b\n""#),
            ),
            ("a\nb", "a\nb\n", Some(r#"line 2: expected "b", got "b\n""#)),
        ];
        for (expected, got, want) in cases {
            assert_eq!(
                first_difference(expected.as_bytes(), got.as_bytes()).as_deref(),
                *want
            );
        }
    }
}
