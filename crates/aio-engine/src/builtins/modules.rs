//! The small stdlib modules: `time`, `sys`, `gc`, `warnings`, `random`, `math`.
//!
//! Time is virtual: `time.perf_counter()` and `time.monotonic()` return the virtual clock
//! (starting at 0.0), `time.time()` returns [`VIRTUAL_EPOCH`] plus the virtual clock, and
//! `time.sleep(d)` blocks the whole program by advancing the virtual clock by `d` (inside a
//! worker thread it advances only that worker's own clock; see `concurrent.futures` below).
//!
//! `threading` and `concurrent.futures` are written in Python at the end of the asyncio prelude
//! (`_define_threading`, `_define_futures`, run on first import); importing them builds
//! module objects from the prelude's export tables. `logging` is Python too (`logging.py`, after
//! CPython's `Lib/logging/__init__.py`), parsed and run as its own module on first import; the
//! engine's asyncio messages go through it once it is loaded ([`Interp::asyncio_log`]). The model: one real thread; a worker's job runs to its end when
//! it is submitted, on its own clock, starting when a worker of the pool is free.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::{func, random::Mt};
use crate::asyncio::hooks::Hook;
use crate::interp::{Frame, FrameKind, Interp};
use crate::run::Missing;
use num_bigint::BigInt;

use crate::runtime::dict::Dict;
use crate::runtime::object::{Args, Builtin, BuiltinFn, FrameInfo, Module, NativeObj, StreamKind};
use crate::runtime::value::{PyResult, Value};

/// `time.time()` at virtual time 0: 2024-01-01 00:00:00 UTC.
pub(crate) const VIRTUAL_EPOCH: f64 = 1_704_067_200.0;

/// `randint` (`inclusive`) or `randrange` where a bound is past 64 bits, drawn as CPython's
/// `_randbelow` draws: `getrandbits(n.bit_length())` until it is below `n`.
fn random_big(it: &Interp, args: &[Value], inclusive: bool) -> PyResult {
    use num_traits::{One, Signed, Zero};
    let ints: Option<Vec<BigInt>> = args.iter().map(crate::runtime::bigint::big_of).collect();
    let Some(ints) = ints else {
        return Err(it.type_error(if inclusive {
            "randint() requires two integers"
        } else {
            "randrange() expects integers"
        }));
    };
    let (start, stop, step) = match (ints.as_slice(), inclusive) {
        ([x, y], true) => (x.clone(), y + 1, BigInt::one()),
        ([stop], false) => (BigInt::zero(), stop.clone(), BigInt::one()),
        ([s, e], false) => (s.clone(), e.clone(), BigInt::one()),
        ([s, e, st], false) => (s.clone(), e.clone(), st.clone()),
        _ => return Err(it.type_error("randrange() expects integers")),
    };
    let count = if step.is_positive() {
        (&stop - &start + &step - 1) / &step
    } else if step.is_negative() {
        (&start - &stop - &step - 1) / -&step
    } else {
        BigInt::zero()
    };
    if !count.is_positive() {
        return Err(it.value_error("empty range for randrange()"));
    }
    let bits = count.bits();
    let mut rng = it.rng.borrow_mut();
    let r = loop {
        let r = rng.getrandbits_big(bits);
        if r < count {
            break r;
        }
    };
    Ok(crate::runtime::bigint::int_value(start + step * r))
}

/// A float parameter of a random distribution, by position or keyword, or its default.
fn float_param(it: &Interp, args: &mut Args, i: usize, name: &str, default: f64) -> PyResult<f64> {
    match args.arg(i, name) {
        None => Ok(default),
        Some(v) => num_arg(it, &Args::new(vec![v]), 0),
    }
}

fn num_arg(it: &Interp, args: &Args, i: usize) -> PyResult<f64> {
    match args.pos.get(i) {
        Some(Value::Int(n)) => Ok(*n as f64),
        Some(Value::Float(f)) => Ok(*f),
        Some(Value::Bool(b)) => Ok(*b as i64 as f64),
        Some(other) => Err(it.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            it.type_name(other)
        ))),
        None => Err(it.type_error("missing required argument")),
    }
}

impl Interp {
    /// `sys.stdout` or `sys.stderr` as a program may have replaced it; `None` while `sys` has not
    /// been imported (so nothing can have replaced it).
    pub(crate) fn sys_stream(&self, name: &str) -> Option<Value> {
        match self.modules.borrow().get("sys") {
            Some(Value::Module(sys)) => sys.get(name),
            _ => None,
        }
    }

