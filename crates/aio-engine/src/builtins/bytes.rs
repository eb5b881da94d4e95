//! `bytes`: its repr, its constructor, its methods, and the codecs between it and `str`
//! (`utf-8`, `ascii`, `latin-1`, with CPython's errors and its `errors=` handlers).

use std::rc::Rc;

use crate::interp::Interp;
use crate::runtime::object::Args;
use crate::runtime::value::{PyResult, Value};

/// `repr(b)`: `b'...'`, double quotes when the bytes hold `'` and no `"`, printable ASCII as
/// itself and the rest as `\xNN` (or `\t \n \r`).
pub(crate) fn bytes_repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b if b == quote => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            other => out.push_str(&format!("\\x{other:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// A `UnicodeEncodeError` or `UnicodeDecodeError` with CPython's message and the attributes
/// a handler reads (`encoding`, `object`, `start`, `end`, `reason`).
fn codec_error(
    it: &Interp,
    class: &str,
    message: String,
    (encoding, object): (&str, Value),
    (start, end): (usize, usize),
    reason: &str,
) -> crate::runtime::value::ExcRef {
    let e = it.err(class, message);
    let mut attrs = e.dict.borrow_mut();
    attrs.insert_str("encoding", Value::str(encoding));
    attrs.insert_str("object", object);
    attrs.insert_str("start", Value::Int(start as i64));
    attrs.insert_str("end", Value::Int(end as i64));
    attrs.insert_str("reason", Value::str(reason));
    drop(attrs);
    e
}

/// A codec's canonical name, as its errors print it (`'utf-8' codec can't ...`).
fn codec(it: &Interp, name: &str) -> PyResult<&'static str> {
    let normal = name.to_ascii_lowercase().replace(['_', ' '], "-");
    Ok(match normal.as_str() {
        "utf-8" | "utf8" | "u8" => "utf-8",
        "ascii" | "us-ascii" | "646" => "ascii",
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "l1" | "cp819" => "latin-1",
        "utf-16" | "utf16" | "u16" => "utf-16",
        "utf-16-le" | "utf-16le" => "utf-16-le",
        "utf-16-be" | "utf-16be" => "utf-16-be",
        _ => return Err(it.err("LookupError", format!("unknown encoding: {name}"))),
    })
}

fn text_arg(it: &Interp, args: &mut Args, i: usize, name: &str, default: &str) -> PyResult<String> {
    match args.arg(i, name) {
        None => Ok(default.to_owned()),
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(other) => Err(it.type_error(format!(
            "{}() argument '{name}' must be str, not {}",
            if name == "encoding" || name == "errors" {
                "encode"
            } else {
                name
            },
            it.type_name(&other)
        ))),
    }
}

/// `s.encode(encoding, errors)`.
pub(crate) fn encode(it: &Interp, s: &str, mut args: Args) -> PyResult {
    let encoding = text_arg(it, &mut args, 0, "encoding", "utf-8")?;
    let errors = text_arg(it, &mut args, 1, "errors", "strict")?;
    encode_with(it, s, &encoding, &errors)
}

/// `s` encoded, as `str.encode` and `bytes(s, encoding)` do.
pub(crate) fn encode_with(it: &Interp, s: &str, encoding: &str, errors: &str) -> PyResult {
    let name = codec(it, encoding)?;
    let limit = match name {
        "utf-8" => return Ok(Value::Bytes(s.as_bytes().into())),
        // CPython's "utf-16" writes a byte order mark, then little-endian units.
        "utf-16" | "utf-16-le" | "utf-16-be" => {
            let mut out = Vec::with_capacity(2 * s.len() + 2);
            if name == "utf-16" {
                out.extend([0xff, 0xfe]);
            }
            for unit in s.encode_utf16() {
                out.extend(if name == "utf-16-be" {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                });
            }
            return Ok(Value::Bytes(out.into()));
        }
        "ascii" => 0x80,
        _ => 0x100,
    };
    let mut out = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        let code = c as u32;
        if code < limit {
            out.push(code as u8);
            continue;
        }
        match errors {
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => out.extend(
                if code < 0x100 {
                    format!("\\x{code:02x}")
                } else if code < 0x10000 {
                    format!("\\u{code:04x}")
                } else {
                    format!("\\U{code:08x}")
                }
                .bytes(),
            ),
            "xmlcharrefreplace" => out.extend(format!("&#{code};").bytes()),
            _ => {
                // CPython names the whole run of characters it cannot encode.
                let run = s
                    .chars()
                    .skip(i)
                    .take_while(|c| (*c as u32) >= limit)
                    .count();
                // CPython escapes the character in its message, whatever it is.
                let shown = if code < 0x100 {
                    format!("'\\x{code:02x}'")
                } else if code < 0x10000 {
                    format!("'\\u{code:04x}'")
                } else {
                    format!("'\\U{code:08x}'")
                };
                let reason = format!("ordinal not in range({limit})");
                let message = if run > 1 {
                    format!(
                        "'{name}' codec can't encode characters in position {i}-{}: {reason}",
                        i + run - 1
                    )
                } else {
                    format!(
                        "'{name}' codec can't encode character {shown} in position {i}: {reason}"
                    )
                };
                return Err(codec_error(
                    it,
                    "UnicodeEncodeError",
                    message,
                    (name, Value::str(s)),
                    (i, i + run),
                    &reason,
                ));
            }
        }
    }
    Ok(Value::Bytes(out.into()))
}

