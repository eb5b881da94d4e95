//! Methods of native values: str, list, dict, set, tuple, numbers, coroutines and
//! generators, streams, and the asyncio objects (delegated to `crate::asyncio`).

use std::cell::RefCell;
use std::rc::Rc;

use crate::interp::exec::SplitBy;
use crate::interp::{Interp, Resume};
use crate::runtime::dict::{Dict, HashKey};
use crate::runtime::object::{Args, Builtin, CoroKind, NativeObj, PropertyFns, StreamKind};
use crate::runtime::ops as vops;
use crate::runtime::value::{ExcRef, Lbf, PyResult, Value};

const STR_METHODS: &[&str] = &[
    "join",
    "split",
    "rsplit",
    "strip",
    "lstrip",
    "rstrip",
    "upper",
    "lower",
    "startswith",
    "endswith",
    "replace",
    "format",
    "format_map",
    "maketrans",
    "translate",
    "ljust",
    "rjust",
    "center",
    "find",
    "rfind",
    "rindex",
    "index",
    "count",
    "isdigit",
    "isalpha",
    "isalnum",
    "isspace",
    "isupper",
    "islower",
    "title",
    "capitalize",
    "splitlines",
    "zfill",
    "partition",
    "rpartition",
    "encode",
    "swapcase",
    "removeprefix",
    "removesuffix",
    "isidentifier",
    "casefold",
    "expandtabs",
    "isnumeric",
    "isprintable",
    "isdecimal",
    "istitle",
    "isascii",
    "__len__",
    "__contains__",
];
const LIST_METHODS: &[&str] = &[
    "append",
    "extend",
    "pop",
    "insert",
    "remove",
    "index",
    "sort",
    "copy",
    "clear",
    "count",
    "reverse",
    "__len__",
    "__contains__",
    "__getitem__",
];
const DICT_METHODS: &[&str] = &[
    "get",
    "items",
    "keys",
    "values",
    "setdefault",
    "pop",
    "update",
    "copy",
    "clear",
    "popitem",
    "__len__",
    "__contains__",
    "__getitem__",
];
const SET_METHODS: &[&str] = &[
    "add",
    "discard",
    "remove",
    "pop",
    "clear",
    "copy",
    "update",
    "union",
    "intersection",
    "difference",
    "issubset",
    "issuperset",
    "isdisjoint",
    "symmetric_difference",
    "__len__",
    "__contains__",
];
const TUPLE_METHODS: &[&str] = &["index", "count", "__len__", "__contains__", "__getitem__"];
const CORO_METHODS: &[&str] = &[
    "send",
    "throw",
    "close",
    "__await__",
    "__next__",
    "__iter__",
];
const AGEN_METHODS: &[&str] = &["__anext__", "__aiter__", "asend", "athrow", "aclose"];
const STREAM_METHODS: &[&str] = &["write", "flush", "reconfigure", "isatty", "fileno"];

/// The methods of a set that change it, which a frozenset lacks.
const SET_CHANGES: [&str; 9] = [
    "add",
    "discard",
    "remove",
    "pop",
    "clear",
    "update",
    "intersection_update",
    "difference_update",
    "symmetric_difference_update",
];

/// True when `obj` has a native method `name`.
pub(crate) fn has_native_method(_it: &Interp, obj: &Value, name: &str) -> bool {
    let list: &[&str] = match obj {
        Value::Str(_) => STR_METHODS,
        Value::Bytes(_) => super::bytes::BYTES_METHODS,
        Value::ByteArray(_) => return super::bytearray::has_method(name),
        Value::List(_) => LIST_METHODS,
        Value::Dict(_) => DICT_METHODS,
        Value::Set(d) if d.borrow().frozen => {
            return SET_METHODS.contains(&name) && !SET_CHANGES.contains(&name);
        }
        Value::Set(_) => SET_METHODS,
        Value::Tuple(_) => TUPLE_METHODS,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => &[
            "bit_length",
            "bit_count",
            "to_bytes",
            "conjugate",
            "as_integer_ratio",
            "__index__",
        ],
        Value::Float(_) => &["is_integer", "hex", "conjugate", "as_integer_ratio"],
        Value::Coro(c) => match c.kind {
            CoroKind::AsyncGenerator => AGEN_METHODS,
            _ => CORO_METHODS,
        },
        Value::Future(f) if f.task.is_some() => {
            return crate::asyncio::FUTURE_METHODS.contains(&name)
                || crate::asyncio::TASK_METHODS.contains(&name);
        }
        Value::Future(_) => crate::asyncio::FUTURE_METHODS,
        Value::Iter(st) if st.borrow().wrapped_coro().is_some() => {
            &["__next__", "__iter__", "send", "throw", "close"]
        }
        Value::Iter(_) => &["__next__", "__iter__"],
        Value::Instance(i) if i.class.is_exc && i.exc().group.borrow().is_some() => {
            &["with_traceback", "add_note", "split", "subgroup", "derive"]
        }
        Value::Instance(i) if i.class.is_exc => &["with_traceback", "add_note"],
        Value::Native(n) => match &**n {
            NativeObj::Loop(_) => crate::asyncio::LOOP_METHODS,
            NativeObj::Handle(_) => &["cancel", "cancelled", "when"],
            NativeObj::Deque(_) => DEQUE_METHODS,
            NativeObj::Random(_) => &[
                "seed",
                "random",
                "uniform",
                "randint",
                "randrange",
                "choice",
                "choices",
                "sample",
                "shuffle",
                "getrandbits",
                "gauss",
                "normalvariate",
                "expovariate",
                "triangular",
            ],
            NativeObj::Property(_) => &[
                "getter",
                "setter",
                "deleter",
                "__get__",
                "__set__",
                "__delete__",
            ],
            NativeObj::Stream(_) => STREAM_METHODS,
            NativeObj::CatchWarnings { .. } => &["__enter__", "__exit__"],
            _ => &[],
        },
        _ => &[],
    };
    list.contains(&name) || has_container_dunder(obj, name)
}

/// Allocation-free fast paths for the most common methods (no Python code runs).
pub(crate) fn call_native_fast(
    it: &Rc<Interp>,
    recv: &Value,
    name: &str,
    args: &Args,
) -> Option<PyResult> {
    if !args.kw.is_empty() {
        return None;
    }
    match (recv, name, args.pos.as_slice()) {
        (Value::List(l), "append", [x]) => Some(it.alloc(1).map(|_| {
            l.borrow_mut().push(x.clone());
            Value::None
        })),
        (Value::List(l), "pop", []) => Some(match l.borrow_mut().pop() {
            Some(v) => Ok(v),
            None => Err(it.err("IndexError", "pop from empty list")),
        }),
        // Not for a key whose hash is the program's own (the slow path asks it).
        (Value::Dict(d), "get", [k] | [k, _]) if !HashKey::needs_interp(k) => {
            let h = HashKey::of(k)?;
            let found = d.borrow().get_key(&h).cloned();
            Some(Ok(found.unwrap_or_else(|| {
                args.pos.get(1).cloned().unwrap_or_default()
            })))
        }
        (Value::Str(s), "upper", []) => Some(Ok(Value::str(s.to_uppercase()))),
        (Value::Str(s), "lower", []) => Some(Ok(Value::str(s.to_lowercase()))),
        (Value::Str(s), "strip", []) => Some(Ok(Value::str(s.trim()))),
        (Value::Str(s), "startswith", [Value::Str(p)]) => {
            Some(Ok(Value::Bool(s.starts_with(&**p))))
        }
        (Value::Str(s), "endswith", [Value::Str(p)]) => Some(Ok(Value::Bool(s.ends_with(&**p)))),
        (Value::Str(sep), "join", [Value::List(items)]) => {
            let items = items.borrow();
            let mut out = String::new();
            for (i, v) in items.iter().enumerate() {
                let Value::Str(x) = v else { return None };
                if i > 0 {
                    out.push_str(sep);
                }
                out.push_str(x);
            }
            Some(Ok(Value::str(out)))
        }
        _ => None,
    }
}

/// The trampoline behind bound native methods: dispatches on the receiver.
pub(crate) fn call_bound_native(
    it: Rc<Interp>,
    b: Rc<Builtin>,
    args: Args,
) -> Lbf<'static, PyResult> {
    Box::pin(async move {
        let recv = b.bound.clone().unwrap_or_default();
        call_native(&it, &recv, &b.name, args).await
    })
}

