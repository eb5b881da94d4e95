//! Compile-time checks CPython makes after parsing (in its symbol table and compiler), so
//! that a program with such an error fails before anything runs, with the same message:
//!
//! - `'await' outside function` / `'await' outside async function`
//! - `asynchronous comprehension outside of an asynchronous function`
//! - `'async for' outside async function`, `'async with' outside async function`
//! - `'yield' outside function`, `'yield from' inside async function`
//! - `'return' outside function`, `'return' with value in async generator`
//! - `'break' outside loop`, `'continue' not properly in loop`
//! - `nonlocal declaration not allowed at module level`

use super::ast::*;
use super::error::{SyntaxError, SyntaxErrorKind};

/// Runs every check over `module`; the first error in source order wins. Without one, the
/// SyntaxWarnings CPython's compiler would print, as (line, message).
pub(crate) fn check_module(
    module: &Module,
    source: &str,
    filename: &str,
) -> Result<Vec<(u32, String)>, SyntaxError> {
    let checker = Checker {
        source,
        filename,
        warnings: std::cell::RefCell::new(Vec::new()),
    };
    let ctx = Context {
        scope: Scope::Module,
        in_loop: false,
        is_async_generator: false,
    };
    checker.block(&module.body, ctx)?;
    Ok(checker.warnings.into_inner())
}

/// The kind of the innermost enclosing scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
}

#[derive(Debug, Clone, Copy)]
struct Context {
    scope: Scope,
    in_loop: bool,
    is_async_generator: bool,
}

struct Checker<'a> {
    source: &'a str,
    filename: &'a str,
    warnings: std::cell::RefCell<Vec<(u32, String)>>,
}

type CheckResult = Result<(), SyntaxError>;

