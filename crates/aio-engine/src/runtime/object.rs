//! Heap object kinds: classes, instances (including exceptions), functions, builtins,
//! coroutines/generators, modules, iterators and native helper objects.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::{Rc, Weak};

use super::dict::{Dict, FxHashMap};
use super::value::{ExcRef, Lbf, Name, PyResult, Value};
use crate::asyncio::event_loop::{EventLoop, Handle};
use crate::interp::Interp;
use crate::interp::exc::AnchorHint;
use crate::interp::scope::ScopeInfo;
use crate::syntax::ast;

/// Builtin type tags: which native behaviour a class object stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Ty {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    Bytes,
    ByteArray,
    List,
    Tuple,
    Dict,
    Set,
    Range,
    Slice,
    Property,
    ClassMethod,
    StaticMethod,
    Function,
    BuiltinFunction,
    Method,
    Coroutine,
    Generator,
    AsyncGenerator,
    Future,
    Task,
    Module,
    Iterator,
    EventLoop,
    Handle,
    TimerHandle,
    TextIO,
    Ellipsis,
    NotImplementedType,
    /// BaseException and every exception class (builtin or user-defined).
    Exception,
    /// A user-defined class not derived from a builtin type.
    User,
    Native,
}

/// A class (type object). Builtin types are classes too, tagged by `ty`.
pub(crate) struct Class {
    pub name: Name,
    pub qualname: Name,
    pub module: Name,
    pub bases: Vec<Rc<Class>>,
    /// Method resolution order, *excluding* the class itself (avoids an `Rc` cycle).
    pub mro: Vec<Rc<Class>>,
    pub dict: RefCell<Dict>,
    pub ty: Ty,
    /// True for BaseException and its subclasses.
    pub is_exc: bool,
    /// Its metaclass when that is a subclass of `type` written in Python (`EnumType`,
    /// `ABCMeta`); `None` for `type` itself. Set once, when the class is made.
    pub meta: RefCell<Option<Rc<Class>>>,
}

impl fmt::Debug for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<class {}>", self.name)
    }
}

impl Class {
    /// Looks an attribute up along the MRO.
    pub(crate) fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get_str(name) {
            return Some(v.clone());
        }
        for c in &self.mro {
            if let Some(v) = c.dict.borrow().get_str(name) {
                return Some(v.clone());
            }
        }
        None
    }

    /// `name` as the Python-level classes of the MRO define it, before the first builtin one
    /// (`list`, `dict`, `object`…): what a subclass of a builtin type overrides.
    pub(crate) fn lookup_own(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get_str(name) {
            return Some(v.clone());
        }
        self.mro
            .iter()
            .take_while(|c| c.ty == Ty::User)
            .find_map(|c| c.dict.borrow().get_str(name).cloned())
    }

    /// `name` as the class's metaclass defines it in Python (`EnumType.__iter__`), for what
    /// CPython looks up on `type(cls)`: operators on the class, calling it, its attributes.
    pub(crate) fn meta_lookup(&self, name: &str) -> Option<Value> {
        self.meta.borrow().as_ref()?.lookup_own(name)
    }

    /// True if `self` is `other` or a subclass of it.
    pub(crate) fn is_subclass(self: &Rc<Class>, other: &Rc<Class>) -> bool {
        Rc::ptr_eq(self, other) || self.mro.iter().any(|c| Rc::ptr_eq(c, other))
    }

    /// The nearest builtin type tag along the MRO (what native storage instances use).
    pub(crate) fn base_ty(&self) -> Ty {
        if self.ty != Ty::User {
            return self.ty;
        }
        self.mro
            .iter()
            .map(|c| c.ty)
            .find(|t| *t != Ty::User)
            .unwrap_or(Ty::Object)
    }
}

