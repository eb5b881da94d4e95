//! "Predict, then run" exercises: the reader commits to a prediction (the total time, the order
//! of the printed lines, or both) before the example reveals the engine's and runs the program.
//!
//! Pure functions only: the widget shows the form and keeps the reader's attempt in the reader's
//! own browser ([`storage_key`]); here are the shuffle, the parsing of a guess and the verdict.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Msg};
use crate::lab::{self, DurationError};

/// What the reader predicts (`predict=total`, `predict=order` or `predict=both` in the
/// directive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PredictKind {
    /// How long the program takes, in seconds.
    Total,
    /// The order of the printed lines.
    Order,
    /// The order of the printed lines and how long the program takes.
    Both,
}

impl PredictKind {
    pub const ALL: [PredictKind; 3] = [PredictKind::Total, PredictKind::Order, PredictKind::Both];

    /// Reads the directive's value: `total`, `order` or `both`.
    pub fn from_key(key: &str) -> Option<PredictKind> {
        PredictKind::ALL.into_iter().find(|kind| kind.key() == key)
    }

    pub fn key(self) -> &'static str {
        match self {
            PredictKind::Total => "total",
            PredictKind::Order => "order",
            PredictKind::Both => "both",
        }
    }

    /// The reader puts lines in order.
    pub fn asks_order(self) -> bool {
        matches!(self, PredictKind::Order | PredictKind::Both)
    }

    /// The reader gives a total.
    pub fn asks_total(self) -> bool {
        matches!(self, PredictKind::Total | PredictKind::Both)
    }
}

/// An order exercise uses at most this many lines (the first ones printed).
pub const MAX_ORDER_LINES: usize = 8;

/// A total is right within this fraction of the engine's total…
pub const RELATIVE_TOLERANCE: f64 = 0.10;
/// …or within this many seconds, whichever is larger.
pub const ABSOLUTE_TOLERANCE: f64 = 0.05;

/// What the reader locked in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Answer {
    Total { seconds: f64 },
    Order { lines: Vec<String> },
    Both { lines: Vec<String>, seconds: f64 },
}

/// Whether the reader was right, in words (in the language of the page that judged it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub correct: bool,
    pub message: String,
}

/// One attempt, as kept in the reader's browser.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub answer: Answer,
    pub verdict: Verdict,
}

pub use crate::example::prediction_storage_key as storage_key;

/// Reads a total as the reader types it. The same rules as a task's duration (plain decimal, not
/// negative), except that a long guess is still a guess.
pub fn parse_total(text: &str) -> Result<f64, DurationError> {
    match lab::parse_seconds(text) {
        Err(DurationError::TooLong) => text
            .trim()
            .trim_start_matches('+')
            .parse::<f64>()
            .map_err(|_| DurationError::NotANumber),
        other => other,
    }
}

/// The lines of an order exercise: the first [`MAX_ORDER_LINES`] of the predicted stdout,
/// without a leading time stamp such as `[0.10] ` (the book's examples print one, and it would
/// give the order away).
pub fn order_lines<S: AsRef<str>>(stdout_lines: &[S]) -> Vec<String> {
    stdout_lines
        .iter()
        .take(MAX_ORDER_LINES)
        .map(|line| without_time_stamp(line.as_ref()).to_owned())
        .collect()
}

/// `[0.10] task a done` → `task a done`; a line without a leading `[seconds]` stays as it is.
fn without_time_stamp(line: &str) -> &str {
    let Some(rest) = line.strip_prefix('[') else {
        return line;
    };
    let Some((stamp, after)) = rest.split_once(']') else {
        return line;
    };
    let is_time = !stamp.is_empty()
        && stamp.chars().all(|c| c.is_ascii_digit() || c == '.')
        && stamp.chars().any(|c| c.is_ascii_digit());
    if is_time { after.trim_start() } else { line }
}

/// The verdict on both an order and a total, in `lang`: right when both are.
pub fn judge_both(
    lines: &[String],
    seconds: f64,
    actual: &[String],
    total: f64,
    lang: Lang,
) -> Verdict {
    let order = judge_order(lines, actual, lang);
    let time = judge_total(seconds, total, lang);
    Verdict {
        correct: order.correct && time.correct,
        message: Msg::ExerciseBoth
            .fill(lang, &[("order", &order.message), ("time", &time.message)]),
    }
}

