//! The Python this engine embeds (the asyncio prelude, the standard-library modules written in
//! Python) goes into the binary without its comment lines: each is copied to `OUT_DIR` with the
//! lines that are only a comment emptied, so the page downloads the code and not its commentary,
//! while every line keeps its number (traceback markers and error positions count lines).
//! Text inside triple-quoted strings is kept as it is.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for dir in ["src/asyncio", "src/builtins"] {
        println!("cargo:rerun-if-changed={dir}");
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_none_or(|ext| ext != "py") {
                continue;
            }
            let source = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = path.file_name().expect("a file name");
            std::fs::write(Path::new(&out).join(name), without_comment_lines(&source))
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
}

/// `source` with every line that holds only a comment made empty.
fn without_comment_lines(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut in_string: Option<&str> = None;
    for line in source.split_inclusive('\n') {
        let comment = in_string.is_none() && line.trim_start().starts_with('#');
        if comment {
            out.push('\n');
        } else {
            out.push_str(line);
        }
        // Follow triple-quoted strings, which may hold a line that starts with `#`.
        for quote in ["\"\"\"", "'''"] {
            if comment || in_string.is_some_and(|q| q != quote) {
                continue;
            }
            if line.matches(quote).count() % 2 == 1 {
                in_string = if in_string.is_some() {
                    None
                } else {
                    Some(quote)
                };
            }
        }
    }
    out
}
