//! Python's text conversions of primitive values, exactly as CPython 3.11 does them: `repr`
//! of `float` and `str`, the format-spec mini-language of `format()` / f-strings for `int`,
//! `float` and `str`, and `int(float)`.
//!
//! Pure functions on Rust primitives; the interpreter maps `Err(message)` to `ValueError`.
//! Floats rely on Rust's float formatting, which (like CPython's) is exact: `{:e}` gives the
//! shortest round-trip digits and `{:.N}` / `{:.Ne}` round the exact binary value half to even.

/// `repr(x)` and `str(x)` of a float: shortest round-trip digits, scientific notation when
/// the decimal exponent is below -4 or at least 16 (`1e-05`, `1e+16`), `.0` for integral
/// values, and `inf`, `-inf`, `nan`.
pub(crate) fn float_repr(x: f64) -> String {
    if let Some(special) = non_finite(x, false) {
        return if x.is_sign_negative() && x.is_infinite() {
            format!("-{special}")
        } else {
            special.to_string()
        };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let (digits, decpt) = shortest_digits(x.abs());
    format!(
        "{sign}{}",
        place_decimal_point(&digits, decpt, 16, true, false)
    )
}

/// `ascii()` of a repr: every non-ASCII character escaped (`\xe9`, `\u2705`, `\U0001f600`).
pub(crate) fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            n @ 0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            n @ 0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            n => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}

/// `repr(s)` of a str: single quotes unless the text contains `'` and no `"`; escapes for
/// backslash, the chosen quote, `\n \r \t`, other control characters and non-printable
/// characters; printable non-ASCII characters (e.g. `é`, `✅`) are kept as they are.
pub(crate) fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// An approximation of Python's `str.isprintable()` for one character without Unicode
/// tables: control characters, separators other than the ASCII space, format characters,
/// private-use and a few special code points are not printable.
pub(crate) fn is_printable(c: char) -> bool {
    let code = c as u32;
    !(code < 0x20
        || (0x7f..=0xa0).contains(&code)
        || code == 0xad
        || code == 0x1680
        || (0x2000..=0x200f).contains(&code)
        || (0x2028..=0x202f).contains(&code)
        || (0x205f..=0x206f).contains(&code)
        || code == 0x3000
        || code == 0xfeff
        || (0xfff0..=0xfffb).contains(&code)
        || (0xe000..=0xf8ff).contains(&code)
        || code >= 0xf0000
        || code == 0xfffe
        || code == 0xffff)
}

/// A parsed `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`.
#[derive(Debug, Clone, PartialEq)]
struct Spec {
    fill: char,
    /// `<`, `>`, `^`, `=`, or `None` for the type's default.
    align: Option<char>,
    sign: char,
    /// Whether a sign character was written at all (strings reject even `-`).
    explicit_sign: bool,
    coerce_negative_zero: bool,
    alternate: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

/// Parses a format spec for an object of Python type `type_name`. `numeric` matters for the
/// `0` flag, which implies `=` alignment only for numbers (strings stay left-aligned).
fn parse_spec(spec: &str, type_name: &str, numeric: bool) -> Result<Spec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let mut pos = 0;
    let mut parsed = Spec {
        fill: ' ',
        align: None,
        sign: '-',
        explicit_sign: false,
        coerce_negative_zero: false,
        alternate: false,
        width: 0,
        grouping: None,
        precision: None,
        kind: None,
    };
    let is_align = |c: Option<&char>| matches!(c, Some('<' | '>' | '^' | '='));
    let mut fill_given = false;
    if chars.len() >= 2 && is_align(chars.get(1)) {
        parsed.fill = chars[0];
        parsed.align = Some(chars[1]);
        fill_given = true;
        pos = 2;
    } else if is_align(chars.first()) {
        parsed.align = Some(chars[0]);
        pos = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
        parsed.sign = c;
        parsed.explicit_sign = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        parsed.coerce_negative_zero = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        parsed.alternate = true;
        pos += 1;
    }
    if !fill_given && chars.get(pos) == Some(&'0') {
        parsed.fill = '0';
        if parsed.align.is_none() && numeric {
            parsed.align = Some('=');
        }
        pos += 1;
    }
    let digits = |pos: &mut usize| {
        let start = *pos;
        while chars.get(*pos).is_some_and(|c| c.is_ascii_digit()) {
            *pos += 1;
        }
        let text: String = chars[start..*pos].iter().collect();
        text.parse::<usize>().ok()
    };
    if let Some(width) = digits(&mut pos) {
        parsed.width = width;
    }
    if let Some(&c @ (',' | '_')) = chars.get(pos) {
        parsed.grouping = Some(c);
        pos += 1;
        if let Some(&(',' | '_')) = chars.get(pos) {
            return Err("Cannot specify both ',' and '_'.".into());
        }
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        match digits(&mut pos) {
            Some(p) => parsed.precision = Some(p),
            None => return Err("Format specifier missing precision".into()),
        }
    }
    if chars.len() - pos > 1 {
        return Err(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        ));
    }
    parsed.kind = chars.get(pos).copied();
    if let (Some(g), Some(kind)) = (parsed.grouping, parsed.kind) {
        let allowed = match kind {
            'd' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => true,
            'b' | 'o' | 'x' | 'X' => g == '_',
            _ => false,
        };
        if !allowed {
            return Err(format!("Cannot specify '{g}' with '{kind}'."));
        }
    }
    Ok(parsed)
}

