//! The builtin classes: the type objects of native values and the exception hierarchy.

use std::cell::RefCell;
use std::rc::Rc;

use super::dict::{Dict, FxHashMap};
use super::object::{Class, Ty};

/// All builtin classes, created once per interpreter.
pub(crate) struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none: Rc<Class>,
    pub bool_: Rc<Class>,
    pub int: Rc<Class>,
    pub float: Rc<Class>,
    pub str_: Rc<Class>,
    pub bytes: Rc<Class>,
    pub bytearray: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_fn: Rc<Class>,
    pub method: Rc<Class>,
    pub coroutine: Rc<Class>,
    pub generator: Rc<Class>,
    pub async_generator: Rc<Class>,
    pub future: Rc<Class>,
    pub task: Rc<Class>,
    pub module: Rc<Class>,
    pub event_loop: Rc<Class>,
    pub handle: Rc<Class>,
    pub timer_handle: Rc<Class>,
    pub textio: Rc<Class>,
    pub ellipsis: Rc<Class>,
    pub not_implemented: Rc<Class>,
    pub native: Rc<Class>,
    pub generic_alias: Rc<Class>,
    pub union_type: Rc<Class>,
    pub property: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub deque: Rc<Class>,
    /// `dict_keys`, `dict_values`, `dict_items`, by a view's kind.
    pub dict_views: [Rc<Class>; 3],
    pub traceback: Rc<Class>,
    pub random: Rc<Class>,
    /// Exception classes by name (builtins plus asyncio's own).
    pub exc: FxHashMap<&'static str, Rc<Class>>,
    /// The internal, uncatchable class used when a budget is exhausted.
    pub limit_error: Rc<Class>,
}

/// Creates a class object with a C3-linearised MRO.
pub(crate) fn make_class(name: &str, module: &str, bases: Vec<Rc<Class>>, ty: Ty) -> Rc<Class> {
    let mro = c3_mro(&bases);
    let is_exc = ty == Ty::Exception || bases.iter().any(|b| b.is_exc);
    Rc::new(Class {
        name: Rc::from(name),
        qualname: Rc::from(name),
        module: Rc::from(module),
        bases,
        mro,
        dict: RefCell::new(Dict::new()),
        ty,
        is_exc,
        meta: RefCell::new(None),
    })
}

