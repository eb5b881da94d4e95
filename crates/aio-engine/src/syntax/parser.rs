//! The recursive-descent parser: tokens to an [`super::ast::Module`].
//!
//! Binary operators use precedence climbing (one function for all levels) to keep the Rust
//! stack shallow; nesting of brackets, unary operators, lambdas and blocks is counted and
//! limited so that hostile input gives a `SyntaxError` instead of a stack overflow.
//!
//! Error messages follow CPython 3.11 for the mistakes a learner typically makes (see the
//! tables in `tests.rs`); anything else is `invalid syntax` at the offending token.

use std::rc::Rc;

use super::ast::*;
use super::error::{SyntaxError, SyntaxErrorKind};
use super::lexer::{StrToken, Token, TokenKind, tokenize_fstring_expr, tokenize_with_unclosed};

/// Maximum nesting of expressions and blocks (each bracket level counts about twice).
/// CPython allows 200 nested brackets; recursive descent costs several Rust frames per level,
/// so the limit is lower to stay within a 2 MiB stack even in debug builds (the test
/// harness's thread size). Real programs nest a handful of levels.
const MAX_DEPTH: u32 = 100;

/// Parses `source` into a module without the semantic checks of [`super::check`].
pub(crate) fn parse_tokens_of(source: &str, filename: &str) -> Result<Module, SyntaxError> {
    let (tokens, unclosed) = tokenize_with_unclosed(source, filename)?;
    let mut parser = Parser::new(tokens, source, filename);
    let result = parser.statements_until_end();
    match (result, unclosed) {
        (Ok(body), None) => Ok(Module {
            body,
            warnings: Vec::new(),
        }),
        // CPython reports an unclosed bracket instead of the parser's error when the parser
        // ran into the end of input, or failed on a later line than the bracket's.
        (Err(_), Some(unclosed))
            if parser.at_end_of_input() || parser.furthest_line() > unclosed.lineno =>
        {
            Err(unclosed)
        }
        (Err(e), _) => Err(e),
        (Ok(_), Some(unclosed)) => Err(unclosed),
    }
}

type PResult<T> = Result<T, SyntaxError>;

/// What kind of scope a `yield` would belong to, to compute [`FunctionDef::is_generator`].
struct ScopeFrame {
    saw_yield: bool,
}

struct Parser<'a> {
    tokens: Vec<Token>,
    pos: usize,
    source: &'a str,
    filename: &'a str,
    lines: Vec<&'a str>,
    depth: u32,
    scopes: Vec<ScopeFrame>,
    /// How many brackets enclose the expression being parsed (for the "forgot a comma" hint,
    /// which CPython only gives inside brackets).
    bracket_level: u32,
    /// The furthest token index reached, despite backtracking.
    furthest: usize,
}

impl<'a> Parser<'a> {
    fn new(tokens: Vec<Token>, source: &'a str, filename: &'a str) -> Self {
        Parser {
            tokens,
            pos: 0,
            source,
            filename,
            lines: source
                .split('\n')
                .map(|l| l.strip_suffix('\r').unwrap_or(l))
                .collect(),
            depth: 0,
            scopes: Vec::new(),
            bracket_level: 0,
            furthest: 0,
        }
    }

    // ----- token helpers -----

    fn tok(&self) -> &Token {
        let last = self.tokens.len() - 1;
        &self.tokens[self.pos.min(last)]
    }

    fn kind(&self) -> &TokenKind {
        &self.tok().kind
    }

    fn kind_at(&self, ahead: usize) -> &TokenKind {
        let last = self.tokens.len() - 1;
        &self.tokens[(self.pos + ahead).min(last)].kind
    }

    fn span(&self) -> Span {
        self.tok().span
    }

    /// The span of the last consumed token that is not layout (NEWLINE/INDENT/DEDENT), so a
    /// compound statement ends where its last body statement ends, as in CPython.
    fn prev_span(&self) -> Span {
        self.tokens[..self.pos]
            .iter()
            .rev()
            .find(|t| {
                !matches!(
                    t.kind,
                    TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent
                )
            })
            .map_or(self.span(), |t| t.span)
    }

    fn advance(&mut self) -> Token {
        let t = self.tok().clone();
        if self.pos < self.tokens.len() - 1 {
            self.pos += 1;
            self.furthest = self.furthest.max(self.pos);
        }
        t
    }

    /// The line of the furthest token the parser has looked at (CPython's "current error
    /// line", which decides whether an unclosed bracket is reported instead).
    fn furthest_line(&self) -> u32 {
        self.tokens[self.furthest.min(self.tokens.len() - 1)]
            .span
            .line
    }

    /// Whether only NEWLINE/DEDENT/ENDMARKER tokens remain.
    fn at_end_of_input(&self) -> bool {
        self.tokens[self.pos.min(self.tokens.len() - 1)..]
            .iter()
            .all(|t| {
                matches!(
                    t.kind,
                    TokenKind::Newline | TokenKind::Dedent | TokenKind::EndMarker
                )
            })
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(self.kind(), TokenKind::Op(o) if *o == op)
    }

    fn is_kw(&self, kw: &str) -> bool {
        matches!(self.kind(), TokenKind::Keyword(k) if *k == kw)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        if self.is_op(op) {
            self.advance();
            true
        } else {
            false
        }
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        if self.is_kw(kw) {
            self.advance();
            true
        } else {
            false
        }
    }

    fn expect_op(&mut self, op: &str) -> PResult<Span> {
        if self.is_op(op) {
            Ok(self.advance().span)
        } else {
            Err(self.invalid_syntax())
        }
    }

    fn expect_kw(&mut self, kw: &str) -> PResult<Span> {
        if self.is_kw(kw) {
            Ok(self.advance().span)
        } else {
            Err(self.invalid_syntax())
        }
    }

    fn expect_name(&mut self) -> PResult<Name> {
        match self.kind().clone() {
            TokenKind::Name(n) => {
                self.advance();
                Ok(n)
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    // ----- errors -----

    fn error_span(&self, kind: SyntaxErrorKind, msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            kind,
            msg: msg.into(),
            filename: self.filename.to_string(),
            lineno: span.line,
            offset: span.col as i64 + 1,
            end_lineno: span.end_line,
            end_offset: span.end_col as i64 + 1,
            text: self
                .lines
                .get((span.line as usize).wrapping_sub(1))
                .map(|s| s.to_string()),
            from_tokenizer: false,
        }
    }

    fn error(&self, msg: impl Into<String>, span: Span) -> SyntaxError {
        self.error_span(SyntaxErrorKind::SyntaxError, msg, span)
    }

    fn invalid_syntax(&self) -> SyntaxError {
        let tok = self.tok();
        match tok.kind {
            TokenKind::Indent => {
                let mut e = self.error_span(
                    SyntaxErrorKind::IndentationError,
                    "unexpected indent",
                    tok.span,
                );
                e.offset = tok.span.end_col as i64;
                e.end_offset = -1;
                e
            }
            TokenKind::Dedent => {
                // A dedent where more was expected (e.g. `x = (` never happens here since
                // brackets join lines) shows as invalid syntax at the next real token.
                let next = self.tokens[self.pos..]
                    .iter()
                    .find(|t| t.kind != TokenKind::Dedent)
                    .map_or(tok.span, |t| t.span);
                self.error("invalid syntax", next)
            }
            TokenKind::EndMarker => {
                let mut e = self.error("invalid syntax", tok.span);
                e.offset = 0;
                e
            }
            _ => self.error("invalid syntax", tok.span),
        }
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("too many nested parentheses", self.span()));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    // ----- statements -----

    fn statements_until_end(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        while !matches!(self.kind(), TokenKind::EndMarker) {
            if matches!(self.kind(), TokenKind::Newline) {
                self.advance();
                continue;
            }
            self.statement(&mut body)?;
        }
        Ok(body)
    }

    /// Parses one statement line (a compound statement, or `;`-separated simple statements)
    /// and appends it to `out`.
    fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        match self.kind() {
            TokenKind::Keyword(
                "def" | "if" | "while" | "for" | "try" | "with" | "class" | "async",
            ) => {
                out.push(self.compound_statement(Vec::new())?);
                Ok(())
            }
            TokenKind::Op("@") => {
                let mut decorators = Vec::new();
                while self.eat_op("@") {
                    decorators.push(self.named_expression()?);
                    if !matches!(self.kind(), TokenKind::Newline) {
                        return Err(self.invalid_syntax());
                    }
                    self.advance();
                }
                if !matches!(self.kind(), TokenKind::Keyword("def" | "class" | "async")) {
                    return Err(self.invalid_syntax());
                }
                out.push(self.compound_statement(decorators)?);
                Ok(())
            }
            TokenKind::Name(n) if &**n == "match" => {
                if let Some(stmt) = self.match_statement()? {
                    out.push(stmt);
                    return Ok(());
                }
                self.simple_statements(out)
            }
            _ => self.simple_statements(out),
        }
    }

    fn simple_statements(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            out.push(self.simple_statement()?);
            if self.eat_op(";") {
                if matches!(self.kind(), TokenKind::Newline) {
                    break;
                }
                continue;
            }
            break;
        }
        if !matches!(self.kind(), TokenKind::Newline) {
            return Err(self.invalid_syntax());
        }
        self.advance();
        Ok(())
    }

