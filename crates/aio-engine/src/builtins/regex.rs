//! Regular expressions with the semantics of CPython's `re` (its `_sre` engine): a pattern is
//! parsed with CPython's syntax and messages, compiled to a small program, and run by a
//! backtracking machine whose stack is data (so a long subject never recurses on the host
//! stack). Matching is over the subject's characters, so positions are CPython's.
//!
//! Supported: literals and escapes, `.`, classes (`[a-z]`, `[^...]`, `\d \w \s` and their
//! negations, Unicode-aware unless `ASCII`), anchors (`^ $ \A \Z \b \B`), groups (capturing,
//! `(?:...)`, `(?P<name>...)`, `(?P=name)`, `(?#...)`), alternation, greedy, lazy and
//! possessive quantifiers, atomic groups, lookahead, fixed-width lookbehind, backreferences,
//! and the flags `i m s x a` (global and scoped). Catastrophic backtracking is stopped after
//! [`MAX_STEPS`] steps instead of freezing the page.

use std::rc::Rc;

/// `re.IGNORECASE` and the other flags, as CPython numbers them.
pub(crate) const IGNORECASE: u32 = 2;
pub(crate) const MULTILINE: u32 = 8;
pub(crate) const DOTALL: u32 = 16;
pub(crate) const UNICODE: u32 = 32;
pub(crate) const VERBOSE: u32 = 64;
pub(crate) const ASCII: u32 = 256;

/// The largest count of a counted repeat (`a{1000}`) the engine unrolls.
pub(crate) const MAX_REPEAT: u64 = 65_535;

/// How many machine steps one match may take before it is given up.
pub(crate) const MAX_STEPS: u64 = 20_000_000;

/// A pattern CPython's parser refuses: its message and position (`re.error`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PatternError {
    pub message: String,
    pub pos: Option<usize>,
    /// CPython raises this one as an `OverflowError`, not a `re.error`.
    pub overflow: bool,
}

/// The spans of a match and of its groups, the whole match first.
pub(crate) type Spans = Vec<Option<(usize, usize)>>;

/// A match: its spans, and the group that closed last (`Match.lastindex`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub spans: Spans,
    pub lastindex: Option<usize>,
}

/// How a pattern is run over `text[start..end]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Mode {
    /// At `start` only (`re.match`).
    Match,
    /// At `start` or any later position (`re.search`).
    Search,
    /// At `start`, to `end` exactly (`re.fullmatch`).
    FullMatch,
}

/// One run of a pattern.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Search {
    pub start: usize,
    pub end: usize,
    pub mode: Mode,
    /// No empty match at `start` (the rule `findall` and `sub` follow after an empty match).
    pub must_advance: bool,
}

/// Why a match could not be decided.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum MatchError {
    TooManySteps,
}

#[derive(Debug, Clone)]
enum ClassItem {
    Range(char, char),
    Digit(bool),
    Word(bool),
    Space(bool),
}

