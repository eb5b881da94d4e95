//! Scrubbable numbers: the durations in a program that the reader can drag or arrow-key.
//!
//! A number literal is scrubbable when it is the whole argument of `asyncio.sleep(…)` or
//! `time.sleep(…)` (first argument), of `asyncio.timeout(…)`, or the value of a `timeout=`
//! keyword argument. Anything computed (`sleep(0.1 * 2)`, `sleep(d)`) is left alone: changing one
//! literal of an expression would not change "the duration" in a way the reader can predict.
//! Found with [`crate::highlight::tokenize`], so strings and comments never match.

use std::ops::Range;

use crate::highlight::{Token, TokenKind, tokenize};
use crate::i18n::{Lang, Msg};

/// The largest value a scrub reaches (a longer wait only makes the reader wait).
pub const MAX_SECONDS: f64 = 60.0;

/// One scrubbable number literal.
#[derive(Debug, Clone, PartialEq)]
pub struct Scrubbable {
    /// Byte range of the literal in the source.
    pub range: Range<usize>,
    pub value: f64,
    pub min: f64,
    pub max: f64,
    /// One arrow-key press (Shift: ten).
    pub step: f64,
    /// Digits after the point in the literal as written (`0` for `1`, `2` for `0.25`).
    pub decimals: usize,
    /// `"asyncio.sleep"`, `"time.sleep"` or `"timeout"`.
    pub context: &'static str,
    /// 1-based source line.
    pub line: u32,
}

impl Scrubbable {
    /// The reader-facing description in `lang`, e.g. "asyncio.sleep duration on line 12".
    pub fn label(&self, lang: Lang) -> String {
        match self.context {
            "timeout" => Msg::EditorScrubTimeout.fill(lang, &[("line", &self.line)]),
            call => Msg::EditorScrubDuration.fill(lang, &[("call", &call), ("line", &self.line)]),
        }
    }

    /// The value `steps` arrow presses away (negative: down), clamped to `min..=max`.
    pub fn stepped(&self, steps: f64) -> f64 {
        (self.value + steps * self.step).clamp(self.min, self.max)
    }
}

/// The step for a value: fine for short waits, coarse for long ones.
pub fn step_for(value: f64) -> f64 {
    if value < 1.0 {
        0.01
    } else if value < 10.0 {
        0.1
    } else {
        1.0
    }
}

fn step_decimals(step: f64) -> usize {
    if step < 0.1 {
        2
    } else if step < 1.0 {
        1
    } else {
        0
    }
}

/// A plain decimal literal (`3`, `0.25`, `1.`, `.5`): its value and decimals. Hex, exponents,
/// underscores and other forms are not scrubbed.
fn parse_plain(text: &str) -> Option<(f64, usize)> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    if text.matches('.').count() > 1
        || (text.len() > 1 && text.starts_with('0') && !text.starts_with("0."))
    {
        return None;
    }
    let decimals = text.find('.').map_or(0, |dot| text.len() - dot - 1);
    text.parse::<f64>().ok().map(|value| (value, decimals))
}

/// Every scrubbable literal of `source`, in source order.
pub fn find_scrubbables(source: &str) -> Vec<Scrubbable> {
    let tokens: Vec<Token> = tokenize(source)
        .into_iter()
        .filter(|token| !matches!(token.kind, TokenKind::Space | TokenKind::Comment))
        .collect();
    let text = |i: usize| {
        tokens
            .get(i)
            .map_or("", |token: &Token| &source[token.range.clone()])
    };
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if token.kind != TokenKind::Number || !matches!(text(i + 1), ")" | ",") {
            continue;
        }
        let context = if text(i.wrapping_sub(1)) == "(" && i >= 4 && text(i - 3) == "." {
            match (text(i - 4), text(i - 2)) {
                ("asyncio", "sleep") => Some("asyncio.sleep"),
                ("time", "sleep") => Some("time.sleep"),
                ("asyncio", "timeout") => Some("timeout"),
                _ => None,
            }
        } else if i >= 3
            && text(i - 1) == "="
            && text(i - 2) == "timeout"
            && matches!(text(i - 3), "(" | ",")
        {
            Some("timeout")
        } else {
            None
        };
        let Some(context) = context else { continue };
        let literal = &source[token.range.clone()];
        let Some((value, decimals)) = parse_plain(literal) else {
            continue;
        };
        found.push(Scrubbable {
            range: token.range.clone(),
            value,
            min: 0.0,
            max: MAX_SECONDS.max(value),
            step: step_for(value),
            decimals,
            context,
            line: 1 + source[..token.range.start].matches('\n').count() as u32,
        });
    }
    found
}

/// Formats `value` for `scrubbable`: as many decimals as its step needs, trailing zeros trimmed
/// down to the literal's own decimals (so `0.2` becomes `0.3`, not `0.30000000000000004` or
/// `0.30`, and `1` stays an integer when it lands on one).
pub fn format_value(scrubbable: &Scrubbable, value: f64) -> String {
    let value = value.clamp(scrubbable.min, scrubbable.max);
    let decimals = scrubbable.decimals.max(step_decimals(step_for(value)));
    let mut text = format!("{value:.decimals$}");
    if text.contains('.') {
        let keep = text.find('.').unwrap_or(0) + scrubbable.decimals;
        while text.len() > keep + 1 && text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') && scrubbable.decimals == 0 {
            text.pop();
        }
    }
    text
}

