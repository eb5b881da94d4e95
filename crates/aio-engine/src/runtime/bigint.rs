//! Integers beyond 64 bits, as Python's ints grow.
//!
//! An int is a `Value::Int` while it fits in an `i64`, the engine's fast path, and a
//! `Value::BigInt` only when it does not. [`int_value`] keeps that invariant, so equal ints
//! always have the same variant and a `BigInt` is never zero. Arithmetic on `i64`s that
//! overflows comes here and is done again exactly.
//!
//! A page has little memory, so an int may hold at most [`MAX_BITS`] bits: a result past that
//! raises the engine's own `OverflowError` instead of filling the tab (CPython would go on).

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::ops::OpErr;
use super::value::Value;
use crate::syntax::ast::BinOp;

/// The largest int the engine builds, in bits (about 1.26 million decimal digits).
pub(crate) const MAX_BITS: u64 = 1 << 22;

/// CPython's default `sys.get_int_max_str_digits()`: longer decimal conversions raise.
pub(crate) const MAX_STR_DIGITS: usize = 4300;

/// The int `b`, in the variant the invariant asks for.
pub(crate) fn int_value(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(Rc::new(b)),
    }
}

/// The value of an int or bool, as a `BigInt`.
pub(crate) fn big_of(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        // A subclass of int is its value.
        Value::Instance(inst) => match &inst.items {
            Some(value @ (Value::Int(_) | Value::BigInt(_))) => big_of(value),
            _ => None,
        },
        _ => None,
    }
}

/// The engine's limit on the size of an int.
pub(crate) fn too_large() -> OpErr {
    (
        "OverflowError",
        format!("integer result too large for this engine (more than {MAX_BITS} bits)"),
    )
}

pub(crate) fn checked(b: BigInt) -> Result<Value, OpErr> {
    if b.bits() > MAX_BITS {
        return Err(too_large());
    }
    Ok(int_value(b))
}

/// `float(b)`, or CPython's OverflowError when it has no float.
pub(crate) fn to_f64(b: &BigInt) -> Result<f64, OpErr> {
    match b.to_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(("OverflowError", "int too large to convert to float".into())),
    }
}

/// The int equal to an integral float (`int(1e300)`, exact as in CPython).
pub(crate) fn of_integral_float(x: f64) -> Value {
    // Every float below 2**63 in magnitude converts exactly.
    if x.abs() < 9.2e18 {
        return Value::Int(x as i64);
    }
    int_value(from_f64(x))
}

fn from_f64(x: f64) -> BigInt {
    // `x` is integral and finite: its mantissa shifted by its exponent.
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let mantissa = if exponent == 0 {
        (bits & ((1 << 52) - 1)) << 1
    } else {
        (bits & ((1 << 52) - 1)) | (1 << 52)
    };
    let shift = exponent - 1075;
    let magnitude = if shift >= 0 {
        BigInt::from(mantissa) << shift as usize
    } else {
        BigInt::from(mantissa) >> (-shift) as usize
    };
    if x < 0.0 { -magnitude } else { magnitude }
}

/// `x.as_integer_ratio()`: the exact fraction in lowest terms, denominator a power of two.
pub(crate) fn float_ratio(x: f64) -> Result<(Value, Value), OpErr> {
    if x.is_nan() {
        return Err(("ValueError", "cannot convert NaN to integer ratio".into()));
    }
    if x.is_infinite() {
        return Err((
            "OverflowError",
            "cannot convert Infinity to integer ratio".into(),
        ));
    }
    // Scale by 2 until the float is integral: at most 1074 doublings, each exact.
    let (mut numerator, mut shift) = (x, 0u32);
    while numerator.fract() != 0.0 {
        numerator *= 2.0;
        shift += 1;
    }
    let mut numerator = from_f64(numerator);
    while shift > 0 && numerator.is_even() {
        numerator >>= 1usize;
        shift -= 1;
    }
    Ok((
        int_value(numerator),
        int_value(BigInt::from(1u8) << shift as usize),
    ))
}

