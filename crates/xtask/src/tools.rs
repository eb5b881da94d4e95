//! Installing the tools the book needs, each at a pinned version, skipping what is already there.
//!
//! - the `wasm32-unknown-unknown` target, through rustup;
//! - mdbook, mdbook-i18n-helpers (the `gettext` preprocessor that builds the translations) and
//!   the wasm-bindgen CLI, through `cargo install` (wasm-bindgen at exactly the version of the
//!   `wasm-bindgen` crate in `Cargo.lock`, because the two must agree);
//! - wasm-opt, from the npm package `binaryen` into `.tools/` (Debian's binaryen is too old for
//!   current rustc output);
//! - for the tests: GNU gettext from Debian (`msgfmt` checks the translations), Chromium, chromedriver and Firefox ESR from Debian, geckodriver through
//!   `cargo install`, Node.js if missing, and the end-to-end tests' npm packages
//!   (`tests/package-lock.json`).

use std::path::PathBuf;
use std::process::Command;
use std::sync::Once;

use anyhow::{Context, bail};

use crate::util::{has_program, output_of, root, run};

/// The mdBook release the book and the preprocessor are written for.
pub(crate) const MDBOOK_VERSION: &str = "0.5.4";

/// The mdbook-i18n-helpers release (the first for mdBook 0.5): `mdbook-gettext` translates the
/// chapters, `mdbook-xgettext` extracts their messages.
pub(crate) const I18N_HELPERS_VERSION: &str = "0.4.0";

/// The binaryen release that provides wasm-opt.
pub(crate) const BINARYEN_VERSION: &str = "132.0.0";

/// The geckodriver release that runs the widget tests in Firefox.
pub(crate) const GECKODRIVER_VERSION: &str = "0.36.0";

/// Where cargo installs binaries.
pub(crate) fn cargo_bin_dir() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_default()
        .join("bin")
}

/// The folder of npm-installed tools (wasm-opt).
fn npm_tools_dir() -> PathBuf {
    root().join(".tools")
}

/// A command for an installed tool, with cargo's and npm's binary folders on its `PATH`, so tools
/// installed a moment ago are found even when the caller's `PATH` lacks them.
pub(crate) fn tool(name: &str) -> Command {
    let mut paths = vec![cargo_bin_dir(), npm_tools_dir().join("node_modules/.bin")];
    paths.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let path = std::env::join_paths(paths).expect("PATH entries never contain the separator");
    let mut command = Command::new(name);
    command.env("PATH", path).current_dir(root());
    command
}

/// Everything `cargo xtask build` needs.
pub(crate) fn ensure_build_tools() -> anyhow::Result<()> {
    ensure_wasm_target()?;
    ensure_cargo_tool(
        "mdbook",
        MDBOOK_VERSION,
        &["--no-default-features", "--features", "search"],
    )?;
    ensure_cargo_tool("wasm-bindgen-cli", &wasm_bindgen_version()?, &[])?;
    ensure_cargo_package("mdbook-i18n-helpers", I18N_HELPERS_VERSION)?;
    ensure_wasm_opt()
}

/// Everything `cargo xtask test` needs on top of the build tools.
pub(crate) fn ensure_test_tools() -> anyhow::Result<()> {
    ensure_build_tools()?;
    if !has_program("python3") {
        apt_install(&["python3"])?;
    }
    if !has_program("msgfmt") {
        apt_install(&["gettext"])?;
    }
    if !has_program("chromium") || !has_program("chromedriver") {
        apt_install(&["chromium", "chromium-driver"])?;
    }
    if !has_program("firefox-esr") {
        apt_install(&["firefox-esr"])?;
    }
    ensure_cargo_tool("geckodriver", GECKODRIVER_VERSION, &[])?;
    ensure_e2e_packages()
}

