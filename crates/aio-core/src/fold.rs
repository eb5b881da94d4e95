//! Folded boilerplate: the timing helpers (`fmt`, `ts`) that nearly every example of the book
//! carries are shown as one line, "▸ 8 lines: the timing helpers fmt() and ts()", in the spirit
//! of mdBook's hidden lines. They stay part of the program that runs, is copied and is shared.
//!
//! The editor shows a [`View`] of the source: the folded lines replaced by one empty placeholder
//! line, over which the widget draws the button that unfolds them. An edit of the view maps back
//! to the source ([`View::apply`]) unless it touches the placeholder, which unfolds the block
//! instead (typing into a folded block opens it, as in a code editor). Byte offsets throughout.

use std::ops::Range;

use crate::i18n::{Lang, Msg, and_list};

/// The helpers that are folded: top-level functions of these names, next to each other.
pub const TIMING_HELPERS: [&str; 2] = ["fmt", "ts"];

/// A foldable block of whole lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fold {
    /// Byte range in the source: from the start of its first line to the start of the line after
    /// it (its trailing blank lines included).
    pub range: Range<usize>,
    /// Lines of code it holds (its trailing blank lines not counted).
    pub lines: usize,
    /// The functions it defines, in order.
    pub names: Vec<String>,
}

impl Fold {
    /// What the placeholder says, in `lang`: "8 lines: the timing helpers fmt() and ts()".
    pub fn label(&self, lang: Lang) -> String {
        let names: Vec<String> = self.names.iter().map(|name| format!("{name}()")).collect();
        Msg::FoldLabel.fill(
            lang,
            &[("lines", &self.lines), ("names", &and_list(lang, &names))],
        )
    }

    /// This fold in `new`, the source after one edit of `old` that left the folded lines alone:
    /// shifted by what the edit added or removed above them. `None` when the edit reached into
    /// them, or when they would no longer stand before a line of code; the caller then looks
    /// for helpers again. Carrying the fold, rather than looking again after every keystroke,
    /// keeps what the reader types next to it in view: a blank or indented line typed just
    /// below the helpers would otherwise be taken for part of them and hidden.
    pub fn carried(&self, old: &str, new: &str) -> Option<Fold> {
        let (old_bytes, new_bytes) = (old.as_bytes(), new.as_bytes());
        let prefix = old_bytes
            .iter()
            .zip(new_bytes)
            .take_while(|(a, b)| a == b)
            .count();
        let shorter = old.len().min(new.len());
        let suffix = old_bytes
            .iter()
            .rev()
            .zip(new_bytes.iter().rev())
            .take_while(|(a, b)| a == b)
            .count()
            .min(shorter - prefix);
        // The edit replaced `prefix..old_end` of `old`.
        let old_end = old.len() - suffix;
        let range = if old_end <= self.range.start {
            let shift = |at: usize| (at + new.len()).checked_sub(old.len());
            shift(self.range.start)?..shift(self.range.end)?
        } else if prefix >= self.range.end {
            self.range.clone()
        } else {
            return None;
        };
        (range.end < new.len() && new.get(range.clone()) == old.get(self.range.clone())).then(
            || Fold {
                range,
                lines: self.lines,
                names: self.names.clone(),
            },
        )
    }
}

/// The name a top-level `def` line defines, if it is one.
fn defined_name(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("def ")
        .or_else(|| line.strip_prefix("async def "))?;
    let end = rest.find('(')?;
    Some(rest[..end].trim())
}

