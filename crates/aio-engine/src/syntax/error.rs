//! Syntax errors, positioned and rendered exactly as CPython 3.11 prints them on stderr when a
//! file fails to compile:
//!
//! ```text
//!   File "prog.py", line 3
//!     await x
//!     ^^^^^^^
//! SyntaxError: 'await' outside async function
//! ```

use std::fmt;

/// Which built-in exception class the error is (`IndentationError` and `TabError` are
/// subclasses of `SyntaxError` in Python).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(
    clippy::enum_variant_names,
    reason = "they are the names of Python's classes"
)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    /// The Python class name, e.g. `"IndentationError"`.
    pub fn class_name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A compile-time error with CPython's attributes (`msg`, `filename`, `lineno`, `offset`,
/// `end_lineno`, `end_offset`, `text`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// The message, e.g. `'await' outside async function`.
    pub msg: String,
    pub filename: String,
    /// 1-based line of the error.
    pub lineno: u32,
    /// 1-based character offset of the first caret (CPython's `offset`); 0 or less, or a
    /// value pointing into the stripped indentation, prints no caret.
    pub offset: i64,
    /// 1-based line where the highlighted range ends.
    pub end_lineno: u32,
    /// 1-based character offset one past the last caret; `<= offset` means a single caret.
    pub end_offset: i64,
    /// The source line `lineno` without its newline, when known.
    pub text: Option<String>,
    /// Found by the tokenizer (an invalid character, an unclosed bracket), whose carets CPython
    /// 3.11 places by characters; the parser's and compiler's go by UTF-8 bytes.
    pub from_tokenizer: bool,
}

impl SyntaxError {
    /// The full stderr text CPython prints for this error (ending in a newline), e.g.
    /// `  File "prog.py", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n`.
    pub fn render(&self) -> String {
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.lineno);
        if let Some(text) = &self.text {
            out.push_str(&render_source_and_carets(self, text));
        }
        out.push_str(self.kind.class_name());
        out.push_str(": ");
        out.push_str(&self.msg);
        out.push('\n');
        out
    }
}

/// The source line (leading whitespace stripped) and the caret line, following CPython's
/// `print_error_text`: offsets are shifted by the stripped indentation, a caret left of the
/// text is not printed, and a range running past the line is clipped to it.
fn render_source_and_carets(err: &SyntaxError, text: &str) -> String {
    let line = text.trim_end_matches(['\n', '\r']);
    let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
    let indent = (line.chars().count() - stripped.chars().count()) as i64;
    let len = stripped.chars().count() as i64;
    let mut out = format!("    {stripped}\n");
    let start = (err.offset - 1 - indent).min(len);
    if start < 0 {
        return out;
    }
    let carets = if err.kind != SyntaxErrorKind::SyntaxError || err.end_offset <= err.offset {
        1
    } else if err.end_lineno != err.lineno {
        (len - start).max(1)
    } else {
        (err.end_offset - 1 - indent).min(len) - start
    }
    .max(1);
    // CPython 3.11 places a parser's carets by UTF-8 bytes (`汉` takes three), a tokenizer's
    // by characters.
    let chars: Vec<char> = stripped.chars().collect();
    let columns = |from: i64, count: i64| -> usize {
        let from = from.clamp(0, len) as usize;
        let to = (from + count.max(0) as usize).min(chars.len());
        let width = |c: &char| if err.from_tokenizer { 1 } else { c.len_utf8() };
        let shown: usize = chars[from..to].iter().map(width).sum();
        // A caret past the end of the text still takes one column.
        shown + (from + count.max(0) as usize).saturating_sub(to)
    };
    out.push_str("    ");
    out.push_str(&" ".repeat(columns(0, start)));
    out.push_str(&"^".repeat(columns(start, carets)));
    out.push('\n');
    out
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for SyntaxError {}