    /// Imports a module by name (only the modules the engine provides): a module of the standard
    /// library it lacks is named as such; any other is not installed (`ModuleNotFoundError`).
    pub(crate) fn import_module(self: &Rc<Self>, name: &str) -> PyResult {
        if let Some(m) = self.modules.borrow().get(name) {
            return Ok(m.clone());
        }
        let m = match name {
            "_time" => time_module(),
            "sys" => sys_module(self),
            "gc" => gc_module(),
            "warnings" => warnings_module(),
            "random" => random_module(),
            "math" => super::math::math_module(),
            "_sre" => super::sre::sre_module(),
            "_struct" => super::struct_floats::struct_module(),
            "unicodedata" => unicodedata_module(),
            "asyncio" => {
                return Err(self.runtime_error("asyncio module not initialised"));
            }
            _ if super::stdlib::python_module(name).is_some() => {
                return Err(self.runtime_error(format!("module {name} not loaded")));
            }
            "concurrent.futures" | "threading" => {
                return Err(self.runtime_error(format!("module {name} not loaded")));
            }
            "concurrent" => {
                let m = Module::new("concurrent", "<concurrent>");
                m.set("futures", self.import_module("concurrent.futures")?);
                m
            }
            // A module of CPython's standard library that the engine does not have yet.
            _ if is_stdlib(name) => {
                return Err(self.unsupported(crate::run::Missing::Module(name.to_owned())));
            }
            // Any other module is not installed, as it would not be in a fresh CPython.
            _ => {
                let top = name.split('.').next().unwrap_or(name);
                return Err(self.err("ModuleNotFoundError", format!("No module named '{top}'")));
            }
        };
        let v = Value::Module(m);
        self.modules.borrow_mut().insert(Rc::from(name), v.clone());
        Ok(v)
    }

    /// Runs what a module needs before its first import: a module written in Python (see
    /// [`super::stdlib`]) runs its code; `threading` / `concurrent.futures` are made from the
    /// tables of members the prelude builds on first use (their classes cost startup time that
    /// most programs do not need).
    pub(crate) async fn load_prelude_module(self: &Rc<Self>, name: &str) -> PyResult<()> {
        if let Some(module) = super::stdlib::python_module(name) {
            return self.load_python_module(module).await;
        }
        let (loader, name) = match name {
            "threading" => (Hook::LoadThreading, "threading"),
            "concurrent" | "concurrent.futures" => (Hook::LoadFutures, "concurrent.futures"),
            _ => return Ok(()),
        };
        if self.modules.borrow().contains_key(name) {
            return Ok(());
        }
        let table = self.call(self.hook(loader)?, Args::new(Vec::new())).await?;
        let Value::Dict(members) = table else {
            return Err(self.runtime_error(format!("asyncio.{}() made no table", loader.name())));
        };
        let m = Module::new(name, &format!("<{name}>"));
        for (k, v) in members.borrow().iter() {
            if let Value::Str(k) = k {
                m.set(k, v.clone());
            }
        }
        self.modules
            .borrow_mut()
            .insert(Rc::from(name), Value::Module(m));
        Ok(())
    }

    /// Runs a module written in Python as that module (once). Like CPython, the module is
    /// importable while its code runs (so two modules may import each other), and forgotten if
    /// its code fails.
    async fn load_python_module(
        self: &Rc<Self>,
        module: super::stdlib::PythonModule,
    ) -> PyResult<()> {
        if self.modules.borrow().contains_key(module.name) {
            return Ok(());
        }
        // A submodule's package first (`collections` for `collections.abc`).
        let parent = module
            .name
            .rsplit_once('.')
            .map(|(package, _)| package.to_owned());
        if let Some(package) = &parent {
            Box::pin(self.load_prelude_module(package)).await?;
        }
        let ast = super::stdlib::tree(module).map_err(|e| {
            self.runtime_error(format!(
                "internal error in the {} module: {}",
                module.name,
                e.render()
            ))
        })?;
        let filename = super::stdlib::filename(module);
        let m = Module::new(module.name, &filename);
        self.modules
            .borrow_mut()
            .insert(Rc::from(module.name), Value::Module(m.clone()));
        let info = Rc::new(FrameInfo {
            name: Rc::from("<module>"),
            filename: Rc::from(filename.as_str()),
            line: Cell::new(0),
            hidden: true,
            generated_line: Cell::new(0),
        });
        let fr = Frame {
            env: None,
            globals: m.clone(),
            kind: FrameKind::Module,
            func: None,
            info: info.clone(),
        };
        self.frames.borrow_mut().push(info.clone());
        let r = self.exec_block(&fr, &ast.body).await;
        self.pop_frame(&info);
        if r.is_err() {
            self.modules.borrow_mut().remove(module.name);
        }
        r?;
        if module.name == "logging" {
            // asyncio's own messages go through the `asyncio` logger from now on.
            let hook = m.get("_asyncio_log").ok_or_else(|| {
                self.runtime_error("internal error in the logging module: no _asyncio_log")
            })?;
            let _ = self.asyncio_log.set(hook);
        }
        if let Some(package) = &parent
            && let Some(Value::Module(p)) = self.modules.borrow().get(package.as_str())
        {
            let short = &module.name[package.len() + 1..];
            p.set(short, Value::Module(m.clone()));
        }
        Ok(())
    }

