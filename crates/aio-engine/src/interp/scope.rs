//! Static scope analysis: which names a function assigns (its locals) and which it declares
//! `global` / `nonlocal`. Computed once per function definition and cached by node address.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::rc::Rc;

use crate::runtime::dict::FxHasher;
use crate::runtime::value::Name;
use crate::syntax::ast::{
    Comprehension, Expr, ExprKind, FStringPart, Parameters, Pattern, PatternKind, Stmt, StmtKind,
};

/// A set of names with the fast hasher.
pub(crate) type NameSet = HashSet<Name, BuildHasherDefault<FxHasher>>;

/// The static facts about one scope.
#[derive(Debug, Default)]
pub(crate) struct ScopeInfo {
    pub locals: NameSet,
    pub globals: NameSet,
    pub nonlocals: NameSet,
}

impl ScopeInfo {
    /// Analyses a function body with its parameters.
    pub(crate) fn for_function(params: &Parameters, body: &[Stmt]) -> ScopeInfo {
        let mut info = ScopeInfo::default();
        for p in params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.vararg)
            .chain(&params.kwonly)
            .chain(&params.kwarg)
        {
            info.locals.insert(p.name.clone());
        }
        for s in body {
            collect_stmt(s, &mut info);
        }
        for g in info.globals.iter().chain(info.nonlocals.iter()) {
            info.locals.remove(g);
        }
        info
    }

    /// Analyses a lambda (its body is one expression).
    pub(crate) fn for_lambda(params: &Parameters, body: &Expr) -> ScopeInfo {
        let mut info = ScopeInfo::for_function(params, &[]);
        collect_expr(body, &mut info);
        info
    }

    /// The scope of a comprehension: its targets are its own; a walrus target in it (in `elts`,
    /// the conditions or the inner iterables) binds in the enclosing scope, as in CPython.
    pub(crate) fn for_comprehension(generators: &[Comprehension], elts: &[&Expr]) -> ScopeInfo {
        let mut info = ScopeInfo::default();
        for g in generators {
            collect_target(&g.target, &mut info);
        }
        let mut walrus = ScopeInfo::default();
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                collect_expr(&g.iter, &mut walrus);
            }
            for cond in &g.ifs {
                collect_expr(cond, &mut walrus);
            }
        }
        for e in elts {
            collect_expr(e, &mut walrus);
        }
        info.nonlocals = walrus.locals;
        info
    }
}

fn collect_target(e: &Expr, info: &mut ScopeInfo) {
    match &e.kind {
        ExprKind::Name(n) => {
            info.locals.insert(n.clone());
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            for i in items {
                collect_target(i, info);
            }
        }
        ExprKind::Starred(inner) => collect_target(inner, info),
        _ => collect_expr(e, info),
    }
}

/// The names a `case` pattern binds are locals of the scope the `match` is in.
fn collect_pattern(p: &Pattern, info: &mut ScopeInfo) {
    match &p.kind {
        PatternKind::Capture(name) | PatternKind::Star(name) => {
            info.locals.extend(name.iter().cloned());
        }
        PatternKind::Value(e) | PatternKind::Singleton(e) => collect_expr(e, info),
        PatternKind::Sequence(items) | PatternKind::Or(items) => {
            items.iter().for_each(|i| collect_pattern(i, info));
        }
        PatternKind::Mapping { patterns, rest, .. } => {
            patterns.iter().for_each(|i| collect_pattern(i, info));
            info.locals.extend(rest.iter().cloned());
        }
        PatternKind::Class {
            patterns,
            kwd_patterns,
            ..
        } => patterns
            .iter()
            .chain(kwd_patterns)
            .for_each(|i| collect_pattern(i, info)),
        PatternKind::As(inner, name) => {
            collect_pattern(inner, info);
            info.locals.insert(name.clone());
        }
    }
}

fn collect_body(body: &[Stmt], info: &mut ScopeInfo) {
    for s in body {
        collect_stmt(s, info);
    }
}