/// The timing helpers of `source`, if it has them: the first run of top-level `def`s of
/// [`TIMING_HELPERS`] that follow each other (blank lines between them allowed).
pub fn timing_helpers(source: &str) -> Option<Fold> {
    // (byte offset of the line, the line) for every line.
    let mut lines = Vec::new();
    let mut at = 0;
    for line in source.split_inclusive('\n') {
        lines.push((at, line.trim_end_matches(['\n', '\r'])));
        at += line.len();
    }
    let is_helper = |line: &str| defined_name(line).is_some_and(|n| TIMING_HELPERS.contains(&n));
    let first = lines.iter().position(|(_, line)| is_helper(line))?;
    let mut names = Vec::new();
    let mut last_code = first;
    let mut i = first;
    while i < lines.len() {
        let (_, line) = lines[i];
        if is_helper(line) {
            names.push(defined_name(line).unwrap_or_default().to_owned());
            last_code = i;
            i += 1;
            // The body: indented or blank lines.
            while i < lines.len() {
                let (_, body) = lines[i];
                if body.trim().is_empty() {
                    i += 1;
                } else if body.starts_with([' ', '\t']) {
                    last_code = i;
                    i += 1;
                } else {
                    break;
                }
            }
        } else {
            break;
        }
    }
    // Trailing blank lines go with the fold; the next line of code stays in view.
    let mut end_line = last_code + 1;
    while end_line < lines.len() && lines[end_line].1.trim().is_empty() {
        end_line += 1;
    }
    let end = lines.get(end_line).map_or(source.len(), |(at, _)| *at);
    // A fold needs a line after it to stand before, and must hide something worth a line.
    if end >= source.len() || last_code == first {
        return None;
    }
    Some(Fold {
        range: lines[first].0..end,
        lines: last_code - first + 1,
        names,
    })
}

/// What the editor shows of a source with a fold closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// The source with the folded lines replaced by one empty line.
    pub text: String,
    /// Byte offset in `text` of the placeholder line (its `\n`).
    pub placeholder: usize,
    /// The fold it stands for.
    pub fold: Fold,
}

/// An edit of the view, mapped back to the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapped {
    /// The new source.
    pub source: String,
    /// The edit reached into the placeholder line: show the folded lines now.
    pub unfold: bool,
}

impl View {
    /// The view of `source` with `fold` closed.
    pub fn new(source: &str, fold: Fold) -> View {
        let placeholder = fold.range.start;
        let mut text = String::with_capacity(source.len());
        text.push_str(&source[..placeholder]);
        text.push('\n');
        text.push_str(&source[fold.range.end..]);
        View {
            text,
            placeholder,
            fold,
        }
    }

    /// Whether an edit of view bytes `start..end` reaches into the placeholder line without
    /// taking all of it: typing on it, deleting its newline or the one before it. That opens the
    /// fold instead (the reader is after the folded lines). An edit over a wider selection that
    /// covers the whole line (select all, then paste) replaces the folded lines with the rest.
    pub fn touches_placeholder(&self, start: usize, end: usize) -> bool {
        let p = self.placeholder;
        let reaches = start <= p && end >= p;
        let covers = start <= p && end > p && end - start > 1;
        reaches && !covers
    }

    /// The source offset of view offset `at` (the placeholder maps to the fold's start).
    pub fn to_source(&self, at: usize) -> usize {
        if at <= self.placeholder {
            at
        } else {
            at + self.fold.range.len() - 1
        }
    }

    /// The view offset of source offset `at`, or `None` inside the fold.
    pub fn to_view(&self, at: usize) -> Option<usize> {
        if at <= self.fold.range.start {
            Some(at)
        } else if at >= self.fold.range.end {
            Some(at + 1 - self.fold.range.len())
        } else {
            None
        }
    }