    /// `time.sleep(d)`: advances the virtual clock (or the executor worker's clock). Traced
    /// when it blocks a running event loop on its own thread: not before `asyncio.run`, not in a
    /// worker thread.
    pub(crate) fn blocking_sleep(&self, d: f64) {
        if self.hold_thread(d) && self.running_loop.borrow().is_some() {
            self.blocked_loop.set(true);
            let now = self.now();
            self.trace(|| crate::trace::TraceEvent::BlockingSleep {
                seconds: d,
                until: now,
            });
        }
    }
}

/// `_time`: the clocks `time.py` is written over (the program's virtual clock).
fn time_module() -> Rc<Module> {
    let m = Module::new("_time", "<_time>");
    m.set(
        "sleep",
        func(
            "sleep",
            BuiltinFn::Sync(|it, _, a| {
                let d = num_arg(it, &a, 0)?;
                if d < 0.0 {
                    return Err(it.value_error("sleep length must be non-negative"));
                }
                it.blocking_sleep(d);
                Ok(Value::None)
            }),
        ),
    );
    let clock: fn(&Rc<Interp>, &Builtin, Args) -> PyResult =
        |it, _, _| Ok(Value::Float(it.thread_now()));
    for n in ["perf_counter", "monotonic", "process_time", "thread_time"] {
        m.set(n, func(n, BuiltinFn::Sync(clock)));
    }
    m.set(
        "time",
        func(
            "time",
            BuiltinFn::Sync(|it, _, _| Ok(Value::Float(VIRTUAL_EPOCH + it.thread_now()))),
        ),
    );
    let ns: fn(&Rc<Interp>, &Builtin, Args) -> PyResult =
        |it, _, _| Ok(Value::Int((it.thread_now() * 1e9).round() as i64));
    for n in ["perf_counter_ns", "monotonic_ns"] {
        m.set(n, func(n, BuiltinFn::Sync(ns)));
    }
    m.set(
        "time_ns",
        func(
            "time_ns",
            BuiltinFn::Sync(|it, _, _| {
                Ok(Value::Int(((VIRTUAL_EPOCH + it.thread_now()) * 1e9) as i64))
            }),
        ),
    );
    // `_strftime(format, seconds)`: UTC seconds since the epoch, formatted.
    m.set(
        "_strftime",
        func(
            "_strftime",
            BuiltinFn::Sync(|it, _, a| {
                let (Some(Value::Str(f)), Some(secs)) = (a.pos.first(), a.pos.get(1)) else {
                    return Err(it.type_error("_strftime(format, seconds)"));
                };
                Ok(Value::str(strftime(
                    f,
                    num_arg(it, &Args::new(vec![secs.clone()]), 0)?,
                )))
            }),
        ),
    );
    m
}

/// Formats UTC seconds since the Unix epoch with the common strftime directives.
pub(crate) fn strftime(f: &str, secs: f64) -> String {
    let total = secs.floor() as i64;
    let days = total.div_euclid(86400);
    let rem = total.rem_euclid(86400);
    let (h, mi, s) = (rem / 3600, (rem % 3600) / 60, rem % 60);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let mut y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    if m <= 2 {
        y += 1;
    }
    let wday = (days + 4).rem_euclid(7); // 0 = Sunday
    const DAYS: [&str; 7] = [
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ];
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut out = String::new();
    let mut chars = f.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('Y') => out.push_str(&y.to_string()),
            Some('m') => out.push_str(&format!("{m:02}")),
            Some('d') => out.push_str(&format!("{d:02}")),
            Some('H') => out.push_str(&format!("{h:02}")),
            Some('M') => out.push_str(&format!("{mi:02}")),
            Some('S') => out.push_str(&format!("{s:02}")),
            Some('y') => out.push_str(&format!("{:02}", y % 100)),
            Some('A') => out.push_str(DAYS[wday as usize]),
            Some('a') => out.push_str(&DAYS[wday as usize][..3]),
            Some('B') => out.push_str(MONTHS[(m - 1) as usize]),
            Some('b') => out.push_str(&MONTHS[(m - 1) as usize][..3]),
            Some('I') => out.push_str(&format!("{:02}", if h % 12 == 0 { 12 } else { h % 12 })),
            Some('p') => out.push_str(if h < 12 { "AM" } else { "PM" }),
            Some('j') => out.push_str(&format!("{:03}", doy_of(y, m, d))),
            Some('X' | 'T') => out.push_str(&format!("{h:02}:{mi:02}:{s:02}")),
            Some('R') => out.push_str(&format!("{h:02}:{mi:02}")),
            Some('x' | 'D') => out.push_str(&format!("{m:02}/{d:02}/{:02}", y % 100)),
            Some('F') => out.push_str(&format!("{y}-{m:02}-{d:02}")),
            Some('e') => out.push_str(&format!("{d:2}")),
            Some('w') => out.push_str(&wday.to_string()),
            Some('u') => out.push_str(&(if wday == 0 { 7 } else { wday }).to_string()),
            Some('c') => out.push_str(&format!(
                "{} {} {d:2} {h:02}:{mi:02}:{s:02} {y}",
                &DAYS[wday as usize][..3],
                &MONTHS[(m - 1) as usize][..3]
            )),
            Some('%') => out.push('%'),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    out
}