/// 64-bit FNV-1a: a stable seed from an example's id.
fn seed_of(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A permutation of `0..len`, the same for the same `id` on every visit, and never the identity
/// when there are two or more lines (the exercise would be solved before it starts), unless all the
/// lines are the same text.
pub fn shuffled_order(id: &str, len: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    // xorshift64*, seeded by the id (never zero).
    let mut state = seed_of(id) | 1;
    let mut next = || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_f491_4f6c_dd1d)
    };
    for i in (1..len).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    if len >= 2 && order.iter().enumerate().all(|(i, &at)| i == at) {
        order.rotate_left(1);
    }
    order
}

/// How many of `answer`'s lines stand where the program prints them.
pub fn lines_in_place(answer: &[String], actual: &[String]) -> usize {
    answer
        .iter()
        .zip(actual)
        .filter(|(guess, line)| guess == line)
        .count()
}

/// The verdict on an order, in `lang`: right when every line is in its place.
pub fn judge_order(answer: &[String], actual: &[String], lang: Lang) -> Verdict {
    let right = lines_in_place(answer, actual);
    let total = actual.len();
    if right == total && answer.len() == total {
        Verdict {
            correct: true,
            message: Msg::ExerciseOrderRight.fill(lang, &[("total", &total)]),
        }
    } else {
        Verdict {
            correct: false,
            message: Msg::ExerciseOrderWrong.fill(lang, &[("right", &right), ("total", &total)]),
        }
    }
}

/// Whether a guessed total is close enough to the engine's: within 10% or 0.05 s.
pub fn total_is_right(guess: f64, actual: f64) -> bool {
    let tolerance = (actual.abs() * RELATIVE_TOLERANCE).max(ABSOLUTE_TOLERANCE);
    (guess - actual).abs() <= tolerance + 1e-9
}