/// `b.decode(encoding, errors)`.
pub(crate) fn decode(it: &Interp, bytes: &[u8], mut args: Args) -> PyResult {
    let encoding = text_arg(it, &mut args, 0, "encoding", "utf-8")?;
    let errors = text_arg(it, &mut args, 1, "errors", "strict")?;
    let name = codec(it, &encoding)?;
    match name {
        "latin-1" => Ok(Value::str(
            bytes.iter().map(|&b| b as char).collect::<String>(),
        )),
        "utf-16" | "utf-16-le" | "utf-16-be" => decode_utf16(it, name, bytes, &errors),
        "ascii" => {
            let mut out = String::with_capacity(bytes.len());
            for (i, &b) in bytes.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    match errors.as_str() {
                        "ignore" => {}
                        "replace" => out.push('\u{fffd}'),
                        "backslashreplace" => out.push_str(&format!("\\x{b:02x}")),
                        _ => {
                            return Err(codec_error(
                                it,
                                "UnicodeDecodeError",
                                format!(
                                    "'ascii' codec can't decode byte 0x{b:02x} in position {i}: ordinal not in range(128)"
                                ),
                                ("ascii", Value::Bytes(bytes.into())),
                                (i, i + 1),
                                "ordinal not in range(128)",
                            ));
                        }
                    }
                }
            }
            Ok(Value::str(out))
        }
        _ => decode_utf8(it, bytes, &errors),
    }
}

fn decode_utf8(it: &Interp, all: &[u8], errors: &str) -> PyResult {
    let mut bytes = all;
    let mut out = String::with_capacity(bytes.len());
    let mut offset = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(rest) => {
                out.push_str(rest);
                return Ok(Value::str(out));
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&bytes[..good]).unwrap_or_default());
                let bad_len = e.error_len().unwrap_or(bytes.len() - good);
                let position = offset + good;
                match errors {
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => {
                        for b in &bytes[good..good + bad_len] {
                            out.push_str(&format!("\\x{b:02x}"));
                        }
                    }
                    _ => {
                        let byte = bytes[good];
                        let reason = match e.error_len() {
                            None => "unexpected end of data",
                            Some(_) if (0x80..0xc0).contains(&byte) || byte >= 0xf5 => {
                                "invalid start byte"
                            }
                            Some(_) => "invalid continuation byte",
                        };
                        let message = if e.error_len().is_none() && bytes.len() - good > 1 {
                            format!(
                                "'utf-8' codec can't decode bytes in position {position}-{}: {reason}",
                                position + bytes.len() - good - 1
                            )
                        } else {
                            format!(
                                "'utf-8' codec can't decode byte 0x{byte:02x} in position {position}: {reason}"
                            )
                        };
                        return Err(codec_error(
                            it,
                            "UnicodeDecodeError",
                            message,
                            ("utf-8", Value::Bytes(all.into())),
                            (position, position + bad_len),
                            reason,
                        ));
                    }
                }
                offset += good + bad_len;
                bytes = &bytes[good + bad_len..];
            }
        }
    }
}

