//! `cargo xtask fuzz [--cases N | --seconds S]`: a longer fuzzing campaign of the parser and the
//! interpreter than the short one `cargo test` runs (`crates/aio-engine/tests/fuzz.rs`), in a
//! release build.
//!
//! `cargo fuzz` (libFuzzer) needs a nightly toolchain and its own install; the campaign uses
//! proptest generators instead, which run on stable and shrink what they find.

use anyhow::bail;

use crate::util::{cargo, run};

/// Runs the campaign: `--cases N` per generator, or `--seconds S` in all.
pub(crate) fn run_campaign(args: &[&str]) -> anyhow::Result<()> {
    let (name, value) = match args {
        [] => ("AIO_FUZZ_SECONDS", "60"),
        ["--cases", n] => ("AIO_FUZZ_CASES", *n),
        ["--seconds", s] => ("AIO_FUZZ_SECONDS", *s),
        _ => bail!("usage: cargo xtask fuzz [--cases N | --seconds S]"),
    };
    if value.parse::<u64>().is_err() {
        bail!("{value}: not a whole number");
    }
    run(cargo()
        .args([
            "test",
            "--release",
            "--package",
            "aio-engine",
            "--test",
            "fuzz",
            "--",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(name, value))
}