    fn simple_statement(&mut self) -> PResult<Stmt> {
        let start = self.span();
        let kind = match self.kind().clone() {
            TokenKind::Keyword("pass") => {
                self.advance();
                StmtKind::Pass
            }
            TokenKind::Keyword("break") => {
                self.advance();
                StmtKind::Break
            }
            TokenKind::Keyword("continue") => {
                self.advance();
                StmtKind::Continue
            }
            TokenKind::Keyword("return") => {
                self.advance();
                if self.at_statement_end() {
                    StmtKind::Return(None)
                } else {
                    StmtKind::Return(Some(self.star_expressions()?))
                }
            }
            TokenKind::Keyword(kw @ ("global" | "nonlocal")) => {
                self.advance();
                let mut names = vec![self.expect_name()?];
                while self.eat_op(",") {
                    names.push(self.expect_name()?);
                }
                if kw == "global" {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            TokenKind::Keyword("del") => {
                self.advance();
                let mut targets = Vec::new();
                loop {
                    let target = self.bitwise_or()?;
                    self.check_target(&target, TargetUse::Delete)?;
                    targets.push(target);
                    if !self.eat_op(",") || self.at_statement_end() {
                        break;
                    }
                }
                StmtKind::Delete(targets)
            }
            TokenKind::Keyword("assert") => {
                self.advance();
                let test = self.expression()?;
                let msg = if self.eat_op(",") {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            TokenKind::Keyword("raise") => {
                self.advance();
                if self.at_statement_end() {
                    StmtKind::Raise {
                        exc: None,
                        cause: None,
                    }
                } else {
                    let exc = self.expression()?;
                    let cause = if self.eat_kw("from") {
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    StmtKind::Raise {
                        exc: Some(exc),
                        cause,
                    }
                }
            }
            TokenKind::Keyword("import") => {
                self.advance();
                let mut names = Vec::new();
                loop {
                    let span = self.span();
                    let name = self.dotted_name()?;
                    let asname = if self.eat_kw("as") {
                        Some(self.expect_name()?)
                    } else {
                        None
                    };
                    names.push(Alias {
                        name,
                        asname,
                        span: span.to(self.prev_span()),
                    });
                    if !self.eat_op(",") {
                        break;
                    }
                }
                StmtKind::Import(names)
            }
            TokenKind::Keyword("from") => {
                self.advance();
                let mut level = 0;
                loop {
                    if self.eat_op(".") {
                        level += 1;
                    } else if self.eat_op("...") {
                        level += 3;
                    } else {
                        break;
                    }
                }
                let module = if level > 0 && self.is_kw("import") {
                    None
                } else {
                    Some(self.dotted_name()?)
                };
                self.expect_kw("import")?;
                let parenthesized = self.eat_op("(");
                let mut names = Vec::new();
                if !parenthesized && self.is_op("*") {
                    let span = self.advance().span;
                    names.push(Alias {
                        name: "*".into(),
                        asname: None,
                        span,
                    });
                } else {
                    loop {
                        let span = self.span();
                        let name = self.expect_name()?;
                        let asname = if self.eat_kw("as") {
                            Some(self.expect_name()?)
                        } else {
                            None
                        };
                        names.push(Alias {
                            name,
                            asname,
                            span: span.to(self.prev_span()),
                        });
                        if !self.eat_op(",") || (parenthesized && self.is_op(")")) {
                            break;
                        }
                    }
                    if parenthesized {
                        self.expect_op(")")?;
                    }
                }
                StmtKind::ImportFrom {
                    module,
                    names,
                    level,
                }
            }
            _ => return self.expression_statement(),
        };
        Ok(Stmt {
            kind,
            span: start.to(self.prev_span()),
        })
    }

    fn at_statement_end(&self) -> bool {
        matches!(
            self.kind(),
            TokenKind::Newline | TokenKind::EndMarker | TokenKind::Op(";")
        )
    }

    fn dotted_name(&mut self) -> PResult<Name> {
        let mut name = self.expect_name()?.to_string();
        while self.eat_op(".") {
            name.push('.');
            name.push_str(&self.expect_name()?);
        }
        Ok(name.into())
    }

    /// Expression statements, assignments, augmented and annotated assignments.
    fn expression_statement(&mut self) -> PResult<Stmt> {
        let start = self.span();
        if let TokenKind::Name(n) = self.kind()
            && (&**n == "print" || &**n == "exec")
            && matches!(
                self.kind_at(1),
                TokenKind::Str(_) | TokenKind::Int(_) | TokenKind::Name(_)
            )
        {
            let n = n.clone();
            let save = self.pos;
            self.advance();
            if let Ok(arg) = self.star_expressions()
                && self.at_statement_end()
            {
                return Err(self.error(
                    format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?"),
                    start.to(arg.span),
                ));
            }
            self.pos = save;
        }
        let first = self.star_expressions_or_yield()?;
        if self.is_op(":") && !matches!(first.kind, ExprKind::Tuple(_)) {
            self.advance();
            self.check_target(&first, TargetUse::Annotated)?;
            let annotation = self.expression()?;
            let value = if self.eat_op("=") {
                Some(self.star_expressions_or_yield()?)
            } else {
                None
            };
            let span = start.to(self.prev_span());
            return Ok(Stmt {
                kind: StmtKind::AnnAssign {
                    target: first,
                    annotation,
                    value,
                },
                span,
            });
        }
        if let TokenKind::Op(op) = self.kind()
            && let Some(bin) = augmented_op(op)
        {
            self.check_target(&first, TargetUse::Augmented)?;
            self.advance();
            let value = self.star_expressions_or_yield()?;
            let span = start.to(self.prev_span());
            return Ok(Stmt {
                kind: StmtKind::AugAssign {
                    target: first,
                    op: bin,
                    value,
                },
                span,
            });
        }
        if self.is_op("=") {
            let mut targets = vec![first];
            while self.eat_op("=") {
                targets.push(self.star_expressions_or_yield()?);
            }
            let value = targets.pop().unwrap_or_else(|| unreachable_expr(start));
            for target in &targets {
                if let Err(plain) = self.check_target(target, TargetUse::Assign) {
                    // CPython's parser first reads `target = value` as a mistaken comparison.
                    // What follows the first `=` counts unless it is all of a second target
                    // (then a second `=` follows it).
                    let next = targets.get(1).unwrap_or(&value);
                    let hint = leading_bitwise_or(next)
                        .filter(|lead| targets.len() == 1 || lead.span != next.span)
                        .and_then(|lead| {
                            self.mistaken_comparison(last_before_equals(&targets[0]), lead)
                        });
                    return Err(hint.unwrap_or(plain));
                }
            }
            let span = start.to(self.prev_span());
            return Ok(Stmt {
                kind: StmtKind::Assign { targets, value },
                span,
            });
        }
        if let ExprKind::Starred(_) = first.kind {
            return Err(self.error("can't use starred expression here", first.span));
        }
        let span = start.to(self.prev_span());
        Ok(Stmt {
            kind: StmtKind::Expr(first),
            span,
        })
    }

    fn star_expressions_or_yield(&mut self) -> PResult<Expr> {
        if self.is_kw("yield") {
            self.yield_expression()
        } else {
            self.star_expressions()
        }
    }

    fn compound_statement(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        self.enter()?;
        let result = self.compound_statement_inner(decorators);
        self.leave();
        result
    }

    fn compound_statement_inner(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        // Like CPython, a decorated definition starts at `def`/`class`, not at the decorator.
        let start = self.span();
        let header_start = self.span();
        let is_async = self.eat_kw("async");
        match self.kind() {
            TokenKind::Keyword("def") => {
                return self.function_def(decorators, is_async, start, header_start);
            }
            TokenKind::Keyword("for" | "with") => {}
            _ if is_async => return Err(self.invalid_syntax()),
            TokenKind::Keyword("class") => return self.class_def(decorators, start),
            _ => {}
        }
        let header_line = header_start.line;
        let kind = match self.kind() {
            TokenKind::Keyword("if") => {
                self.advance();
                return self.if_statement(start, "if", header_line);
            }
            TokenKind::Keyword("while") => {
                self.advance();
                let test = self.named_expression()?;
                self.expect_block_colon(&test)?;
                let body = self.block("'while' statement", header_line)?;
                let orelse = self.else_block()?;
                StmtKind::While { test, body, orelse }
            }
            TokenKind::Keyword("for") => {
                self.advance();
                let target = self.target_list()?;
                self.check_target(&target, TargetUse::Assign)?;
                self.expect_kw("in")?;
                let iter = self.star_expressions()?;
                self.expect_colon()?;
                let body = self.block("'for' statement", header_line)?;
                let orelse = self.else_block()?;
                StmtKind::For {
                    is_async,
                    target,
                    iter,
                    body,
                    orelse,
                }
            }
            TokenKind::Keyword("with") => {
                self.advance();
                let items = self.with_items()?;
                self.expect_colon()?;
                let body = self.block("'with' statement", header_line)?;
                StmtKind::With {
                    is_async,
                    items,
                    body,
                }
            }
            TokenKind::Keyword("try") => {
                self.advance();
                return self.try_statement(start, header_line);
            }
            _ => return Err(self.invalid_syntax()),
        };
        Ok(Stmt {
            kind,
            span: start.to(self.prev_span()),
        })
    }

    fn if_statement(&mut self, start: Span, keyword: &str, header_line: u32) -> PResult<Stmt> {
        let test = self.named_expression()?;
        self.expect_block_colon(&test)?;
        let body = self.block(&format!("'{keyword}' statement"), header_line)?;
        let orelse = if self.is_kw("elif") {
            let elif_span = self.advance().span;
            self.enter()?;
            let nested = self.if_statement(elif_span, "elif", elif_span.line);
            self.leave();
            vec![nested?]
        } else {
            self.else_block()?
        };
        Ok(Stmt {
            kind: StmtKind::If { test, body, orelse },
            span: start.to(self.prev_span()),
        })
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if self.is_kw("else") {
            let line = self.advance().span.line;
            self.expect_colon()?;
            self.block("'else' statement", line)
        } else {
            Ok(Vec::new())
        }
    }

    fn try_statement(&mut self, start: Span, header_line: u32) -> PResult<Stmt> {
        self.expect_colon()?;
        let body = self.block("'try' statement", header_line)?;
        let mut handlers = Vec::new();
        let mut is_star: Option<bool> = None;
        while self.is_kw("except") {
            let except_span = self.advance().span;
            let star = self.eat_op("*");
            if let Some(previous) = is_star
                && previous != star
            {
                return Err(self.error(
                    "cannot have both 'except' and 'except*' on the same 'try'",
                    except_span.to(self.prev_span()),
                ));
            }
            is_star = Some(star);
            let (type_, name) = if self.is_op(":") {
                if star {
                    return Err(self.error("expected one or more exception types", self.span()));
                }
                (None, None)
            } else {
                let mut type_ = self.expression()?;
                if self.is_op(",") {
                    // `except A, B:` is a Python 2 leftover.
                    let mut elts = vec![type_];
                    while self.eat_op(",") {
                        elts.push(self.expression()?);
                    }
                    let span = elts[0].span.to(self.prev_span());
                    if !self.is_kw("as") {
                        return Err(
                            self.error("multiple exception types must be parenthesized", span)
                        );
                    }
                    type_ = Expr {
                        kind: ExprKind::Tuple(elts),
                        span,
                    };
                }
                let name = if self.eat_kw("as") {
                    Some(self.expect_name()?)
                } else {
                    None
                };
                (Some(type_), name)
            };
            let header = except_span.to(self.prev_span());
            self.expect_colon()?;
            let body = self.block("'except' statement", except_span.line)?;
            handlers.push(ExceptHandler {
                type_,
                name,
                body,
                span: header,
            });
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let finalbody = if self.is_kw("finally") {
            let line = self.advance().span.line;
            self.expect_colon()?;
            self.block("'finally' statement", line)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            let msg = "expected 'except' or 'finally' block";
            if matches!(self.kind(), TokenKind::EndMarker | TokenKind::Dedent) {
                // At end of input CPython names the last line and prints no caret.
                let last_line = self.tokens[..self.pos]
                    .iter()
                    .rev()
                    .find(|t| {
                        !matches!(
                            t.kind,
                            TokenKind::Newline | TokenKind::Dedent | TokenKind::EndMarker
                        )
                    })
                    .map_or(self.span(), |t| t.span);
                let mut e = self.error(msg, last_line);
                e.offset = 0;
                e.end_offset = -1;
                return Err(e);
            }
            return Err(self.error(msg, self.span()));
        }
        let kind = StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            is_star: is_star.unwrap_or(false),
        };
        Ok(Stmt {
            kind,
            span: start.to(self.prev_span()),
        })
    }

    fn with_items(&mut self) -> PResult<Vec<WithItem>> {
        // `with (a as b, c as d):` — try the parenthesized form first, then fall back to a
        // plain expression (which may itself start with a parenthesis).
        if self.is_op("(") {
            let save = self.pos;
            self.advance();
            self.bracket_level += 1;
            let attempt = self.with_item_list(true);
            self.bracket_level -= 1;
            if let Ok(items) = attempt
                && self.eat_op(")")
                && self.is_op(":")
            {
                return Ok(items);
            }
            self.pos = save;
        }
        self.with_item_list(false)
    }

    fn with_item_list(&mut self, parenthesized: bool) -> PResult<Vec<WithItem>> {
        let mut items = Vec::new();
        loop {
            let context = self.expression()?;
            let target = if self.eat_kw("as") {
                let target = self.star_target()?;
                self.check_target(&target, TargetUse::Assign)?;
                Some(target)
            } else {
                None
            };
            items.push(WithItem { context, target });
            if !self.eat_op(",") || (parenthesized && self.is_op(")")) {
                break;
            }
        }
        Ok(items)
    }

    fn function_def(
        &mut self,
        decorators: Vec<Expr>,
        is_async: bool,
        start: Span,
        header_start: Span,
    ) -> PResult<Stmt> {
        self.expect_kw("def")?;
        let name = self.expect_name()?;
        self.expect_op("(")?;
        self.bracket_level += 1;
        let params = self.parameters(")");
        self.bracket_level -= 1;
        let params = params?;
        self.expect_op(")")?;
        let returns = if self.eat_op("->") {
            Some(self.expression()?)
        } else {
            None
        };
        self.expect_colon()?;
        self.scopes.push(ScopeFrame { saw_yield: false });
        let body = self.block("function definition", header_start.line);
        let is_generator = self.scopes.pop().is_some_and(|s| s.saw_yield);
        let body = body?;
        let def = FunctionDef {
            name,
            params,
            body,
            decorators,
            returns,
            is_async,
            is_generator,
        };
        Ok(Stmt {
            kind: StmtKind::FunctionDef(Rc::new(def)),
            span: start.to(self.prev_span()),
        })
    }

    fn class_def(&mut self, decorators: Vec<Expr>, start: Span) -> PResult<Stmt> {
        let line = self.expect_kw("class")?.line;
        let name = self.expect_name()?;
        let (bases, keywords) = if self.eat_op("(") {
            self.bracket_level += 1;
            let args = self.call_arguments();
            self.bracket_level -= 1;
            let args = args?;
            self.expect_op(")")?;
            args
        } else {
            (Vec::new(), Vec::new())
        };
        self.expect_colon()?;
        // A class body is not a function scope: a `yield` in it is an error found by the
        // checker, and it must not make an enclosing function a generator.
        self.scopes.push(ScopeFrame { saw_yield: false });
        let body = self.block("class definition", line);
        self.scopes.pop();
        let def = ClassDef {
            name,
            bases,
            keywords,
            body: body?,
            decorators,
        };
        Ok(Stmt {
            kind: StmtKind::ClassDef(Rc::new(def)),
            span: start.to(self.prev_span()),
        })
    }

    /// Parameters of a `def` (annotations allowed) or, with `end == ":"`, of a `lambda`.
    fn parameters(&mut self, end: &str) -> PResult<Parameters> {
        let allow_annotations = end == ")";
        let mut params = Parameters::default();
        let mut seen_default = false;
        let mut after_star = false;
        let mut names: Vec<Name> = Vec::new();
        while !self.is_op(end) {
            let span = self.span();
            if self.eat_op("**") {
                let param = self.parameter(allow_annotations)?;
                self.check_duplicate_param(&mut names, &param)?;
                params.kwarg = Some(param);
                self.eat_op(",");
                if !self.is_op(end) {
                    return Err(
                        self.error("arguments cannot follow var-keyword argument", self.span())
                    );
                }
                break;
            } else if self.eat_op("*") {
                if after_star {
                    return Err(self.error("* argument may appear only once", span));
                }
                after_star = true;
                if self.is_op(",") || self.is_op(end) {
                    if self.is_op(end) || matches!(self.kind_at(1), TokenKind::Op("**")) {
                        return Err(self.error("named arguments must follow bare *", span));
                    }
                } else {
                    let param = self.parameter(allow_annotations)?;
                    self.check_duplicate_param(&mut names, &param)?;
                    params.vararg = Some(param);
                }
            } else if self.eat_op("/") {
                if after_star || !params.posonly.is_empty() || params.args.is_empty() {
                    return Err(self.error("invalid syntax", span));
                }
                params.posonly = std::mem::take(&mut params.args);
            } else {
                let mut param = self.parameter(allow_annotations)?;
                self.check_duplicate_param(&mut names, &param)?;
                if self.eat_op("=") {
                    param.default = Some(self.expression()?);
                    if !after_star {
                        seen_default = true;
                    }
                } else if seen_default && !after_star {
                    return Err(
                        self.error("non-default argument follows default argument", param.span)
                    );
                }
                if after_star {
                    params.kwonly.push(param);
                } else {
                    params.args.push(param);
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        if !self.is_op(end) {
            return Err(self.invalid_syntax());
        }
        Ok(params)
    }

    fn check_duplicate_param(&self, names: &mut Vec<Name>, param: &Param) -> PResult<()> {
        if names.contains(&param.name) {
            return Err(self.error(
                format!("duplicate argument '{}' in function definition", param.name),
                param.span,
            ));
        }
        names.push(param.name.clone());
        Ok(())
    }

    fn parameter(&mut self, allow_annotation: bool) -> PResult<Param> {
        let span = self.span();
        let name = self.expect_name()?;
        let annotation = if allow_annotation && self.eat_op(":") {
            Some(self.expression()?)
        } else {
            None
        };
        Ok(Param {
            name,
            default: None,
            annotation,
            span: span.to(self.prev_span()),
        })
    }

    /// `expected ':'` is reported at the token where the colon should be.
    fn expect_colon(&mut self) -> PResult<()> {
        if self.eat_op(":") {
            return Ok(());
        }
        if matches!(self.kind(), TokenKind::Newline) {
            let mut e = self.error("expected ':'", self.span());
            e.end_offset = e.offset;
            return Err(e);
        }
        Err(self.invalid_syntax())
    }

    /// Like [`Self::expect_colon`], with CPython's hint for `if x = 1:`.
    fn expect_block_colon(&mut self, test: &Expr) -> PResult<()> {
        if self.is_op("=") {
            let equals = self.invalid_syntax();
            self.advance();
            if let Ok(value) = self.expression()
                && self.is_op(":")
                && let Some(value) = leading_bitwise_or(&value)
                && let Some(error) = self.mistaken_comparison(test, value)
            {
                return Err(error);
            }
            return Err(equals);
        }
        self.expect_colon()
    }

    /// CPython's `invalid_named_expression`: `left = value` where `==` (or `:=`) was meant, for
    /// a `left` that is a name or any expression but a display, `True`, `False` or `None`.
    fn mistaken_comparison(&self, left: &Expr, value: &Expr) -> Option<SyntaxError> {
        match &left.kind {
            ExprKind::Name(_) => Some(self.error(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                left.span.to(value.span),
            )),
            ExprKind::List(_)
            | ExprKind::Tuple(_)
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Starred(_)
            | ExprKind::Constant(Constant::None | Constant::Bool(_)) => None,
            kind => Some(self.error(
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    target_description(kind)
                ),
                left.span,
            )),
        }
    }

    /// The body after a `:`: an indented block, or simple statements on the same line.
    /// `what` and `header_line` make CPython's "expected an indented block after ..." message.
    fn block(&mut self, what: &str, header_line: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if !matches!(self.kind(), TokenKind::Newline) {
            self.simple_statements(&mut body)?;
            return Ok(body);
        }
        self.advance();
        if !matches!(self.kind(), TokenKind::Indent) {
            let span = self.span();
            let msg = format!("expected an indented block after {what} on line {header_line}");
            let mut e = self.error_span(SyntaxErrorKind::IndentationError, msg, span);
            if matches!(self.kind(), TokenKind::EndMarker | TokenKind::Dedent) {
                e.offset = 0;
                e.lineno = self.lines.len() as u32;
            }
            return Err(e);
        }
        self.advance();
        while !matches!(self.kind(), TokenKind::Dedent | TokenKind::EndMarker) {
            self.statement(&mut body)?;
        }
        self.advance();
        Ok(body)
    }

    // ----- match statements -----

    /// `match subject: NEWLINE INDENT case...`. `match` is a soft keyword: when what follows
    /// is not a subject and a colon, nothing is consumed and `None` says it was an ordinary
    /// statement (`match = 1`, `match(x)`).
    fn match_statement(&mut self) -> PResult<Option<Stmt>> {
        let (save, furthest, depth, brackets) =
            (self.pos, self.furthest, self.depth, self.bracket_level);
        let start = self.advance().span;
        let subject = match self.match_subject() {
            Ok(subject) if self.is_op(":") => subject,
            // `match x` and the line ends: CPython's "expected ':'".
            Ok(_) if matches!(self.kind(), TokenKind::Newline) => {
                self.expect_colon()?;
                return Ok(None);
            }
            _ => {
                (self.pos, self.furthest, self.depth, self.bracket_level) =
                    (save, furthest, depth, brackets);
                return Ok(None);
            }
        };
        self.advance();
        let header_line = start.line;
        if !matches!(self.kind(), TokenKind::Newline) {
            return Err(self.invalid_syntax());
        }
        self.advance();
        if !matches!(self.kind(), TokenKind::Indent) {
            let msg =
                format!("expected an indented block after 'match' statement on line {header_line}");
            return Err(self.error_span(SyntaxErrorKind::IndentationError, msg, self.span()));
        }
        self.advance();
        let mut cases = Vec::new();
        while !matches!(self.kind(), TokenKind::Dedent | TokenKind::EndMarker) {
            if !matches!(self.kind(), TokenKind::Name(n) if &**n == "case") {
                return Err(self.invalid_syntax());
            }
            let case_line = self.advance().span.line;
            self.enter()?;
            let pattern = self.case_patterns();
            self.leave();
            let pattern = pattern?;
            let guard = if self.eat_kw("if") {
                Some(self.named_expression()?)
            } else {
                None
            };
            self.expect_colon()?;
            let body = self.block("'case' statement", case_line)?;
            cases.push(MatchCase {
                pattern,
                guard,
                body,
            });
        }
        self.advance();
        Ok(Some(Stmt {
            kind: StmtKind::Match { subject, cases },
            span: start.to(self.prev_span()),
        }))
    }

    /// `star_named_expression ',' star_named_expressions? | named_expression`.
    fn match_subject(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.star_named_expression()?;
        if !self.is_op(",") {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(self.invalid_syntax());
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if !self.starts_expression() {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(Expr {
            kind: ExprKind::Tuple(elts),
            span: start.to(self.prev_span()),
        })
    }

    /// A case's patterns: one pattern, or several separated by commas (a sequence pattern
    /// without brackets).
    fn case_patterns(&mut self) -> PResult<Pattern> {
        let start = self.span();
        let first = self.maybe_star_pattern()?;
        if !self.is_op(",") {
            if matches!(first.kind, PatternKind::Star(_)) {
                return Err(self.error("invalid syntax", first.span));
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.is_op(":") || self.is_kw("if") {
                break;
            }
            items.push(self.maybe_star_pattern()?);
        }
        Ok(Pattern {
            kind: PatternKind::Sequence(items),
            span: start.to(self.prev_span()),
        })
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        let start = self.span();
        if self.eat_op("*") {
            let name = self.expect_name()?;
            return Ok(Pattern {
                kind: PatternKind::Star((&*name != "_").then_some(name)),
                span: start.to(self.prev_span()),
            });
        }
        self.pattern()
    }

    /// `or_pattern ['as' NAME]`.
    fn pattern(&mut self) -> PResult<Pattern> {
        let start = self.span();
        let mut alternatives = vec![self.closed_pattern()?];
        while self.eat_op("|") {
            alternatives.push(self.closed_pattern()?);
        }
        let mut pattern = if alternatives.len() == 1 {
            alternatives.pop().unwrap_or_else(|| unreachable!())
        } else {
            Pattern {
                kind: PatternKind::Or(alternatives),
                span: start.to(self.prev_span()),
            }
        };
        if self.eat_kw("as") {
            let name_span = self.span();
            let name = self.expect_name()?;
            if &*name == "_" {
                return Err(self.error("cannot use '_' as a target", name_span));
            }
            pattern = Pattern {
                kind: PatternKind::As(Box::new(pattern), name),
                span: start.to(self.prev_span()),
            };
        }
        Ok(pattern)
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let start = self.span();
        let done = |kind, this: &Self| {
            Ok(Pattern {
                kind,
                span: start.to(this.prev_span()),
            })
        };
        match self.kind().clone() {
            TokenKind::Keyword("None" | "True" | "False") => {
                let value = self.atom()?;
                done(PatternKind::Singleton(value), self)
            }
            TokenKind::Int(_)
            | TokenKind::BigInt(_)
            | TokenKind::Float(_)
            | TokenKind::Str(_)
            | TokenKind::Op("-") => {
                let value = self.literal_pattern_value()?;
                done(PatternKind::Value(value), self)
            }
            TokenKind::Name(name) => {
                if !matches!(self.kind_at(1), TokenKind::Op("." | "(")) {
                    self.advance();
                    let capture = (&*name != "_").then_some(name);
                    return done(PatternKind::Capture(capture), self);
                }
                let value = self.dotted_value()?;
                if !self.is_op("(") {
                    return done(PatternKind::Value(value), self);
                }
                self.class_pattern(value, start)
            }
            TokenKind::Op("(") => {
                self.advance();
                self.bracket_level += 1;
                let result = self.group_or_sequence_pattern(start);
                self.bracket_level -= 1;
                result
            }
            TokenKind::Op("[") => {
                self.advance();
                self.bracket_level += 1;
                let items = self.pattern_items("]");
                self.bracket_level -= 1;
                done(PatternKind::Sequence(items?), self)
            }
            TokenKind::Op("{") => {
                self.advance();
                self.bracket_level += 1;
                let result = self.mapping_pattern(start);
                self.bracket_level -= 1;
                result
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    /// `NAME ('.' NAME)*` as an expression: a value pattern (`Color.RED`) or a class.
    fn dotted_value(&mut self) -> PResult<Expr> {
        let mut value = self.atom()?;
        while self.eat_op(".") {
            let attr = self.expect_name()?;
            value = Expr {
                span: value.span.to(self.prev_span()),
                kind: ExprKind::Attribute {
                    value: Box::new(value),
                    attr,
                },
            };
        }
        Ok(value)
    }

    /// A number (signed, or `real +/- imag`) or strings: what a literal pattern compares with.
    fn literal_pattern_value(&mut self) -> PResult<Expr> {
        if self.is_op("-") {
            let start = self.advance().span;
            if !matches!(
                self.kind(),
                TokenKind::Int(_) | TokenKind::BigInt(_) | TokenKind::Float(_)
            ) {
                return Err(self.invalid_syntax());
            }
            let operand = self.atom()?;
            return Ok(Expr {
                span: start.to(operand.span),
                kind: ExprKind::UnaryOp {
                    op: UnaryOp::USub,
                    operand: Box::new(operand),
                },
            });
        }
        self.atom()
    }

    /// Comma-separated patterns up to `close` (consumed).
    fn pattern_items(&mut self, close: &str) -> PResult<Vec<Pattern>> {
        let mut items = Vec::new();
        while !self.is_op(close) {
            items.push(self.maybe_star_pattern()?);
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(close)?;
        Ok(items)
    }

    /// After `(`: `()` and `(p,)` are sequences, `(p)` is `p` itself.
    fn group_or_sequence_pattern(&mut self, start: Span) -> PResult<Pattern> {
        if self.eat_op(")") {
            return Ok(Pattern {
                kind: PatternKind::Sequence(Vec::new()),
                span: start.to(self.prev_span()),
            });
        }
        let first = self.maybe_star_pattern()?;
        if !matches!(first.kind, PatternKind::Star(_)) && self.eat_op(")") {
            return Ok(first);
        }
        self.expect_op(",")?;
        let mut items = vec![first];
        items.extend(self.pattern_items(")")?);
        Ok(Pattern {
            kind: PatternKind::Sequence(items),
            span: start.to(self.prev_span()),
        })
    }

    /// After `{`: `key: pattern` pairs (a key is a literal or a dotted name), then `**rest`.
    fn mapping_pattern(&mut self, start: Span) -> PResult<Pattern> {
        let (mut keys, mut patterns, mut rest) = (Vec::new(), Vec::new(), None);
        while !self.is_op("}") {
            if self.eat_op("**") {
                rest = Some(self.expect_name()?);
                self.eat_op(",");
                break;
            }
            let key = match self.kind().clone() {
                TokenKind::Keyword("None" | "True" | "False") => self.atom()?,
                TokenKind::Name(_) if matches!(self.kind_at(1), TokenKind::Op(".")) => {
                    self.dotted_value()?
                }
                TokenKind::Name(_) => {
                    self.advance();
                    return Err(self.invalid_syntax());
                }
                _ => self.literal_pattern_value()?,
            };
            self.expect_op(":")?;
            keys.push(key);
            patterns.push(self.pattern()?);
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op("}")?;
        Ok(Pattern {
            kind: PatternKind::Mapping {
                keys,
                patterns,
                rest,
            },
            span: start.to(self.prev_span()),
        })
    }

    /// After the class of `Cls(...)`: positional patterns, then `name=pattern`.
    fn class_pattern(&mut self, cls: Expr, start: Span) -> PResult<Pattern> {
        self.advance();
        self.bracket_level += 1;
        let (mut patterns, mut kwd_names, mut kwd_patterns) = (Vec::new(), Vec::new(), Vec::new());
        let result = (|| {
            while !self.is_op(")") {
                if let TokenKind::Name(name) = self.kind().clone()
                    && matches!(self.kind_at(1), TokenKind::Op("="))
                {
                    self.advance();
                    self.advance();
                    kwd_names.push(name);
                    kwd_patterns.push(self.pattern()?);
                } else {
                    let pattern = self.pattern()?;
                    if !kwd_names.is_empty() {
                        return Err(
                            self.error("positional patterns follow keyword patterns", pattern.span)
                        );
                    }
                    patterns.push(pattern);
                }
                if !self.eat_op(",") {
                    break;
                }
            }
            self.expect_op(")")
        })();
        self.bracket_level -= 1;
        result?;
        Ok(Pattern {
            kind: PatternKind::Class {
                cls,
                patterns,
                kwd_names,
                kwd_patterns,
            },
            span: start.to(self.prev_span()),
        })
    }

    // ----- targets -----

    /// A `for` target: comma-separated `star_target`s, stopping before `in`.
    fn target_list(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.star_target()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.is_kw("in") || self.is_op("=") {
                break;
            }
            elts.push(self.star_target()?);
        }
        let span = start.to(self.prev_span());
        Ok(Expr {
            kind: ExprKind::Tuple(elts),
            span,
        })
    }

    fn star_target(&mut self) -> PResult<Expr> {
        let start = self.span();
        if self.eat_op("*") {
            let inner = self.bitwise_or()?;
            return Ok(Expr {
                kind: ExprKind::Starred(Box::new(inner)),
                span: start.to(self.prev_span()),
            });
        }
        self.bitwise_or()
    }

    /// Rejects expressions that cannot be assigned to (or deleted), with CPython's messages.
    fn check_target(&self, target: &Expr, usage: TargetUse) -> PResult<()> {
        match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
            ExprKind::Tuple(elts) | ExprKind::List(elts)
                if matches!(
                    usage,
                    TargetUse::Assign | TargetUse::Delete | TargetUse::Nested
                ) =>
            {
                let starred: Vec<&Expr> = elts
                    .iter()
                    .filter(|e| matches!(e.kind, ExprKind::Starred(_)))
                    .collect();
                if usage != TargetUse::Delete && starred.len() > 1 {
                    return Err(
                        self.error("multiple starred expressions in assignment", target.span)
                    );
                }
                let inner = if usage == TargetUse::Delete {
                    TargetUse::Delete
                } else {
                    TargetUse::Nested
                };
                for elt in elts {
                    match &elt.kind {
                        ExprKind::Starred(value) if usage != TargetUse::Delete => {
                            self.check_target(value, TargetUse::Nested)?
                        }
                        _ => self.check_target(elt, inner)?,
                    }
                }
                Ok(())
            }
            ExprKind::Starred(_) if usage == TargetUse::Assign => Err(self.error(
                "starred assignment target must be in a list or tuple",
                target.span,
            )),
            _ => {
                let what = target_description(&target.kind);
                let msg = match usage {
                    TargetUse::Delete => format!("cannot delete {what}"),
                    TargetUse::Augmented => {
                        format!("'{what}' is an illegal expression for augmented assignment")
                    }
                    TargetUse::Annotated => {
                        format!("illegal target for annotation: cannot assign to {what}")
                    }
                    TargetUse::Assign
                        if matches!(target.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) =>
                    {
                        "assignment to yield expression not possible".to_string()
                    }
                    _ => format!("cannot assign to {what}"),
                };
                Err(self.error(msg, target.span))
            }
        }
    }

    // ----- expressions -----

    /// `star_expressions`: one expression, or a tuple if there is a comma; elements may be
    /// starred.
    fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.star_expression()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if !self.starts_expression() {
                break;
            }
            elts.push(self.star_expression()?);
        }
        let span = start.to(self.prev_span());
        Ok(Expr {
            kind: ExprKind::Tuple(elts),
            span,
        })
    }

    fn star_expression(&mut self) -> PResult<Expr> {
        let start = self.span();
        if self.eat_op("*") {
            let inner = self.bitwise_or()?;
            return Ok(Expr {
                kind: ExprKind::Starred(Box::new(inner)),
                span: start.to(self.prev_span()),
            });
        }
        self.expression()
    }

    /// An element of a list/set/tuple display or a call argument: `*x` or a named expression.
    fn star_named_expression(&mut self) -> PResult<Expr> {
        let start = self.span();
        if self.eat_op("*") {
            let inner = self.bitwise_or()?;
            return Ok(Expr {
                kind: ExprKind::Starred(Box::new(inner)),
                span: start.to(self.prev_span()),
            });
        }
        self.named_expression()
    }

    /// Whether the current token can begin an expression.
    fn starts_expression(&self) -> bool {
        match self.kind() {
            TokenKind::Name(_)
            | TokenKind::Int(_)
            | TokenKind::BigInt(_)
            | TokenKind::Float(_)
            | TokenKind::Str(_) => true,
            TokenKind::Keyword(k) => matches!(
                *k,
                "None" | "True" | "False" | "not" | "lambda" | "await" | "yield"
            ),
            TokenKind::Op(op) => matches!(*op, "(" | "[" | "{" | "-" | "+" | "~" | "*" | "..."),
            _ => false,
        }
    }

    /// `NAME := expression` or an expression.
    fn named_expression(&mut self) -> PResult<Expr> {
        if matches!(self.kind(), TokenKind::Name(_))
            && matches!(self.kind_at(1), TokenKind::Op(":="))
        {
            let start = self.span();
            let name = self.expect_name()?;
            self.advance();
            let value = self.expression()?;
            let target = Expr {
                kind: ExprKind::Name(name),
                span: start,
            };
            let span = start.to(value.span);
            return Ok(Expr {
                kind: ExprKind::NamedExpr {
                    target: Box::new(target),
                    value: Box::new(value),
                },
                span,
            });
        }
        let expr = self.expression()?;
        if self.is_op(":=") {
            let what = target_description(&expr.kind);
            return Err(self.error(
                format!("cannot use assignment expressions with {what}"),
                expr.span,
            ));
        }
        Ok(expr)
    }

    /// `disjunction ['if' disjunction 'else' expression] | lambda`.
    fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let result = self.expression_inner();
        self.leave();
        result
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        let start = self.span();
        if self.is_kw("lambda") {
            return self.lambda();
        }
        let body = self.disjunction()?;
        if !self.is_kw("if") {
            return Ok(body);
        }
        self.advance();
        let test = self.disjunction()?;
        if !self.eat_kw("else") {
            return Err(self.error(
                "expected 'else' after 'if' expression",
                body.span.to(test.span),
            ));
        }
        let orelse = self.expression()?;
        let span = start.to(self.prev_span());
        Ok(Expr {
            kind: ExprKind::IfExp {
                test: Box::new(test),
                body: Box::new(body),
                orelse: Box::new(orelse),
            },
            span,
        })
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let start = self.expect_kw("lambda")?;
        let params = self.parameters(":")?;
        self.expect_op(":")?;
        self.scopes.push(ScopeFrame { saw_yield: false });
        let body = self.expression();
        self.scopes.pop();
        let body = body?;
        let span = start.to(body.span);
        Ok(Expr {
            kind: ExprKind::Lambda(Rc::new(Lambda { params, body })),
            span,
        })
    }

    fn disjunction(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.conjunction()?;
        if !self.is_kw("or") {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw("or") {
            values.push(self.conjunction()?);
        }
        let span = start.to(self.prev_span());
        Ok(Expr {
            kind: ExprKind::BoolOp {
                op: BoolOp::Or,
                values,
            },
            span,
        })
    }

    fn conjunction(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.inversion()?;
        if !self.is_kw("and") {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_kw("and") {
            values.push(self.inversion()?);
        }
        let span = start.to(self.prev_span());
        Ok(Expr {
            kind: ExprKind::BoolOp {
                op: BoolOp::And,
                values,
            },
            span,
        })
    }

    fn inversion(&mut self) -> PResult<Expr> {
        if self.is_kw("not") {
            let start = self.advance().span;
            self.enter()?;
            let operand = self.inversion();
            self.leave();
            let operand = operand?;
            let span = start.to(operand.span);
            return Ok(Expr {
                kind: ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(operand),
                },
                span,
            });
        }
        self.comparison()
    }

    fn comparison(&mut self) -> PResult<Expr> {
        let start = self.span();
        let left = self.bitwise_or()?;
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        loop {
            let op = match self.kind() {
                TokenKind::Op("==") => CmpOp::Eq,
                TokenKind::Op("!=") => CmpOp::NotEq,
                TokenKind::Op("<") => CmpOp::Lt,
                TokenKind::Op("<=") => CmpOp::LtE,
                TokenKind::Op(">") => CmpOp::Gt,
                TokenKind::Op(">=") => CmpOp::GtE,
                TokenKind::Keyword("in") => CmpOp::In,
                TokenKind::Keyword("is") => {
                    if matches!(self.kind_at(1), TokenKind::Keyword("not")) {
                        self.advance();
                        CmpOp::IsNot
                    } else {
                        CmpOp::Is
                    }
                }
                TokenKind::Keyword("not")
                    if matches!(self.kind_at(1), TokenKind::Keyword("in")) =>
                {
                    self.advance();
                    CmpOp::NotIn
                }
                _ => break,
            };
            self.advance();
            ops.push(op);
            comparators.push(self.bitwise_or()?);
        }
        if ops.is_empty() {
            return Ok(left);
        }
        let span = start.to(self.prev_span());
        Ok(Expr {
            kind: ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
            span,
        })
    }

    fn bitwise_or(&mut self) -> PResult<Expr> {
        self.binary(0)
    }

    /// Precedence climbing over the binary operators from `|` (level 0) to `* / // % @`.
    fn binary(&mut self, min_level: u8) -> PResult<Expr> {
        let start = self.span();
        let mut left = self.factor()?;
        while let Some((op, level)) = self.binary_operator() {
            if level < min_level {
                break;
            }
            self.advance();
            let right = self.binary(level + 1)?;
            let span = start.to(self.prev_span());
            left = Expr {
                kind: ExprKind::BinOp {
                    left: Box::new(left),
                    op,
                    right: Box::new(right),
                },
                span,
            };
        }
        Ok(left)
    }

    fn binary_operator(&self) -> Option<(BinOp, u8)> {
        let TokenKind::Op(op) = self.kind() else {
            return None;
        };
        Some(match *op {
            "|" => (BinOp::BitOr, 0),
            "^" => (BinOp::BitXor, 1),
            "&" => (BinOp::BitAnd, 2),
            "<<" => (BinOp::LShift, 3),
            ">>" => (BinOp::RShift, 3),
            "+" => (BinOp::Add, 4),
            "-" => (BinOp::Sub, 4),
            "*" => (BinOp::Mult, 5),
            "/" => (BinOp::Div, 5),
            "//" => (BinOp::FloorDiv, 5),
            "%" => (BinOp::Mod, 5),
            "@" => (BinOp::MatMult, 5),
            _ => return None,
        })
    }

    /// Unary `- + ~`, then `power`.
    fn factor(&mut self) -> PResult<Expr> {
        let op = match self.kind() {
            TokenKind::Op("-") => UnaryOp::USub,
            TokenKind::Op("+") => UnaryOp::UAdd,
            TokenKind::Op("~") => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.advance().span;
        self.enter()?;
        let operand = self.factor();
        self.leave();
        let operand = operand?;
        let span = start.to(operand.span);
        Ok(Expr {
            kind: ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
            span,
        })
    }

    /// `await_primary ['**' factor]`.
    fn power(&mut self) -> PResult<Expr> {
        let start = self.span();
        let base = self.await_primary()?;
        if !self.eat_op("**") {
            return Ok(base);
        }
        self.enter()?;
        let exponent = self.factor();
        self.leave();
        let exponent = exponent?;
        let span = start.to(self.prev_span());
        Ok(Expr {
            kind: ExprKind::BinOp {
                left: Box::new(base),
                op: BinOp::Pow,
                right: Box::new(exponent),
            },
            span,
        })
    }

    fn await_primary(&mut self) -> PResult<Expr> {
        if self.is_kw("await") {
            let start = self.advance().span;
            let value = self.primary()?;
            let span = start.to(value.span);
            return Ok(Expr {
                kind: ExprKind::Await(Box::new(value)),
                span,
            });
        }
        self.primary()
    }

    /// An atom followed by calls, attribute accesses and subscripts.
    fn primary(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut expr = self.atom()?;
        loop {
            if self.eat_op(".") {
                let attr = self.expect_name()?;
                let span = start.to(self.prev_span());
                expr = Expr {
                    kind: ExprKind::Attribute {
                        value: Box::new(expr),
                        attr,
                    },
                    span,
                };
            } else if self.is_op("(") {
                self.advance();
                self.bracket_level += 1;
                let args = self.call_arguments();
                self.bracket_level -= 1;
                let (args, keywords) = args?;
                self.expect_op(")")?;
                let span = start.to(self.prev_span());
                expr = Expr {
                    kind: ExprKind::Call {
                        func: Box::new(expr),
                        args,
                        keywords,
                    },
                    span,
                };
            } else if self.is_op("[") {
                self.advance();
                self.bracket_level += 1;
                let index = self.subscript();
                self.bracket_level -= 1;
                let index = index?;
                self.expect_op("]")?;
                let span = start.to(self.prev_span());
                expr = Expr {
                    kind: ExprKind::Subscript {
                        value: Box::new(expr),
                        index: Box::new(index),
                    },
                    span,
                };
            } else {
                return Ok(expr);
            }
        }
    }

    /// The arguments of a call, up to (not including) the closing parenthesis.
    fn call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let call_open = self.prev_span();
        let mut args: Vec<Expr> = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_double_star = false;
        while !self.is_op(")") {
            let start = self.span();
            if self.eat_op("**") {
                let value = self.expression()?;
                seen_double_star = true;
                keywords.push(Keyword {
                    arg: None,
                    span: start.to(value.span),
                    value,
                });
            } else if matches!(self.kind(), TokenKind::Name(_))
                && matches!(self.kind_at(1), TokenKind::Op("="))
            {
                let arg = self.expect_name()?;
                self.advance();
                let value = self.expression()?;
                let span = start.to(value.span);
                if keywords.iter().any(|k| k.arg.as_ref() == Some(&arg)) {
                    return Err(self.error(format!("keyword argument repeated: {arg}"), span));
                }
                keywords.push(Keyword {
                    arg: Some(arg),
                    value,
                    span,
                });
            } else {
                let starred = self.is_op("*");
                let arg = self.star_named_expression()?;
                if self.is_kw("for") || self.is_kw("async") {
                    let generators = self.comprehension_clauses()?;
                    if !args.is_empty() || !keywords.is_empty() || !self.is_op(")") {
                        let bare = arg.span.to(self.prev_span());
                        return Err(self.error("Generator expression must be parenthesized", bare));
                    }
                    // As the sole argument it spans the call's parentheses, as in CPython.
                    let span = call_open.to(self.span());
                    let genexp = Expr {
                        kind: ExprKind::GeneratorExp {
                            elt: Box::new(arg),
                            generators,
                        },
                        span,
                    };
                    args.push(genexp);
                    continue;
                }
                if self.is_op("=") {
                    let span = arg.span;
                    return Err(self.error(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        span.to(self.span()),
                    ));
                }
                if starred && seen_double_star {
                    return Err(self.error(
                        "iterable argument unpacking follows keyword argument unpacking",
                        arg.span,
                    ));
                }
                if !starred && !keywords.is_empty() {
                    let msg = if seen_double_star {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    // CPython points at the token after the argument.
                    return Err(self.error(msg, self.span()));
                }
                self.check_missing_comma(&arg)?;
                args.push(arg);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        Ok((args, keywords))
    }

    /// CPython's "Perhaps you forgot a comma?" hint: inside brackets, an expression directly
    /// followed by the start of another expression.
    fn check_missing_comma(&mut self, first: &Expr) -> PResult<()> {
        if self.bracket_level == 0 || !self.starts_expression() || self.is_op("*") {
            return Ok(());
        }
        if matches!(self.kind(), TokenKind::Op("-" | "+" | "~" | "(" | "[")) {
            return Ok(());
        }
        if matches!(first.kind, ExprKind::Name(_)) && matches!(self.kind(), TokenKind::Str(_)) {
            return Err(self.invalid_syntax());
        }
        let save = self.pos;
        if let Ok(second) = self.expression() {
            return Err(self.error(
                "invalid syntax. Perhaps you forgot a comma?",
                first.span.to(second.span),
            ));
        }
        self.pos = save;
        Err(self.invalid_syntax())
    }

    /// The index of a subscript: an expression, a slice, or a tuple of them.
    fn subscript(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.slice_item()?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.is_op("]") {
                break;
            }
            elts.push(self.slice_item()?);
        }
        let span = start.to(self.prev_span());
        Ok(Expr {
            kind: ExprKind::Tuple(elts),
            span,
        })
    }

    fn slice_item(&mut self) -> PResult<Expr> {
        let start = self.span();
        let lower = if self.is_op(":") {
            None
        } else {
            Some(self.star_named_expression()?)
        };
        if !self.is_op(":") {
            return lower.ok_or_else(|| self.invalid_syntax());
        }
        self.advance();
        let upper = if self.is_op(":") || self.is_op("]") || self.is_op(",") {
            None
        } else {
            Some(self.expression()?)
        };
        let step = if self.eat_op(":") && !self.is_op("]") && !self.is_op(",") {
            Some(self.expression()?)
        } else {
            None
        };
        let span = start.to(self.prev_span());
        Ok(Expr {
            kind: ExprKind::Slice {
                lower: lower.map(Box::new),
                upper: upper.map(Box::new),
                step: step.map(Box::new),
            },
            span,
        })
    }

    fn yield_expression(&mut self) -> PResult<Expr> {
        let start = self.expect_kw("yield")?;
        if let Some(scope) = self.scopes.last_mut() {
            scope.saw_yield = true;
        }
        if self.eat_kw("from") {
            let value = self.expression()?;
            let span = start.to(value.span);
            return Ok(Expr {
                kind: ExprKind::YieldFrom(Box::new(value)),
                span,
            });
        }
        if self.starts_expression() {
            let value = self.star_expressions()?;
            let span = start.to(value.span);
            return Ok(Expr {
                kind: ExprKind::Yield(Some(Box::new(value))),
                span,
            });
        }
        Ok(Expr {
            kind: ExprKind::Yield(None),
            span: start,
        })
    }

    fn atom(&mut self) -> PResult<Expr> {
        let token = self.tok().clone();
        let constant = |c| {
            Ok(Expr {
                kind: ExprKind::Constant(c),
                span: token.span,
            })
        };
        match &token.kind {
            TokenKind::Name(name) => {
                self.advance();
                Ok(Expr {
                    kind: ExprKind::Name(name.clone()),
                    span: token.span,
                })
            }
            TokenKind::Int(v) => {
                self.advance();
                constant(Constant::Int(*v))
            }
            TokenKind::BigInt(b) => {
                self.advance();
                constant(Constant::BigInt(b.clone()))
            }
            TokenKind::Float(v) => {
                self.advance();
                constant(Constant::Float(*v))
            }
            TokenKind::Keyword("None") => {
                self.advance();
                constant(Constant::None)
            }
            TokenKind::Keyword("True") => {
                self.advance();
                constant(Constant::Bool(true))
            }
            TokenKind::Keyword("False") => {
                self.advance();
                constant(Constant::Bool(false))
            }
            TokenKind::Op("...") => {
                self.advance();
                constant(Constant::Ellipsis)
            }
            TokenKind::Str(_) => self.strings(),
            TokenKind::Op(open @ ("(" | "[" | "{")) => {
                let open = *open;
                self.enter()?;
                self.advance();
                self.bracket_level += 1;
                let result = match open {
                    "(" => self.parenthesized(token.span),
                    "[" => self.list_display(token.span),
                    _ => self.brace_display(token.span),
                };
                self.bracket_level -= 1;
                self.leave();
                result
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    /// After `(`: unit tuple, parenthesized expression, tuple, generator expression or yield.
    fn parenthesized(&mut self, open: Span) -> PResult<Expr> {
        if self.eat_op(")") {
            return Ok(Expr {
                kind: ExprKind::Tuple(Vec::new()),
                span: open.to(self.prev_span()),
            });
        }
        if self.is_kw("yield") {
            let value = self.yield_expression()?;
            self.expect_op(")")?;
            return Ok(value);
        }
        let first = self.star_named_expression()?;
        if self.is_kw("for") || self.is_kw("async") {
            let generators = self.comprehension_clauses()?;
            self.expect_op(")")?;
            let span = open.to(self.prev_span());
            return Ok(Expr {
                kind: ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
                span,
            });
        }
        if self.eat_op(")") {
            if let ExprKind::Starred(_) = first.kind {
                return Err(self.error("cannot use starred expression here", first.span));
            }
            // The span of a parenthesized expression is that of the inner expression, as in
            // CPython's ast (tracebacks underline the inside).
            return Ok(first);
        }
        if !self.is_op(",") {
            self.check_missing_comma(&first)?;
            return Err(self.invalid_syntax());
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.is_op(")") {
                break;
            }
            let elt = self.star_named_expression()?;
            self.check_missing_comma(&elt)?;
            elts.push(elt);
        }
        self.expect_op(")")?;
        Ok(Expr {
            kind: ExprKind::Tuple(elts),
            span: open.to(self.prev_span()),
        })
    }

    fn list_display(&mut self, open: Span) -> PResult<Expr> {
        if self.eat_op("]") {
            return Ok(Expr {
                kind: ExprKind::List(Vec::new()),
                span: open.to(self.prev_span()),
            });
        }
        let first = self.star_named_expression()?;
        if self.is_kw("for") || self.is_kw("async") {
            let generators = self.comprehension_clauses()?;
            self.expect_op("]")?;
            let span = open.to(self.prev_span());
            return Ok(Expr {
                kind: ExprKind::ListComp {
                    elt: Box::new(first),
                    generators,
                },
                span,
            });
        }
        let elts = self.display_elements(first, "]")?;
        Ok(Expr {
            kind: ExprKind::List(elts),
            span: open.to(self.prev_span()),
        })
    }

    /// The rest of a comma-separated display after its first element, through `close`.
    fn display_elements(&mut self, first: Expr, close: &str) -> PResult<Vec<Expr>> {
        self.check_missing_comma(&first)?;
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.is_op(close) {
                break;
            }
            let elt = self.star_named_expression()?;
            self.check_missing_comma(&elt)?;
            elts.push(elt);
        }
        self.expect_op(close)?;
        Ok(elts)
    }

    /// After `{`: dict or set display or comprehension.
    fn brace_display(&mut self, open: Span) -> PResult<Expr> {
        if self.eat_op("}") {
            return Ok(Expr {
                kind: ExprKind::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
                span: open.to(self.prev_span()),
            });
        }
        // `**m` or `key: value` makes a dict; anything else a set.
        let first_key = if self.eat_op("**") {
            None
        } else {
            let key = self.star_named_expression()?;
            if !self.is_op(":") {
                if self.is_kw("for") || self.is_kw("async") {
                    let generators = self.comprehension_clauses()?;
                    self.expect_op("}")?;
                    let span = open.to(self.prev_span());
                    return Ok(Expr {
                        kind: ExprKind::SetComp {
                            elt: Box::new(key),
                            generators,
                        },
                        span,
                    });
                }
                let elts = self.display_elements(key, "}")?;
                return Ok(Expr {
                    kind: ExprKind::Set(elts),
                    span: open.to(self.prev_span()),
                });
            }
            Some(key)
        };
        let mut keys = Vec::new();
        let mut values = Vec::new();
        let mut key = first_key;
        loop {
            match key {
                Some(k) => {
                    self.expect_op(":")?;
                    let value = self.expression()?;
                    if keys.is_empty() && (self.is_kw("for") || self.is_kw("async")) {
                        let generators = self.comprehension_clauses()?;
                        self.expect_op("}")?;
                        let span = open.to(self.prev_span());
                        let kind = ExprKind::DictComp {
                            key: Box::new(k),
                            value: Box::new(value),
                            generators,
                        };
                        return Ok(Expr { kind, span });
                    }
                    self.check_missing_comma(&value)?;
                    keys.push(Some(k));
                    values.push(value);
                }
                None => {
                    let value = self.bitwise_or()?;
                    keys.push(None);
                    values.push(value);
                }
            }
            if !self.eat_op(",") || self.is_op("}") {
                break;
            }
            key = if self.eat_op("**") {
                None
            } else {
                Some(self.expression()?)
            };
        }
        self.expect_op("}")?;
        Ok(Expr {
            kind: ExprKind::Dict { keys, values },
            span: open.to(self.prev_span()),
        })
    }

    /// One or more `[async] for target in iter [if cond]...` clauses.
    fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        while self.is_kw("for")
            || (self.is_kw("async") && matches!(self.kind_at(1), TokenKind::Keyword("for")))
        {
            let is_async = self.eat_kw("async");
            self.expect_kw("for")?;
            let target = self.target_list()?;
            self.check_target(&target, TargetUse::Assign)?;
            self.expect_kw("in")?;
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.disjunction()?);
            }
            generators.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        if generators.is_empty() {
            return Err(self.invalid_syntax());
        }
        Ok(generators)
    }

    // ----- string literals -----

    /// One or more adjacent string literals, concatenated.
    fn strings(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut parts: Vec<FStringPart> = Vec::new();
        let mut bytes: Option<Vec<u8>> = None;
        let mut saw_text = false;
        let mut any_fstring = false;
        while let TokenKind::Str(token) = self.kind().clone() {
            let token_span = self.advance().span;
            if token.is_bytes {
                if saw_text {
                    return Err(self.error(
                        "cannot mix bytes and nonbytes literals",
                        start.to(token_span),
                    ));
                }
                let decoded = decode_escapes(&token.body, token.is_raw, true);
                bytes
                    .get_or_insert_with(Vec::new)
                    .extend(decoded.chars().map(|c| c as u32 as u8));
                continue;
            }
            if bytes.is_some() {
                return Err(self.error(
                    "cannot mix bytes and nonbytes literals",
                    start.to(token_span),
                ));
            }
            saw_text = true;
            if token.is_fstring {
                any_fstring = true;
                self.fstring_parts(&token, &mut parts).map_err(|mut e| {
                    // CPython 3.11 reports f-string errors of its own (not those inside a
                    // field's expression) just after the closing quote of the literal.
                    if e.msg.starts_with("f-string") {
                        e.lineno = token_span.end_line;
                        e.end_lineno = token_span.end_line;
                        e.offset = token_span.end_col as i64 + 1;
                        e.end_offset = e.offset;
                        e.text = self
                            .lines
                            .get(token_span.end_line as usize - 1)
                            .map(|s| s.to_string());
                    }
                    e
                })?;
            } else {
                push_literal(
                    &mut parts,
                    &decode_escapes(&token.body, token.is_raw, false),
                );
            }
        }
        let span = start.to(self.prev_span());
        if let Some(b) = bytes {
            return Ok(Expr {
                kind: ExprKind::Constant(Constant::Bytes(b.into())),
                span,
            });
        }
        if !any_fstring {
            let text = match parts.pop() {
                Some(FStringPart::Literal(s)) => s,
                _ => "".into(),
            };
            return Ok(Expr {
                kind: ExprKind::Constant(Constant::Str(text)),
                span,
            });
        }
        Ok(Expr {
            kind: ExprKind::FString(parts),
            span,
        })
    }

    /// Splits an f-string body into literal text and parsed replacement fields.
    fn fstring_parts(&mut self, token: &StrToken, parts: &mut Vec<FStringPart>) -> PResult<()> {
        let chars: Vec<char> = token.body.chars().collect();
        let mut cursor = FStringCursor {
            chars: &chars,
            pos: 0,
            line: token.body_line,
            col: token.body_col,
        };
        self.fstring_segment(&mut cursor, token, parts, false, 0)
    }

    /// Parses literal text and fields until the end of the body or, inside a format spec,
    /// until the `}` closing the field (left unconsumed).
    fn fstring_segment(
        &mut self,
        cur: &mut FStringCursor<'_>,
        token: &StrToken,
        parts: &mut Vec<FStringPart>,
        in_spec: bool,
        nesting: u32,
    ) -> PResult<()> {
        let mut literal = String::new();
        while let Some(c) = cur.peek() {
            match c {
                '{' if cur.peek_at(1) == Some('{') && !in_spec => {
                    literal.push('{');
                    cur.bump();
                    cur.bump();
                }
                '}' if in_spec => break,
                '}' if cur.peek_at(1) == Some('}') => {
                    literal.push('}');
                    cur.bump();
                    cur.bump();
                }
                '}' => {
                    return Err(self.error("f-string: single '}' is not allowed", cur.span_here()));
                }
                '{' => {
                    if nesting >= 2 {
                        return Err(
                            self.error("f-string: expressions nested too deeply", cur.span_here())
                        );
                    }
                    push_literal(parts, &decode_escapes(&literal, token.is_raw, false));
                    literal.clear();
                    cur.bump();
                    self.fstring_field(cur, token, parts, nesting)?;
                }
                '\\' if !token.is_raw => {
                    // Keep the escape for decode_escapes, including an escaped brace-free char.
                    literal.push('\\');
                    cur.bump();
                    if let Some(next) = cur.peek() {
                        literal.push(next);
                        cur.bump();
                    }
                }
                _ => {
                    literal.push(c);
                    cur.bump();
                }
            }
        }
        push_literal(parts, &decode_escapes(&literal, token.is_raw, false));
        Ok(())
    }

    /// After `{`: the expression, optional `=`, `!conversion` and `:spec`, and the `}`.
    fn fstring_field(
        &mut self,
        cur: &mut FStringCursor<'_>,
        token: &StrToken,
        parts: &mut Vec<FStringPart>,
        nesting: u32,
    ) -> PResult<()> {
        let (expr_line, expr_col) = (cur.line, cur.col);
        let expr_start = cur.pos;
        let mut depth = 0u32;
        let mut quote: Option<char> = None;
        // Find where the expression ends: at depth 0, `}`, `!` (not `!=`), `:` or `=`
        // (self-documenting, not part of `==`, `<=`, ...).
        let mut self_doc_end: Option<usize> = None;
        loop {
            let Some(c) = cur.peek() else {
                return Err(self.error("f-string: expecting '}'", cur.span_here()));
            };
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
                cur.bump();
                continue;
            }
            match c {
                '\'' | '"' => quote = Some(c),
                '\\' => {
                    return Err(self.error(
                        "f-string expression part cannot include a backslash",
                        cur.span_here(),
                    ));
                }
                '#' => {
                    return Err(self.error(
                        "f-string expression part cannot include '#'",
                        cur.span_here(),
                    ));
                }
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth > 0 => depth -= 1,
                '}' => break,
                '!' if depth == 0 && cur.peek_at(1) != Some('=') => break,
                ':' if depth == 0 => break,
                '=' if depth == 0
                    && cur.peek_at(1) != Some('=')
                    && !matches!(
                        cur.chars.get(cur.pos.wrapping_sub(1)),
                        Some('=' | '!' | '<' | '>')
                    ) =>
                {
                    cur.bump();
                    while matches!(cur.peek(), Some(' ')) {
                        cur.bump();
                    }
                    self_doc_end = Some(cur.pos);
                    break;
                }
                _ => {}
            }
            cur.bump();
        }
        let expr_end = match self_doc_end {
            Some(_) => cur.chars[expr_start..cur.pos]
                .iter()
                .rposition(|c| *c == '=')
                .map_or(cur.pos, |i| expr_start + i),
            None => cur.pos,
        };
        let expr_text: String = cur.chars[expr_start..expr_end].iter().collect();
        if expr_text.trim().is_empty() {
            return Err(self.error("f-string: empty expression not allowed", cur.span_here()));
        }
        let value = self.parse_fstring_expression(&expr_text, expr_line, expr_col)?;
        let mut conversion = None;
        if cur.peek() == Some('!') {
            cur.bump();
            match cur.peek() {
                Some(c @ ('r' | 's' | 'a')) if matches!(cur.peek_at(1), Some(':' | '}')) => {
                    conversion = Some(c);
                    cur.bump();
                }
                _ => {
                    return Err(self.error(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                        cur.span_here(),
                    ));
                }
            }
        }
        let mut format_spec = None;
        if cur.peek() == Some(':') {
            cur.bump();
            let mut spec_parts = Vec::new();
            self.fstring_segment(cur, token, &mut spec_parts, true, nesting + 1)?;
            format_spec = Some(spec_parts);
        }
        if cur.peek() != Some('}') {
            return Err(self.error("f-string: expecting '}'", cur.span_here()));
        }
        cur.bump();
        if let Some(end) = self_doc_end {
            let text: String = cur.chars[expr_start..end].iter().collect();
            push_literal(parts, &text);
            if conversion.is_none() && format_spec.is_none() {
                conversion = Some('r');
            }
        }
        parts.push(FStringPart::Field {
            value: Box::new(value),
            conversion,
            format_spec,
        });
        Ok(())
    }

    fn parse_fstring_expression(&mut self, text: &str, line: u32, col: u32) -> PResult<Expr> {
        let tokens = tokenize_fstring_expr(text, self.source, self.filename, line, col)?;
        let mut sub = Parser::new(tokens, self.source, self.filename);
        sub.depth = self.depth;
        sub.bracket_level = 1;
        std::mem::swap(&mut sub.scopes, &mut self.scopes);
        let result = if sub.is_kw("yield") {
            sub.yield_expression()
        } else {
            sub.star_expressions()
        };
        let at_end = matches!(sub.kind(), TokenKind::EndMarker);
        let err = if at_end {
            None
        } else {
            Some(sub.invalid_syntax())
        };
        std::mem::swap(&mut sub.scopes, &mut self.scopes);
        let expr = result?;
        if let Some(e) = err {
            return Err(e);
        }
        Ok(expr)
    }
}

/// How an assignment-like target is used, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TargetUse {
    Assign,
    /// Inside a tuple/list target.
    Nested,
    Augmented,
    Annotated,
    Delete,
}

/// The expression of an assignment's first target that its `=` follows: the target, or the
/// last item of a tuple written without parentheses (`a, "b" = ...`).
fn last_before_equals(target: &Expr) -> &Expr {
    match &target.kind {
        ExprKind::Tuple(elts) => match elts.last() {
            Some(last) if last.span.end_col == target.span.end_col => last,
            _ => target,
        },
        _ => target,
    }
}

/// The `bitwise_or` an expression starts with (what CPython's grammar reads after a mistaken
/// `=`), or `None` when it starts with `not`, `lambda`, `yield` or `*`.
fn leading_bitwise_or(value: &Expr) -> Option<&Expr> {
    match &value.kind {
        ExprKind::UnaryOp {
            op: UnaryOp::Not, ..
        }
        | ExprKind::Lambda(_)
        | ExprKind::Yield(_)
        | ExprKind::YieldFrom(_)
        | ExprKind::Starred(_) => None,
        ExprKind::BoolOp { values, .. } => values.first().and_then(leading_bitwise_or),
        ExprKind::Compare { left, .. } => leading_bitwise_or(left),
        ExprKind::IfExp { body, .. } => leading_bitwise_or(body),
        // A tuple without parentheses (`= 1, 2`) starts with its first item.
        ExprKind::Tuple(elts) => match elts.first() {
            Some(first) if first.span.col == value.span.col => leading_bitwise_or(first),
            _ => Some(value),
        },
        _ => Some(value),
    }
}

/// CPython's name for an expression in "cannot assign to ..." messages.
fn target_description(kind: &ExprKind) -> &'static str {
    match kind {
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::Bool(true)) => "True",
        ExprKind::Constant(Constant::Bool(false)) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Call { .. } => "function call",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } | ExprKind::BoolOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Lambda(_) => "lambda",
        ExprKind::Await(_) => "await expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) => "list",
        ExprKind::Starred(_) => "starred",
        ExprKind::Slice { .. } => "slice",
        ExprKind::Name(_) => "name",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
    }
}

fn augmented_op(op: &str) -> Option<BinOp> {
    Some(match op {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mult,
        "@=" => BinOp::MatMult,
        "/=" => BinOp::Div,
        "//=" => BinOp::FloorDiv,
        "%=" => BinOp::Mod,
        "**=" => BinOp::Pow,
        "<<=" => BinOp::LShift,
        ">>=" => BinOp::RShift,
        "|=" => BinOp::BitOr,
        "^=" => BinOp::BitXor,
        "&=" => BinOp::BitAnd,
        _ => return None,
    })
}

/// Placeholder for an impossible empty target list (keeps the code panic-free).
fn unreachable_expr(span: Span) -> Expr {
    Expr {
        kind: ExprKind::Constant(Constant::None),
        span,
    }
}

/// Appends literal text, merging with a preceding literal; empty text is dropped.
fn push_literal(parts: &mut Vec<FStringPart>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(prev)) = parts.last_mut() {
        *prev = format!("{prev}{text}").into();
    } else {
        parts.push(FStringPart::Literal(text.into()));
    }
}

/// Walks an f-string body keeping track of the source position for field expressions.
struct FStringCursor<'c> {
    chars: &'c [char],
    pos: usize,
    line: u32,
    col: u32,
}

impl FStringCursor<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn bump(&mut self) {
        if self.peek() == Some('\n') {
            self.line += 1;
            self.col = 0;
        } else {
            self.col += 1;
        }
        self.pos += 1;
    }

    fn span_here(&self) -> Span {
        Span {
            line: self.line,
            col: self.col,
            end_line: self.line,
            end_col: self.col,
        }
    }
}

/// Decodes backslash escapes of a string (or, with `is_bytes`, bytes: each char is a byte
/// value) literal body. Unknown escapes are kept as written, as CPython does.
fn decode_escapes(body: &str, is_raw: bool, is_bytes: bool) -> String {
    if is_raw || !body.contains('\\') {
        return body.to_string();
    }
    let chars: Vec<char> = body.chars().collect();
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' || i + 1 >= chars.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let e = chars[i + 1];
        i += 2;
        match e {
            '\n' => {}
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut value = e.to_digit(8).unwrap_or(0);
                let mut count = 1;
                while count < 3 && i < chars.len() && chars[i].is_digit(8) {
                    value = value * 8 + chars[i].to_digit(8).unwrap_or(0);
                    i += 1;
                    count += 1;
                }
                let value = if is_bytes { value & 0xff } else { value };
                out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' if e == 'x' || !is_bytes => {
                let len = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = chars[i..(i + len).min(chars.len())].iter().collect();
                match u32::from_str_radix(&hex, 16)
                    .ok()
                    .filter(|_| hex.len() == len)
                    .and_then(char::from_u32)
                {
                    Some(ch) => {
                        out.push(ch);
                        i += len;
                    }
                    None => {
                        out.push('\\');
                        out.push(e);
                    }
                }
            }
            _ => {
                out.push('\\');
                out.push(e);
            }
        }
    }
    out
}
