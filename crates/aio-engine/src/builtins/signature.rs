//! What a builtin function or type accepts, checked once before it runs: a keyword it does not
//! take, too many or too few arguments, each refused with CPython's own words (which differ
//! with how CPython implements the builtin). A parameter that may be given by keyword is moved
//! to its position, so the implementation reads positions only; keyword-only ones stay in
//! `args.kw` for it.

use crate::runtime::object::{Args, Ty};
use crate::runtime::value::ExcRef;

/// How CPython words a wrong number of positional arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Count {
    /// One argument, no keywords: `len() takes exactly one argument (2 given)`.
    ExactlyOne,
    /// `sorted expected 1 argument, got 2`, `max expected at least 1 argument, got 0`.
    Expected,
    /// Argument Clinic: `round() takes at most 2 arguments (3 given)` and `pow() missing
    /// required argument 'exp' (pos 2)`.
    Clinic,
    /// A function CPython writes in Python (asyncio's): `sleep() missing 1 required positional
    /// argument: 'delay'`, `run() got an unexpected keyword argument 'debg'`.
    Python,
}

/// A builtin's parameters.
#[derive(Debug)]
pub(crate) struct Signature {
    /// The name in messages (`sorted`'s keywords are `sort()`'s).
    pub name: &'static str,
    /// Its positional parameters in order: a name may also be given by keyword, `""` may not.
    pub params: &'static [&'static str],
    /// How many of `params` are required.
    pub required: usize,
    /// Whether more positional arguments than `params` are taken (`zip`, `print`, `max`).
    pub varargs: bool,
    /// Its keyword-only parameters, left in `args.kw`.
    pub kwonly: &'static [&'static str],
    pub count: Count,
    /// Whose keywords they are in "is an invalid keyword argument for X()".
    pub kw_owner: &'static str,
    /// CPython's own words when the first argument is missing, where they follow no pattern
    /// (`int() missing string argument`).
    pub missing_first: Option<&'static str>,
}

const fn sig(
    name: &'static str,
    params: &'static [&'static str],
    required: usize,
    count: Count,
) -> Signature {
    Signature {
        name,
        params,
        required,
        varargs: false,
        kwonly: &[],
        count,
        kw_owner: name,
        missing_first: None,
    }
}

const fn one(name: &'static str) -> Signature {
    sig(name, &[""], 1, Count::ExactlyOne)
}

const fn variadic(
    name: &'static str,
    required: usize,
    kwonly: &'static [&'static str],
    count: Count,
) -> Signature {
    Signature {
        name,
        params: &[],
        required,
        varargs: true,
        kwonly,
        count,
        kw_owner: name,
        missing_first: None,
    }
}

/// The builtin functions whose arguments are checked, by their name in `builtins`.
static FUNCTIONS: &[Signature] = &[
    one("len"),
    one("abs"),
    one("repr"),
    one("ascii"),
    one("hash"),
    one("id"),
    one("callable"),
    one("chr"),
    one("ord"),
    one("any"),
    one("all"),
    sig("round", &["number", "ndigits"], 1, Count::Clinic),
    sig("pow", &["base", "exp", "mod"], 2, Count::Clinic),
    sig("sum", &["", "start"], 1, Count::Clinic),
    sig("divmod", &["", ""], 2, Count::Expected),
    sig("hasattr", &["", ""], 2, Count::Expected),
    sig("getattr", &["", "", ""], 2, Count::Expected),
    sig("setattr", &["", "", ""], 3, Count::Expected),
    sig("delattr", &["", ""], 2, Count::Expected),
    sig("isinstance", &["", ""], 2, Count::Expected),
    sig("issubclass", &["", ""], 2, Count::Expected),
    sig("filter", &["", ""], 2, Count::Expected),
    sig("next", &["", ""], 1, Count::Expected),
    sig("reversed", &[""], 1, Count::Expected),
    Signature {
        missing_first: Some("enumerate() missing required argument 'iterable'"),
        ..sig("enumerate", &["iterable", "start"], 1, Count::Clinic)
    },
    Signature {
        kwonly: &["key", "reverse"],
        kw_owner: "sort",
        ..sig("sorted", &[""], 1, Count::Expected)
    },
    variadic("min", 1, &["key", "default"], Count::Expected),
    variadic("max", 1, &["key", "default"], Count::Expected),
    variadic("zip", 0, &["strict"], Count::Expected),
    variadic(
        "print",
        0,
        &["sep", "end", "file", "flush"],
        Count::Expected,
    ),
];

