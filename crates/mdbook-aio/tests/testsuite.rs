//! Fixture books built by the real `mdbook` with this preprocessor (one test binary, one fixture
//! folder per case, as in mdBook's own test suite). `cargo xtask test` installs the pinned mdbook.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Copies `fixtures/NAME` to a fresh folder, adds a `book.toml` that runs this preprocessor, and
/// runs `mdbook build` there.
fn build_fixture(name: &str) -> (PathBuf, Output) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let book = std::env::temp_dir().join(format!("mdbook-aio-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&book);
    copy_dir(&fixture, &book);
    let preprocessor = env!("CARGO_BIN_EXE_mdbook-aio");
    std::fs::write(
        book.join("book.toml"),
        format!("[book]\ntitle = \"{name}\"\n\n[preprocessor.aio]\ncommand = {preprocessor:?}\n"),
    )
    .unwrap();
    let output = Command::new("mdbook")
        .arg("build")
        .current_dir(&book)
        .output()
        .expect("mdbook must be on PATH (cargo xtask test installs it)");
    (book, output)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn a_lab_becomes_a_placeholder_with_its_fallback() {
    let (book, output) = build_fixture("lab");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let page = std::fs::read_to_string(book.join("book/waiting.html")).unwrap();
    assert_eq!(
        page.matches("data-aio-widget=\"timeline-lab\"").count(),
        1,
        "{page}"
    );
    // The fallback survived Markdown whole: code, chart and table are inside the placeholder.
    let start = page.find("<div class=\"aio-widget\"").unwrap();
    let placeholder = &page[start..];
    assert!(placeholder.contains("<pre><code class=\"language-python\">import asyncio"));
    assert!(placeholder.contains("<svg class=\"aio-fallback-chart\""));
    assert!(placeholder.contains("predicted total 2.00 s"));
    assert!(
        !placeholder.contains("<p>async def"),
        "Markdown must not re-parse the code"
    );
    // The example ran in the engine at build time; its output is in the fallback.
    assert_eq!(
        page.matches("data-aio-widget=\"asyncio-example\"").count(),
        1,
        "{page}"
    );
    // Drawn by the stylesheet from attributes, out of the search index (mdBook writes the
    // newline as it is).
    assert!(
        page.contains(
            "<span data-aio-text=\"[0.00] hello\n\"></span><span data-aio-text=\"[0.10] world\n\"></span>"
        ),
        "{page}"
    );
    let index = std::fs::read_dir(book.join("book"))
        .unwrap()
        .flatten()
        .find(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with("searchindex")
        })
        .map(|entry| std::fs::read_to_string(entry.path()).unwrap())
        .expect("a search index");
    assert!(
        !index.contains("[0.10] world"),
        "predicted output is not prose"
    );
    assert!(index.contains("hello.py"), "the prose is indexed");
    // The escaped directive is shown as text.
    assert!(
        page.contains("{{#timeline-lab name=seconds ...}}"),
        "{page}"
    );
    let _ = std::fs::remove_dir_all(book);
}

#[test]
fn a_bad_directive_fails_the_build_naming_chapter_and_line() {
    let (book, output) = build_fixture("bad-directive");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "the build should fail");
    assert!(
        stderr.contains("src/broken.md:5: `b=-2`: A duration cannot be negative."),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(book);
}