/// The special methods a list and a dict have beyond their table above: what a subclass reaches
/// through `super()` (`super().__setitem__(k, v)`), as CPython's `list` and `dict` define them.
const CONTAINER_DUNDERS: &[&str] = &[
    "__init__",
    "__setitem__",
    "__delitem__",
    "__iter__",
    "__repr__",
    "__eq__",
    "__ne__",
    "__str__",
    "__add__",
    "__mul__",
    "__rmul__",
    "__or__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__reversed__",
];

/// Whether `name` is one of [`CONTAINER_DUNDERS`] that `obj` has (a tuple cannot change).
fn has_container_dunder(obj: &Value, name: &str) -> bool {
    match obj {
        Value::List(_) | Value::Dict(_) => CONTAINER_DUNDERS.contains(&name),
        Value::Tuple(_) => {
            CONTAINER_DUNDERS.contains(&name)
                && !matches!(name, "__init__" | "__setitem__" | "__delitem__" | "__or__")
        }
        _ => false,
    }
}

/// A list's or a dict's special method `name`, through the interpreter's own operations.
fn container_dunder<'a>(
    it: &'a Rc<Interp>,
    recv: &'a Value,
    name: &'a str,
    mut args: Args,
) -> Lbf<'a, PyResult> {
    Box::pin(async move {
        let first = args.pos.first().cloned().unwrap_or_default();
        match name {
            "__init__" => match recv {
                Value::List(l) => {
                    let items = match args.pos.first() {
                        Some(iterable) => it.collect(iterable).await,
                        None => Ok(Vec::new()),
                    };
                    items.map(|items| {
                        *l.borrow_mut() = items;
                        Value::None
                    })
                }
                Value::Dict(d) => {
                    d.borrow_mut().clear();
                    dict_method(it, d, "update", args).await
                }
                _ => Err(it.attr_error(recv, name)),
            },
            "__setitem__" => {
                let value = args.pos.get(1).cloned().unwrap_or_default();
                it.setitem(recv, &first, value).await.map(|()| Value::None)
            }
            "__delitem__" => it.delitem(recv, &first).await.map(|()| Value::None),
            "__iter__" => it.iter_of(recv).await,
            "__repr__" | "__str__" => it.repr_of(recv).await.map(Value::str),
            "__add__" | "__mul__" | "__rmul__" | "__or__" => {
                let op = match name {
                    "__add__" => crate::syntax::ast::BinOp::Add,
                    "__or__" => crate::syntax::ast::BinOp::BitOr,
                    _ => crate::syntax::ast::BinOp::Mult,
                };
                match it.binop(op, recv, &first).await {
                    Err(e) if it.exc_is(&e, "TypeError") => Ok(Value::NotImplemented),
                    result => result,
                }
            }
            "__lt__" | "__le__" | "__gt__" | "__ge__" => {
                use crate::syntax::ast::CmpOp;
                let op = match name {
                    "__lt__" => CmpOp::Lt,
                    "__le__" => CmpOp::LtE,
                    "__gt__" => CmpOp::Gt,
                    _ => CmpOp::GtE,
                };
                if std::mem::discriminant(recv) != std::mem::discriminant(it.unwrapped(&first)) {
                    return Ok(Value::NotImplemented);
                }
                it.compare(op, recv, &first).await.map(Value::Bool)
            }
            "__reversed__" => {
                let mut items = it.collect(recv).await?;
                items.reverse();
                it.iter_of(&Value::list(items)).await
            }
            "__eq__" | "__ne__" => {
                let other = args.pos.drain(..).next().unwrap_or_default();
                // Only a list equals a list, a dict a dict (a subclass of either included).
                let same_kind = matches!(
                    (recv, it.unwrapped(&other)),
                    (Value::List(_), Value::List(_))
                        | (Value::Dict(_), Value::Dict(_))
                        | (Value::Tuple(_), Value::Tuple(_))
                );
                if !same_kind {
                    return Ok(Value::NotImplemented);
                }
                it.eq(recv, &other)
                    .await
                    .map(|equal| Value::Bool(equal == (name == "__eq__")))
            }
            _ => Err(it.attr_error(recv, name)),
        }
    })
}

/// What `throw(typ[, value[, tb]])` and `athrow(...)` throw: the value when one is given,
/// else the type (called to make one).
fn thrown(args: &Args) -> Value {
    match args.pos.get(1) {
        Some(value) if !matches!(value, Value::None) => value.clone(),
        _ => args.pos.first().cloned().unwrap_or_default(),
    }
}

/// How CPython checks the positional arguments of a builtin type's method, and says so.
#[derive(Debug, Clone, Copy)]
enum Arity {
    /// `str.upper() takes no arguments (1 given)`
    None,
    /// `list.append() takes exactly one argument (2 given)`
    One,
    /// Argument Clinic's `pop expected at most 1 argument, got 2`
    Expected(usize, usize),
    /// `PyArg_ParseTuple`'s `find() takes at least 1 argument (0 given)`
    Takes(usize, usize),
    /// `sort() takes no positional arguments`
    KeywordsOnly,
}

/// The arity of method `name` of a str, list, dict, set or tuple, where CPython checks it.
fn arity(recv: &Value, name: &str) -> Option<Arity> {
    use Arity::{Expected, KeywordsOnly, One, Takes};
    Some(match (recv, name) {
        (
            Value::Str(_),
            "upper" | "lower" | "isdigit" | "isalpha" | "isalnum" | "isspace" | "isupper"
            | "islower" | "title" | "capitalize" | "swapcase" | "isidentifier" | "casefold"
            | "isnumeric" | "isdecimal" | "istitle" | "isascii" | "isprintable",
        )
        | (Value::List(_), "copy" | "clear" | "reverse")
        | (Value::Dict(_), "items" | "keys" | "values" | "copy" | "clear" | "popitem")
        | (Value::Set(_), "pop" | "clear" | "copy") => Arity::None,
        (
            Value::Str(_),
            "join" | "zfill" | "partition" | "rpartition" | "removeprefix" | "removesuffix",
        )
        | (Value::List(_), "append" | "extend" | "remove" | "count")
        | (
            Value::Set(_),
            "add"
            | "discard"
            | "remove"
            | "issubset"
            | "issuperset"
            | "isdisjoint"
            | "symmetric_difference",
        )
        | (Value::Tuple(_), "count") => One,
        (Value::Str(_), "strip" | "lstrip" | "rstrip") | (Value::List(_), "pop") => Expected(0, 1),
        (Value::Dict(_), "update") => Expected(0, 1),
        (Value::Str(_), "replace") => Expected(2, 3),
        (Value::Str(_), "center" | "ljust" | "rjust") => Expected(1, 2),
        (Value::List(_), "insert") => Expected(2, 2),
        (Value::List(_) | Value::Tuple(_), "index") => Expected(1, 3),
        (Value::Dict(_), "get" | "setdefault" | "pop") => Expected(1, 2),
        (Value::Str(_), "split" | "rsplit" | "encode") => Takes(0, 2),
        (Value::Str(_), "splitlines" | "expandtabs") => Takes(0, 1),
        (
            Value::Str(_),
            "startswith" | "endswith" | "find" | "rfind" | "index" | "rindex" | "count",
        ) => Takes(1, 3),
        (Value::List(_), "sort") => KeywordsOnly,
        _ => return Option::None,
    })
}

/// CPython's TypeError when method `name` of `recv` gets `given` positional arguments it does
/// not take.
fn check_arity(it: &Interp, recv: &Value, name: &str, given: usize) -> PyResult<()> {
    let Some(arity) = arity(recv, name) else {
        return Ok(());
    };
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let type_name = it.type_name(recv);
    let message = match arity {
        Arity::None if given > 0 => {
            format!("{type_name}.{name}() takes no arguments ({given} given)")
        }
        Arity::One if given != 1 => {
            format!("{type_name}.{name}() takes exactly one argument ({given} given)")
        }
        Arity::Expected(min, max) if min == max && given != min => {
            format!("{name} expected {min} argument{}, got {given}", plural(min))
        }
        Arity::Expected(min, _) if given < min => {
            format!(
                "{name} expected at least {min} argument{}, got {given}",
                plural(min)
            )
        }
        Arity::Expected(_, max) if given > max => {
            format!(
                "{name} expected at most {max} argument{}, got {given}",
                plural(max)
            )
        }
        Arity::Takes(min, _) if given < min => {
            format!(
                "{name}() takes at least {min} argument{} ({given} given)",
                plural(min)
            )
        }
        Arity::Takes(_, max) if given > max => {
            format!(
                "{name}() takes at most {max} argument{} ({given} given)",
                plural(max)
            )
        }
        Arity::KeywordsOnly if given > 2 => {
            format!("{name}() takes at most 2 arguments ({given} given)")
        }
        Arity::KeywordsOnly if given > 0 => format!("{name}() takes no positional arguments"),
        _ => return Ok(()),
    };
    Err(it.type_error(message))
}