/// The verdict on a total, in `lang`, with the difference when it is wrong.
pub fn judge_total(guess: f64, actual: f64, lang: Lang) -> Verdict {
    let takes = format!("{actual:.2}");
    let said: [(&str, &dyn std::fmt::Display); 2] = [("guess", &guess), ("actual", &takes)];
    if total_is_right(guess, actual) {
        Verdict {
            correct: true,
            message: Msg::ExerciseTotalRight.fill(lang, &said),
        }
    } else {
        let difference = guess - actual;
        let how = if difference > 0.0 {
            Msg::ExerciseTotalTooLong
        } else {
            Msg::ExerciseTotalTooShort
        };
        let difference = format!("{:.2}", difference.abs());
        Verdict {
            correct: false,
            message: how.fill(lang, &[said[0], said[1], ("difference", &difference)]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|line| line.to_string()).collect()
    }

    #[test]
    fn kinds_read_and_write_their_keys() {
        for kind in PredictKind::ALL {
            assert_eq!(PredictKind::from_key(kind.key()), Some(kind));
            assert_eq!(
                serde_json::to_string(&kind).unwrap(),
                format!("\"{}\"", kind.key())
            );
        }
        assert_eq!(PredictKind::from_key("Total"), None);
        assert_eq!(PredictKind::from_key("time"), None);
    }

    #[test]
    fn totals_are_right_within_ten_percent_or_fifty_milliseconds() {
        let cases = [
            (0.3, 0.3, true),
            (0.34, 0.3, true),   // within 0.05 s
            (0.36, 0.3, false),  // 0.06 s off, more than 10%
            (0.25, 0.3, true),   // 0.05 s
            (10.9, 10.0, true),  // within 10%
            (11.1, 10.0, false), // 11%
            (9.0, 10.0, true),   // exactly 10%
            (0.0, 0.04, true),
            (200.0, 0.2, false),
        ];
        for (guess, actual, right) in cases {
            assert_eq!(total_is_right(guess, actual), right, "{guess} vs {actual}");
            assert_eq!(judge_total(guess, actual, Lang::En).correct, right);
        }
    }

    #[test]
    fn a_wrong_total_says_by_how_much() {
        assert_eq!(
            judge_total(1.0, 0.3, Lang::En).message,
            "Not quite: you said 1 s, but it takes 0.30 s (0.70 s too long)."
        );
        assert_eq!(
            judge_total(0.1, 0.5, Lang::En).message,
            "Not quite: you said 0.1 s, but it takes 0.50 s (0.40 s too short)."
        );
        assert_eq!(
            judge_total(0.3, 0.3, Lang::En).message,
            "Right: you said 0.3 s, and it takes 0.30 s."
        );
    }

    #[test]
    fn totals_are_parsed_like_durations_but_may_be_long() {
        assert_eq!(parse_total(" 0.5 "), Ok(0.5));
        assert_eq!(parse_total(".3"), Ok(0.3));
        assert_eq!(parse_total("200"), Ok(200.0));
        assert_eq!(parse_total(""), Err(DurationError::Empty));
        assert_eq!(parse_total("-1"), Err(DurationError::Negative));
        assert_eq!(parse_total("abc"), Err(DurationError::NotANumber));
        assert_eq!(parse_total("1e3"), Err(DurationError::NotANumber));
        assert_eq!(parse_total("inf"), Err(DurationError::NotANumber));
    }

    #[test]
    fn orders_count_the_lines_in_place() {
        let actual = strings(&["a", "b", "c", "d"]);
        let verdict = judge_order(&actual, &actual, Lang::En);
        assert!(verdict.correct);
        assert_eq!(verdict.message, "Right: all 4 lines in the right place.");
        let answer = strings(&["a", "c", "b", "d"]);
        assert_eq!(lines_in_place(&answer, &actual), 2);
        let verdict = judge_order(&answer, &actual, Lang::En);
        assert!(!verdict.correct);
        assert!(verdict.message.starts_with("Not quite: 2 of 4 lines"));
        // Repeated lines are interchangeable.
        let repeated = strings(&["x", "x", "y"]);
        assert!(judge_order(&strings(&["x", "x", "y"]), &repeated, Lang::En).correct);
    }

    #[test]
    fn order_lines_keep_the_first_eight() {
        let lines: Vec<String> = (0..12).map(|i| format!("line {i}")).collect();
        let kept = order_lines(&lines);
        assert_eq!(kept.len(), MAX_ORDER_LINES);
        assert_eq!(kept[7], "line 7");
        assert_eq!(order_lines(&["a", "b"]), strings(&["a", "b"]));
    }

    #[test]
    fn order_lines_hide_their_time_stamps() {
        assert_eq!(
            order_lines(&["[0.10] task a done", "[12] b", "[x] c", "[] d", "[0.2]e"]),
            strings(&["task a done", "b", "[x] c", "[] d", "e"])
        );
    }

    #[test]
    fn both_are_judged_together() {
        let actual = strings(&["a", "b"]);
        assert!(judge_both(&actual, 0.3, &actual, 0.3, Lang::En).correct);
        let wrong_time = judge_both(&actual, 1.0, &actual, 0.3, Lang::En);
        assert!(!wrong_time.correct);
        assert_eq!(
            wrong_time.message,
            "Order: Right: all 2 lines in the right place. Time: Not quite: you said 1 s, but it \
             takes 0.30 s (0.70 s too long)."
        );
        assert!(!judge_both(&strings(&["b", "a"]), 0.3, &actual, 0.3, Lang::En).correct);
    }

    #[test]
    fn the_shuffle_is_a_stable_permutation_that_moves_something() {
        for len in 0..=MAX_ORDER_LINES {
            for id in ["coroutines/x.py", "examples/predict_loop.py", "", "a"] {
                let order = shuffled_order(id, len);
                assert_eq!(order, shuffled_order(id, len), "stable for {id}");
                let mut sorted = order.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, (0..len).collect::<Vec<_>>(), "a permutation");
                if len >= 2 {
                    assert!(
                        order.iter().enumerate().any(|(i, &at)| i != at),
                        "{id} with {len} lines is shuffled"
                    );
                }
            }
        }
        // Different examples are shuffled differently.
        assert_ne!(shuffled_order("a.py", 8), shuffled_order("b.py", 8));
    }

    #[test]
    fn attempts_round_trip_through_json() {
        let attempt = Attempt {
            answer: Answer::Order {
                lines: strings(&["a", "b"]),
            },
            verdict: judge_order(&strings(&["b", "a"]), &strings(&["a", "b"]), Lang::En),
        };
        let json = serde_json::to_string(&attempt).unwrap();
        assert_eq!(serde_json::from_str::<Attempt>(&json).unwrap(), attempt);
        let total = Answer::Total { seconds: 0.3 };
        assert_eq!(
            serde_json::to_string(&total).unwrap(),
            r#"{"kind":"total","seconds":0.3}"#
        );
        assert_eq!(storage_key("a/b.py", Lang::En), "aio-predict:v1:a/b.py");
        assert_eq!(
            storage_key("a/b.py", Lang::ZhCn),
            "aio-predict:v1:zh-CN:a/b.py"
        );
        assert_ne!(
            storage_key("a/b.py", Lang::En),
            crate::example::storage_key("a/b.py")
        );
    }
}