/// State carried by exception instances.
#[derive(Default)]
pub(crate) struct ExcData {
    pub args: RefCell<Rc<[Value]>>,
    /// Traceback entries, innermost first (as they are appended while unwinding).
    pub traceback: RefCell<Vec<TbEntry>>,
    pub cause: RefCell<Option<ExcRef>>,
    pub context: RefCell<Option<ExcRef>>,
    /// The exception being handled where this one was raised has been made its `__context__`
    /// (once, when it first leaves a frame: a `raise` statement, or an error the engine raises).
    pub context_checked: Cell<bool>,
    pub suppress_context: Cell<bool>,
    /// `ExceptionGroup.exceptions`.
    pub group: RefCell<Option<Rc<[Value]>>>,
    /// What the traceback keeps alive in CPython (the frames' locals, call arguments), so
    /// objects are released exactly when the exception is.
    pub keepalive: RefCell<Vec<Rc<dyn std::any::Any>>>,
    /// Position inside the current frame where the exception was raised, consumed when the
    /// exception leaves the frame and a traceback entry is appended.
    pub pending_span: Cell<Option<(ast::Span, Option<AnchorHint>)>>,
    /// Identity of the frame that added the latest traceback entry (a frame adds one
    /// entry per propagation, like CPython's `PyTraceBack_Here`).
    pub tb_frame: Cell<usize>,
    /// The `__traceback__` object last read, with the number of entries it stood for: read
    /// again unchanged, it is the same object (and a group's split parts share it, as in
    /// CPython).
    pub tb_object: RefCell<Option<(usize, Value)>>,
    /// "Did you mean" for a NameError, computed when raised (from the frame's names) and shown
    /// when the exception reaches the top level (CPython's excepthook adds it; the `traceback`
    /// module of 3.11 does not). An AttributeError's is computed at print time from `.obj`.
    pub suggestion: RefCell<Option<Rc<str>>>,
}

/// Source text shown for a synthetic traceback entry, with an optional caret column range.
pub(crate) type TbSource = (Rc<str>, Option<(u32, u32)>);

/// One traceback line: `File "f", line N, in name` plus the highlighted range.
#[derive(Clone, Debug)]
pub(crate) struct TbEntry {
    pub filename: Rc<str>,
    pub name: Rc<str>,
    pub line: u32,
    pub span: Option<ast::Span>,
    /// How to split the carets (`~~~^^^~~~`) for binary operations and subscripts.
    pub anchor: Option<AnchorHint>,
    /// Source text override (for synthetic stdlib frames).
    pub source: Option<TbSource>,
}

/// An instance of a user class or of an exception class.
pub(crate) struct Instance {
    pub class: Rc<Class>,
    /// Its attributes: `__dict__` and `vars()` hand out this very dict.
    pub dict: Rc<RefCell<Dict>>,
    /// As a dict key or set member, with a `__hash__` of its class's: the group of objects
    /// equal to it that it joined, and its hash (see [`super::key_groups`]).
    pub key_group: Cell<Option<(usize, i64)>>,
    pub exc: Option<Box<ExcData>>,
    /// For an instance of a subclass of `list`, `dict`, `tuple` or `str`: the builtin value it
    /// is, which the type's methods and operators act on where the subclass does not override
    /// them.
    pub items: Option<Value>,
}

impl fmt::Debug for Instance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} instance>", self.class.name)
    }
}

impl Instance {
    /// A new instance of `class` (not an exception) with no attributes yet, wrapping `items`
    /// when `class` derives from list, dict or tuple.
    pub(crate) fn new(class: Rc<Class>, items: Option<Value>) -> Rc<Instance> {
        Rc::new(Instance {
            class,
            dict: Rc::new(RefCell::new(Dict::new())),
            key_group: Cell::new(None),
            exc: None,
            items,
        })
    }

    /// The exception data; a shared empty record for non-exception instances (callers only
    /// ask exceptions, so this never allocates in practice).
    pub(crate) fn exc(&self) -> &ExcData {
        static_exc_default(self)
    }