#[derive(Debug, Clone)]
struct CharClass {
    items: Vec<ClassItem>,
    negated: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Assertion {
    LineStart,
    TextStart,
    LineEnd,
    /// `$` without MULTILINE: the end, or before a final newline.
    EndOrFinalNewline,
    TextEnd,
    WordBoundary,
    NotWordBoundary,
}

#[derive(Debug, Clone)]
enum Node {
    Empty,
    Char(char, bool),
    Any(bool),
    Class(Rc<CharClass>, bool, bool),
    Assert(Assertion, bool),
    Group(Box<Node>, Option<usize>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: usize,
        max: Option<usize>,
        greedy: bool,
        possessive: bool,
    },
    Backref(usize, bool),
    Look {
        node: Box<Node>,
        ahead: bool,
        negate: bool,
    },
    Atomic(Box<Node>),
}

/// A compiled pattern.
#[derive(Debug)]
pub(crate) struct Regex {
    program: Rc<[Inst]>,
    /// Capturing groups, not counting the whole match.
    pub groups: usize,
    /// `(?P<name>...)` names and their group numbers, in the order they appear.
    pub names: Vec<(String, usize)>,
    /// The flags in effect at the top level (those given and those of `(?i)` and the like).
    pub flags: u32,
    /// The machine's registers: two per group, then one per loop that may match nothing.
    slots: usize,
}

#[derive(Debug, Clone)]
enum Inst {
    Char(char, bool),
    Any(bool),
    Class(Rc<CharClass>, bool, bool),
    Assert(Assertion, bool),
    Split(usize, usize),
    Jmp(usize),
    Save(usize),
    /// Records, in the slot, that this group closed last.
    Close(usize, usize),
    /// Ends the loop (going to the second address) when the body that began at the position
    /// saved in the slot matched nothing: sre counts one empty turn, then stops.
    Progress(usize, usize),
    Backref(usize, bool),
    /// Runs the sub-program once, atomically: `Look` checks without moving (lookahead, or
    /// lookbehind of a fixed width), `Atomic` moves to where it ended.
    Look {
        program: Rc<[Inst]>,
        ahead: bool,
        negate: bool,
        width: usize,
    },
    Atomic(Rc<[Inst]>),
    Match,
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    flags: u32,
    groups: usize,
    names: Vec<(String, usize)>,
    open: Vec<usize>,
}

fn error(message: impl Into<String>, pos: usize) -> PatternError {
    PatternError {
        message: message.into(),
        pos: Some(pos),
        overflow: false,
    }
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn verbose(&self) -> bool {
        self.flags & VERBOSE != 0
    }

    /// In VERBOSE mode: whitespace and `#` comments between tokens.
    fn skip_verbose(&mut self) {
        if !self.verbose() {
            return;
        }
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.pos += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn parse_alt(&mut self) -> Result<Node, PatternError> {
        let mut branches = vec![self.parse_concat()?];
        while self.eat('|') {
            branches.push(self.parse_concat()?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(branches)
        })
    }

    fn parse_concat(&mut self) -> Result<Node, PatternError> {
        let mut items = Vec::new();
        loop {
            self.skip_verbose();
            match self.peek() {
                None | Some('|') | Some(')') => break,
                _ => {}
            }
            let start = self.pos;
            let atom = self.parse_atom()?;
            let atom = self.parse_quantifiers(atom, start)?;
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    fn parse_quantifiers(&mut self, mut atom: Node, start: usize) -> Result<Node, PatternError> {
        let mut quantified = false;
        loop {
            self.skip_verbose();
            let here = self.pos;
            let (min, max) = match self.peek() {
                Some('*') => (0, None),
                Some('+') => (1, None),
                Some('?') => (0, Some(1)),
                Some('{') => match self.parse_braces()? {
                    Some(bounds) => bounds,
                    None => return Ok(atom),
                },
                _ => return Ok(atom),
            };
            if self.chars[here] != '{' {
                self.pos += 1;
            }
            if quantified {
                return Err(error("multiple repeat", here));
            }
            if matches!(atom, Node::Empty | Node::Assert(..)) {
                return Err(error("nothing to repeat", here));
            }
            if let Some(max) = max
                && max < min
            {
                return Err(error("min repeat greater than max repeat", here + 1));
            }
            let greedy = !self.eat('?');
            let possessive = greedy && self.eat('+');
            atom = Node::Repeat {
                node: Box::new(atom),
                min,
                max,
                greedy,
                possessive,
            };
            quantified = true;
            let _ = start;
        }
    }

    /// `{m,n}` and its forms; `None` when the brace is a literal (as `{` alone is in CPython).
    fn parse_braces(&mut self) -> Result<Option<(usize, Option<usize>)>, PatternError> {
        let save = self.pos;
        self.pos += 1;
        let number = |p: &mut Self| {
            let start = p.pos;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.pos += 1;
            }
            let text: String = p.chars[start..p.pos].iter().collect();
            // Too many digits for any count is still a count, a too large one.
            (!text.is_empty()).then(|| text.parse::<u64>().unwrap_or(u64::MAX))
        };
        let min = number(self);
        let (min, max) = if self.eat(',') {
            (min.unwrap_or(0), number(self))
        } else {
            match min {
                Some(n) => (n, Some(n)),
                None => {
                    self.pos = save;
                    return Ok(None);
                }
            }
        };
        if !self.eat('}') {
            self.pos = save;
            return Ok(None);
        }
        if min > u64::from(u32::MAX) || max.is_some_and(|m| m > u64::from(u32::MAX)) {
            return Err(PatternError {
                message: "the repetition number is too large".into(),
                pos: None,
                overflow: true,
            });
        }
        // The machine unrolls a counted repeat, so a page takes at most MAX_REPEAT copies.
        if min > MAX_REPEAT || max.is_some_and(|m| m > MAX_REPEAT) {
            return Err(error(
                format!(
                    "the repetition number is too large for this engine (more than {MAX_REPEAT})"
                ),
                save + 1,
            ));
        }
        Ok(Some((min as usize, max.map(|m| m as usize))))
    }

    fn ignore_case(&self) -> bool {
        self.flags & IGNORECASE != 0
    }

    fn ascii(&self) -> bool {
        self.flags & ASCII != 0
    }

    fn parse_atom(&mut self) -> Result<Node, PatternError> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Ok(Node::Empty);
        };
        self.pos += 1;
        Ok(match c {
            '.' => Node::Any(self.flags & DOTALL != 0),
            '^' => Node::Assert(
                if self.flags & MULTILINE != 0 {
                    Assertion::LineStart
                } else {
                    Assertion::TextStart
                },
                self.ascii(),
            ),
            '$' => Node::Assert(
                if self.flags & MULTILINE != 0 {
                    Assertion::LineEnd
                } else {
                    Assertion::EndOrFinalNewline
                },
                self.ascii(),
            ),
            '[' => self.parse_class(start)?,
            '(' => self.parse_group(start)?,
            ')' => return Err(error("unbalanced parenthesis", start)),
            '*' | '+' | '?' => return Err(error("nothing to repeat", start)),
            '{' => {
                self.pos = start;
                if self.parse_braces()?.is_some() {
                    return Err(error("nothing to repeat", start));
                }
                self.pos = start + 1;
                Node::Char('{', self.ignore_case())
            }
            '\\' => self.parse_escape(start)?,
            other => Node::Char(other, self.ignore_case()),
        })
    }

    fn parse_group(&mut self, start: usize) -> Result<Node, PatternError> {
        if !self.eat('?') {
            self.groups += 1;
            let index = self.groups;
            self.open.push(index);
            let inner = self.parse_alt()?;
            self.open.pop();
            self.close(start)?;
            return Ok(Node::Group(Box::new(inner), Some(index)));
        }
        let Some(kind) = self.peek() else {
            return Err(error("unexpected end of pattern", self.pos));
        };
        self.pos += 1;
        match kind {
            ':' => {
                let inner = self.parse_alt()?;
                self.close(start)?;
                Ok(Node::Group(Box::new(inner), None))
            }
            '>' => {
                let inner = self.parse_alt()?;
                self.close(start)?;
                Ok(Node::Atomic(Box::new(inner)))
            }
            '#' => {
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == ')' {
                        return Ok(Node::Empty);
                    }
                }
                Err(error("missing ), unterminated comment", start))
            }
            '=' | '!' => {
                let inner = self.parse_alt()?;
                self.close(start)?;
                Ok(Node::Look {
                    node: Box::new(inner),
                    ahead: true,
                    negate: kind == '!',
                })
            }
            '<' if matches!(self.peek(), Some('=' | '!')) => {
                let negate = self.peek() == Some('!');
                self.pos += 1;
                let inner = self.parse_alt()?;
                self.close(start)?;
                if width(&inner).is_none() {
                    // CPython says this one without a position.
                    return Err(PatternError {
                        message: "look-behind requires fixed-width pattern".into(),
                        pos: None,
                        overflow: false,
                    });
                }
                Ok(Node::Look {
                    node: Box::new(inner),
                    ahead: false,
                    negate,
                })
            }
            'P' => self.parse_named(start),
            c if "aiLmsux-".contains(c) => {
                self.pos -= 1;
                self.parse_flags(start)
            }
            other => {
                let shown = if other == '<' {
                    format!("?<{}", self.peek().map(String::from).unwrap_or_default())
                } else {
                    format!("?{other}")
                };
                Err(error(format!("unknown extension {shown}"), start + 1))
            }
        }
    }

