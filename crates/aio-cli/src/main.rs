//! `aio run FILE.py [--trace FILE.json]`: runs a program in the aio-core engine with virtual
//! time (the clock jumps to each timer deadline instantly) and writes its stdout and stderr
//! exactly as `python3 -W default FILE.py` would, exiting with CPython's exit status.
//!
//! `aio time FILE.py [--runs N]`: runs it N times (default 50) in one process and prints, as
//! JSON, how long one run takes in the engine (what the book pays on every re-prediction),
//! without the process start-up that wall-clock timing of `aio run` includes. This shell may read
//! the clock; the engine never does.

use std::io::Write;
use std::process::ExitCode;

use aio_core::engine::{Budgets, run_program_to_end};
use aio_core::words::InWords;

fn usage() -> ExitCode {
    eprintln!("usage: aio run FILE.py [--trace FILE.json]\n       aio time FILE.py [--runs N]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("time") && args.len() >= 2 {
        return time_runs(&args[1..]);
    }
    if args.first().map(String::as_str) != Some("run") || args.len() < 2 {
        return usage();
    }
    let path = args[1].clone();
    let mut trace_path = None;
    let mut i = 2;
    while i < args.len() {
        match args[i].as_str() {
            "--trace" if i + 1 < args.len() => {
                trace_path = Some(args[i + 1].clone());
                i += 2;
            }
            _ => return usage(),
        }
    }
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("aio: can't open file '{path}': {e}");
            return ExitCode::from(2);
        }
    };
    // Tracebacks print the file name as given, like CPython run from the file's directory.
    let filename = std::path::Path::new(&path)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or(path.clone());
    // Deep Python recursion becomes deep Rust recursion: run on a thread with a large stack.
    let want_trace = trace_path.is_some();
    let handle = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || run_program_to_end(&source, &filename, Budgets::default(), want_trace));
    let result = match handle.map(|h| h.join()) {
        Ok(Ok(r)) => r,
        _ => {
            eprintln!("aio: internal error");
            return ExitCode::from(70);
        }
    };
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(result.stdout.as_bytes());
    let _ = out.flush();
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(result.stderr.as_bytes());
    // Where CPython would have gone on (or hung), the engine stopped: say so, and why.
    if let Some(stopped) = result.outcome.stopped() {
        let _ = writeln!(
            err,
            "aio: the engine stopped the program at line {} ({:.3} s of program time): {}",
            stopped.line,
            stopped.time,
            stopped.limit.text(aio_core::i18n::Lang::En)
        );
    }
    let _ = err.flush();
    if let Some(p) = trace_path {
        match serde_json::to_string_pretty(&result.trace) {
            Ok(json) => {
                if let Err(e) = std::fs::write(&p, json) {
                    eprintln!("aio: cannot write trace to '{p}': {e}");
                }
            }
            Err(e) => eprintln!("aio: cannot serialise trace: {e}"),
        }
    }
    ExitCode::from(result.exit_status.clamp(0, 255) as u8)
}

/// `aio time FILE.py [--runs N]`.
fn time_runs(args: &[String]) -> ExitCode {
    let runs: u32 = match args {
        [_] => 50,
        [_, flag, n] if flag == "--runs" => match n.parse() {
            Ok(n) if n > 0 => n,
            _ => return usage(),
        },
        _ => return usage(),
    };
    let path = &args[0];
    let Ok(source) = std::fs::read_to_string(path) else {
        eprintln!("aio: can't open file '{path}'");
        return ExitCode::from(2);
    };
    let handle = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || {
            // The first run warms the caches a page also keeps warm (the parsed asyncio prelude).
            run_program_to_end(&source, "prog.py", Budgets::default(), false);
            let mut times = Vec::with_capacity(runs as usize);
            for _ in 0..runs {
                let started = std::time::Instant::now();
                run_program_to_end(&source, "prog.py", Budgets::default(), false);
                times.push(started.elapsed().as_secs_f64() * 1e6);
            }
            times.sort_by(f64::total_cmp);
            times
        });
    let Ok(Ok(times)) = handle.map(|h| h.join()) else {
        eprintln!("aio: internal error");
        return ExitCode::from(70);
    };
    let median = times[times.len() / 2];
    println!(
        r#"{{"runs": {runs}, "median_us": {median:.1}, "best_us": {:.1}}}"#,
        times[0]
    );
    ExitCode::SUCCESS
}
