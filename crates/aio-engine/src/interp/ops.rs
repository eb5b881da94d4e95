//! Operations that may need to run Python code (dunder methods): conversions to str,
//! truthiness, operators, item access, `len` and iteration.

use crate::run::Missing;
use std::cell::RefCell;
use std::rc::Rc;

use super::Interp;
use crate::runtime::dict::{Dict, HashKey};
use crate::runtime::object::{Args, Class, CoroKind, Instance, IterState, NativeObj, Ty};
use crate::runtime::ops::{self as vops, eq_fast, num_binop};
use crate::runtime::value::{Lbf, PyResult, Value};
use crate::runtime::{bigint, fmt};
use crate::syntax::ast::{BinOp, CmpOp};

/// A fake but stable memory address for reprs such as `<object at 0x7f...>`.
pub(crate) fn fake_addr(v: &Value) -> String {
    format!("0x7f{:010x}", (v.identity() as u64) & 0xff_ffff_ffff)
}

/// The dunders `int` itself defines, which come before those of a class after it in a
/// subclass's MRO.
const INT_DUNDERS: &[&str] = &[
    "__add__",
    "__radd__",
    "__sub__",
    "__rsub__",
    "__mul__",
    "__rmul__",
    "__truediv__",
    "__rtruediv__",
    "__floordiv__",
    "__rfloordiv__",
    "__mod__",
    "__rmod__",
    "__pow__",
    "__rpow__",
    "__lshift__",
    "__rlshift__",
    "__rshift__",
    "__rrshift__",
    "__and__",
    "__rand__",
    "__or__",
    "__ror__",
    "__xor__",
    "__rxor__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__hash__",
    "__repr__",
    "__str__",
    "__format__",
    "__bool__",
    "__index__",
    "__int__",
    "__float__",
    "__neg__",
    "__pos__",
    "__abs__",
    "__invert__",
];

impl Interp {
    /// The class of a value (`type(v)`).
    pub(crate) fn type_of(&self, v: &Value) -> Rc<Class> {
        let t = &self.t;
        match v {
            Value::None => t.none.clone(),
            Value::Bool(_) => t.bool_.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Str(_) => t.str_.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::ByteArray(_) => t.bytearray.clone(),
            Value::List(_) => t.list.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(d) if d.borrow().frozen => t.frozenset.clone(),
            Value::Set(_) => t.set.clone(),
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Func(_) => t.function.clone(),
            Value::Builtin(_) => t.builtin_fn.clone(),
            Value::Method(_) => t.method.clone(),
            Value::Class(c) => c.meta.borrow().clone().unwrap_or_else(|| t.type_.clone()),
            Value::Instance(i) => i.class.clone(),
            Value::Coro(c) => match c.kind {
                CoroKind::Coroutine => t.coroutine.clone(),
                CoroKind::Generator => t.generator.clone(),
                CoroKind::AsyncGenerator => t.async_generator.clone(),
            },
            Value::Future(f) => {
                if f.task.is_some() {
                    t.task.clone()
                } else {
                    t.future.clone()
                }
            }
            Value::Module(_) => t.module.clone(),
            Value::Iter(st) => self.iterator_class(st.borrow().type_name()),
            Value::Native(n) => match &**n {
                NativeObj::Loop(_) => t.event_loop.clone(),
                NativeObj::Handle(h) => {
                    if h.when.is_some() {
                        t.timer_handle.clone()
                    } else {
                        t.handle.clone()
                    }
                }
                NativeObj::Stream(_) => t.textio.clone(),
                NativeObj::GenericAlias { .. } => t.generic_alias.clone(),
                NativeObj::UnionType(_) => t.union_type.clone(),
                NativeObj::Property(_) => t.property.clone(),
                NativeObj::ClassMethod(_) => t.classmethod.clone(),
                NativeObj::StaticMethod(_) => t.staticmethod.clone(),
                NativeObj::Deque(_) => t.deque.clone(),
                NativeObj::DictView { kind, .. } => t.dict_views[usize::from(*kind).min(2)].clone(),
                NativeObj::Traceback { .. } => t.traceback.clone(),
                NativeObj::Random(_) => t.random.clone(),
                _ => t.native.clone(),
            },
            Value::Ellipsis => t.ellipsis.clone(),
            Value::NotImplemented => t.not_implemented.clone(),
        }
    }

