//! `math`: CPython's functions on floats and integers, with its errors ("math domain error"
//! outside a function's domain, "math range error" when a finite argument overflows).
//!
//! Integer functions work on ints of any size, as CPython's do; the logarithms take an int too
//! large for a float as CPython does, by its bits. Float functions take the platform's libm
//! results, as CPython does.

use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::func;
use crate::interp::Interp;
use crate::runtime::bigint;
use crate::runtime::object::{Args, Builtin, BuiltinFn, Module};
use crate::runtime::value::{ExcRef, Lbf, PyResult, Value};

/// Argument `i` as a float: CPython's `must be real number, not str` otherwise.
fn real(it: &Interp, args: &Args, i: usize) -> PyResult<f64> {
    match args.pos.get(i) {
        Some(Value::Int(n)) => Ok(*n as f64),
        Some(Value::BigInt(n)) => bigint::to_f64(n).map_err(|(cls, msg)| it.err(cls, msg)),
        Some(Value::Float(f)) => Ok(*f),
        Some(Value::Bool(b)) => Ok(f64::from(u8::from(*b))),
        Some(Value::Instance(inst)) if matches!(inst.items, Some(Value::Int(_))) => {
            let Some(Value::Int(n)) = inst.items else {
                return Ok(0.0);
            };
            Ok(n as f64)
        }
        Some(other) => {
            Err(it.type_error(format!("must be real number, not {}", it.type_name(other))))
        }
        None => Err(it.type_error("missing required argument")),
    }
}

/// `value` as an integer: CPython's `'float' object cannot be interpreted as an integer`
/// otherwise.
fn integer(it: &Interp, value: &Value) -> PyResult<BigInt> {
    bigint::big_of(value).ok_or_else(|| {
        it.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            it.type_name(value)
        ))
    })
}

fn int_arg(it: &Interp, args: &Args, i: usize) -> PyResult<BigInt> {
    match args.pos.get(i) {
        Some(value) => integer(it, value),
        None => Err(it.type_error("missing required argument")),
    }
}

fn domain(it: &Interp) -> ExcRef {
    it.value_error("math domain error")
}

/// A float result of finite arguments: `OverflowError` when it is infinite.
fn ranged(it: &Interp, x: f64, y: f64) -> PyResult {
    if y.is_infinite() && x.is_finite() {
        return Err(it.err("OverflowError", "math range error"));
    }
    Ok(Value::Float(y))
}

/// A one-argument float function, `ValueError` outside `$domain`.
macro_rules! unary {
    ($name:literal, $f:expr, $domain:expr) => {
        func(
            $name,
            BuiltinFn::Sync(|it, _, a| {
                let x = real(it, &a, 0)?;
                let inside: fn(f64) -> bool = $domain;
                if !x.is_nan() && !inside(x) {
                    return Err(domain(it));
                }
                let f: fn(f64) -> f64 = $f;
                ranged(it, x, f(x))
            }),
        )
    };
}

fn anything(_: f64) -> bool {
    true
}

fn finite(x: f64) -> bool {
    x.is_finite()
}

/// `floor`, `ceil` and `trunc`: ints stay ints; an infinite or NaN float cannot become one.
fn to_int(it: &Interp, args: &Args, round: fn(f64) -> f64) -> PyResult {
    match args.pos.first() {
        Some(n @ (Value::Int(_) | Value::BigInt(_))) => Ok(n.clone()),
        Some(Value::Bool(b)) => Ok(Value::Int(i64::from(*b))),
        _ => {
            let x = real(it, args, 0)?;
            if x.is_nan() {
                return Err(it.value_error("cannot convert float NaN to integer"));
            }
            if x.is_infinite() {
                return Err(it.err("OverflowError", "cannot convert float infinity to integer"));
            }
            Ok(bigint::of_integral_float(round(x)))
        }
    }
}

