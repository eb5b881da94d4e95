//! Creating exceptions and printing CPython 3.11 style tracebacks.

use std::rc::Rc;

use super::Interp;
use crate::run::{Limit, Missing, Stopped, Unsupported};
use crate::runtime::dict::Dict;
use crate::runtime::object::{Class, ExcData, Instance, TbEntry};
use crate::runtime::value::{ExcRef, Value};

impl Interp {
    /// A new exception instance of `cls` with `args`.
    pub(crate) fn new_exc(&self, cls: &Rc<Class>, args: Vec<Value>) -> ExcRef {
        let data = ExcData::default();
        *data.args.borrow_mut() = args.into();
        Rc::new(Instance {
            class: cls.clone(),
            dict: Rc::new(std::cell::RefCell::new(Dict::new())),
            key_group: std::cell::Cell::new(None),
            exc: Some(Box::new(data)),
            items: None,
        })
    }

    /// A new exception of the builtin class `name` with one str argument.
    pub(crate) fn err(&self, name: &str, msg: impl Into<String>) -> ExcRef {
        let msg: String = msg.into();
        self.new_exc(&self.t.by_name(name), vec![Value::str(msg.as_str())])
    }

    /// `TypeError(msg)`.
    pub(crate) fn type_error(&self, msg: impl Into<String>) -> ExcRef {
        self.err("TypeError", msg)
    }

    /// `ValueError(msg)`.
    pub(crate) fn value_error(&self, msg: impl Into<String>) -> ExcRef {
        self.err("ValueError", msg)
    }

    /// `RuntimeError(msg)`.
    pub(crate) fn runtime_error(&self, msg: impl Into<String>) -> ExcRef {
        self.err("RuntimeError", msg)
    }

    /// A part of Python the engine does not have yet: `NotImplementedError` naming it and the
    /// book's page that lists what runs, and a typed record of it for the widget
    /// (`Engine::unsupported`), which links that page.
    pub(crate) fn unsupported(&self, what: Missing) -> ExcRef {
        let message = format!(
            "{what} is not in this page's Python yet (see \"What runs in the page\" in the book)"
        );
        let mut seen = self.unsupported.borrow_mut();
        if !seen.iter().any(|known| known.what == what) {
            let topic = what.topic();
            seen.push(Unsupported { what, topic });
        }
        drop(seen);
        self.err("NotImplementedError", message)
    }

    /// An uncatchable error ending the run because `limit` was reached (the first limit reached
    /// is the one the outcome reports).
    pub(crate) fn abort(&self, limit: Limit) -> ExcRef {
        self.request_stop(limit);
        self.stop_now()
    }

    /// Records that `limit` was reached where no exception can be raised (while printing, or
    /// when a clock moves): the next step raises it.
    pub(crate) fn request_stop(&self, limit: Limit) {
        if self.aborted.borrow().is_none() {
            *self.aborted.borrow_mut() = Some(Stopped {
                limit,
                line: self.current_line(),
                time: self.now(),
            });
            self.stopping.set(true);
        }
    }

    /// The uncatchable error that unwinds a stopped run (no program sees its message: the
    /// outcome says which limit).
    pub(crate) fn stop_now(&self) -> ExcRef {
        let message = self
            .aborted
            .borrow()
            .as_ref()
            .map(|stopped| format!("{:?}", stopped.limit))
            .unwrap_or_default();
        self.new_exc(&self.t.limit_error, vec![Value::str(message.as_str())])
    }

    /// True when `exc` is an instance of the builtin exception class `name`.
    pub(crate) fn exc_is(&self, exc: &ExcRef, name: &str) -> bool {
        match self.t.exc.get(name) {
            Some(c) => exc.class.is_subclass(c),
            None => false,
        }
    }

    /// Sets `__context__` from the exception being handled (as CPython does on raise).
    pub(crate) fn set_context(&self, exc: &ExcRef) {
        let top = self.exc_stack.borrow().last().cloned();
        if let Some(top) = top {
            if Rc::ptr_eq(&top, exc) {
                return;
            }
            // Break cycles like CPython: remove exc from top's context chain.
            let mut cur = Some(top.clone());
            let mut guard = 0;
            while let Some(c) = cur {
                guard += 1;
                if guard > 1000 {
                    break;
                }
                let next = c.exc().context.borrow().clone();
                if let Some(n) = &next
                    && Rc::ptr_eq(n, exc)
                {
                    *c.exc().context.borrow_mut() = None;
                    break;
                }
                cur = next;
            }
            *exc.exc().context.borrow_mut() = Some(top);
        }
    }

