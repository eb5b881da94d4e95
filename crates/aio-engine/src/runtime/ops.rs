//! Pure helpers on values that never run Python code: numeric operators, structural
//! equality and ordering of builtin values, indices and slices.

use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;

use super::bigint;
use super::object::NativeObj;
use super::value::Value;
use crate::syntax::ast::{BinOp, CmpOp};

/// Length of a range.
pub(crate) fn range_len(r: &[i64; 3]) -> i64 {
    let [start, stop, step] = *r;
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

/// A numeric view of int, bool and float values.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Num {
    I(i64),
    F(f64),
}

/// The numeric value of `v` if it is a number.
pub(crate) fn num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Float(f) => Some(Num::F(*f)),
        _ => None,
    }
}

impl Num {
    /// As an int (a float's integral part; only called on ints).
    fn int(self) -> i64 {
        match self {
            Num::I(i) => i,
            Num::F(f) => f as i64,
        }
    }

    /// As a float.
    pub(crate) fn f(self) -> f64 {
        match self {
            Num::I(i) => i as f64,
            Num::F(f) => f,
        }
    }
}

/// Errors from arithmetic: (exception class name, message).
pub(crate) type OpErr = (&'static str, String);

/// Arithmetic where one operand is an int past 64 bits.
fn big_binop(op: BinOp, a: &Value, b: &Value) -> Result<Option<Value>, OpErr> {
    if let (Some(x), Some(y)) = (bigint::big_of(a), bigint::big_of(b)) {
        return bigint::binop(op, &x, &y);
    }
    // A float beside a big int: the int becomes a float, if it can.
    let as_float = |v: &Value| match v {
        Value::BigInt(i) => bigint::to_f64(i).map(Value::Float),
        other => Ok(other.clone()),
    };
    match (a, b) {
        (Value::Float(_), Value::BigInt(_)) | (Value::BigInt(_), Value::Float(_)) => {
            num_binop(op, &as_float(a)?, &as_float(b)?)
        }
        _ => Ok(None),
    }
}

/// CPython's `float_divmod` for a nonzero `b`: the floor quotient and the remainder with the
/// sign of `b` (`-0.0 % 17` is `0.0`, `-2.5 // inf` is `-1.0`).
pub(crate) fn float_div_mod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0_f64.copysign(b);
    }
    let floor = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0_f64.copysign(a / b)
    };
    (floor, m)
}