/// C3 linearisation of the bases' MROs (the class itself excluded). Falls back to a
/// depth-first order when the hierarchy is inconsistent (never panics).
pub(crate) fn c3_mro(bases: &[Rc<Class>]) -> Vec<Rc<Class>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|b| {
            let mut v = vec![b.clone()];
            v.extend(b.mro.iter().cloned());
            v
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return out;
        }
        let mut picked = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, cand)))
            {
                picked = Some(cand.clone());
                break;
            }
        }
        let Some(c) = picked else {
            // Inconsistent: append the rest depth-first without duplicates.
            for s in &seqs {
                for c in s {
                    if !out.iter().any(|o| Rc::ptr_eq(o, c)) {
                        out.push(c.clone());
                    }
                }
            }
            return out;
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// (name, parent, module) for every builtin exception class, parents first.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    ("BaseExceptionGroup", "BaseException", "builtins"),
    ("GeneratorExit", "BaseException", "builtins"),
    ("KeyboardInterrupt", "BaseException", "builtins"),
    ("SystemExit", "BaseException", "builtins"),
    ("Exception", "BaseException", "builtins"),
    ("ArithmeticError", "Exception", "builtins"),
    ("FloatingPointError", "ArithmeticError", "builtins"),
    ("OverflowError", "ArithmeticError", "builtins"),
    ("ZeroDivisionError", "ArithmeticError", "builtins"),
    ("AssertionError", "Exception", "builtins"),
    ("AttributeError", "Exception", "builtins"),
    ("BufferError", "Exception", "builtins"),
    ("EOFError", "Exception", "builtins"),
    ("ImportError", "Exception", "builtins"),
    ("ModuleNotFoundError", "ImportError", "builtins"),
    ("LookupError", "Exception", "builtins"),
    ("IndexError", "LookupError", "builtins"),
    ("KeyError", "LookupError", "builtins"),
    ("MemoryError", "Exception", "builtins"),
    ("NameError", "Exception", "builtins"),
    ("UnboundLocalError", "NameError", "builtins"),
    ("OSError", "Exception", "builtins"),
    ("BlockingIOError", "OSError", "builtins"),
    ("ChildProcessError", "OSError", "builtins"),
    ("ConnectionError", "OSError", "builtins"),
    ("BrokenPipeError", "ConnectionError", "builtins"),
    ("ConnectionAbortedError", "ConnectionError", "builtins"),
    ("ConnectionRefusedError", "ConnectionError", "builtins"),
    ("ConnectionResetError", "ConnectionError", "builtins"),
    ("FileExistsError", "OSError", "builtins"),
    ("FileNotFoundError", "OSError", "builtins"),
    ("InterruptedError", "OSError", "builtins"),
    ("IsADirectoryError", "OSError", "builtins"),
    ("NotADirectoryError", "OSError", "builtins"),
    ("PermissionError", "OSError", "builtins"),
    ("ProcessLookupError", "OSError", "builtins"),
    ("TimeoutError", "OSError", "builtins"),
    ("ReferenceError", "Exception", "builtins"),
    ("RuntimeError", "Exception", "builtins"),
    ("NotImplementedError", "RuntimeError", "builtins"),
    ("RecursionError", "RuntimeError", "builtins"),
    ("StopAsyncIteration", "Exception", "builtins"),
    ("StopIteration", "Exception", "builtins"),
    ("SyntaxError", "Exception", "builtins"),
    ("IndentationError", "SyntaxError", "builtins"),
    ("TabError", "IndentationError", "builtins"),
    ("SystemError", "Exception", "builtins"),
    ("TypeError", "Exception", "builtins"),
    ("ValueError", "Exception", "builtins"),
    ("UnicodeError", "ValueError", "builtins"),
    ("UnicodeDecodeError", "UnicodeError", "builtins"),
    ("UnicodeEncodeError", "UnicodeError", "builtins"),
    ("UnicodeTranslateError", "UnicodeError", "builtins"),
    ("Warning", "Exception", "builtins"),
    ("DeprecationWarning", "Warning", "builtins"),
    ("PendingDeprecationWarning", "Warning", "builtins"),
    ("RuntimeWarning", "Warning", "builtins"),
    ("SyntaxWarning", "Warning", "builtins"),
    ("UserWarning", "Warning", "builtins"),
    ("FutureWarning", "Warning", "builtins"),
    ("ImportWarning", "Warning", "builtins"),
    ("UnicodeWarning", "Warning", "builtins"),
    ("BytesWarning", "Warning", "builtins"),
    ("ResourceWarning", "Warning", "builtins"),
    ("EncodingWarning", "Warning", "builtins"),
    ("CancelledError", "BaseException", "asyncio.exceptions"),
    ("InvalidStateError", "Exception", "asyncio.exceptions"),
    ("QueueEmpty", "Exception", "asyncio.queues"),
    ("QueueFull", "Exception", "asyncio.queues"),
];

