//! Builtin functions, builtin type constructors, and the small stdlib modules
//! (`time`, `sys`, `gc`, `warnings`, `random`, `math`).

pub(crate) mod bytearray;
pub(crate) mod bytes;
pub(crate) mod methods;
pub(crate) mod modules;
pub(crate) mod random;
pub(crate) mod regex;
pub(crate) mod signature;
pub(crate) mod sre;
pub(crate) mod stdlib;
pub(crate) mod struct_floats;

use crate::run::Missing;
use std::cell::RefCell;
use std::rc::Rc;

use crate::interp::Interp;
use crate::run::Stream;
use crate::runtime::bigint;
use crate::runtime::dict::{Dict, HashKey};
use crate::runtime::object::{
    Args, Builtin, BuiltinFn, Class, IterState, NativeObj, StreamKind, Ty,
};
use crate::runtime::ops as vops;
use crate::runtime::value::{Lbf, PyResult, Value};

/// Declares an async builtin: `abuiltin!(name, |it, args| async body)`.
macro_rules! abuiltin {
    ($fname:ident, |$it:ident, $args:ident| $body:block) => {
        fn $fname(
            $it: Rc<Interp>,
            _b: Rc<Builtin>,
            #[allow(unused_mut)] mut $args: Args,
        ) -> Lbf<'static, PyResult> {
            Box::pin(async move { $body })
        }
    };
}

pub(crate) mod math;

/// A builtin function value.
pub(crate) fn func(name: &str, f: BuiltinFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: Rc::from(name),
        bound: None,
        f,
        sig: None,
    }))
}

fn need(it: &Interp, args: &Args, n: usize, name: &str) -> PyResult<()> {
    if args.pos.len() < n {
        return Err(it.type_error(format!(
            "{name}() takes at least {n} argument{} ({} given)",
            if n == 1 { "" } else { "s" },
            args.pos.len()
        )));
    }
    Ok(())
}

/// Installs every builtin into the interpreter's builtins table. Their arguments are checked by
/// their [`signature`] before they run, so they index `args.pos` only as far as it guarantees.
pub(crate) fn install(it: &Rc<Interp>) {
    let mut b = it.builtins.borrow_mut();
    let mut add = |name: &str, v: Value| {
        b.insert(Rc::from(name), v);
    };
    for (name, f) in [
        ("print", BuiltinFn::Async(print)),
        ("repr", BuiltinFn::Async(repr)),
        ("ascii", BuiltinFn::Async(ascii)),
        ("len", BuiltinFn::Async(len)),
        ("sorted", BuiltinFn::Async(sorted)),
        ("reversed", BuiltinFn::Async(reversed)),
        ("enumerate", BuiltinFn::Async(enumerate)),
        ("zip", BuiltinFn::Async(zip)),
        ("map", BuiltinFn::Async(map)),
        ("filter", BuiltinFn::Async(filter)),
        ("any", BuiltinFn::Async(any)),
        ("all", BuiltinFn::Async(all)),
        ("sum", BuiltinFn::Async(sum)),
        ("min", BuiltinFn::Async(min)),
        ("max", BuiltinFn::Async(max)),
        ("iter", BuiltinFn::Async(iter)),
        ("next", BuiltinFn::Async(next)),
        ("getattr", BuiltinFn::Async(getattr)),
        ("hasattr", BuiltinFn::Async(hasattr)),
        ("setattr", BuiltinFn::Async(setattr)),
        ("delattr", BuiltinFn::Async(delattr)),
        ("vars", BuiltinFn::Async(vars)),
        ("dir", BuiltinFn::Sync(dir)),
        ("format", BuiltinFn::Async(format)),
        ("hash", BuiltinFn::Async(hash)),
        ("id", BuiltinFn::Sync(id)),
        ("abs", BuiltinFn::Async(abs_of)),
        ("round", BuiltinFn::Async(round_of)),
        ("divmod", BuiltinFn::Async(divmod_of)),
        ("bin", BuiltinFn::Async(in_base)),
        ("oct", BuiltinFn::Async(in_base)),
        ("hex", BuiltinFn::Async(in_base)),
        ("isinstance", BuiltinFn::Async(isinstance)),
        ("super", BuiltinFn::Sync(super_of)),
        ("issubclass", BuiltinFn::Async(issubclass)),
        ("callable", BuiltinFn::Sync(callable)),
        ("compile", BuiltinFn::Sync(compile)),
        ("chr", BuiltinFn::Sync(chr)),
        ("ord", BuiltinFn::Sync(ord)),
        ("pow", BuiltinFn::Async(pow)),
        (
            "globals",
            BuiltinFn::Sync(|it, _, _| {
                let mut d = Dict::new();
                for (k, v) in it.main.dict.borrow().iter() {
                    d.insert_str(k, v.clone());
                }
                Ok(Value::dict(d))
            }),
        ),
        (
            "input",
            BuiltinFn::Sync(|it, _, _| Err(it.unsupported(Missing::Input))),
        ),
        (
            "open",
            BuiltinFn::Sync(|it, _, _| Err(it.unsupported(Missing::Open))),
        ),
        (
            "memoryview",
            BuiltinFn::Sync(|it, _, _| Err(it.unsupported(Missing::MemoryView))),
        ),
        ("exit", BuiltinFn::Sync(sys_exit)),
        ("quit", BuiltinFn::Sync(sys_exit)),
        ("aiter", BuiltinFn::Async(aiter)),
        ("anext", BuiltinFn::Async(anext)),
    ] {
        add(
            name,
            Value::Builtin(Rc::new(Builtin {
                name: Rc::from(name),
                bound: None,
                f,
                sig: signature::of_function(name),
            })),
        );
    }
    let t = &it.t;
    for (name, c) in [
        ("int", &t.int),
        ("float", &t.float),
        ("str", &t.str_),
        ("bool", &t.bool_),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("bytes", &t.bytes),
        ("bytearray", &t.bytearray),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("classmethod", &t.classmethod),
        ("staticmethod", &t.staticmethod),
        ("object", &t.object),
        ("type", &t.type_),
    ] {
        add(name, Value::Class(c.clone()));
    }
    for (name, c) in t.exc.iter() {
        if c.module.as_ref() == "builtins" {
            add(name, Value::Class(c.clone()));
        }
    }
    // Old names of OSError, kept by CPython as aliases.
    for alias in ["IOError", "EnvironmentError"] {
        add(alias, Value::Class(t.exc["OSError"].clone()));
    }
    add("None", Value::None);
    add("Ellipsis", Value::Ellipsis);
    add("NotImplemented", Value::NotImplemented);
    drop(b);
    // BaseException.__init__ stores args; object.__init__ accepts nothing extra.
    t.exc["BaseException"].dict.borrow_mut().insert_str(
        "__init__",
        func(
            "__init__",
            BuiltinFn::Sync(|_, _, a| {
                if let Some(Value::Instance(e)) = a.pos.first()
                    && let Some(d) = &e.exc
                {
                    *d.args.borrow_mut() = a.pos[1..].to_vec().into();
                }
                Ok(Value::None)
            }),
        ),
    );
    t.object.dict.borrow_mut().insert_str(
        "__init__",
        func(
            "__init__",
            BuiltinFn::Sync(|it, _, a| {
                if a.pos.len() > 1 || !a.kw.is_empty() {
                    let name = match a.pos.first() {
                        Some(v) => it.type_name(v).to_string(),
                        None => "object".into(),
                    };
                    return Err(it.type_error(format!("{name}() takes no arguments")));
                }
                Ok(Value::None)
            }),
        ),
    );
}

fn sys_exit(it: &Rc<Interp>, _: &Builtin, a: Args) -> PyResult {
    Err(it.new_exc(&it.t.by_name("SystemExit"), a.pos))
}

abuiltin!(print, |it, args| {
    let text_kw = |name: &str, v: Option<Value>, default: &str| match v {
        Some(Value::None) | None => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(other) => Err(it.type_error(format!(
            "{name} must be None or a string, not {}",
            it.type_name(&other)
        ))),
    };
    let sep = text_kw("sep", args.take_kw("sep"), " ")?;
    let end = text_kw("end", args.take_kw("end"), "\n")?;
    let file = args.take_kw("file");
    args.take_kw("flush");
    if let Some((k, _)) = args.kw.first() {
        return Err(it.type_error(format!("'{k}' is an invalid keyword argument for print()")));
    }
    let mut text = String::new();
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        text.push_str(&it.str_of(v).await?);
    }
    text.push_str(&end);
    // Without `file=`, whatever `sys.stdout` is now (`contextlib.redirect_stdout` swaps it).
    let file = match file {
        None | Some(Value::None) => it.sys_stream("stdout"),
        Some(f) => Some(f),
    };
    match file {
        None => it.write_output(Stream::Stdout, &text),
        Some(Value::Native(n)) if matches!(&*n, NativeObj::Stream(_)) => {
            if let NativeObj::Stream(s) = &*n {
                it.write_output(stream_of(*s), &text);
            }
        }
        Some(other) => {
            it.call_method(other, &Rc::from("write"), Args::new(vec![Value::str(text)]))
                .await?;
        }
    }
    Ok(Value::None)
});

/// The engine stream for a `sys.stdout`/`sys.stderr` object.
pub(crate) fn stream_of(s: StreamKind) -> Stream {
    match s {
        StreamKind::Stdout => Stream::Stdout,
        StreamKind::Stderr => Stream::Stderr,
    }
}

abuiltin!(repr, |it, args| {
    Ok(Value::str(it.repr_of(&args.pos[0]).await?))
});

abuiltin!(ascii, |it, args| {
    Ok(Value::str(crate::format::ascii_escape(
        &it.repr_of(&args.pos[0]).await?,
    )))
});

abuiltin!(len, |it, args| {
    Ok(Value::Int(it.len_of(&args.pos[0]).await? as i64))
});