/// The signature of the builtin function `name`, found once when the builtins are made.
pub(crate) fn of_function(name: &str) -> Option<&'static Signature> {
    FUNCTIONS.iter().find(|s| s.name == name)
}

/// asyncio's functions that CPython writes in Python and the engine natively.
static ASYNCIO: &[Signature] = &[
    Signature {
        kwonly: &["debug"],
        ..sig("run", &["main"], 1, Count::Python)
    },
    sig("sleep", &["delay", "result"], 1, Count::Python),
    Signature {
        kwonly: &["name", "context"],
        ..sig("create_task", &["coro"], 1, Count::Python)
    },
    sig("current_task", &["loop"], 0, Count::Python),
    sig("all_tasks", &["loop"], 0, Count::Python),
];

/// The signature of asyncio's function `name`, found once when the module is made.
pub(crate) fn of_asyncio(name: &str) -> Option<&'static Signature> {
    ASYNCIO.iter().find(|s| s.name == name)
}

/// The builtin types whose constructors are checked.
pub(crate) fn of_type(ty: Ty) -> Option<&'static Signature> {
    static INT: Signature = Signature {
        missing_first: Some("int() missing string argument"),
        ..sig("int", &["", "base"], 0, Count::Clinic)
    };
    static STR: Signature = sig("str", &["object", "encoding", "errors"], 0, Count::Clinic);
    static FLOAT: Signature = sig("float", &[""], 0, Count::Expected);
    static BOOL: Signature = sig("bool", &[""], 0, Count::Expected);
    static LIST: Signature = sig("list", &[""], 0, Count::Expected);
    static TUPLE: Signature = sig("tuple", &[""], 0, Count::Expected);
    static SET: Signature = sig("set", &[""], 0, Count::Expected);
    static RANGE: Signature = sig("range", &["", "", ""], 1, Count::Expected);
    Some(match ty {
        Ty::Int => &INT,
        Ty::Str => &STR,
        Ty::Float => &FLOAT,
        Ty::Bool => &BOOL,
        Ty::List => &LIST,
        Ty::Tuple => &TUPLE,
        Ty::Set => &SET,
        Ty::Range => &RANGE,
        _ => return None,
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl Signature {
    /// Checks `args`, moving the keywords that name a positional parameter to their place;
    /// `Err` holds the message of CPython's TypeError.
    pub(crate) fn check(&self, args: &mut Args) -> Result<(), String> {
        if self.count == Count::Python {
            return self.check_python(args);
        }
        let name = self.name;
        if !args.kw.is_empty() {
            let by_name = self.params.iter().filter(|p| !p.is_empty()).count();
            if by_name == 0 && self.kwonly.is_empty() {
                return Err(format!("{name}() takes no keyword arguments"));
            }
            if !self.kwonly.is_empty() && by_name == 0 && args.kw.len() > self.kwonly.len() {
                return Err(format!(
                    "{}() takes at most {} keyword argument{} ({} given)",
                    self.kw_owner,
                    self.kwonly.len(),
                    plural(self.kwonly.len()),
                    args.kw.len()
                ));
            }
            if let Some((k, _)) = args
                .kw
                .iter()
                .find(|(k, _)| !self.kwonly.contains(&&**k) && !self.params.contains(&&**k))
            {
                return Err(format!(
                    "'{k}' is an invalid keyword argument for {}()",
                    self.kw_owner
                ));
            }
        }
        let given = args.pos.len() + args.kw.len() - self.kwonly_given(args);
        if !self.varargs && given > self.params.len() {
            return Err(self.too_many(given));
        }
        // Keywords that name a positional parameter go to its place, in order.
        for (i, param) in self.params.iter().enumerate().skip(args.pos.len()) {
            let by_keyword = if param.is_empty() {
                None
            } else {
                args.take_kw(param)
            };
            match by_keyword {
                Some(v) => args.pos.push(v),
                None => {
                    if args.kw.iter().any(|(k, _)| self.params.contains(&&**k)) {
                        return Err(self.missing(i));
                    }
                    break;
                }
            }
        }
        if let Some((k, _)) = args.kw.iter().find(|(k, _)| self.params.contains(&&**k)) {
            let at = self.params.iter().position(|p| *p == &**k).unwrap_or(0);
            return Err(format!(
                "argument for {name}() given by name ('{k}') and position ({})",
                at + 1
            ));
        }
        if args.pos.len() < self.required {
            return Err(self.missing(args.pos.len()));
        }
        Ok(())
    }

    /// CPython's binding of a Python function's arguments, in its order of checks.
    fn check_python(&self, args: &mut Args) -> Result<(), String> {
        let (name, max) = (self.name, self.params.len());
        if !self.varargs && args.pos.len() > max {
            let given = args.pos.len();
            let was = if given == 1 { "was" } else { "were" };
            return Err(if self.required == max {
                format!(
                    "{name}() takes {max} positional argument{} but {given} {was} given",
                    plural(max)
                )
            } else {
                format!(
                    "{name}() takes from {} to {max} positional arguments but {given} {was} given",
                    self.required
                )
            });
        }
        if let Some((k, _)) = args
            .kw
            .iter()
            .find(|(k, _)| !self.kwonly.contains(&&**k) && !self.params.contains(&&**k))
        {
            return Err(format!("{name}() got an unexpected keyword argument '{k}'"));
        }
        if let Some((k, _)) = args
            .kw
            .iter()
            .find(|(k, _)| self.params[..args.pos.len().min(max)].contains(&&**k))
        {
            return Err(format!("{name}() got multiple values for argument '{k}'"));
        }
        let missing: Vec<&str> = self.params[args.pos.len().min(self.required)..self.required]
            .iter()
            .filter(|p| !args.kw.iter().any(|(k, _)| &**k == **p))
            .copied()
            .collect();
        if !missing.is_empty() {
            let quoted: Vec<String> = missing.iter().map(|p| format!("'{p}'")).collect();
            let list = match quoted.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
                None => String::new(),
            };
            return Err(format!(
                "{name}() missing {} required positional argument{}: {list}",
                missing.len(),
                plural(missing.len())
            ));
        }
        // Every parameter named by keyword goes to its place (the ones after it default to
        // `None`, which is what the natives read for an absent optional argument).
        let last = (args.pos.len()..max)
            .filter(|&i| args.kw.iter().any(|(k, _)| &**k == self.params[i]))
            .max();
        if let Some(last) = last {
            for i in args.pos.len()..=last {
                let v = args.take_kw(self.params[i]).unwrap_or_default();
                args.pos.push(v);
            }
        }
        Ok(())
    }

    fn kwonly_given(&self, args: &Args) -> usize {
        args.kw
            .iter()
            .filter(|(k, _)| self.kwonly.contains(&&**k))
            .count()
    }

    fn too_many(&self, given: usize) -> String {
        let (name, max) = (self.name, self.params.len());
        match self.count {
            Count::ExactlyOne => format!("{name}() takes exactly one argument ({given} given)"),
            Count::Expected => self.expected(given),
            Count::Clinic | Count::Python => {
                format!(
                    "{name}() takes at most {max} argument{} ({given} given)",
                    plural(max)
                )
            }
        }
    }

    /// The positional parameter at `index` is missing.
    fn missing(&self, index: usize) -> String {
        let name = self.name;
        if let (0, Some(words)) = (index, self.missing_first) {
            return words.to_string();
        }
        match self.count {
            Count::ExactlyOne => format!("{name}() takes exactly one argument ({index} given)"),
            Count::Expected | Count::Python => self.expected(index),
            Count::Clinic => match self.params.get(index) {
                Some(p) if !p.is_empty() => {
                    format!(
                        "{name}() missing required argument '{p}' (pos {})",
                        index + 1
                    )
                }
                _ => format!(
                    "{name}() takes at least {} positional argument{} ({index} given)",
                    self.required,
                    plural(self.required)
                ),
            },
        }
    }

    /// CPython's `_PyArg_CheckPositional` wording.
    fn expected(&self, given: usize) -> String {
        let (name, min, max) = (self.name, self.required, self.params.len());
        if !self.varargs && min == max {
            format!("{name} expected {min} argument{}, got {given}", plural(min))
        } else if given < min {
            format!(
                "{name} expected at least {min} argument{}, got {given}",
                plural(min)
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {given}",
                plural(max)
            )
        }
    }
}

/// Checks `args` against the signature, as a TypeError raised by `error`.
pub(crate) fn check(
    sig: Option<&'static Signature>,
    args: &mut Args,
    error: impl FnOnce(String) -> ExcRef,
) -> Result<(), ExcRef> {
    match sig {
        Some(sig) => sig.check(args).map_err(error),
        None => Ok(()),
    }
}