    /// The exception's `args`.
    pub(crate) fn args(&self) -> Rc<[Value]> {
        match &self.exc {
            Some(e) => e.args.borrow().clone(),
            None => Rc::from(Vec::new()),
        }
    }
}

fn static_exc_default(inst: &Instance) -> &ExcData {
    thread_local! {
        static EMPTY: &'static ExcData = Box::leak(Box::default());
    }
    match &inst.exc {
        Some(e) => e,
        None => EMPTY.with(|e| *e),
    }
}

/// What code a Python function runs.
#[derive(Clone, Debug)]
pub(crate) enum FuncCode {
    Def(Rc<ast::FunctionDef>),
    Lambda(Rc<ast::Lambda>),
}

impl FuncCode {
    /// The parameter list.
    pub(crate) fn params(&self) -> &ast::Parameters {
        match self {
            FuncCode::Def(d) => &d.params,
            FuncCode::Lambda(l) => &l.params,
        }
    }
}

/// Local variables of one function activation; closures keep the whole environment alive.
pub(crate) struct Env {
    pub vars: RefCell<FxHashMap<Name, Value>>,
    pub parent: Option<Rc<Env>>,
    pub info: Rc<ScopeInfo>,
}

impl fmt::Debug for Env {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<env>")
    }
}

/// A Python function (`def`, `async def` or `lambda`).
pub(crate) struct Function {
    /// `__name__` and `__qualname__`: a program may assign them (`functools.wraps` does).
    pub name: RefCell<Name>,
    pub qualname: RefCell<Name>,
    pub code: FuncCode,
    pub defaults: Vec<Value>,
    pub kw_defaults: Vec<Option<Value>>,
    pub env: Option<Rc<Env>>,
    pub globals: Rc<Module>,
    pub info: Rc<ScopeInfo>,
    /// The class whose body defined this function (for zero-argument `super()`).
    pub owner_class: RefCell<Option<Weak<Class>>>,
    pub filename: Rc<str>,
    /// Attributes a program sets (`f.calls = 0`, `__doc__`, `__wrapped__`, `__annotations__`):
    /// `__dict__` hands out this very dict.
    pub dict: Rc<RefCell<Dict>>,
    /// The line of the `def` (for reprs such as `defined at prog.py:5`).
    pub def_line: u32,
}

impl fmt::Debug for Function {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<function {}>", self.qualname())
    }
}

impl Function {
    /// `__name__`.
    pub(crate) fn name(&self) -> Name {
        self.name.borrow().clone()
    }

    /// `__qualname__`: what reprs, argument errors and coroutines made by calling it say.
    pub(crate) fn qualname(&self) -> Name {
        self.qualname.borrow().clone()
    }

    /// The name its code was defined with: what traceback frames say, whatever `__name__` a
    /// program (or `functools.wraps`) gave it since.
    pub(crate) fn code_name(&self) -> Name {
        match &self.code {
            FuncCode::Def(d) => d.name.clone(),
            FuncCode::Lambda(_) => Rc::from("<lambda>"),
        }
    }

    /// True for `async def` (coroutine functions and async generator functions).
    pub(crate) fn is_async(&self) -> bool {
        matches!(&self.code, FuncCode::Def(d) if d.is_async)
    }
    /// True when calling it makes a (sync or async) generator.
    pub(crate) fn is_generator(&self) -> bool {
        matches!(&self.code, FuncCode::Def(d) if d.is_generator)
    }
}

/// Positional and keyword arguments of a call.
#[derive(Default, Debug, Clone)]
pub(crate) struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Name, Value)>,
}

impl Args {
    /// Positional-only arguments.
    pub(crate) fn new(pos: Vec<Value>) -> Args {
        Args {
            pos,
            kw: Vec::new(),
        }
    }
    /// Removes and returns the keyword argument `name`.
    pub(crate) fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| &**k == name)?;
        Some(self.kw.remove(i).1)
    }
    /// Positional argument `i` or keyword `name`.
    pub(crate) fn arg(&mut self, i: usize, name: &str) -> Option<Value> {
        if let Some(v) = self.take_kw(name) {
            return Some(v);
        }
        self.pos.get(i).cloned()
    }
}

