//! `_sre`: the native half of `re` (`re.py` is the rest, as CPython splits it). It compiles a
//! pattern with [`super::regex`] and runs one match or search at a time; `re.py` makes the
//! `Pattern` and `Match` objects and loops for `findall`, `sub` and `split`.

use std::cell::RefCell;
use std::rc::Rc;

use super::func;
use super::regex::{self, MatchError, Mode, Regex, Search};
use crate::interp::Interp;
use crate::runtime::dict::Dict;
use crate::runtime::object::{Args, Builtin, BuiltinFn, Module, NativeObj};
use crate::runtime::value::{PyResult, Value};

/// A subject string and its characters.
type Subject = Option<(Rc<str>, Rc<[char]>)>;

/// A compiled pattern, and the characters of the last subject it ran on (a loop over one
/// string converts it once).
#[derive(Debug)]
pub(crate) struct CompiledPattern {
    regex: Regex,
    subject: RefCell<Subject>,
}

impl CompiledPattern {
    fn chars(&self, text: &Rc<str>) -> Rc<[char]> {
        let mut cached = self.subject.borrow_mut();
        if let Some((s, chars)) = &*cached
            && Rc::ptr_eq(s, text)
        {
            return chars.clone();
        }
        let chars: Rc<[char]> = text.chars().collect();
        *cached = Some((text.clone(), chars.clone()));
        chars
    }
}

/// The `_sre` module.
pub(crate) fn sre_module() -> Rc<Module> {
    let m = Module::new("_sre", "<_sre>");
    m.set("compile", func("compile", BuiltinFn::Sync(compile)));
    m.set("run", func("run", BuiltinFn::Sync(run)));
    m.set("info", func("info", BuiltinFn::Sync(info)));
    m
}

fn int_arg(args: &Args, i: usize) -> i64 {
    match args.pos.get(i) {
        Some(Value::Int(n)) => *n,
        Some(Value::Bool(b)) => i64::from(*b),
        _ => 0,
    }
}

/// `compile(pattern, flags)`: the compiled pattern, or `(message, position, overflow)` for
/// `re.error` (for `OverflowError` when `overflow`).
fn compile(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let Some(Value::Str(pattern)) = args.pos.first() else {
        return Err(it.type_error("first argument must be string or compiled pattern"));
    };
    let flags = u32::try_from(int_arg(&args, 1)).unwrap_or(0);
    match regex::compile(pattern, flags) {
        Ok(regex) => Ok(Value::Native(Rc::new(NativeObj::Pattern(Rc::new(
            CompiledPattern {
                regex,
                subject: RefCell::new(None),
            },
        ))))),
        Err(e) => Ok(Value::tuple(vec![
            Value::str(e.message),
            e.pos.map_or(Value::None, |p| Value::Int(p as i64)),
            Value::Bool(e.overflow),
        ])),
    }
}

fn pattern_arg(it: &Interp, args: &Args) -> PyResult<Rc<CompiledPattern>> {
    match args.pos.first() {
        Some(Value::Native(n)) => match &**n {
            NativeObj::Pattern(p) => Ok(p.clone()),
            _ => Err(it.type_error("expected a compiled pattern")),
        },
        _ => Err(it.type_error("expected a compiled pattern")),
    }
}

/// `run(pattern, string, pos, endpos, mode, must_advance)`: mode 0 matches at `pos`, 1
/// searches from it, 2 matches the whole of `string[pos:endpos]`; `must_advance` refuses an
/// empty match at `pos` (the rule `findall` and `sub` follow after an empty match). The spans
/// of the match and its groups (`None` for a group that took no part) and the group that closed
/// last, or `None`.
fn run(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let pattern = pattern_arg(it, &args)?;
    let Some(Value::Str(text)) = args.pos.get(1) else {
        return Err(it.type_error(format!(
            "expected string or bytes-like object, got '{}'",
            args.pos
                .get(1)
                .map(|v| it.type_name(v))
                .unwrap_or_else(|| "None".into())
        )));
    };
    let chars = pattern.chars(text);
    let len = chars.len() as i64;
    let clamp = |v: i64| v.clamp(0, len) as usize;
    let (pos, endpos) = (clamp(int_arg(&args, 2)), clamp(int_arg(&args, 3)));
    let search = Search {
        start: pos,
        end: endpos,
        mode: match int_arg(&args, 4) {
            0 => Mode::Match,
            1 => Mode::Search,
            _ => Mode::FullMatch,
        },
        must_advance: int_arg(&args, 5) != 0,
    };
    let mut steps = 0;
    let found = pattern.regex.find(&chars, &search, &mut steps);
    match found {
        Ok(Some(found)) => Ok(Value::tuple(vec![
            Value::tuple(
                found
                    .spans
                    .into_iter()
                    .map(|span| match span {
                        Some((a, b)) => {
                            Value::tuple(vec![Value::Int(a as i64), Value::Int(b as i64)])
                        }
                        None => Value::None,
                    })
                    .collect(),
            ),
            found
                .lastindex
                .map_or(Value::None, |i| Value::Int(i as i64)),
        ])),
        Ok(None) => Ok(Value::None),
        Err(MatchError::TooManySteps) => Err(it.runtime_error(format!(
            "this regular expression backtracked more than {} steps, so the page stopped it \
             (CPython would keep trying)",
            regex::MAX_STEPS
        ))),
    }
}

/// `info(pattern)`: `(groups, flags, {name: index})`.
fn info(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let pattern = pattern_arg(it, &args)?;
    let mut names = Dict::new();
    for (name, index) in &pattern.regex.names {
        names.insert_str(name, Value::Int(*index as i64));
    }
    Ok(Value::tuple(vec![
        Value::Int(pattern.regex.groups as i64),
        Value::Int(i64::from(pattern.regex.flags)),
        Value::dict(names),
    ]))
}
