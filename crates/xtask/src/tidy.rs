//! Tidy checks: the architecture invariants and house rules, as ordinary tests.

use std::path::{Path, PathBuf};

use crate::util::root;

/// The only dependencies the pure core may have (ARCHITECTURE.md, "aio-core").
const CORE_ALLOWED_DEPENDENCIES: &[&str] = &["serde"];

#[test]
fn the_core_depends_on_nothing_but_serde() {
    let manifest = std::fs::read_to_string(root().join("crates/aio-core/Cargo.toml")).unwrap();
    let mut section = "";
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
        let name = line.split(['=', '.', ' ']).next().unwrap_or_default();
        assert!(
            CORE_ALLOWED_DEPENDENCIES.contains(&name),
            "aio-core must stay pure, but depends on `{name}` (allowed: {CORE_ALLOWED_DEPENDENCIES:?})"
        );
    }
}

#[test]
fn the_core_never_reads_a_clock_or_the_outside_world() {
    let forbidden = [
        "Instant::now",
        "SystemTime",
        "std::fs",
        "std::net",
        "std::process",
        "std::env",
        "std::thread",
    ];
    for file in rust_files(&root().join("crates/aio-core/src")) {
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