    /// The class name as tracebacks print it (`asyncio.exceptions.CancelledError`, `ValueError`).
    pub(crate) fn exc_type_display(&self, cls: &Class) -> String {
        if &*cls.module == "builtins" || &*cls.module == "__main__" {
            cls.qualname.to_string()
        } else {
            format!("{}.{}", cls.module, cls.qualname)
        }
    }

    /// The full traceback text for an uncaught exception, chained exceptions and exception
    /// groups included (the algorithm of `traceback.TracebackException.format`).
    pub(crate) async fn format_exception(self: &Rc<Self>, exc: &ExcRef) -> String {
        self.format_exception_with(exc, false).await
    }

    async fn format_exception_with(self: &Rc<Self>, exc: &ExcRef, suggest: bool) -> String {
        let mut out = String::new();
        let mut ctx = PrintCtx {
            suggest,
            ..PrintCtx::default()
        };
        let mut seen: Vec<usize> = Vec::new();
        self.format_exc(exc, &mut ctx, &mut out, &mut seen).await;
        out
    }

    fn format_exc<'a>(
        self: &'a Rc<Self>,
        exc: &'a ExcRef,
        ctx: &'a mut PrintCtx,
        out: &'a mut String,
        seen: &'a mut Vec<usize>,
    ) -> crate::runtime::value::Lbf<'a, ()> {
        Box::pin(async move {
            // Newest first: each entry's message introduces the newer exception after it.
            let mut chain: Vec<(Option<&'static str>, ExcRef)> = Vec::new();
            let mut cur = Some(exc.clone());
            while let Some(e) = cur {
                let id = Rc::as_ptr(&e) as usize;
                if seen.contains(&id) {
                    break;
                }
                seen.push(id);
                let d = e.exc();
                let cause = d.cause.borrow().clone();
                let context = d.context.borrow().clone();
                let (msg, next) = if let Some(c) = cause {
                    (Some(CAUSE_MSG), Some(c))
                } else if let (Some(c), false) = (context, d.suppress_context.get()) {
                    (Some(CONTEXT_MSG), Some(c))
                } else {
                    (None, None)
                };
                chain.push((msg, e.clone()));
                cur = next;
            }
            for i in (0..chain.len()).rev() {
                let (msg, e) = (chain[i].0, chain[i].1.clone());
                if i + 1 < chain.len()
                    && let Some(m) = msg
                {
                    ctx.emit(out, m, None);
                }
                let group = e.exc().group.borrow().clone();
                let stack = self.format_stack(&e);
                match group {
                    None => {
                        if !stack.is_empty() {
                            ctx.emit(out, "Traceback (most recent call last):\n", None);
                            ctx.emit(out, &stack, None);
                        }
                        let only = self.exc_only_suggesting(&e, ctx.suggest).await;
                        ctx.emit(out, &format!("{only}\n{}", self.notes_text(&e)), None);
                    }
                    Some(items) => {
                        let toplevel = ctx.depth == 0;
                        if toplevel {
                            ctx.depth += 1;
                        }
                        if !stack.is_empty() {
                            ctx.emit(
                                out,
                                "Exception Group Traceback (most recent call last):\n",
                                if toplevel { Some('+') } else { None },
                            );
                            ctx.emit(out, &stack, None);
                        }
                        let only = self.exc_only_suggesting(&e, ctx.suggest).await;
                        ctx.emit(out, &format!("{only}\n{}", self.notes_text(&e)), None);
                        let num = items.len();
                        let shown = if num <= 15 { num } else { 16 };
                        ctx.need_close = false;
                        for k in 0..shown {
                            let last = k == shown - 1;
                            if last {
                                ctx.need_close = true;
                            }
                            let truncated = k >= 15;
                            let title = if truncated {
                                "...".to_string()
                            } else {
                                (k + 1).to_string()
                            };
                            out.push_str(&ctx.indent());
                            out.push_str(if k == 0 { "+-" } else { "  " });
                            out.push_str(&format!("+---------------- {title} ----------------\n"));
                            ctx.depth += 1;
                            if !truncated {
                                if let Value::Instance(sub) = &items[k] {
                                    self.format_exc(sub, ctx, out, seen).await;
                                }
                            } else {
                                let remaining = num - 15;
                                ctx.emit(
                                    out,
                                    &format!(
                                        "and {remaining} more exception{}\n",
                                        if remaining > 1 { "s" } else { "" }
                                    ),
                                    None,
                                );
                            }
                            if last && ctx.need_close {
                                out.push_str(&ctx.indent());
                                out.push_str("+------------------------------------\n");
                                ctx.need_close = false;
                            }
                            ctx.depth -= 1;
                        }
                        if toplevel {
                            ctx.depth -= 1;
                        }
                    }
                }
            }
        })
    }

    /// The lines of an exception's `__notes__` (`add_note`), each ending in a newline, as CPython
    /// prints them under the exception's line: a string as it is, anything else by its `str()`.
    fn notes_text(&self, exc: &ExcRef) -> String {
        let notes = exc.dict.borrow().get_str("__notes__").cloned();
        let items: Vec<Value> = match notes {
            None => return String::new(),
            Some(Value::List(items)) => items.borrow().clone(),
            Some(Value::Tuple(items)) => items.to_vec(),
            Some(other) => vec![other],
        };
        let mut out = String::new();
        for note in items {
            match &note {
                Value::Str(text) => out.push_str(text),
                other => out.push_str(
                    &self
                        .repr_simple(other)
                        .unwrap_or_else(|| "<note str() failed>".to_owned()),
                ),
            }
            out.push('\n');
        }
        out
    }

    /// The `File ... line ...` lines of a traceback, collapsing long repeats like CPython.
    fn format_stack(&self, exc: &ExcRef) -> String {
        let tb = exc.exc().traceback.borrow().clone();
        let mut out = String::new();
        let mut last: Option<(Rc<str>, u32, Rc<str>)> = None;
        let mut count = 0usize;
        let repeated = |n: usize, out: &mut String| {
            out.push_str(&format!(
                "  [Previous line repeated {n} more time{}]\n",
                if n > 1 { "s" } else { "" }
            ));
        };
        for entry in tb.iter().rev() {
            let key = (entry.filename.clone(), entry.line, entry.name.clone());
            if last.as_ref() == Some(&key) {
                count += 1;
            } else {
                if count > 3 {
                    repeated(count - 3, &mut out);
                }
                last = Some(key);
                count = 1;
            }
            if count <= 3 {
                self.format_tb_entry(entry, &mut out);
            }
        }
        if count > 3 {
            repeated(count - 3, &mut out);
        }
        out
    }

    /// `Type: message` (or just `Type` for an empty message).
    async fn exc_only_suggesting(self: &Rc<Self>, exc: &ExcRef, suggest: bool) -> String {
        let only = self.exc_only(exc).await;
        if !suggest {
            return only;
        }
        // A NameError's candidates (the frame's names) are gone by now: it was computed when
        // raised. An AttributeError keeps `.name` and `.obj`, so `dir(obj)` is read only here.
        let suggestion = exc.exc().suggestion.borrow().clone().or_else(|| {
            let attrs = exc.dict.borrow();
            match (attrs.get_str("name"), attrs.get_str("obj")) {
                (Some(Value::Str(name)), Some(obj)) if self.exc_is(exc, "AttributeError") => {
                    self.attr_suggestion(obj, name)
                }
                _ => None,
            }
        });
        match suggestion {
            Some(s) => format!("{only}. Did you mean: '{s}'?"),
            None => only,
        }
    }

    pub(crate) async fn exc_only(self: &Rc<Self>, exc: &ExcRef) -> String {
        let name = self.exc_type_display(&exc.class);
        let msg = match self.str_of(&Value::Instance(exc.clone())).await {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    /// One `File "...", line N, in name` entry with its source line and carets.
    pub(crate) fn format_tb_entry(&self, entry: &TbEntry, out: &mut String) {
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            entry.filename, entry.line, entry.name
        ));
        let (line_text, span_override): (Option<Rc<str>>, Option<(u32, u32)>) = match &entry.source
        {
            Some((text, cols)) => (Some(text.clone()), *cols),
            None => {
                if *entry.filename == *self.filename {
                    (
                        self.source_lines
                            .get(entry.line.wrapping_sub(1) as usize)
                            .cloned(),
                        None,
                    )
                } else {
                    (None, None)
                }
            }
        };
        let Some(line) = line_text else { return };
        let stripped = line.trim();
        if stripped.is_empty() {
            return;
        }
        out.push_str("    ");
        out.push_str(stripped);
        out.push('\n');
        let chars: Vec<char> = line.trim_end().chars().collect();
        let indent = line.chars().count() - line.trim_start().chars().count();
        let (start, end, anchors) = if let Some((s, e)) = span_override {
            (s as usize, e as usize, None)
        } else if let Some(span) = entry.span {
            // (A library frame gives its own text: its span is in the engine's copy.)
            if span.line != entry.line && entry.source.is_none() {
                return;
            }
            let start = span.col as usize;
            // CPython's statement may go on past the line a library frame shows (its text
            // ends `self.format(`): the carets then run to the end of the line, as for any
            // expression that spans lines.
            let one_line = span.end_line == span.line
                && (entry.source.is_none() || span.end_col as usize <= chars.len());
            let end = if one_line {
                span.end_col as usize
            } else {
                chars.len()
            };
            let anchors = if one_line {
                caret_anchors(&chars, start, end, entry.anchor)
            } else {
                None
            };
            (start, end, anchors)
        } else {
            return;
        };
        let stripped_len = stripped.chars().count();
        if end <= start || end > chars.len() {
            return;
        }
        let show = end - start < stripped_len || anchors.map(|(l, r)| r > l).unwrap_or(false);
        if !show {
            return;
        }
        // Columns, not characters: a wide character (`汉`, `😀`) takes two, as CPython counts.
        let columns = |from: usize, to: usize| -> usize {
            chars[from.min(to)..to]
                .iter()
                .map(|c| crate::runtime::unicode::display_width(*c))
                .sum()
        };
        out.push_str("    ");
        out.push_str(&" ".repeat(columns(indent, start)));
        match anchors {
            Some((l, r)) => {
                let (l, r) = ((start + l).min(end), (start + r).min(end));
                out.push_str(&"~".repeat(columns(start, l)));
                out.push_str(&"^".repeat(columns(l, r)));
                out.push_str(&"~".repeat(columns(r, end)));
            }
            None => out.push_str(&"^".repeat(columns(start, end))),
        }
        out.push('\n');
    }

    /// Writes the uncaught-exception report to stderr.
    pub(crate) async fn print_exception(self: &Rc<Self>, exc: &ExcRef) {
        let text = self.format_exception_with(exc, true).await;
        self.write_output(crate::run::Stream::Stderr, &text);
    }
}