/// `format(x, spec)` for an int (bools are formatted as ints).
pub(crate) fn format_int(x: i64, spec: &str) -> Result<String, String> {
    let magnitude = x.unsigned_abs();
    format_integer(
        x < 0,
        &|radix| match radix {
            2 => format!("{magnitude:b}"),
            8 => format!("{magnitude:o}"),
            16 => format!("{magnitude:x}"),
            _ => magnitude.to_string(),
        },
        || Ok(x as f64),
        u32::try_from(x).ok(),
        spec,
    )
}

/// `format(x, spec)` for an int past 64 bits.
pub(crate) fn format_big_int(x: &num_bigint::BigInt, spec: &str) -> Result<String, String> {
    use num_traits::Signed;
    format_integer(
        x.is_negative(),
        &|radix| x.magnitude().to_str_radix(radix),
        || crate::runtime::bigint::to_f64(x).map_err(|(_, message)| message),
        None,
        spec,
    )
}

/// An int's format, from its sign, its digits in a radix, its value as a float (for the
/// float presentations) and its code point (for `c`).
fn format_integer(
    negative: bool,
    digits_in: &dyn Fn(u32) -> String,
    as_float: impl FnOnce() -> Result<f64, String>,
    code_point: Option<u32>,
    spec: &str,
) -> Result<String, String> {
    let parsed = parse_spec(spec, "int", true)?;
    match parsed.kind {
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            return format_float_parsed(as_float()?, &parsed);
        }
        None | Some('d' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c') => {}
        Some(kind) => {
            return Err(format!(
                "Unknown format code '{kind}' for object of type 'int'"
            ));
        }
    }
    if parsed.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    if parsed.coerce_negative_zero {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".into());
    }
    if parsed.kind == Some('c') {
        if parsed.sign != '-' {
            return Err("Sign not allowed with integer format specifier 'c'".into());
        }
        if parsed.alternate {
            return Err("Alternate form (#) not allowed with integer format specifier 'c'".into());
        }
        let c = code_point
            .filter(|_| !negative)
            .and_then(char::from_u32)
            .ok_or("%c arg not in range(0x110000)")?;
        return Ok(pad(&parsed, "", &c.to_string(), '>'));
    }
    let (digits, prefix, group_size) = match parsed.kind {
        Some('b') => (digits_in(2), "0b", 4),
        Some('o') => (digits_in(8), "0o", 4),
        Some('x') => (digits_in(16), "0x", 4),
        Some('X') => (digits_in(16).to_uppercase(), "0X", 4),
        _ => (digits_in(10), "", 3),
    };
    let mut lead = sign_text(negative, parsed.sign).to_string();
    if parsed.alternate {
        lead.push_str(prefix);
    }
    Ok(render_number(&parsed, &lead, &digits, "", group_size))
}