    fn close(&mut self, start: usize) -> Result<(), PatternError> {
        if self.eat(')') {
            Ok(())
        } else {
            Err(error("missing ), unterminated subpattern", start))
        }
    }

    fn parse_named(&mut self, start: usize) -> Result<Node, PatternError> {
        if self.eat('<') {
            let name = self.read_name('>', self.pos)?;
            if self.names.iter().any(|(n, _)| *n == name) {
                return Err(error(
                    format!(
                        "redefinition of group name '{name}' as group {}; was group {}",
                        self.groups + 1,
                        self.names
                            .iter()
                            .find(|(n, _)| *n == name)
                            .map(|(_, i)| *i)
                            .unwrap_or(0)
                    ),
                    start + 4,
                ));
            }
            self.groups += 1;
            let index = self.groups;
            self.names.push((name, index));
            self.open.push(index);
            let inner = self.parse_alt()?;
            self.open.pop();
            self.close(start)?;
            return Ok(Node::Group(Box::new(inner), Some(index)));
        }
        if self.eat('=') {
            let name_at = self.pos;
            let name = self.read_name(')', name_at)?;
            let Some(&(_, index)) = self.names.iter().find(|(n, _)| *n == name) else {
                return Err(error(format!("unknown group name '{name}'"), name_at));
            };
            if self.open.contains(&index) {
                return Err(error("cannot refer to an open group", start));
            }
            return Ok(Node::Backref(index, self.ignore_case()));
        }
        let shown = self.peek().map(String::from).unwrap_or_default();
        Err(error(format!("unknown extension ?P{shown}"), start + 1))
    }

    fn read_name(&mut self, end: char, at: usize) -> Result<String, PatternError> {
        let mut name = String::new();
        loop {
            match self.peek() {
                None => {
                    return Err(error(
                        if end == '>' {
                            "missing >, unterminated name"
                        } else {
                            "missing ), unterminated name"
                        },
                        at,
                    ));
                }
                Some(c) if c == end => {
                    self.pos += 1;
                    break;
                }
                Some(c) => {
                    name.push(c);
                    self.pos += 1;
                }
            }
        }
        if name.is_empty() {
            return Err(error("missing group name", at));
        }
        let valid = name
            .chars()
            .next()
            .is_some_and(|c| c == '_' || c.is_alphabetic())
            && name.chars().all(|c| c == '_' || c.is_alphanumeric());
        if !valid {
            return Err(error(format!("bad character in group name '{name}'"), at));
        }
        Ok(name)
    }

