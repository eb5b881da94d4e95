//! The tokenizer: source text to a flat list of [`Token`]s, like CPython's `tokenize`.
//!
//! It produces `INDENT`/`DEDENT` from leading whitespace (tabs advance to the next multiple of
//! 8, as CPython does), drops comments and blank lines, joins lines inside brackets and after a
//! backslash, and keeps string literals as raw bodies: decoding escapes and splitting f-strings
//! into fields is the parser's job because f-string fields contain expressions.
//!
//! Columns are character offsets (see [`super::ast`]).

use std::rc::Rc;

use super::ast::Span;
use super::error::{SyntaxError, SyntaxErrorKind};
use crate::runtime::bigint::MAX_STR_DIGITS;

/// The Python keywords (hard keywords only; `match`/`case`/`_` are not supported).
pub(crate) const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Operators and delimiters, longest first so that greedy matching works.
const OPERATORS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", ">>", "<<", "<=", ">=", "==", "!=",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "&", "|",
    "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "=",
];

/// A string literal as written: prefix flags and the undecoded text between the quotes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct StrToken {
    pub is_raw: bool,
    pub is_bytes: bool,
    pub is_fstring: bool,
    /// The text between the quotes, escapes not yet processed.
    pub body: Rc<str>,
    /// Line and character column where `body` starts (after prefix and quotes), so f-string
    /// fields can be given real positions.
    pub body_line: u32,
    pub body_col: u32,
}

/// The kinds of token.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TokenKind {
    Name(Rc<str>),
    Keyword(&'static str),
    /// An integer literal that fits in `i64`.
    Int(i64),
    /// An integer literal too large for `i64`, parsed once here.
    BigInt(Rc<num_bigint::BigInt>),
    Float(f64),
    Str(StrToken),
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    EndMarker,
}

/// A token and where it is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

/// Like [`tokenize`], but a bracket still open at the end of input is returned as a second
/// value (the "'(' was never closed" error) next to the tokens instead of failing: CPython
/// only reports it when the parser fails at the end of input, an earlier syntax error wins.
pub(crate) fn tokenize_with_unclosed(
    source: &str,
    filename: &str,
) -> Result<(Vec<Token>, Option<SyntaxError>), SyntaxError> {
    let mut lexer = Lexer::new(source, filename);
    lexer.run_tokens()?;
    let unclosed = lexer.unclosed.take();
    Ok((lexer.tokens, unclosed))
}

/// Tokenizes the expression of an f-string field, `text`, which starts at `line`/`col` of
/// `source`. It is lexed as if inside parentheses (newlines are ignored, no indentation) and
/// ends with an `EndMarker` but no `Newline`.
pub(crate) fn tokenize_fstring_expr(
    text: &str,
    source: &str,
    filename: &str,
    line: u32,
    col: u32,
) -> Result<Vec<Token>, SyntaxError> {
    let mut lexer = Lexer::with_chars(source, filename, text.chars().collect());
    lexer.line = line;
    lexer.first_line = line;
    lexer.base_col = col;
    lexer.fstring_mode = true;
    lexer.brackets.push(OpenBracket { ch: '(', line, col });
    lexer.run()
}

/// An open bracket awaiting its partner.
struct OpenBracket {
    ch: char,
    line: u32,
    col: u32,
}

struct Lexer<'a> {
    filename: &'a str,
    /// The whole source, for the line texts of errors (split only when one is reported).
    source: &'a str,
    chars: Vec<char>,
    pos: usize,
    line: u32,
    /// Index in `chars` where the current physical line starts.
    line_start: usize,
    /// The stack of indentation widths of the enclosing blocks.
    indents: Vec<u32>,
    brackets: Vec<OpenBracket>,
    tokens: Vec<Token>,
    /// The line where lexing started, and the column of the first character on that line
    /// (non-zero only for f-string expressions, which start mid-line).
    first_line: u32,
    base_col: u32,
    /// Lexing an f-string field expression (see [`tokenize_fstring_expr`]).
    fstring_mode: bool,
    /// The "never closed" error for a bracket open at end of input.
    unclosed: Option<SyntaxError>,
}

impl<'a> Lexer<'a> {
    fn new(source: &'a str, filename: &'a str) -> Self {
        Self::with_chars(source, filename, source.chars().collect())
    }