/// `x / y` correctly rounded, as CPython divides ints too large for an exact float.
pub(crate) fn true_div(x: &BigInt, y: &BigInt) -> Result<f64, OpErr> {
    if y.is_zero() {
        return Err(("ZeroDivisionError", "division by zero".into()));
    }
    if x.is_zero() {
        return Ok(if x.is_negative() != y.is_negative() {
            -0.0
        } else {
            0.0
        });
    }
    let negative = x.is_negative() != y.is_negative();
    let (n, d) = (x.abs(), y.abs());
    // Scale so that the quotient has 55 significant bits or more, then round once.
    let shift = 55 + d.bits() as i64 - n.bits() as i64;
    let (n, d) = if shift >= 0 {
        (n << shift as usize, d)
    } else {
        (n, d << (-shift) as usize)
    };
    let (q, r) = n.div_rem(&d);
    // The remainder's only part in the rounding: a sticky low bit.
    let q = (q << 1usize) + BigInt::from(!r.is_zero() as u8);
    let mantissa = q.to_f64().unwrap_or(f64::INFINITY);
    let scaled = ldexp(mantissa, -(shift + 1));
    if scaled.is_infinite() {
        return Err((
            "OverflowError",
            "integer division result too large for a float".into(),
        ));
    }
    Ok(if negative { -scaled } else { scaled })
}

/// `x * 2**exp` without an intermediate overflow or underflow.
fn ldexp(mut x: f64, mut exp: i64) -> f64 {
    while exp > 1000 {
        x *= 2f64.powi(1000);
        exp -= 1000;
    }
    while exp < -1000 {
        x *= 2f64.powi(-1000);
        exp += 1000;
    }
    x * 2f64.powi(exp as i32)
}

/// An integer operator on two ints, at least one of which is past 64 bits or whose 64-bit
/// result overflowed. `Ok(None)` for the operators ints do not have.
pub(crate) fn binop(op: BinOp, x: &BigInt, y: &BigInt) -> Result<Option<Value>, OpErr> {
    let v = match op {
        BinOp::Add => checked(x + y)?,
        BinOp::Sub => checked(x - y)?,
        BinOp::Mult => {
            if x.bits() + y.bits() > MAX_BITS + 1 {
                return Err(too_large());
            }
            checked(x * y)?
        }
        BinOp::Div => Value::Float(true_div(x, y)?),
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err((
                    "ZeroDivisionError",
                    "integer division or modulo by zero".into(),
                ));
            }
            int_value(x.div_floor(y))
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(("ZeroDivisionError", "integer modulo by zero".into()));
            }
            int_value(x.mod_floor(y))
        }
        BinOp::Pow => {
            if y.is_negative() {
                if x.is_zero() {
                    return Err((
                        "ZeroDivisionError",
                        "0.0 cannot be raised to a negative power".into(),
                    ));
                }
                return Ok(Some(Value::Float(to_f64(x)?.powf(to_f64(y)?))));
            }
            pow(x, y)?
        }
        BinOp::LShift => {
            if y.is_negative() {
                return Err(("ValueError", "negative shift count".into()));
            }
            if x.is_zero() {
                return Ok(Some(Value::Int(0)));
            }
            let shift = y.to_u64().filter(|s| x.bits() + s <= MAX_BITS);
            checked(x << shift.ok_or_else(too_large)? as usize)?
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(("ValueError", "negative shift count".into()));
            }
            match y.to_u64().filter(|s| *s < x.bits()) {
                Some(shift) => int_value(x >> shift as usize),
                None => Value::Int(if x.is_negative() { -1 } else { 0 }),
            }
        }
        BinOp::BitAnd => int_value(x & y),
        BinOp::BitOr => int_value(x | y),
        BinOp::BitXor => int_value(x ^ y),
        BinOp::MatMult => return Ok(None),
    };
    Ok(Some(v))
}