    /// `(?i)` at the start (global) or `(?i:...)`, `(?-i:...)` (scoped).
    fn parse_flags(&mut self, start: usize) -> Result<Node, PatternError> {
        let mut on = 0;
        let mut off = 0;
        let mut negative = false;
        loop {
            let Some(c) = self.peek() else {
                return Err(error("missing -, : or )", self.pos));
            };
            self.pos += 1;
            let flag = match c {
                'i' => IGNORECASE,
                'm' => MULTILINE,
                's' => DOTALL,
                'x' => VERBOSE,
                'a' => ASCII,
                'u' => UNICODE,
                'L' => {
                    return Err(error(
                        "bad inline flags: cannot use 'L' flag with a str pattern",
                        self.pos - 1,
                    ));
                }
                '-' if !negative => {
                    negative = true;
                    continue;
                }
                ')' if !negative => {
                    // A global flag must come first (CPython 3.11 refuses it elsewhere).
                    if start != 0 {
                        return Err(error(
                            "global flags not at the start of the expression",
                            start,
                        ));
                    }
                    self.flags |= on;
                    return Ok(Node::Empty);
                }
                ':' => {
                    let saved = self.flags;
                    self.flags = (self.flags | on) & !off;
                    let inner = self.parse_alt();
                    self.flags = saved;
                    let inner = inner?;
                    self.close(start)?;
                    return Ok(Node::Group(Box::new(inner), None));
                }
                _ => {
                    return Err(error(
                        if c.is_alphabetic() {
                            "unknown flag"
                        } else {
                            "missing -, : or )"
                        },
                        self.pos - 1,
                    ));
                }
            };
            if negative {
                off |= flag;
            } else {
                on |= flag;
            }
        }
    }

    fn parse_escape(&mut self, start: usize) -> Result<Node, PatternError> {
        let Some(c) = self.peek() else {
            return Err(error("bad escape (end of pattern)", start));
        };
        self.pos += 1;
        let ascii = self.ascii();
        if let Some(item) = class_escape(c) {
            let class = CharClass {
                items: vec![item],
                negated: false,
            };
            return Ok(Node::Class(Rc::new(class), false, ascii));
        }
        Ok(match c {
            'b' => Node::Assert(Assertion::WordBoundary, ascii),
            'B' => Node::Assert(Assertion::NotWordBoundary, ascii),
            'A' => Node::Assert(Assertion::TextStart, ascii),
            'Z' => Node::Assert(Assertion::TextEnd, ascii),
            '1'..='9' => {
                let mut digits = c.to_string();
                if let Some(d) = self.peek().filter(|d| d.is_ascii_digit()) {
                    digits.push(d);
                    self.pos += 1;
                }
                let index: usize = digits.parse().unwrap_or(0);
                if index > self.groups {
                    return Err(error(format!("invalid group reference {index}"), start + 1));
                }
                if self.open.contains(&index) {
                    return Err(error("cannot refer to an open group", start));
                }
                Node::Backref(index, self.ignore_case())
            }
            _ => Node::Char(self.escaped_char(c, start, false)?, self.ignore_case()),
        })
    }

    /// The character an escape stands for (`\n`, `\x41`, `\.`), or CPython's "bad escape".
    fn escaped_char(
        &mut self,
        c: char,
        start: usize,
        in_class: bool,
    ) -> Result<char, PatternError> {
        Ok(match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'f' => '\x0c',
            'v' => '\x0b',
            'a' => '\x07',
            'b' if in_class => '\x08',
            '0' => {
                let mut value = 0u32;
                let mut count = 0;
                while count < 2 && self.peek().is_some_and(|d| ('0'..='7').contains(&d)) {
                    value = value * 8 + self.peek().and_then(|d| d.to_digit(8)).unwrap_or(0);
                    self.pos += 1;
                    count += 1;
                }
                char::from_u32(value).unwrap_or('\0')
            }
            'x' | 'u' | 'U' => {
                let len = match c {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let digits: String = self.chars[self.pos..].iter().take(len).collect();
                if digits.len() != len || !digits.chars().all(|d| d.is_ascii_hexdigit()) {
                    return Err(error(format!("incomplete escape \\{c}{digits}"), start));
                }
                self.pos += len;
                let value = u32::from_str_radix(&digits, 16).unwrap_or(0);
                char::from_u32(value)
                    .ok_or_else(|| error(format!("bad escape \\{c}{digits}"), start))?
            }
            c if c.is_ascii_alphanumeric() => {
                return Err(error(format!("bad escape \\{c}"), start));
            }
            other => other,
        })
    }

    fn parse_class(&mut self, start: usize) -> Result<Node, PatternError> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return Err(error("unterminated character set", start));
            };
            if c == ']' && !first {
                self.pos += 1;
                break;
            }
            first = false;
            let item_start = self.pos;
            self.pos += 1;
            let low = if c == '\\' {
                let Some(e) = self.peek() else {
                    return Err(error("unterminated character set", start));
                };
                self.pos += 1;
                if let Some(item) = class_escape(e) {
                    items.push(item);
                    continue;
                }
                self.escaped_char(e, item_start, true)?
            } else {
                c
            };
            // A range, unless the `-` is the last character of the set.
            if self.peek() == Some('-') && self.chars.get(self.pos + 1).is_some_and(|n| *n != ']') {
                self.pos += 1;
                let Some(h) = self.peek() else {
                    return Err(error("unterminated character set", start));
                };
                self.pos += 1;
                let high = if h == '\\' {
                    let Some(e) = self.peek() else {
                        return Err(error("unterminated character set", start));
                    };
                    self.pos += 1;
                    if class_escape(e).is_some() {
                        return Err(error(
                            format!("bad character range {low}-\\{e}"),
                            item_start,
                        ));
                    }
                    self.escaped_char(e, self.pos - 2, true)?
                } else {
                    h
                };
                if high < low {
                    let shown: String = self.chars[item_start..self.pos].iter().collect();
                    return Err(error(format!("bad character range {shown}"), item_start));
                }
                items.push(ClassItem::Range(low, high));
            } else {
                items.push(ClassItem::Range(low, low));
            }
        }
        Ok(Node::Class(
            Rc::new(CharClass { items, negated }),
            self.ignore_case(),
            self.ascii(),
        ))
    }
}