/// Sorts values (stable), with an optional key function and reverse flag, as CPython's
/// `list.sort` does: a reverse sort reverses, sorts and reverses back (so equal keys keep their
/// order). Keys that Rust can order are sorted natively; otherwise (the program's own `__lt__`,
/// or a pair that cannot be compared) the keys are sorted with CPython's algorithm, so the same
/// comparisons run in the same order and an error names the pair CPython's meets first.
pub(crate) async fn sort_values(
    it: &Rc<Interp>,
    items: Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let keys = match &key {
        Some(k) if !matches!(k, Value::None) => {
            let mut ks = Vec::with_capacity(items.len());
            for v in &items {
                ks.push(it.call(k.clone(), Args::new(vec![v.clone()])).await?);
            }
            ks
        }
        _ => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    let mut orderable = true;
    idx.sort_by(|&a, &b| {
        vops::cmp_fast(&keys[a], &keys[b]).unwrap_or_else(|| {
            orderable = false;
            std::cmp::Ordering::Equal
        })
    });
    if !orderable {
        idx = (0..items.len()).collect();
        if reverse {
            idx.reverse();
        }
        timsort(it, &keys, &mut idx).await?;
    }
    if reverse {
        idx.reverse();
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

/// `keys[a] < keys[b]`, as Python compares them.
async fn key_lt(it: &Rc<Interp>, keys: &[Value], a: usize, b: usize) -> PyResult<bool> {
    match vops::cmp_fast(&keys[a], &keys[b]) {
        Some(order) => Ok(order == std::cmp::Ordering::Less),
        None => {
            it.compare(crate::syntax::ast::CmpOp::Lt, &keys[a], &keys[b])
                .await
        }
    }
}

/// CPython's timsort over `idx` (indices into `keys`): natural runs (a strictly descending one
/// reversed), short runs extended to `minrun` by binary insertion, runs merged as its stack
/// invariants say. Its galloping mode is left out: merges compare one pair at a time.
async fn timsort(it: &Rc<Interp>, keys: &[Value], idx: &mut [usize]) -> PyResult<()> {
    let n = idx.len();
    if n < 2 {
        return Ok(());
    }
    let minrun = {
        let (mut m, mut r) = (n, 0);
        while m >= 64 {
            r |= m & 1;
            m >>= 1;
        }
        m + r
    };
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut lo = 0;
    while lo < n {
        let remaining = n - lo;
        // count_run
        let mut run = 1;
        if remaining > 1 {
            run = 2;
            if key_lt(it, keys, idx[lo + 1], idx[lo]).await? {
                while lo + run < n && key_lt(it, keys, idx[lo + run], idx[lo + run - 1]).await? {
                    run += 1;
                }
                idx[lo..lo + run].reverse();
            } else {
                while lo + run < n && !key_lt(it, keys, idx[lo + run], idx[lo + run - 1]).await? {
                    run += 1;
                }
            }
        }
        if run < minrun {
            let force = remaining.min(minrun);
            // binarysort
            for start in lo + run..lo + force {
                let pivot = idx[start];
                let (mut l, mut r) = (lo, start);
                while l < r {
                    let p = l + ((r - l) >> 1);
                    if key_lt(it, keys, pivot, idx[p]).await? {
                        r = p;
                    } else {
                        l = p + 1;
                    }
                }
                idx.copy_within(l..start, l + 1);
                idx[l] = pivot;
            }
            run = force;
        }
        runs.push((lo, run));
        // merge_collapse
        while runs.len() > 1 {
            let mut m = runs.len() - 2;
            let len = |i: usize| runs[i].1;
            if (m > 0 && len(m - 1) <= len(m) + len(m + 1))
                || (m > 1 && len(m - 2) <= len(m - 1) + len(m))
            {
                if len(m - 1) < len(m + 1) {
                    m -= 1;
                }
            } else if len(m) > len(m + 1) {
                break;
            }
            merge_runs(it, keys, idx, &mut runs, m).await?;
        }
        lo += run;
    }
    while runs.len() > 1 {
        let mut m = runs.len() - 2;
        if m > 0 && runs[m - 1].1 < runs[m + 1].1 {
            m -= 1;
        }
        merge_runs(it, keys, idx, &mut runs, m).await?;
    }
    Ok(())
}

/// Merges the adjacent runs `m` and `m + 1` (stable: B's item goes first only when it is
/// less than A's).
async fn merge_runs(
    it: &Rc<Interp>,
    keys: &[Value],
    idx: &mut [usize],
    runs: &mut Vec<(usize, usize)>,
    m: usize,
) -> PyResult<()> {
    let (start, len_a) = runs[m];
    let len_b = runs[m + 1].1;
    let a: Vec<usize> = idx[start..start + len_a].to_vec();
    let b: Vec<usize> = idx[start + len_a..start + len_a + len_b].to_vec();
    let (mut i, mut j, mut k) = (0, 0, start);
    while i < a.len() && j < b.len() {
        if key_lt(it, keys, b[j], a[i]).await? {
            idx[k] = b[j];
            j += 1;
        } else {
            idx[k] = a[i];
            i += 1;
        }
        k += 1;
    }
    for &x in a[i..].iter().chain(&b[j..]) {
        idx[k] = x;
        k += 1;
    }
    runs[m] = (start, len_a + len_b);
    runs.remove(m + 1);
    Ok(())
}

abuiltin!(sorted, |it, args| {
    let key = args.take_kw("key");
    let reverse = match args.take_kw("reverse") {
        Some(v) => it.truthy(&v).await?,
        None => false,
    };
    let items = it.collect(&args.pos[0]).await?;
    Ok(Value::list(sort_values(&it, items, key, reverse).await?))
});

abuiltin!(reversed, |it, args| {
    // An object of the program's: its `__reversed__`, or the sequence protocol.
    if let Value::Instance(inst) = &args.pos[0]
        && let Some(method) = inst.class.lookup("__reversed__")
    {
        return it.call(method, Args::new(vec![args.pos[0].clone()])).await;
    }
    if let Some(reversed) = it.meta_dunder(&args.pos[0], "__reversed__", &[]).await? {
        return Ok(reversed);
    }
    let subject = it.inherited(&args.pos[0], &["__iter__", "__getitem__", "__len__"]);
    let mut items = match subject {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) => {
            it.collect(subject).await?
        }
        // A dict's keys, last first.
        Value::Dict(d) => d.borrow().keys(),
        Value::Instance(inst)
            if inst.class.lookup("__getitem__").is_some()
                && inst.class.lookup("__len__").is_some() =>
        {
            let n = it.len_of(subject).await?;
            let mut items = Vec::with_capacity(n);
            for i in 0..n {
                items.push(it.getitem(subject, &Value::Int(i as i64)).await?);
            }
            items
        }
        other => {
            return Err(it.type_error(format!(
                "'{}' object is not reversible",
                it.type_name(other)
            )));
        }
    };
    if let Value::Str(s) = subject {
        items = s.chars().map(|c| Value::str(c.to_string())).collect();
    }
    items.reverse();
    let name = match subject {
        Value::List(_) => "list_reverseiterator",
        Value::Range(_) => "range_iterator",
        _ => "reversed",
    };
    Ok(Value::Iter(Rc::new(RefCell::new(IterState::Vals {
        items: items.into(),
        idx: 0,
        name,
    }))))
});

abuiltin!(enumerate, |it, args| {
    let start = match args.arg(1, "start") {
        Some(Value::Int(i)) => i,
        _ => 0,
    };
    let inner = it.iter_of(&args.pos[0]).await?;
    Ok(Value::Iter(Rc::new(RefCell::new(IterState::Enumerate {
        inner,
        count: start,
    }))))
});

abuiltin!(zip, |it, args| {
    let strict = match args.take_kw("strict") {
        Some(v) => it.truthy(&v).await?,
        None => false,
    };
    let mut iters = Vec::new();
    for a in &args.pos {
        iters.push(it.iter_of(a).await?);
    }
    if iters.is_empty() {
        return Ok(Value::Iter(Rc::new(RefCell::new(IterState::Done("zip")))));
    }
    Ok(Value::Iter(Rc::new(RefCell::new(IterState::Zip {
        iters,
        strict,
    }))))
});

abuiltin!(map, |it, args| {
    need(&it, &args, 2, "map")?;
    let func = args.pos[0].clone();
    let mut iters = Vec::new();
    for a in &args.pos[1..] {
        iters.push(it.iter_of(a).await?);
    }
    Ok(Value::Iter(Rc::new(RefCell::new(IterState::Map {
        func,
        iters,
    }))))
});

abuiltin!(filter, |it, args| {
    let inner = it.iter_of(&args.pos[1]).await?;
    Ok(Value::Iter(Rc::new(RefCell::new(IterState::Filter {
        func: args.pos[0].clone(),
        inner,
    }))))
});

abuiltin!(any, |it, args| {
    let iter = it.iter_of(&args.pos[0]).await?;
    while let Some(v) = it.next_of(&iter).await? {
        if it.truthy(&v).await? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
});

abuiltin!(all, |it, args| {
    let iter = it.iter_of(&args.pos[0]).await?;
    while let Some(v) = it.next_of(&iter).await? {
        if !it.truthy(&v).await? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
});

abuiltin!(sum, |it, args| {
    let mut acc = args.arg(1, "start").unwrap_or(Value::Int(0));
    let refused = match &acc {
        Value::Str(_) => Some("strings [use ''.join(seq) instead]"),
        _ => None,
    };
    if let Some(what) = refused {
        return Err(it.type_error(format!("sum() can't sum {what}")));
    }
    let iter = it.iter_of(&args.pos[0]).await?;
    while let Some(v) = it.next_of(&iter).await? {
        acc = it.binop(crate::syntax::ast::BinOp::Add, &acc, &v).await?;
    }
    Ok(acc)
});

async fn min_max(it: &Rc<Interp>, mut args: Args, want_max: bool) -> PyResult {
    let name = if want_max { "max" } else { "min" };
    let key = args.take_kw("key");
    let default = args.take_kw("default");
    if default.is_some() && args.pos.len() > 1 {
        return Err(it.type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let items = if args.pos.len() == 1 {
        it.collect(&args.pos[0]).await?
    } else {
        args.pos.clone()
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(it.value_error(format!("{name}() arg is an empty sequence"))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) if !matches!(k, Value::None) => {
            it.call(k.clone(), Args::new(vec![best.clone()])).await?
        }
        _ => best.clone(),
    };
    for v in &items[1..] {
        let k = match &key {
            Some(kf) if !matches!(kf, Value::None) => {
                it.call(kf.clone(), Args::new(vec![v.clone()])).await?
            }
            _ => v.clone(),
        };
        let better = if want_max {
            it.compare(crate::syntax::ast::CmpOp::Gt, &k, &best_key)
                .await?
        } else {
            it.compare(crate::syntax::ast::CmpOp::Lt, &k, &best_key)
                .await?
        };
        if better {
            best = v.clone();
            best_key = k;
        }
    }
    Ok(best)
}

abuiltin!(min, |it, args| { min_max(&it, args, false).await });
abuiltin!(max, |it, args| { min_max(&it, args, true).await });

abuiltin!(iter, |it, args| {
    need(&it, &args, 1, "iter")?;
    it.iter_of(&args.pos[0]).await
});

abuiltin!(next, |it, args| {
    let default = args.pos.get(1).cloned();
    match &args.pos[0] {
        Value::Iter(_) | Value::Coro(_) | Value::Instance(_) => {}
        other => {
            return Err(it.type_error(format!(
                "'{}' object is not an iterator",
                it.type_name(other)
            )));
        }
    }
    let generator = match &args.pos[0] {
        Value::Coro(c) if c.kind == crate::runtime::object::CoroKind::Generator => Some(c.clone()),
        Value::Iter(st) => st.borrow().wrapped_coro(),
        _ => None,
    };
    if let Some(c) = &generator {
        return match it.gen_resume(c, None).await {
            Ok(crate::interp::drive::GenStep::Yielded(v)) => Ok(v),
            Ok(crate::interp::drive::GenStep::Returned(r)) => match default {
                Some(d) => Ok(d),
                None => Err(it.new_exc(
                    &it.t.by_name("StopIteration"),
                    if matches!(r, Value::None) {
                        vec![]
                    } else {
                        vec![r]
                    },
                )),
            },
            Err(e) if it.exc_is(&e, "StopIteration") => {
                Err(it.runtime_error("generator raised StopIteration"))
            }
            Err(e) => Err(e),
        };
    }
    // An iterator of the program's: its own StopIteration (with its value and frames) goes on.
    if let Value::Instance(inst) = &args.pos[0]
        && let Some(f) = inst.class.lookup("__next__")
    {
        return match (
            it.call(f, Args::new(vec![args.pos[0].clone()])).await,
            default,
        ) {
            (Err(e), Some(d)) if it.exc_is(&e, "StopIteration") => Ok(d),
            (result, _) => result,
        };
    }
    match it.next_of(&args.pos[0]).await? {
        Some(v) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(it.new_exc(&it.t.by_name("StopIteration"), vec![])),
        },
    }
});

abuiltin!(aiter, |it, args| {
    need(&it, &args, 1, "aiter")?;
    it.aiter_of(&args.pos[0]).await
});

abuiltin!(anext, |it, args| {
    need(&it, &args, 1, "anext")?;
    let target = args.pos[0].clone();
    // `anext(it, default)`: the default once the iterator is exhausted.
    let default = args.pos.get(1).cloned();
    let it2 = it.clone();
    let body: Lbf<'static, PyResult> = Box::pin(async move {
        // An async iterator of the program's: its own StopAsyncIteration (with its args) goes on.
        if !matches!(&target, Value::Coro(c) if c.kind == crate::runtime::object::CoroKind::AsyncGenerator)
        {
            let awaitable = it2
                .call_method(target.clone(), &Rc::from("__anext__"), Args::default())
                .await?;
            return match (it2.await_value(awaitable).await, default) {
                (Err(e), Some(d)) if it2.exc_is(&e, "StopAsyncIteration") => Ok(d),
                (result, _) => result,
            };
        }
        match (it2.async_next(&target).await?, default) {
            (Some(v), _) => Ok(v),
            (None, Some(default)) => Ok(default),
            (None, None) => Err(it2.new_exc(&it2.t.by_name("StopAsyncIteration"), vec![])),
        }
    });
    let c = it.native_coro("anext", crate::runtime::object::CoroKind::Coroutine, body);
    if let Value::Coro(c) = &c {
        c.helper.set(true);
    }
    Ok(c)
});

fn attr_name(it: &Interp, v: Option<&Value>) -> PyResult<Rc<str>> {
    match v {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(other) => Err(it.type_error(format!(
            "attribute name must be string, not '{}'",
            it.type_name(other)
        ))),
        None => Err(it.type_error("getattr expected at least 2 arguments")),
    }
}

abuiltin!(getattr, |it, args| {
    let name = attr_name(&it, args.pos.get(1))?;
    match it.get_attr_opt(&args.pos[0], &name).await {
        Ok(Some(v)) => Ok(v),
        // With a default, an AttributeError (a `__getattr__`'s too) gives the default.
        Ok(None) => match args.pos.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(it.attr_error(&args.pos[0], &name)),
        },
        Err(e) if args.pos.len() > 2 && it.exc_is(&e, "AttributeError") => Ok(args.pos[2].clone()),
        Err(e) => Err(e),
    }
});

abuiltin!(hasattr, |it, args| {
    let name = attr_name(&it, args.pos.get(1))?;
    match it.get_attr_opt(&args.pos[0], &name).await {
        Ok(v) => Ok(Value::Bool(v.is_some())),
        Err(e) if it.exc_is(&e, "AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
});

abuiltin!(setattr, |it, args| {
    let name = attr_name(&it, args.pos.get(1))?;
    it.set_attr(&args.pos[0], &name, args.pos[2].clone())
        .await?;
    Ok(Value::None)
});

abuiltin!(format, |it, args| {
    need(&it, &args, 1, "format")?;
    let spec = match args.pos.get(1) {
        Some(Value::Str(s)) => s.to_string(),
        _ => String::new(),
    };
    Ok(Value::str(it.format_value(&args.pos[0], &spec).await?))
});

abuiltin!(pow, |it, args| {
    // Three ints: modular exponentiation, never the whole power.
    if let [base, exp, modulus] = &args.pos[..]
        && let (Some(b), Some(e), Some(m)) = (
            bigint::big_of(base),
            bigint::big_of(exp),
            bigint::big_of(modulus),
        )
    {
        return bigint::pow_mod(&b, &e, &m).map_err(|(cls, msg)| it.err(cls, msg));
    }
    if let Some(modulus) = args.pos.get(2)
        && !matches!(modulus, Value::None | Value::Instance(_))
        && args.pos.iter().all(|v| !matches!(v, Value::Instance(_)))
    {
        return Err(
            it.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    let r = it
        .binop(crate::syntax::ast::BinOp::Pow, &args.pos[0], &args.pos[1])
        .await?;
    match args.pos.get(2) {
        Some(m) => it.binop(crate::syntax::ast::BinOp::Mod, &r, m).await,
        None => Ok(r),
    }
});

abuiltin!(hash, |it, args| {
    let v = args.pos.first().cloned().unwrap_or_default();
    // A class's own `__hash__` says what `hash()` is.
    // (A subclass of a builtin type finds the type's before a mixin's: `class C(str, Enum)`.)
    let own_hash = |inst: &crate::runtime::object::Instance| match inst.items {
        Some(_) => inst.class.lookup_own("__hash__"),
        None => inst.class.lookup("__hash__"),
    };
    if let Value::Instance(inst) = &v
        && let Some(hash) = own_hash(inst)
        && !matches!(hash, Value::None | Value::Native(_))
    {
        return Ok(Value::Int(it.user_hash(&v, hash).await?));
    }
    // Otherwise the key it is in a dict (equal keys hash alike, a tuple of objects too).
    Ok(Value::Int(it.hash_key(&v).await?.py_hash()))
});

fn id(_: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let v = args.pos.first().cloned().unwrap_or_default();
    Ok(Value::Int(
        0x7f00_0000_0000 + (v.identity() as i64 & 0xff_ffff_ffff),
    ))
}

/// The method `name` of the class of `v`, an instance of the program's (`__abs__`, `__index__`).
fn own_dunder(v: Option<&Value>, name: &str) -> Option<Value> {
    match v {
        Some(Value::Instance(inst)) => inst.class.lookup_own(name),
        _ => None,
    }
}

/// The arguments with each instance of a subclass of int replaced by its value, for the
/// numeric builtins once the object's own dunders have had their say.
fn int_values(mut args: Args) -> Args {
    for arg in &mut args.pos {
        if let Value::Instance(inst) = arg
            && let Some(value @ (Value::Int(_) | Value::BigInt(_))) = &inst.items
        {
            *arg = value.clone();
        }
    }
    args
}

// `abs(x)`: an object's `__abs__`, else the number's.
fn abs_of(it: Rc<Interp>, b: Rc<Builtin>, args: Args) -> Lbf<'static, PyResult> {
    Box::pin(async move {
        if let Some(f) = own_dunder(args.pos.first(), "__abs__") {
            return it.call(f, Args::new(vec![args.pos[0].clone()])).await;
        }
        abs(&it, &b, int_values(args))
    })
}

// `round(x[, ndigits])`: an object's `__round__`, else the number's.
fn round_of(it: Rc<Interp>, b: Rc<Builtin>, args: Args) -> Lbf<'static, PyResult> {
    Box::pin(async move {
        if let Some(f) = own_dunder(args.pos.first(), "__round__") {
            return it.call(f, args).await;
        }
        round(&it, &b, int_values(args))
    })
}

// `divmod(a, b)`: `a.__divmod__(b)`, then `b.__rdivmod__(a)`, else the numbers'.
fn divmod_of(it: Rc<Interp>, b: Rc<Builtin>, args: Args) -> Lbf<'static, PyResult> {
    Box::pin(async move {
        if args.pos.len() == 2 {
            let (a, bb) = (&args.pos[0], &args.pos[1]);
            for (dunder, x, y) in [("__divmod__", a, bb), ("__rdivmod__", bb, a)] {
                if let Some(f) = own_dunder(Some(x), dunder) {
                    let r = it.call(f, Args::new(vec![x.clone(), y.clone()])).await?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
        }
        divmod(&it, &b, int_values(args))
    })
}

// `bin(n)`, `oct(n)`, `hex(n)` of an int or an object with `__index__`.
fn in_base(it: Rc<Interp>, b: Rc<Builtin>, args: Args) -> Lbf<'static, PyResult> {
    Box::pin(async move {
        let mut args = args;
        if args.pos.len() == 1
            && let Some(n) = it.index_of(&args.pos[0]).await?
        {
            args.pos[0] = Value::Int(n);
        }
        match &*b.name {
            "bin" => int_in_base(&it, &b, args, "0b", 2),
            "oct" => int_in_base(&it, &b, args, "0o", 8),
            _ => int_in_base(&it, &b, args, "0x", 16),
        }
    })
}

fn abs(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    match args.pos.first() {
        Some(Value::Int(i)) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => bigint::int_value(num_bigint::BigInt::from(*i).magnitude().clone().into()),
        }),
        Some(Value::BigInt(b)) => Ok(bigint::int_value(b.magnitude().clone().into())),
        Some(Value::Bool(b)) => Ok(Value::Int(*b as i64)),
        Some(Value::Float(f)) => Ok(Value::Float(f.abs())),
        Some(other) => Err(it.type_error(format!(
            "bad operand type for abs(): '{}'",
            it.type_name(other)
        ))),
        None => Err(it.type_error("abs() takes exactly one argument (0 given)")),
    }
}

/// Round half to even, like CPython.
fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

fn round(it: &Rc<Interp>, _: &Builtin, mut args: Args) -> PyResult {
    let v = args.arg(0, "number").unwrap_or_default();
    let nd = args.arg(1, "ndigits");
    if let Some(n) = &nd
        && !matches!(n, Value::None | Value::Int(_) | Value::Bool(_))
        && matches!(
            v,
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
        )
    {
        return Err(it.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            it.type_name(n)
        )));
    }
    let nd = match nd {
        Some(Value::Bool(b)) => Some(Value::Int(i64::from(b))),
        other => other,
    };
    match (&v, nd) {
        (Value::Int(_) | Value::BigInt(_), None | Some(Value::None)) => Ok(v.clone()),
        (Value::Bool(b), None | Some(Value::None)) => Ok(Value::Int(i64::from(*b))),
        (Value::Float(f), None | Some(Value::None)) => {
            if !f.is_finite() {
                return Err(it.err(
                    if f.is_nan() {
                        "ValueError"
                    } else {
                        "OverflowError"
                    },
                    if f.is_nan() {
                        "cannot convert float NaN to integer"
                    } else {
                        "cannot convert float infinity to integer"
                    },
                ));
            }
            Ok(bigint::of_integral_float(round_half_even(*f)))
        }
        (Value::Float(f), Some(Value::Int(n))) => {
            // Use the decimal string to round exactly like CPython (correctly rounded).
            if n >= 0 {
                let s = format!("{:.*}", n as usize, f);
                Ok(Value::Float(s.parse().unwrap_or(*f)))
            } else {
                let p = 10f64.powi((-n) as i32);
                Ok(Value::Float(round_half_even(f / p) * p))
            }
        }
        (Value::Int(_) | Value::BigInt(_), Some(Value::Int(n))) => {
            if n >= 0 {
                Ok(v.clone())
            } else {
                let i = bigint::big_of(&v).unwrap_or_default();
                Ok(bigint::round_to_ten(&i, n.unsigned_abs()))
            }
        }
        _ => Err(it.type_error(format!(
            "type {} doesn't define __round__ method",
            it.type_name(&v)
        ))),
    }
}

