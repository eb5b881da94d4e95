//! Tidy checks: the architecture invariants and house rules, as ordinary tests.

use std::path::{Path, PathBuf};

use crate::util::root;

/// The pure crates and the only dependencies each may have (ARCHITECTURE.md, "aio-engine" and
/// "aio-core"): besides each other, `serde` and rust-num's arithmetic (Python's big ints),
/// which do no I/O.
const PURE_CRATES: &[(&str, &[&str])] = &[
    (
        "aio-engine",
        &["serde", "num-bigint", "num-integer", "num-traits"],
    ),
    ("aio-core", &["aio-engine", "serde"]),
];

/// The `[dependencies]` (and target-specific ones) that a crate's manifest names.
fn dependencies(krate: &str) -> Vec<String> {
    let path = root().join("crates").join(krate).join("Cargo.toml");
    let manifest = std::fs::read_to_string(path).unwrap();
    let mut section = "";
    let mut names = Vec::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line;
            continue;
        }
        let is_dependency_section = section == "[dependencies]"
            || (section.starts_with("[target.") && section.ends_with(".dependencies]"));
        if !is_dependency_section || line.is_empty() || line.starts_with('#') {
            continue;
        }
        names.push(
            line.split(['=', '.', ' '])
                .next()
                .unwrap_or_default()
                .to_owned(),
        );
    }
    names
}

#[test]
fn the_pure_crates_depend_on_nothing_but_each_other_serde_and_arithmetic() {
    for (krate, allowed) in PURE_CRATES {
        for name in dependencies(krate) {
            assert!(
                allowed.contains(&name.as_str()),
                "{krate} must stay pure, but depends on `{name}` (allowed: {allowed:?})"
            );
        }
    }
}

#[test]
fn the_pure_crates_never_read_a_clock_or_the_outside_world() {
    let forbidden = [
        "Instant::now",
        "SystemTime",
        "std::fs",
        "std::net",
        "std::process",
        "std::env",
        "std::thread",
    ];
    for (krate, _) in PURE_CRATES {
        for file in rust_files(&root().join("crates").join(krate).join("src")) {
            let text = std::fs::read_to_string(&file).unwrap();
            for word in forbidden {
                assert!(
                    !text.contains(word),
                    "{} uses {word}: the core takes time and input as arguments",
                    file.display()
                );
            }
        }
    }
}

/// The engine's public modules: its entry and the trace the entry hands out.
const ENGINE_PUBLIC_MODULES: &[&str] = &["engine", "trace"];

#[test]
fn the_engine_has_one_way_in() {
    let lib = std::fs::read_to_string(root().join("crates/aio-engine/src/lib.rs")).unwrap();
    let public: Vec<&str> = lib
        .lines()
        .filter_map(|line| line.strip_prefix("pub mod "))
        .map(|rest| rest.trim_end_matches(';'))
        .collect();
    assert_eq!(
        public, ENGINE_PUBLIC_MODULES,
        "aio-engine's public modules (every other module is private)"
    );
    assert!(
        !lib.lines().any(|line| line.starts_with("pub use")),
        "aio-engine re-exports nothing at its root: the entry is `engine`"
    );
    // Whoever uses the engine goes through the lesson layer, which re-exports its entry.
    for krate in ["aio-widgets", "mdbook-aio", "aio-cli", "xtask"] {
        assert!(
            !dependencies(krate).iter().any(|name| name == "aio-engine"),
            "{krate} uses the engine through aio-core"
        );
    }
}

/// A Rust file without its comment lines (docs may name what the code must not use).
fn code_lines(file: &Path) -> String {
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_engines_lower_layers_never_import_the_entry_point() {
    let src = root().join("crates/aio-engine/src");
    for file in rust_files(&src) {
        let name = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if name == "engine.rs" || name == "lib.rs" {
            continue;
        }
        let text = code_lines(&file);
        assert!(
            !text.contains("crate::engine"),
            "{name} imports the entry point: what it needs belongs in a lower module (run.rs)"
        );
    }
}

#[test]
fn the_engine_knows_nothing_of_lessons_or_languages() {
    let forbidden = [
        "aio_core", "i18n", "Lang::", "Msg::", "yew", "mdbook", "web_sys",
    ];
    for file in rust_files(&root().join("crates/aio-engine/src")) {
        let text = code_lines(&file);
        for word in forbidden {
            assert!(
                !text.contains(word),
                "{} mentions {word}: the engine runs Python; the lessons and their languages sit on it",
                file.display()
            );
        }
    }
}

#[test]
fn every_module_starts_with_a_doc_comment() {
    for file in rust_files(&root().join("crates")) {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with("//!"),
            "{} must start with a `//!` comment saying what it is for",
            file.display()
        );
    }
}

#[test]
fn no_test_is_ignored() {
    let marker = ["#[", "ignore"].concat();
    for file in rust_files(&root().join("crates")) {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            !text.contains(&marker),
            "{}: assert the wrong behaviour and add a FIXME instead",
            file.display()
        );
    }
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            if !path.ends_with("target") && !path.ends_with("fixtures") {
                files.extend(rust_files(&path));
            }
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

#[test]
fn every_future_and_timer_of_a_widget_is_blamed_on_it() {
    // A panic is blamed on the widget whose code runs (`aio-widgets/src/blame.rs`): futures are
    // spawned through `Blame::spawn`, timer callbacks wrapped in `Blame::wrap`.
    let widgets = root().join("crates/aio-widgets/src");
    for file in rust_files(&widgets) {
        if file.ends_with("blame.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            !text.contains("spawn_local("),
            "{}: spawn a widget's future with `Blame::spawn`, so a panic in it is blamed on the widget",
            file.display()
        );
        for timer in ["Interval::new(", "Timeout::new("] {
            for (start, _) in text.match_indices(timer) {
                let call = &text[start..];
                let call = &call[..call.find(';').unwrap_or(call.len())];
                assert!(
                    call.contains(".wrap("),
                    "{}: wrap the callback of `{timer}…)` in `Blame::wrap`, so a panic in it is blamed on the widget",
                    file.display()
                );
            }
        }
    }
}

/// A translated heading gets its id from its translated text unless the English gives one, and
/// links into a chapter (and the language picker, which keeps the reader's place) need the same
/// anchors in every edition.
#[test]
fn every_heading_of_the_book_has_an_explicit_id() {
    let src = root().join("book/src");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".md") || name == "SUMMARY.md" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut in_fence = false;
        for (number, line) in text.lines().enumerate() {
            if line.starts_with("```") {
                in_fence = !in_fence;
            } else if !in_fence && line.starts_with('#') && !line.trim_end().ends_with('}') {
                missing.push(format!("src/{name}:{}: {line}", number + 1));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "give these headings an explicit `{{#id}}`:\n{}",
        missing.join("\n")
    );
}