impl Checker<'_> {
    fn error(&self, msg: &str, span: Span) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.to_string(),
            filename: self.filename.to_string(),
            lineno: span.line,
            offset: span.col as i64 + 1,
            end_lineno: span.end_line,
            end_offset: span.end_col as i64 + 1,
            text: self
                .source
                .split('\n')
                .nth((span.line as usize).wrapping_sub(1))
                .map(|l| l.trim_end_matches('\r').to_string()),
            from_tokenizer: false,
        }
    }

    fn block(&self, body: &[Stmt], ctx: Context) -> CheckResult {
        body.iter().try_for_each(|stmt| self.stmt(stmt, ctx))
    }

    fn function_context(def: &FunctionDef) -> Context {
        let scope = if def.is_async {
            Scope::AsyncFunction
        } else {
            Scope::Function
        };
        Context {
            scope,
            in_loop: false,
            is_async_generator: def.is_async && def.is_generator,
        }
    }

    fn params(&self, params: &Parameters, ctx: Context) -> CheckResult {
        let all = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly);
        for param in all.chain(params.vararg.iter()).chain(params.kwarg.iter()) {
            if let Some(default) = &param.default {
                self.expr(default, ctx)?;
            }
        }
        Ok(())
    }

    fn stmt(&self, stmt: &Stmt, ctx: Context) -> CheckResult {
        let is_function = matches!(ctx.scope, Scope::Function | Scope::AsyncFunction);
        match &stmt.kind {
            StmtKind::Expr(e) => self.expr(e, ctx),
            StmtKind::Assign { targets, value } => {
                targets.iter().try_for_each(|t| self.target(t, ctx))?;
                self.expr(value, ctx)
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.target(target, ctx)?;
                self.expr(value, ctx)
            }
            StmtKind::AnnAssign { target, value, .. } => {
                self.target(target, ctx)?;
                value.as_ref().map_or(Ok(()), |v| self.expr(v, ctx))
            }
            StmtKind::FunctionDef(def) => {
                def.decorators.iter().try_for_each(|d| self.expr(d, ctx))?;
                self.params(&def.params, ctx)?;
                self.block(&def.body, Self::function_context(def))
            }
            StmtKind::ClassDef(def) => {
                def.decorators.iter().try_for_each(|d| self.expr(d, ctx))?;
                def.bases.iter().try_for_each(|b| self.expr(b, ctx))?;
                def.keywords
                    .iter()
                    .try_for_each(|k| self.expr(&k.value, ctx))?;
                self.block(
                    &def.body,
                    Context {
                        scope: Scope::Class,
                        in_loop: false,
                        is_async_generator: false,
                    },
                )
            }
            StmtKind::Return(value) => {
                if !is_function {
                    return Err(self.error("'return' outside function", stmt.span));
                }
                if let Some(value) = value {
                    if ctx.is_async_generator {
                        return Err(self.error("'return' with value in async generator", stmt.span));
                    }
                    self.expr(value, ctx)?;
                }
                Ok(())
            }
            StmtKind::Break if !ctx.in_loop => Err(self.error("'break' outside loop", stmt.span)),
            StmtKind::Continue if !ctx.in_loop => {
                Err(self.error("'continue' not properly in loop", stmt.span))
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue | StmtKind::Global(_) => Ok(()),
            StmtKind::Nonlocal(_) if ctx.scope == Scope::Module => Err(self.error(
                "nonlocal declaration not allowed at module level",
                stmt.span,
            )),
            StmtKind::Nonlocal(_) | StmtKind::Import(_) | StmtKind::ImportFrom { .. } => Ok(()),
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.target(t, ctx)),
            StmtKind::Assert { test, msg } => {
                self.expr(test, ctx)?;
                msg.as_ref().map_or(Ok(()), |m| self.expr(m, ctx))
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test, ctx)?;
                self.block(body, ctx)?;
                self.block(orelse, ctx)
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test, ctx)?;
                self.block(
                    body,
                    Context {
                        in_loop: true,
                        ..ctx
                    },
                )?;
                self.block(orelse, ctx)
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => {
                if *is_async && ctx.scope != Scope::AsyncFunction {
                    return Err(self.error("'async for' outside async function", stmt.span));
                }
                self.expr(iter, ctx)?;
                self.target(target, ctx)?;
                self.block(
                    body,
                    Context {
                        in_loop: true,
                        ..ctx
                    },
                )?;
                self.block(orelse, ctx)
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.block(body, ctx)?;
                for handler in handlers {
                    if let Some(t) = &handler.type_ {
                        self.expr(t, ctx)?;
                    }
                    self.block(&handler.body, ctx)?;
                }
                self.block(orelse, ctx)?;
                self.block(finalbody, ctx)
            }
            StmtKind::Raise { exc, cause } => exc
                .iter()
                .chain(cause.iter())
                .try_for_each(|e| self.expr(e, ctx)),
            StmtKind::With {
                is_async,
                items,
                body,
            } => {
                if *is_async && ctx.scope != Scope::AsyncFunction {
                    return Err(self.error("'async with' outside async function", stmt.span));
                }
                for item in items {
                    self.expr(&item.context, ctx)?;
                    if let Some(t) = &item.target {
                        self.target(t, ctx)?;
                    }
                }
                self.block(body, ctx)
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject, ctx)?;
                for (i, case) in cases.iter().enumerate() {
                    let allow_irrefutable = case.guard.is_some() || i + 1 == cases.len();
                    self.pattern(&case.pattern, allow_irrefutable, &mut Vec::new(), ctx)?;
                    if let Some(guard) = &case.guard {
                        self.expr(guard, ctx)?;
                    }
                    self.block(&case.body, ctx)?;
                }
                Ok(())
            }
        }
    }

    /// The compiler's checks of a pattern: a capture or wildcard that makes the patterns after
    /// it unreachable, a name bound twice, alternatives that bind different names. `names`
    /// gathers what the pattern binds.
    fn pattern(
        &self,
        pattern: &Pattern,
        allow_irrefutable: bool,
        names: &mut Vec<Name>,
        ctx: Context,
    ) -> CheckResult {
        let bind = |name: &Name, names: &mut Vec<Name>| {
            if names.contains(name) {
                let msg = format!("multiple assignments to name '{name}' in pattern");
                return Err(self.error(&msg, pattern.span));
            }
            names.push(name.clone());
            Ok(())
        };
        match &pattern.kind {
            PatternKind::Capture(name) => {
                if !allow_irrefutable {
                    let msg = match name {
                        Some(n) => {
                            format!("name capture '{n}' makes remaining patterns unreachable")
                        }
                        None => "wildcard makes remaining patterns unreachable".to_string(),
                    };
                    return Err(self.error(&msg, pattern.span));
                }
                name.as_ref().map_or(Ok(()), |n| bind(n, names))
            }
            PatternKind::Star(name) => name.as_ref().map_or(Ok(()), |n| bind(n, names)),
            PatternKind::Value(e) | PatternKind::Singleton(e) => self.expr(e, ctx),
            PatternKind::Sequence(items) => items
                .iter()
                .try_for_each(|p| self.pattern(p, true, names, ctx)),
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                self.exprs(keys, ctx)?;
                for (i, key) in keys.iter().enumerate() {
                    if let ExprKind::Constant(c) = &key.kind
                        && keys[..i].iter().any(|k| k.kind == key.kind)
                    {
                        let msg = format!(
                            "mapping pattern checks duplicate key ({})",
                            constant_repr(c)
                        );
                        return Err(self.error(&msg, pattern.span));
                    }
                }
                for p in patterns {
                    self.pattern(p, true, names, ctx)?;
                }
                rest.as_ref().map_or(Ok(()), |n| bind(n, names))
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls, ctx)?;
                patterns
                    .iter()
                    .chain(kwd_patterns)
                    .try_for_each(|p| self.pattern(p, true, names, ctx))
            }
            PatternKind::As(inner, name) => {
                self.pattern(inner, allow_irrefutable, names, ctx)?;
                bind(name, names)
            }
            PatternKind::Or(alternatives) => {
                let mut first: Option<Vec<Name>> = None;
                for (i, alt) in alternatives.iter().enumerate() {
                    let allow = allow_irrefutable && i + 1 == alternatives.len();
                    let mut own = names.clone();
                    self.pattern(alt, allow, &mut own, ctx)?;
                    let mut bound: Vec<Name> = own[names.len()..].to_vec();
                    bound.sort();
                    match &first {
                        None => first = Some(bound),
                        Some(f) if *f != bound => {
                            return Err(
                                self.error("alternative patterns bind different names", alt.span)
                            );
                        }
                        Some(_) => {}
                    }
                }
                if let Some(bound) = first {
                    names.extend(bound);
                }
                Ok(())
            }
        }
    }

    /// A store or delete target: CPython's subscript warnings are for loads, so a subscript
    /// stored into is not checked itself (what it is made of is).
    fn target(&self, target: &Expr, ctx: Context) -> CheckResult {
        match &target.kind {
            ExprKind::Subscript { value, index } => {
                self.expr(value, ctx)?;
                self.expr(index, ctx)
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|t| self.target(t, ctx))
            }
            ExprKind::Starred(inner) => self.target(inner, ctx),
            _ => self.expr(target, ctx),
        }
    }

    fn exprs(&self, exprs: &[Expr], ctx: Context) -> CheckResult {
        exprs.iter().try_for_each(|e| self.expr(e, ctx))
    }

    fn expr(&self, expr: &Expr, ctx: Context) -> CheckResult {
        match &expr.kind {
            ExprKind::Name(_) | ExprKind::Constant(_) => Ok(()),
            ExprKind::FString(parts) => self.fstring(parts, ctx),
            ExprKind::Attribute { value, .. } | ExprKind::Starred(value) => self.expr(value, ctx),
            ExprKind::Subscript { value, index } => {
                self.check_subscript(expr, value, index);
                self.expr(value, ctx)?;
                self.expr(index, ctx)
            }
            ExprKind::Slice { lower, upper, step } => [lower, upper, step]
                .into_iter()
                .flatten()
                .try_for_each(|e| self.expr(e, ctx)),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                // `[(1, 2) (3, 4)]`: CPython's compiler warns of the missing comma
                // (check_caller).
                if is_display_or_constant(func)
                    && let Some(kind) = inferred_type(func)
                {
                    self.warn(
                        expr,
                        format!("'{kind}' object is not callable; perhaps you missed a comma?"),
                    );
                }
                self.expr(func, ctx)?;
                self.exprs(args, ctx)?;
                keywords.iter().try_for_each(|k| self.expr(&k.value, ctx))
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left, ctx)?;
                self.expr(right, ctx)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand, ctx),
            ExprKind::BoolOp { values, .. } => self.exprs(values, ctx),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                // `x is 0`: CPython's compiler warns (check_compare).
                let mut left_literal = is_literal(left);
                for (op, right) in ops.iter().zip(comparators) {
                    let right_literal = is_literal(right);
                    let (word, instead) = match op {
                        CmpOp::Is => ("is", "=="),
                        CmpOp::IsNot => ("is not", "!="),
                        _ => ("", ""),
                    };
                    if !word.is_empty() && (left_literal || right_literal) {
                        self.warnings.borrow_mut().push((
                            expr.span.line,
                            format!("\"{word}\" with a literal. Did you mean \"{instead}\"?"),
                        ));
                    }
                    left_literal = right_literal;
                }
                self.expr(left, ctx)?;
                self.exprs(comparators, ctx)
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(body, ctx)?;
                self.expr(test, ctx)?;
                self.expr(orelse, ctx)
            }
            ExprKind::Lambda(lambda) => {
                self.params(&lambda.params, ctx)?;
                self.expr(
                    &lambda.body,
                    Context {
                        scope: Scope::Lambda,
                        in_loop: false,
                        is_async_generator: false,
                    },
                )
            }
            ExprKind::Await(value) => {
                match ctx.scope {
                    Scope::AsyncFunction => {}
                    Scope::Function | Scope::Lambda => {
                        return Err(self.error("'await' outside async function", expr.span));
                    }
                    Scope::Module | Scope::Class => {
                        return Err(self.error("'await' outside function", expr.span));
                    }
                }
                self.expr(value, ctx)
            }
            ExprKind::Yield(value) => {
                if matches!(ctx.scope, Scope::Module | Scope::Class) {
                    return Err(self.error("'yield' outside function", expr.span));
                }
                value.as_ref().map_or(Ok(()), |v| self.expr(v, ctx))
            }
            ExprKind::YieldFrom(value) => {
                match ctx.scope {
                    Scope::Module | Scope::Class => {
                        return Err(self.error("'yield' outside function", expr.span));
                    }
                    Scope::AsyncFunction => {
                        return Err(self.error("'yield from' inside async function", expr.span));
                    }
                    Scope::Function | Scope::Lambda => {}
                }
                self.expr(value, ctx)
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(target, ctx)?;
                self.expr(value, ctx)
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) | ExprKind::Set(elts) => {
                self.exprs(elts, ctx)
            }
            ExprKind::Dict { keys, values } => {
                keys.iter().flatten().try_for_each(|k| self.expr(k, ctx))?;
                self.exprs(values, ctx)
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.comprehension(expr, &[elt], generators, false, ctx)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(expr, &[key, value], generators, false, ctx),
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(expr, &[elt], generators, true, ctx)
            }
        }
    }

    fn fstring(&self, parts: &[FStringPart], ctx: Context) -> CheckResult {
        for part in parts {
            if let FStringPart::Field {
                value, format_spec, ..
            } = part
            {
                self.expr(value, ctx)?;
                if let Some(spec) = format_spec {
                    self.fstring(spec, ctx)?;
                }
            }
        }
        Ok(())
    }

    /// A comprehension is asynchronous if it has `async for` or an `await`; outside an async
    /// function that is an error, except for generator expressions (which then make an async
    /// generator). The first iterable is evaluated in the enclosing scope.
    fn comprehension(
        &self,
        whole: &Expr,
        elts: &[&Expr],
        generators: &[Comprehension],
        is_genexp: bool,
        ctx: Context,
    ) -> CheckResult {
        let Some((first, rest)) = generators.split_first() else {
            return Ok(());
        };
        self.expr(&first.iter, ctx)?;
        let is_async = generators.iter().any(|g| g.is_async)
            || elts.iter().any(|e| contains_await(e))
            || rest.iter().any(|g| contains_await(&g.iter))
            || generators.iter().any(|g| g.ifs.iter().any(contains_await));
        let inner = if is_genexp || ctx.scope == Scope::AsyncFunction {
            Context {
                scope: Scope::AsyncFunction,
                ..ctx
            }
        } else {
            ctx
        };
        if is_async && !is_genexp && matches!(ctx.scope, Scope::Function | Scope::Lambda) {
            return Err(self.error(
                "asynchronous comprehension outside of an asynchronous function",
                whole.span,
            ));
        }
        self.expr(&first.target, inner)?;
        first.ifs.iter().try_for_each(|e| self.expr(e, inner))?;
        for g in rest {
            self.expr(&g.iter, inner)?;
            self.expr(&g.target, inner)?;
            g.ifs.iter().try_for_each(|e| self.expr(e, inner))?;
        }
        elts.iter().try_for_each(|e| self.expr(e, inner))
    }
}