/// `x ** y` for a non-negative `y`.
fn pow(x: &BigInt, y: &BigInt) -> Result<Value, OpErr> {
    // 0, 1 and -1 stay small whatever the exponent.
    if let Some(small @ -1..=1) = x.to_i64() {
        let odd = y.is_odd();
        return Ok(Value::Int(match small {
            0 if y.is_zero() => 1,
            -1 if !odd => 1,
            other => other,
        }));
    }
    let exponent = y
        .to_u64()
        .filter(|e| x.bits().saturating_sub(1).saturating_mul(*e) <= MAX_BITS)
        .ok_or_else(too_large)?;
    checked(num_traits::Pow::pow(x, exponent))
}

/// `pow(base, exp, modulus)` for ints, with CPython's errors (a negative `exp` takes the
/// modular inverse).
pub(crate) fn pow_mod(base: &BigInt, exp: &BigInt, modulus: &BigInt) -> Result<Value, OpErr> {
    if modulus.is_zero() {
        return Err(("ValueError", "pow() 3rd argument cannot be 0".into()));
    }
    let m = modulus.abs();
    let mut base = base.mod_floor(&m);
    let mut exp = exp.clone();
    if exp.is_negative() {
        let inverse = inverse_mod(&base, &m).ok_or_else(|| {
            (
                "ValueError",
                "base is not invertible for the given modulus".to_owned(),
            )
        })?;
        base = inverse;
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &m);
    // The result takes the modulus's sign, as `%` does.
    if modulus.is_negative() && !r.is_zero() {
        r += modulus;
    }
    Ok(int_value(r))
}

fn inverse_mod(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let e = a.extended_gcd(m);
    e.gcd.to_i64().filter(|g| *g == 1)?;
    Some(e.x.mod_floor(m))
}

/// `round(i, -digits)`: `i` to the nearest multiple of `10**digits`, half to even.
pub(crate) fn round_to_ten(i: &BigInt, digits: u64) -> Value {
    let Some(unit) = u32::try_from(digits)
        .ok()
        .filter(|d| u64::from(*d) <= i.bits())
        .map(|d| num_traits::Pow::pow(BigInt::from(10), d))
    else {
        // More digits than `i` has: it rounds to zero.
        return Value::Int(0);
    };
    let (quotient, remainder) = i.div_mod_floor(&unit);
    let twice = remainder * 2u8;
    let up = twice > unit || (twice == unit && quotient.is_odd());
    int_value((quotient + BigInt::from(up as u8)) * unit)
}

/// The Mersenne prime modulo which CPython hashes numbers.
const HASH_MODULUS: u64 = (1 << 61) - 1;

/// CPython's hash of an int: its value modulo the Mersenne prime 2**61 - 1, signed.
pub(crate) fn hash(b: &BigInt) -> i64 {
    let h = (b.abs() % HASH_MODULUS).to_i64().unwrap_or(0);
    signed_hash(h, b.is_negative())
}

/// CPython's hash of a float that is not an int (`_Py_HashDouble`): its value modulo 2**61 - 1,
/// taken 28 bits of mantissa at a time; ±314159 for the infinities. (A NaN hashes by identity
/// in CPython; here all NaNs hash to 0.)
pub(crate) fn float_hash(x: f64) -> i64 {
    const BITS: i32 = 61;
    if x.is_infinite() {
        return if x > 0.0 { 314_159 } else { -314_159 };
    }
    if x.is_nan() {
        return 0;
    }
    // frexp: x = m * 2**e with 0.5 <= |m| < 1.
    let (mut m, mut e) = frexp(x.abs());
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & HASH_MODULUS) | h >> (BITS - 28);
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= HASH_MODULUS {
            h -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS
    } else {
        BITS - 1 - ((-1 - e) % BITS)
    };
    h = ((h << e) & HASH_MODULUS) | h >> (BITS - e);
    signed_hash(h as i64, x < 0.0)
}

/// `math.frexp` of a finite `x >= 0`: `x == m * 2**e` with `0.5 <= m < 1` (`(0, 0)` for 0).
pub(crate) fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    if exponent == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exponent - 1022)
}

