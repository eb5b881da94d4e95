//! The timeline lab's model: what a reader can set, what each strategy means, and what asyncio
//! predicts for it.
//!
//! A lab is a list of [`LabTask`]s (a coroutine name and how long it waits) run under one of three
//! [`Strategy`]s: awaiting each coroutine in turn, wrapping each in `asyncio.create_task` first and
//! then awaiting the tasks, or handing them all to `asyncio.gather`. For each strategy the model
//! gives the Python program a reader would write ([`python_code`]) and the timeline CPython's event
//! loop produces for it ([`predict`]).
//!
//! [`LabProps`] is the placeholder payload: the preprocessor serialises it into the page and the
//! widget reads it back, so its JSON shape is an API boundary.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Msg};

/// The most tasks a lab holds: enough to see a pattern, few enough to read the code.
pub const MAX_TASKS: usize = 8;

/// The longest duration a reader may set, in seconds.
pub const MAX_SECONDS: f64 = 60.0;

/// One coroutine of the lab: it prints when it starts, awaits `asyncio.sleep(seconds)` and prints
/// when it ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabTask {
    /// The coroutine function's name, a Python identifier.
    pub name: String,
    /// How long the coroutine waits, in seconds.
    pub seconds: f64,
}

/// How `main()` runs the lab's coroutines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// `await a(); await b()`: each coroutine runs to its end before the next one starts.
    Sequential,
    /// `ta = asyncio.create_task(a()); ...; await ta; ...`: all are scheduled before any is awaited.
    CreateTask,
    /// `await asyncio.gather(a(), b())`: gather wraps each in a task and waits for them all.
    Gather,
}

impl Strategy {
    /// The strategies in the order the book teaches them.
    pub const ALL: [Strategy; 3] = [Strategy::Sequential, Strategy::CreateTask, Strategy::Gather];

    /// The stable key used in JSON, HTML attributes and test ids.
    pub fn key(self) -> &'static str {
        match self {
            Strategy::Sequential => "sequential",
            Strategy::CreateTask => "create_task",
            Strategy::Gather => "gather",
        }
    }

    /// What a button or a heading calls the strategy, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Strategy::Sequential => Msg::LabStrategySequential,
            Strategy::CreateTask => Msg::LabStrategyCreateTask,
            Strategy::Gather => Msg::LabStrategyGather,
        }
        .text(lang)
    }

    /// The strategy with this [`key`](Strategy::key), if any.
    pub fn from_key(key: &str) -> Option<Strategy> {
        Strategy::ALL
            .into_iter()
            .find(|strategy| strategy.key() == key)
    }
}

/// Which strategies the lab shows when the page loads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "show", content = "strategy")]
pub enum View {
    /// All three side by side.
    #[default]
    All,
    /// Only one of them.
    One(Strategy),
}

/// The placeholder payload: everything a lab needs to mount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabProps {
    /// The tasks in the order `main()` starts them.
    pub tasks: Vec<LabTask>,
    /// What is shown at first; the reader can switch.
    #[serde(default)]
    pub view: View,
}

/// Why a duration typed by the reader was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DurationError {
    /// Nothing was typed.
    Empty,
    /// The text is not a decimal number of seconds.
    NotANumber,
    /// `asyncio.sleep` accepts it, but a task cannot take less than no time.
    Negative,
    /// Longer than [`MAX_SECONDS`]: nobody wants to watch that.
    TooLong,
}

impl DurationError {
    /// What the reader is told, in `lang`.
    pub fn message(self, lang: Lang) -> String {
        match self {
            DurationError::Empty => Msg::LabDurationEmpty.text(lang).to_owned(),
            DurationError::NotANumber => Msg::LabDurationNotANumber.text(lang).to_owned(),
            DurationError::Negative => Msg::LabDurationNegative.text(lang).to_owned(),
            DurationError::TooLong => {
                Msg::LabDurationTooLong.fill(lang, &[("max", &(MAX_SECONDS as u32))])
            }
        }
    }
}

/// In English, the book's source language (directives and props are checked in it).
impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for DurationError {}

/// Reads a duration as a reader types it: `"1"`, `"0.25"`, `" 2.5 "`, `".5"`.
///
/// Only plain decimal notation is accepted; `inf`, `nan` and exponents are refused as not a number
/// because they are never what a reader meant.
pub fn parse_seconds(text: &str) -> Result<f64, DurationError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DurationError::Empty);
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let plain_decimal = !digits.is_empty()
        && digits != "."
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1;
    if !plain_decimal {
        return Err(DurationError::NotANumber);
    }
    let value: f64 = digits.parse().map_err(|_| DurationError::NotANumber)?;
    check_seconds(if negative { -value } else { value })
}

