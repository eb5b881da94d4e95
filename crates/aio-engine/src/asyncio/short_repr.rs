//! CPython's `reprlib.repr`, which asyncio uses for a callback's arguments in its messages
//! (`Exception in callback cb(<Task finishe...> result=None>)`): strings past 30 characters,
//! ints past 40 digits and other reprs past 30 characters are cut in the middle; lists and
//! tuples show 6 items, dicts 4, and nesting past 6 levels is `...`. Sets are shown as other
//! objects are (`reprlib` sorts their items first).

use std::rc::Rc;

use crate::interp::Interp;
use crate::runtime::value::{Lbf, Value};

const MAX_STRING: usize = 30;
const MAX_LONG: usize = 40;
const MAX_OTHER: usize = 30;
const MAX_ITEMS: usize = 6;
const MAX_DICT: usize = 4;
const MAX_LEVEL: usize = 6;

/// `reprlib.repr(value)`.
pub(crate) async fn short_repr(it: &Rc<Interp>, value: &Value) -> String {
    repr_at(it, value, MAX_LEVEL).await
}

/// How many characters `reprlib` keeps before and after its `...` to show `max` in all.
fn ends(max: usize) -> (usize, usize) {
    let head = (max - 3) / 2;
    (head, max - 3 - head)
}

/// The first `head` and last `tail` characters of `chars`, joined by `...`.
fn splice(chars: &[char], (head, tail): (usize, usize)) -> String {
    let mut out: String = chars[..head.min(chars.len())].iter().collect();
    out.push_str("...");
    out.extend(&chars[chars.len().saturating_sub(tail)..]);
    out
}

/// `text` cut to `max` characters with `...` in the middle, as `reprlib` cuts.
fn cut(text: &str, max: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        return text.to_string();
    }
    splice(&chars, ends(max))
}

fn repr_at<'a>(it: &'a Rc<Interp>, value: &'a Value, level: usize) -> Lbf<'a, String> {
    Box::pin(async move {
        let items = |values: Vec<Value>, open: &'static str, close: &'static str| async move {
            if level == 0 && !values.is_empty() {
                return format!("{open}...{close}");
            }
            let mut parts = Vec::new();
            for v in values.iter().take(MAX_ITEMS) {
                parts.push(repr_at(it, v, level.saturating_sub(1)).await);
            }
            if values.len() > MAX_ITEMS {
                parts.push("...".into());
            }
            let trail = if values.len() == 1 && open == "(" {
                ","
            } else {
                ""
            };
            format!("{open}{}{trail}{close}", parts.join(", "))
        };
        match value {
            Value::Str(s) => {
                // The repr of the first characters; when that is too long, of both ends.
                let chars: Vec<char> = s.chars().collect();
                let start: String = chars.iter().take(MAX_STRING).collect();
                let shown = crate::format::str_repr(&start);
                if shown.chars().count() <= MAX_STRING {
                    return shown;
                }
                let (head, tail) = ends(MAX_STRING);
                let both: String = chars[..head.min(chars.len())]
                    .iter()
                    .chain(&chars[chars.len().saturating_sub(tail)..])
                    .collect();
                let both: Vec<char> = crate::format::str_repr(&both).chars().collect();
                splice(&both, (head, tail))
            }
            Value::Int(_) | Value::BigInt(_) => {
                cut(&it.repr_of(value).await.unwrap_or_default(), MAX_LONG)
            }
            Value::List(l) => {
                let values = l.borrow().clone();
                items(values, "[", "]").await
            }
            Value::Tuple(t) => items(t.to_vec(), "(", ")").await,
            Value::Dict(d) => {
                let entries: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                if entries.is_empty() {
                    return "{}".into();
                }
                if level == 0 {
                    return "{...}".into();
                }
                let mut parts = Vec::new();
                for (k, v) in entries.iter().take(MAX_DICT) {
                    let k = repr_at(it, k, level - 1).await;
                    let v = repr_at(it, v, level - 1).await;
                    parts.push(format!("{k}: {v}"));
                }
                if entries.len() > MAX_DICT {
                    parts.push("...".into());
                }
                format!("{{{}}}", parts.join(", "))
            }
            other => cut(&it.repr_of(other).await.unwrap_or_default(), MAX_OTHER),
        }
    })
}
