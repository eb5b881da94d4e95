//! Runs every reference program through the engine and diffs stdout, stderr and the exit
//! status against the CPython 3.11.7 recordings (`prog.out`, `prog.err`; exit status 0 unless
//! the first line is `# exit: N`).

use std::path::{Path, PathBuf};

use aio_core::engine::{Budgets, run_to_completion};

fn check_dir(dir: &Path) -> (usize, Vec<String>) {
    let mut programs: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect(),
        Err(_) => return (0, Vec::new()),
    };
    programs.sort();
    let mut failures = Vec::new();
    for prog in &programs {
        let source = std::fs::read_to_string(prog).unwrap_or_default();
        let name = prog
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let expected_out = std::fs::read_to_string(prog.with_extension("out")).unwrap_or_default();
        let expected_err = std::fs::read_to_string(prog.with_extension("err")).unwrap_or_default();
        let expected_status: i32 = source
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# exit: "))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or(0);
        let src = source.clone();
        let fname = name.clone();
        let result = std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn(move || run_to_completion(&src, &fname, Budgets::default()))
            .expect("spawn")
            .join()
            .expect("engine panicked");
        let mut problems = Vec::new();
        if result.stdout != expected_out {
            problems.push(format!(
                "stdout differs:\n--- expected\n{expected_out}\n--- got\n{}",
                result.stdout
            ));
        }
        if result.stderr != expected_err {
            problems.push(format!(
                "stderr differs:\n--- expected\n{expected_err}\n--- got\n{}",
                result.stderr
            ));
        }
        if result.exit_status != expected_status {
            problems.push(format!(
                "exit status {} (expected {expected_status})",
                result.exit_status
            ));
        }
        if !problems.is_empty() {
            failures.push(format!("{name}: {}", problems.join("\n")));
        }
    }
    (programs.len(), failures)
}

#[test]
fn reference_programs_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/asyncio-reference");
    let (n, failures) = check_dir(&dir);
    if n == 0 {
        eprintln!("reference corpus not found at {}; skipping", dir.display());
        return;
    }
    assert!(
        failures.is_empty(),
        "{} of {n} failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn extra_programs_match_cpython() {
    // The q-series probe programs, when present in the workspace.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../aio-engine/tests/programs");
    let (n, failures) = check_dir(&dir);
    if n == 0 {
        return;
    }
    assert!(
        failures.is_empty(),
        "{} of {n} failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