/// The class a `\d`, `\w` or `\s` escape (or its negation) stands for.
fn class_escape(c: char) -> Option<ClassItem> {
    Some(match c {
        'd' => ClassItem::Digit(true),
        'D' => ClassItem::Digit(false),
        'w' => ClassItem::Word(true),
        'W' => ClassItem::Word(false),
        's' => ClassItem::Space(true),
        'S' => ClassItem::Space(false),
        _ => return None,
    })
}

/// The most instructions a compiled pattern may have.
const MAX_PROGRAM: u64 = 1_000_000;

/// How many instructions `node` compiles to, about (repeats are unrolled).
fn program_size(node: &Node) -> u64 {
    match node {
        Node::Empty => 0,
        Node::Char(..) | Node::Any(_) | Node::Class(..) | Node::Assert(..) | Node::Backref(..) => 1,
        Node::Group(inner, _) | Node::Atomic(inner) | Node::Look { node: inner, .. } => {
            program_size(inner).saturating_add(3)
        }
        Node::Concat(items) => items.iter().map(program_size).fold(0, u64::saturating_add),
        Node::Alt(branches) => branches
            .iter()
            .map(|b| program_size(b).saturating_add(2))
            .fold(0, u64::saturating_add),
        Node::Repeat { node, min, max, .. } => {
            let copies = max.unwrap_or(*min).max(*min) as u64 + 1;
            program_size(node).saturating_add(2).saturating_mul(copies)
        }
    }
}

/// The fixed number of characters `node` matches, if it has one (for lookbehind).
fn width(node: &Node) -> Option<usize> {
    Some(match node {
        Node::Empty | Node::Assert(..) | Node::Look { .. } => 0,
        Node::Char(..) | Node::Any(_) | Node::Class(..) => 1,
        Node::Group(inner, _) | Node::Atomic(inner) => width(inner)?,
        Node::Concat(items) => items.iter().map(width).sum::<Option<usize>>()?,
        Node::Alt(branches) => {
            let first = width(&branches[0])?;
            if branches.iter().all(|b| width(b) == Some(first)) {
                first
            } else {
                return None;
            }
        }
        Node::Repeat { node, min, max, .. } if Some(*min) == *max => width(node)? * min,
        Node::Repeat { .. } | Node::Backref(..) => return None,
    })
}

/// Whether `node` can match without consuming anything (its loops need a progress check).
fn can_be_empty(node: &Node) -> bool {
    match node {
        Node::Empty | Node::Assert(..) | Node::Look { .. } | Node::Backref(..) => true,
        Node::Char(..) | Node::Any(_) | Node::Class(..) => false,
        Node::Group(inner, _) | Node::Atomic(inner) => can_be_empty(inner),
        Node::Concat(items) => items.iter().all(can_be_empty),
        Node::Alt(branches) => branches.iter().any(can_be_empty),
        Node::Repeat { node, min, .. } => *min == 0 || can_be_empty(node),
    }
}

struct Compiler {
    program: Vec<Inst>,
    /// The slot that says which group closed last.
    last_closed: usize,
    /// The next free slot: 2 per group (start, end), then the loops' progress marks.
    next_slot: usize,
}

impl Compiler {
    fn emit(&mut self, inst: Inst) -> usize {
        self.program.push(inst);
        self.program.len() - 1
    }

    fn sub_program(&mut self, node: &Node) -> Rc<[Inst]> {
        let mut sub = Compiler {
            program: Vec::new(),
            last_closed: self.last_closed,
            next_slot: self.next_slot,
        };
        sub.compile(node);
        sub.emit(Inst::Match);
        self.next_slot = sub.next_slot;
        sub.program.into()
    }

