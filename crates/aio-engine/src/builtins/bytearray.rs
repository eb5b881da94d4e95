//! `bytearray`: mutable bytes. Its reading methods are `bytes`' own, run on a snapshot with
//! each bytes result made a bytearray (CPython's two types share that code too); its own are the
//! mutators, item assignment and deletion, with CPython's messages.

use std::cell::RefCell;
use std::rc::Rc;

use super::bytes;
use crate::interp::Interp;
use crate::runtime::object::Args;
use crate::runtime::ops as vops;
use crate::runtime::value::{PyResult, Value};

/// A new bytearray holding `bytes`.
pub(crate) fn new(bytes: Vec<u8>) -> Value {
    Value::ByteArray(Rc::new(RefCell::new(bytes)))
}

/// `bytearray(source=b'', encoding=..., errors=...)`: what `bytes()` takes, made mutable.
pub(crate) async fn construct(it: &Rc<Interp>, args: Args) -> PyResult {
    match bytes::construct_as(it, args, "bytearray").await? {
        Value::Bytes(b) => Ok(new(b.to_vec())),
        other => Ok(other),
    }
}

/// Whether bytearray has a method `name`: bytes' and the mutators.
pub(crate) fn has_method(name: &str) -> bool {
    bytes::BYTES_METHODS.contains(&name) || MUTATORS.contains(&name)
}

const MUTATORS: &[&str] = &[
    "append", "extend", "insert", "pop", "remove", "clear", "copy", "reverse",
];

/// A byte value from an int (`ba.append(x)`, `ba[i] = x`).
async fn byte(it: &Rc<Interp>, v: &Value) -> PyResult<u8> {
    match it.index_of(v).await? {
        Some(b @ 0..=255) => Ok(b as u8),
        Some(_) => Err(it.value_error("byte must be in range(0, 256)")),
        None => Err(it.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            it.type_name(v)
        ))),
    }
}

/// The bytes `ba.extend(x)` or `ba[a:b] = x` adds: a bytes-like value, or an iterable of ints.
async fn bytes_of_iterable(it: &Rc<Interp>, v: &Value, refusal: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes::bytes_like(v) {
        return Ok(b.to_vec());
    }
    if matches!(
        v,
        Value::Int(_) | Value::Bool(_) | Value::Float(_) | Value::None
    ) {
        return Err(it.type_error(refusal.replace("{}", &it.type_name(v))));
    }
    let mut out = Vec::new();
    for item in it.collect(v).await? {
        out.push(byte(it, &item).await?);
    }
    Ok(out)
}

/// Calls `ba.name(*args)`.
pub(crate) async fn method(
    it: &Rc<Interp>,
    ba: &Rc<RefCell<Vec<u8>>>,
    name: &str,
    mut args: Args,
) -> PyResult {
    let arg0 = args.pos.first().cloned();
    match name {
        "append" => {
            let b = byte(it, &arg0.unwrap_or_default()).await?;
            ba.borrow_mut().push(b);
            Ok(Value::None)
        }
        "extend" => {
            let more = bytes_of_iterable(
                it,
                &arg0.unwrap_or_default(),
                "can't extend bytearray with {}",
            )
            .await?;
            it.alloc(more.len() / 16)?;
            ba.borrow_mut().extend(more);
            Ok(Value::None)
        }
        "insert" => {
            let at = it.index_of(&arg0.unwrap_or_default()).await?.unwrap_or(0);
            let b = byte(it, &args.pos.get(1).cloned().unwrap_or_default()).await?;
            let mut items = ba.borrow_mut();
            let len = items.len() as i64;
            let at = if at < 0 {
                (at + len).max(0)
            } else {
                at.min(len)
            };
            items.insert(at as usize, b);
            Ok(Value::None)
        }
        "pop" => {
            let at = match args.arg(0, "index") {
                Some(v) => it.index_of(&v).await?.unwrap_or(-1),
                None => -1,
            };
            let mut items = ba.borrow_mut();
            if items.is_empty() {
                return Err(it.err("IndexError", "pop from empty bytearray"));
            }
            match vops::norm_index(at, items.len()) {
                Some(j) => Ok(Value::Int(i64::from(items.remove(j)))),
                None => Err(it.err("IndexError", "pop index out of range")),
            }
        }
        "remove" => {
            let b = byte(it, &arg0.unwrap_or_default()).await?;
            let mut items = ba.borrow_mut();
            match items.iter().position(|x| *x == b) {
                Some(j) => {
                    items.remove(j);
                    Ok(Value::None)
                }
                None => Err(it.value_error("value not found in bytearray")),
            }
        }
        "clear" => {
            ba.borrow_mut().clear();
            Ok(Value::None)
        }
        "copy" => Ok(new(ba.borrow().clone())),
        "reverse" => {
            ba.borrow_mut().reverse();
            Ok(Value::None)
        }
        "__getitem__" => {
            it.getitem(&Value::ByteArray(ba.clone()), &arg0.unwrap_or_default())
                .await
        }
        _ => {
            let snapshot: Rc<[u8]> = ba.borrow().as_slice().into();
            let result = bytes::method(it, &snapshot, name, args).await;
            match result {
                Err(e) if it.exc_is(&e, "AttributeError") => {
                    Err(it.attr_error(&Value::ByteArray(ba.clone()), name))
                }
                other => Ok(as_bytearrays(other?)),
            }
        }
    }
}