/// `source` with `scrubbable`'s literal replaced by `new_value` (clamped, see [`format_value`]).
pub fn replace(source: &str, scrubbable: &Scrubbable, new_value: f64) -> String {
    let mut out = String::with_capacity(source.len() + 4);
    out.push_str(&source[..scrubbable.range.start]);
    out.push_str(&format_value(scrubbable, new_value));
    out.push_str(&source[scrubbable.range.end..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A program and the scrubbable literals it holds, as (text, context, line).
    type Case = (&'static str, &'static [(&'static str, &'static str, u32)]);

    #[test]
    fn finds_exactly_the_durations() {
        let cases: &[Case] = &[
            ("await asyncio.sleep(0.1)", &[("0.1", "asyncio.sleep", 1)]),
            (
                "time.sleep(2)\nawait asyncio.sleep( 1.5 )",
                &[("2", "time.sleep", 1), ("1.5", "asyncio.sleep", 2)],
            ),
            (
                "await asyncio.sleep(1, result='x')",
                &[("1", "asyncio.sleep", 1)],
            ),
            (
                "await asyncio.wait_for(f(), timeout=2.0)",
                &[("2.0", "timeout", 1)],
            ),
            ("async with asyncio.timeout(0.5):", &[("0.5", "timeout", 1)]),
            (
                "await asyncio.wait(ts, timeout=1, return_when=FIRST)",
                &[("1", "timeout", 1)],
            ),
            ("for i in range(3): pass", &[]),
            ("await asyncio.sleep(d)", &[]),
            ("await asyncio.sleep(0.1 * 2)", &[]),
            ("await asyncio.sleep(2 * 0.1)", &[]),
            ("await asyncio.sleep(-1)", &[]),
            ("print('asyncio.sleep(1)')  # asyncio.sleep(1)", &[]),
            ("'''\nawait asyncio.sleep(1)\n'''", &[]),
            ("await work(delay=1)", &[]),
            ("await asyncio.sleep(0x10)", &[]),
            ("await asyncio.sleep(1e-3)", &[]),
            ("x = timeout=3", &[]),
            ("await sleep(1)", &[]),
            ("await other.sleep(1)", &[]),
        ];
        for (source, expected) in cases {
            let found: Vec<(&str, &str, u32)> = find_scrubbables(source)
                .iter()
                .map(|s| (&source[s.range.clone()], s.context, s.line))
                .collect();
            assert_eq!(&found, expected, "{source}");
        }
    }

    #[test]
    fn steps_and_ranges_follow_the_value() {
        let found = find_scrubbables(
            "asyncio.sleep(0.25); asyncio.sleep(3); asyncio.sleep(12); time.sleep(90)",
        );
        let steps: Vec<f64> = found.iter().map(|s| s.step).collect();
        assert_eq!(steps, [0.01, 0.1, 1.0, 1.0]);
        assert!(found.iter().all(|s| s.min == 0.0));
        assert_eq!(found[0].max, 60.0);
        assert_eq!(found[3].max, 90.0);
        assert_eq!(found[0].decimals, 2);
        assert_eq!(found[0].label(Lang::En), "asyncio.sleep duration on line 1");
        let timeout = &find_scrubbables("f(x,\n timeout=1)")[0];
        assert_eq!(timeout.label(Lang::En), "timeout on line 2");
    }

    #[test]
    fn replacing_keeps_the_literals_decimals() {
        let cases: &[(&str, f64, &str)] = &[
            ("asyncio.sleep(0.2)", 0.2 + 0.1, "asyncio.sleep(0.3)"),
            ("asyncio.sleep(0.2)", 0.2 + 0.01, "asyncio.sleep(0.21)"),
            ("asyncio.sleep(0.20)", 0.3, "asyncio.sleep(0.30)"),
            ("asyncio.sleep(1)", 1.1, "asyncio.sleep(1.1)"),
            ("asyncio.sleep(1)", 1.1 - 0.1, "asyncio.sleep(1)"),
            ("asyncio.sleep(1.5)", 2.0, "asyncio.sleep(2.0)"),
            ("asyncio.sleep(1)", 12.0, "asyncio.sleep(12)"),
            ("asyncio.sleep(0.01)", -0.01, "asyncio.sleep(0.00)"),
            ("asyncio.sleep(0)", -1.0, "asyncio.sleep(0)"),
            ("asyncio.sleep(59)", 70.0, "asyncio.sleep(60)"),
            ("asyncio.sleep(0.99)", 0.99 + 0.01, "asyncio.sleep(1.00)"),
        ];
        for (source, value, expected) in cases {
            let scrubbable = &find_scrubbables(source)[0];
            assert_eq!(
                &replace(source, scrubbable, *value),
                expected,
                "{source} -> {value}"
            );
        }
        // The stepped value of a scrubbable, replaced, finds the same literal again.
        let source = "x = 1\nawait asyncio.sleep(0.1)  # é\n";
        let s = &find_scrubbables(source)[0];
        let next = replace(source, s, s.stepped(1.0));
        assert_eq!(next, "x = 1\nawait asyncio.sleep(0.11)  # é\n");
        assert_eq!(find_scrubbables(&next)[0].value, 0.11);
    }
}