// `math.floor`, `ceil` and `trunc`: an object of the program's answers through its own
// `__floor__`, `__ceil__` or `__trunc__` (a `Fraction` does), else through `__float__`.
abuiltin!(floor, |it, args| {
    rounded(&it, args, "__floor__", f64::floor).await
});
abuiltin!(ceil, |it, args| {
    rounded(&it, args, "__ceil__", f64::ceil).await
});
abuiltin!(trunc, |it, args| {
    rounded(&it, args, "__trunc__", f64::trunc).await
});

async fn rounded(it: &Rc<Interp>, args: Args, dunder: &str, round: fn(f64) -> f64) -> PyResult {
    if let Some(value @ Value::Instance(inst)) = args.pos.first()
        && inst.items.is_none()
    {
        if let Some(f) = inst.class.lookup(dunder) {
            return it.call(f, Args::new(vec![value.clone()])).await;
        }
        if let Some(f) = inst.class.lookup("__float__") {
            let x = it.call(f, Args::new(vec![value.clone()])).await?;
            return to_int(it, &Args::new(vec![x]), round);
        }
        if dunder == "__trunc__" {
            return Err(it.type_error(format!(
                "type {} doesn't define __trunc__ method",
                it.type_name(value)
            )));
        }
    }
    to_int(it, &args, round)
}

/// The natural logarithm of argument `i`, taking an int too large for a float by its bits
/// (`log(10**400)` is 921.03...), as CPython does.
fn ln_arg(it: &Interp, args: &Args, i: usize) -> PyResult<f64> {
    if let Some(Value::BigInt(n)) = args.pos.get(i) {
        if n.is_negative() {
            return Err(domain(it));
        }
        let shift = n.bits().saturating_sub(60);
        let mantissa = (&**n >> shift as usize).to_f64().unwrap_or(f64::NAN);
        return Ok(mantissa.ln() + shift as f64 * std::f64::consts::LN_2);
    }
    let x = real(it, args, i)?;
    if x.is_nan() || x > 0.0 {
        Ok(x.ln())
    } else {
        Err(domain(it))
    }
}

/// `log2` and `log10`: exact for powers of their base, as libm's are, and for big ints too.
fn log_in(it: &Interp, args: &Args, exact: fn(f64) -> f64, ln_base: f64) -> PyResult {
    if let Some(Value::BigInt(_)) = args.pos.first() {
        return Ok(Value::Float(ln_arg(it, args, 0)? / ln_base));
    }
    let x = real(it, args, 0)?;
    if !x.is_nan() && x <= 0.0 {
        return Err(domain(it));
    }
    Ok(Value::Float(exact(x)))
}

fn log(it: &Rc<Interp>, _: &Builtin, mut args: Args) -> PyResult {
    let value = ln_arg(it, &args, 0)?;
    match args.arg(1, "base") {
        None => Ok(Value::Float(value)),
        Some(base) => {
            args.pos = vec![base];
            let base = ln_arg(it, &args, 0)?;
            if base == 0.0 {
                return Err(it.err("ZeroDivisionError", "float division by zero"));
            }
            Ok(Value::Float(value / base))
        }
    }
}

