//! Statement execution.

use crate::run::Missing;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::{Frame, FrameKind, Interp};
use crate::runtime::dict::Dict;
use crate::runtime::object::{Args, Class, CoroKind, FrameInfo, FuncCode, NativeObj, Ty};
use crate::runtime::types::make_class;
use crate::runtime::value::{ExcRef, Lbf, PyResult, Value};
use crate::syntax::ast::{
    BinOp, ClassDef, ExceptHandler, Expr, ExprKind, FunctionDef, Stmt, StmtKind, WithItem,
};

/// How a statement finished.
#[derive(Debug)]
pub(crate) enum Flow {
    Normal,
    Break,
    Continue,
    Return(Value),
}

impl Interp {
    /// Runs statements in order until one does not finish normally.
    pub(crate) fn exec_block<'a>(
        self: &'a Rc<Self>,
        fr: &'a Frame,
        body: &'a [Stmt],
    ) -> Lbf<'a, PyResult<Flow>> {
        Box::pin(async move {
            for s in body {
                match self.exec_stmt(fr, s).await {
                    Ok(Flow::Normal) => {}
                    Ok(other) => return Ok(other),
                    Err(e) => {
                        self.add_tb(&e, fr, s.span.line);
                        return Err(e);
                    }
                }
            }
            Ok(Flow::Normal)
        })
    }

    /// Handles values dropped since the last statement (never-awaited warnings, ...).
    pub(crate) fn flush_drop_events(self: &Rc<Self>) {
        if self.sink.events.borrow().is_empty() {
            return;
        }
        let events = std::mem::take(&mut *self.sink.events.borrow_mut());
        for ev in events {
            self.handle_drop_event(ev);
        }
    }

    async fn exec_stmt(self: &Rc<Self>, fr: &Frame, s: &Stmt) -> PyResult<Flow> {
        let line = s.span.line;
        fr.info.line.set(line);
        self.sink.line.set(line);
        self.step().await?;
        let r = self.exec_stmt_inner(fr, s).await;
        // Statement boundary: values dropped during the statement report now. Restore the
        // line first: a callee may have changed it.
        fr.info.line.set(line);
        self.sink.line.set(line);
        self.flush_drop_events();
        r
    }

    async fn exec_stmt_inner(self: &Rc<Self>, fr: &Frame, s: &Stmt) -> PyResult<Flow> {
        match &s.kind {
            StmtKind::Expr(e) => {
                let v = self.ev(fr, e).await?;
                drop(v);
                Ok(Flow::Normal)
            }
            StmtKind::Assign { targets, value } => {
                let v = self.ev(fr, value).await?;
                for t in targets {
                    self.assign(fr, t, v.clone()).await?;
                }
                Ok(Flow::Normal)
            }
            StmtKind::AugAssign { target, op, value } => {
                // `name op= <numbers>` without a boxed future: the usual counter update.
                if let ExprKind::Name(n) = &target.kind
                    && let Some(Ok(rhs)) = self.eval_pure(fr, value)
                    && let Ok(cur) = self.load_name(fr, n)
                    && let Ok(Some(new)) = crate::runtime::ops::num_binop(*op, &cur, &rhs)
                {
                    let old = self.store_name(fr, n, new);
                    drop(old);
                    return Ok(Flow::Normal);
                }
                Box::pin(self.aug_assign(fr, target, *op, value)).await?;
                Ok(Flow::Normal)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                if let Some(v) = value {
                    let v = self.ev(fr, v).await?;
                    self.assign(fr, target, v).await?;
                }
                // A class or a module keeps the annotations of its plain names, in order, in
                // `__annotations__` (a function's local annotations are never evaluated).
                if let ExprKind::Name(n) = &target.kind
                    && !matches!(fr.kind, FrameKind::Function)
                {
                    let annotation = Box::pin(self.annotation(fr, annotation)).await?;
                    self.annotations_of_scope(fr)
                        .borrow_mut()
                        .insert_str(n, annotation);
                }
                Ok(Flow::Normal)
            }
            StmtKind::FunctionDef(def) => {
                Box::pin(self.exec_def(fr, def, s.span.line)).await?;
                Ok(Flow::Normal)
            }
            StmtKind::ClassDef(def) => {
                Box::pin(self.exec_class(fr, def)).await?;
                Ok(Flow::Normal)
            }
            StmtKind::Return(v) => Ok(Flow::Return(match v {
                Some(e) => self.ev(fr, e).await?,
                None => Value::None,
            })),
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => Ok(Flow::Normal),
            StmtKind::Break => Ok(Flow::Break),
            StmtKind::Continue => Ok(Flow::Continue),
            StmtKind::Delete(targets) => {
                for t in targets {
                    Box::pin(self.delete(fr, t)).await?;
                }
                Ok(Flow::Normal)
            }
            StmtKind::Assert { test, msg } => {
                let t = self.ev(fr, test).await?;
                if !self.truthy(&t).await? {
                    let args = match msg {
                        Some(m) => vec![self.ev(fr, m).await?],
                        None => vec![],
                    };
                    let e = self.new_exc(&self.t.by_name("AssertionError"), args);
                    self.set_context(&e);
                    // A comparison (under any `not`) gets the carets, as CPython 3.11 draws
                    // them (its compare-and-jump carries the comparison's position).
                    let mut cond = test;
                    while let ExprKind::UnaryOp {
                        op: crate::syntax::ast::UnaryOp::Not,
                        operand,
                    } = &cond.kind
                    {
                        cond = operand;
                    }
                    if matches!(cond.kind, ExprKind::Compare { .. }) {
                        self.mark(&e, cond, None);
                    }
                    return Err(e);
                }
                Ok(Flow::Normal)
            }
            StmtKind::If { test, body, orelse } => {
                // The tested value is released before the body runs, as CPython's is (a
                // coroutine never awaited is reported at the test's line).
                let t = self.ev(fr, test).await?;
                let taken = self.truthy(&t).await?;
                drop(t);
                self.flush_drop_events();
                if taken {
                    self.exec_block(fr, body).await
                } else {
                    self.exec_block(fr, orelse).await
                }
            }
            StmtKind::Match { subject, cases } => {
                let subject = self.ev(fr, subject).await?;
                Box::pin(self.exec_match(fr, subject, cases)).await
            }
            StmtKind::While { test, body, orelse } => {
                loop {
                    let t = self.ev(fr, test).await?;
                    let taken = self.truthy(&t).await?;
                    drop(t);
                    self.flush_drop_events();
                    if !taken {
                        break;
                    }
                    match self.exec_block(fr, body).await? {
                        Flow::Break => return Ok(Flow::Normal),
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        _ => {}
                    }
                    self.step().await?;
                    fr.info.line.set(s.span.line);
                    self.sink.line.set(s.span.line);
                }
                self.exec_block(fr, orelse).await
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => Box::pin(self.exec_for(fr, s, *is_async, target, iter, body, orelse)).await,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => Box::pin(self.exec_try(fr, body, handlers, orelse, finalbody, *is_star)).await,
            StmtKind::Raise { exc, cause } => {
                Err(Box::pin(self.exec_raise(fr, s, exc.as_ref(), cause.as_ref())).await?)
            }
            StmtKind::With {
                is_async,
                items,
                body,
            } => Box::pin(self.exec_with(fr, items, body, *is_async)).await,
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let top = a.name.split('.').next().unwrap_or(&a.name).to_string();
                    Box::pin(self.load_prelude_module(&a.name)).await?;
                    let m = self.import_module(&a.name)?;
                    let (bind, v) = match &a.asname {
                        Some(n) => (n.clone(), m),
                        None => (Rc::from(top.as_str()), self.import_module(&top)?),
                    };
                    let old = self.store_name(fr, &bind, v);
                    drop(old);
                }
                Ok(Flow::Normal)
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => Box::pin(self.exec_import_from(fr, module.as_ref(), names, *level)).await,
        }
    }

    /// `for target in iter: body else: orelse` (and `async for`), in a box of its own: the loop's
    /// state would otherwise enlarge every statement's future.
    #[allow(clippy::too_many_arguments)]
    async fn exec_for(
        self: &Rc<Self>,
        fr: &Frame,
        s: &Stmt,
        is_async: bool,
        target: &Expr,
        iter: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> PyResult<Flow> {
        let iterable = self.ev(fr, iter).await?;
        let it = if is_async {
            Box::pin(self.aiter_of(&iterable)).await?
        } else {
            self.iter_of(&iterable).await?
        };
        drop(iterable);
        loop {
            let item = if is_async {
                Box::pin(self.async_next(&it)).await?
            } else {
                self.next_of(&it).await?
            };
            let Some(item) = item else { break };
            self.assign(fr, target, item).await?;
            match self.exec_block(fr, body).await? {
                Flow::Break => return Ok(Flow::Normal),
                Flow::Return(v) => return Ok(Flow::Return(v)),
                _ => {}
            }
            self.step().await?;
            fr.info.line.set(s.span.line);
            self.sink.line.set(s.span.line);
        }
        self.exec_block(fr, orelse).await
    }

    /// `from module import names` (boxed: its future is large, and imports are rare).
    async fn exec_import_from(
        self: &Rc<Self>,
        fr: &Frame,
        module: Option<&crate::runtime::value::Name>,
        names: &[crate::syntax::ast::Alias],
        level: u32,
    ) -> PyResult<Flow> {
        if level > 0 {
            return Err(self.unsupported(Missing::RelativeImport));
        }
        let mname = module.cloned().unwrap_or_else(|| Rc::from(""));
        if &*mname == "__future__" {
            return self.import_future(fr, names);
        }
        Box::pin(self.load_prelude_module(&mname)).await?;
        let m = self.import_module(&mname)?;
        for a in names {
            if &*a.name == "*" {
                if let Value::Module(md) = &m {
                    let items: Vec<(Rc<str>, Value)> = md
                        .dict
                        .borrow()
                        .iter()
                        .filter(|(k, _)| !k.starts_with('_'))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    for (k, v) in items {
                        self.store_name(fr, &k, v);
                    }
                }
                continue;
            }
            let v = match self.get_attr_opt(&m, &a.name).await? {
                Some(v) => v,
                None => {
                    if let Value::Module(md) = &m
                        && let Some(missing) = self.missing_stdlib_name(md, &a.name)
                    {
                        return Err(missing);
                    }
                    return Err(self.err(
                        "ImportError",
                        format!(
                            "cannot import name '{}' from '{mname}' ({})",
                            a.name,
                            crate::builtins::modules::cpython_location(&mname)
                        ),
                    ));
                }
            };
            let bind = a.asname.clone().unwrap_or_else(|| a.name.clone());
            self.store_name(fr, &bind, v);
        }
        Ok(Flow::Normal)
    }

    /// Assigns to a target expression (name, attribute, subscript, or unpacking).
    pub(crate) async fn assign(
        self: &Rc<Self>,
        fr: &Frame,
        target: &Expr,
        v: Value,
    ) -> PyResult<()> {
        // The common case, a plain name, needs no boxed future.
        if let ExprKind::Name(n) = &target.kind {
            let old = self.store_name(fr, n, v);
            drop(old);
            return Ok(());
        }
        self.assign_complex(fr, target, v).await
    }

    /// [`Self::assign`] for attributes, subscripts and unpacking (boxed: unpacking recurses).
    fn assign_complex<'a>(
        self: &'a Rc<Self>,
        fr: &'a Frame,
        target: &'a Expr,
        v: Value,
    ) -> Lbf<'a, PyResult<()>> {
        Box::pin(async move {
            match &target.kind {
                ExprKind::Name(n) => {
                    let old = self.store_name(fr, n, v);
                    drop(old);
                    Ok(())
                }
                // A failing store points at its target, as CPython's traceback does.
                ExprKind::Attribute { value, attr } => {
                    let obj = self.ev(fr, value).await?;
                    self.set_attr(&obj, attr, v)
                        .await
                        .inspect_err(|x| self.mark(x, target, None))
                }
                ExprKind::Subscript { value, index } => {
                    let obj = self.ev(fr, value).await?;
                    let idx = self.ev(fr, index).await?;
                    self.setitem(&obj, &idx, v)
                        .await
                        .inspect_err(|x| self.mark(x, target, subscript_anchor(value, index)))
                }
                // Unpacking that fails points at the targets (`key, value = line.split("=")`).
                ExprKind::Tuple(items) | ExprKind::List(items) => {
                    let vals = match self.collect(&v).await {
                        Ok(vals) => vals,
                        // CPython's own words for a value that cannot be unpacked.
                        Err(e)
                            if self.exc_is(&e, "TypeError")
                                && e.exc().traceback.borrow().is_empty()
                                && self.get_attr_opt(&v, "__iter__").await?.is_none() =>
                        {
                            let e = self.type_error(format!(
                                "cannot unpack non-iterable {} object",
                                self.type_name(&v)
                            ));
                            self.mark(&e, target, None);
                            return Err(e);
                        }
                        Err(e) => {
                            self.mark(&e, target, None);
                            return Err(e);
                        }
                    };
                    let mark = |x: crate::runtime::value::ExcRef| {
                        self.mark(&x, target, None);
                        x
                    };
                    let star = items
                        .iter()
                        .position(|i| matches!(i.kind, ExprKind::Starred(_)));
                    match star {
                        None => {
                            if vals.len() != items.len() {
                                return Err(mark(if vals.len() > items.len() {
                                    self.value_error(format!(
                                        "too many values to unpack (expected {})",
                                        items.len()
                                    ))
                                } else {
                                    self.value_error(format!(
                                        "not enough values to unpack (expected {}, got {})",
                                        items.len(),
                                        vals.len()
                                    ))
                                }));
                            }
                            for (t, x) in items.iter().zip(vals) {
                                self.assign(fr, t, x).await?;
                            }
                        }
                        Some(si) => {
                            let after = items.len() - si - 1;
                            if vals.len() < si + after {
                                return Err(mark(self.value_error(format!(
                                    "not enough values to unpack (expected at least {}, got {})",
                                    si + after,
                                    vals.len()
                                ))));
                            }
                            let mut vals = vals;
                            let tail = vals.split_off(vals.len() - after);
                            let mid = vals.split_off(si);
                            for (t, x) in items[..si].iter().zip(vals) {
                                self.assign(fr, t, x).await?;
                            }
                            if let ExprKind::Starred(inner) = &items[si].kind {
                                self.assign(fr, inner, Value::list(mid)).await?;
                            }
                            for (t, x) in items[si + 1..].iter().zip(tail) {
                                self.assign(fr, t, x).await?;
                            }
                        }
                    }
                    Ok(())
                }
                ExprKind::Starred(inner) => self.assign(fr, inner, v).await,
                _ => Err(self.err("SyntaxError", "cannot assign to expression")),
            }
        })
    }

    async fn aug_assign(
        self: &Rc<Self>,
        fr: &Frame,
        target: &Expr,
        op: BinOp,
        value: &Expr,
    ) -> PyResult<()> {
        // An error of the operator shows the whole statement, as CPython's carets do.
        let statement = crate::syntax::ast::Span {
            line: target.span.line,
            col: target.span.col,
            end_line: value.span.end_line,
            end_col: value.span.end_col,
        };
        match &target.kind {
            ExprKind::Name(n) => {
                // An error reading the target shows the target's carets.
                let cur = self
                    .load_name(fr, n)
                    .inspect_err(|x| self.mark(x, target, None))?;
                let rhs = self.ev(fr, value).await?;
                let new = self.inplace(op, cur, rhs, statement).await?;
                let old = self.store_name(fr, n, new);
                drop(old);
                Ok(())
            }
            ExprKind::Attribute { value: obj_e, attr } => {
                let obj = self.ev(fr, obj_e).await?;
                let cur = self
                    .get_attr(&obj, attr)
                    .await
                    .inspect_err(|x| self.mark(x, target, None))?;
                let rhs = self.ev(fr, value).await?;
                let new = self.inplace(op, cur, rhs, statement).await?;
                self.set_attr(&obj, attr, new).await
            }
            ExprKind::Subscript {
                value: obj_e,
                index,
            } => {
                let obj = self.ev(fr, obj_e).await?;
                let idx = self.ev(fr, index).await?;
                let cur = self
                    .getitem(&obj, &idx)
                    .await
                    .inspect_err(|x| self.mark(x, target, subscript_anchor(obj_e, index)))?;
                let rhs = self.ev(fr, value).await?;
                let new = self.inplace(op, cur, rhs, statement).await?;
                self.setitem(&obj, &idx, new).await
            }
            _ => Err(self.err("SyntaxError", "illegal expression for augmented assignment")),
        }
    }

    async fn inplace(
        self: &Rc<Self>,
        op: BinOp,
        cur: Value,
        rhs: Value,
        at: crate::syntax::ast::Span,
    ) -> PyResult {
        let dunder = inplace_dunder(op);
        if let Value::Instance(inst) = &cur
            && let Some(f) = inst.class.lookup(dunder)
        {
            let result = self
                .call(f, Args::new(vec![cur.clone(), rhs.clone()]))
                .await?;
            if !matches!(result, Value::NotImplemented) {
                return Ok(result);
            }
        }
        // A list, set or dict changes in place (`a *= 2` is seen through every name for it),
        // also the one a subclass instance is (which stays itself).
        if self
            .inplace_builtin(op, self.inherited(&cur, &[dunder]), &rhs)
            .await?
        {
            return Ok(cur);
        }
        self.binop_as(op, &cur, &rhs, true).await.inspect_err(|e| {
            let d = e.exc();
            if d.pending_span.get().is_none() {
                d.pending_span.set(Some((at, None)));
            }
        })
    }

    /// `target op= rhs` done in place on a builtin list (`+=`, `*=`), set (`|=`, `&=`, `-=`,
    /// `^=`) or dict (`|=`); `false` when `target` is none of those (a new value is made).
    async fn inplace_builtin(
        self: &Rc<Self>,
        op: BinOp,
        target: &Value,
        rhs: &Value,
    ) -> PyResult<bool> {
        match (op, target) {
            (BinOp::Add, Value::ByteArray(ba)) => {
                let Some(more) = crate::builtins::bytes::bytes_like(rhs) else {
                    return Err(self
                        .type_error(format!("can't concat {} to bytearray", self.type_name(rhs))));
                };
                self.alloc(more.len() / 16)?;
                ba.borrow_mut().extend_from_slice(&more);
                Ok(true)
            }
            (BinOp::Mult, Value::ByteArray(ba)) => {
                let times = match rhs {
                    Value::Int(n) => (*n).max(0) as usize,
                    Value::Bool(b) => usize::from(*b),
                    _ => return Ok(false),
                };
                let once = ba.borrow().clone();
                self.alloc(once.len().saturating_mul(times) / 16)?;
                *ba.borrow_mut() = once.repeat(times);
                Ok(true)
            }
            (BinOp::Add, Value::List(l)) => {
                let items = self.collect(rhs).await?;
                self.alloc(items.len())?;
                l.borrow_mut().extend(items);
                Ok(true)
            }
            (BinOp::Mult, Value::List(l)) => {
                let times = match rhs {
                    Value::Int(n) => *n,
                    Value::Bool(b) => i64::from(*b),
                    _ => return Ok(false),
                };
                let once = l.borrow().clone();
                if times <= 0 {
                    l.borrow_mut().clear();
                    return Ok(true);
                }
                self.alloc(once.len().saturating_mul(times as usize - 1))?;
                let mut items = l.borrow_mut();
                for _ in 1..times {
                    items.extend(once.iter().cloned());
                }
                Ok(true)
            }
            (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Value::Set(s))
                if matches!(self.unwrapped(rhs), Value::Set(_)) && !s.borrow().frozen =>
            {
                if let Value::Set(result) = self.binop(op, target, rhs).await? {
                    let result = result.borrow().clone();
                    *s.borrow_mut() = result;
                }
                Ok(true)
            }
            (BinOp::BitOr, Value::Dict(d)) => {
                let mut updated = d.borrow().clone();
                crate::builtins::methods::dict_update_from(self, &mut updated, rhs).await?;
                *d.borrow_mut() = updated;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    fn delete<'a>(self: &'a Rc<Self>, fr: &'a Frame, t: &'a Expr) -> Lbf<'a, PyResult<()>> {
        Box::pin(async move {
            match &t.kind {
                ExprKind::Name(n) => {
                    let old = self
                        .delete_name(fr, n)
                        .inspect_err(|x| self.mark(x, t, None))?;
                    drop(old);
                    Ok(())
                }
                ExprKind::Attribute { value, attr } => {
                    let obj = self.ev(fr, value).await?;
                    self.del_attr(&obj, attr)
                        .await
                        .inspect_err(|x| self.mark(x, t, None))
                }
                ExprKind::Subscript { value, index } => {
                    let obj = self.ev(fr, value).await?;
                    let idx = self.ev(fr, index).await?;
                    self.delitem(&obj, &idx)
                        .await
                        .inspect_err(|x| self.mark(x, t, subscript_anchor(value, index)))
                }
                ExprKind::Tuple(items) | ExprKind::List(items) => {
                    for i in items {
                        self.delete(fr, i).await?;
                    }
                    Ok(())
                }
                _ => Err(self.err("SyntaxError", "cannot delete expression")),
            }
        })
    }

    async fn exec_def(
        self: &Rc<Self>,
        fr: &Frame,
        def: &Rc<FunctionDef>,
        line: u32,
    ) -> PyResult<()> {
        let mut decorators = Vec::new();
        for d in &def.decorators {
            decorators.push(self.ev(fr, d).await?);
        }
        let key = Rc::as_ptr(def) as usize;
        let cached = self.scope_cache.borrow().get(&key).cloned();
        let info = match cached {
            Some(i) => i,
            None => {
                let i = Rc::new(super::scope::ScopeInfo::for_function(
                    &def.params,
                    &def.body,
                ));
                self.scope_cache.borrow_mut().insert(key, i.clone());
                i
            }
        };
        // co_firstlineno: the first decorator's line for a decorated function.
        let def_line = def.decorators.first().map(|d| d.span.line).unwrap_or(line);
        let mut f = self
            .make_function(
                fr,
                def.name.clone(),
                FuncCode::Def(def.clone()),
                &def.params,
                info,
                def_line,
            )
            .await?;
        if let Value::Func(func) = &f {
            let mut annotations = Dict::new();
            let params = &def.params;
            let named = params
                .posonly
                .iter()
                .chain(&params.args)
                .chain(&params.vararg)
                .chain(&params.kwonly)
                .chain(&params.kwarg);
            for p in named {
                if let Some(a) = &p.annotation {
                    let value = self.annotation(fr, a).await?;
                    annotations.insert_str(&p.name, value);
                }
            }
            if let Some(r) = &def.returns {
                let value = self.annotation(fr, r).await?;
                annotations.insert_str("return", value);
            }
            let mut attrs = func.dict.borrow_mut();
            attrs.insert_str("__annotations__", Value::dict(annotations));
            if let Some(doc) = docstring(&def.body) {
                attrs.insert_str("__doc__", Value::str(doc));
            }
        }
        // An error in a decorator points at the decorator, as CPython's traceback does.
        for (d, expr) in decorators.into_iter().zip(&def.decorators).rev() {
            f = self
                .call(d, Args::new(vec![f]))
                .await
                .inspect_err(|x| self.mark(x, expr, None))?;
        }
        let old = self.store_name(fr, &def.name, f);
        drop(old);
        Ok(())
    }

    /// An annotation's value: the expression evaluated, or, in a module that ran `from
    /// __future__ import annotations`, its source text.
    async fn annotation(self: &Rc<Self>, fr: &Frame, e: &Expr) -> PyResult {
        if fr.globals.future_annotations.get() {
            return Ok(Value::str(self.source_text(e).as_str()));
        }
        self.ev(fr, e).await
    }

    /// The program text of an expression of the main program (as written, on its lines).
    fn source_text(&self, e: &Expr) -> String {
        let lines = &self.source_lines;
        let span = e.span;
        let chars = |line: u32| -> Vec<char> {
            lines
                .get(line.saturating_sub(1) as usize)
                .map(|l| l.chars().collect())
                .unwrap_or_default()
        };
        if span.line == span.end_line {
            let line = chars(span.line);
            let end = (span.end_col as usize).min(line.len());
            let start = (span.col as usize).min(end);
            return line[start..end].iter().collect();
        }
        let mut out = String::new();
        for n in span.line..=span.end_line {
            let line = chars(n);
            let start = if n == span.line { span.col as usize } else { 0 };
            let end = if n == span.end_line {
                span.end_col as usize
            } else {
                line.len()
            };
            let piece: String = line[start.min(line.len())..end.min(line.len())]
                .iter()
                .collect();
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(piece.trim());
        }
        out
    }

    /// The `__annotations__` dict of the class or module body running in `fr` (made on first
    /// use).
    fn annotations_of_scope(&self, fr: &Frame) -> Rc<RefCell<Dict>> {
        let existing = match &fr.kind {
            FrameKind::Class(ns) => ns.borrow().get_str("__annotations__").cloned(),
            _ => fr.globals.get("__annotations__"),
        };
        if let Some(Value::Dict(d)) = existing {
            return d;
        }
        let d = Rc::new(RefCell::new(Dict::new()));
        match &fr.kind {
            FrameKind::Class(ns) => {
                ns.borrow_mut()
                    .insert_str("__annotations__", Value::Dict(d.clone()));
            }
            _ => fr.globals.set("__annotations__", Value::Dict(d.clone())),
        }
        d
    }

    /// `from __future__ import ...`: the features of Python 3.11 are all there already, except
    /// `annotations`, which makes this module's annotations strings.
    fn import_future(&self, fr: &Frame, names: &[crate::syntax::ast::Alias]) -> PyResult<Flow> {
        const FEATURES: [&str; 10] = [
            "nested_scopes",
            "generators",
            "division",
            "absolute_import",
            "with_statement",
            "print_function",
            "unicode_literals",
            "barry_as_FLUFL",
            "generator_stop",
            "annotations",
        ];
        for a in names {
            if !FEATURES.contains(&&*a.name) {
                return Err(self.err(
                    "SyntaxError",
                    format!("future feature {} is not defined", a.name),
                ));
            }
            if &*a.name == "annotations" {
                fr.globals.future_annotations.set(true);
            }
            let bind = a.asname.clone().unwrap_or_else(|| a.name.clone());
            self.store_name(
                fr,
                &bind,
                Value::str(format!("__future__.{}", a.name).as_str()),
            );
        }
        Ok(Flow::Normal)
    }

    async fn exec_class(self: &Rc<Self>, fr: &Frame, def: &Rc<ClassDef>) -> PyResult<()> {
        let mut decorators = Vec::new();
        for d in &def.decorators {
            decorators.push(self.ev(fr, d).await?);
        }
        let mut bases = Vec::new();
        // Bases that are not classes but say which classes they stand for (`__mro_entries__`:
        // `Generic[T]`, `list[int]`), and the bases as written, kept in `__orig_bases__`.
        let mut written = Vec::new();
        let mut resolved = false;
        for b in &def.bases {
            let value = self.ev(fr, b).await?;
            written.push(value.clone());
            match value {
                Value::Class(c) => bases.push(c),
                Value::Native(n) if matches!(&*n, NativeObj::GenericAlias { .. }) => {
                    if let NativeObj::GenericAlias {
                        origin: Value::Class(c),
                        ..
                    } = &*n
                    {
                        bases.push(c.clone());
                        resolved = true;
                    }
                }
                other => {
                    // (`typing.NamedTuple`, a function, has one too.)
                    let entries = match &other {
                        Value::Instance(_) | Value::Func(_) => {
                            self.get_attr_opt(&other, "__mro_entries__").await?
                        }
                        _ => None,
                    };
                    let Some(entries) = entries else {
                        return Err(self.type_error(format!(
                            "bases must be types, not {}",
                            self.type_name(&other)
                        )));
                    };
                    let all = Value::tuple(written.clone());
                    let replaced = self.call(entries, Args::new(vec![all])).await?;
                    for c in self.collect(&replaced).await? {
                        match c {
                            Value::Class(c) => bases.push(c),
                            other => {
                                return Err(self.type_error(format!(
                                    "bases must be types, not {}",
                                    self.type_name(&other)
                                )));
                            }
                        }
                    }
                    resolved = true;
                }
            }
        }
        // A class written twice among the bases is refused, as CPython does.
        for (i, w) in written.iter().enumerate() {
            if let Value::Class(c) = w
                && written[..i]
                    .iter()
                    .any(|earlier| matches!(earlier, Value::Class(e) if Rc::ptr_eq(e, c)))
            {
                return Err(self.type_error(format!("duplicate base class {}", c.name)));
            }
        }
        // Each base once, in order (`class C(Generic[T], Generic)` is no error here).
        let mut unique: Vec<Rc<Class>> = Vec::new();
        for b in bases {
            if !unique.iter().any(|u| Rc::ptr_eq(u, &b)) {
                unique.push(b);
            }
        }
        let as_written = unique.clone();
        let mut bases = unique;
        if bases.is_empty() {
            bases.push(self.t.object.clone());
        }
        let mut explicit_meta = None;
        for k in &def.keywords {
            if k.arg.as_deref() == Some("metaclass") {
                explicit_meta = Some(self.ev(fr, &k.value).await?);
            }
        }
        let meta = self.metaclass_for(explicit_meta, &bases)?;
        // A metaclass written in Python sees the bases first (`EnumType` takes `int` in
        // `class Prio(int, Enum)` for a stand-in); `type.__new__` checks what it passes on.
        if meta.is_none() {
            self.check_bases(&bases)?;
        }
        let ns = Rc::new(RefCell::new(Dict::new()));
        if resolved {
            ns.borrow_mut()
                .insert_str("__orig_bases__", Value::tuple(written));
        }
        if let Some(doc) = docstring(&def.body) {
            ns.borrow_mut().insert_str("__doc__", Value::str(doc));
        }
        let info = Rc::new(FrameInfo {
            name: def.name.clone(),
            filename: fr.info.filename.clone(),
            line: Cell::new(fr.info.line.get()),
            hidden: fr.info.hidden,
            generated_line: Cell::new(0),
        });
        let cfr = Frame {
            env: match &fr.kind {
                FrameKind::Module => None,
                _ => fr.env.clone(),
            },
            globals: fr.globals.clone(),
            kind: FrameKind::Class(ns.clone()),
            func: None,
            info,
        };
        self.exec_block(&cfr, &def.body).await?;
        // A class body may set `__module__` (the prelude does, to match CPython's names).
        let declared_module = match ns.borrow().get_str("__module__") {
            Some(Value::Str(m)) => Some(m.clone()),
            _ => None,
        };
        let module = if let Some(m) = &declared_module {
            &**m
        } else if &*fr.globals.name == "__main__" {
            "__main__"
        } else {
            &fr.globals.name
        };
        // The bases hear of their new subclass (`__init_subclass__`, implicitly a class method),
        // with the class statement's keywords.
        let mut keywords = Vec::new();
        for k in &def.keywords {
            if let Some(name) = &k.arg
                && &**name != "metaclass"
            {
                keywords.push((name.clone(), self.ev(fr, &k.value).await?));
            }
        }
        let entries: Vec<(Value, Value)> = ns
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let mut value = match meta {
            // A metaclass written in Python makes the class: `meta(name, bases, namespace,
            // **keywords)`, with the namespace as the body left it and its `__module__`.
            Some(meta) => {
                let mut namespace = Dict::new();
                if declared_module.is_none() {
                    namespace.insert_str("__module__", Value::str(module));
                }
                for (k, v) in entries {
                    if let Some(hk) = crate::runtime::dict::HashKey::of(&k) {
                        namespace.insert_key(hk, k, v);
                    }
                }
                let pos = vec![
                    Value::Str(def.name.clone()),
                    Value::tuple(as_written.into_iter().map(Value::Class).collect()),
                    Value::dict(namespace),
                ];
                let mut args = Args::new(pos);
                args.kw = keywords;
                self.call(meta, args).await?
            }
            None => Value::Class(
                self.build_class(&def.name, module, bases, entries, keywords, None)
                    .await?,
            ),
        };
        for (d, expr) in decorators.into_iter().zip(&def.decorators).rev() {
            value = self
                .call(d, Args::new(vec![value]))
                .await
                .inspect_err(|x| self.mark(x, expr, None))?;
        }
        self.store_name(fr, &def.name, value);
        Ok(())
    }

    /// What makes a class with these bases: `None` for `type` itself (the class is built
    /// directly), else the metaclass written in Python (or any callable given as `metaclass=`).
    /// As in CPython, the most derived of the bases' metaclasses and the explicit one wins, and
    /// two unrelated ones are an error.
    pub(crate) fn metaclass_for(
        &self,
        explicit: Option<Value>,
        bases: &[Rc<Class>],
    ) -> PyResult<Option<Value>> {
        let mut winner: Option<Rc<Class>> = None;
        match explicit {
            Some(Value::Class(c)) if Rc::ptr_eq(&c, &self.t.type_) => {}
            Some(Value::Class(c)) if c.is_subclass(&self.t.type_) => winner = Some(c),
            // A function (or a class not derived from type) is simply called.
            Some(other) => return Ok(Some(other)),
            None => {}
        }
        for m in bases.iter().filter_map(|b| b.meta.borrow().clone()) {
            winner = match winner {
                None => Some(m),
                Some(w) if m.is_subclass(&w) => Some(m),
                Some(w) if w.is_subclass(&m) => Some(w),
                Some(_) => {
                    return Err(self.type_error(
                        "metaclass conflict: the metaclass of a derived class must be a \
                         (non-strict) subclass of the metaclasses of all its bases",
                    ));
                }
            };
        }
        Ok(winner.map(Value::Class))
    }

    /// Checks that a new class's bases can make one class here: subclasses of `object`, of
    /// exceptions, of `list`, `dict`, `tuple`, `str` and `int`, not two of those layouts at once.
    pub(crate) fn check_bases(&self, bases: &[Rc<Class>]) -> PyResult<()> {
        for b in bases {
            if !matches!(
                b.base_ty(),
                Ty::Object
                    | Ty::Exception
                    | Ty::List
                    | Ty::Dict
                    | Ty::Tuple
                    | Ty::Str
                    | Ty::Int
                    | Ty::Type
            ) {
                return Err(self.unsupported(Missing::SubclassBuiltin(b.name.to_string())));
            }
        }
        let layouts = bases
            .iter()
            .map(|b| b.base_ty())
            .filter(|ty| *ty != Ty::Object)
            .collect::<Vec<_>>();
        if layouts.windows(2).any(|pair| pair[0] != pair[1]) {
            return Err(self.type_error("multiple bases have instance lay-out conflict"));
        }
        Ok(())
    }

    /// A new class from its namespace's `entries`, as a class statement and `type(name, bases,
    /// namespace)` make it: methods learn their class (for `super()`), `__eq__` without
    /// `__hash__` makes it unhashable, descriptors hear `__set_name__` and the bases
    /// `__init_subclass__` with the class's `keywords`.
    pub(crate) async fn build_class(
        self: &Rc<Self>,
        name: &str,
        module: &str,
        bases: Vec<Rc<Class>>,
        entries: Vec<(Value, Value)>,
        keywords: Vec<(crate::runtime::value::Name, Value)>,
        meta: Option<Rc<Class>>,
    ) -> PyResult<Rc<Class>> {
        // A class made by `type.__new__` directly still has its bases' metaclass.
        let meta = meta
            .filter(|m| !Rc::ptr_eq(m, &self.t.type_))
            .or_else(|| bases.iter().find_map(|b| b.meta.borrow().clone()));
        let cls: Rc<Class> = make_class(name, module, bases, Ty::User);
        *cls.meta.borrow_mut() = meta;
        for (k, v) in entries {
            // The functions that `super()` inside them needs to find this class for.
            let inner = match &v {
                Value::Native(n) => match &**n {
                    NativeObj::ClassMethod(f) | NativeObj::StaticMethod(f) => vec![f.clone()],
                    NativeObj::Property(p) => vec![p.fget.clone(), p.fset.clone(), p.fdel.clone()],
                    _ => vec![v.clone()],
                },
                _ => vec![v.clone()],
            };
            for f in inner {
                if let Value::Func(f) = f {
                    *f.owner_class.borrow_mut() = Some(Rc::downgrade(&cls));
                }
            }
            if let Some(hk) = crate::runtime::dict::HashKey::of(&k) {
                cls.dict.borrow_mut().insert_key(hk, k, v);
            }
        }
        // A class that defines `__eq__` but not `__hash__` is unhashable, as in CPython.
        {
            let mut attrs = cls.dict.borrow_mut();
            if attrs.get_str("__eq__").is_some() && attrs.get_str("__hash__").is_none() {
                attrs.insert_str("__hash__", Value::None);
            }
        }
        // Descriptors learn their name and owner (`functools.cached_property`).
        let named: Vec<(Value, Value)> = cls
            .dict
            .borrow()
            .iter()
            .filter(|(_, v)| matches!(v, Value::Instance(d) if d.class.lookup("__set_name__").is_some()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in named {
            let Value::Instance(d) = &v else { continue };
            let set_name = d.class.lookup("__set_name__").unwrap_or_default();
            let called = self
                .call(
                    set_name,
                    Args::new(vec![v.clone(), Value::Class(cls.clone()), k.clone()]),
                )
                .await;
            if let Err(e) = called {
                let wrapped = self.runtime_error(format!(
                    "Error calling __set_name__ on '{}' instance {} in '{}'",
                    d.class.name,
                    self.repr_simple(&k).unwrap_or_default(),
                    cls.name
                ));
                *wrapped.exc().cause.borrow_mut() = Some(e.clone());
                wrapped.exc().suppress_context.set(true);
                return Err(wrapped);
            }
        }
        let hook = cls
            .mro
            .iter()
            .take_while(|c| c.ty != Ty::Object)
            .find_map(|c| c.dict.borrow().get_str("__init_subclass__").cloned());
        match hook {
            Some(hook) => {
                let mut args = Args::new(Vec::new());
                args.kw = keywords;
                self.call_class_hook(hook, &cls, args).await?;
            }
            None if !keywords.is_empty() => {
                return Err(self.type_error(format!(
                    "{}.__init_subclass__() takes no keyword arguments",
                    cls.name
                )));
            }
            None => {}
        }
        Ok(cls)
    }

    /// Does `exc` match the handler type value (a class or tuple of classes)?
    fn exc_matches(&self, exc: &ExcRef, ty: &Value) -> PyResult<bool> {
        match ty {
            Value::Class(c) => {
                if !c.is_exc {
                    return Err(self.type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(exc.class.is_subclass(c))
            }
            Value::Tuple(items) => {
                for i in items.iter() {
                    if self.exc_matches(exc, i)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    async fn run_handler(
        self: &Rc<Self>,
        fr: &Frame,
        h: &ExceptHandler,
        e: ExcRef,
    ) -> PyResult<Flow> {
        if let Some(n) = &h.name {
            let old = self.store_name(fr, n, Value::Instance(e.clone()));
            drop(old);
        }
        self.exc_stack.borrow_mut().push(e.clone());
        let r = self.exec_block(fr, &h.body).await;
        self.exc_stack.borrow_mut().pop();
        if let Some(n) = &h.name {
            // `except E as n:` deletes `n` at the end of the handler (dropping the exception).
            let old = self.delete_name(fr, n).ok().flatten();
            drop(e);
            drop(old);
            self.flush_drop_events();
        }
        r
    }

    async fn exec_try(
        self: &Rc<Self>,
        fr: &Frame,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        is_star: bool,
    ) -> PyResult<Flow> {
        let mut result = match self.exec_block(fr, body).await {
            Ok(Flow::Normal) => self.exec_block(fr, orelse).await,
            Ok(flow) => Ok(flow),
            Err(e) if self.aborted.borrow().is_some() => Err(e),
            Err(e) if is_star => self.exec_except_star(fr, handlers, e).await,
            Err(e) => {
                let mut out = Err(e.clone());
                for h in handlers {
                    let matched = match &h.type_ {
                        None => true,
                        Some(t) => {
                            fr.info.line.set(h.span.line);
                            self.sink.line.set(h.span.line);
                            let tv = self.ev(fr, t).await?;
                            self.exc_matches(&e, &tv)?
                        }
                    };
                    if matched {
                        out = self.run_handler(fr, h, e).await;
                        break;
                    }
                }
                out
            }
        };
        if !finalbody.is_empty() {
            let pending = match &result {
                Err(e) => Some(e.clone()),
                _ => None,
            };
            if let Some(e) = &pending {
                self.exc_stack.borrow_mut().push(e.clone());
            }
            let fin = self.exec_block(fr, finalbody).await;
            if pending.is_some() {
                self.exc_stack.borrow_mut().pop();
            }
            match fin {
                Ok(Flow::Normal) => {}
                other => result = other,
            }
        }
        result
    }

    async fn exec_except_star(
        self: &Rc<Self>,
        fr: &Frame,
        handlers: &[ExceptHandler],
        e: ExcRef,
    ) -> PyResult<Flow> {
        let naked = e.exc().group.borrow().is_none();
        let mut rest: Option<ExcRef> = Some(if naked {
            let g = self.new_exc(
                &self
                    .t
                    .by_name(if e.class.is_subclass(&self.t.by_name("Exception")) {
                        "ExceptionGroup"
                    } else {
                        "BaseExceptionGroup"
                    }),
                vec![
                    Value::str(""),
                    Value::list(vec![Value::Instance(e.clone())]),
                ],
            );
            *g.exc().group.borrow_mut() = Some(vec![Value::Instance(e.clone())].into());
            g
        } else {
            e.clone()
        });
        let mut raised: Vec<Value> = Vec::new();
        for h in handlers {
            let Some(cur) = rest.clone() else { break };
            let Some(t) = &h.type_ else { continue };
            let tv = self.ev(fr, t).await?;
            let (matched, remaining) = self.split_group(&cur, &SplitBy::Types(&tv)).await?;
            rest = remaining;
            if let Some(m) = matched {
                match self.run_handler(fr, h, m.clone()).await {
                    Ok(Flow::Normal) => {}
                    Ok(flow) => return Ok(flow),
                    Err(x) => {
                        if !Rc::ptr_eq(&x, &m) {
                            raised.push(Value::Instance(x));
                        } else {
                            raised.push(Value::Instance(m));
                        }
                    }
                }
            }
        }
        match (rest, raised.is_empty()) {
            (None, true) => Ok(Flow::Normal),
            (Some(r), true) => {
                if naked {
                    Err(e)
                } else {
                    Err(r)
                }
            }
            (rest, false) => {
                if let Some(r) = rest {
                    raised.push(Value::Instance(r));
                }
                if raised.len() == 1
                    && let Value::Instance(x) = &raised[0]
                {
                    return Err(x.clone());
                }
                let g = self.new_exc(
                    &self.t.by_name("ExceptionGroup"),
                    vec![Value::str(""), Value::list(raised.clone())],
                );
                *g.exc().group.borrow_mut() = Some(raised.into());
                Err(g)
            }
        }
    }

    /// Splits an exception group (`except*`, `BaseExceptionGroup.split`): (the part that
    /// matches, the rest), each a group of the same class with the same message, nesting,
    /// traceback, cause, context and notes, or `None` when empty.
    pub(crate) fn split_group<'a>(
        self: &'a Rc<Self>,
        g: &'a ExcRef,
        by: &'a SplitBy<'a>,
    ) -> Lbf<'a, PyResult<(Option<ExcRef>, Option<ExcRef>)>> {
        Box::pin(async move {
            let matches = match by {
                SplitBy::Types(ty) => self.exc_matches(g, ty)?,
                SplitBy::Predicate(f) => {
                    let verdict =
                        self.call((*f).clone(), Args::new(vec![Value::Instance(g.clone())]));
                    self.truthy(&verdict.await?).await?
                }
            };
            if matches {
                return Ok((Some(g.clone()), None));
            }
            let Some(items) = g.exc().group.borrow().clone() else {
                return Ok((None, Some(g.clone())));
            };
            let mut yes = Vec::new();
            let mut no = Vec::new();
            for item in items.iter() {
                if let Value::Instance(x) = item {
                    let (m, r) = self.split_group(x, by).await?;
                    yes.extend(m.map(Value::Instance));
                    no.extend(r.map(Value::Instance));
                }
            }
            let msg = g.args().first().cloned().unwrap_or_default();
            let derive = |v: Vec<Value>| -> Option<ExcRef> {
                if v.is_empty() {
                    return None;
                }
                let x = self.new_exc(&g.class, vec![msg.clone(), Value::list(v.clone())]);
                let (from, to) = (g.exc(), x.exc());
                *to.group.borrow_mut() = Some(v.into());
                *to.traceback.borrow_mut() = from.traceback.borrow().clone();
                // Re-raised by `except*`, the part left unhandled goes on from where the group
                // was: the frame it is in already has its line in the traceback.
                to.tb_frame.set(from.tb_frame.get());
                // The parts share the group's `__traceback__` object.
                self.traceback_mark(g);
                *to.tb_object.borrow_mut() = from.tb_object.borrow().clone();
                to.context_checked.set(from.context_checked.get());
                *to.cause.borrow_mut() = from.cause.borrow().clone();
                *to.context.borrow_mut() = from.context.borrow().clone();
                to.suppress_context.set(from.suppress_context.get());
                if let Some(notes) = g.dict.borrow().get_str("__notes__").cloned() {
                    x.dict.borrow_mut().insert_str("__notes__", notes);
                }
                Some(x)
            };
            Ok((derive(yes), derive(no)))
        })
    }

    async fn exec_raise(
        self: &Rc<Self>,
        fr: &Frame,
        s: &Stmt,
        exc: Option<&Expr>,
        cause: Option<&Expr>,
    ) -> PyResult<ExcRef> {
        let Some(exc) = exc else {
            let top = self.exc_stack.borrow().last().cloned();
            return match top {
                Some(e) => Ok(e),
                None => Err(self.runtime_error("No active exception to reraise")),
            };
        };
        let v = self.ev(fr, exc).await?;
        let e = self.to_exception(v).await?;
        if let Some(c) = cause {
            let cv = self.ev(fr, c).await?;
            let cause_exc = match cv {
                Value::None => None,
                other => Some(self.to_exception(other).await.map_err(|_| {
                    self.type_error("exception causes must derive from BaseException")
                })?),
            };
            *e.exc().cause.borrow_mut() = cause_exc;
            e.exc().suppress_context.set(true);
        }
        self.set_context(&e);
        // An explicit raise always adds an entry for this frame (like CPython).
        e.exc().tb_frame.set(0);
        e.exc().pending_span.set(Some((s.span, None)));
        self.add_tb(&e, fr, s.span.line);
        Ok(e)
    }

    /// A raised value as an exception instance (classes are instantiated).
    pub(crate) async fn to_exception(self: &Rc<Self>, v: Value) -> PyResult<ExcRef> {
        match v {
            Value::Instance(i) if i.class.is_exc => Ok(i),
            Value::Class(c) if c.is_exc => match self.instantiate(&c, Args::default()).await? {
                Value::Instance(i) => Ok(i),
                _ => Err(self.type_error("exceptions must derive from BaseException")),
            },
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    fn exec_with<'a>(
        self: &'a Rc<Self>,
        fr: &'a Frame,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
    ) -> Lbf<'a, PyResult<Flow>> {
        Box::pin(async move {
            let Some((first, rest)) = items.split_first() else {
                return self.exec_block(fr, body).await;
            };
            let mgr = self.ev(fr, &first.context).await?;
            let (enter, exit) = if is_async {
                ("__aenter__", "__aexit__")
            } else {
                ("__enter__", "__exit__")
            };
            if self.get_attr_opt(&mgr, enter).await?.is_none() {
                return Err(self.type_error(format!(
                    "'{}' object does not support the {}context manager protocol",
                    self.type_name(&mgr),
                    if is_async { "asynchronous " } else { "" }
                )));
            }
            let exit_fn = self.get_attr(&mgr, exit).await?;
            let mut entered = self
                .call_method(mgr.clone(), &Rc::from(enter), Args::default())
                .await?;
            if is_async {
                entered = self.await_value(entered).await?;
            }
            if let Some(t) = &first.target {
                self.assign(fr, t, entered).await?;
            }
            let r = if rest.is_empty() {
                self.exec_block(fr, body).await
            } else {
                self.exec_with(fr, rest, body, is_async).await
            };
            match r {
                Err(e) if self.aborted.borrow().is_none() => {
                    self.add_tb(&e, fr, fr.info.line.get());
                    self.exc_stack.borrow_mut().push(e.clone());
                    let args = Args::new(vec![
                        Value::Class(e.class.clone()),
                        Value::Instance(e.clone()),
                        self.traceback_mark(&e),
                    ]);
                    let res = match self.call(exit_fn, args).await {
                        Ok(v) if is_async => self.await_value(v).await,
                        other => other,
                    };
                    self.exc_stack.borrow_mut().pop();
                    let res = res?;
                    if self.truthy(&res).await? {
                        Ok(Flow::Normal)
                    } else {
                        Err(e)
                    }
                }
                Err(e) => Err(e),
                Ok(flow) => {
                    let v = self
                        .call(
                            exit_fn,
                            Args::new(vec![Value::None, Value::None, Value::None]),
                        )
                        .await?;
                    if is_async {
                        self.await_value(v).await?;
                    }
                    Ok(flow)
                }
            }
        })
    }

    /// `aiter(v)` for `async for`.
    pub(crate) async fn aiter_of(self: &Rc<Self>, v: &Value) -> PyResult {
        match v {
            Value::Coro(c) if c.kind == CoroKind::AsyncGenerator => Ok(v.clone()),
            Value::Instance(inst) if inst.class.lookup("__aiter__").is_some() => {
                self.call_method(v.clone(), &Rc::from("__aiter__"), Args::default())
                    .await
            }
            _ => Err(self.type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                self.type_name(v)
            ))),
        }
    }

    /// One `async for` step: `Ok(None)` at StopAsyncIteration.
    pub(crate) async fn async_next(self: &Rc<Self>, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Coro(c) if c.kind == CoroKind::AsyncGenerator => self.agen_step(c, None).await,
            _ => {
                let aw = self
                    .call_method(it.clone(), &Rc::from("__anext__"), Args::default())
                    .await?;
                let awaitable = match &aw {
                    Value::Coro(c) => c.kind == CoroKind::Coroutine,
                    Value::Future(_) => true,
                    Value::Instance(inst) => inst.class.lookup("__await__").is_some(),
                    _ => false,
                };
                if !awaitable {
                    // CPython's: the await's own TypeError (raised before any frame, so it has
                    // no traceback) as the cause of the one `async for` raises.
                    let kind = self.type_name(&aw);
                    let cause = self
                        .type_error(format!("object {kind} can't be used in 'await' expression"));
                    let error = self.type_error(format!(
                        "'async for' received an invalid object from __anext__: {kind}"
                    ));
                    *error.exc().cause.borrow_mut() = Some(cause.clone());
                    *error.exc().context.borrow_mut() = Some(cause);
                    error.exc().suppress_context.set(true);
                    error.exc().context_checked.set(true);
                    return Err(error);
                }
                match self.await_value(aw).await {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.exc_is(&e, "StopAsyncIteration") => Ok(None),
                    Err(e) => Err(e),
                }
            }
        }
    }
}

/// The docstring of a body: its first statement, when that is a string literal.
fn docstring(body: &[crate::syntax::ast::Stmt]) -> Option<String> {
    match &body.first()?.kind {
        StmtKind::Expr(e) => match &e.kind {
            ExprKind::Constant(crate::syntax::ast::Constant::Str(s)) => Some(s.to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// Where CPython's carets split `value[index]`: `~` under the value, `^` under the index.
fn subscript_anchor(value: &Expr, index: &Expr) -> Option<super::exc::AnchorHint> {
    Some(super::exc::AnchorHint::Subscript {
        value_end: value.span.end_col as usize,
        slice_end: index.span.end_col as usize,
    })
}

/// The in-place method of an augmented assignment's operator (`+=` calls `__iadd__`).
fn inplace_dunder(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "__iadd__",
        BinOp::Sub => "__isub__",
        BinOp::Mult => "__imul__",
        BinOp::MatMult => "__imatmul__",
        BinOp::Div => "__itruediv__",
        BinOp::FloorDiv => "__ifloordiv__",
        BinOp::Mod => "__imod__",
        BinOp::Pow => "__ipow__",
        BinOp::LShift => "__ilshift__",
        BinOp::RShift => "__irshift__",
        BinOp::BitOr => "__ior__",
        BinOp::BitXor => "__ixor__",
        BinOp::BitAnd => "__iand__",
    }
}

/// What splits an exception group: exception types (a class or a tuple of them, as `except*`
/// names them), or a predicate called with each exception (`BaseExceptionGroup.split(f)`).
#[derive(Debug)]
pub(crate) enum SplitBy<'a> {
    Types(&'a Value),
    Predicate(&'a Value),
}