/// A synchronous native function.
pub(crate) type SyncFn = fn(&Rc<Interp>, &Builtin, Args) -> PyResult;
/// An asynchronous native function (may run Python code or suspend).
pub(crate) type AsyncFn = fn(Rc<Interp>, Rc<Builtin>, Args) -> Lbf<'static, PyResult>;

/// How a builtin runs.
#[derive(Clone, Copy)]
pub(crate) enum BuiltinFn {
    Sync(SyncFn),
    Async(AsyncFn),
}

/// A native function or a native method bound to its receiver.
pub(crate) struct Builtin {
    pub name: Rc<str>,
    pub bound: Option<Value>,
    pub f: BuiltinFn,
    /// What it accepts, checked before it runs (the builtins CPython checks strictly).
    pub sig: Option<&'static crate::builtins::signature::Signature>,
}

impl fmt::Debug for Builtin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<built-in function {}>", self.name)
    }
}

/// A Python function bound to an instance.
#[derive(Debug)]
pub(crate) struct BoundMethod {
    pub receiver: Value,
    pub func: Value,
}

/// Coroutine, generator or async generator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CoroKind {
    Coroutine,
    Generator,
    AsyncGenerator,
}

/// Events produced by `Drop` implementations and handled by the interpreter at the next
/// statement boundary (they need the interpreter to format and emit).
pub(crate) enum DropEvent {
    /// A coroutine was destroyed without ever being started.
    NeverAwaited {
        qualname: Name,
        line: u32,
        stdlib_site: Option<StdlibSite>,
    },
    /// A failed task was destroyed and nobody retrieved its exception.
    TaskExceptionNeverRetrieved { text: String, exc: ExcRef },
    /// A suspended async generator was destroyed: its state moves to a new object that the
    /// loop closes with `aclose()` (asyncio's async-generator finalizer hook).
    AsyncGenDropped(Box<Coro>),
    /// A suspended generator was destroyed: CPython closes it (runs its `finally` blocks).
    GenDropped(Box<Coro>),
}

/// Where `Drop` implementations report to, plus the line currently executing.
#[derive(Default)]
pub(crate) struct DropSink {
    pub events: RefCell<Vec<DropEvent>>,
    pub line: Cell<u32>,
    /// While set, what is dropped is dropped in this line of CPython's standard library rather
    /// than in the program's `line` (a callback's return value, in `Handle._run`).
    pub stdlib_site: Cell<Option<StdlibSite>>,
}

/// A line of CPython's standard library that a warning names (`events.py:80`), with its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StdlibSite {
    pub file: &'static str,
    pub line: u32,
    pub text: &'static str,
}

/// Per-coroutine saved interpreter state while suspended (CPython's gi_exc_state and frame).
#[derive(Default)]
pub(crate) struct SavedState {
    pub exc_stack: Vec<ExcRef>,
    pub frames: Vec<Rc<FrameInfo>>,
}

/// A running or suspended frame, for line tracking and tracebacks.
#[derive(Debug)]
pub(crate) struct FrameInfo {
    pub name: Rc<str>,
    pub filename: Rc<str>,
    pub line: Cell<u32>,
    pub hidden: bool,
    /// For a hidden frame that stands for code CPython generates with `exec` (a dataclass's
    /// `__init__`): the line of that code it is at (`sys._aio_tb_line`), for markers `# tb:
    /// <string>:*`.
    pub generated_line: Cell<u32>,
}

