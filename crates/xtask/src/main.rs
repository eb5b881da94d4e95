//! `cargo xtask`: every development command of the asyncio book, in Rust instead of shell scripts.
//!
//! - `cargo xtask build`: install what is missing, build the widgets and the book into `book/build`.
//! - `cargo xtask serve [--port N]`: build, serve on 127.0.0.1, rebuild when a source changes.
//! - `cargo xtask test`: every check, from `cargo fmt` to the end-to-end tests in Chromium and
//!   Firefox.
//! - `cargo xtask conformance [DIR]`: run the engine on reference programs and diff the output.
//! - `cargo xtask bench`: sizes and speeds, next to CPython, as one JSON object.
//! - `cargo xtask fuzz [--cases N | --seconds S]`: a longer fuzzing campaign of the engine.
//!
//! Every command installs the tools it needs itself (see [`tools`]), so a fresh machine with only
//! rustup and cargo gets everything from these commands.

mod bench;
mod build;
mod conformance;
mod csp;
mod fuzz;
mod search_cjk;
mod serve;
mod test;
mod tools;
mod translations;
mod util;

#[cfg(test)]
mod tidy;

use anyhow::{Context, bail};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  build               build the widgets and the book into book/build
  serve [--port N]    build, serve on http://127.0.0.1:N (default 3000), rebuild on change
  test                run every check and test (what CI runs)
  conformance [DIR]   run the engine on DIR/*.py and compare with .out/.err
                      (default: ../shared/asyncio-reference and our own corpora)
  po [--check]        bring the translations (book/po/*.po) up to date with the English text
                      (--check: fail if one is behind it or lost a directive, code or link)
  bench               print sizes and timings, next to CPython's, as JSON
  bench engine        only the engine beside CPython (no browser)
  fuzz [--cases N | --seconds S]
                      fuzz the parser and interpreter (default: 60 s)";

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["build"] => build::build_site().map(|site| println!("site written to {}", site.display())),
        ["serve"] => serve::serve(3000),
        ["serve", "--port", port] => serve::serve(
            port.parse()
                .with_context(|| format!("--port {port}: not a port number"))?,
        ),
        ["test"] => test::run_all(),
        ["conformance"] => conformance::run_dirs(&conformance::all_dirs()),
        ["conformance", dirs @ ..] => {
            let dirs: Vec<std::path::PathBuf> = dirs.iter().map(Into::into).collect();
            conformance::run_dirs(&dirs)
        }
        ["po"] => translations::update(),
        ["po", "--check"] => translations::check(),
        ["bench"] => bench::run(),
        ["bench", "engine"] => bench::run_engine(),
        ["fuzz", rest @ ..] => fuzz::run_campaign(rest),
        ["help" | "--help" | "-h"] | [] => {
            println!("{USAGE}");
            Ok(())
        }
        _ => bail!("unknown command `{}`\n\n{USAGE}", args.join(" ")),
    }
}