impl Types {
    /// Builds every builtin class.
    pub(crate) fn new() -> Types {
        let object = make_class("object", "builtins", vec![], Ty::Object);
        let mk = |name: &str, ty: Ty| make_class(name, "builtins", vec![object.clone()], ty);
        let int = mk("int", Ty::Int);
        let future = make_class("Future", "_asyncio", vec![object.clone()], Ty::Future);
        let bool_ = make_class("bool", "builtins", vec![int.clone()], Ty::Bool);
        let base_exc = make_class(
            "BaseException",
            "builtins",
            vec![object.clone()],
            Ty::Exception,
        );
        let mut exc: FxHashMap<&'static str, Rc<Class>> = FxHashMap::default();
        exc.insert("BaseException", base_exc);
        for (name, parent, module) in EXCEPTIONS {
            let mut bases = vec![exc[parent].clone()];
            if *name == "ExceptionGroup" {
                bases.push(exc["Exception"].clone());
            }
            let c = make_class(name, module, bases, Ty::Exception);
            exc.insert(name, c);
        }
        let eg = make_class(
            "ExceptionGroup",
            "builtins",
            vec![exc["BaseExceptionGroup"].clone(), exc["Exception"].clone()],
            Ty::Exception,
        );
        exc.insert("ExceptionGroup", eg);
        let limit_error = make_class("EngineLimitError", "aio", vec![], Ty::Exception);
        let handle = make_class("Handle", "asyncio.events", vec![object.clone()], Ty::Handle);
        Types {
            type_: mk("type", Ty::Type),
            none: mk("NoneType", Ty::NoneType),
            bool_,
            float: mk("float", Ty::Float),
            str_: mk("str", Ty::Str),
            bytes: mk("bytes", Ty::Bytes),
            bytearray: mk("bytearray", Ty::ByteArray),
            list: mk("list", Ty::List),
            tuple: mk("tuple", Ty::Tuple),
            dict: mk("dict", Ty::Dict),
            set: mk("set", Ty::Set),
            frozenset: mk("frozenset", Ty::Set),
            range: mk("range", Ty::Range),
            slice: mk("slice", Ty::Slice),
            function: mk("function", Ty::Function),
            builtin_fn: mk("builtin_function_or_method", Ty::BuiltinFunction),
            method: mk("method", Ty::Method),
            coroutine: mk("coroutine", Ty::Coroutine),
            generator: mk("generator", Ty::Generator),
            async_generator: mk("async_generator", Ty::AsyncGenerator),
            future: future.clone(),
            // As CPython's C classes: `_asyncio.Task`, a subclass of `_asyncio.Future`.
            task: make_class("Task", "_asyncio", vec![future], Ty::Task),
            module: mk("module", Ty::Module),
            event_loop: make_class(
                "_UnixSelectorEventLoop",
                "asyncio.unix_events",
                vec![object.clone()],
                Ty::EventLoop,
            ),
            handle: handle.clone(),
            timer_handle: make_class(
                "TimerHandle",
                "asyncio.events",
                vec![handle.clone()],
                Ty::TimerHandle,
            ),
            textio: mk("TextIOWrapper", Ty::TextIO),
            ellipsis: mk("ellipsis", Ty::Ellipsis),
            not_implemented: mk("NotImplementedType", Ty::NotImplementedType),
            native: mk("object", Ty::Native),
            generic_alias: make_class("GenericAlias", "types", vec![object.clone()], Ty::Native),
            union_type: make_class("UnionType", "types", vec![object.clone()], Ty::Native),
            property: mk("property", Ty::Property),
            classmethod: mk("classmethod", Ty::ClassMethod),
            staticmethod: mk("staticmethod", Ty::StaticMethod),
            deque: make_class("deque", "collections", vec![object.clone()], Ty::Native),
            dict_views: [
                mk("dict_keys", Ty::Native),
                mk("dict_values", Ty::Native),
                mk("dict_items", Ty::Native),
            ],
            traceback: mk("traceback", Ty::Native),
            random: make_class("Random", "random", vec![object.clone()], Ty::Native),
            int,
            object,
            exc,
            limit_error,
        }
    }

    /// An exception class by name; falls back to `Exception` for unknown names.
    pub(crate) fn by_name(&self, name: &str) -> Rc<Class> {
        self.exc
            .get(name)
            .cloned()
            .unwrap_or_else(|| self.exc["Exception"].clone())
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}

super::opaque_debug!(Types);