fn divmod(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    if args.pos.len() != 2 {
        return Err(it.type_error("divmod expected 2 arguments"));
    }
    let (a, b) = (&args.pos[0], &args.pos[1]);
    // A float divided by zero: CPython's float_divmod names itself.
    let number = |v: &Value| {
        matches!(
            v,
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Bool(_)
        )
    };
    let zero = matches!(b, Value::Float(f) if *f == 0.0)
        || matches!(b, Value::Int(0) | Value::Bool(false));
    if zero && number(a) && (matches!(a, Value::Float(_)) || matches!(b, Value::Float(_))) {
        return Err(it.err("ZeroDivisionError", "float divmod()"));
    }
    let q = vops::num_binop(crate::syntax::ast::BinOp::FloorDiv, a, b)
        .map_err(|(c, m)| it.err(c, m))?;
    let r = vops::num_binop(crate::syntax::ast::BinOp::Mod, a, b).map_err(|(c, m)| it.err(c, m))?;
    match (q, r) {
        (Some(q), Some(r)) => Ok(Value::tuple(vec![q, r])),
        _ => Err(it.type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            it.type_name(a),
            it.type_name(b)
        ))),
    }
}

/// `bin(n)`, `oct(n)`, `hex(n)`: `-0b101`, `0o17`, `0xff`.
fn int_in_base(it: &Rc<Interp>, b: &Builtin, args: Args, prefix: &str, base: u32) -> PyResult {
    let n = match args.pos.as_slice() {
        [Value::Int(n)] => *n,
        [Value::Bool(x)] => i64::from(*x),
        [Value::BigInt(n)] => {
            let sign = if n.sign() == num_bigint::Sign::Minus {
                "-"
            } else {
                ""
            };
            let digits = n.magnitude().to_str_radix(base);
            return Ok(Value::str(format!("{sign}{prefix}{digits}")));
        }
        [other] => {
            return Err(it.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                it.type_name(other)
            )));
        }
        pos => {
            return Err(it.type_error(format!(
                "{}() takes exactly one argument ({} given)",
                b.name,
                pos.len()
            )));
        }
    };
    let magnitude = i128::from(n).unsigned_abs();
    let digits = match base {
        2 => format!("{magnitude:b}"),
        8 => format!("{magnitude:o}"),
        _ => format!("{magnitude:x}"),
    };
    let sign = if n < 0 { "-" } else { "" };
    Ok(Value::str(format!("{sign}{prefix}{digits}")))
}

