//! Expression evaluation.

use std::cell::RefCell;
use std::rc::Rc;

use super::exc::AnchorHint;
use super::{Frame, FrameKind, Interp, Resume, Suspend};
use crate::runtime::dict::{Dict, FxHashMap, HashKey};
use crate::runtime::object::{Args, CoroKind, Env, FuncCode, Function};
use crate::runtime::value::{ExcRef, Lbf, Name, PyResult, Value};
use crate::runtime::{bigint, fmt};
use crate::syntax::ast::{
    BoolOp, Comprehension, Constant, Expr, ExprKind, FStringPart, Parameters, UnaryOp,
};

impl Interp {
    /// Reads a variable.
    pub(crate) fn load_name(&self, fr: &Frame, name: &Name) -> PyResult {
        match &fr.kind {
            FrameKind::Module => self.load_global(fr, name),
            FrameKind::Class(ns) => {
                if let Some(v) = ns.borrow().get_str(name) {
                    return Ok(v.clone());
                }
                let mut cur = fr.env.clone();
                while let Some(env) = cur {
                    if let Some(v) = env.vars.borrow().get(name) {
                        return Ok(v.clone());
                    }
                    cur = env.parent.clone();
                }
                self.load_global(fr, name)
            }
            FrameKind::Function => {
                let Some(env) = &fr.env else {
                    return self.load_global(fr, name);
                };
                if let Some(v) = env.vars.borrow().get(name) {
                    return Ok(v.clone());
                }
                if env.info.globals.contains(name) {
                    return self.load_global(fr, name);
                }
                if env.info.locals.contains(name) {
                    return Err(self.err(
                        "UnboundLocalError",
                        format!(
                            "cannot access local variable '{name}' where it is not associated with a value"
                        ),
                    ));
                }
                let mut cur = env.parent.clone();
                while let Some(e) = cur {
                    if let Some(v) = e.vars.borrow().get(name) {
                        return Ok(v.clone());
                    }
                    if e.info.locals.contains(name) {
                        return Err(self.err(
                            "NameError",
                            format!(
                                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                            ),
                        ));
                    }
                    cur = e.parent.clone();
                }
                self.load_global(fr, name)
            }
        }
    }