/// `x × 2^n`, rounded once (musl's `scalbn`): the scaling is split so no step but the last can
/// overflow or round.
pub(crate) fn scalbn(x: f64, n: i64) -> f64 {
    let mut y = x;
    let mut n = n.clamp(-3000, 3000) as i32;
    if n > 1023 {
        y *= 2f64.powi(1023);
        n -= 1023;
        if n > 1023 {
            y *= 2f64.powi(1023);
            n = (n - 1023).min(1023);
        }
    } else if n < -1022 {
        // 2^-1022 × 2^53: stays normal, so the product is exact.
        let down = 2f64.powi(-1022) * 2f64.powi(53);
        y *= down;
        n += 1022 - 53;
        if n < -1022 {
            y *= down;
            n = (n + 1022 - 53).max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

/// [`hash`] of a 64-bit int.
pub(crate) fn small_hash(i: i64) -> i64 {
    signed_hash((i.unsigned_abs() % HASH_MODULUS) as i64, i < 0)
}

fn signed_hash(h: i64, negative: bool) -> i64 {
    let h = if negative { -h } else { h };
    // -1 is CPython's error return: a hash is never -1.
    if h == -1 { -2 } else { h }
}

/// The decimal digits of `b`, or CPython's ValueError past its default 4300-digit limit.
pub(crate) fn to_decimal(b: &BigInt) -> Result<String, OpErr> {
    // A cheap bound first: `bits * log10(2)` digits, give or take one.
    if b.bits() as f64 * std::f64::consts::LOG10_2 > MAX_STR_DIGITS as f64 + 1.0 {
        return Err(str_limit());
    }
    let s = b.to_string();
    if s.trim_start_matches('-').len() > MAX_STR_DIGITS {
        return Err(str_limit());
    }
    Ok(s)
}

fn str_limit() -> OpErr {
    (
        "ValueError",
        format!(
            "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        ),
    )
}

/// Parses digits (already stripped of sign, prefix and underscores) in `radix`, with CPython's
/// limit on long decimal strings.
pub(crate) fn parse(digits: &str, radix: u32, negative: bool) -> Result<Option<Value>, OpErr> {
    if radix == 10 && digits.len() > MAX_STR_DIGITS {
        return Err((
            "ValueError",
            format!(
                "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
                digits.len()
            ),
        ));
    }
    let Some(b) = BigInt::parse_bytes(digits.as_bytes(), radix) else {
        return Ok(None);
    };
    Ok(Some(checked(if negative { -b } else { b })?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn results_that_fit_are_small_ints() {
        let v = binop(
            BinOp::Sub,
            &big("18446744073709551616"),
            &big("18446744073709551615"),
        );
        assert!(matches!(v, Ok(Some(Value::Int(1)))));
    }

    #[test]
    fn hashes_as_cpython() {
        for (n, h) in [
            ("2305843009213693952", 1),
            ("-18446744073709551616", -8),
            ("2305843009213693951", 0),
            ("1267650600228229401496703205376", 549_755_813_888),
        ] {
            assert_eq!(hash(&big(n)), h, "{n}");
        }
    }

    #[test]
    fn floats_hash_as_cpython() {
        for (x, h) in [
            (0.5, 1_152_921_504_606_846_976),
            (1.5, 1_152_921_504_606_846_977),
            (-2.25, -576_460_752_303_423_490),
            (0.1, 230_584_300_921_369_408),
            (1e-300, 482_449_582_752_280_463),
            (f64::INFINITY, 314_159),
        ] {
            assert_eq!(float_hash(x), h, "{x}");
        }
    }

    #[test]
    fn divides_with_one_rounding() {
        let x = big("100000000000000000000000000000000000000000");
        assert_eq!(true_div(&x, &big("3")).unwrap(), 3.333_333_333_333_333_5e40);
        assert_eq!(true_div(&BigInt::from(1), &x).unwrap(), 1e-41);
        assert!(true_div(&(BigInt::from(10).pow(400u32)), &BigInt::from(3)).is_err());
    }

    #[test]
    fn integral_floats_convert_exactly() {
        assert_eq!(
            from_f64(2f64.powi(70)).to_string(),
            "1180591620717411303424"
        );
        assert_eq!(from_f64(-1e20).to_string(), "-100000000000000000000");
    }
}