    /// `type(v).__name__`.
    /// `v`, or the list, dict or tuple an instance of a subclass of one of them is, whatever
    /// the subclass overrides.
    pub(crate) fn unwrapped<'a>(&self, v: &'a Value) -> &'a Value {
        self.inherited(v, &[])
    }

    /// The list or dict that `v` is, when `v` is an instance of a subclass of `list` or `dict`
    /// whose class defines none of `dunders`: the builtin type's own behaviour applies to it.
    /// Any other value is itself.
    pub(crate) fn inherited<'a>(&self, v: &'a Value, dunders: &[&str]) -> &'a Value {
        match v {
            Value::Instance(inst)
                if inst.items.is_some()
                    && dunders.iter().all(|d| match &inst.items {
                        // int has no container dunders: a class after it in the MRO may give
                        // them (`Flag.__iter__` for an IntFlag).
                        Some(Value::Int(_) | Value::BigInt(_)) if !INT_DUNDERS.contains(d) => {
                            inst.class.lookup(d).is_none()
                        }
                        _ => inst.class.lookup_own(d).is_none(),
                    }) =>
            {
                inst.items.as_ref().unwrap_or(v)
            }
            _ => v,
        }
    }

    /// The class of a native iterator whose type CPython names `name`.
    pub(crate) fn iterator_class(&self, name: &'static str) -> Rc<Class> {
        self.iter_classes
            .borrow_mut()
            .entry(name)
            .or_insert_with(|| {
                let (module, short) = match name.rsplit_once('.') {
                    Some((m, n)) => (m, n),
                    None => ("builtins", name),
                };
                crate::runtime::types::make_class(
                    short,
                    module,
                    vec![self.t.object.clone()],
                    Ty::Iterator,
                )
            })
            .clone()
    }

    pub(crate) fn type_name(&self, v: &Value) -> Rc<str> {
        self.type_of(v).name.clone()
    }

    /// `isinstance(v, cls)`.
    pub(crate) fn isinstance(&self, v: &Value, cls: &Rc<Class>) -> bool {
        let c = self.type_of(v);
        if c.is_subclass(cls) {
            return true;
        }
        // bool is an int; every value is an object.
        cls.ty == Ty::Object
    }

    /// How a type argument reads inside `list[...]` or `A | B` (CPython's `_Py_typing_type_repr`):
    /// a class by its qualified name (`int`, `asyncio.queues.Queue`), `...`, `None`, and the
    /// repr of anything else.
    pub(crate) fn type_arg_repr(&self, v: &Value) -> Option<String> {
        Some(match v {
            Value::Class(c) if &*c.module == "builtins" => c.qualname.to_string(),
            Value::Class(c) => format!("{}.{}", c.module, c.qualname),
            Value::Ellipsis => "...".into(),
            Value::None => "None".into(),
            Value::Tuple(items) if items.is_empty() => "()".into(),
            other => self.repr_simple(other)?,
        })
    }

    /// `cls[args]` for a class that CPython makes generic (`list[int]`, `asyncio.Queue[str]`): a
    /// `GenericAlias`; `None` for a class that is not.
    pub(crate) fn generic_alias(&self, cls: &Rc<Class>, index: &Value) -> Option<Value> {
        let generic = matches!(
            cls.ty,
            Ty::List | Ty::Tuple | Ty::Dict | Ty::Set | Ty::Type | Ty::Future | Ty::Task
        ) || (&*cls.module == "builtins" && &*cls.name == "frozenset")
            || GENERIC_LIBRARY_CLASSES.contains(&(&*cls.module, &*cls.name));
        if !generic {
            return None;
        }
        let args: Rc<[Value]> = match index {
            Value::Tuple(items) => items.iter().cloned().collect(),
            other => Rc::from([other.clone()]),
        };
        Some(Value::Native(Rc::new(NativeObj::GenericAlias {
            origin: Value::Class(cls.clone()),
            args,
        })))
    }

    /// repr() without running Python code, for values that never need it.
    pub(crate) fn repr_simple(&self, v: &Value) -> Option<String> {
        Some(match v {
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => fmt::float_repr(*f),
            Value::Str(s) => fmt::str_repr(s),
            Value::Bytes(b) => crate::builtins::bytes::bytes_repr(b),
            Value::ByteArray(b) => {
                format!(
                    "bytearray({})",
                    crate::builtins::bytes::bytes_repr(&b.borrow())
                )
            }
            Value::Ellipsis => "Ellipsis".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Range(r) => {
                if r[2] == 1 {
                    format!("range({}, {})", r[0], r[1])
                } else {
                    format!("range({}, {}, {})", r[0], r[1], r[2])
                }
            }
            Value::Func(f) => format!("<function {} at {}>", f.qualname(), fake_addr(v)),
            Value::Builtin(b) => match &b.bound {
                // `list.append`: a method of a builtin type, not bound to an object.
                Some(Value::Class(c)) if crate::builtins::is_method_descriptor(b) => {
                    format!("<method '{}' of '{}' objects>", b.name, c.name)
                }
                Some(r) => format!(
                    "<built-in method {} of {} object at {}>",
                    b.name,
                    self.type_name(r),
                    fake_addr(r)
                ),
                None => format!("<built-in function {}>", b.name),
            },
            Value::Class(c) => {
                if &*c.module == "builtins" {
                    format!("<class '{}'>", c.qualname)
                } else {
                    format!("<class '{}.{}'>", c.module, c.qualname)
                }
            }
            Value::Coro(c) => {
                let kind = match c.kind {
                    CoroKind::Coroutine => "coroutine",
                    CoroKind::Generator => "generator",
                    CoroKind::AsyncGenerator => "async_generator",
                };
                format!("<{kind} object {} at {}>", c.qualname, fake_addr(v))
            }
            Value::Module(m) => format!("<module '{}'>", m.name),
            Value::Future(f) => crate::asyncio::future::future_repr(self, f),
            Value::Native(n) => match &**n {
                NativeObj::Loop(l) => format!(
                    "<_UnixSelectorEventLoop running={} closed={} debug={}>",
                    if l.running.get() { "True" } else { "False" },
                    if l.closed.get() { "True" } else { "False" },
                    if l.debug.get() { "True" } else { "False" }
                ),
                NativeObj::Handle(h) => crate::asyncio::event_loop::handle_repr(self, h),
                NativeObj::Stream(s) => match s {
                    crate::runtime::object::StreamKind::Stdout => {
                        "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>".into()
                    }
                    crate::runtime::object::StreamKind::Stderr => {
                        "<_io.TextIOWrapper name='<stderr>' mode='w' encoding='utf-8'>".into()
                    }
                },
                NativeObj::WarningMessage {
                    category,
                    message,
                    filename,
                    lineno,
                } => format!(
                    "{{message : {}, category : '{}', filename : '{}', lineno : {}, line : None}}",
                    self.repr_simple(message).unwrap_or_default(),
                    match category {
                        Value::Class(c) => c.name.to_string(),
                        _ => String::new(),
                    },
                    filename,
                    lineno
                ),
                NativeObj::DictView { .. } | NativeObj::Deque(_) => return None,
                NativeObj::GenericAlias { origin, args } => {
                    let args: Option<Vec<String>> =
                        args.iter().map(|a| self.type_arg_repr(a)).collect();
                    let args = args?;
                    format!(
                        "{}[{}]",
                        self.type_arg_repr(origin)?,
                        if args.is_empty() {
                            "()".to_owned()
                        } else {
                            args.join(", ")
                        }
                    )
                }
                NativeObj::UnionType(members) => {
                    let members: Option<Vec<String>> =
                        members.iter().map(|a| self.type_arg_repr(a)).collect();
                    members?.join(" | ")
                }
                _ => format!("<object at {}>", fake_addr(v)),
            },
            Value::Iter(st) => format!("<{} object at {}>", st.borrow().type_name(), fake_addr(v)),
            Value::Method(m) => match &m.func {
                Value::Func(f) => format!(
                    "<bound method {} of <object at {}>>",
                    f.qualname(),
                    fake_addr(&m.receiver)
                ),
                _ => format!("<bound method at {}>", fake_addr(v)),
            },
            _ => return None,
        })
    }

    /// What the metaclass of `v`, a class, defines as `name` (CPython looks an operator on a
    /// class up on its type): called with the class and `args`; `None` when `v` is not a class
    /// or its metaclass does not define `name`.
    pub(crate) async fn meta_dunder(
        self: &Rc<Self>,
        v: &Value,
        name: &str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let Value::Class(c) = v else {
            return Ok(None);
        };
        let Some(f) = c.meta_lookup(name) else {
            return Ok(None);
        };
        let mut pos = Vec::with_capacity(args.len() + 1);
        pos.push(v.clone());
        pos.extend(args.iter().cloned());
        Ok(Some(self.call(f, Args::new(pos)).await?))
    }

    /// The text a `__repr__` or `__str__` returned, or CPython's error for anything else.
    fn returned_text(&self, dunder: &str, r: Value) -> PyResult<String> {
        match r {
            Value::Str(s) => Ok(s.to_string()),
            other => Err(self.type_error(format!(
                "{dunder} returned non-string (type {})",
                self.type_name(&other)
            ))),
        }
    }

    /// repr(v), running `__repr__` where defined.
    pub(crate) fn repr_of<'a>(self: &'a Rc<Self>, v: &'a Value) -> Lbf<'a, PyResult<String>> {
        Box::pin(async move {
            let v = self.inherited(v, &["__repr__"]);
            if let Some(r) = self.meta_dunder(v, "__repr__", &[]).await? {
                return self.returned_text("__repr__", r);
            }
            if let Value::BigInt(b) = v {
                return bigint::to_decimal(b).map_err(|(cls, msg)| self.err(cls, msg));
            }
            if let Some(s) = self.repr_simple(v) {
                return Ok(s);
            }
            // Deeply nested containers: CPython's recursion limit applies to repr too.
            let depth = self.repr_depth.get();
            if depth > self.budgets.max_depth {
                return Err(self.err(
                    "RecursionError",
                    "maximum recursion depth exceeded while getting the repr of an object",
                ));
            }
            // A list or dict inside itself shows as `[...]` / `{...}` (CPython's Py_ReprEnter).
            let mutable = match v {
                Value::List(_) => Some("[...]"),
                Value::Dict(_) => Some("{...}"),
                _ => None,
            };
            if let Some(mark) = mutable {
                if self.repr_active.borrow().contains(&v.identity()) {
                    return Ok(mark.to_string());
                }
                self.repr_active.borrow_mut().push(v.identity());
            }
            self.repr_depth.set(depth + 1);
            let r = self.repr_container(v).await;
            self.repr_depth.set(depth);
            if mutable.is_some() {
                self.repr_active.borrow_mut().pop();
            }
            r
        })
    }

    async fn repr_container(self: &Rc<Self>, v: &Value) -> PyResult<String> {
        {
            Ok(match v {
                Value::List(l) => {
                    let items: Vec<Value> = l.borrow().clone();
                    self.repr_seq("[", &items, "]").await?
                }
                Value::Tuple(t) => {
                    if t.len() == 1 {
                        format!("({},)", self.repr_of(&t[0]).await?)
                    } else {
                        self.repr_seq("(", t, ")").await?
                    }
                }
                Value::Dict(d) => {
                    let pairs: Vec<(Value, Value)> = d
                        .borrow()
                        .iter()
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    let mut out = String::from("{");
                    for (i, (k, val)) in pairs.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        out.push_str(&self.repr_of(k).await?);
                        out.push_str(": ");
                        out.push_str(&self.repr_of(val).await?);
                    }
                    out.push('}');
                    out
                }
                Value::Set(d) => {
                    let keys = d.borrow().set_keys();
                    let frozen = d.borrow().frozen;
                    match (keys.is_empty(), frozen) {
                        (true, false) => "set()".into(),
                        (true, true) => "frozenset()".into(),
                        (false, false) => self.repr_seq("{", &keys, "}").await?,
                        (false, true) => self.repr_seq("frozenset({", &keys, "})").await?,
                    }
                }
                Value::Native(n) if matches!(&**n, NativeObj::DictView { .. }) => {
                    let NativeObj::DictView { dict, kind } = &**n else {
                        return Ok(String::new());
                    };
                    let items: Vec<Value> = dict
                        .borrow()
                        .iter()
                        .map(|(k, v)| match kind {
                            0 => k.clone(),
                            1 => v.clone(),
                            _ => Value::tuple(vec![k.clone(), v.clone()]),
                        })
                        .collect();
                    let name = match kind {
                        0 => "dict_keys",
                        1 => "dict_values",
                        _ => "dict_items",
                    };
                    format!("{name}({})", self.repr_seq("[", &items, "]").await?)
                }
                // `dict[str, typing.Any]`: an argument without a simple repr (a typing object)
                // shows its own.
                Value::Native(n)
                    if matches!(
                        &**n,
                        NativeObj::GenericAlias { .. } | NativeObj::UnionType(_)
                    ) =>
                {
                    let (head, args, sep) = match &**n {
                        NativeObj::GenericAlias { origin, args } => (Some(origin), &args[..], ", "),
                        NativeObj::UnionType(members) => (None, &members[..], " | "),
                        _ => return Ok(String::new()),
                    };
                    let mut parts = Vec::with_capacity(args.len());
                    for a in args {
                        parts.push(match self.type_arg_repr(a) {
                            Some(r) => r,
                            None => self.repr_of(a).await?,
                        });
                    }
                    match head {
                        Some(origin) => {
                            let origin = match self.type_arg_repr(origin) {
                                Some(r) => r,
                                None => self.repr_of(origin).await?,
                            };
                            let inner = if parts.is_empty() {
                                "()".to_owned()
                            } else {
                                parts.join(sep)
                            };
                            format!("{origin}[{inner}]")
                        }
                        None => parts.join(sep),
                    }
                }
                Value::Native(n) if matches!(&**n, NativeObj::Deque(_)) => {
                    let NativeObj::Deque(items) = &**n else {
                        return Ok(String::new());
                    };
                    let items: Vec<Value> = items.borrow().iter().cloned().collect();
                    format!("deque({})", self.repr_seq("[", &items, "]").await?)
                }
                Value::Slice(s) => format!(
                    "slice({}, {}, {})",
                    self.repr_of(&s[0]).await?,
                    self.repr_of(&s[1]).await?,
                    self.repr_of(&s[2]).await?
                ),
                Value::Instance(inst) => {
                    if let Some(f) = inst.class.lookup("__repr__") {
                        let r = self.call(f, Args::new(vec![v.clone()])).await?;
                        match r {
                            Value::Str(s) => s.to_string(),
                            other => {
                                return Err(self.type_error(format!(
                                    "__repr__ returned non-string (type {})",
                                    self.type_name(&other)
                                )));
                            }
                        }
                    } else if inst.class.is_exc {
                        self.exc_repr(inst).await?
                    } else {
                        format!(
                            "<{}.{} object at {}>",
                            inst.class.module,
                            inst.class.qualname,
                            fake_addr(v)
                        )
                    }
                }
                _ => format!("<{} object at {}>", self.type_name(v), fake_addr(v)),
            })
        }
    }

    async fn repr_seq(
        self: &Rc<Self>,
        open: &str,
        items: &[Value],
        close: &str,
    ) -> PyResult<String> {
        let mut out = String::from(open);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr_of(item).await?);
        }
        out.push_str(close);
        Ok(out)
    }

    pub(crate) async fn exc_repr(
        self: &Rc<Self>,
        inst: &Rc<crate::runtime::object::Instance>,
    ) -> PyResult<String> {
        let args = inst.args();
        let name = &inst.class.name;
        let group = inst.exc().group.borrow().clone();
        if let Some(group) = group {
            let msg = args.first().cloned().unwrap_or(Value::None);
            let list = Value::list(group.to_vec());
            return Ok(format!(
                "{name}({}, {})",
                self.repr_of(&msg).await?,
                self.repr_of(&list).await?
            ));
        }
        if args.len() == 1 {
            Ok(format!("{name}({})", self.repr_of(&args[0]).await?))
        } else {
            let t = Value::Tuple(args.clone());
            let r = self.repr_of(&t).await?;
            if args.is_empty() {
                Ok(format!("{name}()"))
            } else {
                Ok(format!("{name}{r}"))
            }
        }
    }

    /// str(v), running `__str__` / `__repr__` where defined.
    pub(crate) fn str_of<'a>(self: &'a Rc<Self>, v: &'a Value) -> Lbf<'a, PyResult<String>> {
        Box::pin(async move {
            // `str.__str__` comes before `object`'s in a subclass of str: its text, whatever
            // its `__repr__`.
            if let Value::Instance(inst) = v
                && let Some(Value::Str(text)) = &inst.items
                && inst.class.lookup_own("__str__").is_none()
            {
                return Ok(text.to_string());
            }
            let v = self.inherited(v, &["__str__", "__repr__"]);
            if let Some(r) = self.meta_dunder(v, "__str__", &[]).await? {
                return self.returned_text("__str__", r);
            }
            match v {
                Value::Str(s) => Ok(s.to_string()),
                Value::Int(i) => Ok(i.to_string()),
                Value::Bytes(_) | Value::ByteArray(_) => {
                    Ok(self.repr_simple(v).unwrap_or_default())
                }
                Value::BigInt(b) => bigint::to_decimal(b).map_err(|(cls, msg)| self.err(cls, msg)),
                Value::Float(f) => Ok(fmt::float_repr(*f)),
                Value::Instance(inst) => {
                    if let Some(f) = inst.class.lookup("__str__") {
                        let r = self.call(f, Args::new(vec![v.clone()])).await?;
                        return match r {
                            Value::Str(s) => Ok(s.to_string()),
                            other => Err(self.type_error(format!(
                                "__str__ returned non-string (type {})",
                                self.type_name(&other)
                            ))),
                        };
                    }
                    if inst.class.is_exc {
                        return self.exc_str(inst).await;
                    }
                    self.repr_of(v).await
                }
                _ => self.repr_of(v).await,
            }
        })
    }

    /// `str()` of an exception as BaseException gives it: its one argument, the repr of
    /// several, a group's count of sub-exceptions.
    pub(crate) async fn exc_str(self: &Rc<Self>, inst: &Rc<Instance>) -> PyResult<String> {
        let args = inst.args();
        let group = inst.exc().group.borrow().clone();
        if let Some(group) = group {
            let msg = match args.first() {
                Some(m) => self.str_of(m).await?,
                None => String::new(),
            };
            let n = group.len();
            return Ok(format!(
                "{msg} ({n} sub-exception{})",
                if n == 1 { "" } else { "s" }
            ));
        }
        // OSError(errno, strerror[, filename]): "[Errno 2] No such file: 'x.txt'".
        if (2..=5).contains(&args.len()) && self.exc_is(inst, "OSError") {
            let mut text = format!(
                "[Errno {}] {}",
                self.str_of(&args[0]).await?,
                self.str_of(&args[1]).await?
            );
            if let Some(filename) = args.get(2).filter(|f| !matches!(f, Value::None)) {
                text.push_str(&format!(": {}", self.repr_of(filename).await?));
            }
            return Ok(text);
        }
        match args.len() {
            0 => Ok(String::new()),
            1 => {
                if self.exc_is(inst, "KeyError") {
                    self.repr_of(&args[0]).await
                } else {
                    self.str_of(&args[0]).await
                }
            }
            _ => self.repr_of(&Value::Tuple(args)).await,
        }
    }

    /// Truthiness, running `__bool__` / `__len__` where defined.
    pub(crate) async fn truthy(self: &Rc<Self>, v: &Value) -> PyResult<bool> {
        if let Value::Class(c) = v
            && c.meta.borrow().is_some()
        {
            for dunder in ["__bool__", "__len__"] {
                if let Some(r) = Box::pin(self.meta_dunder(v, dunder, &[])).await? {
                    return Ok(r.truthy_fast().unwrap_or(true));
                }
            }
        }
        if let Some(b) = v.truthy_fast() {
            return Ok(b);
        }
        if let Value::Instance(inst) = v {
            if let Some(f) = inst.class.lookup("__bool__") {
                let r = self.call(f, Args::new(vec![v.clone()])).await?;
                return Ok(r.truthy_fast().unwrap_or(true));
            }
            if let Some(f) = inst.class.lookup("__len__") {
                let r = self.call(f, Args::new(vec![v.clone()])).await?;
                return Ok(r.truthy_fast().unwrap_or(true));
            }
            if let Some(items) = &inst.items {
                return Ok(items.truthy_fast().unwrap_or(true));
            }
        }
        Ok(true)
    }

    /// A binary operator.
    pub(crate) async fn binop(self: &Rc<Self>, op: BinOp, a: &Value, b: &Value) -> PyResult {
        self.binop_as(op, a, b, false).await
    }

    /// A binary operator, or the augmented assignment `a op= b` when `inplace` (whose error
    /// names `+=`).
    pub(crate) async fn binop_as(
        self: &Rc<Self>,
        op: BinOp,
        a: &Value,
        b: &Value,
        inplace: bool,
    ) -> PyResult {
        match num_binop(op, a, b) {
            Ok(Some(v)) => return Ok(v),
            Ok(None) => {}
            Err((cls, msg)) => return Err(self.err(cls, msg)),
        }
        // A subclass of list or dict adds as one where it defines no operator of its own; the
        // operators it defines get the operands as they are.
        let (l, r) = dunder_names(op);
        let (items_a, items_b) = (self.inherited(a, &[l]), self.inherited(b, &[r]));
        if let Some(v) = self.seq_binop(op, items_a, items_b)? {
            return Ok(v);
        }
        // A subclass of int computes as its value where it defines no operator of its own.
        if !std::ptr::eq(items_a, a) || !std::ptr::eq(items_b, b) {
            match num_binop(op, items_a, items_b) {
                Ok(Some(v)) => return Ok(v),
                Ok(None) => {}
                Err((cls, msg)) => return Err(self.err(cls, msg)),
            }
        }
        if let Value::Instance(inst) = a
            && let Some(f) = inst.class.lookup(l)
        {
            let res = self.call(f, Args::new(vec![a.clone(), b.clone()])).await?;
            if !matches!(res, Value::NotImplemented) {
                return Ok(res);
            }
        }
        if let Value::Instance(inst) = b
            && let Some(f) = inst.class.lookup(r)
        {
            let res = self.call(f, Args::new(vec![b.clone(), a.clone()])).await?;
            if !matches!(res, Value::NotImplemented) {
                return Ok(res);
            }
        }
        // Both sides declined: a subclass of a builtin type falls back on that type's operator
        // (`Counter(a=1) | {"b": 2}` is a dict's `|`).
        if let Some(v) = self.seq_binop(op, self.unwrapped(a), self.unwrapped(b))? {
            return Ok(v);
        }
        // `d.keys() & other`, `other - d.items()`: a view of keys or items acts as a set, and
        // so does any iterable beside it.
        if matches!(
            op,
            BinOp::BitAnd | BinOp::BitOr | BinOp::Sub | BinOp::BitXor
        ) && (is_set_view(a) || is_set_view(b))
        {
            let x = Value::Set(self.any_as_set(a).await?);
            let y = Value::Set(self.any_as_set(b).await?);
            if let Some(v) = self.seq_binop(op, &x, &y)? {
                return Ok(v);
            }
        }
        if op == BinOp::Mod
            && let Value::Str(s) = a
        {
            return self.percent_format(s, b).await.map(Value::str);
        }
        if op == BinOp::Mod
            && let Some(data) = crate::builtins::bytes::bytes_like(a)
        {
            let out = crate::builtins::bytes::percent_format(self, &data, b).await?;
            return Ok(match a {
                Value::ByteArray(_) => crate::builtins::bytearray::new(out),
                _ => Value::Bytes(out.into()),
            });
        }
        if op == BinOp::BitOr
            && let Some(union) = type_union(a, b)
        {
            return Ok(union);
        }
        // `b"a" + "b"`: bytes name what they cannot take.
        if op == BinOp::Add
            && let Value::Bytes(_) | Value::ByteArray(_) = a
        {
            return Err(self.type_error(format!(
                "can't concat {} to {}",
                self.type_name(b),
                self.type_name(a)
            )));
        }
        // `"a" + 1`, `[1] + (2,)`: CPython names the sequence type (a subclass's operand is
        // added by the type's own `+`, so the type is named).
        if op == BinOp::Add
            && let sequence @ (Value::Str(_) | Value::List(_) | Value::Tuple(_)) = self.unwrapped(a)
        {
            let kind = self.type_name(sequence);
            return Err(self.type_error(format!(
                "can only concatenate {kind} (not \"{}\") to {kind}",
                self.type_name(b)
            )));
        }
        // `"x" * "y"`, `[1] * 2.0`: a sequence repeated by what is not an int.
        if op == BinOp::Mult {
            let is_seq = |v: &Value| {
                matches!(
                    v,
                    Value::Str(_) | Value::Bytes(_) | Value::List(_) | Value::Tuple(_)
                )
            };
            let other = if is_seq(a) {
                Some(b)
            } else if is_seq(b) {
                Some(a)
            } else {
                None
            };
            if let Some(other) = other {
                if let Value::BigInt(_) = other {
                    return Err(self.err(
                        "OverflowError",
                        "cannot fit 'int' into an index-sized integer",
                    ));
                }
                return Err(self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.type_name(other)
                )));
            }
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for {}{}: '{}' and '{}'",
            op.symbol(),
            if inplace { "=" } else { "" },
            self.type_name(a),
            self.type_name(b)
        )))
    }

    fn seq_binop(&self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        Ok(Some(match (op, a, b) {
            (BinOp::Add, Value::Str(x), Value::Str(y)) => {
                // Long strings count against the memory budget (one unit per 16 bytes).
                let total = x.len() + y.len();
                if total > 256 {
                    self.alloc(total / 16)?;
                }
                let mut s = String::with_capacity(total);
                s.push_str(x);
                s.push_str(y);
                Value::str(s)
            }
            (BinOp::Add, Value::List(x), Value::List(y)) => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                self.alloc(v.len())?;
                Value::list(v)
            }
            (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                Value::tuple(v)
            }
            // Bytes and bytearray: the left operand's type wins.
            (
                BinOp::Add,
                Value::Bytes(_) | Value::ByteArray(_),
                Value::Bytes(_) | Value::ByteArray(_),
            ) => {
                let (x, y) = (
                    crate::builtins::bytes::bytes_like(a).unwrap_or_default(),
                    crate::builtins::bytes::bytes_like(b).unwrap_or_default(),
                );
                self.alloc((x.len() + y.len()) / 16)?;
                let joined = [&x[..], &y[..]].concat();
                match a {
                    Value::ByteArray(_) => crate::builtins::bytearray::new(joined),
                    _ => Value::Bytes(joined.into()),
                }
            }
            (
                BinOp::Mult,
                Value::Str(_)
                | Value::Bytes(_)
                | Value::ByteArray(_)
                | Value::List(_)
                | Value::Tuple(_),
                Value::Int(_) | Value::Bool(_),
            )
            | (
                BinOp::Mult,
                Value::Int(_) | Value::Bool(_),
                Value::Str(_)
                | Value::Bytes(_)
                | Value::ByteArray(_)
                | Value::List(_)
                | Value::Tuple(_),
            ) => {
                let (seq, n) = if matches!(a, Value::Int(_) | Value::Bool(_)) {
                    (b, a)
                } else {
                    (a, b)
                };
                let n = match n {
                    Value::Int(i) => (*i).max(0) as usize,
                    Value::Bool(x) => *x as usize,
                    _ => 0,
                };
                match seq {
                    Value::Str(s) => {
                        self.alloc(s.len().saturating_mul(n) / 8)?;
                        Value::str(s.repeat(n))
                    }
                    Value::Bytes(b) => {
                        self.alloc(b.len().saturating_mul(n) / 8)?;
                        Value::Bytes(b.repeat(n).into())
                    }
                    Value::ByteArray(b) => {
                        let b = b.borrow();
                        self.alloc(b.len().saturating_mul(n) / 8)?;
                        crate::builtins::bytearray::new(b.repeat(n))
                    }
                    Value::List(l) => {
                        let items = l.borrow();
                        self.alloc(items.len().saturating_mul(n))?;
                        let mut v = Vec::with_capacity(items.len() * n);
                        for _ in 0..n {
                            v.extend(items.iter().cloned());
                        }
                        Value::list(v)
                    }
                    Value::Tuple(t) => {
                        self.alloc(t.len().saturating_mul(n))?;
                        let mut v = Vec::with_capacity(t.len() * n);
                        for _ in 0..n {
                            v.extend(t.iter().cloned());
                        }
                        Value::tuple(v)
                    }
                    _ => return Ok(None),
                }
            }
            (
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
                Value::Set(x),
                Value::Set(y),
            ) => {
                let (x, y) = (x.borrow(), y.borrow());
                let mut out = Dict::new();
                // The result has the left operand's type (`frozenset | set` is a frozenset).
                out.frozen = x.frozen;
                let inx = |k: &Value, d: &Dict| {
                    HashKey::of(k).map(|h| d.contains_key(&h)).unwrap_or(false)
                };
                match op {
                    BinOp::BitOr => {
                        for (k, _) in x.iter().chain(y.iter()) {
                            if let Some(h) = HashKey::of(k) {
                                out.insert_key(h, k.clone(), Value::None);
                            }
                        }
                    }
                    BinOp::BitAnd => {
                        for (k, _) in x.iter() {
                            if inx(k, &y)
                                && let Some(h) = HashKey::of(k)
                            {
                                out.insert_key(h, k.clone(), Value::None);
                            }
                        }
                    }
                    BinOp::Sub => {
                        for (k, _) in x.iter() {
                            if !inx(k, &y)
                                && let Some(h) = HashKey::of(k)
                            {
                                out.insert_key(h, k.clone(), Value::None);
                            }
                        }
                    }
                    _ => {
                        for (k, _) in x.iter() {
                            if !inx(k, &y)
                                && let Some(h) = HashKey::of(k)
                            {
                                out.insert_key(h, k.clone(), Value::None);
                            }
                        }
                        for (k, _) in y.iter() {
                            if !inx(k, &x)
                                && let Some(h) = HashKey::of(k)
                            {
                                out.insert_key(h, k.clone(), Value::None);
                            }
                        }
                    }
                }
                Value::Set(Rc::new(RefCell::new(out)))
            }
            (BinOp::BitOr, Value::Dict(x), Value::Dict(y)) => {
                let mut d = x.borrow().clone();
                for (k, v) in y.borrow().iter() {
                    if let Some(h) = HashKey::of(k) {
                        d.insert_key(h, k.clone(), v.clone());
                    }
                }
                Value::dict(d)
            }
            _ => return Ok(None),
        }))
    }

    /// What the right operand of `%` formatting gives: the operand (a tuple subclass, a
    /// namedtuple, as its tuple), whether it is a mapping, and the positional values.
    pub(crate) fn percent_args<'a>(&self, args: &'a Value) -> (&'a Value, bool, Vec<Value>) {
        let args = match self.unwrapped(args) {
            tuple @ Value::Tuple(_) => tuple,
            _ => args,
        };
        let mapping = matches!(args, Value::Dict(_) | Value::Instance(_));
        let items: Vec<Value> = match args {
            Value::Tuple(t) => t.to_vec(),
            other => vec![other.clone()],
        };
        (args, mapping, items)
    }

    /// `"fmt" % args`: printf-style formatting (`%(key)s` mapping keys, the flags `-+ #0`,
    /// width and precision, `*` taken from the arguments, and s r a d i u f F e E g G x X o c).
    pub(crate) async fn percent_format(self: &Rc<Self>, f: &str, args: &Value) -> PyResult<String> {
        let (args, mapping, items) = self.percent_args(args);
        let mut out = String::new();
        let chars: Vec<char> = f.chars().collect();
        let mut i = 0;
        let mut k = 0;
        let mut used_key = false;
        while i < chars.len() {
            let c = chars[i];
            if c != '%' {
                out.push(c);
                i += 1;
                continue;
            }
            i += 1;
            let mut key = None;
            if chars.get(i) == Some(&'(') {
                let mut depth = 1;
                let st = i + 1;
                i += 1;
                while i < chars.len() && depth > 0 {
                    match chars[i] {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    i += 1;
                }
                if depth > 0 {
                    return Err(self.value_error("incomplete format key"));
                }
                key = Some(chars[st..i - 1].iter().collect::<String>());
            }
            let mut flags = String::new();
            while let Some(&fl) = chars.get(i).filter(|c| "-+ #0".contains(**c)) {
                flags.push(fl);
                i += 1;
            }
            let mut next_arg = |me: &Rc<Self>| -> PyResult<Value> {
                let v = items
                    .get(k)
                    .cloned()
                    .ok_or_else(|| me.type_error("not enough arguments for format string"))?;
                k += 1;
                Ok(v)
            };
            let mut width = 0usize;
            if chars.get(i) == Some(&'*') {
                i += 1;
                match next_arg(self)? {
                    Value::Int(n) => {
                        if n < 0 {
                            flags.push('-');
                        }
                        width = n.unsigned_abs() as usize;
                    }
                    _ => return Err(self.type_error("* wants int")),
                }
            } else {
                while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                    width = width * 10 + d as usize;
                    i += 1;
                }
            }
            let mut prec: Option<usize> = None;
            if chars.get(i) == Some(&'.') {
                i += 1;
                if chars.get(i) == Some(&'*') {
                    i += 1;
                    match next_arg(self)? {
                        Value::Int(n) => prec = Some(n.max(0) as usize),
                        _ => return Err(self.type_error("* wants int")),
                    }
                } else {
                    let mut p = 0usize;
                    while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                        p = p * 10 + d as usize;
                        i += 1;
                    }
                    prec = Some(p);
                }
            }
            while chars.get(i).is_some_and(|c| "hlL".contains(*c)) {
                i += 1;
            }
            let Some(&conv) = chars.get(i) else {
                return Err(self.value_error("incomplete format"));
            };
            i += 1;
            if conv == '%' {
                out.push('%');
                continue;
            }
            let arg = match &key {
                Some(key) => {
                    if !mapping {
                        return Err(self.type_error("format requires a mapping"));
                    }
                    used_key = true;
                    self.getitem(args, &Value::str(key.as_str())).await?
                }
                None => next_arg(self)?,
            };
            let left = flags.contains('-');
            let sign = if flags.contains('+') {
                "+"
            } else if flags.contains(' ') {
                " "
            } else {
                ""
            };
            let zero = flags.contains('0') && !left;
            let alt = if flags.contains('#') { "#" } else { "" };
            let numeric = |me: &Rc<Self>, conv: char| -> PyResult<vops::Num> {
                if let Value::BigInt(b) = &arg {
                    return bigint::to_f64(b)
                        .map(vops::Num::F)
                        .map_err(|(cls, msg)| me.err(cls, msg));
                }
                vops::num(&arg).ok_or_else(|| {
                    me.type_error(format!(
                        "%{conv} format: a real number is required, not {}",
                        me.type_name(&arg)
                    ))
                })
            };
            // Numbers go through the format-spec code: `%-+08.3f` is `<+8.3f`, `%08.3f` is `08.3f`.
            let align = if left { "<" } else { "" };
            let zpad = if zero { "0" } else { "" };
            let wspec = if width > 0 {
                width.to_string()
            } else {
                String::new()
            };
            let piece = match conv {
                's' | 'r' | 'a' => {
                    let mut s = if conv == 's' {
                        self.str_of(&arg).await?
                    } else {
                        self.repr_of(&arg).await?
                    };
                    if let Some(p) = prec {
                        s = s.chars().take(p).collect();
                    }
                    let n = s.chars().count();
                    if n < width {
                        if left {
                            s.push_str(&" ".repeat(width - n));
                        } else {
                            s = " ".repeat(width - n) + &s;
                        }
                    }
                    s
                }
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' if matches!(arg, Value::BigInt(_)) => {
                    let Value::BigInt(b) = &arg else {
                        unreachable!("matched as a big int")
                    };
                    let (kind, alt) = match conv {
                        'x' | 'X' | 'o' => (conv, alt),
                        _ => {
                            bigint::to_decimal(b).map_err(|(cls, msg)| self.err(cls, msg))?;
                            ('d', "")
                        }
                    };
                    let spec = format!("{align}{sign}{alt}{zpad}{wspec}{kind}");
                    fmt::format_big_int(b, &spec).map_err(|m| self.value_error(m))?
                }
                'd' | 'i' | 'u' => {
                    let n = match &arg {
                        Value::Int(n) => *n,
                        Value::Bool(b) => *b as i64,
                        _ => numeric(self, conv)?.f().trunc() as i64,
                    };
                    let mut spec = format!("{align}{sign}{zpad}{wspec}d");
                    if let Some(p) = prec {
                        // %.3d pads the digits to 3 (rare): done by hand.
                        let digits = format!("{:0p$}", n.unsigned_abs());
                        let s = format!("{}{digits}", if n < 0 { "-" } else { sign });
                        spec = format!("{}{wspec}s", if left { "<" } else { ">" });
                        fmt::format_str(&s, &spec).map_err(|m| self.value_error(m))?
                    } else {
                        fmt::format_int(n, &spec).map_err(|m| self.value_error(m))?
                    }
                }
                'x' | 'X' | 'o' => {
                    let n = match &arg {
                        Value::Int(n) => *n,
                        Value::Bool(b) => *b as i64,
                        _ => {
                            return Err(self.type_error(format!(
                                "%{conv} format: an integer is required, not {}",
                                self.type_name(&arg)
                            )));
                        }
                    };
                    let spec = format!("{align}{sign}{alt}{zpad}{wspec}{conv}");
                    fmt::format_int(n, &spec).map_err(|m| self.value_error(m))?
                }
                'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                    let x = numeric(self, conv)?.f();
                    let p = prec.unwrap_or(6);
                    let spec = format!("{align}{sign}{alt}{zpad}{wspec}.{p}{conv}");
                    fmt::format_float(x, &spec).map_err(|m| self.value_error(m))?
                }
                'c' => {
                    let s = match &arg {
                        Value::Int(n) => {
                            char::from_u32(*n as u32).map(String::from).ok_or_else(|| {
                                self.err("OverflowError", "%c arg not in range(0x110000)")
                            })?
                        }
                        Value::Str(s) if s.chars().count() == 1 => s.to_string(),
                        _ => return Err(self.type_error("%c requires int or char")),
                    };
                    fmt::format_str(&s, &format!("{}{wspec}", if left { "<" } else { ">" }))
                        .map_err(|m| self.value_error(m))?
                }
                _ => {
                    return Err(self.value_error(format!(
                        "unsupported format character '{conv}' (0x{:x}) at index {}",
                        conv as u32,
                        i - 1
                    )));
                }
            };
            out.push_str(&piece);
        }
        let converted_all = match args {
            Value::Tuple(_) => k >= items.len(),
            // A lone non-mapping argument must be used (`'abc' % 5` is an error).
            Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::Bool(_)
            | Value::None => k >= 1,
            _ => true,
        };
        if !converted_all && !used_key {
            return Err(self.type_error("not all arguments converted during string formatting"));
        }
        Ok(out)
    }

    /// Equality, running `__eq__` where defined.
    pub(crate) async fn eq(self: &Rc<Self>, a: &Value, b: &Value) -> PyResult<bool> {
        let (a, b) = (
            self.inherited(a, &["__eq__"]),
            self.inherited(b, &["__eq__"]),
        );
        // A dict's keys or items equal a set (or another such view) with the same members.
        if (is_set_view(a) || is_set_view(b))
            && let (Some(x), Some(y)) = (self.set_view(a).await?, self.set_view(b).await?)
        {
            let (x, y) = (x.borrow(), y.borrow());
            return Ok(x.len() == y.len() && set_order_holds(CmpOp::LtE, &x, &y));
        }
        if let Some(r) = eq_fast(a, b) {
            return Ok(r);
        }
        for (x, y) in [(a, b), (b, a)] {
            if let Value::Instance(inst) = x
                && let Some(f) = inst.class.lookup("__eq__")
            {
                let r = self.call(f, Args::new(vec![x.clone(), y.clone()])).await?;
                if !matches!(r, Value::NotImplemented) {
                    return self.truthy(&r).await;
                }
            }
        }
        // Neither side's own `__eq__` decided: a list, tuple or dict subclass compares as one.
        let (a, b) = (self.unwrapped(a), self.unwrapped(b));
        match (a, b) {
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.eq_items(&x, &y).await
            }
            (Value::Tuple(x), Value::Tuple(y)) => self.eq_items(x, y).await,
            (Value::Dict(x), Value::Dict(y)) => {
                let (x, y) = (x.clone(), y.clone());
                let pairs: Vec<(Value, Value)> = x
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                if pairs.len() != y.borrow().len() {
                    return Ok(false);
                }
                for (k, v) in pairs {
                    let h = self.hash_key(&k).await?;
                    let Some(w) = y.borrow().get_key(&h).cloned() else {
                        return Ok(false);
                    };
                    if !v.is_same(&w) && !Box::pin(self.eq(&v, &w)).await? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            (Value::Set(x), Value::Set(y)) => {
                let keys = x.borrow().keys();
                if keys.len() != y.borrow().len() {
                    return Ok(false);
                }
                for k in keys {
                    let h = self.hash_key(&k).await?;
                    if !y.borrow().contains_key(&h) {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            (Value::Native(x), Value::Native(y)) => match (&**x, &**y) {
                // `list[int] == list[int]`
                (
                    NativeObj::GenericAlias { origin, args },
                    NativeObj::GenericAlias {
                        origin: origin2,
                        args: args2,
                    },
                ) => Ok(origin.is_same(origin2) && self.eq_items(args, args2).await?),
                // `int | None == None | int`: a union is a set of types.
                (NativeObj::UnionType(m), NativeObj::UnionType(n)) => {
                    Ok(self.covers(m, n).await? && self.covers(n, m).await?)
                }
                _ => Ok(a.is_same(b)),
            },
            _ => Ok(a.is_same(b)),
        }
    }

    /// Two sequences' items are equal pairwise (an item is equal to itself, as in CPython's
    /// containers, whatever its `__eq__` says).
    async fn eq_items(self: &Rc<Self>, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (p, q) in x.iter().zip(y) {
            if !p.is_same(q) && !Box::pin(self.eq(p, q)).await? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Every member of `m` equals some member of `n`.
    async fn covers(self: &Rc<Self>, m: &[Value], n: &[Value]) -> PyResult<bool> {
        for t in m {
            let mut found = false;
            for u in n {
                if t.is_same(u) || Box::pin(self.eq(t, u)).await? {
                    found = true;
                    break;
                }
            }
            if !found {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// A set, or a dict's keys or items seen as one (what `<=` and `&` compare as sets).
    async fn set_view(self: &Rc<Self>, v: &Value) -> PyResult<Option<Rc<RefCell<Dict>>>> {
        match v {
            Value::Set(d) => Ok(Some(d.clone())),
            _ if is_set_view(v) => Ok(Some(self.any_as_set(v).await?)),
            _ => Ok(None),
        }
    }

    /// The members of an iterable as a new set (a set itself as it is), to read.
    pub(crate) async fn any_as_set(self: &Rc<Self>, v: &Value) -> PyResult<Rc<RefCell<Dict>>> {
        if let Value::Set(d) = v {
            return Ok(d.clone());
        }
        let mut d = Dict::new();
        for x in self.collect(v).await? {
            let h = self.hash_key(&x).await?;
            d.insert_key(h, x, Value::None);
        }
        Ok(Rc::new(RefCell::new(d)))
    }

    /// One comparison `a op b`.
    pub(crate) async fn compare(
        self: &Rc<Self>,
        op: CmpOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<bool> {
        const ORDER: [&str; 4] = ["__lt__", "__le__", "__gt__", "__ge__"];
        // The operands as written, for the error's type names.
        let (written_a, written_b) = (a, b);
        let (a, b) = match op {
            CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE => {
                (self.inherited(a, &ORDER), self.inherited(b, &ORDER))
            }
            _ => (a, b),
        };
        match op {
            CmpOp::Is => Ok(a.is_same(b)),
            CmpOp::IsNot => Ok(!a.is_same(b)),
            CmpOp::Eq => self.eq(a, b).await,
            CmpOp::NotEq => Ok(!self.eq(a, b).await?),
            CmpOp::In => self.contains(b, a).await,
            CmpOp::NotIn => Ok(!self.contains(b, a).await?),
            _ => {
                if let Some(o) = vops::cmp_fast(a, b) {
                    return Ok(vops::ord_holds(op, o));
                }
                if vops::unordered_numbers(a, b) {
                    return Ok(false);
                }
                if let Some(r) = self.seq_compare_slow(op, a, b).await? {
                    return Ok(r);
                }
                if let (Some(x), Some(y)) = (self.set_view(a).await?, self.set_view(b).await?) {
                    return Ok(set_order_holds(op, &x.borrow(), &y.borrow()));
                }
                let (l, r) = match op {
                    CmpOp::Lt => ("__lt__", "__gt__"),
                    CmpOp::LtE => ("__le__", "__ge__"),
                    CmpOp::Gt => ("__gt__", "__lt__"),
                    _ => ("__ge__", "__le__"),
                };
                for (x, y, name) in [(a, b, l), (b, a, r)] {
                    if let Value::Instance(inst) = x
                        && let Some(f) = inst.class.lookup(name)
                    {
                        let res = self.call(f, Args::new(vec![x.clone(), y.clone()])).await?;
                        if !matches!(res, Value::NotImplemented) {
                            return self.truthy(&res).await;
                        }
                    }
                }
                Err(self.type_error(format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    self.type_name(written_a),
                    self.type_name(written_b)
                )))
            }
        }
    }

    fn seq_compare_slow<'a>(
        self: &'a Rc<Self>,
        op: CmpOp,
        a: &'a Value,
        b: &'a Value,
    ) -> Lbf<'a, PyResult<Option<bool>>> {
        Box::pin(async move {
            let (x, y): (Vec<Value>, Vec<Value>) = match (a, b) {
                (Value::List(x), Value::List(y)) => (x.borrow().clone(), y.borrow().clone()),
                (Value::Tuple(x), Value::Tuple(y)) => (x.to_vec(), y.to_vec()),
                _ => return Ok(None),
            };
            for (p, q) in x.iter().zip(y.iter()) {
                if !self.eq(p, q).await? {
                    return Ok(Some(self.compare(op, p, q).await?));
                }
            }
            Ok(Some(vops::ord_holds(op, x.len().cmp(&y.len()))))
        })
    }

    /// `item in container`.
    pub(crate) async fn contains(
        self: &Rc<Self>,
        container: &Value,
        item: &Value,
    ) -> PyResult<bool> {
        let container = self.inherited(container, &["__contains__"]);
        if let Some(r) = self
            .meta_dunder(container, "__contains__", std::slice::from_ref(item))
            .await?
        {
            return self.truthy(&r).await;
        }
        match container {
            Value::Bytes(b) => crate::builtins::bytes::contains(self, b, item),
            Value::ByteArray(b) => crate::builtins::bytes::contains(self, &b.borrow(), item),
            Value::Native(n) if matches!(&**n, NativeObj::Deque(_)) => {
                let NativeObj::Deque(items) = &**n else {
                    return Ok(false);
                };
                let items: Vec<Value> = items.borrow().iter().cloned().collect();
                for x in &items {
                    if x.is_same(item) || self.eq(x, item).await? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.contains(&**sub)),
                _ => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Value::Dict(d) | Value::Set(d) => {
                let h = self.hash_key(item).await?;
                Ok(d.borrow().contains_key(&h))
            }
            Value::Native(n) if matches!(&**n, NativeObj::DictView { kind: 0, .. }) => {
                let h = self.hash_key(item).await?;
                match &**n {
                    NativeObj::DictView { dict, .. } => Ok(dict.borrow().contains_key(&h)),
                    _ => Ok(false),
                }
            }
            Value::Range(r) => Ok(match item {
                Value::Int(i) => {
                    let [start, stop, step] = **r;
                    if step > 0 {
                        *i >= start && *i < stop && (i - start) % step == 0
                    } else {
                        *i <= start && *i > stop && (start - i) % (-step) == 0
                    }
                }
                _ => false,
            }),
            Value::Instance(inst) if inst.class.lookup("__contains__").is_some() => {
                let f = inst.class.lookup("__contains__").unwrap_or_default();
                let r = self
                    .call(f, Args::new(vec![container.clone(), item.clone()]))
                    .await?;
                self.truthy(&r).await
            }
            _ => {
                let iterable = match container {
                    Value::None
                    | Value::Bool(_)
                    | Value::Int(_)
                    | Value::BigInt(_)
                    | Value::Float(_)
                    | Value::Func(_)
                    | Value::Builtin(_)
                    | Value::Method(_)
                    | Value::Module(_)
                    | Value::Ellipsis
                    | Value::NotImplemented => false,
                    Value::Instance(inst) => {
                        inst.class.lookup("__iter__").is_some()
                            || inst.class.lookup("__getitem__").is_some()
                    }
                    _ => true,
                };
                if !iterable {
                    return Err(self.type_error(format!(
                        "argument of type '{}' is not iterable",
                        self.type_name(container)
                    )));
                }
                let items = self.collect(container).await?;
                for x in &items {
                    if self.eq(x, item).await? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// What `__len__` returned, as `len()` checks it.
    fn len_result(&self, n: Value) -> PyResult<usize> {
        match n {
            Value::Int(i) if i >= 0 => Ok(i as usize),
            Value::Bool(b) => Ok(b as usize),
            Value::Int(_) => Err(self.value_error("__len__() should return >= 0")),
            other => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(&other)
            ))),
        }
    }

    /// `len(v)`.
    pub(crate) async fn len_of(self: &Rc<Self>, v: &Value) -> PyResult<usize> {
        let v = self.inherited(v, &["__len__"]);
        if let Some(n) = self.meta_dunder(v, "__len__", &[]).await? {
            return self.len_result(n);
        }
        Ok(match v {
            Value::Str(s) => s.chars().count(),
            Value::Bytes(b) => b.len(),
            Value::ByteArray(b) => b.borrow().len(),
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) | Value::Set(d) => d.borrow().len(),
            Value::Range(r) => vops::range_len(r) as usize,
            Value::Native(n)
                if matches!(&**n, NativeObj::DictView { .. } | NativeObj::Deque(_)) =>
            {
                match &**n {
                    NativeObj::DictView { dict, .. } => dict.borrow().len(),
                    NativeObj::Deque(items) => items.borrow().len(),
                    _ => 0,
                }
            }
            Value::Instance(inst) if inst.class.lookup("__len__").is_some() => {
                let f = inst.class.lookup("__len__").unwrap_or_default();
                let n = self.call(f, Args::new(vec![v.clone()])).await?;
                self.len_result(n)?
            }
            _ => {
                return Err(self.type_error(format!(
                    "object of type '{}' has no len()",
                    self.type_name(v)
                )));
            }
        })
    }

    /// An object of the program's as an integer, by its `__index__` (`None` for any other
    /// value but an int or a bool).
    pub(crate) async fn index_of(self: &Rc<Self>, v: &Value) -> PyResult<Option<i64>> {
        match v {
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(i64::from(*b))),
            Value::Instance(inst) => match inst.class.lookup_own("__index__") {
                Some(f) => match self.call(f, Args::new(vec![v.clone()])).await? {
                    Value::Int(i) => Ok(Some(i)),
                    other => Err(self.type_error(format!(
                        "__index__ returned non-int (type {})",
                        self.type_name(&other)
                    ))),
                },
                // A subclass of int is its value.
                None => match &inst.items {
                    Some(Value::Int(i)) => Ok(Some(*i)),
                    _ => Ok(None),
                },
            },
            _ => Ok(None),
        }
    }

    /// `obj[index]`.
    pub(crate) async fn getitem(self: &Rc<Self>, obj: &Value, index: &Value) -> PyResult {
        // A sequence indexed by an object with `__index__`.
        if let Value::Instance(inst) = index
            && matches!(
                obj,
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_)
            )
            && (inst.class.lookup_own("__index__").is_some()
                || matches!(inst.items, Some(Value::Int(_))))
            && let Some(i) = self.index_of(index).await?
        {
            return Box::pin(self.getitem(obj, &Value::Int(i))).await;
        }
        if let Some(r) = self
            .meta_dunder(obj, "__getitem__", std::slice::from_ref(index))
            .await?
        {
            return Ok(r);
        }
        let items = self.inherited(obj, &["__getitem__"]);
        if items.is_same(obj) {
            return self.getitem_plain(obj, index).await;
        }
        let found = self.getitem_plain(items, index).await;
        // A dict subclass's `__missing__` answers for a key it lacks (defaultdict, Counter).
        if let (Err(e), Value::Instance(inst)) = (&found, obj)
            && matches!(items, Value::Dict(_))
            && self.exc_is(e, "KeyError")
            && let Some(missing) = inst.class.lookup("__missing__")
        {
            return self
                .call(missing, Args::new(vec![obj.clone(), index.clone()]))
                .await;
        }
        found
    }

    async fn getitem_plain(self: &Rc<Self>, obj: &Value, index: &Value) -> PyResult {
        match (obj, index) {
            (Value::ByteArray(ba), _) => crate::builtins::bytearray::get(self, ba, index),
            (Value::Native(n), Value::Int(i)) if matches!(&**n, NativeObj::Deque(_)) => {
                let NativeObj::Deque(items) = &**n else {
                    return Ok(Value::None);
                };
                let items = items.borrow();
                match vops::norm_index(*i, items.len()) {
                    Some(j) => Ok(items[j].clone()),
                    None => Err(self.err("IndexError", "deque index out of range")),
                }
            }
            (Value::List(l), Value::Int(i)) => {
                let l = l.borrow();
                match vops::norm_index(*i, l.len()) {
                    Some(j) => Ok(l[j].clone()),
                    None => Err(self.err("IndexError", "list index out of range")),
                }
            }
            (Value::Tuple(t), Value::Int(i)) => match vops::norm_index(*i, t.len()) {
                Some(j) => Ok(t[j].clone()),
                None => Err(self.err("IndexError", "tuple index out of range")),
            },
            (Value::Str(s), Value::Int(i)) => {
                let n = s.chars().count();
                match vops::norm_index(*i, n) {
                    Some(j) => Ok(Value::str(
                        s.chars().nth(j).map(|c| c.to_string()).unwrap_or_default(),
                    )),
                    None => Err(self.err("IndexError", "string index out of range")),
                }
            }
            (Value::Bytes(b), Value::Int(i)) => match vops::norm_index(*i, b.len()) {
                Some(j) => Ok(Value::Int(i64::from(b[j]))),
                None => Err(self.err("IndexError", "index out of range")),
            },
            (Value::Range(r), Value::Int(i)) => {
                let n = vops::range_len(r) as usize;
                match vops::norm_index(*i, n) {
                    Some(j) => Ok(Value::Int(r[0] + r[2] * j as i64)),
                    None => Err(self.err("IndexError", "range object index out of range")),
                }
            }
            (
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_),
                Value::Bool(b),
            ) => Box::pin(self.getitem(obj, &Value::Int(*b as i64))).await,
            (
                Value::List(_)
                | Value::Tuple(_)
                | Value::Str(_)
                | Value::Bytes(_)
                | Value::Range(_),
                Value::Slice(sl),
            ) => self.slice_get(obj, sl),
            (Value::Bytes(_), _) => Err(self.type_error(format!(
                "byte indices must be integers or slices, not {}",
                self.type_name(index)
            ))),
            (Value::Dict(d), _) => {
                let h = self.hash_key(index).await?;
                match d.borrow().get_key(&h) {
                    Some(v) => Ok(v.clone()),
                    None => Err(self.new_exc(&self.t.by_name("KeyError"), vec![index.clone()])),
                }
            }
            (Value::Instance(inst), _) if inst.class.lookup("__getitem__").is_some() => {
                let f = inst.class.lookup("__getitem__").unwrap_or_default();
                self.call(f, Args::new(vec![obj.clone(), index.clone()]))
                    .await
            }
            (Value::Class(c), _) => {
                // A class's own `__class_getitem__` (implicitly a class method), else the
                // generic aliases CPython has (`list[int]`).
                if let Some(getitem) = c.lookup("__class_getitem__") {
                    return self
                        .call_class_hook(getitem, c, Args::new(vec![index.clone()]))
                        .await;
                }
                match self.generic_alias(c, index) {
                    Some(alias) => Ok(alias),
                    None => Err(self.type_error(format!("type '{}' is not subscriptable", c.name))),
                }
            }
            (Value::Native(n), _) if matches!(&**n, NativeObj::GenericAlias { .. }) => {
                // `dict[str, V][int]` and the like are rare: a parameterised alias stays as is.
                Ok(obj.clone())
            }
            (Value::Str(_) | Value::List(_) | Value::Tuple(_), Value::BigInt(_)) => {
                Err(self.err("IndexError", "cannot fit 'int' into an index-sized integer"))
            }
            (Value::Str(_), _) => Err(self.type_error(format!(
                "string indices must be integers, not '{}'",
                self.type_name(index)
            ))),
            (Value::List(_) | Value::Tuple(_), _) => Err(self.type_error(format!(
                "{} indices must be integers or slices, not {}",
                self.type_name(obj),
                self.type_name(index)
            ))),
            _ => Err(self.type_error(format!(
                "'{}' object is not subscriptable",
                self.type_name(obj)
            ))),
        }
    }

    pub(crate) fn slice_bounds(&self, sl: &[Value; 3], len: usize) -> PyResult<(i64, i64, i64)> {
        let conv = |v: &Value| -> PyResult<Option<i64>> {
            match v {
                Value::None => Ok(None),
                Value::Int(i) => Ok(Some(*i)),
                Value::Bool(b) => Ok(Some(*b as i64)),
                // Past any length: the bound is clamped, as CPython's is.
                Value::BigInt(b) => Ok(Some(if b.sign() == num_bigint::Sign::Minus {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                })),
                _ => Err(self.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            }
        };
        vops::slice_indices(conv(&sl[0])?, conv(&sl[1])?, conv(&sl[2])?, len)
            .map_err(|(c, m)| self.err(c, m))
    }

    fn slice_get(&self, obj: &Value, sl: &[Value; 3]) -> PyResult {
        match obj {
            Value::List(l) => {
                let l = l.borrow();
                let (a, b, c) = self.slice_bounds(sl, l.len())?;
                Ok(Value::list(
                    vops::slice_positions(a, b, c)
                        .into_iter()
                        .map(|i| l[i].clone())
                        .collect(),
                ))
            }
            Value::Tuple(t) => {
                let (a, b, c) = self.slice_bounds(sl, t.len())?;
                Ok(Value::tuple(
                    vops::slice_positions(a, b, c)
                        .into_iter()
                        .map(|i| t[i].clone())
                        .collect(),
                ))
            }
            Value::Str(s) => {
                let chars: Vec<char> = s.chars().collect();
                let (a, b, c) = self.slice_bounds(sl, chars.len())?;
                Ok(Value::str(
                    vops::slice_positions(a, b, c)
                        .into_iter()
                        .map(|i| chars[i])
                        .collect::<String>(),
                ))
            }
            Value::Bytes(bytes) => {
                let (a, b, c) = self.slice_bounds(sl, bytes.len())?;
                Ok(Value::Bytes(
                    vops::slice_positions(a, b, c)
                        .into_iter()
                        .map(|i| bytes[i])
                        .collect(),
                ))
            }
            Value::Range(r) => {
                let n = vops::range_len(r) as usize;
                let (a, b, c) = self.slice_bounds(sl, n)?;
                let start = r[0] + r[2] * a;
                let stop = r[0] + r[2] * b;
                Ok(Value::Range(Rc::new([start, stop, r[2] * c])))
            }
            _ => Err(self.type_error("unsliceable")),
        }
    }

    /// `obj[index] = value`.
    pub(crate) async fn setitem(
        self: &Rc<Self>,
        obj: &Value,
        index: &Value,
        value: Value,
    ) -> PyResult<()> {
        let obj = self.inherited(obj, &["__setitem__"]);
        match obj {
            Value::ByteArray(ba) => crate::builtins::bytearray::set(self, ba, index, &value).await,
            Value::List(l) => match index {
                Value::Int(i) => {
                    let mut l = l.borrow_mut();
                    match vops::norm_index(*i, l.len()) {
                        Some(j) => {
                            l[j] = value;
                            Ok(())
                        }
                        None => Err(self.err("IndexError", "list assignment index out of range")),
                    }
                }
                Value::Slice(sl) => {
                    let items = self.collect(&value).await?;
                    let len = l.borrow().len();
                    let (a, b, c) = self.slice_bounds(sl, len)?;
                    if c != 1 {
                        return Err(self.unsupported(Missing::ExtendedSliceAssignment));
                    }
                    let b = b.max(a);
                    l.borrow_mut().splice(a as usize..b as usize, items);
                    Ok(())
                }
                Value::BigInt(_) => {
                    Err(self.err("IndexError", "cannot fit 'int' into an index-sized integer"))
                }
                _ => Err(self.type_error(format!(
                    "list indices must be integers or slices, not {}",
                    self.type_name(index)
                ))),
            },
            Value::Dict(d) => {
                let h = self.hash_key(index).await?;
                self.alloc(1)?;
                d.borrow_mut().insert_key(h, index.clone(), value);
                Ok(())
            }
            Value::Instance(inst) if inst.class.lookup("__setitem__").is_some() => {
                let f = inst.class.lookup("__setitem__").unwrap_or_default();
                self.call(f, Args::new(vec![obj.clone(), index.clone(), value]))
                    .await?;
                Ok(())
            }
            _ => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(obj)
            ))),
        }
    }

    /// `del obj[index]`.
    pub(crate) async fn delitem(self: &Rc<Self>, obj: &Value, index: &Value) -> PyResult<()> {
        let obj = self.inherited(obj, &["__delitem__"]);
        match obj {
            Value::ByteArray(ba) => crate::builtins::bytearray::delete(self, ba, index).await,
            Value::List(l) => match index {
                Value::Int(i) => {
                    let mut l = l.borrow_mut();
                    match vops::norm_index(*i, l.len()) {
                        Some(j) => {
                            let removed = l.remove(j);
                            drop(l);
                            drop(removed);
                            Ok(())
                        }
                        None => Err(self.err("IndexError", "list assignment index out of range")),
                    }
                }
                Value::Slice(sl) => {
                    let len = l.borrow().len();
                    let (a, b, c) = self.slice_bounds(sl, len)?;
                    let mut pos = vops::slice_positions(a, b, c);
                    pos.sort_unstable();
                    let removed: Vec<Value> = {
                        let mut l = l.borrow_mut();
                        pos.iter().rev().map(|&i| l.remove(i)).collect()
                    };
                    drop(removed);
                    Ok(())
                }
                _ => Err(self.type_error("list indices must be integers or slices")),
            },
            Value::Dict(d) => {
                let h = self.hash_key(index).await?;
                let removed = d.borrow_mut().remove_key(&h);
                match removed {
                    Some(pair) => {
                        drop(pair);
                        Ok(())
                    }
                    None => Err(self.new_exc(&self.t.by_name("KeyError"), vec![index.clone()])),
                }
            }
            Value::Instance(inst) if inst.class.lookup("__delitem__").is_some() => {
                let f = inst.class.lookup("__delitem__").unwrap_or_default();
                self.call(f, Args::new(vec![obj.clone(), index.clone()]))
                    .await?;
                Ok(())
            }
            _ => Err(self.type_error(format!(
                "'{}' object doesn't support item deletion",
                self.type_name(obj)
            ))),
        }
    }

    /// `iter(v)`: an iterator value (native iterator, generator, or `__iter__` result).
    pub(crate) async fn iter_of(self: &Rc<Self>, v: &Value) -> PyResult {
        let v = self.inherited(v, &["__iter__"]);
        if let Some(iterator) = self.meta_dunder(v, "__iter__", &[]).await? {
            return Ok(iterator);
        }
        let st = match v {
            Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::ByteArray(_) => IterState::Seq {
                seq: v.clone(),
                idx: 0,
            },
            Value::Range(r) => IterState::Range {
                cur: r[0],
                stop: r[1],
                step: r[2],
            },
            Value::Dict(d) => IterState::DictView {
                dict: v.clone(),
                raw: 0,
                kind: 0,
                len: d.borrow().len(),
            },
            Value::Set(d) => IterState::SetVals {
                set: d.clone(),
                items: d.borrow().set_keys().into(),
                idx: 0,
                len: d.borrow().len(),
            },
            Value::Iter(_) => return Ok(v.clone()),
            Value::Native(n) if matches!(&**n, NativeObj::Deque(_)) => {
                let NativeObj::Deque(items) = &**n else {
                    return Ok(Value::None);
                };
                IterState::Vals {
                    name: "_collections._deque_iterator",
                    items: items.borrow().iter().cloned().collect(),
                    idx: 0,
                }
            }
            Value::Native(n) if matches!(&**n, NativeObj::DictView { .. }) => {
                let NativeObj::DictView { dict, kind } = &**n else {
                    return Ok(Value::None);
                };
                let len = dict.borrow().len();
                IterState::DictView {
                    dict: Value::Dict(dict.clone()),
                    raw: 0,
                    kind: *kind,
                    len,
                }
            }
            Value::Coro(c) if c.kind == CoroKind::Generator => return Ok(v.clone()),
            Value::Instance(inst) => {
                if let Some(f) = inst.class.lookup("__iter__") {
                    let it = self.call(f, Args::new(vec![v.clone()])).await?;
                    let is_iterator = match &it {
                        Value::Iter(_) => true,
                        Value::Coro(c) => c.kind == CoroKind::Generator,
                        Value::Instance(i) => i.class.lookup("__next__").is_some(),
                        _ => false,
                    };
                    if !is_iterator {
                        return Err(self.type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            self.type_name(&it)
                        )));
                    }
                    return Ok(it);
                }
                if inst.class.lookup("__next__").is_some() {
                    return Ok(v.clone());
                }
                if inst.class.lookup("__getitem__").is_some() {
                    return Ok(Value::Iter(Rc::new(RefCell::new(IterState::GetItem {
                        obj: v.clone(),
                        idx: 0,
                    }))));
                }
                return Err(
                    self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                );
            }
            _ => {
                return Err(
                    self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                );
            }
        };
        Ok(Value::Iter(Rc::new(RefCell::new(st))))
    }

    /// The iterator kinds that need no Python code; `Err(state)` hands the state of a
    /// lazy iterator (map, filter, zip, ...) to the async path.
    #[allow(clippy::type_complexity)]
    fn iter_next_fast(
        &self,
        st: &RefCell<IterState>,
    ) -> PyResult<Result<Option<Value>, IterState>> {
        let mut s = st.borrow_mut();
        match &mut *s {
            IterState::Seq { seq, idx } => {
                let item = match seq {
                    Value::List(l) => l.borrow().get(*idx).cloned(),
                    Value::Tuple(t) => t.get(*idx).cloned(),
                    Value::Bytes(b) => b.get(*idx).map(|byte| Value::Int(i64::from(*byte))),
                    Value::ByteArray(b) => b
                        .borrow()
                        .get(*idx)
                        .map(|byte| Value::Int(i64::from(*byte))),
                    Value::Str(x) => {
                        // Index by chars; ASCII fast path.
                        if x.is_ascii() {
                            x.get(*idx..*idx + 1).map(Value::str)
                        } else {
                            x.chars().nth(*idx).map(|c| Value::str(c.to_string()))
                        }
                    }
                    _ => None,
                };
                *idx += 1;
                if item.is_none() {
                    *s = IterState::Done(s.type_name());
                }
                return Ok(Ok(item));
            }
            IterState::Range { cur, stop, step } => {
                if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                    let v = *cur;
                    *cur += *step;
                    return Ok(Ok(Some(Value::Int(v))));
                }
                return Ok(Ok(None));
            }
            IterState::DictView {
                dict,
                raw,
                kind,
                len,
            } => {
                let Value::Dict(d) = dict else {
                    return Ok(Ok(None));
                };
                let d = d.borrow();
                if d.len() != *len {
                    return Err(self.runtime_error("dictionary changed size during iteration"));
                }
                loop {
                    match d.entry_at(*raw) {
                        None => return Ok(Ok(None)),
                        Some(None) => *raw += 1,
                        Some(Some((k, v))) => {
                            *raw += 1;
                            return Ok(Ok(Some(match kind {
                                0 => k.clone(),
                                1 => v.clone(),
                                _ => Value::tuple(vec![k.clone(), v.clone()]),
                            })));
                        }
                    }
                }
            }
            IterState::Vals { items, idx, .. } => {
                let item = items.get(*idx).cloned();
                *idx += 1;
                return Ok(Ok(item));
            }
            IterState::SetVals {
                set,
                items,
                idx,
                len,
            } => {
                if set.borrow().len() != *len {
                    return Err(self.runtime_error("Set changed size during iteration"));
                }
                let item = items.get(*idx).cloned();
                *idx += 1;
                return Ok(Ok(item));
            }
            IterState::Done(_) => return Ok(Ok(None)),
            _ => {}
        }
        let name = s.type_name();
        Ok(Err(std::mem::replace(&mut *s, IterState::Done(name))))
    }

    /// `next(iterator)`: `Ok(None)` when exhausted.
    pub(crate) async fn next_of(self: &Rc<Self>, iter: &Value) -> PyResult<Option<Value>> {
        // Lists, tuples, ranges, dicts...: the next item is at hand, no boxed future needed.
        if let Value::Iter(st) = iter {
            match self.iter_next_fast(st)? {
                Ok(item) => return Ok(item),
                Err(taken) => return Box::pin(self.next_lazy_into(st, taken)).await,
            }
        }
        self.next_slow(iter).await
    }

    /// [`Self::next_of`] for generators and iterator classes (boxed: it runs Python code).
    fn next_slow<'a>(self: &'a Rc<Self>, iter: &'a Value) -> Lbf<'a, PyResult<Option<Value>>> {
        Box::pin(async move {
            match iter {
                Value::Iter(st) => match self.iter_next_fast(st)? {
                    Ok(item) => Ok(item),
                    Err(taken) => self.next_lazy_into(st, taken).await,
                },
                Value::Coro(c) if c.kind == CoroKind::Generator => self.gen_next(c, None).await,
                Value::Instance(inst) => {
                    let Some(f) = inst.class.lookup("__next__") else {
                        return Err(self.type_error(format!(
                            "'{}' object is not an iterator",
                            self.type_name(iter)
                        )));
                    };
                    match self.call(f, Args::new(vec![iter.clone()])).await {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if self.exc_is(&e, "StopIteration") => Ok(None),
                        Err(e) => Err(e),
                    }
                }
                _ => Err(self.type_error(format!(
                    "'{}' object is not an iterator",
                    self.type_name(iter)
                ))),
            }
        })
    }

    async fn next_lazy_into(
        self: &Rc<Self>,
        cell: &RefCell<IterState>,
        st: IterState,
    ) -> PyResult<Option<Value>> {
        let (result, back) = self.next_lazy(st).await;
        *cell.borrow_mut() = back;
        result
    }

    /// `zip(strict=True)` when argument `n` (from 0) ran out: CPython's ValueError, unless
    /// every argument ended together.
    async fn zip_mismatch(self: &Rc<Self>, iters: &[Value], n: usize) -> PyResult<Option<Value>> {
        let span = |k: usize| {
            if k == 1 {
                " 1".to_string()
            } else {
                format!("s 1-{k}")
            }
        };
        if n > 0 {
            return Err(self.value_error(format!(
                "zip() argument {} is shorter than argument{}",
                n + 1,
                span(n)
            )));
        }
        for (k, other) in iters.iter().enumerate().skip(1) {
            if self.next_of(other).await?.is_some() {
                return Err(self.value_error(format!(
                    "zip() argument {} is longer than argument{}",
                    k + 1,
                    span(k)
                )));
            }
        }
        Ok(None)
    }

    async fn next_lazy(self: &Rc<Self>, st: IterState) -> (PyResult<Option<Value>>, IterState) {
        match st {
            IterState::CoroWrapper(c) => {
                let step = self.gen_resume(&c, None).await;
                let result = step.map(|step| match step {
                    super::drive::GenStep::Yielded(v) => Some(v),
                    super::drive::GenStep::Returned(_) => None,
                });
                (result, IterState::CoroWrapper(c))
            }
            IterState::Enumerate { inner, count } => match self.next_of(&inner).await {
                Ok(Some(v)) => (
                    Ok(Some(Value::tuple(vec![Value::Int(count), v]))),
                    IterState::Enumerate {
                        inner,
                        count: count + 1,
                    },
                ),
                other => (other, IterState::Done("enumerate")),
            },
            IterState::Zip { iters, strict } => {
                let mut items = Vec::with_capacity(iters.len());
                for (n, i) in iters.iter().enumerate() {
                    match self.next_of(i).await {
                        Ok(Some(v)) => items.push(v),
                        Ok(None) if strict => {
                            return (self.zip_mismatch(&iters, n).await, IterState::Done("zip"));
                        }
                        other => return (other.map(|_| None), IterState::Done("zip")),
                    }
                }
                (
                    Ok(Some(Value::tuple(items))),
                    IterState::Zip { iters, strict },
                )
            }
            IterState::Map { func, iters } => {
                let mut items = Vec::with_capacity(iters.len());
                for i in &iters {
                    match self.next_of(i).await {
                        Ok(Some(v)) => items.push(v),
                        other => return (other.map(|_| None), IterState::Done("map")),
                    }
                }
                let r = self.call(func.clone(), Args::new(items)).await;
                match r {
                    Ok(v) => (Ok(Some(v)), IterState::Map { func, iters }),
                    Err(e) => (Err(e), IterState::Map { func, iters }),
                }
            }
            IterState::Filter { func, inner } => loop {
                match self.next_of(&inner).await {
                    Ok(Some(v)) => {
                        let keep = if matches!(func, Value::None) {
                            self.truthy(&v).await
                        } else {
                            match self.call(func.clone(), Args::new(vec![v.clone()])).await {
                                Ok(r) => self.truthy(&r).await,
                                Err(e) => Err(e),
                            }
                        };
                        match keep {
                            Ok(true) => return (Ok(Some(v)), IterState::Filter { func, inner }),
                            Ok(false) => continue,
                            Err(e) => return (Err(e), IterState::Filter { func, inner }),
                        }
                    }
                    other => return (other, IterState::Done("filter")),
                }
            },
            IterState::GetItem { obj, idx } => match self.getitem(&obj, &Value::Int(idx)).await {
                Ok(v) => (Ok(Some(v)), IterState::GetItem { obj, idx: idx + 1 }),
                Err(e) if self.exc_is(&e, "IndexError") || self.exc_is(&e, "StopIteration") => {
                    (Ok(None), IterState::Done("iterator"))
                }
                Err(e) => (Err(e), IterState::Done("iterator")),
            },
            other => (Ok(None), other),
        }
    }

    /// Materialises any iterable into a vector.
    pub(crate) async fn collect(self: &Rc<Self>, v: &Value) -> PyResult<Vec<Value>> {
        let v = self.inherited(v, &["__iter__"]);
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            Value::Dict(d) => return Ok(d.borrow().keys()),
            Value::Set(d) => return Ok(d.borrow().set_keys()),
            Value::Range(r) => {
                let n = vops::range_len(r).max(0) as usize;
                self.alloc(n)?;
                return Ok((0..n).map(|i| Value::Int(r[0] + r[2] * i as i64)).collect());
            }
            _ => {}
        }
        let it = self.iter_of(v).await?;
        let mut out = Vec::new();
        while let Some(x) = self.next_of(&it).await? {
            self.alloc(1)?;
            out.push(x);
            if out.len() % 64 == 0 {
                self.step().await?;
            }
        }
        Ok(out)
    }
}

