//! The `match` statement: a subject tried against each `case` pattern in order, as CPython's
//! compiled patterns do. A pattern's names are bound only once the whole pattern has matched
//! (then the guard runs, and a failed guard leaves them bound, as in CPython).

use std::rc::Rc;

use super::exec::Flow;
use super::{Frame, Interp};
use crate::runtime::dict::Dict;
use crate::runtime::object::{Args, Class, Instance, Ty};
use crate::runtime::value::{ExcRef, Lbf, Name, PyResult, Value};
use crate::syntax::ast::{MatchCase, Pattern, PatternKind, Span};

/// The builtin types whose one positional sub-pattern matches the subject itself
/// (`case int(n):`).
const SELF_MATCHING: [Ty; 8] = [
    Ty::Bool,
    Ty::Int,
    Ty::Float,
    Ty::Str,
    Ty::List,
    Ty::Tuple,
    Ty::Dict,
    Ty::Set,
];

impl Interp {
    /// Runs the first case whose pattern matches `subject` and whose guard is true.
    pub(crate) async fn exec_match(
        self: &Rc<Self>,
        fr: &Frame,
        subject: Value,
        cases: &[MatchCase],
    ) -> PyResult<Flow> {
        for case in cases {
            fr.info.line.set(case.pattern.span.line);
            let mut bound = Vec::new();
            if !self
                .match_pattern(fr, &case.pattern, &subject, &mut bound)
                .await?
            {
                continue;
            }
            for (name, value) in bound {
                drop(self.store_name(fr, &name, value));
            }
            if let Some(guard) = &case.guard {
                fr.info.line.set(guard.span.line);
                let verdict = self.ev(fr, guard).await?;
                if !self.truthy(&verdict).await? {
                    continue;
                }
            }
            return self.exec_block(fr, &case.body).await;
        }
        Ok(Flow::Normal)
    }