/// Calls native method `name` on `recv`.
pub(crate) async fn call_native(it: &Rc<Interp>, recv: &Value, name: &str, args: Args) -> PyResult {
    check_arity(it, recv, name, args.pos.len())?;
    if has_container_dunder(recv, name) {
        return container_dunder(it, recv, name, args).await;
    }
    match recv {
        Value::Str(s) => str_method(it, s, name, args).await,
        Value::Bytes(b) => super::bytes::method(it, b, name, args).await,
        Value::ByteArray(b) => super::bytearray::method(it, b, name, args).await,
        Value::List(l) => list_method(it, recv, l, name, args).await,
        Value::Dict(d) => dict_method(it, d, name, args).await,
        Value::Set(d) => set_method(it, d, name, args).await,
        Value::Tuple(t) => match name {
            "index" | "count" => seq_index_count(it, t, name, &args).await,
            "__len__" => Ok(Value::Int(t.len() as i64)),
            "__contains__" => Ok(Value::Bool(
                it.contains(recv, args.pos.first().unwrap_or(&Value::None))
                    .await?,
            )),
            "__getitem__" => {
                it.getitem(recv, args.pos.first().unwrap_or(&Value::None))
                    .await
            }
            _ => Err(it.attr_error(recv, name)),
        },
        Value::Int(_) | Value::BigInt(_) => {
            let n = crate::runtime::bigint::big_of(recv).unwrap_or_default();
            match name {
                "bit_length" => Ok(Value::Int(n.bits() as i64)),
                "bit_count" => Ok(Value::Int(
                    n.magnitude()
                        .iter_u64_digits()
                        .map(|d| i64::from(d.count_ones()))
                        .sum(),
                )),
                "conjugate" | "__index__" => Ok(recv.clone()),
                "as_integer_ratio" => Ok(Value::tuple(vec![recv.clone(), Value::Int(1)])),
                "to_bytes" => super::bytes::int_to_bytes(it, &n, args),
                _ => Err(it.attr_error(recv, name)),
            }
        }
        Value::Float(f) => match name {
            "is_integer" => Ok(Value::Bool(f.fract() == 0.0 && f.is_finite())),
            "hex" => Ok(Value::str(crate::format::float_hex(*f))),
            "conjugate" => Ok(Value::Float(*f)),
            "as_integer_ratio" => crate::runtime::bigint::float_ratio(*f)
                .map(|(n, d)| Value::tuple(vec![n, d]))
                .map_err(|(cls, msg)| it.err(cls, msg)),
            _ => Err(it.attr_error(recv, name)),
        },
        Value::Coro(c) => {
            let mut args = args;
            match name {
                "send" => {
                    let v = args.pos.first().cloned().unwrap_or_default();
                    match it.gen_resume(c, Some(Resume::Send(v))).await? {
                        crate::interp::drive::GenStep::Yielded(y) => Ok(y),
                        crate::interp::drive::GenStep::Returned(r) => Err(it.new_exc(
                            &it.t.by_name("StopIteration"),
                            if matches!(r, Value::None) {
                                vec![]
                            } else {
                                vec![r]
                            },
                        )),
                    }
                }
                "throw" => {
                    let e = it.to_exception(thrown(&args)).await?;
                    match it.gen_resume(c, Some(Resume::Throw(e))).await? {
                        crate::interp::drive::GenStep::Yielded(y) => Ok(y),
                        crate::interp::drive::GenStep::Returned(r) => Err(it.new_exc(
                            &it.t.by_name("StopIteration"),
                            if matches!(r, Value::None) {
                                vec![]
                            } else {
                                vec![r]
                            },
                        )),
                    }
                }
                "close" => {
                    if !c.started.get() || c.finished.get() {
                        c.started.set(true);
                        c.finished.set(true);
                        c.body.borrow_mut().take();
                        return Ok(Value::None);
                    }
                    let e = it.new_exc(&it.t.by_name("GeneratorExit"), vec![]);
                    match it.gen_resume(c, Some(Resume::Throw(e))).await {
                        Ok(crate::interp::drive::GenStep::Yielded(_)) => {
                            Err(it.runtime_error("generator ignored GeneratorExit"))
                        }
                        Ok(_) => Ok(Value::None),
                        Err(e)
                            if it.exc_is(&e, "GeneratorExit") || it.exc_is(&e, "StopIteration") =>
                        {
                            Ok(Value::None)
                        }
                        Err(e) => Err(e),
                    }
                }
                "__next__" => match it.gen_next(c, None).await? {
                    Some(v) => Ok(v),
                    None => Err(it.new_exc(&it.t.by_name("StopIteration"), vec![])),
                },
                "__await__" if c.kind == CoroKind::Coroutine => Ok(Value::Iter(Rc::new(
                    RefCell::new(crate::runtime::object::IterState::CoroWrapper(c.clone())),
                ))),
                "__iter__" | "__aiter__" | "__await__" => Ok(recv.clone()),
                "__anext__" | "asend" | "athrow" | "aclose" => {
                    let resume = match name {
                        "asend" => Some(Resume::Send(args.arg(0, "value").unwrap_or_default())),
                        "athrow" => Some(Resume::Throw(it.to_exception(thrown(&args)).await?)),
                        "aclose" => Some(Resume::Throw(
                            it.new_exc(&it.t.by_name("GeneratorExit"), vec![]),
                        )),
                        _ => None,
                    };
                    let is_close = name == "aclose";
                    let it2 = it.clone();
                    let c2 = c.clone();
                    let start_throw: Rc<RefCell<Option<crate::runtime::value::ExcRef>>> =
                        Rc::new(RefCell::new(None));
                    let st2 = start_throw.clone();
                    let body: Lbf<'static, PyResult> = Box::pin(async move {
                        let thrown = st2.borrow_mut().take();
                        let resume = match thrown {
                            Some(e) => Some(Resume::Throw(e)),
                            None => resume,
                        };
                        if is_close && (!c2.started.get() || c2.finished.get()) {
                            c2.finished.set(true);
                            return Ok(Value::None);
                        }
                        match it2.agen_step(&c2, resume).await {
                            Ok(Some(v)) => {
                                if is_close {
                                    Err(it2.runtime_error("async generator ignored GeneratorExit"))
                                } else {
                                    Ok(v)
                                }
                            }
                            Ok(None) => {
                                if is_close {
                                    Ok(Value::None)
                                } else {
                                    Err(it2.new_exc(&it2.t.by_name("StopAsyncIteration"), vec![]))
                                }
                            }
                            Err(e) if is_close && it2.exc_is(&e, "GeneratorExit") => {
                                Ok(Value::None)
                            }
                            Err(e) => Err(e),
                        }
                    });
                    let helper_name: &'static str = match name {
                        "asend" => "asend",
                        "athrow" => "athrow",
                        "aclose" => "aclose",
                        _ => "__anext__",
                    };
                    let v = it.native_coro(helper_name, CoroKind::Coroutine, body);
                    if let Value::Coro(n) = &v {
                        // An awaitable helper, not a user coroutine: no never-awaited warning.
                        n.helper.set(true);
                    }
                    // aclose()/athrow()/asend(): an exception thrown in before the awaitable
                    // started (task cancellation) goes into the generator, via this cell.
                    let v = match v {
                        Value::Coro(n) if name != "__anext__" => {
                            Value::Coro(share_start_throw(n, start_throw.clone()))
                        }
                        other => other,
                    };
                    Ok(v)
                }
                _ => Err(it.attr_error(recv, name)),
            }
        }
        Value::Future(f) => crate::asyncio::future_method(it, f, name, args).await,
        Value::Iter(st) if name != "__iter__" && st.borrow().wrapped_coro().is_some() => {
            let coro = st
                .borrow()
                .wrapped_coro()
                .map(Value::Coro)
                .unwrap_or_default();
            let name = if name == "__next__" { "send" } else { name };
            Box::pin(call_native(it, &coro, name, args)).await
        }
        Value::Iter(_) => match name {
            "__next__" => match it.next_of(recv).await? {
                Some(v) => Ok(v),
                None => Err(it.new_exc(&it.t.by_name("StopIteration"), vec![])),
            },
            "__iter__" => Ok(recv.clone()),
            _ => Err(it.attr_error(recv, name)),
        },
        Value::Instance(i) if i.class.is_exc => match name {
            "with_traceback" => Ok(recv.clone()),
            "split" | "subgroup" if i.exc().group.borrow().is_some() => {
                let condition = args.pos.first().cloned().unwrap_or_default();
                let is_types = match &condition {
                    Value::Class(c) => c.is_exc,
                    Value::Tuple(items) => items
                        .iter()
                        .all(|item| matches!(item, Value::Class(c) if c.is_exc)),
                    _ => false,
                };
                let by = if is_types {
                    SplitBy::Types(&condition)
                } else if super::is_callable(&condition) {
                    SplitBy::Predicate(&condition)
                } else {
                    return Err(it.type_error(
                        "expected a function, exception type or tuple of exception types",
                    ));
                };
                let (matched, rest) = it.split_group(i, &by).await?;
                let value = |e: Option<ExcRef>| e.map_or(Value::None, Value::Instance);
                Ok(if name == "split" {
                    Value::tuple(vec![value(matched), value(rest)])
                } else {
                    value(matched)
                })
            }
            "derive" if i.exc().group.borrow().is_some() => {
                // CPython's BaseExceptionGroup.derive: a plain group with this one's message.
                let message = i.args().first().cloned().unwrap_or_default();
                let excs = args.pos.first().cloned().unwrap_or_default();
                let class = Value::Class(it.t.by_name("BaseExceptionGroup"));
                it.call(class, Args::new(vec![message, excs])).await
            }
            "add_note" => {
                let note = args.pos.first().cloned().unwrap_or_default();
                if !matches!(it.unwrapped(&note), Value::Str(_)) {
                    return Err(
                        it.type_error(format!("note must be a str, not '{}'", it.type_name(&note)))
                    );
                }
                let notes = i.dict.borrow().get_str("__notes__").cloned();
                match notes {
                    Some(Value::List(l)) => l.borrow_mut().push(note),
                    Some(_) => {
                        return Err(it.type_error("Cannot add notes if __notes__ is not a list"));
                    }
                    None => i
                        .dict
                        .borrow_mut()
                        .insert_str("__notes__", Value::list(vec![note])),
                }
                Ok(Value::None)
            }
            _ => Err(it.attr_error(recv, name)),
        },
        Value::Native(n) => match &**n {
            NativeObj::Loop(lp) => crate::asyncio::loop_method(it, lp, name, args).await,
            NativeObj::Handle(h) => crate::asyncio::handle_method(it, h, name),
            NativeObj::Deque(items) => deque_method(it, recv, items, name, args).await,
            NativeObj::Random(own) => super::modules::random_method(it, own, name, args),
            NativeObj::Property(p) => property_method(it, p, name, args).await,
            NativeObj::Stream(s) => match name {
                "write" => {
                    let text = match args.pos.first() {
                        Some(Value::Str(t)) => t.clone(),
                        Some(other) => {
                            return Err(it.type_error(format!(
                                "write() argument must be str, not {}",
                                it.type_name(other)
                            )));
                        }
                        None => Rc::from(""),
                    };
                    it.write_output(super::stream_of(*s), &text);
                    Ok(Value::Int(text.chars().count() as i64))
                }
                "flush" | "reconfigure" => Ok(Value::None),
                "isatty" => Ok(Value::Bool(false)),
                "fileno" => Ok(Value::Int(if *s == StreamKind::Stdout { 1 } else { 2 })),
                _ => Err(it.attr_error(recv, name)),
            },
            NativeObj::CatchWarnings { .. } => match name {
                "__enter__" => Ok(it.catch_warnings_enter(n)),
                "__exit__" => {
                    it.catch_warnings_exit(n);
                    Ok(Value::None)
                }
                _ => Err(it.attr_error(recv, name)),
            },
            _ => Err(it.attr_error(recv, name)),
        },
        _ => Err(it.attr_error(recv, name)),
    }
}