const CAUSE_MSG: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MSG: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";

/// Indentation state while printing nested exception groups.
#[derive(Default)]
struct PrintCtx {
    depth: usize,
    need_close: bool,
    /// Add "Did you mean" to NameError and AttributeError lines (the top-level excepthook).
    suggest: bool,
}

impl PrintCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    fn emit(&self, out: &mut String, text: &str, margin: Option<char>) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin.unwrap_or('|'));
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

/// CPython's anchors for a binary operation or subscript segment: returns (left_end,
/// right_start) relative to `start` when the segment is a BinOp or Subscript. The
/// operator kind is found by re-scanning the text as CPython re-parses it.
fn caret_anchors(
    chars: &[char],
    start: usize,
    end: usize,
    hint: Option<AnchorHint>,
) -> Option<(usize, usize)> {
    {
        match hint? {
            AnchorHint::BinOp {
                left_end,
                right_start,
            } => {
                if left_end < start || right_start > end {
                    return None;
                }
                let seg: Vec<char> = chars[start..end].to_vec();
                let op_start = left_end - start;
                let op_end = right_start - start;
                let op: Vec<char> = seg[op_start..op_end].to_vec();
                let off = op.iter().take_while(|c| c.is_whitespace()).count();
                let mut left = op_start + off;
                let mut right = left + 1;
                if off + 1 < op.len() && !op[off + 1].is_whitespace() {
                    right += 1;
                }
                while left < seg.len()
                    && (seg[left].is_whitespace() || seg[left] == ')' || seg[left] == '#')
                {
                    left += 1;
                    right += 1;
                }
                Some((left, right))
            }
            AnchorHint::Subscript {
                value_end,
                slice_end,
            } => {
                if value_end < start || slice_end > end {
                    return None;
                }
                let seg: Vec<char> = chars[start..end].to_vec();
                let mut left = value_end - start;
                let mut right = slice_end - start + 1;
                while left < seg.len() && seg[left] != '[' {
                    left += 1;
                }
                while right < seg.len() && seg[right] != ']' {
                    right += 1;
                }
                if right < seg.len() {
                    right += 1;
                }
                Some((left, right))
            }
        }
    }
}

/// The anchor kind of the expression a traceback entry highlights.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AnchorHint {
    BinOp { left_end: usize, right_start: usize },
    Subscript { value_end: usize, slice_end: usize },
}