    fn load_global(&self, fr: &Frame, name: &Name) -> PyResult {
        if let Some(v) = fr.globals.dict.borrow().get(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.builtins.borrow().get(name) {
            return Ok(v.clone());
        }
        let e = self.err("NameError", format!("name '{name}' is not defined"));
        *e.exc().suggestion.borrow_mut() = self.suggest_name(fr, name);
        e.dict.borrow_mut().insert_str("name", Value::str(&**name));
        Err(e)
    }

    /// CPython's candidates for a NameError, group by group: the function's local names, then
    /// the globals, then the builtins.
    fn suggest_name(&self, fr: &Frame, name: &str) -> Option<Rc<str>> {
        use crate::runtime::suggest::closest;
        let locals: Vec<&str> = match (&fr.kind, &fr.env) {
            (FrameKind::Function, Some(env)) => env.info.locals.iter().map(|n| &**n).collect(),
            _ => Vec::new(),
        };
        if let Some(s) = closest(name, &locals) {
            return Some(Rc::from(s));
        }
        let globals = fr.globals.dict.borrow();
        let names: Vec<&str> = globals.keys().map(|n| &**n).collect();
        if let Some(s) = closest(name, &names) {
            return Some(Rc::from(s));
        }
        let builtins = self.builtins.borrow();
        let names: Vec<&str> = builtins.keys().map(|n| &**n).collect();
        closest(name, &names).map(Rc::from)
    }

    /// Binds a variable; returns the previous value so it is dropped after all borrows end.
    pub(crate) fn store_name(&self, fr: &Frame, name: &Name, v: Value) -> Option<Value> {
        match &fr.kind {
            FrameKind::Module => fr.globals.dict.borrow_mut().insert(name.clone(), v),
            FrameKind::Class(ns) => ns.borrow_mut().insert_replace(name, v),
            FrameKind::Function => {
                let Some(env) = &fr.env else {
                    return fr.globals.dict.borrow_mut().insert(name.clone(), v);
                };
                if env.info.globals.contains(name) {
                    return fr.globals.dict.borrow_mut().insert(name.clone(), v);
                }
                if env.info.nonlocals.contains(name) {
                    let mut cur = env.parent.clone();
                    while let Some(e) = cur {
                        if e.info.locals.contains(name) || e.vars.borrow().contains_key(name) {
                            return e.vars.borrow_mut().insert(name.clone(), v);
                        }
                        cur = e.parent.clone();
                    }
                    // A walrus in a comprehension at module level binds a global.
                    if !env.info.locals.contains(name) {
                        return fr.globals.dict.borrow_mut().insert(name.clone(), v);
                    }
                }
                env.vars.borrow_mut().insert(name.clone(), v)
            }
        }
    }

    /// `del name`.
    pub(crate) fn delete_name(&self, fr: &Frame, name: &Name) -> PyResult<Option<Value>> {
        let removed = match &fr.kind {
            FrameKind::Module => fr.globals.dict.borrow_mut().remove(name),
            FrameKind::Class(ns) => ns
                .borrow_mut()
                .remove_key(&HashKey::Str(name.clone()))
                .map(|(_, v)| v),
            FrameKind::Function => match &fr.env {
                Some(env) if !env.info.globals.contains(name) => env.vars.borrow_mut().remove(name),
                _ => fr.globals.dict.borrow_mut().remove(name),
            },
        };
        match removed {
            Some(v) => Ok(Some(v)),
            None => Err(self.err("NameError", format!("name '{name}' is not defined"))),
        }
    }

    /// Evaluates an expression; leaves (names, constants) and arithmetic or comparisons on
    /// plain numbers without allocating a boxed future.
    pub(crate) async fn ev(self: &Rc<Self>, fr: &Frame, e: &Expr) -> PyResult {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(fr, n).inspect_err(|x| self.mark(x, e, None)),
            ExprKind::Constant(c) => self.constant(c),
            // Its own small box instead of `eval_inner`'s large one: a task suspended at an
            // `await` keeps this future alive for as long as it waits.
            ExprKind::Await(inner) => self.eval_await(fr, e, inner).await,
            ExprKind::BinOp { .. }
            | ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not, ..
            } => match self.eval_pure(fr, e) {
                Some(r) => r,
                None => self.eval(fr, e).await,
            },
            _ => self.eval(fr, e).await,
        }
    }

    /// Evaluates `e` synchronously when it only reads names and constants and combines them with
    /// operators on builtin values that cannot run Python code (numbers, `is`, `not`, `and`).
    /// `None` means "take the general path": nothing observable has happened yet (reading a name
    /// has no side effect), so the general path may evaluate `e` again from the start.
    pub(super) fn eval_pure(&self, fr: &Frame, e: &Expr) -> Option<PyResult> {
        use crate::runtime::ops as vops;
        use crate::syntax::ast::CmpOp;
        match &e.kind {
            ExprKind::Name(n) => Some(self.load_name(fr, n).inspect_err(|x| self.mark(x, e, None))),
            ExprKind::Constant(c) => Some(self.constant(c)),
            ExprKind::BinOp { left, op, right } => {
                let a = match self.eval_pure(fr, left)? {
                    Ok(v) => v,
                    err => return Some(err),
                };
                let b = match self.eval_pure(fr, right)? {
                    Ok(v) => v,
                    err => return Some(err),
                };
                match vops::num_binop(*op, &a, &b) {
                    Ok(Some(v)) => Some(Ok(v)),
                    // Not numbers, or an error the general path reports with its carets.
                    _ => None,
                }
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let mut a = match self.eval_pure(fr, left)? {
                    Ok(v) => v,
                    err => return Some(err),
                };
                for (op, c) in ops.iter().zip(comparators) {
                    let b = match self.eval_pure(fr, c)? {
                        Ok(v) => v,
                        err => return Some(err),
                    };
                    let holds = match op {
                        CmpOp::Is => a.is_same(&b),
                        CmpOp::IsNot => !a.is_same(&b),
                        CmpOp::Eq => vops::eq_fast(&a, &b)?,
                        CmpOp::NotEq => !vops::eq_fast(&a, &b)?,
                        CmpOp::In | CmpOp::NotIn => return None,
                        _ => vops::ord_holds(*op, vops::cmp_fast(&a, &b)?),
                    };
                    if !holds {
                        return Some(Ok(Value::Bool(false)));
                    }
                    a = b;
                }
                Some(Ok(Value::Bool(true)))
            }
            ExprKind::BoolOp { op, values } => {
                let mut last = Value::None;
                for v in values {
                    last = match self.eval_pure(fr, v)? {
                        Ok(v) => v,
                        err => return Some(err),
                    };
                    match (op, last.truthy_fast()?) {
                        (BoolOp::And, false) | (BoolOp::Or, true) => return Some(Ok(last)),
                        _ => {}
                    }
                }
                Some(Ok(last))
            }
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => match self.eval_pure(fr, operand)? {
                Ok(v) => Some(Ok(Value::Bool(!v.truthy_fast()?))),
                err => Some(err),
            },
            _ => None,
        }
    }

    /// Evaluates an expression.
    pub(crate) fn eval<'a>(self: &'a Rc<Self>, fr: &'a Frame, e: &'a Expr) -> Lbf<'a, PyResult> {
        Box::pin(self.eval_inner(fr, e))
    }

    /// `await inner`.
    fn eval_await<'a>(
        self: &'a Rc<Self>,
        fr: &'a Frame,
        e: &'a Expr,
        inner: &'a Expr,
    ) -> Lbf<'a, PyResult> {
        Box::pin(async move {
            let v = self.ev(fr, inner).await?;
            self.await_value(v)
                .await
                .inspect_err(|x| self.mark(x, e, None))
        })
    }

    /// Records where in this frame an exception surfaced (for the traceback carets).
    pub(crate) fn mark(&self, e: &ExcRef, expr: &Expr, anchor: Option<AnchorHint>) {
        let d = e.exc();
        if d.pending_span.get().is_none() {
            d.pending_span.set(Some((expr.span, anchor)));
        }
    }

    async fn eval_inner(self: &Rc<Self>, fr: &Frame, e: &Expr) -> PyResult {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(fr, n).inspect_err(|x| self.mark(x, e, None)),
            ExprKind::Constant(c) => self.constant(c),
            // A field's conversion or format spec failing points at the whole f-string.
            ExprKind::FString(parts) => Ok(Value::str(
                self.fstring(fr, parts)
                    .await
                    .inspect_err(|x| self.mark(x, e, None))?,
            )),
            ExprKind::Attribute { value, attr } => {
                let obj = self.ev(fr, value).await?;
                self.get_attr(&obj, attr)
                    .await
                    .inspect_err(|x| self.mark(x, e, None))
            }
            ExprKind::Subscript { value, index } => {
                let obj = self.ev(fr, value).await?;
                let idx = self.ev(fr, index).await?;
                self.getitem(&obj, &idx).await.inspect_err(|x| {
                    self.mark(
                        x,
                        e,
                        Some(AnchorHint::Subscript {
                            value_end: value.span.end_col as usize,
                            slice_end: index.span.end_col as usize,
                        }),
                    )
                })
            }
            ExprKind::Slice { lower, upper, step } => {
                let mut parts = [Value::None, Value::None, Value::None];
                for (i, p) in [lower, upper, step].into_iter().enumerate() {
                    if let Some(p) = p {
                        parts[i] = self.ev(fr, p).await?;
                    }
                }
                Ok(Value::Slice(Rc::new(parts)))
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                let r = self.eval_call(fr, func, args, keywords).await;
                r.inspect_err(|x| self.mark(x, e, None))
            }
            ExprKind::BinOp { left, op, right } => {
                let a = self.ev(fr, left).await?;
                let b = self.ev(fr, right).await?;
                if let Ok(Some(v)) = crate::runtime::ops::num_binop(*op, &a, &b) {
                    return Ok(v);
                }
                Box::pin(self.binop(*op, &a, &b)).await.inspect_err(|x| {
                    self.mark(
                        x,
                        e,
                        Some(AnchorHint::BinOp {
                            left_end: left.span.end_col as usize,
                            right_start: right.span.col as usize,
                        }),
                    )
                })
            }
            ExprKind::UnaryOp { op, operand } => {
                let v = self.ev(fr, operand).await?;
                self.unary(*op, v)
                    .await
                    .inspect_err(|x| self.mark(x, e, None))
            }
            ExprKind::BoolOp { op, values } => {
                let mut last = Value::None;
                for v in values {
                    last = self.ev(fr, v).await?;
                    let t = self.truthy(&last).await?;
                    match op {
                        BoolOp::And if !t => return Ok(last),
                        BoolOp::Or if t => return Ok(last),
                        _ => {}
                    }
                }
                Ok(last)
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let mut a = self.ev(fr, left).await?;
                for (op, c) in ops.iter().zip(comparators) {
                    let b = self.ev(fr, c).await?;
                    let fast = match op {
                        crate::syntax::ast::CmpOp::Is => Some(a.is_same(&b)),
                        crate::syntax::ast::CmpOp::IsNot => Some(!a.is_same(&b)),
                        crate::syntax::ast::CmpOp::Eq => crate::runtime::ops::eq_fast(&a, &b),
                        crate::syntax::ast::CmpOp::NotEq => {
                            crate::runtime::ops::eq_fast(&a, &b).map(|x| !x)
                        }
                        crate::syntax::ast::CmpOp::In | crate::syntax::ast::CmpOp::NotIn => None,
                        _ => crate::runtime::ops::cmp_fast(&a, &b)
                            .map(|o| crate::runtime::ops::ord_holds(*op, o)),
                    };
                    let ok = match fast {
                        Some(x) => Ok(x),
                        None => Box::pin(self.compare(*op, &a, &b)).await,
                    }
                    .inspect_err(|x| self.mark(x, e, None))?;
                    if !ok {
                        return Ok(Value::Bool(false));
                    }
                    a = b;
                }
                Ok(Value::Bool(true))
            }
            ExprKind::IfExp { test, body, orelse } => {
                let t = self.ev(fr, test).await?;
                if self.truthy(&t).await? {
                    self.ev(fr, body).await
                } else {
                    self.ev(fr, orelse).await
                }
            }
            ExprKind::Lambda(l) => {
                let info = self.scope_for_lambda(l);
                Box::pin(self.make_function(
                    fr,
                    Rc::from("<lambda>"),
                    FuncCode::Lambda(l.clone()),
                    &l.params,
                    info,
                    e.span.line,
                ))
                .await
            }
            ExprKind::Await(inner) => self.eval_await(fr, e, inner).await,
            ExprKind::Yield(v) => {
                let val = match v {
                    Some(x) => self.ev(fr, x).await?,
                    None => Value::None,
                };
                match self.suspend_with(Suspend::Yield(val)).await {
                    Resume::Send(x) => Ok(x),
                    Resume::Throw(exc) => Err(exc),
                }
            }
            ExprKind::YieldFrom(inner) => {
                let v = self.ev(fr, inner).await?;
                Box::pin(self.yield_from(v)).await
            }
            ExprKind::NamedExpr { target, value } => {
                let v = self.ev(fr, value).await?;
                self.assign(fr, target, v.clone()).await?;
                Ok(v)
            }
            ExprKind::Tuple(items) => Ok(Value::tuple(self.eval_seq(fr, items).await?)),
            ExprKind::List(items) => {
                let v = self.eval_seq(fr, items).await?;
                self.alloc(v.len() + 1)?;
                Ok(Value::list(v))
            }
            ExprKind::Set(items) => {
                let v = self.eval_seq(fr, items).await?;
                let mut d = Dict::new();
                for x in v {
                    let h = self.hash_key(&x).await?;
                    d.insert_key(h, x, Value::None);
                }
                Ok(Value::Set(Rc::new(RefCell::new(d))))
            }
            // Boxed: a display with `**mapping` needs a large future.
            ExprKind::Dict { keys, values } => Box::pin(self.eval_dict(fr, keys, values)).await,
            ExprKind::Starred(_) => {
                Err(self.err("SyntaxError", "can't use starred expression here"))
            }
            ExprKind::ListComp { elt, generators } => {
                let mut out = Vec::new();
                let body = CompBody::One(elt);
                Box::pin(self.comprehension(fr, e, generators, body, &mut out)).await?;
                Ok(Value::list(out))
            }
            ExprKind::GeneratorExp { generators, .. } => {
                Box::pin(self.make_genexp(fr, e, generators)).await
            }
            ExprKind::SetComp { elt, generators } => {
                let mut out = Vec::new();
                let body = CompBody::One(elt);
                Box::pin(self.comprehension(fr, e, generators, body, &mut out)).await?;
                let mut d = Dict::new();
                for x in out {
                    let h = self.hash_key(&x).await?;
                    d.insert_key(h, x, Value::None);
                }
                Ok(Value::Set(Rc::new(RefCell::new(d))))
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                let mut out = Vec::new();
                let body = CompBody::Pair(key, value);
                Box::pin(self.comprehension(fr, e, generators, body, &mut out)).await?;
                let mut d = Dict::new();
                let mut iter = out.into_iter();
                while let (Some(k), Some(v)) = (iter.next(), iter.next()) {
                    let h = self.hash_key(&k).await?;
                    d.insert_key(h, k, v);
                }
                Ok(Value::dict(d))
            }
        }
    }

    /// A dict display: `{k: v, **m}`.
    async fn eval_dict(
        self: &Rc<Self>,
        fr: &Frame,
        keys: &[Option<Expr>],
        values: &[Expr],
    ) -> PyResult {
        let mut d = Dict::new();
        for (k, v) in keys.iter().zip(values) {
            match k {
                Some(k) => {
                    let kv = self.ev(fr, k).await?;
                    let vv = self.ev(fr, v).await?;
                    let h = self.hash_key(&kv).await?;
                    d.insert_key(h, kv, vv);
                }
                None => {
                    let m = self.ev(fr, v).await?;
                    match self.inherited(&m, &["keys", "__getitem__"]) {
                        Value::Dict(src) => {
                            for (k2, v2) in src.borrow().iter() {
                                if let Some(h) = HashKey::of(k2) {
                                    d.insert_key(h, k2.clone(), v2.clone());
                                }
                            }
                        }
                        // A mapping of the program's own: `keys()` and `m[key]`.
                        Value::Instance(_) if self.get_attr_opt(&m, "keys").await?.is_some() => {
                            crate::builtins::methods::dict_update_from(self, &mut d, &m).await?;
                        }
                        _ => {
                            return Err(self.type_error(format!(
                                "'{}' object is not a mapping",
                                self.type_name(&m)
                            )));
                        }
                    }
                }
            }
        }
        self.alloc(d.len() + 1)?;
        Ok(Value::dict(d))
    }

    fn constant(&self, c: &Constant) -> PyResult {
        Ok(match c {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Ellipsis => Value::Ellipsis,
            Constant::Int(i) => Value::Int(*i),
            Constant::BigInt(b) => {
                bigint::checked((**b).clone()).map_err(|(cls, msg)| self.err(cls, msg))?
            }
            Constant::Float(f) => Value::Float(*f),
            Constant::Str(s) => Value::Str(s.clone()),
            Constant::Bytes(b) => Value::Bytes(b.clone()),
        })
    }

    async fn eval_seq(self: &Rc<Self>, fr: &Frame, items: &[Expr]) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if let ExprKind::Starred(inner) = &item.kind {
                let v = self.ev(fr, inner).await?;
                // Boxed: unpacking is rare and its future large (this one is in every call).
                out.extend(Box::pin(self.collect(&v)).await?);
            } else {
                out.push(self.ev(fr, item).await?);
            }
        }
        Ok(out)
    }

    async fn eval_call(
        self: &Rc<Self>,
        fr: &Frame,
        func: &Expr,
        args: &[Expr],
        keywords: &[crate::syntax::ast::Keyword],
    ) -> PyResult {
        // Method call fast path: no bound-method allocation.
        if let ExprKind::Attribute { value, attr } = &func.kind
            && !matches!(value.kind, ExprKind::Name(ref n) if &**n == "super")
        {
            let obj = self.ev(fr, value).await?;
            // CPython looks the method up before it evaluates the arguments: a missing one
            // raises first, with the carets under `obj.attr` alone.
            let missing = match &obj {
                Value::Module(m) => m.get(attr).is_none(),
                Value::Instance(inst) => {
                    &**attr != "__class__"
                        && inst.dict.borrow().get_str(attr).is_none()
                        && inst.class.lookup(attr).is_none()
                        && inst.class.lookup("__getattr__").is_none()
                        && inst.class.lookup("__getattribute__").is_none()
                        && !inst.items.as_ref().is_some_and(|items| {
                            crate::builtins::methods::has_native_method(self, items, attr)
                        })
                        // An exception's own methods (`add_note`, a group's `split`…).
                        && !crate::builtins::methods::has_native_method(self, &obj, attr)
                }
                _ => false,
            };
            if missing {
                let e = self.attr_error(&obj, attr);
                self.mark(&e, func, None);
                return Err(e);
            }
            let a = self.eval_args(fr, args, keywords).await?;
            let receiver = obj.clone();
            return match self.call_method(obj, attr, a).await {
                // A builtin value without the method: the carets go under `obj.attr` alone.
                Err(e)
                    if self.exc_is(&e, "AttributeError")
                        && e.exc().pending_span.get().is_none()
                        && e.exc().traceback.borrow().is_empty()
                        && Box::pin(self.get_attr_opt(&receiver, attr))
                            .await?
                            .is_none() =>
                {
                    self.mark(&e, func, None);
                    Err(e)
                }
                r => r,
            };
        }
        if let ExprKind::Name(n) = &func.kind
            && &**n == "super"
            && args.is_empty()
        {
            return self.zero_arg_super(fr);
        }
        let f = self.ev(fr, func).await?;
        let a = self.eval_args(fr, args, keywords).await?;
        self.call(f, a).await
    }

    async fn eval_args(
        self: &Rc<Self>,
        fr: &Frame,
        args: &[Expr],
        keywords: &[crate::syntax::ast::Keyword],
    ) -> PyResult<Args> {
        let pos = self.eval_seq(fr, args).await?;
        let mut kw = Vec::with_capacity(keywords.len());
        for k in keywords {
            let v = self.ev(fr, &k.value).await?;
            match &k.arg {
                Some(name) => kw.push((name.clone(), v)),
                None => match self.inherited(&v, &["keys", "__getitem__"]) {
                    Value::Dict(d) => {
                        for (key, val) in d.borrow().iter() {
                            match key {
                                Value::Str(s) => kw.push((s.clone(), val.clone())),
                                _ => return Err(self.type_error("keywords must be strings")),
                            }
                        }
                    }
                    Value::Instance(_)
                        if Box::pin(self.get_attr_opt(&v, "keys")).await?.is_some() =>
                    {
                        let mut d = crate::runtime::dict::Dict::new();
                        Box::pin(crate::builtins::methods::dict_update_from(self, &mut d, &v))
                            .await?;
                        for (key, val) in d.iter() {
                            match key {
                                Value::Str(s) => kw.push((s.clone(), val.clone())),
                                _ => return Err(self.type_error("keywords must be strings")),
                            }
                        }
                    }
                    _ => {
                        return Err(self.type_error(format!(
                            "argument after ** must be a mapping, not {}",
                            self.type_name(&v)
                        )));
                    }
                },
            }
        }
        Ok(Args { pos, kw })
    }

    /// `super()` inside a method: a proxy bound to the first argument.
    fn zero_arg_super(self: &Rc<Self>, fr: &Frame) -> PyResult {
        let Some(func) = &fr.func else {
            return Err(self.runtime_error("super(): no arguments"));
        };
        let owner = func.owner_class.borrow().as_ref().and_then(|w| w.upgrade());
        let Some(owner) = owner else {
            return Err(self.runtime_error("super(): __class__ cell not found"));
        };
        let params = func.code.params();
        let first = params.posonly.iter().chain(params.args.iter()).next();
        let receiver = match (first, &fr.env) {
            (Some(p), Some(env)) => env.vars.borrow().get(&p.name).cloned(),
            _ => None,
        };
        let Some(receiver) = receiver else {
            return Err(self.runtime_error("super(): no arguments"));
        };
        Ok(crate::builtins::make_super(self, owner, receiver))
    }

    async fn unary(self: &Rc<Self>, op: UnaryOp, v: Value) -> PyResult {
        Ok(match (op, &v) {
            (UnaryOp::Not, _) => Value::Bool(!self.truthy(&v).await?),
            (UnaryOp::USub, Value::Int(i)) => match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => bigint::int_value(-num_bigint::BigInt::from(*i)),
            },
            (UnaryOp::USub, Value::BigInt(b)) => bigint::int_value(-(**b).clone()),
            (UnaryOp::UAdd, Value::BigInt(_)) => v.clone(),
            (UnaryOp::Invert, Value::BigInt(b)) => bigint::int_value(!(**b).clone()),
            (UnaryOp::USub, Value::Bool(b)) => Value::Int(-(*b as i64)),
            (UnaryOp::USub, Value::Float(f)) => Value::Float(-f),
            (UnaryOp::UAdd, Value::Int(_) | Value::Float(_)) => v.clone(),
            (UnaryOp::UAdd, Value::Bool(b)) => Value::Int(*b as i64),
            (UnaryOp::Invert, Value::Int(i)) => Value::Int(!i),
            (UnaryOp::Invert, Value::Bool(b)) => Value::Int(!(*b as i64)),
            (_, Value::Instance(inst)) => {
                let name = match op {
                    UnaryOp::USub => "__neg__",
                    UnaryOp::UAdd => "__pos__",
                    _ => "__invert__",
                };
                match (inst.class.lookup(name), &inst.items) {
                    (Some(f), _) => self.call(f, Args::new(vec![v.clone()])).await?,
                    // A subclass of int negates as its value.
                    (None, Some(value @ (Value::Int(_) | Value::BigInt(_)))) => {
                        return Box::pin(self.unary(op, value.clone())).await;
                    }
                    (None, _) => return Err(self.bad_unary(op, &v)),
                }
            }
            _ => return Err(self.bad_unary(op, &v)),
        })
    }

    fn bad_unary(&self, op: UnaryOp, v: &Value) -> ExcRef {
        let sym = match op {
            UnaryOp::USub => "-",
            UnaryOp::UAdd => "+",
            UnaryOp::Invert => "~",
            UnaryOp::Not => "not",
        };
        self.type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            self.type_name(v)
        ))
    }

    /// Evaluates f-string parts to text.
    pub(crate) fn fstring<'a>(
        self: &'a Rc<Self>,
        fr: &'a Frame,
        parts: &'a [FStringPart],
    ) -> Lbf<'a, PyResult<String>> {
        Box::pin(async move {
            let mut out = String::new();
            for p in parts {
                match p {
                    FStringPart::Literal(s) => out.push_str(s),
                    FStringPart::Field {
                        value,
                        conversion,
                        format_spec,
                    } => {
                        let v = self.ev(fr, value).await?;
                        let v = match conversion {
                            Some('r') => Value::str(self.repr_of(&v).await?),
                            Some('a') => {
                                Value::str(crate::format::ascii_escape(&self.repr_of(&v).await?))
                            }
                            Some('s') => Value::str(self.str_of(&v).await?),
                            _ => v,
                        };
                        let spec = match format_spec {
                            Some(sp) => self.fstring(fr, sp).await?,
                            None => String::new(),
                        };
                        out.push_str(&self.format_value(&v, &spec).await?);
                    }
                }
            }
            Ok(out)
        })
    }

    /// `format(value, spec)`.
    pub(crate) async fn format_value(self: &Rc<Self>, v: &Value, spec: &str) -> PyResult<String> {
        // A subclass of str or int formats as its value, unless it says otherwise; an empty
        // spec is its str().
        let mut v = v;
        if let Value::Instance(inst) = v
            && let Some(text @ (Value::Str(_) | Value::Int(_) | Value::BigInt(_))) = &inst.items
            && inst.class.lookup_own("__format__").is_none()
        {
            if spec.is_empty() {
                return self.str_of(v).await;
            }
            v = text;
        }
        let r = match v {
            Value::Float(f) => fmt::format_float(*f, spec),
            Value::Int(i) => fmt::format_int(*i, spec),
            Value::BigInt(b) => {
                // Decimal presentations keep CPython's limit on long conversions.
                let kind = spec
                    .chars()
                    .last()
                    .filter(|c| c.is_ascii_alphabetic() || *c == '%');
                if matches!(kind, None | Some('d' | 'n')) {
                    bigint::to_decimal(b).map_err(|(cls, msg)| self.err(cls, msg))?;
                }
                fmt::format_big_int(b, spec)
            }
            Value::Bool(b) => {
                if spec.is_empty() {
                    return Ok(if *b { "True" } else { "False" }.into());
                }
                fmt::format_int(*b as i64, spec)
            }
            Value::Str(s) => {
                if spec.is_empty() {
                    return Ok(s.to_string());
                }
                fmt::format_str(s, spec)
            }
            Value::Instance(inst) if inst.class.lookup("__format__").is_some() => {
                let f = inst.class.lookup("__format__").unwrap_or_default();
                let r = self
                    .call(f, Args::new(vec![v.clone(), Value::str(spec)]))
                    .await?;
                return self.str_of(&r).await;
            }
            // Every other type formats with `object.__format__`: its str(), and no spec.
            _ => {
                if spec.is_empty() {
                    return self.str_of(v).await;
                }
                return Err(self.type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    self.type_name(v)
                )));
            }
        };
        r.map_err(|m| self.value_error(m))
    }

    /// Runs the loops of the comprehension `e`, calling `body` for each innermost iteration, in
    /// a frame of its own (`<listcomp>` in a traceback, as CPython 3.11's).
    async fn comprehension<'a>(
        self: &'a Rc<Self>,
        fr: &'a Frame,
        e: &'a Expr,
        generators: &'a [Comprehension],
        body: CompBody<'a>,
        out: &mut Vec<Value>,
    ) -> PyResult<()> {
        let elts = match body {
            CompBody::One(e) | CompBody::Yield(e) => vec![e],
            CompBody::Pair(k, v) => vec![k, v],
        };
        let info = self.scope_for_comp(generators, &elts);
        let env = Rc::new(Env {
            vars: RefCell::new(FxHashMap::default()),
            parent: match &fr.kind {
                FrameKind::Module => None,
                _ => fr.env.clone(),
            },
            info,
        });
        // The first iterable is evaluated in the enclosing scope, like CPython.
        let first = self.ev(fr, &generators[0].iter).await?;
        let name = match &e.kind {
            ExprKind::SetComp { .. } => "<setcomp>",
            ExprKind::DictComp { .. } => "<dictcomp>",
            _ => "<listcomp>",
        };
        let line = e.span.line;
        let info = Rc::new(crate::runtime::object::FrameInfo {
            name: Rc::from(name),
            filename: fr.info.filename.clone(),
            line: std::cell::Cell::new(line),
            hidden: fr.info.hidden,
            generated_line: std::cell::Cell::new(0),
        });
        self.frames.borrow_mut().push(info.clone());
        let cfr = Frame {
            env: Some(env),
            globals: fr.globals.clone(),
            kind: FrameKind::Function,
            func: fr.func.clone(),
            info: info.clone(),
        };
        let r = self
            .comp_level(&cfr, generators, 0, Some(first), body, out)
            .await;
        if let Err(x) = &r {
            self.add_tb(x, &cfr, line);
            // The enclosing frame shows the comprehension, as a call.
            self.mark(x, e, None);
        }
        self.pop_frame(&info);
        r
    }

    fn comp_level<'a>(
        self: &'a Rc<Self>,
        cfr: &'a Frame,
        generators: &'a [Comprehension],
        level: usize,
        iterable: Option<Value>,
        body: CompBody<'a>,
        out: &'a mut Vec<Value>,
    ) -> Lbf<'a, PyResult<()>> {
        Box::pin(async move {
            let g = &generators[level];
            let iterable = match iterable {
                Some(v) => v,
                None => self.ev(cfr, &g.iter).await?,
            };
            let iter = if g.is_async {
                iterable.clone()
            } else {
                self.iter_of(&iterable).await?
            };
            loop {
                self.step().await?;
                let item = if g.is_async {
                    match self.async_next(&iter).await? {
                        Some(v) => v,
                        None => break,
                    }
                } else {
                    match self.next_of(&iter).await? {
                        Some(v) => v,
                        None => break,
                    }
                };
                self.assign(cfr, &g.target, item).await?;
                let mut ok = true;
                for cond in &g.ifs {
                    let c = self.ev(cfr, cond).await?;
                    if !self.truthy(&c).await? {
                        ok = false;
                        break;
                    }
                }
                if !ok {
                    continue;
                }
                if level + 1 < generators.len() {
                    self.comp_level(cfr, generators, level + 1, None, body, out)
                        .await?;
                } else {
                    match body {
                        CompBody::Yield(e) => {
                            let v = self.ev(cfr, e).await?;
                            if let Resume::Throw(x) = self.suspend_with(Suspend::Yield(v)).await {
                                return Err(x);
                            }
                        }
                        CompBody::One(e) => out.push(self.ev(cfr, e).await?),
                        CompBody::Pair(k, v) => {
                            out.push(self.ev(cfr, k).await?);
                            out.push(self.ev(cfr, v).await?);
                        }
                    }
                    self.alloc(1)?;
                }
            }
            Ok(())
        })
    }

    /// A lazy generator for `(elt for ... in ...)`. The first iterable is evaluated now, in
    /// the enclosing scope, like CPython; the rest runs as the generator is consumed.
    async fn make_genexp(
        self: &Rc<Self>,
        fr: &Frame,
        e: &Expr,
        generators: &[Comprehension],
    ) -> PyResult {
        let key = e as *const Expr as usize;
        let cached = self.genexp_cache.borrow().get(&key).cloned();
        let node = match cached {
            Some(n) => n,
            None => {
                let n = Rc::new(e.clone());
                self.genexp_cache.borrow_mut().insert(key, n.clone());
                n
            }
        };
        let is_async = generators.iter().any(|g| g.is_async);
        let first = self.ev(fr, &generators[0].iter).await?;
        let first = if is_async {
            first
        } else {
            self.iter_of(&first).await?
        };
        let parent = match &fr.kind {
            FrameKind::Module => None,
            _ => fr.env.clone(),
        };
        let globals = fr.globals.clone();
        let func = fr.func.clone();
        let filename = fr.info.filename.clone();
        let hidden = fr.info.hidden;
        let line = e.span.line;
        let it = self.clone();
        let body: Lbf<'static, PyResult> = Box::pin(async move {
            let ExprKind::GeneratorExp { elt, generators } = &node.kind else {
                return Ok(Value::None);
            };
            let info = Rc::new(crate::runtime::object::FrameInfo {
                name: Rc::from("<genexpr>"),
                filename,
                line: std::cell::Cell::new(line),
                hidden,
                generated_line: std::cell::Cell::new(0),
            });
            it.frames.borrow_mut().push(info.clone());
            let cfr = Frame {
                env: Some(Rc::new(Env {
                    vars: RefCell::new(FxHashMap::default()),
                    parent,
                    info: it.scope_for_comp(generators, &[&**elt]),
                })),
                globals,
                kind: FrameKind::Function,
                func,
                info: info.clone(),
            };
            let mut unused = Vec::new();
            let r = it
                .comp_level(
                    &cfr,
                    generators,
                    0,
                    Some(first),
                    CompBody::Yield(elt),
                    &mut unused,
                )
                .await;
            if let Err(x) = &r {
                it.add_tb(x, &cfr, line);
            }
            it.pop_frame(&info);
            r.map(|_| Value::None)
        });
        let kind = if is_async {
            CoroKind::AsyncGenerator
        } else {
            CoroKind::Generator
        };
        let g = self.native_coro("<genexpr>", kind, body);
        if let Value::Coro(c) = &g {
            c.helper.set(true);
        }
        Ok(g)
    }

    /// Creates a function object for a `def` or `lambda` in frame `fr`.
    pub(crate) async fn make_function(
        self: &Rc<Self>,
        fr: &Frame,
        name: Name,
        code: FuncCode,
        params: &Parameters,
        info: Rc<super::scope::ScopeInfo>,
        def_line: u32,
    ) -> PyResult {
        let mut defaults = Vec::new();
        for p in params.posonly.iter().chain(params.args.iter()) {
            if let Some(d) = &p.default {
                defaults.push(self.ev(fr, d).await?);
            }
        }
        let mut kw_defaults = Vec::new();
        for p in &params.kwonly {
            kw_defaults.push(match &p.default {
                Some(d) => Some(self.ev(fr, d).await?),
                None => None,
            });
        }
        let qualname: Name = match (&fr.kind, &fr.func) {
            (FrameKind::Class(_), _) => {
                let cls = fr.info.name.clone();
                Rc::from(format!("{cls}.{name}"))
            }
            (FrameKind::Function, Some(f)) => Rc::from(format!("{}.<locals>.{name}", f.qualname())),
            _ => name.clone(),
        };
        let env = match &fr.kind {
            FrameKind::Module => None,
            _ => fr.env.clone(),
        };
        Ok(Value::Func(Rc::new(Function {
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            code,
            defaults,
            kw_defaults,
            env,
            globals: fr.globals.clone(),
            info,
            owner_class: RefCell::new(None),
            filename: fr.globals.filename.clone(),
            dict: Rc::new(RefCell::new(Dict::new())),
            def_line,
        })))
    }

    /// `await v`.
    pub(crate) async fn await_value(self: &Rc<Self>, v: Value) -> PyResult {
        match &v {
            Value::Coro(c) if c.kind == CoroKind::Coroutine => {
                if c.started.get() {
                    return Err(self.runtime_error("cannot reuse already awaited coroutine"));
                }
                c.started.set(true);
                self.drive_coro(c.clone()).await
            }
            Value::Future(f) => self.await_future(f.clone()).await,
            Value::Instance(inst) if inst.class.lookup("__await__").is_some() => {
                let m = inst.class.lookup("__await__").unwrap_or_default();
                let it = self.call(m, Args::new(vec![v.clone()])).await?;
                // Boxed: rare, and this future lives as long as every `await` waits.
                Box::pin(self.yield_from_await(it)).await
            }
            _ => Err(self.type_error(format!(
                "object {} can't be used in 'await' expression",
                self.type_name(&v)
            ))),
        }
    }

    /// Delegation for `__await__` iterators: each yielded value is an awaited future.
    async fn yield_from_await(self: &Rc<Self>, it: Value) -> PyResult {
        match &it {
            Value::Coro(c) if c.kind == CoroKind::Coroutine => {
                c.started.set(true);
                self.drive_coro(c.clone()).await
            }
            Value::Future(f) => self.await_future(f.clone()).await,
            Value::Coro(_) | Value::Iter(_) => self.delegate(it, true).await,
            Value::Instance(inst) if inst.class.lookup("__next__").is_some() => {
                self.delegate(it, true).await
            }
            _ => Err(self.type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                self.type_name(&it)
            ))),
        }
    }

    /// `yield from iterable` inside a generator.
    async fn yield_from(self: &Rc<Self>, v: Value) -> PyResult {
        self.delegate(v, false).await
    }

    /// Runs a sub-iterator to its end: each value it yields goes up (as this generator's
    /// yield, or when `awaiting` as a future the task awaits), what comes back goes down to it,
    /// and its return value (a generator's, or its own `StopIteration`'s) is the result.
    async fn delegate(self: &Rc<Self>, v: Value, awaiting: bool) -> PyResult {
        let up = |y| {
            if awaiting {
                Suspend::Await(y)
            } else {
                Suspend::Yield(y)
            }
        };
        let driven = match &v {
            Value::Coro(c) if c.kind == CoroKind::Generator => Some(c.clone()),
            Value::Iter(st) => st.borrow().wrapped_coro(),
            _ => None,
        };
        if let Value::Future(f) = &v {
            return self.wait_for_future(f.clone(), !awaiting).await;
        }
        if let Some(c) = &driven {
            let mut resume = None;
            loop {
                match self.gen_resume(c, resume.take()).await? {
                    super::drive::GenStep::Yielded(y) => {
                        resume = Some(self.suspend_with(up(y)).await);
                    }
                    super::drive::GenStep::Returned(r) => return Ok(r),
                }
            }
        }
        let it = if awaiting { v } else { self.iter_of(&v).await? };
        // An iterator of the program's ends with its own StopIteration: its value is the result.
        let own_next = match &it {
            Value::Instance(inst) => inst.class.lookup("__next__"),
            _ => None,
        };
        loop {
            let x = match &own_next {
                Some(f) => match self.call(f.clone(), Args::new(vec![it.clone()])).await {
                    Ok(x) => x,
                    Err(e) if self.exc_is(&e, "StopIteration") => {
                        return Ok(e.args().first().cloned().unwrap_or_default());
                    }
                    Err(e) => return Err(e),
                },
                None => match self.next_of(&it).await? {
                    Some(x) => x,
                    None => return Ok(Value::None),
                },
            };
            if let Resume::Throw(e) = self.suspend_with(up(x)).await {
                return Err(e);
            }
        }
    }

    /// The cached scope analysis of a lambda.
    fn scope_for_lambda(&self, l: &Rc<crate::syntax::ast::Lambda>) -> Rc<super::scope::ScopeInfo> {
        let key = Rc::as_ptr(l) as usize;
        if let Some(i) = self.scope_cache.borrow().get(&key) {
            return i.clone();
        }
        let info = Rc::new(super::scope::ScopeInfo::for_lambda(&l.params, &l.body));
        self.scope_cache.borrow_mut().insert(key, info.clone());
        info
    }

    /// The cached scope analysis of a comprehension.
    fn scope_for_comp(
        &self,
        generators: &[Comprehension],
        elts: &[&Expr],
    ) -> Rc<super::scope::ScopeInfo> {
        let key = generators.as_ptr() as usize;
        if let Some(i) = self.scope_cache.borrow().get(&key) {
            return i.clone();
        }
        let info = Rc::new(super::scope::ScopeInfo::for_comprehension(generators, elts));
        self.scope_cache.borrow_mut().insert(key, info.clone());
        info
    }
}

/// What a comprehension produces per innermost iteration.
#[derive(Clone, Copy)]
enum CompBody<'a> {
    One(&'a Expr),
    Pair(&'a Expr, &'a Expr),
    /// A generator expression: yield each value.
    Yield(&'a Expr),
}