fn doy_of(y: i64, m: i64, d: i64) -> i64 {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const CUM: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    CUM[(m - 1) as usize] + d + if leap && m > 2 { 1 } else { 0 }
}

fn sys_module(it: &Rc<Interp>) -> Rc<Module> {
    let m = Module::new("sys", "<sys>");
    m.set(
        "stdout",
        Value::Native(Rc::new(NativeObj::Stream(StreamKind::Stdout))),
    );
    m.set(
        "stderr",
        Value::Native(Rc::new(NativeObj::Stream(StreamKind::Stderr))),
    );
    m.set("__stdout__", m.get("stdout").unwrap_or_default());
    m.set("__stderr__", m.get("stderr").unwrap_or_default());
    // For the standard-library modules written in Python: the line of CPython's generated code
    // (`<string>`) that the calling frame stands for (see `stdlib::TbMarker`).
    m.set(
        "_aio_tb_line",
        func(
            "_aio_tb_line",
            BuiltinFn::Sync(|it, _, a| {
                if let (Some(Value::Int(line)), Some(frame)) =
                    (a.pos.first(), it.frames.borrow().last())
                {
                    frame.generated_line.set(u32::try_from(*line).unwrap_or(0));
                }
                Ok(Value::None)
            }),
        ),
    );
    m.set("argv", Value::list(vec![Value::Str(it.filename.clone())]));
    m.set("version", Value::str("3.11.7 (main) [aio engine]"));
    m.set("platform", Value::str("linux"));
    m.set("maxsize", Value::Int(i64::MAX));
    m.set("byteorder", Value::str("little"));
    m.set("maxunicode", Value::Int(0x10ffff));
    m.set(
        "getdefaultencoding",
        func(
            "getdefaultencoding",
            BuiltinFn::Sync(|_, _, _| Ok(Value::str("utf-8"))),
        ),
    );
    m.set(
        "intern",
        func(
            "intern",
            BuiltinFn::Sync(|it, _, a| match a.pos.first() {
                Some(s @ Value::Str(_)) => Ok(s.clone()),
                Some(other) => Err(it.type_error(format!(
                    "intern() argument must be str, not {}",
                    it.type_name(other)
                ))),
                None => Err(it.type_error("intern() takes exactly one argument (0 given)")),
            }),
        ),
    );
    // How ints, floats and strs hash: CPython's 64-bit parameters, which `hash()` follows.
    let mut hi = Dict::new();
    for (name, value) in [
        ("width", 64),
        ("modulus", (1 << 61) - 1),
        ("inf", 314_159),
        ("nan", 0),
        ("imag", 1_000_003),
        ("hash_bits", 64),
        ("seed_bits", 128),
        ("cutoff", 0),
    ] {
        hi.insert_str(name, Value::Int(value));
    }
    hi.insert_str("algorithm", Value::str("siphash13"));
    m.set(
        "hash_info",
        Value::Native(Rc::new(NativeObj::Namespace(RefCell::new(hi)))),
    );
    m.set(
        "get_int_max_str_digits",
        func(
            "get_int_max_str_digits",
            BuiltinFn::Sync(|_, _, _| {
                Ok(Value::Int(crate::runtime::bigint::MAX_STR_DIGITS as i64))
            }),
        ),
    );
    m.set(
        "exit",
        func(
            "exit",
            BuiltinFn::Sync(|it, _, a| Err(it.new_exc(&it.t.by_name("SystemExit"), a.pos))),
        ),
    );
    m.set(
        "getrecursionlimit",
        func(
            "getrecursionlimit",
            BuiltinFn::Sync(|it, _, _| Ok(Value::Int(it.budgets.max_depth as i64))),
        ),
    );
    m.set(
        "setrecursionlimit",
        func(
            "setrecursionlimit",
            BuiltinFn::Sync(|_, _, _| Ok(Value::None)),
        ),
    );
    // CPython's GIL switch interval. The engine runs one thread at a time and never preempts
    // (see `threading` above), so the value is only reported.
    m.set(
        "getswitchinterval",
        func(
            "getswitchinterval",
            BuiltinFn::Sync(|_, _, _| Ok(Value::Float(0.005))),
        ),
    );
    m.set(
        "exc_info",
        func(
            "exc_info",
            BuiltinFn::Sync(|it, _, _| {
                let top = it.exc_stack.borrow().last().cloned();
                Ok(match top {
                    Some(e) => Value::tuple(vec![
                        Value::Class(e.class.clone()),
                        Value::Instance(e.clone()),
                        it.traceback_mark(&e),
                    ]),
                    None => Value::tuple(vec![Value::None, Value::None, Value::None]),
                })
            }),
        ),
    );
    m.set(
        "exception",
        func(
            "exception",
            BuiltinFn::Sync(|it, _, _| {
                Ok(it
                    .exc_stack
                    .borrow()
                    .last()
                    .cloned()
                    .map(Value::Instance)
                    .unwrap_or_default())
            }),
        ),
    );
    m
}