/// `bytes(x)`, `bytes(s, encoding)`, `bytes(n)`.
pub(crate) async fn construct(it: &Rc<Interp>, args: Args) -> PyResult {
    construct_as(it, args, "bytes").await
}

/// The bytes `bytes(...)` or `bytearray(...)` (named by `type_name` in the messages that differ)
/// makes of its arguments.
pub(crate) async fn construct_as(it: &Rc<Interp>, mut args: Args, type_name: &str) -> PyResult {
    let source = args.arg(0, "source");
    let encoding = args.arg(1, "encoding");
    let errors = args.arg(2, "errors");
    match (source, encoding) {
        (None, None) => Ok(Value::Bytes(Rc::from(&[][..]))),
        (Some(Value::Str(s)), Some(Value::Str(encoding))) => {
            let errors = match errors {
                Some(Value::Str(e)) => e.to_string(),
                _ => "strict".into(),
            };
            encode_with(it, &s, &encoding, &errors)
        }
        (Some(Value::Str(_)), None) => Err(it.type_error("string argument without an encoding")),
        (Some(_), Some(_)) => Err(it.type_error("encoding without a string argument")),
        (Some(b @ Value::Bytes(_)), None) => Ok(b),
        (Some(Value::ByteArray(b)), None) => Ok(Value::Bytes(b.borrow().as_slice().into())),
        (Some(Value::Int(n)), None) => {
            if n < 0 {
                return Err(it.value_error("negative count"));
            }
            Ok(Value::Bytes(vec![0u8; n as usize].into()))
        }
        (Some(Value::Float(_)), None) => {
            Err(it.type_error(format!("cannot convert 'float' object to {type_name}")))
        }
        (Some(iterable), None) => {
            let items = it.collect(&iterable).await?;
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                match it.index_of(&item).await? {
                    Some(b @ 0..=255) => out.push(b as u8),
                    Some(_) if type_name == "bytes" => {
                        return Err(it.value_error("bytes must be in range(0, 256)"));
                    }
                    Some(_) => return Err(it.value_error("byte must be in range(0, 256)")),
                    None => {
                        return Err(it.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            it.type_name(&item)
                        )));
                    }
                }
            }
            Ok(Value::Bytes(out.into()))
        }
        (None, Some(_)) => Err(it.type_error("encoding without a string argument")),
    }
}

/// The bytes of a bytes-like value (`bytes` or `bytearray`, CPython's buffer protocol here).
pub(crate) fn bytes_like(v: &Value) -> Option<Rc<[u8]>> {
    match v {
        Value::Bytes(b) => Some(b.clone()),
        Value::ByteArray(b) => Some(b.borrow().as_slice().into()),
        _ => None,
    }
}

/// The bytes of a bytes-like argument to a bytes method (`b.split(b',')`).
fn bytes_arg(it: &Interp, v: Option<&Value>) -> PyResult<Option<Rc<[u8]>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v @ (Value::Bytes(_) | Value::ByteArray(_))) => Ok(bytes_like(v)),
        Some(other) => Err(it.type_error(format!(
            "a bytes-like object is required, not '{}'",
            it.type_name(other)
        ))),
    }
}

fn find_sub(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return (from <= hay.len()).then_some(from);
    }
    (from..hay.len().saturating_sub(needle.len() - 1)).find(|&i| hay[i..].starts_with(needle))
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The names of bytes' methods.
pub(crate) const BYTES_METHODS: &[&str] = &[
    "decode",
    "hex",
    "partition",
    "rpartition",
    "rfind",
    "rindex",
    "splitlines",
    "count",
    "find",
    "index",
    "startswith",
    "endswith",
    "split",
    "strip",
    "lstrip",
    "rstrip",
    "replace",
    "join",
    "upper",
    "lower",
    "isdigit",
    "isalpha",
    "isalnum",
    "isspace",
    "isascii",
    "__len__",
    "__contains__",
    "__getitem__",
];