/// Whether `expr` contains an `await` outside any nested lambda or comprehension scope.
fn contains_await(expr: &Expr) -> bool {
    let any = |es: &[Expr]| es.iter().any(contains_await);
    match &expr.kind {
        ExprKind::Await(_) => true,
        ExprKind::Name(_) | ExprKind::Constant(_) | ExprKind::Lambda(_) => false,
        ExprKind::ListComp { .. }
        | ExprKind::SetComp { .. }
        | ExprKind::DictComp { .. }
        | ExprKind::GeneratorExp { .. } => false,
        ExprKind::FString(parts) => parts
            .iter()
            .any(|p| matches!(p, FStringPart::Field { value, .. } if contains_await(value))),
        ExprKind::Attribute { value, .. }
        | ExprKind::Starred(value)
        | ExprKind::YieldFrom(value) => contains_await(value),
        ExprKind::UnaryOp { operand, .. } => contains_await(operand),
        ExprKind::Yield(value) => value.as_deref().is_some_and(contains_await),
        ExprKind::Subscript { value, index } => contains_await(value) || contains_await(index),
        ExprKind::Slice { lower, upper, step } => [lower, upper, step]
            .into_iter()
            .flatten()
            .any(|e| contains_await(e)),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => contains_await(func) || any(args) || keywords.iter().any(|k| contains_await(&k.value)),
        ExprKind::BinOp { left, right, .. } => contains_await(left) || contains_await(right),
        ExprKind::BoolOp { values, .. } => any(values),
        ExprKind::Compare {
            left, comparators, ..
        } => contains_await(left) || any(comparators),
        ExprKind::IfExp { test, body, orelse } => {
            contains_await(test) || contains_await(body) || contains_await(orelse)
        }
        ExprKind::NamedExpr { value, .. } => contains_await(value),
        ExprKind::Tuple(elts) | ExprKind::List(elts) | ExprKind::Set(elts) => any(elts),
        ExprKind::Dict { keys, values } => keys.iter().flatten().any(contains_await) || any(values),
    }
}