/// `unicodedata`: what aligning Chinese text needs (`east_asian_width`), from CPython's
/// Unicode 14.0 tables; the module's other names are named as missing.
fn unicodedata_module() -> Rc<Module> {
    let m = Module::new("unicodedata", "<unicodedata>");
    m.set("unidata_version", Value::str("14.0.0"));
    m.set(
        "east_asian_width",
        func(
            "east_asian_width",
            BuiltinFn::Sync(|it, _, a| match a.pos.first() {
                Some(Value::Str(s)) if s.chars().count() == 1 => {
                    let c = s.chars().next().unwrap_or_default();
                    Ok(Value::str(
                        crate::runtime::unicode::east_asian_width(c).code(),
                    ))
                }
                Some(Value::Str(_)) => Err(it.type_error(
                    "east_asian_width() argument must be a unicode character, not str",
                )),
                Some(other) => Err(it.type_error(format!(
                    "east_asian_width() argument must be a unicode character, not {}",
                    it.type_name(other)
                ))),
                None => Err(it.type_error(
                    "unicodedata.east_asian_width() takes exactly one argument (0 given)",
                )),
            }),
        ),
    );
    m
}

fn gc_module() -> Rc<Module> {
    let m = Module::new("gc", "<gc>");
    // Reference counting frees everything immediately; there are no cycles to collect.
    m.set(
        "collect",
        func("collect", BuiltinFn::Sync(|_, _, _| Ok(Value::Int(0)))),
    );
    m.set(
        "enable",
        func("enable", BuiltinFn::Sync(|_, _, _| Ok(Value::None))),
    );
    m.set(
        "disable",
        func("disable", BuiltinFn::Sync(|_, _, _| Ok(Value::None))),
    );
    m.set(
        "isenabled",
        func(
            "isenabled",
            BuiltinFn::Sync(|_, _, _| Ok(Value::Bool(true))),
        ),
    );
    m
}

fn warnings_module() -> Rc<Module> {
    let m = Module::new("warnings", "<warnings>");
    m.set(
        "warn",
        func("warn", BuiltinFn::Sync(crate::interp::warn::py_warn)),
    );
    m.set(
        "simplefilter",
        func(
            "simplefilter",
            BuiltinFn::Sync(crate::interp::warn::py_simplefilter),
        ),
    );
    m.set(
        "filterwarnings",
        func(
            "filterwarnings",
            BuiltinFn::Sync(crate::interp::warn::py_simplefilter),
        ),
    );
    m.set(
        "resetwarnings",
        func(
            "resetwarnings",
            BuiltinFn::Sync(|it, _, _| {
                it.warn.borrow_mut().reset();
                Ok(Value::None)
            }),
        ),
    );
    m.set(
        "catch_warnings",
        func(
            "catch_warnings",
            BuiltinFn::Sync(|it, _, mut a| {
                let record = match a.take_kw("record") {
                    Some(v) => v.truthy_fast().unwrap_or(false),
                    None => false,
                };
                let _ = it;
                Ok(Value::Native(Rc::new(NativeObj::CatchWarnings {
                    record,
                    saved: RefCell::new(None),
                    log: RefCell::new(None),
                })))
            }),
        ),
    );
    m
}

/// The items of a sequence `random` picks from (a list, tuple, string or range).
fn sequence(it: &Interp, v: &Value) -> Option<Vec<Value>> {
    Some(match it.unwrapped(v) {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        Value::Str(s) => s.chars().map(|c| Value::str(c.to_string())).collect(),
        Value::Range(r) => (0..crate::runtime::ops::range_len(r))
            .map(|i| Value::Int(r[0] + r[2] * i))
            .collect(),
        _ => return None,
    })
}