/// A coroutine / generator object: a suspended Rust future running the body.
pub(crate) struct Coro {
    pub kind: CoroKind,
    pub name: Name,
    pub qualname: Name,
    /// The name its function was defined with (`cr_code.co_name`, tracebacks), whatever a
    /// program assigned to the function's `__name__` since.
    pub code_name: Name,
    pub filename: Rc<str>,
    pub def_line: u32,
    pub body: RefCell<Option<Lbf<'static, PyResult>>>,
    pub started: Cell<bool>,
    pub running: Cell<bool>,
    pub finished: Cell<bool>,
    pub saved: RefCell<SavedState>,
    pub sink: Rc<DropSink>,
    /// The frame of the body, for `cr_frame`-like line info.
    pub frame: Option<Rc<FrameInfo>>,
    /// True once a task ran its first step (later steps pass a resume value).
    pub stepped: Cell<bool>,
    /// Internal awaitable helpers never warn when dropped unawaited.
    pub helper: Cell<bool>,
    /// For `aclose()`/`athrow()` awaitables: an exception thrown in before they started is
    /// thrown into the generator itself (CPython's `async_gen_athrow_throw`).
    pub start_throw: Rc<RefCell<Option<ExcRef>>>,
}

impl fmt::Debug for Coro {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<coroutine {}>", self.qualname)
    }
}

impl Drop for Coro {
    fn drop(&mut self) {
        if self.kind != CoroKind::Coroutine
            && self.started.get()
            && !self.finished.get()
            && !self.helper.get()
        {
            if let Some(body) = self.body.borrow_mut().take() {
                let revived = Coro {
                    kind: self.kind,
                    name: self.name.clone(),
                    qualname: self.qualname.clone(),
                    code_name: self.code_name.clone(),
                    filename: self.filename.clone(),
                    def_line: self.def_line,
                    body: RefCell::new(Some(body)),
                    started: Cell::new(true),
                    running: Cell::new(false),
                    finished: Cell::new(false),
                    saved: RefCell::new(std::mem::take(&mut *self.saved.borrow_mut())),
                    sink: self.sink.clone(),
                    frame: None,
                    stepped: Cell::new(false),
                    // Dropping the revived generator again must not loop.
                    helper: Cell::new(true),
                    start_throw: Rc::new(RefCell::new(None)),
                };
                let ev = if self.kind == CoroKind::Generator {
                    DropEvent::GenDropped(Box::new(revived))
                } else {
                    DropEvent::AsyncGenDropped(Box::new(revived))
                };
                self.sink.events.borrow_mut().push(ev);
            }
            return;
        }
        if self.kind == CoroKind::Coroutine && !self.started.get() && !self.helper.get() {
            let line = self.sink.line.get();
            self.sink.events.borrow_mut().push(DropEvent::NeverAwaited {
                qualname: self.qualname.clone(),
                line,
                stdlib_site: self.sink.stdlib_site.get(),
            });
        }
    }
}

/// A module object.
pub(crate) struct Module {
    pub name: Name,
    pub dict: RefCell<FxHashMap<Name, Value>>,
    pub filename: Rc<str>,
    /// `from __future__ import annotations` ran: its annotations stay strings.
    pub future_annotations: std::cell::Cell<bool>,
}

impl fmt::Debug for Module {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<module {}>", self.name)
    }
}

impl Module {
    /// A new empty module.
    pub(crate) fn new(name: &str, filename: &str) -> Rc<Module> {
        Rc::new(Module {
            name: Rc::from(name),
            dict: RefCell::new(FxHashMap::default()),
            filename: Rc::from(filename),
            future_annotations: std::cell::Cell::new(false),
        })
    }
    /// Sets a global.
    pub(crate) fn set(&self, name: &str, v: Value) {
        self.dict.borrow_mut().insert(Rc::from(name), v);
    }
    /// Reads a global.
    pub(crate) fn get(&self, name: &str) -> Option<Value> {
        self.dict.borrow().get(name).cloned()
    }
}