fn isclose(it: &Rc<Interp>, _: &Builtin, mut args: Args) -> PyResult {
    let tolerance = |args: &mut Args, name: &str, default: f64| match args.take_kw(name) {
        None => Ok(default),
        Some(value) => real(it, &Args::new(vec![value]), 0),
    };
    let rel_tol = tolerance(&mut args, "rel_tol", 1e-9)?;
    let abs_tol = tolerance(&mut args, "abs_tol", 0.0)?;
    let (a, b) = (real(it, &args, 0)?, real(it, &args, 1)?);
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(it.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

fn factorial(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let n = int_arg(it, &args, 0)?;
    if n.is_negative() {
        return Err(it.value_error("factorial() not defined for negative values"));
    }
    let n = n
        .to_u64()
        .filter(|n| *n <= 100_000)
        .ok_or_else(|| it.err("OverflowError", bigint::too_large().1))?;
    checked(it, (2..=n).fold(BigInt::one(), |product, k| product * k))
}

/// An int result, within the engine's limit on the size of ints.
fn checked(it: &Interp, n: BigInt) -> PyResult {
    if n.bits() > bigint::MAX_BITS {
        let (cls, msg) = bigint::too_large();
        return Err(it.err(cls, msg));
    }
    Ok(bigint::int_value(n))
}

/// `perm(n, k)`: n! / (n - k)!, and `comb(n, k)` divides by k! as it goes (exact at each step).
fn permutations(it: &Interp, n: BigInt, k: BigInt, choose: bool) -> PyResult {
    if n.is_negative() {
        return Err(it.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(it.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = if choose { k.clone().min(&n - &k) } else { k };
    let k = k
        .to_u64()
        .filter(|k| *k <= 100_000)
        .ok_or_else(|| it.err("OverflowError", bigint::too_large().1))?;
    let mut result = BigInt::one();
    for i in 0..k {
        result *= &n - i;
        if choose {
            result /= i + 1;
        }
    }
    checked(it, result)
}

fn comb(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let (n, k) = (int_arg(it, &args, 0)?, int_arg(it, &args, 1)?);
    permutations(it, n, k, true)
}

fn perm(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let n = int_arg(it, &args, 0)?;
    let k = match args.pos.get(1) {
        None | Some(Value::None) => n.clone(),
        Some(k) => integer(it, k)?,
    };
    permutations(it, n, k, false)
}

fn integer_gcd(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let mut result = BigInt::zero();
    for value in &args.pos {
        result = result.gcd(&integer(it, value)?);
    }
    Ok(bigint::int_value(result))
}

fn integer_lcm(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let mut result = BigInt::one();
    for value in &args.pos {
        result = result.lcm(&integer(it, value)?);
    }
    checked(it, result)
}

fn isqrt(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let n = int_arg(it, &args, 0)?;
    if n.is_negative() {
        return Err(it.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(bigint::int_value(n.sqrt()))
}

fn two_floats(it: &Interp, args: &Args) -> PyResult<(f64, f64)> {
    Ok((real(it, args, 0)?, real(it, args, 1)?))
}

fn pow(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let (x, y) = two_floats(it, &args)?;
    if x == 0.0 && y < 0.0 && y.is_finite()
        || x < 0.0 && x.is_finite() && y.fract() != 0.0 && y.is_finite()
    {
        return Err(domain(it));
    }
    let result = x.powf(y);
    if result.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(it.err("OverflowError", "math range error"));
    }
    Ok(Value::Float(result))
}

fn fmod(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let (x, y) = two_floats(it, &args)?;
    if !x.is_nan() && !y.is_nan() && (x.is_infinite() || y == 0.0) {
        return Err(domain(it));
    }
    Ok(Value::Float(x % y))
}

fn modf(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let x = real(it, &args, 0)?;
    let whole = x.trunc();
    let fraction = if x.is_infinite() {
        0.0_f64.copysign(x)
    } else {
        (x - whole).copysign(x)
    };
    Ok(Value::tuple(vec![
        Value::Float(fraction),
        Value::Float(whole),
    ]))
}

fn frexp(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let x = real(it, &args, 0)?;
    let (m, e) = if x.is_finite() {
        let (m, e) = bigint::frexp(x.abs());
        (m.copysign(x), e)
    } else {
        (x, 0)
    };
    Ok(Value::tuple(vec![
        Value::Float(m),
        Value::Int(i64::from(e)),
    ]))
}

fn ldexp(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let x = real(it, &args, 0)?;
    let n = match args.pos.get(1) {
        Some(Value::Int(n)) => *n,
        Some(Value::Bool(b)) => i64::from(*b),
        Some(Value::BigInt(b)) if b.sign() == num_bigint::Sign::Minus => i64::MIN,
        Some(Value::BigInt(_)) => i64::MAX,
        Some(_) => return Err(it.type_error("Expected an int as second argument to ldexp.")),
        None => return Err(it.type_error("ldexp expected 2 arguments, got 1")),
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let y = bigint::scalbn(x, n);
    if y.is_infinite() {
        return Err(it.err("OverflowError", "math range error"));
    }
    Ok(Value::Float(y))
}

/// IEEE 754 `remainder`: `x - n*y` for the integer `n` nearest `x / y`, ties to even.
fn remainder(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let (x, y) = two_floats(it, &args)?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    if y.is_nan() {
        return Ok(Value::Float(y));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain(it));
    }
    if y.is_infinite() {
        return Ok(Value::Float(x));
    }
    let (absx, absy) = (x.abs(), y.abs());
    let m = absx % absy;
    let c = absy - m;
    let r = if m < c {
        m
    } else if m > c {
        -c
    } else {
        // Half way: the even multiple (CPython's m_remainder).
        m - 2.0 * ((0.5 * (absx - m)) % absy)
    };
    Ok(Value::Float(1f64.copysign(x) * r))
}

/// `math.nextafter(x, y)`: the next float after `x` toward `y`.
fn next_toward(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if y > x { x.next_up() } else { x.next_down() }
}

fn ulp(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let x = real(it, &args, 0)?.abs();
    if !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let up = x.next_up();
    Ok(Value::Float(if up.is_infinite() {
        x - x.next_down()
    } else {
        up - x
    }))
}

fn hypot(it: &Rc<Interp>, _: &Builtin, args: Args) -> PyResult {
    let coordinates = (0..args.pos.len())
        .map(|i| real(it, &args, i))
        .collect::<PyResult<Vec<f64>>>()?;
    Ok(Value::Float(length(&coordinates)))
}

/// The length of a vector as CPython 3.11's `vector_norm` computes it (infinite when a
/// coordinate is, even beside a NaN): the squares summed in double length after scaling by
/// the largest coordinate's power of two, then one differential correction of the root.
fn length(coordinates: &[f64]) -> f64 {
    let mut vec: Vec<f64> = coordinates.iter().map(|x| x.abs()).collect();
    let max = vec.iter().copied().fold(0.0_f64, f64::max);
    if vec.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    if vec.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    vector_norm(&mut vec, max)
}

fn vector_norm(vec: &mut [f64], max: f64) -> f64 {
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = bigint::frexp(max);
    if max_e < -1023 {
        // Subnormal: made normal first, as CPython does.
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE);
    }
    let scale = 2f64.powi(-max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0_f64, 0.0_f64, 0.0_f64);
    for x in vec.iter() {
        let x = x * scale;
        let (hi, lo) = dekker_mul(x, x);
        let (sum, err) = fast_two_sum(csum, hi);
        csum = sum;
        frac1 += lo;
        frac2 += err;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = dekker_mul(-h, h);
    let (sum, err) = fast_two_sum(csum, hi);
    csum = sum;
    frac1 += lo;
    frac2 += err;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// `a + b` and its rounding error, for `|a| >= |b|`.
fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    (x, (a - x) + b)
}

/// `x * y` as two floats summing to it exactly (Dekker's mul12 over Veltkamp's split).
fn dekker_mul(x: f64, y: f64) -> (f64, f64) {
    let split = |v: f64| {
        let t = v * 134_217_729.0;
        let hi = t - (t - v);
        (hi, v - hi)
    };
    let (xh, xl) = split(x);
    let (yh, yl) = split(y);
    let p = xh * yh;
    let q = xh * yl + xl * yh;
    let z = p + q;
    (z, p - z + q + xl * yl)
}

// `dist(p, q)`: the Euclidean distance between two points given as iterables of coordinates.
abuiltin!(dist, |it, args| {
    let (Some(p), Some(q)) = (args.pos.first().cloned(), args.pos.get(1).cloned()) else {
        return Err(it.type_error(format!("dist expected 2 arguments, got {}", args.pos.len())));
    };
    let (p, q) = (it.collect(&p).await?, it.collect(&q).await?);
    if p.len() != q.len() {
        return Err(it.value_error("both points must have the same number of dimensions"));
    }
    let mut differences = Vec::with_capacity(p.len());
    for (a, b) in p.into_iter().zip(q) {
        let (a, b) = (
            real(&it, &Args::new(vec![a]), 0)?,
            real(&it, &Args::new(vec![b]), 0)?,
        );
        differences.push(a - b);
    }
    Ok(Value::Float(length(&differences)))
});

abuiltin!(fsum, |it, args| {
    let Some(iterable) = args.pos.first().cloned() else {
        return Err(it.type_error("fsum() takes exactly one argument (0 given)"));
    };
    // Shewchuk's exact partial sums: the correctly rounded sum, as CPython's fsum.
    let mut partials: Vec<f64> = Vec::new();
    // Infinities and NaNs are summed apart, as CPython does.
    let (mut special, mut infinities) = (0.0_f64, 0.0_f64);
    let iter = it.iter_of(&iterable).await?;
    while let Some(value) = it.next_of(&iter).await? {
        let mut x = real(&it, &Args::new(vec![value]), 0)?;
        if !x.is_finite() {
            if x.is_infinite() {
                infinities += x;
            }
            special += x;
            continue;
        }
        let mut kept = 0;
        for i in 0..partials.len() {
            let mut y = partials[i];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let high = x + y;
            let low = y - (high - x);
            if low != 0.0 {
                partials[kept] = low;
                kept += 1;
            }
            x = high;
        }
        partials.truncate(kept);
        if !x.is_finite() {
            return Err(it.err("OverflowError", "intermediate overflow in fsum"));
        }
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        if infinities.is_nan() {
            return Err(it.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special));
    }
    let mut high = 0.0;
    while let Some(x) = partials.pop() {
        let y = high;
        high = x + y;
        let low = y - (high - x);
        if low != 0.0 {
            // Round half to even across the remaining partials.
            if let Some(&next) = partials.last()
                && (low < 0.0 && next < 0.0 || low > 0.0 && next > 0.0)
            {
                let y = low * 2.0;
                let x = high + y;
                if y == x - high {
                    high = x;
                }
            }
            break;
        }
    }
    Ok(Value::Float(high))
});

abuiltin!(prod, |it, args| {
    let start = args.take_kw("start").unwrap_or(Value::Int(1));
    let Some(iterable) = args.pos.first().cloned() else {
        return Err(it.type_error("prod() missing required argument 'iterable' (pos 1)"));
    };
    let mut product = start;
    let iter = it.iter_of(&iterable).await?;
    while let Some(value) = it.next_of(&iter).await? {
        product = it
            .binop(crate::syntax::ast::BinOp::Mult, &product, &value)
            .await?;
    }
    Ok(product)
});

/// The `math` module.
pub(super) fn math_module() -> Rc<Module> {
    let m = Module::new("math", "<math>");
    m.set("pi", Value::Float(std::f64::consts::PI));
    m.set("e", Value::Float(std::f64::consts::E));
    m.set("tau", Value::Float(std::f64::consts::TAU));
    m.set("inf", Value::Float(f64::INFINITY));
    m.set("nan", Value::Float(f64::NAN));
    let functions: Vec<(&str, Value)> = vec![
        ("sqrt", unary!("sqrt", f64::sqrt, |x| x >= 0.0)),
        ("exp", unary!("exp", f64::exp, anything)),
        ("exp2", unary!("exp2", f64::exp2, anything)),
        ("expm1", unary!("expm1", f64::exp_m1, anything)),
        (
            "log2",
            func(
                "log2",
                BuiltinFn::Sync(|it, _, a| log_in(it, &a, f64::log2, std::f64::consts::LN_2)),
            ),
        ),
        (
            "log10",
            func(
                "log10",
                BuiltinFn::Sync(|it, _, a| log_in(it, &a, f64::log10, std::f64::consts::LN_10)),
            ),
        ),
        ("log1p", unary!("log1p", f64::ln_1p, |x| x > -1.0)),
        ("sin", unary!("sin", f64::sin, finite)),
        ("cos", unary!("cos", f64::cos, finite)),
        ("tan", unary!("tan", f64::tan, finite)),
        (
            "asin",
            unary!("asin", f64::asin, |x| (-1.0..=1.0).contains(&x)),
        ),
        (
            "acos",
            unary!("acos", f64::acos, |x| (-1.0..=1.0).contains(&x)),
        ),
        ("atan", unary!("atan", f64::atan, anything)),
        ("sinh", unary!("sinh", f64::sinh, anything)),
        ("cosh", unary!("cosh", f64::cosh, anything)),
        ("tanh", unary!("tanh", f64::tanh, anything)),
        ("asinh", unary!("asinh", f64::asinh, anything)),
        ("acosh", unary!("acosh", f64::acosh, |x| x >= 1.0)),
        (
            "atanh",
            unary!("atanh", f64::atanh, |x| x > -1.0 && x < 1.0),
        ),
        ("fabs", unary!("fabs", f64::abs, anything)),
        ("degrees", unary!("degrees", f64::to_degrees, anything)),
        ("radians", unary!("radians", f64::to_radians, anything)),
        ("log", func("log", BuiltinFn::Sync(log))),
        ("floor", func("floor", BuiltinFn::Async(floor))),
        ("ceil", func("ceil", BuiltinFn::Async(ceil))),
        ("trunc", func("trunc", BuiltinFn::Async(trunc))),
        (
            "isfinite",
            func(
                "isfinite",
                BuiltinFn::Sync(|it, _, a| Ok(Value::Bool(real(it, &a, 0)?.is_finite()))),
            ),
        ),
        (
            "isinf",
            func(
                "isinf",
                BuiltinFn::Sync(|it, _, a| Ok(Value::Bool(real(it, &a, 0)?.is_infinite()))),
            ),
        ),
        (
            "isnan",
            func(
                "isnan",
                BuiltinFn::Sync(|it, _, a| Ok(Value::Bool(real(it, &a, 0)?.is_nan()))),
            ),
        ),
        (
            "copysign",
            func(
                "copysign",
                BuiltinFn::Sync(|it, _, a| {
                    let (x, y) = two_floats(it, &a)?;
                    Ok(Value::Float(x.copysign(y)))
                }),
            ),
        ),
        (
            "atan2",
            func(
                "atan2",
                BuiltinFn::Sync(|it, _, a| {
                    let (y, x) = two_floats(it, &a)?;
                    Ok(Value::Float(y.atan2(x)))
                }),
            ),
        ),
        ("pow", func("pow", BuiltinFn::Sync(pow))),
        ("fmod", func("fmod", BuiltinFn::Sync(fmod))),
        ("modf", func("modf", BuiltinFn::Sync(modf))),
        ("frexp", func("frexp", BuiltinFn::Sync(frexp))),
        ("ldexp", func("ldexp", BuiltinFn::Sync(ldexp))),
        ("remainder", func("remainder", BuiltinFn::Sync(remainder))),
        (
            "nextafter",
            func(
                "nextafter",
                BuiltinFn::Sync(|it, _, a| {
                    let (x, y) = two_floats(it, &a)?;
                    Ok(Value::Float(next_toward(x, y)))
                }),
            ),
        ),
        ("ulp", func("ulp", BuiltinFn::Sync(ulp))),
        ("hypot", func("hypot", BuiltinFn::Sync(hypot))),
        ("dist", func("dist", BuiltinFn::Async(dist))),
        ("isclose", func("isclose", BuiltinFn::Sync(isclose))),
        ("factorial", func("factorial", BuiltinFn::Sync(factorial))),
        ("comb", func("comb", BuiltinFn::Sync(comb))),
        ("perm", func("perm", BuiltinFn::Sync(perm))),
        ("gcd", func("gcd", BuiltinFn::Sync(integer_gcd))),
        ("lcm", func("lcm", BuiltinFn::Sync(integer_lcm))),
        ("isqrt", func("isqrt", BuiltinFn::Sync(isqrt))),
        ("fsum", func("fsum", BuiltinFn::Async(fsum))),
        ("prod", func("prod", BuiltinFn::Async(prod))),
    ];
    for (name, function) in functions {
        m.set(name, function);
    }
    m
}