fn random_module() -> Rc<Module> {
    let m = Module::new("random", "<random>");
    fn rng_of(it: &Interp) -> std::cell::RefMut<'_, Mt> {
        it.rng.borrow_mut()
    }
    m.set(
        "seed",
        func(
            "seed",
            BuiltinFn::Sync(|it, _, a| {
                let n = match a.pos.first() {
                    Some(Value::Int(i)) => i.unsigned_abs(),
                    // An int past 64 bits seeds with all its 32-bit words, as CPython's does.
                    Some(Value::BigInt(b)) => {
                        *it.rng.borrow_mut() = Mt::from_key(b.magnitude().to_u32_digits());
                        return Ok(Value::None);
                    }
                    Some(Value::None) | None => 0,
                    Some(Value::Str(s)) => s
                        .bytes()
                        .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64)),
                    Some(other) => other.identity() as u64,
                };
                *it.rng.borrow_mut() = Mt::seeded(n);
                Ok(Value::None)
            }),
        ),
    );
    m.set(
        "random",
        func(
            "random",
            BuiltinFn::Sync(|it, _, _| Ok(Value::Float(rng_of(it).random()))),
        ),
    );
    m.set(
        "gauss",
        func(
            "gauss",
            BuiltinFn::Sync(|it, _, mut a| {
                let mu = float_param(it, &mut a, 0, "mu", 0.0)?;
                let sigma = float_param(it, &mut a, 1, "sigma", 1.0)?;
                Ok(Value::Float(rng_of(it).gauss(mu, sigma)))
            }),
        ),
    );
    m.set(
        "normalvariate",
        func(
            "normalvariate",
            BuiltinFn::Sync(|it, _, mut a| {
                let mu = float_param(it, &mut a, 0, "mu", 0.0)?;
                let sigma = float_param(it, &mut a, 1, "sigma", 1.0)?;
                Ok(Value::Float(rng_of(it).normalvariate(mu, sigma)))
            }),
        ),
    );
    m.set(
        "expovariate",
        func(
            "expovariate",
            BuiltinFn::Sync(|it, _, mut a| {
                let lambd = float_param(it, &mut a, 0, "lambd", 1.0)?;
                if lambd == 0.0 {
                    return Err(it.err("ZeroDivisionError", "float division by zero"));
                }
                Ok(Value::Float(rng_of(it).expovariate(lambd)))
            }),
        ),
    );
    m.set(
        "triangular",
        func(
            "triangular",
            BuiltinFn::Sync(|it, _, mut a| {
                let low_value = a.pos.first().cloned().or_else(|| {
                    a.kw.iter()
                        .find(|(k, _)| &**k == "low")
                        .map(|(_, v)| v.clone())
                });
                let low = float_param(it, &mut a, 0, "low", 0.0)?;
                let high = float_param(it, &mut a, 1, "high", 1.0)?;
                let mode = match a.arg(2, "mode") {
                    None | Some(Value::None) => None,
                    Some(v) => Some(num_arg(it, &Args::new(vec![v]), 0)?),
                };
                let x = rng_of(it).triangular(low, high, mode);
                // A point range with a mode gives `low` itself, as CPython's does.
                if mode.is_some() && high == low {
                    return Ok(low_value.unwrap_or(Value::Float(x)));
                }
                Ok(Value::Float(x))
            }),
        ),
    );
    m.set(
        "uniform",
        func(
            "uniform",
            BuiltinFn::Sync(|it, _, a| {
                let (x, y) = (num_arg(it, &a, 0)?, num_arg(it, &a, 1)?);
                let r = rng_of(it).random();
                Ok(Value::Float(x + (y - x) * r))
            }),
        ),
    );
    m.set(
        "randint",
        func(
            "randint",
            BuiltinFn::Sync(|it, _, a| {
                let (Some(Value::Int(x)), Some(Value::Int(y))) = (a.pos.first(), a.pos.get(1))
                else {
                    return random_big(it, &a.pos, true);
                };
                if y < x {
                    return Err(it.value_error(format!(
                        "empty range for randrange() ({x}, {}, {})",
                        y + 1,
                        y + 1 - x
                    )));
                }
                let Some(n) = y.checked_sub(*x).and_then(|d| d.checked_add(1)) else {
                    return random_big(it, &a.pos, true);
                };
                Ok(Value::Int(x + rng_of(it).randbelow(n as u64) as i64))
            }),
        ),
    );
    m.set(
        "randrange",
        func(
            "randrange",
            BuiltinFn::Sync(|it, _, a| {
                let ints: Vec<i64> = a
                    .pos
                    .iter()
                    .filter_map(|v| {
                        if let Value::Int(i) = v {
                            Some(*i)
                        } else {
                            None
                        }
                    })
                    .collect();
                let (start, stop, step) = match ints.as_slice() {
                    _ if ints.len() != a.pos.len() => return random_big(it, &a.pos, false),
                    [stop] => (0, *stop, 1),
                    [s, e] => (*s, *e, 1),
                    [s, e, st] => (*s, *e, *st),
                    _ => return Err(it.type_error("randrange() expects integers")),
                };
                let n = if step > 0 {
                    (stop - start + step - 1) / step
                } else {
                    (start - stop - step - 1) / (-step)
                };
                if n <= 0 || step == 0 {
                    return Err(it.value_error("empty range for randrange()"));
                }
                Ok(Value::Int(
                    start + step * rng_of(it).randbelow(n as u64) as i64,
                ))
            }),
        ),
    );
    m.set(
        "choice",
        func(
            "choice",
            BuiltinFn::Sync(|it, _, a| {
                let Some(items) = a.pos.first().and_then(|v| sequence(it, v)) else {
                    return Err(it.type_error("choice() needs a sequence"));
                };
                if items.is_empty() {
                    return Err(it.err("IndexError", "Cannot choose from an empty sequence"));
                }
                let i = rng_of(it).randbelow(items.len() as u64) as usize;
                Ok(items[i].clone())
            }),
        ),
    );
    m.set(
        "getrandbits",
        func(
            "getrandbits",
            BuiltinFn::Sync(|it, _, a| match a.pos.first() {
                Some(Value::Int(k)) if *k < 0 => {
                    Err(it.value_error("number of bits must be non-negative"))
                }
                Some(Value::Int(k)) if *k <= 63 => {
                    Ok(Value::Int(rng_of(it).getrandbits(*k as u32) as i64))
                }
                Some(Value::Int(k)) if *k as u64 <= crate::runtime::bigint::MAX_BITS => Ok(
                    crate::runtime::bigint::int_value(rng_of(it).getrandbits_big(*k as u64)),
                ),
                Some(Value::Int(_) | Value::BigInt(_)) => {
                    let (cls, msg) = crate::runtime::bigint::too_large();
                    Err(it.err(cls, msg))
                }
                _ => Err(it.type_error("getrandbits() needs an integer")),
            }),
        ),
    );
    m.set(
        "sample",
        func(
            "sample",
            BuiltinFn::Sync(|it, _, mut a| {
                let population = a.arg(0, "population").unwrap_or_default();
                let Some(items) = sequence(it, &population) else {
                    return Err(it.type_error(
                        "Population must be a sequence.  For dicts or sets, use sorted(d).",
                    ));
                };
                let k = match a.arg(1, "k") {
                    Some(Value::Int(k)) => k,
                    _ => return Err(it.type_error("sample() missing required argument 'k'")),
                };
                let n = items.len();
                if k < 0 || k as usize > n {
                    return Err(it.value_error("Sample larger than population or is negative"));
                }
                let k = k as usize;
                // CPython's two ways, chosen as it chooses them, so that a seed gives its picks.
                let mut setsize = 21_usize;
                if k > 5 {
                    setsize += 4_usize.pow(((k * 3) as f64).log(4.0).ceil() as u32);
                }
                let mut picked = Vec::with_capacity(k);
                let mut rng = rng_of(it);
                if n <= setsize {
                    let mut pool = items;
                    for i in 0..k {
                        let j = rng.randbelow((n - i) as u64) as usize;
                        picked.push(pool[j].clone());
                        pool[j] = pool[n - i - 1].clone();
                    }
                } else {
                    let mut selected = std::collections::HashSet::new();
                    for _ in 0..k {
                        let mut j = rng.randbelow(n as u64) as usize;
                        while selected.contains(&j) {
                            j = rng.randbelow(n as u64) as usize;
                        }
                        selected.insert(j);
                        picked.push(items[j].clone());
                    }
                }
                Ok(Value::list(picked))
            }),
        ),
    );
    m.set(
        "choices",
        func(
            "choices",
            BuiltinFn::Sync(|it, _, mut a| {
                let population = a.arg(0, "population").unwrap_or_default();
                let Some(items) = sequence(it, &population) else {
                    return Err(it.type_error("choices() needs a sequence"));
                };
                let k = match a.take_kw("k") {
                    None => 1,
                    Some(Value::Int(k)) => k.max(0) as usize,
                    Some(_) => return Err(it.type_error("choices() needs an integer k")),
                };
                let weights = a.arg(1, "weights").filter(|w| !matches!(w, Value::None));
                let cumulative = a
                    .take_kw("cum_weights")
                    .filter(|w| !matches!(w, Value::None));
                let n = items.len();
                let mut rng = rng_of(it);
                let floats = |v: &Value| -> PyResult<Vec<f64>> {
                    let values = match v {
                        Value::List(l) => l.borrow().clone(),
                        Value::Tuple(t) => t.to_vec(),
                        _ => return Err(it.type_error("weights must be a list or a tuple")),
                    };
                    values
                        .iter()
                        .map(|w| match w {
                            Value::Int(i) => Ok(*i as f64),
                            Value::Float(f) => Ok(*f),
                            Value::Bool(b) => Ok(f64::from(u8::from(*b))),
                            other => Err(it.type_error(format!(
                                "unsupported operand type(s) for +: 'int' and '{}'",
                                it.type_name(other)
                            ))),
                        })
                        .collect()
                };
                let cumulative = match (weights, cumulative) {
                    (None, None) => {
                        if n == 0 {
                            return Err(it.err("IndexError", "list index out of range"));
                        }
                        let n = n as f64;
                        return Ok(Value::list(
                            (0..k)
                                .map(|_| items[(rng.random() * n).floor() as usize].clone())
                                .collect(),
                        ));
                    }
                    (Some(_), Some(_)) => {
                        return Err(
                            it.type_error("Cannot specify both weights and cumulative weights")
                        );
                    }
                    (Some(w), None) => {
                        let mut total = 0.0;
                        floats(&w)?
                            .into_iter()
                            .map(|w| {
                                total += w;
                                total
                            })
                            .collect::<Vec<f64>>()
                    }
                    (None, Some(c)) => floats(&c)?,
                };
                if cumulative.len() != n {
                    return Err(
                        it.value_error("The number of weights does not match the population")
                    );
                }
                let total = cumulative.last().copied().unwrap_or(0.0);
                if total <= 0.0 {
                    return Err(it.value_error("Total of weights must be greater than zero"));
                }
                if !total.is_finite() {
                    return Err(it.value_error("Total of weights must be finite"));
                }
                // bisect_right(cum_weights, random() * total, 0, n - 1)
                let hi = n - 1;
                Ok(Value::list(
                    (0..k)
                        .map(|_| {
                            let x = rng.random() * total;
                            let at = cumulative[..hi].partition_point(|c| *c <= x);
                            items[at].clone()
                        })
                        .collect(),
                ))
            }),
        ),
    );
    m.set(
        "shuffle",
        func(
            "shuffle",
            BuiltinFn::Sync(|it, _, a| {
                let Some(Value::List(l)) = a.pos.first().map(|v| it.unwrapped(v)) else {
                    return Err(it.type_error("shuffle() needs a list"));
                };
                let mut v = l.borrow_mut();
                for i in (1..v.len()).rev() {
                    let j = rng_of(it).randbelow(i as u64 + 1) as usize;
                    v.swap(i, j);
                }
                Ok(Value::None)
            }),
        ),
    );
    // `random.Random(seed)`: a generator of its own, whose methods are the module's functions
    // run on it (a program's `rng = random.Random(42)` leaves the module's sequence alone).
    m.set(
        "Random",
        func(
            "Random",
            BuiltinFn::Sync(|it, _, a| {
                let own = RefCell::new(Mt::seeded(0));
                random_method(it, &own, "seed", a)?;
                Ok(Value::Native(Rc::new(NativeObj::Random(Box::new(own)))))
            }),
        ),
    );
    m
}