    fn compile(&mut self, node: &Node) {
        match node {
            Node::Empty => {}
            Node::Char(c, ic) => {
                self.emit(Inst::Char(if *ic { fold(*c) } else { *c }, *ic));
            }
            Node::Any(dotall) => {
                self.emit(Inst::Any(*dotall));
            }
            Node::Class(class, ic, ascii) => {
                self.emit(Inst::Class(class.clone(), *ic, *ascii));
            }
            Node::Assert(a, ascii) => {
                self.emit(Inst::Assert(*a, *ascii));
            }
            Node::Group(inner, index) => match index {
                Some(i) => {
                    self.emit(Inst::Save(2 * i));
                    self.compile(inner);
                    self.emit(Inst::Save(2 * i + 1));
                    self.emit(Inst::Close(self.last_closed, *i));
                }
                None => self.compile(inner),
            },
            Node::Concat(items) => {
                for item in items {
                    self.compile(item);
                }
            }
            Node::Alt(branches) => {
                let mut jumps = Vec::new();
                for (i, branch) in branches.iter().enumerate() {
                    if i + 1 < branches.len() {
                        let split = self.emit(Inst::Split(0, 0));
                        self.compile(branch);
                        jumps.push(self.emit(Inst::Jmp(0)));
                        let next = self.program.len();
                        self.program[split] = Inst::Split(split + 1, next);
                    } else {
                        self.compile(branch);
                    }
                }
                let end = self.program.len();
                for j in jumps {
                    self.program[j] = Inst::Jmp(end);
                }
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
                possessive,
            } => {
                if *possessive {
                    let inner = Node::Repeat {
                        node: node.clone(),
                        min: *min,
                        max: *max,
                        greedy: true,
                        possessive: false,
                    };
                    let program = self.sub_program(&inner);
                    self.emit(Inst::Atomic(program));
                    return;
                }
                for _ in 0..*min {
                    self.compile(node);
                }
                match max {
                    Some(max) => {
                        // Each optional copy: try it (or skip it, lazily), then the next.
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.emit(Inst::Split(0, 0)));
                            self.compile(node);
                        }
                        let end = self.program.len();
                        for s in splits {
                            self.program[s] = if *greedy {
                                Inst::Split(s + 1, end)
                            } else {
                                Inst::Split(end, s + 1)
                            };
                        }
                    }
                    None => {
                        let check = can_be_empty(node);
                        let mark = self.next_slot;
                        if check {
                            self.next_slot += 1;
                        }
                        let split = self.emit(Inst::Split(0, 0));
                        if check {
                            self.emit(Inst::Save(mark));
                        }
                        self.compile(node);
                        let progress = check.then(|| self.emit(Inst::Progress(mark, 0)));
                        self.emit(Inst::Jmp(split));
                        let end = self.program.len();
                        if let Some(p) = progress {
                            self.program[p] = Inst::Progress(mark, end);
                        }
                        self.program[split] = if *greedy {
                            Inst::Split(split + 1, end)
                        } else {
                            Inst::Split(end, split + 1)
                        };
                    }
                }
            }
            Node::Backref(i, ic) => {
                self.emit(Inst::Backref(*i, *ic));
            }
            Node::Look {
                node,
                ahead,
                negate,
            } => {
                let w = if *ahead { 0 } else { width(node).unwrap_or(0) };
                let program = self.sub_program(node);
                self.emit(Inst::Look {
                    program,
                    ahead: *ahead,
                    negate: *negate,
                    width: w,
                });
            }
            Node::Atomic(node) => {
                let program = self.sub_program(node);
                self.emit(Inst::Atomic(program));
            }
        }
    }
}

/// The case-folded form used to compare under IGNORECASE.
fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

fn is_word(c: char, ascii: bool) -> bool {
    if ascii {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric() || c == '_'
    }
}

fn is_digit(c: char, ascii: bool) -> bool {
    c.is_ascii_digit() || (!ascii && is_unicode_decimal(c))
}

fn is_unicode_decimal(c: char) -> bool {
    // The decimal digits of other scripts (Arabic-Indic, Devanagari, fullwidth, ...).
    matches!(c as u32, 0x660..=0x669 | 0x6f0..=0x6f9 | 0x966..=0x96f | 0xff10..=0xff19)
}

fn is_space(c: char, ascii: bool) -> bool {
    if ascii {
        matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
    } else {
        c.is_whitespace() || matches!(c, '\x1c'..='\x1f')
    }
}

impl CharClass {
    fn contains(&self, c: char, ignore_case: bool, ascii: bool) -> bool {
        let test = |c: char| {
            self.items.iter().any(|item| match *item {
                ClassItem::Range(lo, hi) => lo <= c && c <= hi,
                ClassItem::Digit(yes) => is_digit(c, ascii) == yes,
                ClassItem::Word(yes) => is_word(c, ascii) == yes,
                ClassItem::Space(yes) => is_space(c, ascii) == yes,
            })
        };
        let mut hit = test(c);
        if !hit && ignore_case {
            hit = c.to_lowercase().any(test) || c.to_uppercase().any(test);
        }
        hit != self.negated
    }
}

/// Compiles `pattern` with `flags`.
pub(crate) fn compile(pattern: &str, flags: u32) -> Result<Regex, PatternError> {
    let mut parser = Parser {
        chars: pattern.chars().collect(),
        pos: 0,
        flags,
        groups: 0,
        names: Vec::new(),
        open: Vec::new(),
    };
    // Global flags (`(?i)`) may only come first, so they apply to all that follows.
    let node = parser.parse_alt()?;
    if parser.pos < parser.chars.len() {
        return Err(error("unbalanced parenthesis", parser.pos));
    }
    if program_size(&node) > MAX_PROGRAM {
        return Err(PatternError {
            message: format!(
                "the pattern is too large for this engine (its repeats unroll to more than {MAX_PROGRAM} steps)"
            ),
            pos: None,
            overflow: false,
        });
    }
    let mut compiler = Compiler {
        program: Vec::new(),
        last_closed: 2 * (parser.groups + 1),
        next_slot: 2 * (parser.groups + 1) + 1,
    };
    compiler.emit(Inst::Save(0));
    compiler.compile(&node);
    compiler.emit(Inst::Save(1));
    compiler.emit(Inst::Match);
    Ok(Regex {
        program: compiler.program.into(),
        groups: parser.groups,
        names: parser.names,
        flags: parser.flags
            | if parser.flags & ASCII == 0 {
                UNICODE
            } else {
                0
            },
        slots: compiler.next_slot,
    })
}