/// `format(x, spec)` for a float.
pub(crate) fn format_float(x: f64, spec: &str) -> Result<String, String> {
    let parsed = parse_spec(spec, "float", true)?;
    if let Some(kind) = parsed.kind
        && !matches!(kind, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')
    {
        return Err(format!(
            "Unknown format code '{kind}' for object of type 'float'"
        ));
    }
    format_float_parsed(x, &parsed)
}

fn format_float_parsed(x: f64, spec: &Spec) -> Result<String, String> {
    let upper = matches!(spec.kind, Some('E' | 'F' | 'G'));
    if let Some(special) = non_finite(x, upper) {
        let negative = x.is_infinite() && x.is_sign_negative();
        let lead = sign_text(negative, spec.sign);
        let suffix = if spec.kind == Some('%') { "%" } else { "" };
        // CPython pads inf/nan with the fill (even '0') but never groups them.
        let no_group = Spec {
            grouping: None,
            ..spec.clone()
        };
        return Ok(render_number(&no_group, lead, special, suffix, 3));
    }
    let value = if spec.kind == Some('%') { x * 100.0 } else { x };
    let magnitude = value.abs();
    let body = match spec.kind {
        None => match spec.precision {
            None => {
                let (digits, decpt) = shortest_digits(magnitude);
                place_decimal_point(&digits, decpt, 16, true, false)
            }
            Some(p) => general(magnitude, p.max(1), spec.alternate, true),
        },
        Some('f' | 'F' | '%') => {
            let p = spec.precision.unwrap_or(6);
            let mut text = format!("{magnitude:.p$}");
            if spec.alternate && p == 0 {
                text.push('.');
            }
            text
        }
        Some('e' | 'E') => {
            let p = spec.precision.unwrap_or(6);
            let text = format!("{magnitude:.p$e}");
            let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
            let dot = if spec.alternate && p == 0 { "." } else { "" };
            format!("{mantissa}{dot}e{}", python_exponent(exponent))
        }
        _ => general(
            magnitude,
            spec.precision.unwrap_or(6).max(1),
            spec.alternate,
            false,
        ),
    };
    let body = if upper { body.to_uppercase() } else { body };
    let is_zero = body.chars().all(|c| !c.is_ascii_digit() || c == '0');
    let negative = value.is_sign_negative() && !(spec.coerce_negative_zero && is_zero);
    let lead = sign_text(negative, spec.sign);
    // Only the integer part is grouped: split at the first '.' or exponent.
    let split = body.find(['.', 'e', 'E']).unwrap_or(body.len());
    let (int_part, rest) = body.split_at(split);
    let suffix = if spec.kind == Some('%') {
        format!("{rest}%")
    } else {
        rest.to_string()
    };
    Ok(render_number(spec, lead, int_part, &suffix, 3))
}

/// `format(s, spec)` for a str.
pub(crate) fn format_str(s: &str, spec: &str) -> Result<String, String> {
    let parsed = parse_spec(spec, "str", false)?;
    if let Some(kind) = parsed.kind
        && kind != 's'
    {
        return Err(format!(
            "Unknown format code '{kind}' for object of type 'str'"
        ));
    }
    if parsed.explicit_sign {
        return Err("Sign not allowed in string format specifier".into());
    }
    if parsed.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    if parsed.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    if let Some(g) = parsed.grouping {
        return Err(format!("Cannot specify '{g}' with 's'."));
    }
    let text: String = match parsed.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(&parsed, "", &text, '<'))
}

/// `inf`/`nan` text for a non-finite float, or `None`.
fn non_finite(x: f64, upper: bool) -> Option<&'static str> {
    match (x.is_nan(), x.is_infinite(), upper) {
        (true, _, false) => Some("nan"),
        (true, _, true) => Some("NAN"),
        (_, true, false) => Some("inf"),
        (_, true, true) => Some("INF"),
        _ => None,
    }
}

fn sign_text(negative: bool, sign: char) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, '+') => "+",
        (false, ' ') => " ",
        _ => "",
    }
}

/// The shortest round-trip decimal digits of a non-negative finite `x` and the position of
/// the decimal point relative to them (`decpt`: value = 0.DIGITS * 10^decpt).
fn shortest_digits(x: f64) -> (String, i32) {
    let shortest = format!("{x:e}");
    let (digits, decpt) = scientific_digits(&shortest);
    // When two strings of that length both round-trip and lie equally close to `x`
    // (`1e15 + 0.25` is `…0.2` or `…0.3`), CPython's dtoa takes the even digit and Rust may
    // not: the nearest `len`-digit decimal, rounded half to even, wins whenever it round-trips.
    let nearest = format!("{x:.*e}", digits.len().saturating_sub(1));
    if nearest != shortest && nearest.parse::<f64>() == Ok(x) {
        return scientific_digits(&nearest);
    }
    (digits, decpt)
}