/// Calls `b.name(*args)`.
pub(crate) async fn method(it: &Rc<Interp>, b: &Rc<[u8]>, name: &str, mut args: Args) -> PyResult {
    let arg0 = args.pos.first().cloned();
    Ok(match name {
        "decode" => return decode(it, b, args),
        "hex" => hex(it, b, args)?,
        "partition" | "rpartition" => {
            let sep = bytes_arg(it, arg0.as_ref())?.unwrap_or_else(|| Rc::from(&[][..]));
            if sep.is_empty() {
                return Err(it.value_error("empty separator"));
            }
            let found = if name == "partition" {
                find_sub(b, &sep, 0)
            } else {
                (0..=b.len().saturating_sub(sep.len()))
                    .rev()
                    .find(|&i| b[i..].starts_with(&sep))
            };
            let empty = || Value::Bytes(Rc::from(&[][..]));
            let parts = match found {
                Some(i) => vec![
                    Value::Bytes(b[..i].into()),
                    Value::Bytes(sep.clone()),
                    Value::Bytes(b[i + sep.len()..].into()),
                ],
                None if name == "partition" => vec![Value::Bytes(b.clone()), empty(), empty()],
                None => vec![empty(), empty(), Value::Bytes(b.clone())],
            };
            Value::tuple(parts)
        }
        "rfind" | "rindex" => {
            let needle = match &arg0 {
                Some(Value::Int(n)) if (0..256).contains(n) => Rc::from(&[*n as u8][..]),
                other => bytes_arg(it, other.as_ref())?.unwrap_or_else(|| Rc::from(&[][..])),
            };
            let found = (0..=b.len().saturating_sub(needle.len()))
                .rev()
                .find(|&i| b[i..].starts_with(&needle) && b.len() >= needle.len());
            match found {
                Some(i) => Value::Int(i as i64),
                None if name == "rfind" => Value::Int(-1),
                None => return Err(it.value_error("subsection not found")),
            }
        }
        "splitlines" => {
            let keep = args
                .arg(0, "keepends")
                .is_some_and(|v| v.truthy_fast().unwrap_or(false));
            let mut lines = Vec::new();
            let mut start = 0;
            let mut i = 0;
            while i < b.len() {
                let end_len = match b[i] {
                    b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
                    b'\r' | b'\n' => 1,
                    _ => 0,
                };
                if end_len > 0 {
                    let stop = if keep { i + end_len } else { i };
                    lines.push(Value::Bytes(b[start..stop].into()));
                    i += end_len;
                    start = i;
                } else {
                    i += 1;
                }
            }
            if start < b.len() {
                lines.push(Value::Bytes(b[start..].into()));
            }
            Value::list(lines)
        }
        "count" | "find" | "index" => {
            let needle = match &arg0 {
                Some(Value::Int(n)) if (0..256).contains(n) => Rc::from(&[*n as u8][..]),
                other => bytes_arg(it, other.as_ref())?.unwrap_or_else(|| Rc::from(&[][..])),
            };
            if name == "count" {
                let mut count = 0;
                let mut from = 0;
                while let Some(i) = find_sub(b, &needle, from) {
                    count += 1;
                    from = i + needle.len().max(1);
                    if from > b.len() {
                        break;
                    }
                }
                Value::Int(count)
            } else {
                match find_sub(b, &needle, 0) {
                    Some(i) => Value::Int(i as i64),
                    None if name == "find" => Value::Int(-1),
                    None => return Err(it.value_error("subsection not found")),
                }
            }
        }
        "startswith" | "endswith" => {
            let test = |prefix: &[u8]| {
                if name == "startswith" {
                    b.starts_with(prefix)
                } else {
                    b.ends_with(prefix)
                }
            };
            match &arg0 {
                Some(Value::Tuple(options)) => {
                    let mut hit = false;
                    for option in options.iter() {
                        if let Some(p) = bytes_arg(it, Some(option))? {
                            hit |= test(&p);
                        }
                    }
                    Value::Bool(hit)
                }
                Some(v @ (Value::Bytes(_) | Value::ByteArray(_))) => {
                    Value::Bool(bytes_like(v).is_some_and(|p| test(&p)))
                }
                Some(other) => {
                    return Err(it.type_error(format!(
                        "{name} first arg must be bytes or a tuple of bytes, not {}",
                        it.type_name(other)
                    )));
                }
                None => {
                    return Err(
                        it.type_error(format!("{name}() takes at least 1 argument (0 given)"))
                    );
                }
            }
        }
        "split" => {
            let sep = bytes_arg(it, args.arg(0, "sep").as_ref())?;
            let parts: Vec<Value> = match sep {
                Some(sep) if sep.is_empty() => return Err(it.value_error("empty separator")),
                Some(sep) => {
                    let mut parts = Vec::new();
                    let mut from = 0;
                    while let Some(i) = find_sub(b, &sep, from) {
                        parts.push(Value::Bytes(b[from..i].into()));
                        from = i + sep.len();
                    }
                    parts.push(Value::Bytes(b[from..].into()));
                    parts
                }
                None => b
                    .split(|x| is_space(*x))
                    .filter(|p| !p.is_empty())
                    .map(|p| Value::Bytes(p.into()))
                    .collect(),
            };
            Value::list(parts)
        }
        "strip" | "lstrip" | "rstrip" => {
            let chars = bytes_arg(it, arg0.as_ref())?;
            let strip = |x: &u8| match &chars {
                Some(set) => set.contains(x),
                None => is_space(*x),
            };
            let mut start = 0;
            let mut end = b.len();
            if name != "rstrip" {
                while start < end && strip(&b[start]) {
                    start += 1;
                }
            }
            if name != "lstrip" {
                while end > start && strip(&b[end - 1]) {
                    end -= 1;
                }
            }
            Value::Bytes(b[start..end].into())
        }
        "replace" => {
            let old = bytes_arg(it, args.pos.first())?.unwrap_or_else(|| Rc::from(&[][..]));
            let new = bytes_arg(it, args.pos.get(1))?.unwrap_or_else(|| Rc::from(&[][..]));
            let mut out = Vec::with_capacity(b.len());
            let mut from = 0;
            if old.is_empty() {
                for x in b.iter() {
                    out.extend_from_slice(&new);
                    out.push(*x);
                }
                out.extend_from_slice(&new);
            } else {
                while let Some(i) = find_sub(b, &old, from) {
                    out.extend_from_slice(&b[from..i]);
                    out.extend_from_slice(&new);
                    from = i + old.len();
                }
                out.extend_from_slice(&b[from..]);
            }
            Value::Bytes(out.into())
        }
        "join" => {
            let items = it.collect(arg0.as_ref().unwrap_or(&Value::None)).await?;
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(b);
                }
                match bytes_like(item) {
                    Some(x) => out.extend_from_slice(&x),
                    None => {
                        return Err(it.type_error(format!(
                            "sequence item {i}: expected a bytes-like object, {} found",
                            it.type_name(item)
                        )));
                    }
                }
            }
            Value::Bytes(out.into())
        }
        "upper" => Value::Bytes(b.to_ascii_uppercase().into()),
        "lower" => Value::Bytes(b.to_ascii_lowercase().into()),
        "isdigit" => Value::Bool(!b.is_empty() && b.iter().all(u8::is_ascii_digit)),
        "isalpha" => Value::Bool(!b.is_empty() && b.iter().all(u8::is_ascii_alphabetic)),
        "isalnum" => Value::Bool(!b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric)),
        "isspace" => Value::Bool(!b.is_empty() && b.iter().all(|x| is_space(*x))),
        "isascii" => Value::Bool(b.is_ascii()),
        "__len__" => Value::Int(b.len() as i64),
        "__contains__" => Value::Bool(contains(it, b, arg0.as_ref().unwrap_or(&Value::None))?),
        "__getitem__" => {
            return it
                .getitem(
                    &Value::Bytes(b.clone()),
                    arg0.as_ref().unwrap_or(&Value::None),
                )
                .await;
        }
        _ => return Err(it.attr_error(&Value::Bytes(b.clone()), name)),
    })
}