fn class_list(it: &Interp, v: &Value) -> PyResult<Vec<Rc<Class>>> {
    match v {
        Value::Class(c) => Ok(vec![c.clone()]),
        Value::Tuple(items) => {
            let mut out = Vec::new();
            for i in items.iter() {
                out.extend(class_list(it, i)?);
            }
            Ok(out)
        }
        Value::Native(n) => {
            match &**n {
                NativeObj::UnionType(members) => {
                    let mut out = Vec::new();
                    for m in members.iter() {
                        match m {
                            Value::None => out.push(it.t.none.clone()),
                            other => out.extend(class_list(it, other)?),
                        }
                    }
                    Ok(out)
                }
                NativeObj::GenericAlias { .. } => {
                    Err(it.type_error("isinstance() argument 2 cannot be a parameterized generic"))
                }
                _ => Err(it
                    .type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
            }
        }
        _ => Err(it.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")),
    }
}

/// A class's own `__instancecheck__` or `__subclasscheck__` (a class method, as
/// `collections.abc` and `typing.Protocol` define them here, without metaclasses), called with
/// the class and `v`: its verdict, or `None` when the class has no such hook.
async fn class_check(
    it: &Rc<Interp>,
    c: &Rc<Class>,
    hook: &str,
    v: &Value,
) -> PyResult<Option<bool>> {
    // A metaclass's hook (`ABCMeta.__instancecheck__`).
    if let Some(verdict) = it
        .meta_dunder(&Value::Class(c.clone()), hook, std::slice::from_ref(v))
        .await?
    {
        return Ok(Some(it.truthy(&verdict).await?));
    }
    if c.ty != Ty::User {
        return Ok(None);
    }
    // Without a metaclass, a class method stands for one here (a plain
    // method of the class would only apply to its instances, and is not a hook).
    let Some(check) = c.lookup(hook).filter(
        |check| matches!(check, Value::Native(n) if matches!(&**n, NativeObj::ClassMethod(_))),
    ) else {
        return Ok(None);
    };
    let verdict = it
        .call_class_hook(check, c, Args::new(vec![v.clone()]))
        .await?;
    Ok(Some(it.truthy(&verdict).await?))
}

/// `isinstance(v, c)` for one class, with its metaclass's or its own `__instancecheck__`
/// (what a class pattern of `match` asks too).
pub(crate) async fn instance_check(it: &Rc<Interp>, v: &Value, c: &Rc<Class>) -> PyResult<bool> {
    match class_check(it, c, "__instancecheck__", v).await? {
        Some(verdict) => Ok(verdict),
        None => Ok(it.isinstance(v, c)),
    }
}

abuiltin!(isinstance, |it, args| {
    let classes = class_list(&it, &args.pos[1])?;
    for c in &classes {
        if instance_check(&it, &args.pos[0], c).await? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
});

abuiltin!(issubclass, |it, args| {
    let Some(Value::Class(c)) = args.pos.first() else {
        return Err(it.type_error("issubclass() arg 1 must be a class"));
    };
    let classes = class_list(&it, args.pos.get(1).unwrap_or(&Value::None))?;
    for k in &classes {
        let verdict = match class_check(&it, k, "__subclasscheck__", &args.pos[0]).await? {
            Some(verdict) => verdict,
            None => c.is_subclass(k) || k.ty == Ty::Object,
        };
        if verdict {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
});

fn callable(_: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    Ok(Value::Bool(args.pos.first().is_some_and(is_callable)))
}

/// `callable(v)`.
pub(crate) fn is_callable(v: &Value) -> bool {
    match v {
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        _ => false,
    }
}

/// `compile(source, filename, mode)`: parses `source` and raises its `SyntaxError` (with
/// CPython's `msg`, `lineno`, `offset`, `text`...). There are no code objects here (nor `exec` or
/// `eval`), so a successful compile returns `None`: programs use it to check syntax.
fn compile(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let text = |i: usize, what: &str| match args.pos.get(i) {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(it.type_error(format!("compile() arg {} must be a string ({what})", i + 1))),
    };
    let (source, filename, mode) = (text(0, "source")?, text(1, "filename")?, text(2, "mode")?);
    if &*mode != "exec" {
        return Err(it.unsupported(Missing::CompileMode));
    }
    // CPython's compiler-stage errors (found after parsing) carry no `text` when `filename` is
    // not a file it can read, as with source held in a string; the parser's errors do.
    let (e, from_parser) = match crate::syntax::parser::parse_tokens_of(&source, &filename) {
        Err(e) => (e, true),
        Ok(module) => match crate::syntax::check::check_module(&module, &source, &filename) {
            Err(e) => (e, false),
            Ok(_) => return Ok(Value::None),
        },
    };
    let line = match &e.text {
        Some(t) if from_parser => Value::str(format!("{t}\n")),
        _ => Value::None,
    };
    let details: Vec<Value> = vec![
        Value::str(e.filename.as_str()),
        Value::Int(i64::from(e.lineno)),
        Value::Int(e.offset),
        line.clone(),
        Value::Int(i64::from(e.end_lineno)),
        Value::Int(e.end_offset),
    ];
    let exc = it.new_exc(
        &it.t.by_name("SyntaxError"),
        vec![Value::str(e.msg.as_str()), Value::Tuple(details.into())],
    );
    {
        let mut d = exc.dict.borrow_mut();
        d.insert_str("msg", Value::str(e.msg.as_str()));
        d.insert_str("filename", Value::str(e.filename.as_str()));
        d.insert_str("lineno", Value::Int(i64::from(e.lineno)));
        d.insert_str("offset", Value::Int(e.offset));
        d.insert_str("text", line);
        d.insert_str("end_lineno", Value::Int(i64::from(e.end_lineno)));
        d.insert_str("end_offset", Value::Int(e.end_offset));
    }
    Err(exc)
}

fn chr(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    match int_values(args).pos.first() {
        Some(Value::Int(i)) => match u32::try_from(*i).ok().and_then(char::from_u32) {
            Some(c) => Ok(Value::str(c.to_string())),
            None => Err(it.value_error("chr() arg not in range(0x110000)")),
        },
        _ => Err(it.type_error("an integer is required")),
    }
}

fn ord(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    match args.pos.first() {
        Some(Value::Str(s)) if s.chars().count() == 1 => {
            Ok(Value::Int(s.chars().next().map(|c| c as i64).unwrap_or(0)))
        }
        Some(Value::Str(s)) => Err(it.type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.chars().count()
        ))),
        _ => Err(it.type_error("ord() expected string of length 1")),
    }
}

/// Parses a Python int literal string (`int("42")`, `int("ff", 16)`, `int("0x1f", 0)`): base
/// 2 to 36, or 0 to read the base from a `0x`/`0o`/`0b` prefix, as CPython does.
fn parse_int(it: &Interp, s: &str, base: i64) -> PyResult {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(it.value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || {
        it.value_error(format!(
            "invalid literal for int() with base {base}: {}",
            crate::runtime::fmt::str_repr(s)
        ))
    };
    let ascii = crate::runtime::unicode::ascii_digits(s);
    let t = ascii.trim();
    let (negative, unsigned) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let prefix_radix = match unsigned.get(..2).map(str::to_ascii_lowercase).as_deref() {
        Some("0x") => Some(16),
        Some("0o") => Some(8),
        Some("0b") => Some(2),
        _ => None,
    };
    let (radix, digits) = match (base, prefix_radix) {
        // A prefix that matches the base (or names it, for base 0) is skipped, and an underscore
        // may follow it.
        (0, Some(radix)) => (
            radix,
            unsigned[2..].strip_prefix('_').unwrap_or(&unsigned[2..]),
        ),
        (base, Some(radix)) if base == i64::from(radix) => (
            radix,
            unsigned[2..].strip_prefix('_').unwrap_or(&unsigned[2..]),
        ),
        // Base 0 refuses a leading zero, as a literal does (`010`), but takes `0` and `00`.
        (0, None)
            if unsigned.starts_with('0') && !unsigned.trim_start_matches(['0', '_']).is_empty() =>
        {
            return Err(invalid());
        }
        (0, None) => (10, unsigned),
        (base, _) => (base as u32, unsigned),
    };
    // Underscores only between digits.
    if digits.is_empty()
        || digits.starts_with(['_', '+', '-'])
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return Err(invalid());
    }
    let digits = digits.replace('_', "");
    let signed = if negative {
        format!("-{digits}")
    } else {
        digits
    };
    match i64::from_str_radix(&signed, radix) {
        Ok(value) => Ok(Value::Int(value)),
        Err(error)
            if matches!(
                error.kind(),
                std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow
            ) =>
        {
            let magnitude = signed.trim_start_matches('-');
            bigint::parse(magnitude, radix, negative)
                .map_err(|(cls, msg)| it.err(cls, msg))?
                .ok_or_else(invalid)
        }
        Err(_) => Err(invalid()),
    }
}

/// Calls a builtin type (`int("3")`, `list(x)`, `dict(a=1)`, ...).
pub(crate) async fn construct_builtin(
    it: &Rc<Interp>,
    cls: &Rc<Class>,
    mut args: Args,
) -> PyResult {
    if &*cls.module == "builtins" {
        signature::check(signature::of_type(cls.ty), &mut args, |m| it.type_error(m))?;
    }
    // A subclass of str is read as its text (`int(Name("42"))`), of int as its value.
    let first = args.pos.first().map(|v| match v {
        Value::Instance(inst)
            if matches!(cls.ty, Ty::Int | Ty::Float)
                && matches!(
                    inst.items,
                    Some(Value::Str(_) | Value::Int(_) | Value::BigInt(_))
                )
                && inst.class.lookup_own("__int__").is_none()
                && inst.class.lookup_own("__float__").is_none() =>
        {
            it.unwrapped(v).clone()
        }
        other => other.clone(),
    });
    match cls.ty {
        Ty::Int if args.pos.len() > 1 && !matches!(first, Some(Value::Str(_))) => {
            Err(it.type_error("int() can't convert non-string with explicit base"))
        }
        Ty::Int => match first {
            None => Ok(Value::Int(0)),
            Some(Value::Int(i)) => Ok(Value::Int(i)),
            Some(big @ Value::BigInt(_)) => Ok(big),
            Some(Value::Bool(b)) => Ok(Value::Int(b as i64)),
            Some(Value::Float(f)) => {
                if !f.is_finite() {
                    return Err(it.err(
                        if f.is_nan() {
                            "ValueError"
                        } else {
                            "OverflowError"
                        },
                        if f.is_nan() {
                            "cannot convert float NaN to integer"
                        } else {
                            "cannot convert float infinity to integer"
                        },
                    ));
                }
                Ok(bigint::of_integral_float(f.trunc()))
            }
            Some(Value::Str(s)) => {
                let base = match args.pos.get(1) {
                    Some(Value::Int(b)) => *b,
                    _ => 10,
                };
                parse_int(it, &s, base)
            }
            Some(Value::Instance(i)) if i.class.lookup("__int__").is_some() => {
                let f = i.class.lookup("__int__").unwrap_or_default();
                it.call(f, Args::new(vec![Value::Instance(i.clone())]))
                    .await
            }
            Some(other) => Err(it.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                it.type_name(&other)
            ))),
        },
        Ty::Float => match first {
            Some(v @ Value::Instance(_)) => {
                if let Some(f) = own_dunder(Some(&v), "__float__") {
                    return match it.call(f, Args::new(vec![v.clone()])).await? {
                        r @ Value::Float(_) => Ok(r),
                        r => Err(it.type_error(format!(
                            "{}.__float__ returned non-float (type {})",
                            it.type_name(&v),
                            it.type_name(&r)
                        ))),
                    };
                }
                match it.index_of(&v).await? {
                    Some(n) => Ok(Value::Float(n as f64)),
                    None => Err(it.type_error(format!(
                        "float() argument must be a string or a real number, not '{}'",
                        it.type_name(&v)
                    ))),
                }
            }
            None => Ok(Value::Float(0.0)),
            Some(Value::Float(f)) => Ok(Value::Float(f)),
            Some(Value::Int(i)) => Ok(Value::Float(i as f64)),
            Some(Value::BigInt(b)) => bigint::to_f64(&b)
                .map(Value::Float)
                .map_err(|(cls, msg)| it.err(cls, msg)),
            Some(Value::Bool(b)) => Ok(Value::Float(b as i64 as f64)),
            Some(Value::Str(s)) => {
                let t = crate::runtime::unicode::ascii_digits(s.trim()).to_lowercase();
                let v = match t.as_str() {
                    "inf" | "+inf" | "infinity" | "+infinity" => Some(f64::INFINITY),
                    "-inf" | "-infinity" => Some(f64::NEG_INFINITY),
                    "nan" | "+nan" | "-nan" => Some(f64::NAN),
                    _ => t.replace('_', "").parse::<f64>().ok(),
                };
                v.map(Value::Float).ok_or_else(|| {
                    it.value_error(format!(
                        "could not convert string to float: {}",
                        crate::runtime::fmt::str_repr(&s)
                    ))
                })
            }
            Some(other) => Err(it.type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                it.type_name(&other)
            ))),
        },
        Ty::Bytes => bytes::construct(it, args).await,
        Ty::ByteArray => bytearray::construct(it, args).await,
        // `str(data, "utf-8")`: bytes decoded.
        Ty::Str if args.pos.len() > 1 || !args.kw.is_empty() => {
            let mut rest = args;
            let source = match rest.take_kw("object") {
                Some(v) => v,
                None if !rest.pos.is_empty() => rest.pos.remove(0),
                None => return Ok(Value::str("")),
            };
            match (bytes::bytes_like(&source), &source) {
                (Some(data), _) => bytes::decode(it, &data, rest),
                (None, Value::Str(_)) => Err(it.type_error("decoding str is not supported")),
                (None, other) => Err(it.type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    it.type_name(other)
                ))),
            }
        }
        Ty::Str => match first {
            None => Ok(Value::str("")),
            Some(v) => Ok(Value::str(it.str_of(&v).await?)),
        },
        Ty::Bool => match first {
            None => Ok(Value::Bool(false)),
            Some(v) => Ok(Value::Bool(it.truthy(&v).await?)),
        },
        Ty::List => match first {
            None => Ok(Value::list(vec![])),
            Some(v) => Ok(Value::list(it.collect(&v).await?)),
        },
        Ty::Tuple => match first {
            None => Ok(Value::tuple(vec![])),
            Some(Value::Tuple(t)) => Ok(Value::Tuple(t)),
            Some(v) => Ok(Value::tuple(it.collect(&v).await?)),
        },
        Ty::Set => {
            let mut d = Dict::new();
            d.frozen = Rc::ptr_eq(cls, &it.t.frozenset);
            if let Some(v) = first {
                for x in it.collect(&v).await? {
                    let h = it.hash_key(&x).await?;
                    d.insert_key(h, x, Value::None);
                }
            }
            Ok(Value::Set(Rc::new(RefCell::new(d))))
        }
        Ty::Dict => {
            let mut d = Dict::new();
            if let Some(v) = first {
                methods::dict_update_from(it, &mut d, &v).await?;
            }
            for (k, v) in std::mem::take(&mut args.kw) {
                d.insert_key(HashKey::Str(k.clone()), Value::Str(k), v);
            }
            Ok(Value::dict(d))
        }
        Ty::Range => {
            for v in args.pos.iter_mut() {
                if let Some(n) = it.index_of(v).await? {
                    *v = Value::Int(n);
                }
            }
            let ints: Vec<i64> = args
                .pos
                .iter()
                .map(|v| match v {
                    Value::Int(i) => Ok(*i),
                    Value::Bool(b) => Ok(*b as i64),
                    Value::BigInt(_) => Err(it.unsupported(Missing::BigRange)),
                    other => Err(it.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        it.type_name(other)
                    ))),
                })
                .collect::<PyResult<_>>()?;
            let r = match ints.as_slice() {
                [stop] => [0, *stop, 1],
                [start, stop] => [*start, *stop, 1],
                [start, stop, step] => {
                    if *step == 0 {
                        return Err(it.value_error("range() arg 3 must not be zero"));
                    }
                    [*start, *stop, *step]
                }
                _ => {
                    return Err(it.type_error(format!(
                        "range expected at most 3 arguments, got {}",
                        ints.len()
                    )));
                }
            };
            Ok(Value::Range(Rc::new(r)))
        }
        Ty::Slice => {
            let p = &args.pos;
            let g = |i: usize| p.get(i).cloned().unwrap_or_default();
            Ok(Value::Slice(Rc::new(if p.len() == 1 {
                [Value::None, g(0), Value::None]
            } else {
                [g(0), g(1), g(2)]
            })))
        }
        Ty::ClassMethod | Ty::StaticMethod => {
            let kind = &cls.name;
            match (args.pos.len(), args.kw.is_empty()) {
                (1, true) => {}
                (_, false) => {
                    return Err(it.type_error(format!("{kind}() takes no keyword arguments")));
                }
                (n, _) => {
                    return Err(it.type_error(format!("{kind} expected 1 argument, got {n}")));
                }
            }
            let f = args.pos.remove(0);
            Ok(Value::Native(Rc::new(if cls.ty == Ty::ClassMethod {
                NativeObj::ClassMethod(f)
            } else {
                NativeObj::StaticMethod(f)
            })))
        }
        Ty::Property => {
            if args.pos.len() > 4 {
                return Err(it.type_error(format!(
                    "property() takes at most 4 arguments ({} given)",
                    args.pos.len()
                )));
            }
            let mut fns = [Value::None, Value::None, Value::None, Value::None];
            for (slot, v) in fns.iter_mut().zip(std::mem::take(&mut args.pos)) {
                *slot = v;
            }
            for (k, v) in std::mem::take(&mut args.kw) {
                let slot = match &*k {
                    "fget" => 0,
                    "fset" => 1,
                    "fdel" => 2,
                    "doc" => 3,
                    _ => {
                        return Err(it.type_error(format!(
                            "property() got an unexpected keyword argument '{k}'"
                        )));
                    }
                };
                fns[slot] = v;
            }
            let [fget, fset, fdel, mut doc] = fns;
            // Like CPython: without a doc, a property takes its getter's docstring.
            if matches!(doc, Value::None)
                && !matches!(fget, Value::None)
                && let Some(d) = it.get_attr_opt(&fget, "__doc__").await?
            {
                doc = d;
            }
            Ok(Value::Native(Rc::new(NativeObj::Property(
                crate::runtime::object::PropertyFns {
                    fget,
                    fset,
                    fdel,
                    doc,
                },
            ))))
        }
        Ty::Type => match (args.pos.len(), first) {
            (1, Some(v)) if args.kw.is_empty() => Ok(Value::Class(it.type_of(&v))),
            (3, _) => new_type(it, args, None).await,
            _ => Err(it.type_error("type() takes 1 or 3 arguments")),
        },
        Ty::Future => {
            let lp = it.current_event_loop().await?;
            Ok(Value::Future(crate::asyncio::future::Future::new(
                it, &lp, None,
            )))
        }
        Ty::Object => Ok(Value::Instance(crate::runtime::object::Instance::new(
            cls.clone(),
            None,
        ))),
        _ => Err(it.type_error(format!("cannot create '{}' instances", cls.name))),
    }
}