/// The repr of a literal key, for the duplicate-key error.
fn constant_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(b) => b.to_string(),
        Constant::Float(x) => format!("{x:?}"),
        Constant::Str(s) => crate::format::str_repr(s),
        Constant::Bytes(b) => format!("{b:?}"),
    }
}

/// A constant CPython's `is` check warns about: not `None`, `True`, `False` or `...` (a tuple
/// of constants is folded into one).
/// The type CPython's compiler infers for an expression (`infer_type`), where it can.
fn inferred_type(e: &Expr) -> Option<&'static str> {
    Some(match &e.kind {
        ExprKind::Tuple(_) => "tuple",
        ExprKind::List(_) | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set(_) | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda(_) => "function",
        ExprKind::FString(_) => "str",
        ExprKind::Constant(c) => match c {
            Constant::None => "NoneType",
            Constant::Bool(_) => "bool",
            Constant::Ellipsis => "ellipsis",
            Constant::Int(_) | Constant::BigInt(_) => "int",
            Constant::Float(_) => "float",
            Constant::Str(_) => "str",
            Constant::Bytes(_) => "bytes",
        },
        _ => return None,
    })
}

/// A constant or a display: what CPython's check_caller warns of calling.
fn is_display_or_constant(e: &Expr) -> bool {
    !matches!(e.kind, ExprKind::Lambda(_)) && inferred_type(e).is_some()
}