    /// Maps the view's new text `edited` (after one edit by the reader, with the caret at
    /// `caret`, a byte offset in `edited`) back to the source. The changed stretch lies between
    /// the texts' common beginning and end; the caret settles where that is ambiguous (typing a
    /// newline next to blank lines). Nothing the reader typed is lost: an edit reaching into the
    /// placeholder line applies to the folded lines it stands for, and unfolds them.
    pub fn apply(&self, source: &str, edited: &str, caret: usize) -> Mapped {
        let old = self.text.as_bytes();
        let new = edited.as_bytes();
        let common_prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
        let common_suffix = old
            .iter()
            .rev()
            .zip(new.iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        // The edit ends at the caret, if the caret is consistent with the texts.
        let caret = caret.min(new.len());
        let suffix = if new.len() - caret <= common_suffix && new.len() - caret <= old.len() {
            new.len() - caret
        } else {
            common_suffix
                .min(old.len().min(new.len()) - common_prefix.min(old.len().min(new.len())))
        };
        let mut end = old.len() - suffix;
        let mut prefix = common_prefix.min(end).min(new.len() - suffix);
        // Whole characters only.
        while !self.text.is_char_boundary(prefix) || !edited.is_char_boundary(prefix) {
            prefix -= 1;
        }
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        let inserted_end = (new.len() + end).saturating_sub(old.len()).max(prefix);
        let inserted = edited.get(prefix..inserted_end).unwrap_or_default();
        let unfold = self.touches_placeholder(prefix, end);
        let source_start = self.to_source(prefix);
        let source_end = if end > self.placeholder {
            self.to_source(end)
        } else {
            end
        };
        let mut out = String::with_capacity(source.len() + inserted.len());
        out.push_str(&source[..source_start]);
        out.push_str(inserted);
        out.push_str(&source[source_end.max(source_start)..]);
        Mapped {
            source: out,
            unfold,
        }
    }

    /// The source range of view bytes `start..end`: what copying the selection puts on the
    /// clipboard, with the folded lines where the selection crosses the placeholder.
    pub fn source_range(&self, start: usize, end: usize) -> Range<usize> {
        let start_in_source = self.to_source(start);
        // A selection that ends on the placeholder line takes the whole block.
        let end_in_source = if end > self.placeholder && end <= self.placeholder + 1 {
            self.fold.range.end
        } else {
            self.to_source(end)
        };
        start_in_source..end_in_source.max(start_in_source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "import time\n\nT0 = time.perf_counter()\n\n\ndef fmt(seconds):\n    # truncate\n    return f\"{seconds:.2f}\"\n\n\ndef ts():\n    return f\"[{fmt(time.perf_counter() - T0)}]\"\n\n\ndef main():\n    print(ts(), 'hi')\n\n\nmain()\n";

    #[test]
    fn finds_the_timing_helpers_and_their_blank_lines() {
        let fold = timing_helpers(SOURCE).expect("a fold");
        assert_eq!(
            &SOURCE[fold.range.clone()],
            "def fmt(seconds):\n    # truncate\n    return f\"{seconds:.2f}\"\n\n\ndef ts():\n    return f\"[{fmt(time.perf_counter() - T0)}]\"\n\n\n"
        );
        assert_eq!(fold.lines, 7);
        assert_eq!(fold.names, ["fmt", "ts"]);
        assert_eq!(
            fold.label(Lang::En),
            "7 lines: the timing helpers fmt() and ts()"
        );
    }

    /// `(source, what is folded)`: only top-level helpers, never the whole program.
    #[test]
    fn folds_only_helpers() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "def ts():\n    return 1\n\nprint(ts())\n",
                Some("def ts():\n    return 1\n\n"),
            ),
            ("print(1)\n", None),
            // A one-line helper is not worth a fold line.
            ("def ts(): return 1\nprint(ts())\n", None),
            // Nothing after it: the fold would end the program.
            ("def ts():\n    return 1\n", None),
            (
                "class A:\n    def ts(self):\n        return 1\n\nA()\n",
                None,
            ),
            (
                "def fmt(x):\n    return x\ndef other():\n    pass\ndef ts():\n    pass\nx()\n",
                Some("def fmt(x):\n    return x\n"),
            ),
        ];
        for (source, folded) in cases {
            let found = timing_helpers(source).map(|fold| &source[fold.range]);
            assert_eq!(found, *folded, "{source:?}");
        }
    }

    #[test]
    fn the_view_replaces_the_fold_with_one_line() {
        let fold = timing_helpers(SOURCE).unwrap();
        let view = View::new(SOURCE, fold.clone());
        assert_eq!(
            view.text,
            "import time\n\nT0 = time.perf_counter()\n\n\n\ndef main():\n    print(ts(), 'hi')\n\n\nmain()\n"
        );
        assert_eq!(&view.text[view.placeholder..=view.placeholder], "\n");
        // Offsets both ways.
        let main_in_source = SOURCE.find("def main").unwrap();
        let main_in_view = view.text.find("def main").unwrap();
        assert_eq!(view.to_view(main_in_source), Some(main_in_view));
        assert_eq!(view.to_source(main_in_view), main_in_source);
        assert_eq!(view.to_view(fold.range.start + 3), None);
    }