fn dunder_names(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mult => ("__mul__", "__rmul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::BitOr => ("__or__", "__ror__"),
        BinOp::BitXor => ("__xor__", "__rxor__"),
        BinOp::BitAnd => ("__and__", "__rand__"),
    }
}

/// Classes of the library that CPython makes generic (`__class_getitem__`), by module and name.
const GENERIC_LIBRARY_CLASSES: [(&str, &str); 5] = [
    ("_contextvars", "ContextVar"),
    ("asyncio.queues", "Queue"),
    ("asyncio.queues", "PriorityQueue"),
    ("asyncio.queues", "LifoQueue"),
    ("concurrent.futures._base", "Future"),
];

/// `a | b` for types: `int | None`, `list[int] | str`, unions of unions (flattened, each member
/// once, in order), as `types.UnionType`; `None` when either side is not a type.
fn type_union(a: &Value, b: &Value) -> Option<Value> {
    fn members(v: &Value, out: &mut Vec<Value>) -> bool {
        match v {
            Value::Class(_) => out.push(v.clone()),
            // `None` stands for its type in a union.
            Value::None => out.push(Value::None),
            Value::Native(n) => match &**n {
                NativeObj::GenericAlias { .. } => out.push(v.clone()),
                NativeObj::UnionType(items) => out.extend(items.iter().cloned()),
                _ => return false,
            },
            _ => return false,
        }
        true
    }
    let mut all = Vec::new();
    if !members(a, &mut all) || !members(b, &mut all) {
        return None;
    }
    // `None | None` is no union; at least one side must be a type.
    if matches!((a, b), (Value::None, Value::None)) {
        return None;
    }
    let mut unique: Vec<Value> = Vec::new();
    for m in all {
        let seen = unique.iter().any(|u| match (u, &m) {
            (Value::Class(x), Value::Class(y)) => Rc::ptr_eq(x, y),
            (Value::None, Value::None) => true,
            _ => false,
        });
        if !seen {
            unique.push(m);
        }
    }
    if unique.len() == 1 {
        return unique.pop();
    }
    Some(Value::Native(Rc::new(NativeObj::UnionType(unique.into()))))
}