impl Regex {
    /// Runs `search` on `text`: the groups' spans (`None` for a group that took no part), the
    /// whole match first.
    pub(crate) fn find(
        &self,
        text: &[char],
        search: &Search,
        steps: &mut u64,
    ) -> Result<Option<Found>, MatchError> {
        let Search {
            start,
            end,
            mode,
            must_advance,
        } = *search;
        let (anchored, full) = (mode != Mode::Search, mode == Mode::FullMatch);
        let reject_empty_at_start = must_advance;
        let end = end.min(text.len());
        if start > end {
            return Ok(None);
        }
        let mut machine = Machine {
            text: &text[..end],
            slots: vec![usize::MAX; self.slots],
            steps,
        };
        let last = if anchored { start } else { end };
        for at in start..=last {
            let condition = Condition {
                full,
                reject_empty_at: if reject_empty_at_start && at == start {
                    Some(start)
                } else {
                    None
                },
                search_start: start,
            };
            machine.slots.iter_mut().for_each(|s| *s = usize::MAX);
            if machine.run(&self.program, at, &condition)?.is_some() {
                let spans = (0..=self.groups)
                    .map(|g| {
                        let (a, b) = (machine.slots[2 * g], machine.slots[2 * g + 1]);
                        (a != usize::MAX && b != usize::MAX).then_some((a, b))
                    })
                    .collect();
                let last = machine.slots[2 * (self.groups + 1)];
                return Ok(Some(Found {
                    spans,
                    lastindex: (last != usize::MAX).then_some(last),
                }));
            }
        }
        Ok(None)
    }
}

struct Condition {
    full: bool,
    reject_empty_at: Option<usize>,
    search_start: usize,
}

struct Machine<'a, 'b> {
    text: &'a [char],
    slots: Vec<usize>,
    steps: &'b mut u64,
}

enum Frame {
    Retry(usize, usize),
    Restore(usize, usize),
}

impl Machine<'_, '_> {
    /// Runs `program` from `pos`; on success the slots hold the captures and the end is
    /// returned.
    fn run(
        &mut self,
        program: &[Inst],
        pos: usize,
        condition: &Condition,
    ) -> Result<Option<usize>, MatchError> {
        let mut stack: Vec<Frame> = Vec::new();
        let (mut pc, mut pos) = (0usize, pos);
        let text = self.text;
        loop {
            *self.steps += 1;
            if *self.steps > MAX_STEPS {
                return Err(MatchError::TooManySteps);
            }
            let ok = match &program[pc] {
                Inst::Char(c, ic) => {
                    let hit = pos < text.len()
                        && (if *ic {
                            fold(text[pos]) == *c
                        } else {
                            text[pos] == *c
                        });
                    if hit {
                        pos += 1;
                        pc += 1;
                    }
                    hit
                }
                Inst::Any(dotall) => {
                    let hit = pos < text.len() && (*dotall || text[pos] != '\n');
                    if hit {
                        pos += 1;
                        pc += 1;
                    }
                    hit
                }
                Inst::Class(class, ic, ascii) => {
                    let hit = pos < text.len() && class.contains(text[pos], *ic, *ascii);
                    if hit {
                        pos += 1;
                        pc += 1;
                    }
                    hit
                }
                Inst::Assert(a, ascii) => {
                    let hit = assertion(*a, *ascii, text, pos);
                    if hit {
                        pc += 1;
                    }
                    hit
                }
                Inst::Split(first, second) => {
                    stack.push(Frame::Retry(*second, pos));
                    pc = *first;
                    true
                }
                Inst::Jmp(target) => {
                    pc = *target;
                    true
                }
                Inst::Save(slot) => {
                    stack.push(Frame::Restore(*slot, self.slots[*slot]));
                    self.slots[*slot] = pos;
                    pc += 1;
                    true
                }
                Inst::Close(slot, group) => {
                    stack.push(Frame::Restore(*slot, self.slots[*slot]));
                    self.slots[*slot] = *group;
                    pc += 1;
                    true
                }
                Inst::Progress(slot, exit) => {
                    pc = if self.slots[*slot] != pos {
                        pc + 1
                    } else {
                        *exit
                    };
                    true
                }
                Inst::Backref(group, ic) => {
                    let (a, b) = (self.slots[2 * group], self.slots[2 * group + 1]);
                    if a == usize::MAX || b == usize::MAX {
                        false
                    } else {
                        let len = b - a;
                        let hit = pos + len <= text.len()
                            && (0..len).all(|i| {
                                let (x, y) = (text[a + i], text[pos + i]);
                                if *ic { fold(x) == fold(y) } else { x == y }
                            });
                        if hit {
                            pos += len;
                            pc += 1;
                        }
                        hit
                    }
                }
                Inst::Look {
                    program: sub,
                    ahead,
                    negate,
                    width,
                } => {
                    let at = if *ahead {
                        Some(pos)
                    } else {
                        pos.checked_sub(*width)
                    };
                    let inner = Condition {
                        full: false,
                        reject_empty_at: None,
                        search_start: condition.search_start,
                    };
                    let saved = self.slots.clone();
                    let found = match at {
                        Some(at) => match self.run(sub, at, &inner)? {
                            Some(end) => *ahead || end == pos,
                            None => false,
                        },
                        None => false,
                    };
                    if *negate || !found {
                        // A negative lookaround keeps no captures; a failed one neither.
                        self.slots = saved;
                    } else {
                        for (slot, old) in saved.iter().enumerate() {
                            if self.slots[slot] != *old {
                                stack.push(Frame::Restore(slot, *old));
                            }
                        }
                    }
                    let hit = found != *negate;
                    if hit {
                        pc += 1;
                    }
                    hit
                }
                Inst::Atomic(sub) => {
                    let inner = Condition {
                        full: false,
                        reject_empty_at: None,
                        search_start: condition.search_start,
                    };
                    let saved = self.slots.clone();
                    match self.run(sub, pos, &inner)? {
                        Some(end) => {
                            for (slot, old) in saved.iter().enumerate() {
                                if self.slots[slot] != *old {
                                    stack.push(Frame::Restore(slot, *old));
                                }
                            }
                            pos = end;
                            pc += 1;
                            true
                        }
                        None => {
                            self.slots = saved;
                            false
                        }
                    }
                }
                Inst::Match => {
                    let start = self.slots[0];
                    let rejected = (condition.full && pos != text.len())
                        || condition
                            .reject_empty_at
                            .is_some_and(|at| start == at && pos == at && self.slots[1] == pos);
                    if !rejected {
                        return Ok(Some(pos));
                    }
                    false
                }
            };
            if ok {
                continue;
            }
            // Backtrack: undo saves back to the most recent alternative.
            loop {
                match stack.pop() {
                    None => return Ok(None),
                    Some(Frame::Restore(slot, old)) => self.slots[slot] = old,
                    Some(Frame::Retry(next_pc, next_pos)) => {
                        pc = next_pc;
                        pos = next_pos;
                        break;
                    }
                }
            }
        }
    }
}