    /// A lexer over `chars`, with `source` kept for error lines. F-string fields pass just
    /// their expression here: collecting (and splitting) the whole file for every field made
    /// parsing the prelude, with its dozens of f-strings, cost fields x file size.
    fn with_chars(source: &'a str, filename: &'a str, chars: Vec<char>) -> Self {
        Lexer {
            filename,
            source,
            chars,
            pos: 0,
            line: 1,
            line_start: 0,
            indents: vec![0],
            brackets: Vec::new(),
            tokens: Vec::new(),
            first_line: 1,
            base_col: 0,
            fstring_mode: false,
            unclosed: None,
        }
    }

    fn col(&self) -> u32 {
        let base = if self.line == self.first_line {
            self.base_col
        } else {
            0
        };
        (self.pos - self.line_start) as u32 + base
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    /// Source line `line` (1-based) without its line terminator.
    fn source_line(&self, line: u32) -> Option<&'a str> {
        let l = self
            .source
            .split('\n')
            .nth((line as usize).checked_sub(1)?)?;
        Some(l.strip_suffix('\r').unwrap_or(l))
    }

    fn line_text(&self, line: u32) -> Option<String> {
        self.source_line(line).map(|s| s.to_string())
    }

    /// An error at 0-based char column `col` of `line`, highlighting up to `end_col`.
    fn error_at(
        &self,
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        line: u32,
        col: u32,
        end_col: i64,
    ) -> SyntaxError {
        SyntaxError {
            kind,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno: line,
            offset: col as i64 + 1,
            end_lineno: line,
            end_offset: end_col,
            text: self.line_text(line),
            from_tokenizer: true,
        }
    }

    fn syntax_error(
        &self,
        msg: impl Into<String>,
        line: u32,
        col: u32,
        end_col: u32,
    ) -> SyntaxError {
        self.error_at(
            SyntaxErrorKind::SyntaxError,
            msg,
            line,
            col,
            end_col as i64 + 1,
        )
    }

    fn push(&mut self, kind: TokenKind, line: u32, col: u32) {
        let span = Span {
            line,
            col,
            end_line: self.line,
            end_col: self.col(),
        };
        self.tokens.push(Token { kind, span });
    }

    fn newline_here(&mut self) {
        self.pos += 1;
        self.line += 1;
        self.line_start = self.pos;
    }

    fn run(mut self) -> Result<Vec<Token>, SyntaxError> {
        self.run_tokens()?;
        match self.unclosed {
            Some(e) => Err(e),
            None => Ok(self.tokens),
        }
    }