impl Interp {
    /// The dict key of `v`, as Python compares keys: for an object of a class with its own
    /// `__hash__`, that hash and `__eq__` decide (`len({P(1), P(1)}) == 1`): see
    /// [`crate::runtime::key_groups`].
    pub(crate) async fn hash_key(self: &Rc<Self>, v: &Value) -> PyResult<HashKey> {
        match v {
            // A list or a dict, whatever its class, is unhashable unless the class says; a
            // tuple hashes as its items.
            Value::Instance(inst)
                if inst.items.is_some() && inst.class.lookup_own("__hash__").is_none() =>
            {
                match &inst.items {
                    Some(items @ Value::Tuple(_)) => {
                        let items: Lbf<'_, PyResult<HashKey>> = Box::pin(self.hash_key(items));
                        items.await
                    }
                    // A subclass of str hashes as its text, of int as its value.
                    Some(text @ (Value::Str(_) | Value::Int(_) | Value::BigInt(_))) => {
                        HashKey::of(text).ok_or_else(|| self.unhashable(v))
                    }
                    _ => Err(self.unhashable(v)),
                }
            }
            Value::Instance(inst) if inst.key_group.get().is_none() => {
                match inst.class.lookup("__hash__") {
                    Some(Value::None) => Err(self.unhashable(v)),
                    Some(hash) if !matches!(hash, Value::Native(_)) => {
                        Box::pin(self.join_key_group(inst, v, hash)).await
                    }
                    _ => Ok(HashKey::Id(v.identity())),
                }
            }
            Value::Tuple(items)
                if items
                    .iter()
                    .any(|item| matches!(item, Value::Instance(_) | Value::Tuple(_))) =>
            {
                let mut keys = Vec::with_capacity(items.len());
                for item in items.iter() {
                    keys.push(Box::pin(self.hash_key(item)).await?);
                }
                Ok(HashKey::Tuple(keys.into()))
            }
            _ => HashKey::of(v).ok_or_else(|| self.unhashable(Self::first_unhashable(v))),
        }
    }