/// The bytes that `fromhex(s)`'s argument spells, with CPython's messages for a wrong argument.
fn fromhex_arg(it: &Interp, a: &Args) -> PyResult {
    match a.pos.first() {
        Some(Value::Str(s)) => bytes::fromhex(it, s),
        Some(other) => Err(it.type_error(format!(
            "fromhex() argument must be str, not {}",
            it.type_name(other)
        ))),
        None => Err(it.type_error("fromhex() takes exactly one argument (0 given)")),
    }
}

/// Class-level attributes of builtin types (`str.join`, `dict.fromkeys`, ...).
pub(crate) fn class_attr(it: &Interp, c: &Rc<Class>, name: &str) -> Option<Value> {
    if c.ty == Ty::Float && name == "fromhex" {
        return Some(func(
            "fromhex",
            BuiltinFn::Sync(|it, _, a| match a.pos.first() {
                Some(Value::Str(s)) => match crate::format::float_fromhex(s) {
                    Ok(x) => Ok(Value::Float(x)),
                    Err(true) => Err(it.err(
                        "OverflowError",
                        "hexadecimal value too large to represent as a float",
                    )),
                    Err(false) => {
                        Err(it.err("ValueError", "invalid hexadecimal floating-point string"))
                    }
                },
                Some(other) => {
                    Err(it.type_error(format!("must be str, not {}", it.type_name(other))))
                }
                None => Err(it.type_error("fromhex() takes exactly one argument (0 given)")),
            }),
        ));
    }
    if c.ty == Ty::Dict && name == "fromkeys" {
        return Some(func("fromkeys", BuiltinFn::Async(dict_fromkeys)));
    }
    if c.ty == Ty::Tuple && name == "__new__" {
        return Some(func("__new__", BuiltinFn::Async(tuple_new)));
    }
    if c.ty == Ty::Str && name == "maketrans" {
        return Some(func(
            "maketrans",
            BuiltinFn::Sync(|it, _, a| methods::str_maketrans(it, a)),
        ));
    }
    if c.ty == Ty::Int && name == "from_bytes" {
        return Some(func(
            "from_bytes",
            BuiltinFn::Async(|it, _, a| {
                Box::pin(async move { bytes::int_from_bytes(&it, a).await })
            }),
        ));
    }
    // `bytes.fromhex(s)` and `bytearray.fromhex(s)`.
    if c.ty == Ty::Bytes && name == "fromhex" {
        return Some(func(
            "fromhex",
            BuiltinFn::Sync(|it, _, a| fromhex_arg(it, &a)),
        ));
    }
    if c.ty == Ty::ByteArray && name == "fromhex" {
        return Some(func(
            "fromhex",
            BuiltinFn::Sync(|it, _, a| match fromhex_arg(it, &a)? {
                Value::Bytes(b) => Ok(bytearray::new(b.to_vec())),
                other => Ok(other),
            }),
        ));
    }
    if c.ty == Ty::Str && name == "__new__" {
        return Some(func("__new__", BuiltinFn::Async(str_new)));
    }
    if c.ty == Ty::Int && name == "__new__" {
        return Some(func("__new__", BuiltinFn::Async(int_new)));
    }
    // `str.__repr__(self)` in a subclass's own `__repr__`: the builtin value's repr or str.
    if matches!(c.ty, Ty::Str | Ty::Int | Ty::List | Ty::Dict | Ty::Tuple) {
        match name {
            "__repr__" => return Some(func("__repr__", BuiltinFn::Async(builtin_repr))),
            "__str__" => return Some(func("__str__", BuiltinFn::Async(builtin_str))),
            "__format__" => return Some(func("__format__", BuiltinFn::Async(builtin_format))),
            _ => {}
        }
    }
    if c.ty == Ty::Type {
        match name {
            "__new__" => return Some(func("__new__", BuiltinFn::Async(type_new))),
            "__call__" => return Some(func("__call__", BuiltinFn::Async(type_call))),
            "__init__" => return Some(func("__init__", BuiltinFn::Sync(type_init))),
            _ => {}
        }
    }
    // `str.upper`, `dict.get`, `list.__init__`: a builtin type's method, called with the object
    // first (as `map(str.upper, words)` and a subclass's `dict.__setitem__(self, k, v)` do).
    let empty = match c.ty {
        Ty::Str => Some(Value::str("")),
        Ty::List => Some(Value::list(Vec::new())),
        Ty::Dict => Some(Value::dict(Dict::new())),
        Ty::Set => Some(Value::Set(Rc::new(RefCell::new(Dict::new())))),
        Ty::Tuple => Some(Value::tuple(Vec::new())),
        Ty::Int => Some(Value::Int(0)),
        Ty::Float => Some(Value::Float(0.0)),
        _ => None,
    };
    if let Some(empty) = empty
        && methods::has_native_method(it, &empty, name)
    {
        return Some(Value::Builtin(Rc::new(Builtin {
            name: Rc::from(name),
            bound: Some(Value::Class(c.clone())),
            f: BuiltinFn::Async(method_descriptor),
            sig: None,
        })));
    }
    // `object.__setattr__(self, name, value)`: the default, past a class's own `__setattr__`
    // (a frozen dataclass sets its fields that way).
    if c.ty == Ty::Object {
        match name {
            "__new__" => return Some(func("__new__", BuiltinFn::Async(object_new))),
            "__setattr__" => return Some(func("__setattr__", BuiltinFn::Async(object_setattr))),
            "__delattr__" => return Some(func("__delattr__", BuiltinFn::Async(object_delattr))),
            "__repr__" => return Some(func("__repr__", BuiltinFn::Async(object_repr))),
            "__str__" => return Some(func("__str__", BuiltinFn::Async(object_str))),
            "__eq__" => return Some(func("__eq__", BuiltinFn::Sync(object_eq))),
            "__hash__" => return Some(func("__hash__", BuiltinFn::Sync(object_hash))),
            "__ne__" => return Some(func("__ne__", BuiltinFn::Async(object_ne))),
            "__format__" => return Some(func("__format__", BuiltinFn::Async(object_format))),
            "__init_subclass__" => {
                return Some(func(
                    "__init_subclass__",
                    BuiltinFn::Sync(object_init_subclass),
                ));
            }
            _ => {}
        }
    }
    let _ = it;
    None
}