/// `prop.setter(f)` and friends (a new property), and the descriptor protocol called by hand.
async fn property_method(it: &Rc<Interp>, p: &PropertyFns, name: &str, args: Args) -> PyResult {
    let arg = |i: usize| args.pos.get(i).cloned().unwrap_or_default();
    let mut new = p.clone();
    match name {
        "getter" => {
            new.fget = arg(0);
            if matches!(p.doc, Value::None)
                && let Some(doc) = it.get_attr_opt(&new.fget, "__doc__").await?
            {
                new.doc = doc;
            }
        }
        "setter" => new.fset = arg(0),
        "deleter" => new.fdel = arg(0),
        "__get__" => {
            let obj = arg(0);
            if matches!(obj, Value::None) {
                return Ok(Value::Native(Rc::new(NativeObj::Property(p.clone()))));
            }
            return it.call(p.fget.clone(), Args::new(vec![obj])).await;
        }
        "__set__" => {
            return it
                .call(p.fset.clone(), Args::new(vec![arg(0), arg(1)]))
                .await;
        }
        "__delete__" => return it.call(p.fdel.clone(), Args::new(vec![arg(0)])).await,
        _ => return Err(it.type_error(format!("property has no method '{name}'"))),
    }
    Ok(Value::Native(Rc::new(NativeObj::Property(new))))
}

async fn seq_index_count(it: &Rc<Interp>, items: &[Value], name: &str, args: &Args) -> PyResult {
    let x = args.pos.first().cloned().unwrap_or_default();
    if name == "count" {
        let mut n = 0;
        for v in items {
            if it.eq(v, &x).await? {
                n += 1;
            }
        }
        return Ok(Value::Int(n));
    }
    for (i, v) in items.iter().enumerate() {
        if it.eq(v, &x).await? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(it.value_error(format!("{} is not in list", it.repr_of(&x).await?)))
}

fn str_arg<'a>(it: &Interp, args: &'a Args, i: usize, meth: &str) -> PyResult<Option<&'a str>> {
    match args.pos.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s)),
        Some(other) => Err(it.type_error(format!(
            "{meth}() argument must be str or None, not {}",
            it.type_name(other)
        ))),
    }
}

fn pad(it: &Interp, s: &str, args: &Args, align: char) -> PyResult {
    let width = match args.pos.first() {
        Some(Value::Int(w)) => (*w).max(0) as usize,
        _ => return Err(it.type_error("an integer is required")),
    };
    let fill = match args.pos.get(1) {
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
        None => ' ',
        _ => return Err(it.type_error("The fill character must be exactly one character long")),
    };
    let n = s.chars().count();
    if n >= width {
        return Ok(Value::str(s));
    }
    let total = width - n;
    let f = |k: usize| fill.to_string().repeat(k);
    Ok(Value::str(match align {
        '<' => format!("{s}{}", f(total)),
        '>' => format!("{}{s}", f(total)),
        _ => {
            // CPython's center: extra padding goes left when width and len are both odd.
            let left = total / 2 + (total & width & 1);
            format!("{}{s}{}", f(left), f(total - left))
        }
    }))
}

