//! The front end: source text to a checked [`ast::Module`].
//!
//! [`parse_module`] runs the lexer, the recursive-descent parser and the compile-time
//! checks (`'await' outside async function`, `'return' outside function`, ...),
//! so any error CPython reports before running a program is reported here too.

pub mod ast;
pub mod check;
pub mod error;
pub mod lexer;
pub mod parser;

pub use error::{SyntaxError, SyntaxErrorKind};

/// Parses and checks a whole program. `filename` only appears in error messages.
pub fn parse_module(source: &str, filename: &str) -> Result<ast::Module, SyntaxError> {
    let module = parser::parse_tokens_of(source, filename)?;
    check::check_module(&module, source, filename)?;
    Ok(module)
}

#[cfg(test)]
mod tests;