/// `type(name, bases, namespace, **keywords)`: a class made as a class statement makes it (its
/// module is the namespace's `__module__`, else `__main__`).
async fn new_type(it: &Rc<Interp>, args: Args, meta: Option<Rc<Class>>) -> PyResult {
    let argument = |i: usize, want: &str| {
        it.type_error(format!(
            "type.__new__() argument {} must be {want}, not {}",
            i + 1,
            it.type_name(&args.pos[i])
        ))
    };
    let Value::Str(name) = &args.pos[0] else {
        return Err(argument(0, "str"));
    };
    let Value::Tuple(written) = &args.pos[1] else {
        return Err(argument(1, "tuple"));
    };
    let Value::Dict(namespace) = &args.pos[2] else {
        return Err(argument(2, "dict"));
    };
    let mut bases = Vec::new();
    for base in written.iter() {
        match base {
            Value::Class(c) => bases.push(c.clone()),
            other => {
                return Err(
                    it.type_error(format!("bases must be types, not {}", it.type_name(other)))
                );
            }
        }
    }
    if bases.is_empty() {
        bases.push(it.t.object.clone());
    }
    it.check_bases(&bases)?;
    // `type(name, bases, ns)` with a base whose metaclass is written in Python: that
    // metaclass makes the class.
    if meta.is_none()
        && let Some(winner) = it.metaclass_for(None, &bases)?
    {
        return it.call(winner, args).await;
    }
    let entries: Vec<(Value, Value)> = namespace
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let module = match namespace.borrow().get_str("__module__") {
        Some(Value::Str(m)) => m.to_string(),
        _ => "__main__".to_owned(),
    };
    let cls = it
        .build_class(name, &module, bases, entries, args.kw.clone(), meta)
        .await?;
    Ok(Value::Class(cls))
}