    /// `(edit of the view as (start, end, inserted), the expected source, whether it unfolds)`.
    #[test]
    fn edits_of_the_view_map_to_the_source() {
        let fold = timing_helpers(SOURCE).unwrap();
        let folded = &SOURCE[fold.range.clone()];
        let view = View::new(SOURCE, fold.clone());
        let p = view.placeholder;
        let main = view.text.find("def main").unwrap();
        let cases: Vec<((usize, usize, &str), String, bool)> = vec![
            // Typing before and after the fold.
            ((0, 0, "# hi\n"), format!("# hi\n{SOURCE}"), false),
            (
                (main, main + 3, "async def"),
                SOURCE.replace("def main", "async def main"),
                false,
            ),
            // At the end of the line above the placeholder: still above.
            (
                (p - 1, p - 1, "x"),
                SOURCE.replace(
                    "perf_counter()\n\n\ndef fmt",
                    "perf_counter()\n\nx\ndef fmt",
                ),
                false,
            ),
            // Enter on the blank line above, Backspace on it: the caret says where.
            (
                (p - 1, p - 1, "\n"),
                SOURCE.replace(
                    "perf_counter()\n\n\ndef fmt",
                    "perf_counter()\n\n\n\ndef fmt",
                ),
                false,
            ),
            (
                (p - 2, p - 1, ""),
                SOURCE.replace("perf_counter()\n\n\ndef fmt", "perf_counter()\n\ndef fmt"),
                false,
            ),
            // Typing on the placeholder types before the folded lines, and unfolds them.
            ((p, p, "x"), SOURCE.replace("\ndef fmt", "\nxdef fmt"), true),
            // Deleting the placeholder's newline alone opens the fold (and deletes it then).
            ((p, p + 1, ""), SOURCE.replace(folded, ""), true),
            // A wider selection over it replaces the folded lines with the rest: select all,
            // then paste.
            (
                (0, view.text.len(), "print(1)\n"),
                "print(1)\n".to_owned(),
                false,
            ),
            (
                (p - 1, p + 1, ""),
                SOURCE.replace(&format!("\n{folded}"), ""),
                false,
            ),
        ];
        for ((start, end, inserted), source, unfold) in cases {
            let edited = format!("{}{inserted}{}", &view.text[..start], &view.text[end..]);
            let mapped = view.apply(SOURCE, &edited, start + inserted.len());
            assert_eq!(
                mapped,
                Mapped { source, unfold },
                "{start}..{end} {inserted:?}"
            );
        }
    }

    /// `(the edit as (start, end, inserted) in SOURCE, whether the fold is carried)`: a carried
    /// fold holds the same lines; otherwise the helpers are looked for again.
    #[test]
    fn edits_outside_the_fold_carry_it() {
        let fold = timing_helpers(SOURCE).unwrap();
        let (start, end) = (fold.range.start, fold.range.end);
        let cases: &[((usize, usize, &str), bool)] = &[
            // Above it, up to its first character.
            ((0, 0, "# hi\n"), true),
            ((0, 7, ""), true),
            ((start, start, "x = 1\n"), true),
            // Below it: a blank or indented line typed right under the helpers stays in view.
            ((end, end, "\n"), true),
            ((end, end, "    x = 1\n"), true),
            ((end + 4, end + 8, "main2"), true),
            // Into it, or everything after it gone.
            ((start + 4, start + 7, "format"), false),
            ((start, end, ""), false),
            ((end, SOURCE.len(), ""), false),
            ((0, SOURCE.len(), "print(1)\n"), false),
        ];
        for ((from, to, inserted), carried) in cases {
            let new = format!("{}{inserted}{}", &SOURCE[..*from], &SOURCE[*to..]);
            let moved = fold.carried(SOURCE, &new);
            assert_eq!(moved.is_some(), *carried, "{from}..{to} {inserted:?}");
            if let Some(moved) = moved {
                assert_eq!(&new[moved.range], &SOURCE[fold.range.clone()]);
            }
        }
    }

    #[test]
    fn copying_across_the_fold_copies_the_folded_lines() {
        let fold = timing_helpers(SOURCE).unwrap();
        let view = View::new(SOURCE, fold);
        assert_eq!(view.source_range(0, view.text.len()), 0..SOURCE.len());
        let main = view.text.find("def main").unwrap();
        let range = view.source_range(main, main + 8);
        assert_eq!(&SOURCE[range], "def main");
    }
}