async fn str_method(it: &Rc<Interp>, s: &Rc<str>, name: &str, mut args: Args) -> PyResult {
    // A subclass of str passed to a str method is its text (`s.replace(Name("a"), "b")`).
    for arg in args
        .pos
        .iter_mut()
        .chain(args.kw.iter_mut().map(|(_, v)| v))
    {
        if let Value::Instance(inst) = arg
            && let Some(text @ Value::Str(_)) = &inst.items
        {
            *arg = text.clone();
        }
    }
    let strip_chars = |args: &Args| -> PyResult<Option<Vec<char>>> {
        Ok(str_arg(it, args, 0, name)?.map(|c| c.chars().collect()))
    };
    Ok(match name {
        "join" => {
            let items = it.collect(args.pos.first().unwrap_or(&Value::None)).await?;
            let mut out = String::new();
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(s);
                }
                match it.unwrapped(v) {
                    Value::Str(x) => out.push_str(x),
                    _ => {
                        let other = v;
                        return Err(it.type_error(format!(
                            "sequence item {i}: expected str instance, {} found",
                            it.type_name(other)
                        )));
                    }
                }
            }
            Value::str(out)
        }
        "split" | "rsplit" => {
            let sep = match args.arg(0, "sep") {
                Some(Value::Str(x)) => Some(x),
                _ => None,
            };
            let maxsplit = match args.arg(1, "maxsplit") {
                Some(Value::Int(m)) if m >= 0 => Some(m as usize),
                _ => None,
            };
            let parts: Vec<String> = match (&sep, maxsplit) {
                (Some(sep), _) if sep.is_empty() => return Err(it.value_error("empty separator")),
                (Some(sep), None) => s.split(&**sep).map(String::from).collect(),
                (Some(sep), Some(m)) => {
                    if name == "split" {
                        s.splitn(m + 1, &**sep).map(String::from).collect()
                    } else {
                        let mut v: Vec<String> =
                            s.rsplitn(m + 1, &**sep).map(String::from).collect();
                        v.reverse();
                        v
                    }
                }
                (None, None) => s.split_whitespace().map(String::from).collect(),
                (None, Some(m)) if name == "rsplit" => {
                    // From the right: the last `m` words, and what is left before them.
                    let mut out = Vec::new();
                    let mut rest = s.trim_end();
                    while !rest.is_empty() {
                        if out.len() == m {
                            out.push(rest.to_string());
                            break;
                        }
                        match rest.rfind(char::is_whitespace) {
                            Some(i) => {
                                let ws = rest[i..].chars().next().map_or(1, char::len_utf8);
                                out.push(rest[i + ws..].to_string());
                                rest = rest[..i].trim_end();
                            }
                            None => {
                                out.push(rest.to_string());
                                break;
                            }
                        }
                    }
                    out.reverse();
                    out
                }
                (None, Some(m)) => {
                    let mut out = Vec::new();
                    let mut rest = s.trim_start();
                    while !rest.is_empty() {
                        if out.len() == m {
                            out.push(rest.trim_end().to_string());
                            break;
                        }
                        match rest.find(char::is_whitespace) {
                            Some(i) => {
                                out.push(rest[..i].to_string());
                                rest = rest[i..].trim_start();
                            }
                            None => {
                                out.push(rest.to_string());
                                break;
                            }
                        }
                    }
                    out
                }
            };
            Value::list(parts.into_iter().map(Value::str).collect())
        }
        "strip" => Value::str(match strip_chars(&args)? {
            Some(c) => s.trim_matches(|x| c.contains(&x)),
            None => s.trim(),
        }),
        "lstrip" => Value::str(match strip_chars(&args)? {
            Some(c) => s.trim_start_matches(|x| c.contains(&x)),
            None => s.trim_start(),
        }),
        "rstrip" => Value::str(match strip_chars(&args)? {
            Some(c) => s.trim_end_matches(|x| c.contains(&x)),
            None => s.trim_end(),
        }),
        "upper" => Value::str(s.to_uppercase()),
        "lower" => Value::str(s.to_lowercase()),
        "casefold" => Value::str(crate::runtime::unicode::casefold(s)),
        "swapcase" => Value::str(
            s.chars()
                .map(|c| {
                    if c.is_uppercase() {
                        c.to_lowercase().collect::<String>()
                    } else {
                        c.to_uppercase().collect()
                    }
                })
                .collect::<String>(),
        ),
        "title" => {
            let mut out = String::new();
            let mut prev_alpha = false;
            for c in s.chars() {
                if c.is_alphabetic() {
                    if prev_alpha {
                        out.extend(c.to_lowercase());
                    } else {
                        out.extend(c.to_uppercase());
                    }
                    prev_alpha = true;
                } else {
                    out.push(c);
                    prev_alpha = false;
                }
            }
            Value::str(out)
        }
        "capitalize" => {
            let mut cs = s.chars();
            Value::str(match cs.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
                None => String::new(),
            })
        }
        "startswith" | "endswith" => {
            let prefixes: Vec<Value> = match args.pos.first() {
                Some(Value::Tuple(t)) => t.to_vec(),
                Some(v) => vec![v.clone()],
                None => vec![],
            };
            // `start` and `end` cut the string first, as a slice does.
            let chars: Vec<char> = s.chars().collect();
            let bound = |v: Option<&Value>, default: usize| -> usize {
                match v {
                    Some(Value::Int(i)) if *i < 0 => (chars.len() as i64 + i).max(0) as usize,
                    Some(Value::Int(i)) => (*i as usize).min(chars.len()),
                    _ => default,
                }
            };
            let (start, end) = (
                bound(args.pos.get(1), 0),
                bound(args.pos.get(2), chars.len()),
            );
            let window: String = if start <= end {
                chars[start..end].iter().collect()
            } else {
                String::new()
            };
            let mut hit = false;
            for p in prefixes {
                let Value::Str(p) = p else {
                    let what = if matches!(args.pos.first(), Some(Value::Tuple(_))) {
                        format!(
                            "tuple for {name} must only contain str, not {}",
                            it.type_name(&p)
                        )
                    } else {
                        format!(
                            "{name} first arg must be str or a tuple of str, not {}",
                            it.type_name(&p)
                        )
                    };
                    return Err(it.type_error(what));
                };
                // Past the end, not even "" is found (`"abc".startswith("", 5)`).
                let past_end =
                    matches!(args.pos.get(1), Some(Value::Int(i)) if *i > chars.len() as i64);
                if start > end || past_end {
                    continue;
                }
                if (name == "startswith" && window.starts_with(&*p))
                    || (name == "endswith" && window.ends_with(&*p))
                {
                    hit = true;
                }
            }
            Value::Bool(hit)
        }
        "replace" => {
            let (Some(Value::Str(a)), Some(Value::Str(b))) = (args.pos.first(), args.pos.get(1))
            else {
                return Err(it.type_error("replace() arguments must be str"));
            };
            match args.pos.get(2) {
                Some(Value::Int(n)) if *n >= 0 => Value::str(s.replacen(&**a, b, *n as usize)),
                _ => Value::str(s.replace(&**a, b)),
            }
        }
        "format" => Value::str(str_format(it, s, &args).await?),
        "maketrans" => str_maketrans(it, args)?,
        "translate" => {
            let Some(table) = args.pos.first() else {
                return Err(it.type_error("str.translate() takes exactly one argument (0 given)"));
            };
            Value::str(str_translate(it, s, table).await?)
        }
        "format_map" => {
            let Some(mapping) = args.pos.first() else {
                return Err(it.type_error("str.format_map() takes exactly one argument (0 given)"));
            };
            let mut numbering = Numbering::Unused;
            Value::str(format_fields(it, s, Fields::Mapping(mapping), &mut numbering).await?)
        }
        "ljust" => pad(it, s, &args, '<')?,
        "rjust" => pad(it, s, &args, '>')?,
        "center" => pad(it, s, &args, '^')?,
        "zfill" => {
            let w = match args.pos.first() {
                Some(Value::Int(w)) => (*w).max(0) as usize,
                _ => 0,
            };
            let n = s.chars().count();
            if n >= w {
                Value::Str(s.clone())
            } else if s.starts_with('-') || s.starts_with('+') {
                Value::str(format!("{}{}{}", &s[..1], "0".repeat(w - n), &s[1..]))
            } else {
                Value::str(format!("{}{s}", "0".repeat(w - n)))
            }
        }
        "find" | "rfind" | "index" | "rindex" | "count" => {
            let Some(Value::Str(sub)) = args.pos.first() else {
                return Err(it.type_error("must be str"));
            };
            // Optional start / end, as slice indices over characters.
            let n = s.chars().count() as i64;
            let bound = |i: usize, default: i64| -> PyResult<i64> {
                match args.pos.get(i) {
                    None | Some(Value::None) => Ok(default),
                    Some(Value::Int(k)) => Ok(if *k < 0 { (k + n).max(0) } else { (*k).min(n) }),
                    Some(other) => Err(it.type_error(format!(
                        "slice indices must be integers or None or have an __index__ method, not {}",
                        it.type_name(other)
                    ))),
                }
            };
            let (start, end) = (bound(1, 0)?, bound(2, n)?);
            if start > end {
                return Ok(match name {
                    "count" => Value::Int(0),
                    "index" | "rindex" => return Err(it.value_error("substring not found")),
                    _ => Value::Int(-1),
                });
            }
            let byte = |c: i64| s.char_indices().nth(c as usize).map_or(s.len(), |(b, _)| b);
            let (bs, be) = (byte(start), byte(end));
            let hay = &s[bs..be];
            if name == "count" {
                return Ok(Value::Int(if sub.is_empty() {
                    hay.chars().count() as i64 + 1
                } else {
                    hay.matches(&**sub).count() as i64
                }));
            }
            let pos = if name.starts_with('r') {
                hay.rfind(&**sub)
            } else {
                hay.find(&**sub)
            };
            match pos {
                Some(b) => Value::Int(start + hay[..b].chars().count() as i64),
                None if name.ends_with("index") => {
                    return Err(it.value_error("substring not found"));
                }
                None => Value::Int(-1),
            }
        }
        "isdigit" | "isnumeric" | "isdecimal" => {
            use crate::runtime::unicode::{is_decimal, is_digit, is_numeric};
            let test: fn(char) -> bool = match name {
                "isdecimal" => is_decimal,
                "isdigit" => is_digit,
                _ => is_numeric,
            };
            Value::Bool(!s.is_empty() && s.chars().all(test))
        }
        "isalpha" => Value::Bool(!s.is_empty() && s.chars().all(char::is_alphabetic)),
        "isascii" => Value::Bool(s.is_ascii()),
        "isprintable" => Value::Bool(s.chars().all(crate::format::is_printable)),
        // Title case: an uppercase letter only after an uncased character, a lowercase one
        // only after a cased one, and at least one cased character.
        "istitle" => {
            let (mut cased, mut previous_cased) = (false, false);
            let mut title = true;
            for c in s.chars() {
                if c.is_uppercase() {
                    if previous_cased {
                        title = false;
                        break;
                    }
                    previous_cased = true;
                    cased = true;
                } else if c.is_lowercase() {
                    if !previous_cased {
                        title = false;
                        break;
                    }
                    previous_cased = true;
                    cased = true;
                } else {
                    previous_cased = false;
                }
            }
            Value::Bool(title && cased)
        }
        "isalnum" => Value::Bool(!s.is_empty() && s.chars().all(char::is_alphanumeric)),
        "isspace" => Value::Bool(!s.is_empty() && s.chars().all(char::is_whitespace)),
        "isupper" => {
            Value::Bool(s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase))
        }
        "islower" => {
            Value::Bool(s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase))
        }
        "isidentifier" => Value::Bool(
            !s.is_empty()
                && !s.starts_with(|c: char| c.is_ascii_digit())
                && s.chars().all(|c| c.is_alphanumeric() || c == '_'),
        ),
        "splitlines" => {
            let keepends = match args.arg(0, "keepends") {
                Some(v) => it.truthy(&v).await?,
                None => false,
            };
            Value::list(
                split_lines(s, keepends)
                    .into_iter()
                    .map(Value::str)
                    .collect(),
            )
        }
        "partition" | "rpartition" => {
            let Some(Value::Str(sep)) = args.pos.first() else {
                return Err(it.type_error("must be str"));
            };
            let found = if name == "partition" {
                s.find(&**sep)
            } else {
                s.rfind(&**sep)
            };
            match found {
                Some(i) => Value::tuple(vec![
                    Value::str(&s[..i]),
                    Value::Str(sep.clone()),
                    Value::str(&s[i + sep.len()..]),
                ]),
                None if name == "partition" => {
                    Value::tuple(vec![Value::Str(s.clone()), Value::str(""), Value::str("")])
                }
                None => Value::tuple(vec![Value::str(""), Value::str(""), Value::Str(s.clone())]),
            }
        }
        "removeprefix" => match args.pos.first() {
            Some(Value::Str(p)) => Value::str(s.strip_prefix(&**p).unwrap_or(s)),
            _ => Value::Str(s.clone()),
        },
        "removesuffix" => match args.pos.first() {
            Some(Value::Str(p)) => Value::str(s.strip_suffix(&**p).unwrap_or(s)),
            _ => Value::Str(s.clone()),
        },
        "expandtabs" => {
            // Each tab up to the next multiple of the tab size, counted from the line's start.
            let size = match args.pos.first().or_else(|| args.kw.first().map(|(_, v)| v)) {
                Some(Value::Int(n)) => (*n).max(0) as usize,
                _ => 8,
            };
            let mut out = String::with_capacity(s.len());
            let mut column = 0;
            for c in s.chars() {
                match c {
                    '\t' => {
                        if size > 0 {
                            let pad = size - column % size;
                            out.extend(std::iter::repeat_n(' ', pad));
                            column += pad;
                        }
                    }
                    '\n' | '\r' => {
                        out.push(c);
                        column = 0;
                    }
                    _ => {
                        out.push(c);
                        column += 1;
                    }
                }
            }
            Value::str(out)
        }
        "encode" => return super::bytes::encode(it, s, args),
        "__len__" => Value::Int(s.chars().count() as i64),
        "__contains__" => Value::Bool(
            it.contains(
                &Value::Str(s.clone()),
                args.pos.first().unwrap_or(&Value::None),
            )
            .await?,
        ),
        _ => return Err(it.attr_error(&Value::Str(s.clone()), name)),
    })
}