/// Native iterator state.
pub(crate) enum IterState {
    /// Over a list, tuple or str by index (sees list mutation like CPython).
    Seq {
        seq: Value,
        idx: usize,
    },
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    /// Over a dict's raw entries: kind 0 keys, 1 values, 2 items.
    DictView {
        dict: Value,
        raw: usize,
        kind: u8,
        len: usize,
    },
    /// Over a materialised snapshot; `name` is its type's (`list_reverseiterator`).
    Vals {
        items: Rc<[Value]>,
        idx: usize,
        name: &'static str,
    },
    /// Over a set's members in its iteration order; the set is watched for a change of size.
    SetVals {
        set: Rc<RefCell<Dict>>,
        items: Rc<[Value]>,
        idx: usize,
        len: usize,
    },
    Enumerate {
        inner: Value,
        count: i64,
    },
    Zip {
        iters: Vec<Value>,
        /// `zip(..., strict=True)`: iterables of different lengths raise ValueError.
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// The old sequence protocol: `obj[0]`, `obj[1]`... until `IndexError`, for an object with
    /// `__getitem__` but no `__iter__`.
    GetItem {
        obj: Value,
        idx: i64,
    },
    /// `coroutine.__await__()`: the coroutine seen as an iterator, so a generator's
    /// `yield from` (an `__await__` written by hand) and `send`/`throw`/`close` can drive it.
    CoroWrapper(Rc<Coro>),
    /// An exhausted iterator, keeping its type's name.
    Done(&'static str),
}

impl IterState {
    /// The coroutine of a `coroutine_wrapper`.
    pub(crate) fn wrapped_coro(&self) -> Option<Rc<Coro>> {
        match self {
            IterState::CoroWrapper(c) => Some(c.clone()),
            _ => None,
        }
    }

    /// The name of the iterator's type in CPython (`list_iterator`, `zip`, `map`...).
    pub(crate) fn type_name(&self) -> &'static str {
        match self {
            IterState::Seq { seq, .. } => match seq {
                Value::List(_) => "list_iterator",
                Value::Tuple(_) => "tuple_iterator",
                Value::Str(s) if s.is_ascii() => "str_ascii_iterator",
                Value::Bytes(_) => "bytes_iterator",
                Value::ByteArray(_) => "bytearray_iterator",
                _ => "str_iterator",
            },
            IterState::Range { .. } => "range_iterator",
            IterState::DictView { dict, kind, .. } => match (dict, kind) {
                (Value::Set(_), _) => "set_iterator",
                (_, 0) => "dict_keyiterator",
                (_, 1) => "dict_valueiterator",
                _ => "dict_itemiterator",
            },
            IterState::Vals { name, .. } | IterState::Done(name) => name,
            IterState::SetVals { .. } => "set_iterator",
            IterState::Enumerate { .. } => "enumerate",
            IterState::Zip { .. } => "zip",
            IterState::Map { .. } => "map",
            IterState::Filter { .. } => "filter",
            IterState::GetItem { .. } => "iterator",
            IterState::CoroWrapper(_) => "coroutine_wrapper",
        }
    }
}

/// Which standard stream a text stream object writes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub(crate) enum StreamKind {
    Stdout,
    Stderr,
}

/// The functions of a `property` object. `setter`, `getter` and `deleter` make a new one, as in
/// CPython, so a class body can build it up one decorator at a time.
#[derive(Clone, Debug)]
pub(crate) struct PropertyFns {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

/// The variables of a `contextvars.Context`: each `ContextVar` (an object of the program's) with
/// its value. A task runs in its own copy of its creator's; a copy is a new list of the same
/// values (contexts hold a handful of variables).
#[derive(Default)]
pub(crate) struct ContextVars {
    vars: RefCell<Vec<(Value, Value)>>,
}

impl fmt::Debug for ContextVars {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<context of {} variables>", self.vars.borrow().len())
    }
}

