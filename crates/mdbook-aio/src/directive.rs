//! Finding and reading widget directives in a chapter's Markdown.
//!
//! A directive stands in the text like mdBook's own `{{#include}}`:
//! `{{#timeline-lab fetch_url=1.0 read_file=1.0}}`. A backslash before it (`\{{#timeline-lab …}}`)
//! keeps it as literal text, so the book can show the syntax.

use std::fmt;

use aio_core::compare::{self, Field, Workload};
use aio_core::exercise::PredictKind;
use aio_core::lab::{self, LabProps, LabTask, Strategy, View};

/// The timeline lab: `{{#timeline-lab name=seconds …}}`.
pub const TIMELINE_LAB: &str = "timeline-lab";

/// A runnable example: `{{#asyncio-example examples/file.py}}`, or a "Predict, then run"
/// exercise: `{{#asyncio-example examples/file.py predict=total}}` (or `predict=order`).
pub const ASYNCIO_EXAMPLE: &str = "asyncio-example";

/// The comparison lab (coroutines, threads, processes and plain sequential code on one workload):
/// `{{#compare-lab jobs=4 io=1 cpu=0 workers=4 cores=2}}`.
pub const COMPARE_LAB: &str = "compare-lab";

/// The event loop's step-through view, open from the start, for one example:
/// `{{#loop-stepper examples/file.py}}`. The centrepiece of the event-loop chapter.
pub const LOOP_STEPPER: &str = "loop-stepper";

/// The widget kinds a directive can name.
pub const KINDS: [&str; 4] = [TIMELINE_LAB, ASYNCIO_EXAMPLE, COMPARE_LAB, LOOP_STEPPER];

/// A directive found in a chapter, with where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Directive<'a> {
    /// Byte range of the whole `{{#…}}` in the chapter.
    pub range: std::ops::Range<usize>,
    /// 1-based line of the directive, for error messages.
    pub line: usize,
    /// The widget's name, e.g. `timeline-lab`.
    pub kind: &'a str,
    /// Everything between the name and the closing `}}`.
    pub args: &'a str,
}

/// A directive that cannot become a widget: the build stops with this message.
#[derive(Debug, Clone, PartialEq)]
pub struct DirectiveError {
    /// 1-based line in the chapter.
    pub line: usize,
    /// What is wrong, in words an author can act on.
    pub message: String,
}

impl fmt::Display for DirectiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Where a piece of a chapter comes from: literal text or a directive.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece<'a> {
    /// Text to keep as it is.
    Text(&'a str),
    /// A directive to replace.
    Directive(Directive<'a>),
}

/// Splits a chapter into literal text and directives. Only names that look like ours (`#` followed
/// by a lowercase name and a space or `}}`) count, so mdBook's own `{{#include}}` passes through.
pub fn split(content: &str) -> Result<Vec<Piece<'_>>, DirectiveError> {
    let mut pieces = Vec::new();
    let mut rest_start = 0;
    let mut search_from = 0;
    while let Some(found) = content[search_from..].find("{{#") {
        let start = search_from + found;
        let name_start = start + 3;
        let name_len = content[name_start..]
            .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
            .unwrap_or(content.len() - name_start);
        let kind = &content[name_start..name_start + name_len];
        search_from = name_start;
        if !KINDS.contains(&kind) {
            continue;
        }
        let line = line_of(content, start);
        if start > 0 && content.as_bytes()[start - 1] == b'\\' {
            // An escaped directive: drop the backslash, keep the text.
            pieces.push(Piece::Text(&content[rest_start..start - 1]));
            rest_start = start;
            continue;
        }
        let Some(close) = content[name_start..].find("}}") else {
            return Err(DirectiveError {
                line,
                message: format!("`{{{{#{kind}` is never closed with `}}}}`"),
            });
        };
        let end = name_start + close + 2;
        let args = content[name_start + name_len..end - 2].trim();
        if args.contains('\n') {
            return Err(DirectiveError {
                line,
                message: format!("`{{{{#{kind} …}}}}` must stay on one line"),
            });
        }
        pieces.push(Piece::Text(&content[rest_start..start]));
        pieces.push(Piece::Directive(Directive {
            range: start..end,
            line,
            kind,
            args,
        }));
        rest_start = end;
        search_from = end;
    }
    pieces.push(Piece::Text(&content[rest_start..]));
    Ok(pieces)
}

fn line_of(content: &str, offset: usize) -> usize {
    content[..offset].bytes().filter(|&b| b == b'\n').count() + 1
}