/// `str.format(*args, **kwargs)`.
/// `str.maketrans(x[, y[, z]])`: a table for `str.translate`, from code points to code points,
/// strings or None.
pub(crate) fn str_maketrans(it: &Interp, args: Args) -> PyResult {
    let code = |c: char| Value::Int(i64::from(u32::from(c)));
    let mut table = crate::runtime::dict::Dict::new();
    let mut put = |key: Value, value: Value| {
        if let Some(hk) = HashKey::of(&key) {
            table.insert_key(hk, key, value);
        }
    };
    match &args.pos[..] {
        [Value::Dict(d)] => {
            for (k, v) in d.borrow().iter() {
                match k {
                    Value::Str(key) if key.chars().count() == 1 => {
                        put(code(key.chars().next().unwrap_or_default()), v.clone());
                    }
                    Value::Str(_) => {
                        return Err(
                            it.value_error("string keys in translate table must be of length 1")
                        );
                    }
                    Value::Int(_) => put(k.clone(), v.clone()),
                    _ => {
                        return Err(
                            it.type_error("keys in translate table must be strings or integers")
                        );
                    }
                }
            }
        }
        [_] => {
            return Err(
                it.type_error("if you give only one argument to maketrans it must be a dict")
            );
        }
        [from, to, rest @ ..] if rest.len() <= 1 => {
            for (i, v) in [from, to].into_iter().chain(rest).enumerate() {
                if !matches!(v, Value::Str(_)) {
                    return Err(it.type_error(format!(
                        "maketrans() argument {} must be str, not {}",
                        i + 1,
                        it.type_name(v)
                    )));
                }
            }
            let (Value::Str(from), Value::Str(to)) = (from, to) else {
                return Ok(Value::None);
            };
            if from.chars().count() != to.chars().count() {
                return Err(
                    it.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (a, b) in from.chars().zip(to.chars()) {
                put(code(a), code(b));
            }
            if let Some(Value::Str(deleted)) = rest.first() {
                for c in deleted.chars() {
                    put(code(c), Value::None);
                }
            }
        }
        _ => {
            return Err(it.type_error(format!(
                "maketrans expected at most 3 arguments, got {}",
                args.pos.len()
            )));
        }
    }
    Ok(Value::dict(table))
}

/// `s.translate(table)`: each character looked up by its code point (`table[ord(c)]`); one
/// the table does not have (LookupError) stays.
async fn str_translate(it: &Rc<Interp>, s: &str, table: &Value) -> PyResult<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = Value::Int(i64::from(u32::from(c)));
        match it.getitem(table, &key).await {
            Ok(Value::None) => {}
            Ok(Value::Str(text)) => out.push_str(&text),
            Ok(Value::Int(n)) => match u32::try_from(n).ok().and_then(char::from_u32) {
                Some(mapped) => out.push(mapped),
                None => {
                    return Err(it.value_error("character mapping must be in range(0x110000)"));
                }
            },
            Ok(_) => {
                return Err(it.type_error("character mapping must return integer, None or str"));
            }
            Err(e) if it.exc_is(&e, "LookupError") => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

pub(crate) async fn str_format(it: &Rc<Interp>, s: &str, args: &Args) -> PyResult<String> {
    let mut numbering = Numbering::Unused;
    format_fields(it, s, Fields::Args(args), &mut numbering).await
}

/// Where a format string's fields come from: `str.format`'s arguments, or the mapping of
/// `str.format_map` (read with `mapping[name]`, so a dict subclass's `__missing__` answers).
#[derive(Clone, Copy)]
enum Fields<'a> {
    Args(&'a Args),
    Mapping(&'a Value),
}

/// How a format string numbers its fields: `{}` counts on (through nested specs too), `{0}`
/// names one; CPython refuses a mix.
enum Numbering {
    Unused,
    Auto(usize),
    Manual,
}

fn format_fields<'a>(
    it: &'a Rc<Interp>,
    s: &'a str,
    args: Fields<'a>,
    numbering: &'a mut Numbering,
) -> Lbf<'a, PyResult<String>> {
    Box::pin(async move {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '{' {
                if chars.get(i + 1) == Some(&'{') {
                    out.push('{');
                    i += 2;
                    continue;
                }
                let mut j = i + 1;
                let mut depth = 1;
                while j < chars.len() {
                    if chars[j] == '{' {
                        depth += 1;
                    } else if chars[j] == '}' {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    j += 1;
                }
                if j >= chars.len() {
                    return Err(it.value_error("Single '{' encountered in format string"));
                }
                let field: String = chars[i + 1..j].iter().collect();
                i = j + 1;
                out.push_str(&format_field(it, &field, args, numbering).await?);
            } else if c == '}' {
                if chars.get(i + 1) == Some(&'}') {
                    i += 2;
                    out.push('}');
                    continue;
                }
                return Err(it.value_error("Single '}' encountered in format string"));
            } else {
                out.push(c);
                i += 1;
            }
        }
        Ok(out)
    })
}

/// One replacement field: `name[.attr][[key]]...[!conv][:spec]`.
async fn format_field(
    it: &Rc<Interp>,
    field: &str,
    fields: Fields<'_>,
    numbering: &mut Numbering,
) -> PyResult<String> {
    // The spec starts at the first ':' outside brackets.
    let mut bracket = false;
    let colon = field.char_indices().find(|&(_, c)| {
        match c {
            '[' => bracket = true,
            ']' => bracket = false,
            _ => {}
        }
        c == ':' && !bracket
    });
    let (head, spec) = match colon {
        Some((k, _)) => (&field[..k], &field[k + 1..]),
        None => (field, ""),
    };
    let (head, conv) = match head.find('!') {
        Some(k) => (&head[..k], head[k + 1..].chars().next()),
        None => (head, None),
    };
    let name_end = head.find(['.', '[']).unwrap_or(head.len());
    let (first, mut rest) = (&head[..name_end], &head[name_end..]);
    let positional = first.is_empty() || first.parse::<usize>().is_ok();
    let args = match fields {
        Fields::Args(args) => args,
        Fields::Mapping(_) if positional => {
            return Err(it.value_error("Format string contains positional fields"));
        }
        Fields::Mapping(_) => &Args::default(),
    };
    let mut v = if positional {
        let n = match (first.parse::<usize>().ok(), &*numbering) {
            (None, Numbering::Manual) => {
                return Err(it.value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            (Some(_), Numbering::Auto(_)) => {
                return Err(it.value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            (None, Numbering::Auto(n)) => *n,
            (None, Numbering::Unused) => 0,
            (Some(n), _) => n,
        };
        *numbering = if first.is_empty() {
            Numbering::Auto(n + 1)
        } else {
            Numbering::Manual
        };
        args.pos.get(n).cloned().ok_or_else(|| {
            it.err(
                "IndexError",
                format!("Replacement index {n} out of range for positional args tuple"),
            )
        })?
    } else if let Fields::Mapping(mapping) = fields {
        it.getitem(mapping, &Value::str(first)).await?
    } else {
        args.kw
            .iter()
            .find(|(k, _)| &**k == first)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| it.new_exc(&it.t.by_name("KeyError"), vec![Value::str(first)]))?
    };
    // `.attr` and `[key]` (a key of digits is an int), left to right.
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            v = it.get_attr(&v, &after[..end]).await?;
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let Some(end) = after.find(']') else {
                return Err(it.value_error("Missing ']' in format string"));
            };
            let key = &after[..end];
            let key = match key.parse::<i64>() {
                Ok(n) if !key.starts_with(['-', '+']) => Value::Int(n),
                _ => Value::str(key),
            };
            v = it.getitem(&v, &key).await?;
            rest = &after[end + 1..];
        } else {
            return Err(it.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    let v = match conv {
        Some('r') => Value::str(it.repr_of(&v).await?),
        Some('s') => Value::str(it.str_of(&v).await?),
        Some('a') => Value::str(crate::format::ascii_escape(&it.repr_of(&v).await?)),
        _ => v,
    };
    let spec = if spec.contains('{') {
        format_fields(it, spec, fields, numbering).await?
    } else {
        spec.to_string()
    };
    it.format_value(&v, &spec).await
}

async fn list_method(
    it: &Rc<Interp>,
    recv: &Value,
    l: &Rc<RefCell<Vec<Value>>>,
    name: &str,
    mut args: Args,
) -> PyResult {
    Ok(match name {
        "append" => {
            it.alloc(1)?;
            l.borrow_mut()
                .push(args.pos.first().cloned().unwrap_or_default());
            Value::None
        }
        "extend" => {
            let items = it.collect(args.pos.first().unwrap_or(&Value::None)).await?;
            it.alloc(items.len())?;
            l.borrow_mut().extend(items);
            Value::None
        }
        "pop" => {
            let mut v = l.borrow_mut();
            if v.is_empty() {
                return Err(it.err("IndexError", "pop from empty list"));
            }
            let idx = match args.pos.first() {
                Some(Value::Int(i)) => match vops::norm_index(*i, v.len()) {
                    Some(j) => j,
                    None => return Err(it.err("IndexError", "pop index out of range")),
                },
                _ => v.len() - 1,
            };
            v.remove(idx)
        }
        "insert" => {
            let (Some(Value::Int(i)), Some(x)) = (args.pos.first(), args.pos.get(1)) else {
                return Err(it.type_error("insert expected 2 arguments"));
            };
            let mut v = l.borrow_mut();
            let n = v.len() as i64;
            let pos = if *i < 0 { (*i + n).max(0) } else { (*i).min(n) } as usize;
            v.insert(pos, x.clone());
            Value::None
        }
        "remove" => {
            let x = args.pos.first().cloned().unwrap_or_default();
            let items = l.borrow().clone();
            for (i, v) in items.iter().enumerate() {
                if it.eq(v, &x).await? {
                    let removed = l.borrow_mut().remove(i);
                    drop(removed);
                    return Ok(Value::None);
                }
            }
            return Err(it.value_error("list.remove(x): x not in list"));
        }
        "index" | "count" => {
            let items = l.borrow().clone();
            seq_index_count(it, &items, name, &args).await?
        }
        "sort" => {
            let key = args.take_kw("key");
            let reverse = match args.take_kw("reverse") {
                Some(v) => it.truthy(&v).await?,
                None => false,
            };
            let items = l.borrow().clone();
            let sorted = super::sort_values(it, items, key, reverse).await?;
            *l.borrow_mut() = sorted;
            Value::None
        }
        "copy" => Value::list(l.borrow().clone()),
        "clear" => {
            let old = std::mem::take(&mut *l.borrow_mut());
            drop(old);
            Value::None
        }
        "reverse" => {
            l.borrow_mut().reverse();
            Value::None
        }
        "__len__" => Value::Int(l.borrow().len() as i64),
        "__contains__" => Value::Bool(
            it.contains(recv, args.pos.first().unwrap_or(&Value::None))
                .await?,
        ),
        "__getitem__" => {
            it.getitem(recv, args.pos.first().unwrap_or(&Value::None))
                .await?
        }
        _ => return Err(it.attr_error(recv, name)),
    })
}

/// `dict.update(other)` / `dict(other)`: from a dict or an iterable of pairs.
pub(crate) async fn dict_update_from(it: &Rc<Interp>, d: &mut Dict, src: &Value) -> PyResult<()> {
    let src = it.inherited(src, &["keys", "__getitem__"]);
    // Any other object with `keys()` is a mapping: its keys, and `src[key]` for each.
    if let Value::Instance(_) = src
        && let Some(keys) = it.get_attr_opt(src, "keys").await?
    {
        let keys = it.call(keys, Args::default()).await?;
        for key in it.collect(&keys).await? {
            let value = it.getitem(src, &key).await?;
            let h = it.hash_key(&key).await?;
            d.insert_key(h, key, value);
        }
        return Ok(());
    }
    if let Value::Dict(s) = src {
        for (k, v) in s.borrow().iter() {
            if let Some(h) = HashKey::of(k) {
                d.insert_key(h, k.clone(), v.clone());
            }
        }
        return Ok(());
    }
    for (n, item) in it.collect(src).await?.into_iter().enumerate() {
        let pair = match it.collect(&item).await {
            Ok(pair) => pair,
            Err(e) if it.exc_is(&e, "TypeError") => {
                return Err(it.type_error(format!(
                    "cannot convert dictionary update sequence element #{n} to a sequence"
                )));
            }
            Err(e) => return Err(e),
        };
        if pair.len() != 2 {
            return Err(it.value_error(format!(
                "dictionary update sequence element #{n} has length {}; 2 is required",
                pair.len()
            )));
        }
        let h = it.hash_key(&pair[0]).await?;
        d.insert_key(h, pair[0].clone(), pair[1].clone());
    }
    Ok(())
}

async fn dict_method(
    it: &Rc<Interp>,
    d: &Rc<RefCell<Dict>>,
    name: &str,
    mut args: Args,
) -> PyResult {
    let view = |kind: u8| -> Value {
        Value::Native(Rc::new(NativeObj::DictView {
            dict: d.clone(),
            kind,
        }))
    };
    Ok(match name {
        "get" => {
            let k = args.pos.first().cloned().unwrap_or_default();
            let h = it.hash_key(&k).await?;
            d.borrow()
                .get_key(&h)
                .cloned()
                .unwrap_or_else(|| args.pos.get(1).cloned().unwrap_or_default())
        }
        "keys" => view(0),
        "values" => view(1),
        "items" => view(2),
        "setdefault" => {
            let k = args.pos.first().cloned().unwrap_or_default();
            let h = it.hash_key(&k).await?;
            let existing = d.borrow().get_key(&h).cloned();
            match existing {
                Some(v) => v,
                None => {
                    let v = args.pos.get(1).cloned().unwrap_or_default();
                    d.borrow_mut().insert_key(h, k, v.clone());
                    v
                }
            }
        }
        "pop" => {
            let k = args.pos.first().cloned().unwrap_or_default();
            let h = it.hash_key(&k).await?;
            let removed = d.borrow_mut().remove_key(&h);
            match removed {
                Some((_, v)) => v,
                None => match args.pos.get(1) {
                    Some(def) => def.clone(),
                    None => return Err(it.new_exc(&it.t.by_name("KeyError"), vec![k])),
                },
            }
        }
        "popitem" => {
            let last = d.borrow_mut().pop_last();
            match last {
                Some((k, v)) => Value::tuple(vec![k, v]),
                None => return Err(it.err("KeyError", "popitem(): dictionary is empty")),
            }
        }
        "update" => {
            let mut tmp = d.borrow().clone();
            if let Some(src) = args.pos.first() {
                dict_update_from(it, &mut tmp, src).await?;
            }
            for (k, v) in std::mem::take(&mut args.kw) {
                tmp.insert_key(HashKey::Str(k.clone()), Value::Str(k), v);
            }
            *d.borrow_mut() = tmp;
            Value::None
        }
        "copy" => Value::dict(d.borrow().clone()),
        "clear" => {
            let old = std::mem::take(&mut *d.borrow_mut());
            drop(old);
            Value::None
        }
        "__len__" => Value::Int(d.borrow().len() as i64),
        "__contains__" => {
            let h = it
                .hash_key(args.pos.first().unwrap_or(&Value::None))
                .await?;
            Value::Bool(d.borrow().contains_key(&h))
        }
        "__getitem__" => {
            it.getitem(
                &Value::Dict(d.clone()),
                args.pos.first().unwrap_or(&Value::None),
            )
            .await?
        }
        _ => return Err(it.attr_error(&Value::Dict(d.clone()), name)),
    })
}

async fn set_method(it: &Rc<Interp>, d: &Rc<RefCell<Dict>>, name: &str, args: Args) -> PyResult {
    if d.borrow().frozen {
        if SET_CHANGES.contains(&name) {
            return Err(it.attr_error(&Value::Set(d.clone()), name));
        }
        if name == "copy" {
            return Ok(Value::Set(d.clone()));
        }
    }
    Ok(match name {
        "add" => {
            let x = args.pos.first().cloned().unwrap_or_default();
            let h = it.hash_key(&x).await?;
            d.borrow_mut().insert_key(h, x, Value::None);
            Value::None
        }
        "discard" | "remove" => {
            let x = args.pos.first().cloned().unwrap_or_default();
            let h = it.hash_key(&x).await?;
            let removed = d.borrow_mut().remove_key(&h);
            if removed.is_none() && name == "remove" {
                return Err(it.new_exc(&it.t.by_name("KeyError"), vec![x]));
            }
            Value::None
        }
        "pop" => {
            let first = d.borrow().set_keys().into_iter().next();
            match first {
                Some(k) => {
                    let h = it.hash_key(&k).await?;
                    d.borrow_mut().remove_key(&h);
                    k
                }
                None => return Err(it.err("KeyError", "pop from an empty set")),
            }
        }
        "clear" => {
            d.borrow_mut().clear();
            Value::None
        }
        "copy" => Value::Set(Rc::new(RefCell::new(d.borrow().clone()))),
        "update" => {
            for a in &args.pos {
                for x in it.collect(a).await? {
                    let h = it.hash_key(&x).await?;
                    d.borrow_mut().insert_key(h, x, Value::None);
                }
            }
            Value::None
        }
        "union" | "intersection" | "difference" | "symmetric_difference" => {
            let mut acc = Value::Set(Rc::new(RefCell::new(d.borrow().clone())));
            for a in &args.pos {
                let o = Value::Set(it.any_as_set(a).await?);
                let op = match name {
                    "union" => crate::syntax::ast::BinOp::BitOr,
                    "intersection" => crate::syntax::ast::BinOp::BitAnd,
                    "difference" => crate::syntax::ast::BinOp::Sub,
                    _ => crate::syntax::ast::BinOp::BitXor,
                };
                acc = it.binop(op, &acc, &o).await?;
            }
            acc
        }
        "issubset" | "issuperset" | "isdisjoint" => {
            let o = it
                .any_as_set(args.pos.first().unwrap_or(&Value::None))
                .await?;
            let (me, o) = (d.borrow(), o.borrow());
            let in_o = |k: &Value| HashKey::of(k).map(|h| o.contains_key(&h)).unwrap_or(false);
            let in_me = |k: &Value| HashKey::of(k).map(|h| me.contains_key(&h)).unwrap_or(false);
            Value::Bool(match name {
                "issubset" => me.iter().all(|(k, _)| in_o(k)),
                "issuperset" => o.iter().all(|(k, _)| in_me(k)),
                _ => !me.iter().any(|(k, _)| in_o(k)),
            })
        }
        "__len__" => Value::Int(d.borrow().len() as i64),
        "__contains__" => {
            let h = it
                .hash_key(args.pos.first().unwrap_or(&Value::None))
                .await?;
            Value::Bool(d.borrow().contains_key(&h))
        }
        _ => return Err(it.attr_error(&Value::Set(d.clone()), name)),
    })
}

/// Makes `coro.start_throw` the given cell (the body of an `aclose()` awaitable reads it).
fn share_start_throw(
    coro: Rc<crate::runtime::object::Coro>,
    cell: Rc<RefCell<Option<crate::runtime::value::ExcRef>>>,
) -> Rc<crate::runtime::object::Coro> {
    // The coroutine was just created and is not shared yet: rebuild it around the cell.
    match Rc::try_unwrap(coro) {
        Ok(mut c) => {
            c.start_throw = cell;
            Rc::new(c)
        }
        Err(shared) => shared,
    }
}

/// `str.splitlines`: the line boundaries Python knows (`\n`, `\r`, `\r\n`, `\v`, `\f`, the
/// file, group and record separators, NEL and the Unicode line and paragraph separators), with
/// or without them.
fn split_lines(s: &str, keepends: bool) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end_of_break = match c {
            '\r' if chars.peek().map(|(_, next)| *next) == Some('\n') => {
                chars.next();
                i + 2
            }
            '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}'
            | '\u{2029}' => i + c.len_utf8(),
            _ => continue,
        };
        lines.push(&s[start..if keepends { end_of_break } else { i }]);
        start = end_of_break;
    }
    if start < s.len() {
        lines.push(&s[start..]);
    }
    lines
}

/// The methods of asyncio's own deque ([`NativeObj::Deque`]).
const DEQUE_METHODS: &[&str] = &["append", "appendleft", "pop", "popleft", "remove", "clear"];

/// A method of asyncio's own deque, with `collections.deque`'s messages.
async fn deque_method(
    it: &Rc<Interp>,
    recv: &Value,
    items: &RefCell<std::collections::VecDeque<Value>>,
    name: &str,
    args: Args,
) -> PyResult {
    let mut pos = args.pos.into_iter();
    match name {
        "append" | "appendleft" => {
            let x = pos.next().ok_or_else(|| {
                it.type_error(format!(
                    "deque.{name}() takes exactly one argument (0 given)"
                ))
            })?;
            it.alloc(1)?;
            if name == "append" {
                items.borrow_mut().push_back(x);
            } else {
                items.borrow_mut().push_front(x);
            }
            Ok(Value::None)
        }
        "pop" | "popleft" => {
            let popped = if name == "pop" {
                items.borrow_mut().pop_back()
            } else {
                items.borrow_mut().pop_front()
            };
            popped.ok_or_else(|| it.err("IndexError", "pop from an empty deque"))
        }
        "remove" => {
            let x = pos.next().unwrap_or_default();
            let snapshot: Vec<Value> = items.borrow().iter().cloned().collect();
            for (i, item) in snapshot.iter().enumerate() {
                if item.is_same(&x) || it.eq(item, &x).await? {
                    items.borrow_mut().remove(i);
                    return Ok(Value::None);
                }
            }
            Err(it.err(
                "ValueError",
                format!("{} is not in deque", it.repr_of(&x).await?),
            ))
        }
        "clear" => {
            items.borrow_mut().clear();
            Ok(Value::None)
        }
        _ => Err(it.attr_error(recv, name)),
    }
}