fn ensure_wasm_target() -> anyhow::Result<()> {
    let installed = output_of(Command::new("rustup").args(["target", "list", "--installed"]))
        .unwrap_or_default();
    if !installed
        .lines()
        .any(|line| line.trim() == "wasm32-unknown-unknown")
    {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    Ok(())
}

/// Installs `package` at `version` with `cargo install` unless its binary already reports it.
fn ensure_cargo_tool(package: &str, version: &str, extra_args: &[&str]) -> anyhow::Result<()> {
    let binary = package.strip_suffix("-cli").unwrap_or(package);
    let reported = output_of(tool(binary).arg("--version")).unwrap_or_default();
    // `mdbook v0.5.4`, `wasm-bindgen 0.2.130`, `geckodriver 0.36.0 (<commit> <date>)`
    if reported
        .split_whitespace()
        .nth(1)
        .map(|v| v.trim_start_matches('v'))
        == Some(version)
    {
        return Ok(());
    }
    // No `--locked`: the registry mirror here lacks one of wasm-bindgen-cli's pinned dependencies.
    run(crate::util::cargo()
        .args(["install", package, "--version", version])
        .args(extra_args))
}

/// Installs `package` at `version` with `cargo install` unless cargo lists it as installed (for
/// packages whose binaries do not report a version).
fn ensure_cargo_package(package: &str, version: &str) -> anyhow::Result<()> {
    let listed = output_of(crate::util::cargo().args(["install", "--list"])).unwrap_or_default();
    if listed
        .lines()
        .any(|line| line == format!("{package} v{version}:"))
    {
        return Ok(());
    }
    run(crate::util::cargo().args(["install", package, "--version", version]))
}

/// The version of the `wasm-bindgen` crate that `Cargo.lock` resolved.
pub(crate) fn wasm_bindgen_version() -> anyhow::Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).context("reading Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    bail!("Cargo.lock has no wasm-bindgen package; is crates/aio-widgets in the workspace?")
}

fn ensure_wasm_opt() -> anyhow::Result<()> {
    let reported = output_of(tool("wasm-opt").arg("--version")).unwrap_or_default();
    let major = BINARYEN_VERSION.split('.').next().unwrap_or_default();
    if reported.starts_with(&format!("wasm-opt version {major} ")) {
        return Ok(());
    }
    ensure_node()?;
    std::fs::create_dir_all(npm_tools_dir())?;
    run(tool("npm")
        .args(["install", "--no-audit", "--no-fund", "--prefix"])
        .arg(npm_tools_dir())
        .arg(format!("binaryen@{BINARYEN_VERSION}")))
}

fn ensure_node() -> anyhow::Result<()> {
    if has_program("node") && has_program("npm") {
        return Ok(());
    }
    apt_install(&["nodejs", "npm"])
}

/// The end-to-end tests' npm packages, exactly as `tests/package-lock.json` pins them.
fn ensure_e2e_packages() -> anyhow::Result<()> {
    ensure_node()?;
    let tests = root().join("tests");
    let lock = std::fs::read_to_string(tests.join("package-lock.json"))?;
    let installed = std::fs::read_to_string(tests.join("node_modules/.package-lock.json"));
    // npm writes the resolved tree to node_modules/.package-lock.json; a match means nothing to do.
    let up_to_date = installed.is_ok_and(|installed| same_packages(&lock, &installed));
    if !up_to_date {
        run(tool("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&tests))?;
    }
    Ok(())
}

fn same_packages(lock: &str, installed: &str) -> bool {
    let packages = |text: &str| {
        serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|json| json.get("packages").cloned())
            .map(|packages| {
                let mut packages = packages;
                if let Some(map) = packages.as_object_mut() {
                    map.remove("");
                }
                packages
            })
    };
    packages(lock).is_some() && packages(lock) == packages(installed)
}

/// Installs Debian packages, running `apt-get update` once first.
fn apt_install(packages: &[&str]) -> anyhow::Result<()> {
    static UPDATE: Once = Once::new();
    let as_root = output_of(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut command = if as_root {
            Command::new("apt-get")
        } else {
            Command::new("sudo")
        };
        if !as_root {
            command.arg("apt-get");
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    let mut update_result = Ok(());
    UPDATE.call_once(|| update_result = run(&mut apt(&["update", "-q"])));
    update_result?;
    let mut args = vec!["install", "-y", "-q"];
    args.extend(packages);
    run(&mut apt(&args)).with_context(|| {
        format!(
            "installing {} failed; install them yourself and retry",
            packages.join(" ")
        )
    })
}
