//! The front end: source text to a checked [`ast::Module`].
//!
//! [`parse_module`] runs the lexer, the recursive-descent parser and the compile-time
//! checks (`'await' outside async function`, `'return' outside function`, ...),
//! so any error CPython reports before running a program is reported here too.

pub(crate) mod ast;
pub(crate) mod check;
pub(crate) mod error;
pub(crate) mod lexer;
pub(crate) mod parser;

pub use error::{SyntaxError, SyntaxErrorKind};

/// Parses and checks a whole program. `filename` only appears in error messages.
pub(crate) fn parse_module(source: &str, filename: &str) -> Result<ast::Module, SyntaxError> {
    let mut module = parser::parse_tokens_of(source, filename)?;
    module.warnings = check::check_module(&module, source, filename)?;
    Ok(module)
}

#[cfg(test)]
mod tests;