/// The class a builtin `__new__` (`type`, `tuple`, `str`) was called for: its first argument,
/// which must be `base` or a subclass of it, with CPython's messages when it is not.
fn new_receiver(it: &Interp, args: &Args, base: &Rc<Class>) -> PyResult<Rc<Class>> {
    let cls = match args.pos.first() {
        Some(Value::Class(cls)) => cls,
        Some(other) => {
            return Err(it.type_error(format!(
                "{}.__new__(X): X is not a type object ({})",
                base.name,
                it.type_name(other)
            )));
        }
        None => return Err(it.type_error(format!("{}.__new__(): not enough arguments", base.name))),
    };
    if !cls.is_subclass(base) {
        return Err(it.type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            base.name, cls.name, cls.name, base.name
        )));
    }
    Ok(cls.clone())
}

// `type.__new__(mcs, name, bases, namespace, **keywords)`, as a metaclass's `__new__` calls
// it through `super()`: the class, made with `mcs` as its metaclass.
abuiltin!(type_new, |it, args| {
    let mut args = args;
    let mcs = new_receiver(&it, &args, &it.t.type_)?;
    args.pos.remove(0);
    if args.pos.len() != 3 {
        return Err(it.type_error("type.__new__() takes exactly 3 arguments"));
    }
    new_type(&it, args, Some(mcs)).await
});

// `type.__call__(cls, *args, **kwargs)`: what calling a class does, past its metaclass's own
// `__call__` (which reaches it through `super().__call__(...)`).
abuiltin!(type_call, |it, args| {
    let mut args = args;
    let Some(Value::Class(cls)) = args.pos.first().cloned() else {
        return Err(it.type_error("descriptor '__call__' requires a 'type' object"));
    };
    args.pos.remove(0);
    Box::pin(it.instantiate(&cls, args)).await
});

/// `type.__init__(cls, ...)`: nothing more to do once `type.__new__` has made the class.
fn type_init(_: &Rc<Interp>, _: &Builtin, _: Args) -> PyResult {
    Ok(Value::None)
}

// `object.__new__(cls)`: a new, empty instance of `cls` (refused while `cls` has abstract
// methods, as CPython's is).
abuiltin!(object_new, |it, args| {
    let Some(Value::Class(cls)) = args.pos.first().cloned() else {
        return Err(it.type_error("object.__new__(X): X is not a type object"));
    };
    // Arguments are for `__init__`: refused when the class overrides `__new__` (which should
    // not pass them on) or has no `__init__` to take them.
    if args.pos.len() > 1 || !args.kw.is_empty() {
        if cls.lookup_own("__new__").is_some() {
            return Err(it.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if cls.lookup_own("__init__").is_none() {
            return Err(it.type_error(format!("{}() takes no arguments", cls.name)));
        }
    }
    it.new_instance(&cls)
});

abuiltin!(tuple_new, |it, args| {
    let tuple = it.t.tuple.clone();
    let cls = new_receiver(&it, &args, &tuple)?;
    let items = match args.pos.get(1) {
        Some(iterable) => it.collect(iterable).await?,
        None => Vec::new(),
    };
    if Rc::ptr_eq(&cls, &tuple) {
        return Ok(Value::tuple(items));
    }
    Ok(it.new_tuple_instance(&cls, items))
});

// `int.__new__(cls, x=0, base=10)`: the int `int(x, base)` makes, as an instance of `cls`.
abuiltin!(int_new, |it, args| {
    let mut args = args;
    let int = it.t.int.clone();
    let cls = new_receiver(&it, &args, &int)?;
    args.pos.remove(0);
    let value = construct_builtin(&it, &int, args).await?;
    if Rc::ptr_eq(&cls, &int) {
        return Ok(value);
    }
    Ok(it.new_int_instance(&cls, value))
});

abuiltin!(str_new, |it, args| {
    let str_class = it.t.str_.clone();
    let cls = new_receiver(&it, &args, &str_class)?;
    let text = match args.pos.get(1) {
        Some(v) => it.str_of(v).await?,
        None => String::new(),
    };
    if Rc::ptr_eq(&cls, &str_class) {
        return Ok(Value::str(text));
    }
    Ok(it.new_str_instance(&cls, text))
});

/// Whether `b` is a builtin type's method taken from the type (`list.append`): only those are
/// bound to a builtin type.
pub(crate) fn is_method_descriptor(b: &Builtin) -> bool {
    matches!(&b.bound, Some(Value::Class(c))
        if matches!(c.ty, Ty::Str | Ty::List | Ty::Dict | Ty::Set | Ty::Tuple | Ty::Int | Ty::Float))
}

/// `str.upper(s)`: the method called on its first argument, which must be of the type (a
/// subclass's instance gives its list or dict).
fn method_descriptor(it: Rc<Interp>, b: Rc<Builtin>, mut args: Args) -> Lbf<'static, PyResult> {
    Box::pin(async move {
        let Some(Value::Class(class)) = &b.bound else {
            return Err(it.type_error("method descriptor without its type"));
        };
        let Some(receiver) = args.pos.first().cloned() else {
            return Err(it.type_error(format!(
                "unbound method {}.{}() needs an argument",
                class.name, b.name
            )));
        };
        if !it.isinstance(&receiver, class) {
            return Err(it.type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                b.name,
                class.name,
                it.type_name(&receiver)
            )));
        }
        args.pos.remove(0);
        let receiver = it.unwrapped(&receiver).clone();
        methods::call_native(&it, &receiver, &b.name, args).await
    })
}

abuiltin!(object_repr, |it, args| {
    need(&it, &args, 1, "__repr__")?;
    let v = &args.pos[0];
    Ok(Value::str(match v {
        Value::Instance(inst) if inst.class.is_exc => it.exc_repr(inst).await?,
        Value::Instance(inst) => format!(
            "<{}.{} object at {}>",
            inst.class.module,
            inst.class.qualname,
            crate::interp::ops::fake_addr(v)
        ),
        other => it.repr_of(other).await?,
    }))
});

abuiltin!(builtin_repr, |it, args| {
    need(&it, &args, 1, "__repr__")?;
    Ok(Value::str(it.repr_of(it.unwrapped(&args.pos[0])).await?))
});

abuiltin!(builtin_str, |it, args| {
    need(&it, &args, 1, "__str__")?;
    Ok(Value::str(it.str_of(it.unwrapped(&args.pos[0])).await?))
});

abuiltin!(builtin_format, |it, args| {
    need(&it, &args, 2, "__format__")?;
    let Value::Str(spec) = &args.pos[1] else {
        return Err(it.type_error(format!(
            "__format__() argument must be str, not {}",
            it.type_name(&args.pos[1])
        )));
    };
    // An empty spec is str() of the value itself (a subclass's own __str__ included).
    if spec.is_empty() {
        return Ok(Value::str(it.str_of(&args.pos[0]).await?));
    }
    let value = it.unwrapped(&args.pos[0]).clone();
    Ok(Value::str(it.format_value(&value, spec).await?))
});

abuiltin!(object_str, |it, args| {
    need(&it, &args, 1, "__str__")?;
    Ok(Value::str(match &args.pos[0] {
        Value::Instance(inst) if inst.class.is_exc => it.exc_str(inst).await?,
        other => it.repr_of(other).await?,
    }))
});

/// `object.__hash__`: from the object's identity, whatever its class says.
fn object_hash(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    need(it, &args, 1, "__hash__")?;
    Ok(Value::Int(HashKey::Id(args.pos[0].identity()).py_hash()))
}