    /// Whether `subject` matches `pattern`; the names it binds are added to `bound`.
    fn match_pattern<'a>(
        self: &'a Rc<Self>,
        fr: &'a Frame,
        pattern: &'a Pattern,
        subject: &'a Value,
        bound: &'a mut Vec<(Name, Value)>,
    ) -> Lbf<'a, PyResult<bool>> {
        Box::pin(async move {
            match &pattern.kind {
                PatternKind::Capture(name) => {
                    if let Some(name) = name {
                        bound.push((name.clone(), subject.clone()));
                    }
                    Ok(true)
                }
                PatternKind::Value(expr) => {
                    let value = self.ev(fr, expr).await?;
                    self.eq(subject, &value).await
                }
                PatternKind::Singleton(expr) => {
                    let value = self.ev(fr, expr).await?;
                    Ok(match (subject, &value) {
                        (Value::None, Value::None) => true,
                        (Value::Bool(a), Value::Bool(b)) => a == b,
                        _ => false,
                    })
                }
                PatternKind::Sequence(items) => {
                    self.match_sequence(fr, items, subject, bound).await
                }
                // Only inside a sequence, which handles it.
                PatternKind::Star(_) => Ok(false),
                PatternKind::Mapping {
                    keys,
                    patterns,
                    rest,
                } => {
                    self.match_mapping(fr, pattern.span, keys, patterns, rest, subject, bound)
                        .await
                }
                PatternKind::Class {
                    cls,
                    patterns,
                    kwd_names,
                    kwd_patterns,
                } => {
                    let cls_value = self.ev(fr, cls).await?;
                    let Value::Class(cls) = cls_value else {
                        let e = self.type_error("called match pattern must be a type");
                        return Err(self.mark_pattern(e, pattern.span));
                    };
                    if !crate::builtins::instance_check(self, subject, &cls).await? {
                        return Ok(false);
                    }
                    let mut attrs = self
                        .positional_attributes(&cls, patterns.len())
                        .await
                        .map_err(|e| self.mark_pattern(e, pattern.span))?;
                    for name in kwd_names {
                        if attrs.iter().flatten().any(|a| a == name) {
                            let e = self.type_error(format!(
                                "{}() got multiple sub-patterns for attribute '{name}'",
                                cls.name
                            ));
                            return Err(self.mark_pattern(e, pattern.span));
                        }
                        attrs.push(Some(name.clone()));
                    }
                    for (attr, sub) in attrs.iter().zip(patterns.iter().chain(kwd_patterns)) {
                        let value = match attr {
                            None => subject.clone(),
                            Some(attr) => match self.get_attr_opt(subject, attr).await? {
                                Some(v) => v,
                                None => return Ok(false),
                            },
                        };
                        if !self.match_pattern(fr, sub, &value, bound).await? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                }
                PatternKind::As(inner, name) => {
                    if !self.match_pattern(fr, inner, subject, bound).await? {
                        return Ok(false);
                    }
                    bound.push((name.clone(), subject.clone()));
                    Ok(true)
                }
                PatternKind::Or(alternatives) => {
                    for alt in alternatives {
                        let mut own = Vec::new();
                        if self.match_pattern(fr, alt, subject, &mut own).await? {
                            bound.extend(own);
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
            }
        })
    }

    /// The attributes the positional sub-patterns of `cls(...)` read: its `__match_args__`,
    /// or `None` (the subject itself) for the one sub-pattern of a builtin type.
    async fn positional_attributes(
        self: &Rc<Self>,
        cls: &Rc<Class>,
        given: usize,
    ) -> PyResult<Vec<Option<Name>>> {
        if given == 0 {
            return Ok(Vec::new());
        }
        let builtin = std::iter::once(cls)
            .chain(&cls.mro)
            .find(|c| c.ty != Ty::User)
            .is_some_and(|c| SELF_MATCHING.contains(&c.ty));
        let own = std::iter::once(cls)
            .chain(&cls.mro)
            .any(|c| c.lookup_own("__match_args__").is_some());
        let match_args = if builtin && !own {
            None
        } else {
            self.get_attr_opt(&Value::Class(cls.clone()), "__match_args__")
                .await?
        };
        let names: Vec<Option<Name>> = match match_args {
            None if builtin => vec![None],
            None => Vec::new(),
            Some(Value::Tuple(items)) => {
                let mut names = Vec::with_capacity(items.len());
                for item in items.iter() {
                    let Value::Str(s) = item else {
                        return Err(self.type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            self.type_name(item)
                        )));
                    };
                    names.push(Some(s.clone()));
                }
                names
            }
            Some(other) => {
                return Err(self.type_error(format!(
                    "{}.__match_args__ must be a tuple (got {})",
                    cls.name,
                    self.type_name(&other)
                )));
            }
        };
        if given > names.len() {
            let plural = if names.len() == 1 { "" } else { "s" };
            return Err(self.type_error(format!(
                "{}() accepts {} positional sub-pattern{plural} ({given} given)",
                cls.name,
                names.len()
            )));
        }
        Ok(names.into_iter().take(given).collect())
    }

    /// A sequence pattern: a list, tuple, range or sequence class (never a `str`), of the
    /// right length, each item matching its sub-pattern; a star takes the rest as a list.
    async fn match_sequence(
        self: &Rc<Self>,
        fr: &Frame,
        items: &[Pattern],
        subject: &Value,
        bound: &mut Vec<(Name, Value)>,
    ) -> PyResult<bool> {
        if !self.is_sequence(subject) {
            return Ok(false);
        }
        let values = self.collect(subject).await?;
        let star = items
            .iter()
            .position(|p| matches!(p.kind, PatternKind::Star(_)));
        let fits = match star {
            None => values.len() == items.len(),
            Some(_) => values.len() + 1 >= items.len(),
        };
        if !fits {
            return Ok(false);
        }
        let after = star.map_or(0, |s| items.len() - s - 1);
        for (i, sub) in items.iter().enumerate() {
            let matched = match (star, &sub.kind) {
                (Some(s), PatternKind::Star(name)) if i == s => {
                    if let Some(name) = name {
                        let rest = values[s..values.len() - after].to_vec();
                        bound.push((name.clone(), Value::list(rest)));
                    }
                    true
                }
                (Some(s), _) if i > s => {
                    let value = &values[values.len() - (items.len() - i)];
                    self.match_pattern(fr, sub, value, bound).await?
                }
                _ => self.match_pattern(fr, sub, &values[i], bound).await?,
            };
            if !matched {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// A mapping pattern: each key present (looked up as `get` does, so a `defaultdict` adds
    /// nothing) and its value matching; `**rest` takes the other items as a new dict.
    #[allow(clippy::too_many_arguments)]
    async fn match_mapping(
        self: &Rc<Self>,
        fr: &Frame,
        span: Span,
        keys: &[crate::syntax::ast::Expr],
        patterns: &[Pattern],
        rest: &Option<Name>,
        subject: &Value,
        bound: &mut Vec<(Name, Value)>,
    ) -> PyResult<bool> {
        // A dict (or a dict subclass's) is read directly; another Mapping through its `get`.
        let dict = match self.unwrapped(subject) {
            Value::Dict(d) => Some(d.clone()),
            _ if self.has_abc(subject, &["Mapping", "MutableMapping"]) => None,
            _ => return Ok(false),
        };
        let mut key_values = Vec::with_capacity(keys.len());
        for key in keys {
            let key = self.ev(fr, key).await?;
            for seen in &key_values {
                if self.eq(seen, &key).await? {
                    let e = self.err(
                        "ValueError",
                        format!(
                            "mapping pattern checks duplicate key ({})",
                            self.repr_of(&key).await?
                        ),
                    );
                    return Err(self.mark_pattern(e, span));
                }
            }
            key_values.push(key);
        }
        let marker = Value::Instance(Instance::new(self.t.object.clone(), None));
        for (key, sub) in key_values.iter().zip(patterns) {
            let value = match &dict {
                Some(d) => {
                    let hk = self.hash_key(key).await?;
                    let found = d.borrow().get_key(&hk).cloned();
                    match found {
                        Some(v) => v,
                        None => return Ok(false),
                    }
                }
                None => {
                    let get: Name = Rc::from("get");
                    let args = Args::new(vec![key.clone(), marker.clone()]);
                    let v = self.call_method(subject.clone(), &get, args).await?;
                    if v.identity() == marker.identity() {
                        return Ok(false);
                    }
                    v
                }
            };
            if !self.match_pattern(fr, sub, &value, bound).await? {
                return Ok(false);
            }
        }
        if let Some(rest) = rest {
            let mut copy = Dict::default();
            for (k, v) in self.dict_items_of(subject).await? {
                let mut matched = false;
                for key in &key_values {
                    if self.eq(&k, key).await? {
                        matched = true;
                        break;
                    }
                }
                if !matched {
                    let hk = self.hash_key(&k).await?;
                    copy.insert_key(hk, k, v);
                }
            }
            bound.push((rest.clone(), Value::dict(copy)));
        }
        Ok(true)
    }

    /// The items of a mapping subject, in its order.
    async fn dict_items_of(self: &Rc<Self>, subject: &Value) -> PyResult<Vec<(Value, Value)>> {
        if let Value::Dict(d) = self.unwrapped(subject) {
            return Ok(d
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect());
        }
        let mut items = Vec::new();
        for key in self.collect(subject).await? {
            let value = self.getitem(subject, &key).await?;
            items.push((key, value));
        }
        Ok(items)
    }

    /// What a sequence pattern accepts: CPython's `Py_TPFLAGS_SEQUENCE` types (not `str`).
    fn is_sequence(&self, v: &Value) -> bool {
        match self.unwrapped(v) {
            Value::List(_) | Value::Tuple(_) | Value::Range(_) => true,
            Value::Instance(inst) => {
                std::iter::once(&inst.class)
                    .chain(&inst.class.mro)
                    .any(|c| &*c.name == "deque" && &*c.module == "collections")
                    || self.has_abc(v, &["Sequence", "MutableSequence"])
            }
            _ => false,
        }
    }

    /// Whether an instance's class derives from one of `collections.abc`'s `names`.
    fn has_abc(&self, v: &Value, names: &[&str]) -> bool {
        let Value::Instance(inst) = v else {
            return false;
        };
        std::iter::once(&inst.class)
            .chain(&inst.class.mro)
            .any(|c| &*c.module == "collections.abc" && names.contains(&&*c.name))
    }

    /// Points an error raised by a pattern at the pattern, as CPython's traceback does.
    fn mark_pattern(&self, e: ExcRef, span: Span) -> ExcRef {
        let data = e.exc();
        if data.pending_span.get().is_none() {
            data.pending_span.set(Some((span, None)));
        }
        e
    }
}
