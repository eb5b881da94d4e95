//! The value model: every Python value the engine manipulates.
//!
//! Values are cheap to clone (`Rc` for everything on the heap). Reference counting models
//! CPython's own refcounting closely, which matters for observable behaviour: a coroutine
//! that is dropped without ever being started emits the "never awaited" warning from its
//! `Drop` implementation, exactly when CPython would deallocate it.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use super::dict::Dict;
use super::object::{
    BoundMethod, Builtin, Class, Coro, Function, Instance, IterState, Module, NativeObj,
};
use crate::asyncio::future::Future;

/// An identifier (shared with the AST).
pub(crate) type Name = Rc<str>;

/// A Python exception object (always an [`Instance`] whose class derives from BaseException).
pub(crate) type ExcRef = Rc<Instance>;

/// The result of evaluating Python code: a value or a raised exception.
pub(crate) type PyResult<T = Value> = Result<T, ExcRef>;

/// A boxed, non-`Send` future: the evaluator is written as async Rust so that Python
/// coroutines and generators are simply suspended Rust futures.
pub(crate) type Lbf<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + 'a>>;

/// A Python value.
#[derive(Clone, Default)]
pub(crate) enum Value {
    #[default]
    None,
    Bool(bool),
    Int(i64),
    /// An int that does not fit in 64 bits (never one that does: see [`super::bigint`]).
    BigInt(Rc<num_bigint::BigInt>),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    /// `bytearray`: mutable bytes.
    ByteArray(Rc<RefCell<Vec<u8>>>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<[Value]>),
    Dict(Rc<RefCell<Dict>>),
    /// A set is a dict whose values are all `None`.
    Set(Rc<RefCell<Dict>>),
    /// `range(start, stop, step)`.
    Range(Rc<[i64; 3]>),
    /// `slice(lower, upper, step)`.
    Slice(Rc<[Value; 3]>),
    Func(Rc<Function>),
    Builtin(Rc<Builtin>),
    Method(Rc<BoundMethod>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    /// Coroutines, generators and async generators.
    Coro(Rc<Coro>),
    /// asyncio Futures and Tasks.
    Future(Rc<Future>),
    Module(Rc<Module>),
    Iter(Rc<RefCell<IterState>>),
    /// Other native objects (the event loop, handles, streams, ...).
    Native(Rc<NativeObj>),
    Ellipsis,
    NotImplemented,
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::BigInt(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x}"),
            Value::Str(s) => write!(f, "{s:?}"),
            _ => write!(f, "<{}>", self.kind_name()),
        }
    }
}

impl Value {
    /// A new str value.
    pub(crate) fn str(s: impl Into<Rc<str>>) -> Value {
        Value::Str(s.into())
    }

    /// A new list value.
    pub(crate) fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    /// A new tuple value.
    pub(crate) fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(items.into())
    }

    /// A new dict value.
    pub(crate) fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }

    /// A short internal name of the variant (for debugging only).
    pub(crate) fn kind_name(&self) -> &'static str {
        match self {
            Value::None => "None",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::BigInt(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::Bytes(_) => "bytes",
            Value::ByteArray(_) => "bytearray",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Set(_) => "set",
            Value::Range(_) => "range",
            Value::Slice(_) => "slice",
            Value::Func(_) => "function",
            Value::Builtin(_) => "builtin_function_or_method",
            Value::Method(_) => "method",
            Value::Class(_) => "type",
            Value::Instance(_) => "object",
            Value::Coro(_) => "coroutine",
            Value::Future(_) => "Future",
            Value::Module(_) => "module",
            Value::Iter(_) => "iterator",
            Value::Native(_) => "native",
            Value::Ellipsis => "ellipsis",
            Value::NotImplemented => "NotImplementedType",
        }
    }

    /// Identity of heap objects (`id()`, `is`); immediates compare by value in `is_same`.
    pub(crate) fn identity(&self) -> usize {
        fn p<T: ?Sized>(r: &Rc<T>) -> usize {
            Rc::as_ptr(r) as *const u8 as usize
        }
        match self {
            Value::None => 1,
            Value::Bool(b) => 2 + *b as usize,
            Value::Int(i) => (*i as usize).wrapping_mul(16).wrapping_add(8),
            Value::Float(x) => x.to_bits() as usize,
            Value::BigInt(r) => p(r),
            Value::Str(s) => p(s),
            Value::Bytes(b) => p(b),
            Value::ByteArray(r) => p(r),
            Value::List(r) => p(r),
            Value::Tuple(r) => p(r),
            Value::Dict(r) => p(r),
            Value::Set(r) => p(r),
            Value::Range(r) => p(r),
            Value::Slice(r) => p(r),
            Value::Func(r) => p(r),
            Value::Builtin(r) => p(r),
            Value::Method(r) => p(r),
            Value::Class(r) => p(r),
            Value::Instance(r) => p(r),
            Value::Coro(r) => p(r),
            Value::Future(r) => p(r),
            Value::Module(r) => p(r),
            Value::Iter(r) => p(r),
            Value::Native(r) => p(r),
            Value::Ellipsis => 5,
            Value::NotImplemented => 6,
        }
    }

    /// Python's `is`.
    pub(crate) fn is_same(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b && (-5..=256).contains(a),
            (Value::Float(_), Value::Float(_)) => false,
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            // CPython keeps one empty bytes and one of each single byte.
            (Value::Bytes(a), Value::Bytes(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::NotImplemented, Value::NotImplemented) => true,
            // CPython has one empty tuple.
            (Value::Tuple(a), Value::Tuple(b)) if a.is_empty() && b.is_empty() => true,
            (Value::Int(_), _) | (Value::Bool(_), _) | (Value::None, _) => false,
            _ => self.kind_name() == other.kind_name() && self.identity() == other.identity(),
        }
    }

    /// Truthiness for the values that need no Python call (`None` when a `__bool__`/`__len__`
    /// lookup on an instance is required).
    pub(crate) fn truthy_fast(&self) -> Option<bool> {
        Some(match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            // Never zero: zero fits in 64 bits.
            Value::BigInt(_) => true,
            Value::Float(x) => *x != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::ByteArray(b) => !b.borrow().is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) | Value::Set(d) => !d.borrow().is_empty(),
            Value::Range(r) => super::ops::range_len(r) > 0,
            Value::Instance(_) => return None,
            Value::Native(n) => match &**n {
                super::object::NativeObj::DictView { dict, .. } => !dict.borrow().is_empty(),
                super::object::NativeObj::Deque(items) => !items.borrow().is_empty(),
                _ => true,
            },
            _ => true,
        })
    }
}