/// Checks a duration that is already a number (from a directive or from JSON).
pub fn check_seconds(seconds: f64) -> Result<f64, DurationError> {
    if seconds.is_nan() {
        Err(DurationError::NotANumber)
    } else if seconds < 0.0 {
        Err(DurationError::Negative)
    } else if seconds > MAX_SECONDS {
        Err(DurationError::TooLong)
    } else {
        // `-0` is a valid way to type zero, but it should print as `0.0`.
        Ok(seconds + 0.0)
    }
}

/// Names the generated program defines itself, so a task may not take them.
const RESERVED_NAMES: [&str; 5] = ["asyncio", "time", "main", "elapsed", "START"];

/// Python's keywords, which are not valid function names.
const PYTHON_KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Why a task name was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    /// Not an ASCII Python identifier.
    NotAnIdentifier(String),
    /// A Python keyword or a name the generated program uses itself.
    Reserved(String),
    /// Two tasks would define the same function.
    Duplicate(String),
}

impl NameError {
    /// What the reader is told, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let (msg, name) = match self {
            NameError::NotAnIdentifier(name) => (Msg::LabNameNotAnIdentifier, name),
            NameError::Reserved(name) => (Msg::LabNameReserved, name),
            NameError::Duplicate(name) => (Msg::LabNameDuplicate, name),
        };
        msg.fill(lang, &[("name", name)])
    }
}

/// In English, the book's source language (directives and props are checked in it).
impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for NameError {}

/// Checks that `name` can be the name of a coroutine function in the generated program.
pub fn check_name(name: &str) -> Result<(), NameError> {
    let mut chars = name.chars();
    let starts_well = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if !starts_well || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(NameError::NotAnIdentifier(name.to_owned()));
    }
    if PYTHON_KEYWORDS.contains(&name) || RESERVED_NAMES.contains(&name) {
        return Err(NameError::Reserved(name.to_owned()));
    }
    Ok(())
}

/// Why a whole set of tasks was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum LabError {
    /// No task, or more than [`MAX_TASKS`].
    TaskCount(usize),
    /// A task's name is unusable.
    Name(NameError),
    /// A task's duration is unusable.
    Duration {
        /// The task's name.
        task: String,
        /// What is wrong with its duration.
        error: DurationError,
    },
}

impl fmt::Display for LabError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LabError::TaskCount(count) => {
                write!(f, "a lab needs 1 to {MAX_TASKS} tasks, not {count}")
            }
            LabError::Name(error) => error.fmt(f),
            LabError::Duration { task, error } => write!(f, "{task}: {error}"),
        }
    }
}

impl std::error::Error for LabError {}

/// Checks a whole set of tasks: count, names, uniqueness and durations.
pub fn check_tasks(tasks: &[LabTask]) -> Result<(), LabError> {
    if tasks.is_empty() || tasks.len() > MAX_TASKS {
        return Err(LabError::TaskCount(tasks.len()));
    }
    for (index, task) in tasks.iter().enumerate() {
        check_name(&task.name).map_err(LabError::Name)?;
        if tasks[..index]
            .iter()
            .any(|earlier| earlier.name == task.name)
        {
            return Err(LabError::Name(NameError::Duplicate(task.name.clone())));
        }
        check_seconds(task.seconds).map_err(|error| LabError::Duration {
            task: task.name.clone(),
            error,
        })?;
    }
    Ok(())
}

/// A name for a task the reader adds: `task_N` with the smallest N not yet taken.
pub fn fresh_task_name(tasks: &[LabTask]) -> String {
    (1..)
        .map(|n| format!("task_{n}"))
        .find(|name| tasks.iter().all(|task| &task.name != name))
        .expect("an unbounded range always has a free name")
}

/// Writes a duration as a Python float literal: `1.0`, `0.25`, `2.5`.
pub fn python_seconds(seconds: f64) -> String {
    let text = format!("{seconds}");
    if text.contains(['.', 'e', 'i', 'N']) {
        text
    } else {
        format!("{text}.0")
    }
}

