//! The front end: source text to a checked [`ast::Module`].
//!
//! [`parse_module`] runs the lexer, the recursive-descent parser and the compile-time
//! checks (`'await' outside async function`, `'return' outside function`, ...),
//! so any error CPython reports before running a program is reported here too.

pub mod ast;
pub mod error;

pub use error::{SyntaxError, SyntaxErrorKind};

/// Parses and checks a whole program. `filename` only appears in error messages.
pub fn parse_module(source: &str, filename: &str) -> Result<ast::Module, SyntaxError> {
    let _ = source;
    Err(SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: "parser not implemented yet".into(),
        filename: filename.into(),
        lineno: 1,
        offset: 1,
        end_lineno: 1,
        end_offset: 1,
        text: None,
    })
}