impl ContextVars {
    /// A new context with the same variables and values.
    pub(crate) fn copy(&self) -> Rc<ContextVars> {
        Rc::new(ContextVars {
            vars: RefCell::new(self.vars.borrow().clone()),
        })
    }

    /// The value of `var` (compared by identity), if set.
    pub(crate) fn get(&self, var: &Value) -> Option<Value> {
        self.vars
            .borrow()
            .iter()
            .find(|(v, _)| v.is_same(var))
            .map(|(_, value)| value.clone())
    }

    /// Sets `var` to `value`.
    pub(crate) fn set(&self, var: &Value, value: Value) {
        let mut vars = self.vars.borrow_mut();
        match vars.iter_mut().find(|(v, _)| v.is_same(var)) {
            Some(slot) => slot.1 = value,
            None => vars.push((var.clone(), value)),
        }
    }

    /// Unsets `var`.
    pub(crate) fn remove(&self, var: &Value) {
        self.vars.borrow_mut().retain(|(v, _)| !v.is_same(var));
    }

    /// Every variable with its value, in the order they were first set.
    pub(crate) fn items(&self) -> Vec<(Value, Value)> {
        self.vars.borrow().clone()
    }
}

/// Other native objects.
pub(crate) enum NativeObj {
    /// A `collections.deque` for asyncio's own queues and waiters (the prelude's `_deque`):
    /// appending and popping at either end without running Python code.
    Deque(RefCell<std::collections::VecDeque<Value>>),
    /// The variables of a `contextvars.Context` (`contextvars.py` wraps it).
    Context(Rc<ContextVars>),
    Loop(Rc<EventLoop>),
    Handle(Rc<Handle>),
    Stream(StreamKind),
    /// `warnings.catch_warnings(record=...)`: the saved filter state while active.
    CatchWarnings {
        record: bool,
        saved: RefCell<Option<crate::interp::warn::WarnState>>,
        log: RefCell<Option<Value>>,
    },
    /// A recorded warning (`w.category`, `w.message`, ...).
    WarningMessage {
        category: Value,
        message: Value,
        filename: Rc<str>,
        lineno: u32,
    },
    /// `exc.__traceback__`: where the exception's traceback stood when it was read (its
    /// entries, the position pending in the frame it is in, the frame that added the last
    /// entry). Assigning it back (`exc.__traceback__ = tb`, as contextlib does) restores that.
    Traceback {
        entries: usize,
        pending_span: Option<(ast::Span, Option<AnchorHint>)>,
        tb_frame: usize,
    },
    /// A compiled regular expression (`_sre.compile`; `re.Pattern` wraps it).
    Pattern(Rc<crate::builtins::sre::CompiledPattern>),
    /// A `random.Random`: a generator of its own.
    Random(Box<RefCell<crate::builtins::random::Mt>>),
    /// `@classmethod` wrapper.
    ClassMethod(Value),
    /// `@staticmethod` wrapper.
    StaticMethod(Value),
    /// A `property`: its getter, setter and deleter (`None` when absent) and its doc.
    Property(PropertyFns),
    /// `dict.keys()` / `values()` / `items()` (kind 0 / 1 / 2): a live view of the dict.
    DictView {
        dict: Rc<RefCell<super::dict::Dict>>,
        kind: u8,
    },
    /// `super()` proxy.
    Super {
        owner: Rc<Class>,
        receiver: Value,
    },
    /// A plain attribute bag (used for `sys.version_info` and similar).
    Namespace(RefCell<Dict>),
    /// `list[int]`, `asyncio.Queue[int]`: a class with type arguments (`types.GenericAlias`).
    GenericAlias {
        origin: Value,
        args: Rc<[Value]>,
    },
    /// `int | None` (`types.UnionType`).
    UnionType(Rc<[Value]>),
}

impl fmt::Debug for NativeObj {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<native>")
    }
}

super::opaque_debug!(
    ExcData, BuiltinFn, DropEvent, DropSink, SavedState, IterState
);
