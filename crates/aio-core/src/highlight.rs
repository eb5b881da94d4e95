//! A tiny Python tokenizer for syntax highlighting and for finding scrubbable numbers.
//!
//! It is deliberately not the parser's lexer: it must never fail, whatever half-typed text the
//! reader has in the editor (an unclosed string, a stray bracket, bad indentation), and it must
//! cover every byte of the source so that the highlighted layer lines up with the textarea over
//! it. Each token carries the highlight.js class mdBook's themes colour (`hljs-keyword`, ...), so
//! the code looks like every other listing of the book.

use std::ops::Range;

/// What a token is, as far as colouring and scrubbing care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Keyword,
    /// `True`, `False`, `None`.
    Literal,
    Builtin,
    /// A name after `def` or `class`.
    Title,
    Name,
    Number,
    String,
    Comment,
    /// `@decorator`.
    Meta,
    /// Operators and brackets (one character each, except that runs are not merged).
    Op,
    /// Spaces, tabs and newlines.
    Space,
}

impl TokenKind {
    /// The highlight.js class of this kind, if it is coloured.
    pub fn class(self) -> Option<&'static str> {
        match self {
            TokenKind::Keyword => Some("hljs-keyword"),
            TokenKind::Literal => Some("hljs-literal"),
            TokenKind::Builtin => Some("hljs-built_in"),
            TokenKind::Title => Some("hljs-title"),
            TokenKind::Number => Some("hljs-number"),
            TokenKind::String => Some("hljs-string"),
            TokenKind::Comment => Some("hljs-comment"),
            TokenKind::Meta => Some("hljs-meta"),
            TokenKind::Name | TokenKind::Op | TokenKind::Space => None,
        }
    }
}

/// A token: its kind and its byte range in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub range: Range<usize>,
}

const KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
    "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

const BUILTINS: &[&str] = &[
    "print",
    "range",
    "len",
    "str",
    "int",
    "float",
    "list",
    "dict",
    "set",
    "tuple",
    "bool",
    "repr",
    "sum",
    "min",
    "max",
    "sorted",
    "enumerate",
    "zip",
    "isinstance",
    "super",
    "type",
    "object",
    "abs",
    "round",
    "any",
    "all",
    "map",
    "filter",
    "iter",
    "next",
    "open",
    "id",
    "Exception",
    "BaseException",
    "ValueError",
    "TypeError",
    "KeyError",
    "RuntimeError",
    "TimeoutError",
    "ZeroDivisionError",
    "NameError",
    "StopIteration",
    "NotImplementedError",
];

fn is_name_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_name_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// The byte length of the string literal starting at `start` (at its opening quote, after any
/// prefix). Unclosed strings end at the line's end (or, for triple quotes, at the source's end).
fn string_len(source: &str, start: usize) -> usize {
    let rest = &source[start..];
    let quote = rest.as_bytes()[0];
    let triple = rest.len() >= 3 && rest.as_bytes()[1] == quote && rest.as_bytes()[2] == quote;
    let open = if triple { 3 } else { 1 };
    let bytes = rest.as_bytes();
    let mut i = open;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\\' {
            i += 2;
            continue;
        }
        if !triple && b == b'\n' {
            return i;
        }
        if b == quote
            && (!triple || (bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote)))
        {
            return i + if triple { 3 } else { 1 };
        }
        i += 1;
    }
    bytes.len()
}

/// `match` and `case` are keywords only where they start a statement that ends in a colon
/// (`match = 1` and `match(x)` are a name).
fn is_soft_keyword(
    source: &str,
    word: &str,
    end: usize,
    previous: Option<&(TokenKind, Range<usize>)>,
) -> bool {
    let at_line_start = previous.is_none_or(|(kind, range)| {
        *kind == TokenKind::Space && source[range.clone()].contains('\n')
    });
    let line = source[end..].split('\n').next().unwrap_or("");
    let code = line.split('#').next().unwrap_or("").trim_end();
    matches!(word, "match" | "case")
        && at_line_start
        && line.starts_with([' ', '\t'])
        && code.ends_with(':')
}