/// Arithmetic on two numbers; `Ok(None)` when the operands are not both numbers.
pub(crate) fn num_binop(op: BinOp, a: &Value, b: &Value) -> Result<Option<Value>, OpErr> {
    if matches!(a, Value::BigInt(_)) || matches!(b, Value::BigInt(_)) {
        return big_binop(op, a, b);
    }
    let (Some(x), Some(y)) = (num(a), num(b)) else {
        return Ok(None);
    };
    // An i64 result that would overflow is computed again, exactly, as a big int.
    let overflow = || -> Result<Option<Value>, OpErr> {
        bigint::binop(op, &BigInt::from(x.int()), &BigInt::from(y.int()))
    };
    let v = match (x, y) {
        (Num::I(x), Num::I(y)) => match op {
            BinOp::Add => match x.checked_add(y) {
                Some(r) => Value::Int(r),
                None => return overflow(),
            },
            BinOp::Sub => match x.checked_sub(y) {
                Some(r) => Value::Int(r),
                None => return overflow(),
            },
            BinOp::Mult => match x.checked_mul(y) {
                Some(r) => Value::Int(r),
                None => return overflow(),
            },
            BinOp::Div => {
                if y == 0 {
                    return Err(("ZeroDivisionError", "division by zero".into()));
                }
                // Past 2**53 an int has no exact float: divide exactly, round once.
                if x.unsigned_abs() > 1 << 53 || y.unsigned_abs() > 1 << 53 {
                    return overflow();
                }
                Value::Float(x as f64 / y as f64)
            }
            BinOp::FloorDiv => {
                if y == 0 {
                    return Err((
                        "ZeroDivisionError",
                        "integer division or modulo by zero".into(),
                    ));
                }
                let Some(q) = x.checked_div(y) else {
                    return overflow();
                };
                let q = if (x % y != 0) && ((x < 0) != (y < 0)) {
                    q - 1
                } else {
                    q
                };
                Value::Int(q)
            }
            BinOp::Mod => {
                if y == 0 {
                    return Err(("ZeroDivisionError", "integer modulo by zero".into()));
                }
                let m = x.checked_rem(y).unwrap_or(0);
                Value::Int(if m != 0 && ((m < 0) != (y < 0)) {
                    m + y
                } else {
                    m
                })
            }
            BinOp::Pow => {
                if y < 0 {
                    if x == 0 {
                        return Err((
                            "ZeroDivisionError",
                            "0.0 cannot be raised to a negative power".into(),
                        ));
                    }
                    Value::Float((x as f64).powf(y as f64))
                } else {
                    match u32::try_from(y).ok().and_then(|e| x.checked_pow(e)) {
                        Some(r) => Value::Int(r),
                        None => return overflow(),
                    }
                }
            }
            BinOp::LShift => {
                if y < 0 {
                    return Err(("ValueError", "negative shift count".into()));
                }
                if x == 0 {
                    Value::Int(0)
                } else if y >= 63 || (x.unsigned_abs().leading_zeros() as i64) <= y {
                    return overflow();
                } else {
                    Value::Int(x << y)
                }
            }
            BinOp::RShift => {
                if y < 0 {
                    return Err(("ValueError", "negative shift count".into()));
                }
                Value::Int(if y >= 64 {
                    if x < 0 { -1 } else { 0 }
                } else {
                    x >> y
                })
            }
            BinOp::BitAnd => {
                if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
                    Value::Bool(*p && *q)
                } else {
                    Value::Int(x & y)
                }
            }
            BinOp::BitOr => {
                if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
                    Value::Bool(*p || *q)
                } else {
                    Value::Int(x | y)
                }
            }
            BinOp::BitXor => {
                if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
                    Value::Bool(*p ^ *q)
                } else {
                    Value::Int(x ^ y)
                }
            }
            BinOp::MatMult => return Ok(None),
        },
        (x, y) => {
            let (x, y) = (x.f(), y.f());
            match op {
                BinOp::Add => Value::Float(x + y),
                BinOp::Sub => Value::Float(x - y),
                BinOp::Mult => Value::Float(x * y),
                BinOp::Div => {
                    if y == 0.0 {
                        return Err(("ZeroDivisionError", "float division by zero".into()));
                    }
                    Value::Float(x / y)
                }
                BinOp::FloorDiv => {
                    if y == 0.0 {
                        return Err(("ZeroDivisionError", "float floor division by zero".into()));
                    }
                    Value::Float(float_div_mod(x, y).0)
                }
                BinOp::Mod => {
                    if y == 0.0 {
                        return Err(("ZeroDivisionError", "float modulo".into()));
                    }
                    Value::Float(float_div_mod(x, y).1)
                }
                BinOp::Pow => {
                    if x == 0.0 && y < 0.0 {
                        return Err((
                            "ZeroDivisionError",
                            "0.0 cannot be raised to a negative power".into(),
                        ));
                    }
                    let r = x.powf(y);
                    if r.is_infinite() && x.is_finite() && y.is_finite() {
                        return Err((
                            "OverflowError",
                            "(34, 'Numerical result out of range')".into(),
                        ));
                    }
                    Value::Float(r)
                }
                _ => return Ok(None),
            }
        }
    };
    Ok(Some(v))
}