/// `rng.name(...)` of a `random.Random`: the module's function `name`, run with the
/// generator swapped in for the module's own.
pub(crate) fn random_method(
    it: &Rc<Interp>,
    own: &RefCell<Mt>,
    name: &str,
    args: Args,
) -> PyResult {
    let function = match it.modules.borrow().get("random").cloned() {
        Some(Value::Module(m)) => m.get(name),
        _ => None,
    };
    let Some(Value::Builtin(b)) = function else {
        return Err(it.err(
            "AttributeError",
            format!("'Random' object has no attribute '{name}'"),
        ));
    };
    let BuiltinFn::Sync(f) = b.f else {
        return Err(it.unsupported(Missing::Name(format!("random.Random.{name}"))));
    };
    it.rng.swap(own);
    let result = f(it, &b, args);
    it.rng.swap(own);
    result
}

/// Where CPython 3.11 says module `module` comes from in an ImportError, as a traceback shows
/// it (paths cut to the file's name): its file, or "unknown location" for one built in.
pub(crate) fn cpython_location(module: &str) -> String {
    match module {
        "sys" | "time" | "math" | "gc" | "itertools" | "builtins" | "unicodedata" => {
            "unknown location".into()
        }
        "asyncio" | "logging" | "concurrent" | "concurrent.futures" | "collections" | "json" => {
            "__init__.py".into()
        }
        _ => format!("{}.py", module.rsplit('.').next().unwrap_or(module)),
    }
}

/// Whether CPython 3.11's module `module` (one this engine has) has the public name `name`.
pub(crate) fn cpython_has(module: &str, name: &str) -> bool {
    let text = include_str!("stdlib_names.txt");
    let header = format!("\n{module}:\n");
    let Some(start) = text.find(&header) else {
        return false;
    };
    let names = &text[start + header.len()..];
    let names = &names[..names.find("\n\n").unwrap_or(names.len())];
    names.split_whitespace().any(|known| known == name)
}

/// Whether `name` (or the package it is in) belongs to CPython 3.11's standard library
/// (`sys.stdlib_module_names`, without the private modules).
pub(crate) fn is_stdlib(name: &str) -> bool {
    let top = name.split('.').next().unwrap_or(name);
    include_str!("stdlib_modules.txt")
        .split_whitespace()
        .any(|module| module == top)
}