    fn run_tokens(&mut self) -> Result<(), SyntaxError> {
        let mut at_line_start = true;
        loop {
            if at_line_start && self.brackets.is_empty() {
                at_line_start = false;
                if self.handle_indentation()? {
                    break;
                }
            }
            let Some(c) = self.peek() else { break };
            let (line, col) = (self.line, self.col());
            match c {
                ' ' | '\t' | '\x0c' | '\r' => self.pos += 1,
                '#' => {
                    while !matches!(self.peek(), None | Some('\n')) {
                        self.pos += 1;
                    }
                }
                '\n' => {
                    if self.brackets.is_empty() {
                        self.push(TokenKind::Newline, line, col);
                        at_line_start = true;
                    }
                    self.newline_here();
                }
                '\\' => {
                    let after = if self.peek_at(1) == Some('\r') { 2 } else { 1 };
                    match self.peek_at(after) {
                        Some('\n') => {
                            self.pos += after;
                            self.newline_here();
                            if self.peek().is_none() {
                                return Err(self.error_at(
                                    SyntaxErrorKind::SyntaxError,
                                    "unexpected EOF while parsing",
                                    line,
                                    col + 1,
                                    -1,
                                ));
                            }
                        }
                        None => {
                            return Err(self.error_at(
                                SyntaxErrorKind::SyntaxError,
                                "unexpected EOF while parsing",
                                line,
                                col + 1,
                                -1,
                            ));
                        }
                        Some(_) => {
                            return Err(self.syntax_error(
                                "unexpected character after line continuation character",
                                line,
                                col + 1,
                                col + 1,
                            ));
                        }
                    }
                }
                '0'..='9' => self.number()?,
                '.' if self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) => self.number()?,
                '"' | '\'' => self.string(line, col, false, false, false)?,
                c if c == '_' || c.is_alphabetic() => self.name()?,
                _ => self.operator()?,
            }
        }
        self.finish()
    }

    /// Measures the indentation of a new logical line and emits INDENT/DEDENT tokens. Blank
    /// and comment-only lines are skipped entirely. Returns true at end of input.
    fn handle_indentation(&mut self) -> Result<bool, SyntaxError> {
        loop {
            let mut width = 0u32;
            while let Some(c) = self.peek() {
                match c {
                    ' ' => width += 1,
                    '\t' => width = (width / 8 + 1) * 8,
                    '\x0c' => width = 0,
                    _ => break,
                }
                self.pos += 1;
            }
            match self.peek() {
                None => return Ok(true),
                Some('#') => {
                    while !matches!(self.peek(), None | Some('\n')) {
                        self.pos += 1;
                    }
                    if self.peek().is_none() {
                        return Ok(true);
                    }
                    self.newline_here();
                    continue;
                }
                Some('\n') => {
                    self.newline_here();
                    continue;
                }
                Some('\r') if self.peek_at(1) == Some('\n') => {
                    self.pos += 1;
                    self.newline_here();
                    continue;
                }
                Some(_) => {}
            }
            let col = self.col();
            let current = *self.indents.last().unwrap_or(&0);
            if width > current {
                self.indents.push(width);
                self.push(TokenKind::Indent, self.line, 0);
                if let Some(t) = self.tokens.last_mut() {
                    t.span.end_col = col;
                }
            } else if width < current {
                while *self.indents.last().unwrap_or(&0) > width {
                    self.indents.pop();
                    self.push(TokenKind::Dedent, self.line, col);
                }
                if *self.indents.last().unwrap_or(&0) != width {
                    let len = self.source_line(self.line).map_or(0, |l| l.chars().count());
                    return Err(self.error_at(
                        SyntaxErrorKind::IndentationError,
                        "unindent does not match any outer indentation level",
                        self.line,
                        len as u32,
                        -1,
                    ));
                }
            }
            return Ok(false);
        }
    }

    fn finish(&mut self) -> Result<(), SyntaxError> {
        if self.fstring_mode {
            let (line, col) = (self.line, self.col());
            self.push(TokenKind::EndMarker, line, col);
            return Ok(());
        }
        // CPython names the innermost bracket still open.
        if let Some(open) = self.brackets.last() {
            self.unclosed = Some(self.error_at(
                SyntaxErrorKind::SyntaxError,
                format!("'{}' was never closed", open.ch),
                open.line,
                open.col,
                0,
            ));
        }
        let (line, col) = (self.line, self.col());
        if !matches!(
            self.tokens.last().map(|t| &t.kind),
            None | Some(TokenKind::Newline)
        ) {
            self.push(TokenKind::Newline, line, col);
        }
        // The end marker sits on the line after the last one, like CPython's.
        let end_line = if col == 0 { line } else { line + 1 };
        while self.indents.len() > 1 {
            self.indents.pop();
            self.tokens.push(Token {
                kind: TokenKind::Dedent,
                span: Span {
                    line: end_line,
                    col: 0,
                    end_line,
                    end_col: 0,
                },
            });
        }
        self.tokens.push(Token {
            kind: TokenKind::EndMarker,
            span: Span {
                line: end_line,
                col: 0,
                end_line,
                end_col: 0,
            },
        });
        Ok(())
    }

    fn name(&mut self) -> Result<(), SyntaxError> {
        let (line, col) = (self.line, self.col());
        let start = self.pos;
        while self.peek().is_some_and(|c| c == '_' || c.is_alphanumeric()) {
            self.pos += 1;
        }
        let word: String = self.chars[start..self.pos].iter().collect();
        if matches!(self.peek(), Some('"' | '\'')) {
            let lower = word.to_ascii_lowercase();
            let (mut raw, mut bytes, mut fstr, mut ok) = (false, false, false, lower.len() <= 2);
            for c in lower.chars() {
                match c {
                    'r' if !raw => raw = true,
                    'b' if !bytes && !fstr => bytes = true,
                    'f' if !fstr && !bytes => fstr = true,
                    'u' if lower.len() == 1 => {}
                    _ => ok = false,
                }
            }
            if ok {
                return self.string(line, col, raw, bytes, fstr);
            }
        }
        let kind = match KEYWORDS.iter().find(|k| **k == word) {
            Some(k) => TokenKind::Keyword(k),
            None => TokenKind::Name(word.into()),
        };
        self.push(kind, line, col);
        Ok(())
    }

    /// Scans a string literal starting at the opening quote (the prefix is already consumed).
    fn string(
        &mut self,
        line: u32,
        col: u32,
        is_raw: bool,
        is_bytes: bool,
        is_fstring: bool,
    ) -> Result<(), SyntaxError> {
        let quote = self.peek().unwrap_or('"');
        let triple = self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote);
        let quote_len = if triple { 3 } else { 1 };
        self.pos += quote_len;
        let (body_line, body_col) = (self.line, self.col());
        let body_start = self.pos;
        let body_end;
        loop {
            match self.peek() {
                None => {
                    // A final newline ends the last line; it does not start another.
                    let ends_with_newline =
                        self.pos > 0 && self.chars.get(self.pos - 1) == Some(&'\n');
                    let detected_line = if ends_with_newline {
                        self.line - 1
                    } else {
                        self.line
                    };
                    let msg = if triple {
                        format!(
                            "unterminated triple-quoted string literal (detected at line {})",
                            detected_line
                        )
                    } else {
                        format!(
                            "unterminated string literal (detected at line {})",
                            detected_line
                        )
                    };
                    return Err(self.error_at(
                        SyntaxErrorKind::SyntaxError,
                        msg,
                        line,
                        col,
                        col as i64 + 1,
                    ));
                }
                Some('\\') => {
                    self.pos += 1;
                    match self.peek() {
                        Some('\n') => self.newline_here(),
                        Some(_) => self.pos += 1,
                        None => {}
                    }
                }
                Some('\n') if !triple => {
                    let msg = format!(
                        "unterminated string literal (detected at line {})",
                        self.line
                    );
                    return Err(self.error_at(
                        SyntaxErrorKind::SyntaxError,
                        msg,
                        line,
                        col,
                        col as i64 + 1,
                    ));
                }
                Some('\n') => self.newline_here(),
                Some(c) if c == quote => {
                    if !triple || (self.peek_at(1) == Some(quote) && self.peek_at(2) == Some(quote))
                    {
                        body_end = self.pos;
                        self.pos += quote_len;
                        break;
                    }
                    self.pos += 1;
                }
                Some(_) => self.pos += 1,
            }
        }
        let body: String = self.chars[body_start..body_end].iter().collect();
        if is_bytes && !body.is_ascii() {
            return Err(self.syntax_error(
                "bytes can only contain ASCII literal characters",
                line,
                col,
                self.col(),
            ));
        }
        let token = StrToken {
            is_raw,
            is_bytes,
            is_fstring,
            body: body.into(),
            body_line,
            body_col,
        };
        self.push(TokenKind::Str(token), line, col);
        Ok(())
    }

    fn number(&mut self) -> Result<(), SyntaxError> {
        let (line, col) = (self.line, self.col());
        let start = self.pos;
        let radix_prefix = if self.peek() == Some('0') {
            match self.peek_at(1).map(|c| c.to_ascii_lowercase()) {
                Some('x') => Some((16, "hexadecimal")),
                Some('o') => Some((8, "octal")),
                Some('b') => Some((2, "binary")),
                _ => None,
            }
        } else {
            None
        };
        if let Some((radix, radix_name)) = radix_prefix {
            self.pos += 2;
            // `0x_ff` is valid: one underscore may follow the prefix.
            if self.peek() == Some('_') {
                self.pos += 1;
            }
            let digits = self.digits(|c| c.is_digit(radix), radix_name)?;
            if digits.is_empty() || self.peek().is_some_and(|c| c.is_alphanumeric()) {
                return Err(self.syntax_error(
                    format!("invalid {radix_name} literal"),
                    line,
                    self.col(),
                    self.col(),
                ));
            }
            let kind = match i64::from_str_radix(&digits, radix) {
                Ok(v) => TokenKind::Int(v),
                Err(_) => TokenKind::BigInt(Rc::new(big_literal(&digits, radix))),
            };
            self.push(kind, line, col);
            return Ok(());
        }
        let mut text = self.digits(|c| c.is_ascii_digit(), "decimal")?;
        let mut is_float = false;
        if self.peek() == Some('.') {
            is_float = true;
            self.pos += 1;
            text.push('.');
            if self.peek().is_some_and(|c| c.is_ascii_digit()) {
                text.push_str(&self.digits(|c| c.is_ascii_digit(), "decimal")?);
            }
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            let exponent_start = self.pos;
            self.pos += 1;
            let mut exp = String::from("e");
            if let Some(sign @ ('+' | '-')) = self.peek() {
                exp.push(sign);
                self.pos += 1;
            }
            if !self.peek().is_some_and(|c| c.is_ascii_digit()) {
                let at = self.col() - (self.pos - exponent_start) as u32;
                return Err(self.syntax_error(
                    "invalid decimal literal",
                    line,
                    at.saturating_sub(1),
                    at.saturating_sub(1),
                ));
            }
            exp.push_str(&self.digits(|c| c.is_ascii_digit(), "decimal")?);
            text.push_str(&exp);
            is_float = true;
        }
        if matches!(self.peek(), Some('j' | 'J')) {
            return Err(self.syntax_error(
                "complex literals are not supported",
                line,
                col,
                self.col(),
            ));
        }
        if self.peek().is_some_and(|c| c == '_' || c.is_alphabetic()) {
            let at = self.col();
            return Err(self.syntax_error(
                "invalid decimal literal",
                line,
                at.saturating_sub(1),
                at.saturating_sub(1),
            ));
        }
        let kind = if is_float {
            TokenKind::Float(text.parse().unwrap_or(f64::INFINITY))
        } else {
            if text.len() > 1 && text.starts_with('0') && text.chars().any(|c| c != '0') {
                return Err(self.syntax_error(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    line,
                    col,
                    col,
                ));
            }
            let _ = start;
            match text.parse::<i64>() {
                Ok(v) => TokenKind::Int(v),
                // CPython's compiler refuses a decimal literal past the str-to-int limit (a
                // hexadecimal one of any length is fine), at offset 0: no caret.
                Err(_) if text.len() > MAX_STR_DIGITS => {
                    let mut error = self.syntax_error(
                        format!("Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.", text.len()),
                        line,
                        col,
                        col,
                    );
                    (error.offset, error.end_offset) = (0, 0);
                    return Err(error);
                }
                Err(_) => TokenKind::BigInt(Rc::new(big_literal(&text, 10))),
            }
        };
        self.push(kind, line, col);
        Ok(())
    }

    /// Reads digits with single `_` separators between them.
    fn digits(
        &mut self,
        is_digit: impl Fn(char) -> bool,
        radix_name: &str,
    ) -> Result<String, SyntaxError> {
        let mut out = String::new();
        loop {
            match self.peek() {
                Some(c) if is_digit(c) => {
                    out.push(c);
                    self.pos += 1;
                }
                Some('_') if !out.is_empty() => {
                    if self.peek_at(1).is_some_and(&is_digit) {
                        self.pos += 1;
                    } else {
                        let at = self.col();
                        return Err(self.syntax_error(
                            format!("invalid {radix_name} literal"),
                            self.line,
                            at,
                            at,
                        ));
                    }
                }
                _ => return Ok(out),
            }
        }
    }

    fn operator(&mut self) -> Result<(), SyntaxError> {
        let (line, col) = (self.line, self.col());
        let c = self.peek().unwrap_or(' ');
        let Some(op) = OPERATORS.iter().find(|op| {
            op.chars()
                .enumerate()
                .all(|(i, oc)| self.peek_at(i) == Some(oc))
        }) else {
            if c.is_ascii() {
                // CPython's tokenizer passes `$` or `?` on, and its parser reports it.
                let mut error = self.syntax_error("invalid syntax", line, col, col + 1);
                error.from_tokenizer = false;
                return Err(error);
            }
            return Err(self.syntax_error(
                format!("invalid character '{c}' (U+{:04X})", c as u32),
                line,
                col,
                col,
            ));
        };
        self.pos += op.chars().count();
        match *op {
            "(" | "[" | "{" => {
                if self.brackets.len() >= 200 {
                    return Err(self.syntax_error("too many nested parentheses", line, col, col));
                }
                self.brackets.push(OpenBracket { ch: c, line, col });
            }
            ")" | "]" | "}" => match self.brackets.pop() {
                None => return Err(self.syntax_error(format!("unmatched '{c}'"), line, col, col)),
                Some(open) => {
                    let expected = match open.ch {
                        '(' => ')',
                        '[' => ']',
                        _ => '}',
                    };
                    if expected != c {
                        let msg = if open.line == line {
                            format!(
                                "closing parenthesis '{c}' does not match opening parenthesis '{}'",
                                open.ch
                            )
                        } else {
                            format!(
                                "closing parenthesis '{c}' does not match opening parenthesis '{}' on line {}",
                                open.ch, open.line
                            )
                        };
                        return Err(self.syntax_error(msg, line, col, col));
                    }
                }
            },
            _ => {}
        }
        self.push(TokenKind::Op(op), line, col);
        Ok(())
    }
}

/// The value of an integer literal's digits (underscores already removed) in `radix`.
fn big_literal(digits: &str, radix: u32) -> num_bigint::BigInt {
    num_bigint::BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default()
}