/// Structural equality of builtin values; `None` when a Python `__eq__` may be involved.
pub(crate) fn eq_fast(a: &Value, b: &Value) -> Option<bool> {
    if let Some(order) = big_cmp(a, b) {
        return Some(order == Some(Ordering::Equal));
    }
    if let (Some(x), Some(y)) = (num(a), num(b)) {
        return Some(match (x, y) {
            (Num::I(x), Num::I(y)) => x == y,
            (x, y) => x.f() == y.f(),
        });
    }
    Some(match (a, b) {
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::ByteArray(x), Value::ByteArray(y)) => *x.borrow() == *y.borrow(),
        (Value::ByteArray(x), Value::Bytes(y)) | (Value::Bytes(y), Value::ByteArray(x)) => {
            x.borrow()[..] == y[..]
        }
        (Value::None, Value::None) => true,
        (Value::List(x), Value::List(y)) => {
            if Rc::ptr_eq(x, y) {
                return Some(true);
            }
            let (x, y) = (x.borrow(), y.borrow());
            if x.len() != y.len() {
                return Some(false);
            }
            for (p, q) in x.iter().zip(y.iter()) {
                if !eq_fast(p, q)? {
                    return Some(false);
                }
            }
            true
        }
        (Value::Tuple(x), Value::Tuple(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            for (p, q) in x.iter().zip(y.iter()) {
                if !eq_fast(p, q)? {
                    return Some(false);
                }
            }
            true
        }
        (Value::Dict(x), Value::Dict(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            if x.len() != y.len() {
                return Some(false);
            }
            for (k, v) in x.iter() {
                let hk = super::dict::HashKey::of(k)?;
                match y.get_key(&hk) {
                    Some(w) => {
                        if !eq_fast(v, w)? {
                            return Some(false);
                        }
                    }
                    None => return Some(false),
                }
            }
            true
        }
        (Value::Set(x), Value::Set(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len()
                && x.iter().all(|(k, _)| {
                    super::dict::HashKey::of(k)
                        .map(|hk| y.contains_key(&hk))
                        .unwrap_or(false)
                })
        }
        (Value::Range(x), Value::Range(y)) => x == y,
        // A dict's keys or items beside a set or a view compare as sets: the interpreter's.
        (Value::Native(n), _) | (_, Value::Native(n))
            if matches!(&**n, NativeObj::DictView { kind: 0 | 2, .. }) =>
        {
            return None;
        }
        (Value::Instance(x), Value::Instance(y)) => {
            if x.class.lookup("__eq__").is_some() || x.items.is_some() || y.items.is_some() {
                return None;
            }
            Rc::ptr_eq(x, y)
        }
        (Value::Instance(x), _) | (_, Value::Instance(x)) => {
            if x.class.lookup("__eq__").is_some() || x.items.is_some() {
                return None;
            }
            false
        }
        // `list[int] == list[int]` compares origins and arguments: the interpreter's `eq`.
        (Value::Native(x), Value::Native(y))
            if matches!(
                (&**x, &**y),
                (
                    NativeObj::GenericAlias { .. },
                    NativeObj::GenericAlias { .. }
                ) | (NativeObj::UnionType(_), NativeObj::UnionType(_))
            ) =>
        {
            return None;
        }
        _ => a.is_same(b),
    })
}

/// Ordering of builtin values for `<` etc.; `None` when unorderable.
pub(crate) fn cmp_fast(a: &Value, b: &Value) -> Option<Ordering> {
    if let Some(order) = big_cmp(a, b) {
        return order;
    }
    if let (Some(x), Some(y)) = (num(a), num(b)) {
        return match (x, y) {
            (Num::I(x), Num::I(y)) => Some(x.cmp(&y)),
            (x, y) => x.f().partial_cmp(&y.f()),
        };
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
        (Value::Bytes(x), Value::Bytes(y)) => Some(x.cmp(y)),
        (Value::ByteArray(x), Value::ByteArray(y)) => Some(x.borrow().cmp(&y.borrow())),
        (Value::ByteArray(x), Value::Bytes(y)) => Some(x.borrow()[..].cmp(&y[..])),
        (Value::Bytes(x), Value::ByteArray(y)) => Some(x[..].cmp(&y.borrow()[..])),
        (Value::List(x), Value::List(y)) => seq_cmp(&x.borrow(), &y.borrow()),
        (Value::Tuple(x), Value::Tuple(y)) => seq_cmp(x, y),
        _ => None,
    }
}

/// Two numbers that no ordering holds between: one is a NaN (`<`, `>`, `<=`, `>=` are all
/// false, where [`cmp_fast`] has no order to give).
pub(crate) fn unordered_numbers(a: &Value, b: &Value) -> bool {
    let number = |v: &Value| num(v).is_some() || matches!(v, Value::BigInt(_));
    let nan = |v: &Value| matches!(v, Value::Float(f) if f.is_nan());
    number(a) && number(b) && (nan(a) || nan(b))
}

/// The order of two numbers one of which is a big int (`None` when neither is one; `Some(None)`
/// beside a NaN). A float compares by its exact value, as in CPython.
fn big_cmp(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    if !matches!(a, Value::BigInt(_)) && !matches!(b, Value::BigInt(_)) {
        return None;
    }
    let exact = |v: &Value| match v {
        Value::Float(x) if x.is_finite() => Some(Ok(bigint::big_of(&bigint::of_integral_float(
            x.trunc(),
        ))
        .unwrap_or_default())),
        Value::Float(x) => Some(Err(*x)),
        other => bigint::big_of(other).map(Ok),
    };
    let (x, y) = (exact(a)?, exact(b)?);
    Some(match (x, y) {
        (Ok(x), Ok(y)) => {
            // A float's fraction decides a tie of integral parts.
            let fraction = |v: &Value| match v {
                Value::Float(f) => f - f.trunc(),
                _ => 0.0,
            };
            Some(x.cmp(&y).then_with(|| {
                fraction(a)
                    .partial_cmp(&fraction(b))
                    .unwrap_or(Ordering::Equal)
            }))
        }
        (Err(f), _) => f.partial_cmp(&0.0).filter(|_| !f.is_nan()),
        (_, Err(f)) => 0.0.partial_cmp(&f).filter(|_| !f.is_nan()),
    })
}

fn seq_cmp(x: &[Value], y: &[Value]) -> Option<Ordering> {
    for (p, q) in x.iter().zip(y.iter()) {
        if !eq_fast(p, q)? {
            return cmp_fast(p, q);
        }
    }
    Some(x.len().cmp(&y.len()))
}

/// Applies an ordering comparison operator to an `Ordering`.
pub(crate) fn ord_holds(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::LtE => o != Ordering::Greater,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::GtE => o != Ordering::Less,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::NotEq => o != Ordering::Equal,
        _ => false,
    }
}

/// Normalises a Python index against a length (`None` when out of range).
pub(crate) fn norm_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        None
    } else {
        Some(j as usize)
    }
}

/// Resolves slice bounds to (start, stop, step) like `slice.indices`.
pub(crate) fn slice_indices(
    lower: Option<i64>,
    upper: Option<i64>,
    step: Option<i64>,
    len: usize,
) -> Result<(i64, i64, i64), OpErr> {
    let len = len as i64;
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(("ValueError", "slice step cannot be zero".into()));
    }
    let clamp = |v: i64, lo: i64, hi: i64| v.max(lo).min(hi);
    let (def_start, def_stop) = if step > 0 { (0, len) } else { (len - 1, -1) };
    let fix = |v: Option<i64>, d: i64| -> i64 {
        match v {
            None => d,
            Some(v) => {
                let v = if v < 0 { v + len } else { v };
                if step > 0 {
                    clamp(v, 0, len)
                } else {
                    clamp(v, -1, len - 1)
                }
            }
        }
    };
    Ok((fix(lower, def_start), fix(upper, def_stop), step))
}

/// The positions selected by a resolved slice.
pub(crate) fn slice_positions(start: i64, stop: i64, step: i64) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = start;
    if step > 0 {
        while i < stop {
            out.push(i as usize);
            i += step;
        }
    } else {
        while i > stop {
            out.push(i as usize);
            i += step;
        }
    }
    out
}