fn collect_stmt(s: &Stmt, info: &mut ScopeInfo) {
    match &s.kind {
        StmtKind::Expr(e) => collect_expr(e, info),
        StmtKind::Assign { targets, value } => {
            for t in targets {
                collect_target(t, info);
            }
            collect_expr(value, info);
        }
        StmtKind::AugAssign { target, value, .. } => {
            collect_target(target, info);
            collect_expr(value, info);
        }
        StmtKind::AnnAssign { target, value, .. } => {
            collect_target(target, info);
            if let Some(v) = value {
                collect_expr(v, info);
            }
        }
        StmtKind::FunctionDef(f) => {
            info.locals.insert(f.name.clone());
        }
        StmtKind::ClassDef(c) => {
            info.locals.insert(c.name.clone());
        }
        StmtKind::Return(Some(e)) => collect_expr(e, info),
        StmtKind::Global(names) => info.globals.extend(names.iter().cloned()),
        StmtKind::Nonlocal(names) => info.nonlocals.extend(names.iter().cloned()),
        StmtKind::Delete(targets) => {
            for t in targets {
                collect_target(t, info);
            }
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            collect_expr(test, info);
            collect_body(body, info);
            collect_body(orelse, info);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } => {
            collect_target(target, info);
            collect_expr(iter, info);
            collect_body(body, info);
            collect_body(orelse, info);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            collect_body(body, info);
            for h in handlers {
                if let Some(n) = &h.name {
                    info.locals.insert(n.clone());
                }
                collect_body(&h.body, info);
            }
            collect_body(orelse, info);
            collect_body(finalbody, info);
        }
        StmtKind::With { items, body, .. } => {
            for item in items {
                collect_expr(&item.context, info);
                if let Some(t) = &item.target {
                    collect_target(t, info);
                }
            }
            collect_body(body, info);
        }
        StmtKind::Import(aliases) => {
            for a in aliases {
                let bound = match &a.asname {
                    Some(n) => n.clone(),
                    None => Rc::from(a.name.split('.').next().unwrap_or(&a.name)),
                };
                info.locals.insert(bound);
            }
        }
        StmtKind::ImportFrom { names, .. } => {
            for a in names {
                info.locals
                    .insert(a.asname.clone().unwrap_or_else(|| a.name.clone()));
            }
        }
        StmtKind::Assert { test, msg } => {
            collect_expr(test, info);
            if let Some(m) = msg {
                collect_expr(m, info);
            }
        }
        StmtKind::Match { subject, cases } => {
            collect_expr(subject, info);
            for case in cases {
                collect_pattern(&case.pattern, info);
                if let Some(guard) = &case.guard {
                    collect_expr(guard, info);
                }
                collect_body(&case.body, info);
            }
        }
        StmtKind::Raise { .. }
        | StmtKind::Return(None)
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue => {}
    }
}

/// Only walrus targets inside expressions bind names in the enclosing function.
fn collect_expr(e: &Expr, info: &mut ScopeInfo) {
    match &e.kind {
        ExprKind::NamedExpr { target, value } => {
            collect_target(target, info);
            collect_expr(value, info);
        }
        ExprKind::BinOp { left, right, .. } => {
            collect_expr(left, info);
            collect_expr(right, info);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            collect_expr(func, info);
            for a in args {
                collect_expr(a, info);
            }
            for k in keywords {
                collect_expr(&k.value, info);
            }
        }
        ExprKind::BoolOp { values, .. } => {
            for v in values {
                collect_expr(v, info);
            }
        }
        ExprKind::IfExp { test, body, orelse } => {
            collect_expr(test, info);
            collect_expr(body, info);
            collect_expr(orelse, info);
        }
        ExprKind::Await(inner) | ExprKind::YieldFrom(inner) | ExprKind::Starred(inner) => {
            collect_expr(inner, info)
        }
        ExprKind::Yield(Some(inner)) => collect_expr(inner, info),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            collect_expr(left, info);
            for c in comparators {
                collect_expr(c, info);
            }
        }
        ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
            for i in items {
                collect_expr(i, info);
            }
        }
        ExprKind::FString(parts) => {
            for p in parts {
                if let FStringPart::Field { value, .. } = p {
                    collect_expr(value, info);
                }
            }
        }
        ExprKind::Attribute { value, .. } | ExprKind::UnaryOp { operand: value, .. } => {
            collect_expr(value, info)
        }
        ExprKind::Subscript { value, index } => {
            collect_expr(value, info);
            collect_expr(index, info);
        }
        ExprKind::Dict { keys, values } => {
            for k in keys.iter().flatten() {
                collect_expr(k, info);
            }
            for v in values {
                collect_expr(v, info);
            }
        }
        // A walrus inside a comprehension binds in the scope around it.
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            collect_expr(elt, info);
            collect_generators(generators, info);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            collect_expr(key, info);
            collect_expr(value, info);
            collect_generators(generators, info);
        }
        _ => {}
    }
}

fn collect_generators(generators: &[Comprehension], info: &mut ScopeInfo) {
    for g in generators {
        collect_expr(&g.iter, info);
        for cond in &g.ifs {
            collect_expr(cond, info);
        }
    }
}