impl Checker<'_> {
    fn warn(&self, at: &Expr, message: String) {
        self.warnings.borrow_mut().push((at.span.line, message));
    }

    /// `5[0]`, `[1, 2]["a"]`: CPython's compiler warns of a missing comma (check_subscripter,
    /// check_index).
    fn check_subscript(&self, expr: &Expr, value: &Expr, index: &Expr) {
        let Some(kind) = inferred_type(value) else {
            return;
        };
        let unsubscriptable = match &value.kind {
            ExprKind::Constant(c) => matches!(
                c,
                Constant::None
                    | Constant::Ellipsis
                    | Constant::Bool(_)
                    | Constant::Int(_)
                    | Constant::BigInt(_)
                    | Constant::Float(_)
            ),
            ExprKind::Set(_)
            | ExprKind::SetComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Lambda(_) => true,
            _ => false,
        };
        if unsubscriptable {
            self.warn(
                expr,
                format!("'{kind}' object is not subscriptable; perhaps you missed a comma?"),
            );
            return;
        }
        let Some(index_kind) = inferred_type(index).filter(|k| !matches!(*k, "int" | "bool"))
        else {
            return;
        };
        let sequence = match &value.kind {
            ExprKind::Constant(c) => {
                matches!(c, Constant::Str(_) | Constant::Bytes(_))
            }
            ExprKind::Tuple(_)
            | ExprKind::List(_)
            | ExprKind::ListComp { .. }
            | ExprKind::FString(_) => true,
            _ => false,
        };
        if sequence {
            self.warn(
                expr,
                format!(
                    "{kind} indices must be integers or slices, not {index_kind}; perhaps you missed a comma?"
                ),
            );
        }
    }
}

fn is_literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(c) => {
            !matches!(c, Constant::None | Constant::Bool(_) | Constant::Ellipsis)
        }
        ExprKind::Tuple(items) => items.iter().all(|i| {
            matches!(i.kind, ExprKind::Constant(_))
                || matches!(i.kind, ExprKind::Tuple(_)) && is_literal(i)
        }),
        _ => false,
    }
}