/// A bytes method's result as bytearray's gives it: each bytes in it made a bytearray.
fn as_bytearrays(v: Value) -> Value {
    match v {
        Value::Bytes(b) => new(b.to_vec()),
        Value::List(items) => {
            let items: Vec<Value> = items.borrow().iter().cloned().map(as_bytearrays).collect();
            Value::list(items)
        }
        Value::Tuple(items) => Value::tuple(items.iter().cloned().map(as_bytearrays).collect()),
        other => other,
    }
}

/// `ba[index]`.
pub(crate) fn get(it: &Interp, ba: &RefCell<Vec<u8>>, index: &Value) -> PyResult {
    let items = ba.borrow();
    match index {
        Value::Int(_) | Value::Bool(_) => {
            let i = match index {
                Value::Bool(b) => i64::from(*b),
                Value::Int(i) => *i,
                _ => 0,
            };
            match vops::norm_index(i, items.len()) {
                Some(j) => Ok(Value::Int(i64::from(items[j]))),
                None => Err(it.err("IndexError", "bytearray index out of range")),
            }
        }
        Value::Slice(sl) => {
            let (a, b, c) = it.slice_bounds(sl, items.len())?;
            Ok(new(vops::slice_positions(a, b, c)
                .into_iter()
                .map(|i| items[i])
                .collect()))
        }
        other => Err(it.type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            it.type_name(other)
        ))),
    }
}

/// `ba[index] = value`.
pub(crate) async fn set(
    it: &Rc<Interp>,
    ba: &RefCell<Vec<u8>>,
    index: &Value,
    value: &Value,
) -> PyResult<()> {
    match index {
        Value::Int(_) | Value::Bool(_) => {
            let b = byte(it, value).await?;
            let i = it.index_of(index).await?.unwrap_or(0);
            let mut items = ba.borrow_mut();
            match vops::norm_index(i, items.len()) {
                Some(j) => {
                    items[j] = b;
                    Ok(())
                }
                None => Err(it.err("IndexError", "bytearray index out of range")),
            }
        }
        Value::Slice(sl) => {
            let new_bytes = bytes_of_iterable(
                it,
                value,
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            )
            .await?;
            let len = ba.borrow().len();
            let (a, b, c) = it.slice_bounds(sl, len)?;
            if c != 1 {
                let positions = vops::slice_positions(a, b, c);
                if positions.len() != new_bytes.len() {
                    return Err(it.value_error(format!(
                        "attempt to assign bytes of size {} to extended slice of size {}",
                        new_bytes.len(),
                        positions.len()
                    )));
                }
                let mut items = ba.borrow_mut();
                for (i, b) in positions.into_iter().zip(new_bytes) {
                    items[i] = b;
                }
                return Ok(());
            }
            it.alloc(new_bytes.len() / 16)?;
            ba.borrow_mut()
                .splice(a as usize..b.max(a) as usize, new_bytes);
            Ok(())
        }
        other => Err(it.type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            it.type_name(other)
        ))),
    }
}

/// `del ba[index]`.
pub(crate) async fn delete(it: &Rc<Interp>, ba: &RefCell<Vec<u8>>, index: &Value) -> PyResult<()> {
    match index {
        Value::Int(_) | Value::Bool(_) => {
            let i = it.index_of(index).await?.unwrap_or(0);
            let mut items = ba.borrow_mut();
            match vops::norm_index(i, items.len()) {
                Some(j) => {
                    items.remove(j);
                    Ok(())
                }
                None => Err(it.err("IndexError", "bytearray index out of range")),
            }
        }
        Value::Slice(sl) => {
            let len = ba.borrow().len();
            let (a, b, c) = it.slice_bounds(sl, len)?;
            let mut positions = vops::slice_positions(a, b, c);
            positions.sort_unstable();
            let mut items = ba.borrow_mut();
            for i in positions.into_iter().rev() {
                items.remove(i);
            }
            Ok(())
        }
        other => Err(it.type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            it.type_name(other)
        ))),
    }
}