/// Splits Rust's `{:e}` output (`1.25e-3`) into digits (`125`) and `decpt` (`-2`).
fn scientific_digits(text: &str) -> (String, i32) {
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, exponent.parse::<i32>().unwrap_or(0) + 1)
}

/// CPython's exponent style: sign always, at least two digits (`e+05`, `e-10`, `e+100`).
fn python_exponent(rust_exponent: &str) -> String {
    let value: i32 = rust_exponent.parse().unwrap_or(0);
    let sign = if value < 0 { '-' } else { '+' };
    format!("{sign}{:02}", value.abs())
}

/// Lays out `digits` with the decimal point at `decpt`, using scientific notation when
/// `decpt > max_decpt` or `decpt < -3` (CPython's `format_float_short` rule).
/// `add_dot_0` appends `.0` to integral fixed output; `keep_point` keeps a trailing `.`.
fn place_decimal_point(
    digits: &str,
    decpt: i32,
    max_decpt: i32,
    add_dot_0: bool,
    keep_point: bool,
) -> String {
    if decpt > max_decpt || decpt < -3 {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        let point = if !rest.is_empty() || keep_point {
            "."
        } else {
            ""
        };
        return format!(
            "{first}{point}{rest}e{}",
            python_exponent(&(decpt - 1).to_string())
        );
    }
    if decpt <= 0 {
        return format!("0.{}{digits}", "0".repeat((-decpt) as usize));
    }
    let decpt = decpt as usize;
    if decpt >= digits.len() {
        let zeros = "0".repeat(decpt - digits.len());
        let tail = if add_dot_0 {
            ".0"
        } else if keep_point {
            "."
        } else {
            ""
        };
        return format!("{digits}{zeros}{tail}");
    }
    format!("{}.{}", &digits[..decpt], &digits[decpt..])
}

/// The `g` presentation (and the no-type presentation with a precision, `add_dot_0`):
/// `precision` significant digits, trailing zeros removed unless `alternate`.
fn general(x: f64, precision: usize, alternate: bool, add_dot_0: bool) -> String {
    let (mut digits, decpt) = scientific_digits(&format!("{x:.*e}", precision - 1));
    if !alternate {
        let trimmed = digits.trim_end_matches('0');
        digits = if trimmed.is_empty() {
            "0".to_string()
        } else {
            trimmed.to_string()
        };
    }
    let max_decpt = if add_dot_0 {
        precision as i32 - 1
    } else {
        precision as i32
    };
    place_decimal_point(
        &digits,
        decpt,
        max_decpt,
        add_dot_0 && !alternate,
        alternate,
    )
}

/// Groups the integer digits, applies zero padding inside the grouping, then aligns.
fn render_number(
    spec: &Spec,
    lead: &str,
    int_digits: &str,
    rest: &str,
    group_size: usize,
) -> String {
    let Some(separator) = spec.grouping else {
        return pad(spec, lead, &format!("{int_digits}{rest}"), '>');
    };
    let mut digits = int_digits.to_string();
    let mut grouped = group(&digits, separator, group_size);
    if spec.fill == '0' && spec.align == Some('=') {
        let needed = spec
            .width
            .saturating_sub(lead.chars().count() + rest.chars().count());
        while grouped.chars().count() < needed {
            digits.insert(0, '0');
            grouped = group(&digits, separator, group_size);
        }
    }
    pad(spec, lead, &format!("{grouped}{rest}"), '>')
}

fn group(digits: &str, separator: char, size: usize) -> String {
    let chars: Vec<char> = digits.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        if i > 0 && (chars.len() - i).is_multiple_of(size) {
            out.push(separator);
        }
        out.push(*c);
    }
    out
}

/// Pads `lead` (sign and base prefix) + `body` to the spec's width with its fill and
/// alignment (`default_align` when none is given; `=` pads between lead and body).
fn pad(spec: &Spec, lead: &str, body: &str, default_align: char) -> String {
    let len = lead.chars().count() + body.chars().count();
    let missing = spec.width.saturating_sub(len);
    let fill = |n: usize| spec.fill.to_string().repeat(n);
    match spec.align.unwrap_or(default_align) {
        '<' => format!("{lead}{body}{}", fill(missing)),
        '^' => format!(
            "{}{lead}{body}{}",
            fill(missing / 2),
            fill(missing - missing / 2)
        ),
        '=' => format!("{lead}{}{body}", fill(missing)),
        _ => format!("{}{lead}{body}", fill(missing)),
    }
}