/// `x in b`: a byte value or a run of bytes.
pub(crate) fn contains(it: &Interp, b: &[u8], x: &Value) -> PyResult<bool> {
    match x {
        Value::Int(n) if (0..256).contains(n) => Ok(b.contains(&(*n as u8))),
        Value::Int(_) => Err(it.value_error("byte must be in range(0, 256)")),
        Value::Bool(v) => Ok(b.contains(&u8::from(*v))),
        Value::Bytes(_) | Value::ByteArray(_) => {
            Ok(bytes_like(x).is_some_and(|needle| find_sub(b, &needle, 0).is_some()))
        }
        other => Err(it.type_error(format!(
            "a bytes-like object is required, not '{}'",
            it.type_name(other)
        ))),
    }
}

/// `bytes.fromhex(s)`.
pub(crate) fn fromhex(it: &Interp, s: &str) -> PyResult {
    let mut out = Vec::new();
    let digits: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < digits.len() {
        let (pos, c) = digits[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let high = c.to_digit(16);
        let low = digits.get(i + 1).and_then(|(_, d)| d.to_digit(16));
        match (high, low) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (Some(_), None) => {
                return Err(it.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    if i + 1 < digits.len() {
                        digits[i + 1].0
                    } else {
                        pos + 1
                    }
                )));
            }
            _ => {
                return Err(it.value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {pos}"
                )));
            }
        }
        i += 2;
    }
    Ok(Value::Bytes(out.into()))
}