/// `object.__eq__`: the same object, or NotImplemented (the other side may know).
fn object_eq(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    need(it, &args, 2, "__eq__")?;
    Ok(if args.pos[0].is_same(&args.pos[1]) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}

abuiltin!(object_ne, |it, args| {
    need(&it, &args, 2, "__ne__")?;
    let eq = it.get_attr(&args.pos[0], "__eq__").await?;
    match it.call(eq, Args::new(vec![args.pos[1].clone()])).await? {
        Value::NotImplemented => Ok(Value::NotImplemented),
        equal => Ok(Value::Bool(!it.truthy(&equal).await?)),
    }
});

abuiltin!(object_format, |it, args| {
    need(&it, &args, 2, "__format__")?;
    if !matches!(&args.pos[1], Value::Str(spec) if spec.is_empty()) {
        return Err(it.type_error(format!(
            "unsupported format string passed to {}.__format__",
            it.type_name(&args.pos[0])
        )));
    }
    Ok(Value::str(it.str_of(&args.pos[0]).await?))
});

/// `object.__init_subclass__`: nothing to do, and no keywords to take.
fn object_init_subclass(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        let name = match args.pos.first() {
            Some(Value::Class(c)) => c.name.to_string(),
            _ => "object".into(),
        };
        return Err(it.type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}

abuiltin!(object_setattr, |it, args| {
    need(&it, &args, 3, "__setattr__")?;
    let name = attr_name(&it, args.pos.get(1))?;
    it.object_setattr(&args.pos[0], &name, args.pos[2].clone())
        .await?;
    Ok(Value::None)
});

abuiltin!(object_delattr, |it, args| {
    need(&it, &args, 2, "__delattr__")?;
    let name = attr_name(&it, args.pos.get(1))?;
    it.object_delattr(&args.pos[0], &name).await?;
    Ok(Value::None)
});

abuiltin!(delattr, |it, args| {
    let name = attr_name(&it, args.pos.get(1))?;
    it.del_attr(&args.pos[0], &name).await?;
    Ok(Value::None)
});

/// What `object` gives every class and instance in `dir()` (CPython 3.11).
const OBJECT_DIR: [&str; 24] = [
    "__class__",
    "__delattr__",
    "__dir__",
    "__doc__",
    "__eq__",
    "__format__",
    "__ge__",
    "__getattribute__",
    "__getstate__",
    "__gt__",
    "__hash__",
    "__init__",
    "__init_subclass__",
    "__le__",
    "__lt__",
    "__ne__",
    "__new__",
    "__reduce__",
    "__reduce_ex__",
    "__repr__",
    "__setattr__",
    "__sizeof__",
    "__str__",
    "__subclasshook__",
];

/// `dir(obj)` of the program's classes and their instances: the instance's attributes, those of
/// its class and bases (each class statement adds `__module__`, `__dict__` and `__weakref__`
/// unless it has `__slots__`) and object's, sorted.
fn dir(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let (instance, cls) = match args.pos.as_slice() {
        [Value::Instance(inst)] if !inst.class.is_exc && inst.items.is_none() => {
            (Some(inst.clone()), inst.class.clone())
        }
        [Value::Class(c)] if c.ty == Ty::User && !c.is_exc && c.base_ty() == Ty::Object => {
            (None, c.clone())
        }
        [] => return Err(it.unsupported(Missing::Name("dir() without an argument".into()))),
        [other] => {
            return Err(it.unsupported(Missing::Name(format!(
                "dir() of a '{}' object",
                it.type_name(other)
            ))));
        }
        _ => return Err(it.type_error("dir expected at most 1 argument")),
    };
    let mut names: std::collections::BTreeSet<String> =
        OBJECT_DIR.iter().map(|n| (*n).to_string()).collect();
    for c in std::iter::once(&cls).chain(cls.mro.iter()) {
        if c.ty != Ty::User {
            continue;
        }
        let attrs = c.dict.borrow();
        for (k, _) in attrs.iter() {
            if let Value::Str(k) = k {
                names.insert(k.to_string());
            }
        }
        names.insert("__module__".into());
        match attrs.get_str("__slots__") {
            // Each slot is a descriptor of the class.
            Some(Value::Str(one)) => {
                names.insert(one.to_string());
            }
            Some(Value::Tuple(slots)) => names.extend(slots.iter().filter_map(|v| match v {
                Value::Str(s) => Some(s.to_string()),
                _ => None,
            })),
            Some(Value::List(slots)) => {
                names.extend(slots.borrow().iter().filter_map(|v| match v {
                    Value::Str(s) => Some(s.to_string()),
                    _ => None,
                }));
            }
            Some(_) => {}
            None => {
                names.insert("__dict__".into());
                names.insert("__weakref__".into());
            }
        }
    }
    if let Some(inst) = instance {
        for (k, _) in inst.dict.borrow().iter() {
            if let Value::Str(k) = k {
                names.insert(k.to_string());
            }
        }
    }
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}

abuiltin!(vars, |it, args| {
    let Some(obj) = args.pos.first() else {
        return Err(it.unsupported(Missing::VarsWithoutArgument));
    };
    match it.get_attr_opt(obj, "__dict__").await? {
        Some(d)
            if !matches!(obj, Value::Class(_) | Value::Func(_)) || matches!(d, Value::Dict(_)) =>
        {
            Ok(d)
        }
        _ => Err(it.type_error("vars() argument must have __dict__ attribute")),
    }
});

/// An attribute class `c` has from the builtin type it is or derives from (`list`, `dict`…):
/// its methods, and `fromkeys` of a dict subclass, which makes an instance of the subclass.
pub(crate) fn builtin_class_attr(it: &Interp, c: &Rc<Class>, name: &str) -> Option<Value> {
    let base = std::iter::once(c)
        .chain(c.mro.iter())
        .find(|b| !matches!(b.ty, Ty::User | Ty::Object))?;
    if c.ty == Ty::User && base.ty == Ty::Dict && name == "fromkeys" {
        return Some(Value::Method(Rc::new(
            crate::runtime::object::BoundMethod {
                receiver: Value::Class(c.clone()),
                func: func("fromkeys", BuiltinFn::Async(subclass_fromkeys)),
            },
        )));
    }
    class_attr(it, base, name)
}

abuiltin!(subclass_fromkeys, |it, args| {
    need(&it, &args, 2, "fromkeys")?;
    let made = it.call(args.pos[0].clone(), Args::default()).await?;
    let value = args.pos.get(2).cloned().unwrap_or_default();
    for key in it.collect(&args.pos[1]).await? {
        it.setitem(&made, &key, value.clone()).await?;
    }
    Ok(made)
});

abuiltin!(dict_fromkeys, |it, args| {
    need(&it, &args, 1, "fromkeys")?;
    let v = args.pos.get(1).cloned().unwrap_or_default();
    let mut d = Dict::new();
    for k in it.collect(&args.pos[0]).await? {
        let h = it.hash_key(&k).await?;
        d.insert_key(h, k, v.clone());
    }
    Ok(Value::dict(d))
});

/// Attributes of native values that are not plain methods.
pub(crate) fn native_attr(it: &Interp, obj: &Value, name: &str) -> Option<Value> {
    if let Value::Native(n) = obj {
        match &**n {
            NativeObj::GenericAlias { origin, args } => {
                return match name {
                    "__origin__" => Some(origin.clone()),
                    "__args__" => Some(Value::tuple(args.to_vec())),
                    "__parameters__" => Some(Value::tuple(Vec::new())),
                    _ => None,
                };
            }
            NativeObj::Property(p) => {
                return match name {
                    "fget" => Some(p.fget.clone()),
                    "fset" => Some(p.fset.clone()),
                    "fdel" => Some(p.fdel.clone()),
                    "__doc__" => Some(p.doc.clone()),
                    _ => it.native_method_opt(obj, name),
                };
            }
            NativeObj::UnionType(members) => {
                return match name {
                    "__args__" => Some(Value::tuple(
                        members
                            .iter()
                            .map(|m| match m {
                                Value::None => Value::Class(it.t.none.clone()),
                                other => other.clone(),
                            })
                            .collect(),
                    )),
                    "__parameters__" => Some(Value::tuple(Vec::new())),
                    _ => None,
                };
            }
            _ => {}
        }
    }
    if let Value::Native(n) = obj
        && let NativeObj::Super { owner, receiver } = &**n
    {
        // As `super(owner, receiver)` does: a class below `owner` (in a class method) searches
        // its own MRO; any other receiver, a class made by a metaclass included, its type's.
        let recv_cls = match receiver {
            Value::Class(c) if c.is_subclass(owner) => c.clone(),
            other => it.type_of(other),
        };
        let mut after = false;
        let mut chain = vec![recv_cls.clone()];
        chain.extend(recv_cls.mro.iter().cloned());
        for c in chain {
            // Past the subclasses, `list`, `dict` or `tuple` itself: its methods act on the items.
            if after
                && matches!(c.ty, Ty::List | Ty::Dict | Ty::Tuple | Ty::Str | Ty::Int)
                && let Value::Instance(inst) = receiver
                && let Some(items) = &inst.items
                && let Some(method) = it.native_method_opt(items, name)
            {
                return Some(method);
            }
            if after && matches!(c.ty, Ty::Tuple | Ty::Str | Ty::Int) && name == "__new__" {
                return class_attr(it, &c, name);
            }
            // `object` itself: what every class inherits (`super().__setattr__(k, v)`), and
            // `type`, what every metaclass inherits (`super().__new__(mcs, name, bases, ns)`).
            // `__new__` is a static method: the class is passed to it explicitly.
            if after
                && matches!(c.ty, Ty::Object | Ty::Type)
                && c.dict.borrow().get_str(name).is_none()
                && let Some(method) = class_attr(it, &c, name)
            {
                if name == "__new__" {
                    return Some(method);
                }
                return Some(Value::Method(Rc::new(
                    crate::runtime::object::BoundMethod {
                        receiver: receiver.clone(),
                        func: method,
                    },
                )));
            }
            if after && let Some(v) = c.dict.borrow().get_str(name) {
                return Some(match v {
                    Value::Func(_) | Value::Builtin(_) => {
                        Value::Method(Rc::new(crate::runtime::object::BoundMethod {
                            receiver: receiver.clone(),
                            func: v.clone(),
                        }))
                    }
                    other => other.clone(),
                });
            }
            if Rc::ptr_eq(&c, owner) {
                after = true;
            }
        }
        return None;
    }
    match (obj, name) {
        (Value::Int(_) | Value::BigInt(_), "real" | "numerator") => return Some(obj.clone()),
        (Value::Int(_) | Value::BigInt(_), "imag") => return Some(Value::Int(0)),
        (Value::Int(_) | Value::BigInt(_), "denominator") => return Some(Value::Int(1)),
        (Value::Float(f), "real") => return Some(Value::Float(*f)),
        (Value::Float(_), "imag") => return Some(Value::Float(0.0)),
        (Value::Range(r), "start") => return Some(Value::Int(r[0])),
        (Value::Range(r), "stop") => return Some(Value::Int(r[1])),
        (Value::Range(r), "step") => return Some(Value::Int(r[2])),
        (Value::Future(f), "_cancel_message") => {
            return Some(f.cancel_message.borrow().clone().unwrap_or_default());
        }
        (Value::Future(f), "_state") => {
            return Some(Value::str(match f.state.get() {
                crate::asyncio::future::FutState::Pending => "PENDING",
                crate::asyncio::future::FutState::Cancelled => "CANCELLED",
                crate::asyncio::future::FutState::Finished => "FINISHED",
            }));
        }
        (Value::Native(n), _) => match (&**n, name) {
            (NativeObj::Stream(StreamKind::Stdout), "name") => return Some(Value::str("<stdout>")),
            (NativeObj::Stream(StreamKind::Stderr), "name") => return Some(Value::str("<stderr>")),
            (NativeObj::Loop(lp), "slow_callback_duration") => {
                return Some(lp.slow_callback_duration.borrow().clone());
            }
            _ => {}
        },
        _ => {}
    }
    it.native_method_opt(obj, name)
}

/// `super(type, obj)` (a call `super()` without arguments is resolved where it is written).
fn super_of(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    match args.pos.as_slice() {
        [] => Err(it.runtime_error("super(): no arguments")),
        [Value::Class(owner), receiver] => {
            let below = match receiver {
                Value::Class(c) => c.is_subclass(owner),
                other => it.isinstance(other, owner),
            };
            if !below {
                return Err(
                    it.type_error("super(type, obj): obj must be an instance or subtype of type")
                );
            }
            Ok(make_super(it, owner.clone(), receiver.clone()))
        }
        [Value::Class(_)] => Err(it.unsupported(Missing::Name("super() with one argument".into()))),
        [other, ..] => Err(it.type_error(format!(
            "super() argument 1 must be a type, not {}",
            it.type_name(other)
        ))),
    }
}

/// `super()` bound to `receiver`, searching after `owner` in its MRO.
pub(crate) fn make_super(_it: &Interp, owner: Rc<Class>, receiver: Value) -> Value {
    Value::Native(Rc::new(NativeObj::Super { owner, receiver }))
}