/// Reads the arguments of `{{#timeline-lab …}}`: `name=seconds` pairs, one per task, and an
/// optional `show=all|sequential|create_task|gather`.
pub fn parse_timeline_lab(directive: &Directive<'_>) -> Result<LabProps, DirectiveError> {
    let fail = |message: String| DirectiveError {
        line: directive.line,
        message,
    };
    let mut tasks = Vec::new();
    let mut view = View::All;
    for word in directive.args.split_whitespace() {
        let Some((key, value)) = word.split_once('=') else {
            return Err(fail(format!(
                "expected `name=seconds`, found `{word}` (example: `{{{{#timeline-lab fetch_url=1.0 read_file=0.5}}}}`)"
            )));
        };
        if key == "show" {
            view = match value {
                "all" => View::All,
                _ => View::One(Strategy::from_key(value).ok_or_else(|| {
                    fail(format!(
                        "`show={value}`: choose all, sequential, create_task or gather"
                    ))
                })?),
            };
            continue;
        }
        let seconds =
            lab::parse_seconds(value).map_err(|error| fail(format!("`{key}={value}`: {error}")))?;
        tasks.push(LabTask {
            name: key.to_owned(),
            seconds,
        });
    }
    lab::check_tasks(&tasks).map_err(|error| fail(format!("{}: {error}", TIMELINE_LAB)))?;
    Ok(LabProps { tasks, view })
}

/// A parsed `{{#asyncio-example PATH [predict=total|order]}}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExampleDirective<'a> {
    /// The program, relative to the chapter's own folder (as with `{{#include}}`).
    pub path: &'a str,
    /// A "Predict, then run" exercise: what the reader predicts before the widget shows it.
    pub predict: Option<PredictKind>,
}

/// Reads the arguments of `{{#asyncio-example PATH [predict=total|order]}}`: one path to a `.py`
/// file, relative to the chapter's own folder (as with `{{#include}}`), and optionally what the
/// reader must predict before the widget reveals it.
pub fn parse_example<'a>(
    directive: &Directive<'a>,
) -> Result<ExampleDirective<'a>, DirectiveError> {
    let fail = |message: String| DirectiveError {
        line: directive.line,
        message,
    };
    let mut words = directive.args.split_whitespace();
    let path = match words.next() {
        Some(path) if path.contains('=') => {
            return Err(fail(format!(
                "name the program before the options: `{{{{#{ASYNCIO_EXAMPLE} examples/hello.py {path}}}}}`"
            )));
        }
        Some(path) if path.ends_with(".py") => path,
        Some(path) => return Err(fail(format!("`{path}` is not a .py file"))),
        None => {
            return Err(fail(format!(
                "name the program: `{{{{#{ASYNCIO_EXAMPLE} examples/hello.py}}}}`"
            )));
        }
    };
    let mut predict = None;
    for word in words {
        match word.split_once('=') {
            Some(("predict", value)) => {
                if predict.is_some() {
                    return Err(fail(format!("`{word}`: `predict=` is given twice")));
                }
                predict = Some(PredictKind::from_key(value).ok_or_else(|| {
                    fail(format!("`{word}`: choose predict=total or predict=order"))
                })?);
            }
            Some((key, _)) => {
                return Err(fail(format!(
                    "unknown option `{key}` in `{word}`; the only option is predict=total|order"
                )));
            }
            None => {
                return Err(fail(format!(
                    "one path only, found another argument `{word}`"
                )));
            }
        }
    }
    Ok(ExampleDirective { path, predict })
}

/// Reads the arguments of `{{#compare-lab …}}`: `field=value` pairs among `jobs`, `io`, `cpu`,
/// `workers` and `cores`, each at most once; a field left out keeps its default
/// ([`Workload::default`]).
pub fn parse_compare_lab(directive: &Directive<'_>) -> Result<Workload, DirectiveError> {
    let fail = |message: String| DirectiveError {
        line: directive.line,
        message,
    };
    let mut workload = Workload::default();
    let mut seen = Vec::new();
    for word in directive.args.split_whitespace() {
        let field = word
            .split_once('=')
            .and_then(|(key, value)| Some((Field::from_key(key)?, value)));
        let Some((field, value)) = field else {
            return Err(fail(format!(
                "expected `field=value` with field jobs, io, cpu, workers or cores, found `{word}` \
                 (example: `{{{{#{COMPARE_LAB} jobs=4 io=1 cpu=0 workers=4 cores=2}}}}`)"
            )));
        };
        if seen.contains(&field) {
            return Err(fail(format!("`{word}`: `{}=` is given twice", field.key())));
        }
        seen.push(field);
        compare::set_field(&mut workload, field, value)
            .map_err(|error| fail(format!("`{word}`: {error}")))?;
    }
    Ok(workload)
}

/// Reads the arguments of `{{#loop-stepper PATH}}`: one path to a `.py` file, relative to the
/// chapter's own folder.
pub fn parse_loop_stepper<'a>(directive: &Directive<'a>) -> Result<&'a str, DirectiveError> {
    let fail = |message: String| DirectiveError {
        line: directive.line,
        message,
    };
    let mut words = directive.args.split_whitespace();
    let path = match words.next() {
        Some(path) if path.ends_with(".py") => path,
        Some(path) => return Err(fail(format!("`{path}` is not a .py file"))),
        None => {
            return Err(fail(format!(
                "name the program: `{{{{#{LOOP_STEPPER} examples/loop_callbacks.py}}}}`"
            )));
        }
    };
    if let Some(extra) = words.next() {
        return Err(fail(format!(
            "`{{{{#{LOOP_STEPPER} …}}}}` takes one path only, found another argument `{extra}`"
        )));
    }
    Ok(path)
}