    /// What makes `v` unhashable: a tuple is, through the first item that is (`(['a'], 1)`
    /// names the list, as CPython's message does).
    fn first_unhashable(v: &Value) -> &Value {
        match v {
            Value::Tuple(items) => items
                .iter()
                .find(|item| HashKey::of(item).is_none())
                .map_or(v, Self::first_unhashable),
            _ => v,
        }
    }

    /// `TypeError: unhashable type: 'list'`.
    pub(crate) fn unhashable(&self, v: &Value) -> crate::runtime::value::ExcRef {
        self.type_error(format!("unhashable type: '{}'", self.type_name(v)))
    }

    /// `hash(v)` of an object whose class has its own `__hash__`.
    pub(crate) async fn user_hash(self: &Rc<Self>, v: &Value, hash: Value) -> PyResult<i64> {
        match self.call(hash, Args::new(vec![v.clone()])).await? {
            Value::Int(h) => Ok(if h == -1 { -2 } else { h }),
            Value::Bool(b) => Ok(i64::from(b)),
            _ => Err(self.type_error("__hash__ method should return an integer")),
        }
    }

    async fn join_key_group(
        self: &Rc<Self>,
        inst: &Rc<crate::runtime::object::Instance>,
        v: &Value,
        hash: Value,
    ) -> PyResult<HashKey> {
        let hash = self.user_hash(v, hash).await?;
        // Taken out of the table before calling `__eq__` (which may use dicts itself).
        let candidates = self.key_groups.borrow_mut().candidates(hash);
        let mut group = None;
        for (id, member) in candidates {
            if Rc::ptr_eq(&member, inst)
                || self
                    .compare(CmpOp::Eq, v, &Value::Instance(member.clone()))
                    .await?
            {
                group = Some(id);
                break;
            }
        }
        let group = group.unwrap_or_else(|| self.fresh_id() as usize);
        self.key_groups.borrow_mut().join(hash, group, inst);
        inst.key_group.set(Some((group, hash)));
        Ok(HashKey::Custom { group, hash })
    }
}

/// A dict's `keys()` or `items()` view, which supports the set operators.
fn is_set_view(v: &Value) -> bool {
    matches!(v, Value::Native(n) if matches!(&**n, NativeObj::DictView { kind: 0 | 2, .. }))
}

/// `a <= b` and the other orderings of sets: inclusion.
fn set_order_holds(op: CmpOp, a: &Dict, b: &Dict) -> bool {
    let within = |x: &Dict, y: &Dict| {
        x.iter()
            .all(|(k, _)| HashKey::of(k).is_some_and(|h| y.contains_key(&h)))
    };
    match op {
        CmpOp::LtE => within(a, b),
        CmpOp::Lt => a.len() < b.len() && within(a, b),
        CmpOp::GtE => within(b, a),
        _ => b.len() < a.len() && within(b, a),
    }
}
