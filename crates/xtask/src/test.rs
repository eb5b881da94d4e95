//! `cargo xtask test`: every check the project has, in the order that fails fastest, ending with a
//! summary line. CI runs exactly this (`.ci/run`).
//!
//! A failed step does not stop the others (so one run shows every problem), except that nothing
//! runs without the tools, and the end-to-end tests need the built site.

use std::path::Path;
use std::time::Instant;

use anyhow::bail;

use crate::build::{build_site, site_dir};
use crate::conformance;
use crate::serve::StaticServer;
use crate::tools::{self, tool};
use crate::translations;
use crate::util::{root, run};

/// The sub-path the end-to-end tests serve the site under, to prove every URL is relative.
pub(crate) const SUB_PATH: &str = "/asyncio-book/";

/// Runs every step and prints `summary: N passed, M failed`.
pub(crate) fn run_all() -> anyhow::Result<()> {
    let started = Instant::now();
    tools::ensure_test_tools()?;
    let mut steps = Steps::default();
    steps.run("formatting", || {
        run(tool("cargo").args(["fmt", "--all", "--check"]))
    });
    steps.run("clippy", || {
        run(tool("cargo").args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ]))
    });
    steps.run("clippy for wasm", || {
        run(tool("cargo").args([
            "clippy",
            "--package",
            "aio-widgets",
            "--all-targets",
            "--target",
            "wasm32-unknown-unknown",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ]))
    });
    steps.run("native tests", || {
        run(tool("cargo").args(["test", "--workspace", "--no-fail-fast", "--quiet"]))
    });
    steps.run("widget tests in Chromium", || {
        widget_tests(Browser::Chromium)
    });
    steps.run("widget tests in Firefox", || widget_tests(Browser::Firefox));
    steps.run("conformance", || {
        conformance::run_dirs(&conformance::all_dirs())
    });
    steps.run("translations", translations::check);
    let site_built = steps.run("build the site", || build_site().map(drop));
    if site_built {
        steps.run("end-to-end tests in Chromium", || {
            end_to_end(&site_dir(), Browser::Chromium)
        });
        steps.run("end-to-end tests in Firefox", || {
            end_to_end(&site_dir(), Browser::Firefox)
        });
    }
    let results = steps.results;

    let failed: Vec<&str> = results
        .iter()
        .filter(|(_, result)| result.is_err())
        .map(|(name, _)| *name)
        .collect();
    let passed = results.len() - failed.len();
    eprintln!("\nxtask test took {:.0} s", started.elapsed().as_secs_f64());
    if !failed.is_empty() {
        eprintln!("failed steps: {}", failed.join(", "));
    }
    if !site_built {
        eprintln!("the end-to-end tests did not run: the site did not build");
    }
    println!(
        "summary: {passed} passed, {} failed",
        failed.len() + usize::from(!site_built)
    );
    if !failed.is_empty() || !site_built {
        bail!("some checks failed");
    }
    Ok(())
}

/// The outcome of each step, in order.
#[derive(Debug, Default)]
struct Steps {
    results: Vec<(&'static str, anyhow::Result<()>)>,
}

impl Steps {
    /// Runs one step, reports a failure at once, and says whether it passed and how long it took.
    fn run(&mut self, name: &'static str, action: impl FnOnce() -> anyhow::Result<()>) -> bool {
        eprintln!("\n== {name} ==");
        let started = Instant::now();
        let result = action();
        let seconds = started.elapsed().as_secs_f64();
        match &result {
            Ok(()) => eprintln!("-- {name} passed in {seconds:.0} s"),
            Err(error) => eprintln!("!! {name} failed after {seconds:.0} s: {error:#}"),
        }
        let passed = result.is_ok();
        self.results.push((name, result));
        passed
    }
}

/// The browsers every browser test runs in.
#[derive(Debug, Clone, Copy)]
enum Browser {
    /// Debian's Chromium: chromedriver for the widget tests, CDP for the end-to-end tests.
    Chromium,
    /// Debian's Firefox ESR: geckodriver for the widget tests, WebDriver BiDi for the end-to-end
    /// tests.
    Firefox,
}

/// The environment variables through which wasm-bindgen-test-runner picks its WebDriver: it takes
/// the first one set, geckodriver's before chromedriver's, so each run clears the other's.
const DRIVER_VARIABLES: [&str; 4] = [
    "GECKODRIVER",
    "GECKODRIVER_REMOTE",
    "CHROMEDRIVER",
    "CHROMEDRIVER_REMOTE",
];

/// The widgets' `wasm-bindgen-test` tests, in one headless browser.
fn widget_tests(browser: Browser) -> anyhow::Result<()> {
    // No `--quiet`: cargo would pass it on to wasm-bindgen-test-runner, which refuses it.
    let mut command = tool("cargo");
    command.args([
        "test",
        "--package",
        "aio-widgets",
        "--target",
        "wasm32-unknown-unknown",
    ]);
    for variable in DRIVER_VARIABLES {
        command.env_remove(variable);
    }
    match browser {
        // Browser flags: crates/aio-widgets/webdriver.json.
        Browser::Chromium => command.env("CHROMEDRIVER", which("chromedriver")),
        // The runner adds `-headless`; geckodriver gives Firefox a fresh profile.
        Browser::Firefox => command.env("GECKODRIVER", geckodriver()).env(
            "GECKODRIVER_ARGS",
            format!("--binary {}", which("firefox-esr")),
        ),
    };
    run(&mut command)
}

/// The geckodriver that `cargo install` put in place (cargo's folder may not be on `PATH`).
fn geckodriver() -> String {
    let installed = tools::cargo_bin_dir().join("geckodriver");
    if installed.is_file() {
        installed.to_string_lossy().into_owned()
    } else {
        which("geckodriver")
    }
}

/// Serves the built site under [`SUB_PATH`] and runs the end-to-end tests against it in one
/// browser.
fn end_to_end(site: &Path, browser: Browser) -> anyhow::Result<()> {
    let server = StaticServer::bind(0, site.to_path_buf(), SUB_PATH)?;
    let url = server.url();
    std::thread::spawn(move || server.run());
    let tests = root().join("tests");
    let mut files: Vec<String> = std::fs::read_dir(tests.join("e2e"))?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.to_string_lossy().ends_with(".test.mjs"))
        .map(|path| path.to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut command = tool("node");
    command
        .args(["--test", "--test-concurrency=1"])
        .args(&files)
        .current_dir(&tests)
        .env("AIO_BOOK_URL", url)
        .env("AIO_REFERENCE_DIR", conformance::default_dir());
    match browser {
        Browser::Chromium => command
            .env("AIO_BROWSER", "chromium")
            .env("AIO_CHROMIUM", which("chromium")),
        Browser::Firefox => command
            .env("AIO_BROWSER", "firefox")
            .env("AIO_FIREFOX", which("firefox-esr")),
    };
    run(&mut command)
}

/// The absolute path of a program on `PATH`, or its bare name.
pub(crate) fn which(name: &str) -> String {
    std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
        .map_or_else(
            || name.to_owned(),
            |path| path.to_string_lossy().into_owned(),
        )
}