/// The complete Python program that runs `tasks` under `strategy`, as the lab shows it.
///
/// Every coroutine prints a line when it starts and when it ends, stamped with the seconds since
/// the program began, so running the program shows the same timeline the lab draws.
pub fn python_code(strategy: Strategy, tasks: &[LabTask]) -> String {
    let mut code = String::from(
        "import asyncio\nimport time\n\nSTART = time.perf_counter()\n\n\n\
         def elapsed():\n    return time.perf_counter() - START\n",
    );
    for task in tasks {
        let name = &task.name;
        code.push_str(&format!(
            "\n\nasync def {name}():\n    \
             print(f\"{{elapsed():.2f}}s {name} starts\")\n    \
             await asyncio.sleep({seconds})\n    \
             print(f\"{{elapsed():.2f}}s {name} ends\")\n",
            seconds = python_seconds(task.seconds),
        ));
    }
    code.push_str("\n\nasync def main():\n");
    match strategy {
        Strategy::Sequential => {
            for task in tasks {
                code.push_str(&format!("    await {}()\n", task.name));
            }
        }
        Strategy::CreateTask => {
            for task in tasks {
                code.push_str(&format!(
                    "    {name}_task = asyncio.create_task({name}())\n",
                    name = task.name
                ));
            }
            for task in tasks {
                code.push_str(&format!("    await {}_task\n", task.name));
            }
        }
        Strategy::Gather => {
            let calls: Vec<String> = tasks
                .iter()
                .map(|task| format!("{}()", task.name))
                .collect();
            code.push_str(&format!("    await asyncio.gather({})\n", calls.join(", ")));
        }
    }
    code.push_str("    print(f\"{elapsed():.2f}s all done\")\n\n\nasyncio.run(main())\n");
    code
}

/// When one task ran, in seconds since `main()` started.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Span {
    /// The task's index in the lab.
    pub task: usize,
    /// When its coroutine printed "starts".
    pub start: f64,
    /// When it printed "ends".
    pub end: f64,
}

/// What the event loop does with a lab: one span per task, in task order, and the total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// The strategy this predicts.
    pub strategy: Strategy,
    /// One span per task, in the lab's task order.
    pub spans: Vec<Span>,
    /// When `main()` finishes: the time the reader waits for the whole program.
    pub total: f64,
    /// The "starts" and "ends" lines in print order.
    pub events: Vec<Event>,
}

impl Prediction {
    /// The "starts" and "ends" lines in the order the program printed them.
    pub fn events(&self) -> &[Event] {
        &self.events
    }
}

/// A line the generated program prints for one task.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Seconds since the start.
    pub time: f64,
    /// The task's index in the lab.
    pub task: usize,
    /// Whether the task started or ended.
    pub kind: EventKind,
}

/// Whether an [`Event`] is a task starting or ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventKind {
    /// The coroutine's first line ran.
    Starts,
    /// Its sleep finished and it printed its last line.
    Ends,
}

/// The timeline asyncio's event loop produces for `tasks` under `strategy`, found by running the
/// very program the lab shows ([`python_code`]) in the engine, in virtual time.
///
/// There is no second model of asyncio's timing here: each span is read off the virtual time at
/// which the program printed "starts" and "ends" for that task, and the total off "all done".
/// Sequential awaits add up; with `create_task` or `gather` the waits overlap.
pub fn predict(strategy: Strategy, tasks: &[LabTask]) -> Prediction {
    let run = crate::engine::run_to_completion(
        &python_code(strategy, tasks),
        "lab.py",
        crate::engine::Budgets::MODEL,
    );
    let mut spans: Vec<Span> = (0..tasks.len())
        .map(|task| Span {
            task,
            start: 0.0,
            end: 0.0,
        })
        .collect();
    let mut total = 0.0;
    let mut events = Vec::new();
    for chunk in &run.output {
        for line in chunk.text.lines() {
            // Lines look like `0.30s task_1 starts`; the stamp is rounded, the chunk time is exact.
            let mut words = line.split_whitespace().skip(1);
            match (words.next(), words.next()) {
                (Some("all"), Some("done")) => total = chunk.time,
                (Some(name), Some(event)) => {
                    if let Some(index) = tasks.iter().position(|task| task.name == name) {
                        let kind = match event {
                            "starts" => EventKind::Starts,
                            "ends" => EventKind::Ends,
                            _ => continue,
                        };
                        match kind {
                            EventKind::Starts => spans[index].start = chunk.time,
                            EventKind::Ends => spans[index].end = chunk.time,
                        }
                        events.push(Event {
                            time: chunk.time,
                            task: index,
                            kind,
                        });
                    }
                }
                _ => {}
            }
        }
    }
    Prediction {
        strategy,
        spans,
        total,
        events,
    }
}

/// How many times faster `total` is than `sequential_total`; `1.0` when either is zero.
pub fn speedup(sequential_total: f64, total: f64) -> f64 {
    if total > 0.0 && sequential_total > 0.0 {
        sequential_total / total
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests;