fn byteorder(it: &Interp, args: &mut Args, i: usize) -> PyResult<bool> {
    match args.arg(i, "byteorder") {
        None => Ok(true),
        Some(Value::Str(s)) if &*s == "big" => Ok(true),
        Some(Value::Str(s)) if &*s == "little" => Ok(false),
        Some(Value::Str(_)) => Err(it.value_error("byteorder must be either 'little' or 'big'")),
        Some(other) => Err(it.type_error(format!(
            "to_bytes() argument 'byteorder' must be str, not {}",
            it.type_name(&other)
        ))),
    }
}

fn signed(args: &mut Args) -> bool {
    args.take_kw("signed")
        .is_some_and(|v| v.truthy_fast().unwrap_or(true))
}

/// `n.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub(crate) fn int_to_bytes(it: &Interp, n: &num_bigint::BigInt, mut args: Args) -> PyResult {
    use num_traits::Signed;
    let is_signed = signed(&mut args);
    let length = match args.arg(0, "length") {
        None => 1,
        Some(Value::Int(l)) if l >= 0 => l as usize,
        Some(Value::Int(_)) => return Err(it.value_error("length argument must be non-negative")),
        Some(other) => {
            return Err(it.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                it.type_name(&other)
            )));
        }
    };
    let big = byteorder(it, &mut args, 1)?;
    if n.is_negative() && !is_signed {
        return Err(it.err("OverflowError", "can't convert negative int to unsigned"));
    }
    let mut bytes = if is_signed {
        n.to_signed_bytes_be()
    } else {
        n.to_bytes_be().1
    };
    if n.bits() == 0 && !is_signed {
        bytes.clear();
    }
    // `to_signed_bytes_be` keeps a sign byte that a positive number may not need.
    if is_signed
        && bytes.len() > length
        && bytes.len() == length + 1
        && bytes[0] == 0
        && length > 0
        && bytes[1] & 0x80 == 0
    {
        bytes.remove(0);
    }
    if bytes.len() > length {
        return Err(it.err("OverflowError", "int too big to convert"));
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    let mut out = vec![fill; length - bytes.len()];
    out.extend(bytes);
    if !big {
        out.reverse();
    }
    Ok(Value::Bytes(out.into()))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
pub(crate) async fn int_from_bytes(it: &Rc<Interp>, mut args: Args) -> PyResult {
    let is_signed = signed(&mut args);
    let source = args.arg(0, "bytes").unwrap_or_default();
    let mut bytes: Vec<u8> = match construct(it, Args::new(vec![source])).await? {
        Value::Bytes(b) => b.to_vec(),
        _ => Vec::new(),
    };
    if !byteorder(it, &mut args, 1)? {
        bytes.reverse();
    }
    let n = if is_signed {
        num_bigint::BigInt::from_signed_bytes_be(&bytes)
    } else {
        num_bigint::BigInt::from_bytes_be(num_bigint::Sign::Plus, &bytes)
    };
    Ok(crate::runtime::bigint::int_value(n))
}

/// `b.hex(sep="", bytes_per_sep=1)`: groups counted from the right, as CPython's are (from the
/// left for a negative count).
fn hex(it: &Interp, b: &[u8], mut args: Args) -> PyResult<Value> {
    let digits: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    let sep = match args.arg(0, "sep") {
        None => return Ok(Value::str(digits.concat())),
        Some(Value::Str(s)) if s.chars().count() == 1 => s.to_string(),
        Some(Value::Bytes(s)) if s.len() == 1 => (s[0] as char).to_string(),
        Some(_) => return Err(it.value_error("sep must be length 1.")),
    };
    let per = match args.arg(1, "bytes_per_sep") {
        Some(Value::Int(n)) => n,
        _ => 1,
    };
    if per == 0 {
        return Ok(Value::str(digits.concat()));
    }
    let size = per.unsigned_abs() as usize;
    let groups: Vec<String> = if per > 0 {
        // Whole groups at the right end.
        let first = digits.len() % size;
        let mut out = Vec::new();
        if first > 0 {
            out.push(digits[..first].concat());
        }
        out.extend(digits[first..].chunks(size).map(|c| c.concat()));
        out
    } else {
        digits.chunks(size).map(|c| c.concat()).collect()
    };
    Ok(Value::str(groups.join(&sep)))
}

/// `b.decode("utf-16")`: a byte order mark says the order (little-endian without one).
fn decode_utf16(it: &Interp, name: &str, bytes: &[u8], errors: &str) -> PyResult {
    let (big, body) = match (name, bytes) {
        ("utf-16", [0xfe, 0xff, rest @ ..]) => (true, rest),
        ("utf-16", [0xff, 0xfe, rest @ ..]) => (false, rest),
        ("utf-16-be", _) => (true, bytes),
        _ => (false, bytes),
    };
    let units: Vec<u16> = body
        .chunks(2)
        .filter(|pair| pair.len() == 2)
        .map(|pair| {
            if big {
                u16::from_be_bytes([pair[0], pair[1]])
            } else {
                u16::from_le_bytes([pair[0], pair[1]])
            }
        })
        .collect();
    let mut out = String::new();
    for (i, unit) in char::decode_utf16(units.iter().copied()).enumerate() {
        match unit {
            Ok(c) => out.push(c),
            Err(_) if errors == "replace" => out.push('\u{fffd}'),
            Err(_) if errors == "ignore" => {}
            Err(_) => {
                return Err(codec_error(
                    it,
                    "UnicodeDecodeError",
                    format!(
                        "'{name}' codec can't decode bytes in position {}-{}: illegal UTF-16 surrogate",
                        2 * i,
                        2 * i + 1
                    ),
                    (name, Value::Bytes(bytes.into())),
                    (2 * i, 2 * i + 2),
                    "illegal UTF-16 surrogate",
                ));
            }
        }
    }
    if body.len() % 2 == 1 && errors == "strict" {
        let at = bytes.len() - 1;
        return Err(codec_error(
            it,
            "UnicodeDecodeError",
            format!(
                "'{name}' codec can't decode byte 0x{:02x} in position {at}: truncated data",
                bytes[at]
            ),
            (name, Value::Bytes(bytes.into())),
            (at, at + 1),
            "truncated data",
        ));
    }
    Ok(Value::str(out))
}

/// `data % args` for bytes and bytearray (PEP 461): `%s`/`%b` take bytes-like values, `%r`/`%a`
/// the ASCII repr, `%c` a byte; the numeric conversions are str's, done one at a time.
pub(crate) async fn percent_format(
    it: &Rc<Interp>,
    format: &[u8],
    args: &Value,
) -> PyResult<Vec<u8>> {
    let (args, mapping, items) = it.percent_args(args);
    let mut next = 0usize;
    let mut take = |it: &Interp| -> PyResult<Value> {
        let v = items.get(next).cloned();
        next += 1;
        v.ok_or_else(|| it.type_error("not enough arguments for format string"))
    };
    let mut out = Vec::with_capacity(format.len());
    let mut i = 0;
    while i < format.len() {
        if format[i] != b'%' {
            out.push(format[i]);
            i += 1;
            continue;
        }
        i += 1;
        if format.get(i) == Some(&b'%') {
            out.push(b'%');
            i += 1;
            continue;
        }
        // `%(key)`: the value from the mapping.
        let mut keyed = None;
        if format.get(i) == Some(&b'(') {
            let Some(end) = format[i..].iter().position(|&b| b == b')') else {
                return Err(it.value_error("incomplete format key"));
            };
            let key = Value::Bytes(format[i + 1..i + end].into());
            keyed = Some(it.getitem(args, &key).await?);
            i += end + 1;
        }
        let mut spec = String::from("%");
        while let Some(&flag) = format.get(i).filter(|b| b"-+ #0".contains(b)) {
            spec.push(flag as char);
            i += 1;
        }
        let mut width = 0usize;
        let mut precision = None;
        for part in 0..2 {
            if part == 1 {
                if format.get(i) != Some(&b'.') {
                    break;
                }
                spec.push('.');
                i += 1;
            }
            let mut n = String::new();
            if format.get(i) == Some(&b'*') {
                i += 1;
                n = match take(it)? {
                    Value::Int(v) => v.to_string(),
                    _ => return Err(it.type_error("* wants int")),
                };
            } else {
                while let Some(&d) = format.get(i).filter(|b| b.is_ascii_digit()) {
                    n.push(d as char);
                    i += 1;
                }
            }
            spec.push_str(&n);
            let value = n.parse::<usize>().ok();
            if part == 0 {
                width = value.unwrap_or(0);
            } else {
                precision = Some(value.unwrap_or(0));
            }
        }
        while format.get(i).is_some_and(|b| b"hlL".contains(b)) {
            i += 1;
        }
        let Some(&kind) = format.get(i) else {
            return Err(it.value_error("incomplete format"));
        };
        i += 1;
        let value = match keyed.clone() {
            Some(v) => v,
            None if mapping && !matches!(args, Value::Instance(_)) => args.clone(),
            None => take(it)?,
        };
        let left = spec.contains('-');
        let pad = |mut piece: Vec<u8>, precision: Option<usize>| -> Vec<u8> {
            if let Some(p) = precision {
                piece.truncate(p);
            }
            let fill = vec![b' '; width.saturating_sub(piece.len())];
            if left {
                piece.extend(fill);
                piece
            } else {
                [fill, piece].concat()
            }
        };
        match kind {
            b's' | b'b' => match bytes_like(&value) {
                Some(b) => out.extend(pad(b.to_vec(), precision)),
                None => {
                    return Err(it.type_error(format!(
                        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                        it.type_name(&value)
                    )));
                }
            },
            b'r' | b'a' => {
                let text = crate::format::ascii_escape(&it.repr_of(&value).await?);
                out.extend(pad(text.into_bytes(), precision));
            }
            b'c' => {
                let byte = match (&value, bytes_like(&value)) {
                    (Value::Int(n), _) if (0..256).contains(n) => *n as u8,
                    (Value::Int(_), _) => {
                        return Err(it.err("OverflowError", "%c arg not in range(256)"));
                    }
                    (_, Some(b)) if b.len() == 1 => b[0],
                    _ => {
                        return Err(
                            it.type_error("%c requires an integer in range(256) or a single byte")
                        );
                    }
                };
                out.extend(pad(vec![byte], None));
            }
            b'd' | b'i' | b'u' | b'x' | b'X' | b'o' | b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                spec.push(kind as char);
                let text = it.percent_format(&spec, &Value::tuple(vec![value])).await?;
                out.extend(text.into_bytes());
            }
            other => {
                return Err(it.value_error(format!(
                    "unsupported format character '{}' (0x{other:x}) at index {}",
                    other as char,
                    i - 1
                )));
            }
        }
    }
    if !mapping && next < items.len() {
        return Err(it.type_error("not all arguments converted during bytes formatting"));
    }
    Ok(out)
}