/// Splits `source` into tokens that cover it exactly, in order. Never fails.
pub fn tokenize(source: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut chars = source.char_indices().peekable();
    // The previous significant (non-space) token's text, for `def NAME` and `.attr`.
    let mut previous: Option<(TokenKind, Range<usize>)> = None;
    while let Some(&(start, c)) = chars.peek() {
        let (kind, end) = if c == '#' {
            let end = source[start..]
                .find('\n')
                .map_or(source.len(), |n| start + n);
            (TokenKind::Comment, end)
        } else if c.is_whitespace() {
            let end = source[start..]
                .char_indices()
                .find(|&(_, c)| !c.is_whitespace())
                .map_or(source.len(), |(n, _)| start + n);
            (TokenKind::Space, end)
        } else if c == '"' || c == '\'' {
            (TokenKind::String, start + string_len(source, start))
        } else if c.is_ascii_digit()
            || (c == '.' && source[start + 1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            let bytes = source.as_bytes();
            let mut i = start;
            while i < bytes.len() {
                let b = bytes[i];
                let exponent_sign = (b == b'+' || b == b'-')
                    && i > start
                    && matches!(bytes[i - 1], b'e' | b'E')
                    && !source[start..].starts_with("0x")
                    && !source[start..].starts_with("0X");
                if b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || exponent_sign {
                    i += 1;
                } else {
                    break;
                }
            }
            (TokenKind::Number, i)
        } else if is_name_start(c) {
            let end = source[start..]
                .char_indices()
                .find(|&(_, c)| !is_name_char(c))
                .map_or(source.len(), |(n, _)| start + n);
            let word = &source[start..end];
            // A string prefix (`f"…"`, `rb'…'`) belongs to the string.
            if word.len() <= 2
                && word.chars().all(|c| "rRbBuUfF".contains(c))
                && source[end..].starts_with(['"', '\''])
            {
                (TokenKind::String, end + string_len(source, end))
            } else {
                let after_dot = previous
                    .as_ref()
                    .is_some_and(|(_, range)| &source[range.clone()] == ".");
                let kind = match previous.as_ref() {
                    Some((TokenKind::Keyword, range))
                        if matches!(&source[range.clone()], "def" | "class") =>
                    {
                        TokenKind::Title
                    }
                    _ if after_dot => TokenKind::Name,
                    _ if KEYWORDS.contains(&word) => TokenKind::Keyword,
                    _ if is_soft_keyword(source, word, end, previous.as_ref()) => {
                        TokenKind::Keyword
                    }
                    _ if matches!(word, "True" | "False" | "None") => TokenKind::Literal,
                    _ if BUILTINS.contains(&word) => TokenKind::Builtin,
                    _ => TokenKind::Name,
                };
                (kind, end)
            }
        } else if c == '@'
            && previous
                .as_ref()
                .is_none_or(|(kind, _)| *kind == TokenKind::Space)
        {
            let end = source[start + 1..]
                .char_indices()
                .find(|&(_, c)| !(is_name_char(c) || c == '.'))
                .map_or(source.len(), |(n, _)| start + 1 + n);
            (TokenKind::Meta, end)
        } else {
            (TokenKind::Op, start + c.len_utf8())
        };
        while chars.peek().is_some_and(|&(i, _)| i < end) {
            chars.next();
        }
        if kind != TokenKind::Space {
            previous = Some((kind, start..end));
        } else if source[start..end].contains('\n') {
            previous = Some((TokenKind::Space, start..end));
        }
        tokens.push(Token {
            kind,
            range: start..end,
        });
    }
    tokens
}

/// The source as highlighted runs: `(class, text)` pairs that concatenate to `source`;
/// neighbouring runs of the same class are merged to keep the DOM small.
pub fn highlight(source: &str) -> Vec<(Option<&'static str>, &str)> {
    let mut runs: Vec<(Option<&'static str>, Range<usize>)> = Vec::new();
    for token in tokenize(source) {
        let class = token.kind.class();
        match runs.last_mut() {
            Some((last, range)) if *last == class => range.end = token.range.end,
            _ => runs.push((class, token.range)),
        }
    }
    runs.into_iter()
        .map(|(class, range)| (class, &source[range]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(source: &str) -> Vec<(Option<&'static str>, &str)> {
        highlight(source)
            .into_iter()
            .filter(|(class, _)| class.is_some())
            .collect()
    }

    #[test]
    fn runs_cover_the_source_exactly() {
        for source in [
            "",
            "import asyncio\n\nasync def main():\n    await asyncio.sleep(0.1)  # wait\n",
            "s = 'unclosed\nx = \"\"\"triple\n never closed",
            "print(f\"{x!r:>10}\", rb'\\x00', 1e-3, 0x1F, .5, 1_000)",
            "é = 'ünïcode' # ☃\n\t@deco.rator\nclass K(object): pass",
            "'\\", // a lone backslash at the end
        ] {
            let joined: String = highlight(source).iter().map(|(_, text)| *text).collect();
            assert_eq!(joined, source);
        }
    }

    #[test]
    fn match_and_case_are_keywords_only_as_statements() {
        assert_eq!(
            classes("match cmd:\n    case [x]:\n        match = case(1)\n"),
            vec![
                (Some("hljs-keyword"), "match"),
                (Some("hljs-keyword"), "case"),
                (Some("hljs-number"), "1"),
            ]
        );
    }

    #[test]
    fn colours_like_highlight_js() {
        assert_eq!(
            classes("async def main():\n    print('hi', 0.5, None)  # done\n"),
            vec![
                (Some("hljs-keyword"), "async"),
                (Some("hljs-keyword"), "def"),
                (Some("hljs-title"), "main"),
                (Some("hljs-built_in"), "print"),
                (Some("hljs-string"), "'hi'"),
                (Some("hljs-number"), "0.5"),
                (Some("hljs-literal"), "None"),
                (Some("hljs-comment"), "# done"),
            ]
        );
        // An attribute is never a keyword or a builtin; a prefix belongs to its string.
        assert_eq!(
            classes("x.print(f'a{b}', 1e-3)"),
            vec![
                (Some("hljs-string"), "f'a{b}'"),
                (Some("hljs-number"), "1e-3")
            ]
        );
        assert_eq!(
            classes("@dataclass\n"),
            vec![(Some("hljs-meta"), "@dataclass")]
        );
        assert_eq!(classes("a @ b"), vec![]);
        assert_eq!(
            classes("s = '''a\n'b'\n'''\n"),
            vec![(Some("hljs-string"), "'''a\n'b'\n'''")]
        );
    }
}
