//! The code editor's keys as pure text edits: Tab, Shift+Tab and Enter.
//!
//! Each key becomes one [`TextEdit`] (replace a range, then select a range) that the editor
//! applies with the browser's own `insertText` command, so the textarea's native undo history
//! keeps working. Offsets here are in UTF-16 code units, as `selectionStart` counts them; the
//! text is handled as a `&str` and converted at the edges.

/// Spaces per indentation level (PEP 8).
pub const INDENT: &str = "    ";

/// Replace `start..end` with `insert`, then select `select.0..select.1` (UTF-16 offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEdit {
    pub start: usize,
    pub end: usize,
    pub insert: String,
    pub select: (usize, usize),
}

fn utf16_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// The byte offset of UTF-16 offset `offset` in `text` (clamped to the text, and to a char
/// boundary).
pub fn byte_offset(text: &str, offset: usize) -> usize {
    let mut units = 0;
    for (byte, c) in text.char_indices() {
        if units >= offset {
            return byte;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// The UTF-16 offset of byte offset `byte` in `text`.
pub fn utf16_offset(text: &str, byte: usize) -> usize {
    utf16_len(&text[..byte.min(text.len())])
}

/// Byte range of the whole lines touched by the byte selection `start..end` (a selection that
/// ends at the very start of a line does not touch that line).
fn line_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let first = text[..start].rfind('\n').map_or(0, |n| n + 1);
    let end = if end > start && text[..end].ends_with('\n') {
        end - 1
    } else {
        end
    };
    let last = text[end..].find('\n').map_or(text.len(), |n| end + n);
    (first, last)
}

/// Tab: four spaces at the caret, or every selected line indented by four.
pub fn indent(text: &str, sel_start: usize, sel_end: usize) -> TextEdit {
    let (start, end) = (byte_offset(text, sel_start), byte_offset(text, sel_end));
    if !text[start..end].contains('\n') {
        let caret = sel_start + INDENT.len();
        return TextEdit {
            start: sel_start,
            end: sel_end,
            insert: INDENT.to_string(),
            select: (caret, caret),
        };
    }
    let (first, last) = line_span(text, start, end);
    let insert: String = text[first..last]
        .split('\n')
        .map(|line| {
            if line.trim().is_empty() {
                line.to_string()
            } else {
                format!("{INDENT}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    whole_lines(text, first, last, insert)
}

/// Shift+Tab: up to four leading spaces removed from every line of the selection (or the caret's
/// line).
pub fn dedent(text: &str, sel_start: usize, sel_end: usize) -> TextEdit {
    let (start, end) = (byte_offset(text, sel_start), byte_offset(text, sel_end));
    let (first, last) = line_span(text, start, end);
    let mut removed_first = 0;
    let insert: String = text[first..last]
        .split('\n')
        .enumerate()
        .map(|(i, line)| {
            let spaces = line.len() - line.trim_start_matches(' ').len();
            let cut = spaces.min(INDENT.len());
            if i == 0 {
                removed_first = cut;
            }
            &line[cut..]
        })
        .collect::<Vec<_>>()
        .join("\n");
    if !text[start..end].contains('\n') {
        // Keep the caret where it was in the line's text.
        let caret_start = sel_start
            .saturating_sub(removed_first)
            .max(utf16_offset(text, first));
        let removed_total = utf16_len(&text[first..last]) - utf16_len(&insert);
        let caret_end = sel_end.saturating_sub(removed_total).max(caret_start);
        return TextEdit {
            start: utf16_offset(text, first),
            end: utf16_offset(text, last),
            insert,
            select: (caret_start, caret_end),
        };
    }
    whole_lines(text, first, last, insert)
}

/// Replaces the lines `first..last` (bytes) with `insert` and selects them.
fn whole_lines(text: &str, first: usize, last: usize, insert: String) -> TextEdit {
    let start = utf16_offset(text, first);
    let select = (start, start + utf16_len(&insert));
    TextEdit {
        start,
        end: utf16_offset(text, last),
        insert,
        select,
    }
}

/// Enter: a newline that keeps the current line's indentation, one level more after a `:`.
pub fn newline(text: &str, sel_start: usize, sel_end: usize) -> TextEdit {
    let start = byte_offset(text, sel_start);
    let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
    let line = &text[line_start..start];
    let indentation: String = line
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let mut insert = format!("\n{indentation}");
    if line.trim_end().ends_with(':') {
        insert.push_str(INDENT);
    }
    let caret = sel_start + utf16_len(&insert);
    TextEdit {
        start: sel_start,
        end: sel_end,
        insert,
        select: (caret, caret),
    }
}

/// `text` after `edit` (what the browser's `insertText` produces; for tests and for the
/// fallback when the command is unavailable).
pub fn apply(text: &str, edit: &TextEdit) -> String {
    let (start, end) = (byte_offset(text, edit.start), byte_offset(text, edit.end));
    format!("{}{}{}", &text[..start], edit.insert, &text[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies `make` to `text` with the selection marked by `[` and `]` (or a caret `|`), and
    /// returns the result with the new selection marked the same way.
    fn run(make: fn(&str, usize, usize) -> TextEdit, marked: &str) -> String {
        let (text, start, end) = if let Some(caret) = marked.find('|') {
            (marked.replacen('|', "", 1), caret, caret)
        } else {
            let start = marked.find('[').unwrap();
            let end = marked.find(']').unwrap() - 1;
            (marked.replacen('[', "", 1).replacen(']', "", 1), start, end)
        };
        let (start, end) = (utf16_offset(&text, start), utf16_offset(&text, end));
        let edit = make(&text, start, end);
        let after = apply(&text, &edit);
        let (s, e) = (
            byte_offset(&after, edit.select.0),
            byte_offset(&after, edit.select.1),
        );
        if s == e {
            format!("{}|{}", &after[..s], &after[s..])
        } else {
            format!("{}[{}]{}", &after[..s], &after[s..e], &after[e..])
        }
    }

    #[test]
    fn tab_inserts_four_spaces_or_indents_lines() {
        assert_eq!(run(indent, "x = 1|"), "x = 1    |");
        assert_eq!(run(indent, "é|x"), "é    |x");
        assert_eq!(run(indent, "a\nb[c\nd]e\nf"), "a\n[    bc\n    de]\nf");
        // A selection ending at a line's start leaves that line alone; blank lines stay blank.
        assert_eq!(run(indent, "[a\n\nb\n]c"), "[    a\n\n    b]\nc");
    }

    #[test]
    fn shift_tab_dedents() {
        assert_eq!(run(dedent, "        x|"), "    x|");
        assert_eq!(run(dedent, "  x|"), "x|");
        assert_eq!(run(dedent, "x|"), "x|");
        assert_eq!(run(dedent, "[    a\n      b]\nc"), "[a\n  b]\nc");
    }

    #[test]
    fn enter_keeps_indentation() {
        assert_eq!(run(newline, "    x = 1|"), "    x = 1\n    |");
        assert_eq!(
            run(newline, "async def main():|"),
            "async def main():\n    |"
        );
        assert_eq!(run(newline, "    if x:  |"), "    if x:  \n        |");
        assert_eq!(run(newline, "x|y"), "x\n|y");
    }

    #[test]
    fn offsets_convert_between_utf16_and_bytes() {
        let text = "a😀é";
        assert_eq!(byte_offset(text, 1), 1);
        assert_eq!(byte_offset(text, 3), 5);
        assert_eq!(byte_offset(text, 99), text.len());
        assert_eq!(utf16_offset(text, 5), 3);
    }
}