fn assertion(a: Assertion, ascii: bool, text: &[char], pos: usize) -> bool {
    let len = text.len();
    match a {
        Assertion::TextStart => pos == 0,
        Assertion::LineStart => pos == 0 || text[pos - 1] == '\n',
        Assertion::TextEnd => pos == len,
        Assertion::LineEnd => pos == len || text[pos] == '\n',
        Assertion::EndOrFinalNewline => pos == len || (pos + 1 == len && text[pos] == '\n'),
        // sre: an empty subject has no non-boundary either.
        Assertion::NotWordBoundary if len == 0 => false,
        Assertion::WordBoundary | Assertion::NotWordBoundary => {
            let before = pos > 0 && is_word(text[pos - 1], ascii);
            let after = pos < len && is_word(text[pos], ascii);
            (before != after) == (a == Assertion::WordBoundary)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(pattern: &str, text: &str, expect: Option<&str>) {
        let regex = compile(pattern, 0).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let mut steps = 0;
        let search = Search {
            start: 0,
            end: chars.len(),
            mode: Mode::Search,
            must_advance: false,
        };
        let found = regex
            .find(&chars, &search, &mut steps)
            .unwrap()
            .map(|found| {
                let (a, b) = found.spans[0].unwrap();
                chars[a..b].iter().collect::<String>()
            });
        assert_eq!(found.as_deref(), expect, "{pattern} on {text}");
    }

    #[test]
    fn matches_as_sre() {
        check(r"\d+", "abc 123 def", Some("123"));
        check(r"a|ab", "ab", Some("a"));
        check(r"(a+)+b", "aaab", Some("aaab"));
        check(r"(a*)*b", "b", Some("b"));
        check(r"x*?y", "xxy", Some("xxy"));
        check(r"(?<=\$)\d+", "cost: $42", Some("42"));
        check(r"(\w)\1", "abccd", Some("cc"));
        check(r"(?i)HELLO", "say hello", Some("hello"));
        check(r"\bcat\b", "concat cat", Some("cat"));
        check(r"colou?r", "color", Some("color"));
        check(r"a{2,3}", "aaaa", Some("aaa"));
        check(r"[^\s,]+", "  x,y", Some("x"));
        check(r"(?>a+)ab", "aaab", None);
        check(r"a++b", "aaab", Some("aaab"));
        check(r"\w+", "你好 world", Some("你好"));
    }

    #[test]
    fn refuses_as_sre() {
        for (pattern, message, pos) in [
            ("(abc", "missing ), unterminated subpattern", 0),
            ("abc)", "unbalanced parenthesis", 3),
            ("*a", "nothing to repeat", 0),
            ("a**", "multiple repeat", 2),
            ("[abc", "unterminated character set", 0),
            (r"\q", r"bad escape \q", 0),
            ("[z-a]", "bad character range z-a", 1),
        ] {
            let e = compile(pattern, 0).unwrap_err();
            assert_eq!(
                (e.message.as_str(), e.pos),
                (message, Some(pos)),
                "{pattern}"
            );
        }
        let e = compile(r"(?<=a+)b", 0).unwrap_err();
        assert_eq!(e.pos, None);
    }

    #[test]
    fn runaway_backtracking_is_stopped() {
        let regex = compile(r"(a|a)*b", 0).unwrap();
        let chars: Vec<char> = "a".repeat(40).chars().collect();
        let mut steps = 0;
        let search = Search {
            start: 0,
            end: chars.len(),
            mode: Mode::Search,
            must_advance: false,
        };
        let result = regex.find(&chars, &search, &mut steps);
        assert_eq!(result, Err(MatchError::TooManySteps));
    }
}