#[cfg(test)]
mod tests;

/// `float.hex(x)`: `0x1.8000000000000p+1`, thirteen hex digits after the point (a subnormal
/// starts `0x0.`), `inf`, `nan`, and `0x0.0p+0` for zero.
pub(crate) fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return float_repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.abs().to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    // A normal number is 1.fraction × 2^(biased − 1023); a subnormal 0.fraction × 2^−1022.
    let (lead, exponent) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    let exp_sign = if exponent < 0 { '-' } else { '+' };
    format!(
        "{sign}0x{lead}.{fraction:013x}p{exp_sign}{}",
        exponent.abs()
    )
}

/// `float.fromhex(s)`: `[sign][0x]digits[.digits][p[sign]exponent]`, or `inf`/`nan`, with
/// surrounding whitespace. `Err(true)` when the value overflows, `Err(false)` when the text is
/// not one.
pub(crate) fn float_fromhex(text: &str) -> Result<f64, bool> {
    let s = text.trim();
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    let value = match special {
        Some(v) => v,
        None => {
            let body = lower.strip_prefix("0x").unwrap_or(&lower);
            let (mantissa, exponent) = match body.split_once('p') {
                Some((m, e)) => (m, Some(e)),
                None => (body, None),
            };
            let exponent: i64 = match exponent {
                Some(e) if !e.is_empty() => e.parse().map_err(|_| false)?,
                Some(_) => return Err(false),
                None => 0,
            };
            let (whole, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
            if whole.is_empty() && frac.is_empty() {
                return Err(false);
            }
            // The digits as an integer scaled by 2^scale, keeping 64 significant bits and
            // a sticky bit for the rest, so the one rounding below is correct.
            let mut digits: u64 = 0;
            let mut scale: i64 = exponent;
            let mut sticky = false;
            for (i, c) in whole.chars().chain(frac.chars()).enumerate() {
                let d = u64::from(c.to_digit(16).ok_or(false)?);
                if i >= whole.len() {
                    scale -= 4;
                }
                if digits >> 60 == 0 {
                    digits = digits << 4 | d;
                } else {
                    sticky |= d != 0;
                    scale += 4;
                }
            }
            scaled_to_f64(digits, sticky, scale)?
        }
    };
    Ok(if negative { -value } else { value })
}

/// `digits × 2^scale` (with `sticky` standing for nonzero bits below `digits`), rounded once,
/// half to even, to the nearest double; `Err(true)` on overflow.
fn scaled_to_f64(digits: u64, sticky: bool, scale: i64) -> Result<f64, bool> {
    if digits == 0 {
        return Ok(0.0);
    }
    let top = 63 - i64::from(digits.leading_zeros()); // the value is in [2^(top+scale), 2^(top+scale+1))
    let exponent = top + scale;
    if exponent > 1023 {
        return Err(true);
    }
    // Bits kept: 53 for a normal result, fewer for a subnormal one.
    let keep = if exponent >= -1022 {
        53
    } else {
        53 - (-1022 - exponent)
    };
    if keep <= 0 {
        // Below half the smallest subnormal rounds to zero; exactly half rounds to even zero.
        let half_min = keep == 0 && (digits.count_ones() > 1 || sticky);
        return Ok(if half_min { f64::from_bits(1) } else { 0.0 });
    }
    let drop = top + 1 - keep;
    let (mut kept, round_bit, rest) = if drop > 0 {
        let kept = digits >> drop;
        let round = (digits >> (drop - 1)) & 1 == 1;
        let rest = digits & ((1u64 << (drop - 1)) - 1) != 0 || sticky;
        (kept, round, rest)
    } else {
        (digits << (-drop), false, sticky)
    };
    if round_bit && (rest || kept & 1 == 1) {
        kept += 1;
    }
    // kept × 2^(scale + drop): a carry into a 54th bit only raises the exponent.
    let result = crate::runtime::bigint::scalbn(kept as f64, scale + drop);
    if result.is_infinite() {
        return Err(true);
    }
    Ok(result)
}
