//! The HTML a directive becomes: a placeholder that the widget mounts into, holding a static
//! fallback computed at build time, so that a reader without JavaScript, and mdBook's print view,
//! still see the code and the predicted timeline.
//!
//! Everything is written on one line: Markdown ends an HTML block at the first blank line, and
//! the Python code has blank lines, so newlines inside `<pre>` are written as `&#10;`.

use std::fmt::Write;

use aio_core::lab::{self, LabProps, Prediction, Strategy, View};

use aio_core::engine::{Outcome, Stream};
use aio_core::example::ExampleProps;
use aio_core::exercise::PredictKind;
use aio_core::fold;
use aio_core::prediction::{self, lines_in_words, stopped_message, thousands};
use aio_core::timeline::{self, LaneEnd, SpanKind, Timeline};
use aio_core::transcript::Shown;

use aio_core::compare::{self, Workload};

use crate::directive::{ASYNCIO_EXAMPLE, COMPARE_LAB, TIMELINE_LAB};

/// Width of the fallback timeline's drawing area, in SVG user units.
const CHART_WIDTH: f64 = 560.0;
/// Room on the left for task names.
const LABEL_WIDTH: f64 = 110.0;
/// Height of one task's row.
const ROW_HEIGHT: f64 = 22.0;
/// Room at the bottom for the time axis.
const AXIS_HEIGHT: f64 = 22.0;

/// The placeholder for a timeline lab, with its fallback inside.
pub fn timeline_lab(props: &LabProps) -> String {
    let json = serde_json::to_string(props).expect("lab props always serialise");
    let strategies: Vec<Strategy> = match props.view {
        View::All => Strategy::ALL.to_vec(),
        View::One(strategy) => vec![strategy],
    };
    let predictions: Vec<Prediction> = strategies
        .iter()
        .map(|&strategy| lab::predict(strategy, &props.tasks))
        .collect();
    let axis_end = predictions.iter().map(|p| p.total).fold(0.0, f64::max);

    let mut html = format!(
        "<div class=\"aio-widget\" data-aio-widget=\"{TIMELINE_LAB}\" data-aio-props=\"{}\">\
         <div class=\"aio-fallback\">\
         <p class=\"aio-fallback-note\">The timelines below are what asyncio predicts. \
         With JavaScript on, you can change the durations and run the code for real here.</p>",
        escape(&json)
    );
    for prediction in &predictions {
        push_strategy(&mut html, props, prediction, axis_end);
    }
    html.push_str("</div></div>");
    html
}

fn push_strategy(html: &mut String, props: &LabProps, prediction: &Prediction, axis_end: f64) {
    let strategy = prediction.strategy;
    let code = lab::python_code(strategy, &props.tasks);
    let _ = write!(
        html,
        "<div class=\"aio-fallback-strategy\" data-strategy=\"{key}\">\
         <p class=\"aio-fallback-title\"><strong>{label}</strong>: predicted total {total:.2} s</p>\
         <pre><code class=\"language-python\">{code}</code></pre>",
        key = strategy.key(),
        label = escape(strategy.label()),
        total = prediction.total,
        code = escape(&code).replace('\n', "&#10;"),
    );
    push_chart(html, props, prediction, axis_end);
    push_table(html, props, prediction);
    html.push_str("</div>");
}

/// An SVG bar chart of the predicted spans on an axis shared by every strategy of the lab.
fn push_chart(html: &mut String, props: &LabProps, prediction: &Prediction, axis_end: f64) {
    let rows = prediction.spans.len() as f64;
    let height = rows * ROW_HEIGHT + AXIS_HEIGHT;
    let width = LABEL_WIDTH + CHART_WIDTH + 20.0;
    let scale = if axis_end > 0.0 {
        CHART_WIDTH / axis_end
    } else {
        0.0
    };
    let _ = write!(
        html,
        "<svg class=\"aio-fallback-chart\" role=\"img\" viewBox=\"0 0 {width} {height}\" \
         aria-label=\"Predicted timeline, {label}: total {total:.2} seconds\">",
        label = escape(prediction.strategy.label()),
        total = prediction.total,
    );
    for (row, span) in prediction.spans.iter().enumerate() {
        let y = row as f64 * ROW_HEIGHT;
        let x = LABEL_WIDTH + span.start * scale;
        // A zero-length task still gets a sliver, so it stays visible.
        let bar_width = ((span.end - span.start) * scale).max(2.0);
        let name = escape(&props.tasks[span.task].name);
        push_row_label(html, row, &name);
        let _ = write!(
            html,
            "<rect class=\"aio-chart-bar\" x=\"{x:.1}\" y=\"{bar_y}\" width=\"{bar_width:.1}\" height=\"{bar_height}\" rx=\"3\">\
             <title>{name}: {start:.2} s to {end:.2} s</title></rect>",
            bar_y = y + 4.0,
            bar_height = ROW_HEIGHT - 8.0,
            start = span.start,
            end = span.end,
        );
    }
    push_axis_and_close(html, prediction.spans.len(), axis_end);
}

/// A row's name, right-aligned in the space left of the bars.
fn push_row_label(svg: &mut String, row: usize, escaped_name: &str) {
    let _ = write!(
        svg,
        "<text class=\"aio-chart-label\" x=\"{label_x}\" y=\"{text_y}\" text-anchor=\"end\">{escaped_name}</text>",
        label_x = LABEL_WIDTH - 8.0,
        text_y = row as f64 * ROW_HEIGHT + ROW_HEIGHT * 0.68,
    );
}

/// The time axis under `rows` rows, from 0 to `axis_end` seconds, and the end of the SVG.
fn push_axis_and_close(svg: &mut String, rows: usize, axis_end: f64) {
    let axis_y = rows as f64 * ROW_HEIGHT + 4.0;
    let _ = write!(
        svg,
        "<line class=\"aio-chart-axis\" x1=\"{LABEL_WIDTH}\" y1=\"{axis_y}\" x2=\"{x2}\" y2=\"{axis_y}\"/>\
         <text class=\"aio-chart-tick\" x=\"{LABEL_WIDTH}\" y=\"{tick_y}\">0 s</text>\
         <text class=\"aio-chart-tick\" x=\"{x2}\" y=\"{tick_y}\" text-anchor=\"end\">{axis_end:.2} s</text></svg>",
        x2 = LABEL_WIDTH + CHART_WIDTH,
        tick_y = axis_y + 15.0,
    );
}

/// The same spans as a table: the chart's text alternative.
fn push_table(html: &mut String, props: &LabProps, prediction: &Prediction) {
    let _ = write!(
        html,
        "<table class=\"aio-fallback-table\"><caption{}></caption><thead><tr>{}{}{}</tr></thead><tbody>",
        out_of_search(&format!(
            "Predicted start and end, {}",
            prediction.strategy.label()
        )),
        cell("th", "Task"),
        cell("th", "Starts (s)"),
        cell("th", "Ends (s)"),
    );
    for span in &prediction.spans {
        let _ = write!(
            html,
            "<tr>{}{}{}</tr>",
            cell("td", &props.tasks[span.task].name),
            cell("td", &format!("{:.2}", span.start)),
            cell("td", &format!("{:.2}", span.end)),
        );
    }
    html.push_str("</tbody></table>");
}

/// The placeholder for a runnable example: the code, and the output the engine predicts for it in
/// virtual time, each line with the moment it is printed. For a "Predict, then run" exercise
/// (`predict`), the output and timeline stay folded in a `<details>`, so the answer is not in
/// plain sight.
pub fn example(id: &str, source: &str, predict: Option<PredictKind>) -> String {
    example_with(id, source, predict, false)
}

/// The placeholder for the event-loop stepper (`{{#loop-stepper PATH}}`): the runnable example
/// with its step-through view open, and as fallback, after the code and output, the first steps
/// as a table (what ran, the ready queue, the timers, in words).
pub fn loop_stepper(id: &str, source: &str) -> String {
    example_with(id, source, None, true)
}

/// How many steps the stepper's static fallback lists.
const FALLBACK_STEPS: usize = 12;

fn steps_table(source: &str, filename: &str) -> String {
    let stepper = aio_core::stepper::step_through(source, filename);
    let mut table = format!(
        "<table class=\"aio-fallback-table aio-fallback-steps\"><caption{}></caption>\
         <thead><tr>{}{}{}{}{}</tr></thead><tbody>",
        out_of_search(
            "The event loop, step by step (with JavaScript on, step through the whole run here)"
        ),
        cell("th", "Step"),
        cell("th", "Clock (s)"),
        cell("th", "What happens"),
        cell("th", "Ready queue after"),
        cell("th", "Timers after"),
    );
    let labels = |entries: &[aio_core::trace::QueueEntry]| {
        if entries.is_empty() {
            "(empty)".to_string()
        } else {
            entries
                .iter()
                .map(|e| e.label.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        }
    };
    for (i, step) in stepper.steps.iter().take(FALLBACK_STEPS).enumerate() {
        let _ = write!(
            table,
            "<tr>{}{}{}{}{}</tr>",
            cell("td", &(i + 1).to_string()),
            cell("td", &format!("{:.2}", step.time)),
            cell("td", &step.explanation),
            cell("td", &labels(&step.ready)),
            cell("td", &labels(&step.timers)),
        );
    }
    table.push_str("</tbody></table>");
    if stepper.steps.len() > FALLBACK_STEPS {
        let _ = write!(
            table,
            "<p class=\"aio-fallback-note\">The first {FALLBACK_STEPS} of {} steps.</p>",
            stepper.steps.len()
        );
    }
    table
}

fn example_with(id: &str, source: &str, predict: Option<PredictKind>, stepper: bool) -> String {
    let filename = id.rsplit('/').next().unwrap_or(id);
    let props = ExampleProps {
        id: id.to_owned(),
        filename: filename.to_owned(),
        source: source.to_owned(),
        predict,
        stepper,
    };
    let props = serde_json::to_string(&props).expect("example props always serialise");
    // The prediction the widget makes when it mounts, with the same bounds.
    let run = prediction::predict(source, filename);
    let last_line_at = run.transcript.lines().last().map_or(0.0, |line| line.time);
    let mut output = String::new();
    for shown in run.transcript.shown() {
        match shown {
            Shown::Line(line) => {
                let mut text = line.text.clone();
                if line.cut_chars > 0 {
                    let _ = write!(
                        text,
                        " … {} more characters",
                        thousands(line.cut_chars as u64)
                    );
                }
                if !line.open {
                    text.push('\n');
                }
                let class = match line.stream {
                    Stream::Stdout => "",
                    Stream::Stderr => " class=\"aio-fallback-stderr\"",
                };
                let _ = write!(output, "<span{class}{}></span>", out_of_search(&text));
            }
            Shown::Omitted(count) => {
                let _ = write!(
                    output,
                    "<span class=\"aio-fallback-omitted\"{}></span>",
                    out_of_search(&format!("… {} not shown …\n", lines_in_words(count)))
                );
            }
        }
    }
    let stopped = run
        .outcome
        .as_ref()
        .and_then(|outcome| outcome.stopped())
        .map(|stopped| {
            format!(
                "<p class=\"aio-fallback-note\">{}</p>",
                escape(&stopped_message(stopped, true))
            )
        })
        .unwrap_or_default();
    let (open, close) = match predict {
        None => ("", ""),
        Some(kind) => (
            match kind {
                PredictKind::Total => {
                    "<p class=\"aio-fallback-note\"><strong>Predict, then run:</strong> how long \
                     will this program take, in seconds? Decide before you look.</p>\
                     <details class=\"aio-fallback-answer\"><summary>Show the predicted output</summary>"
                }
                PredictKind::Order => {
                    "<p class=\"aio-fallback-note\"><strong>Predict, then run:</strong> in which \
                     order are the lines printed? Decide before you look.</p>\
                     <details class=\"aio-fallback-answer\"><summary>Show the predicted output</summary>"
                }
                PredictKind::Both => {
                    "<p class=\"aio-fallback-note\"><strong>Predict, then run:</strong> in which \
                     order are the lines printed, and how long does the program take? Decide \
                     before you look.</p>\
                     <details class=\"aio-fallback-answer\"><summary>Show the predicted output</summary>"
                }
            },
            "</details>",
        ),
    };
    let status = match &run.outcome {
        Some(Outcome::Exited { status: 0 }) => String::new(),
        Some(outcome) => format!(", exit status {}", outcome.exit_status()),
        None => ", exit status 1".to_owned(),
    };
    let transcript = match &run.syntax_error {
        Some(error) => format!(
            "<pre class=\"aio-fallback-output\"><span class=\"aio-fallback-stderr\"{}></span></pre>",
            out_of_search(error)
        ),
        None => format!(
            "<p class=\"aio-fallback-title\"><strong>Output</strong> of <code>python3 {filename}</code>, \
             as the book's asyncio engine predicts it (last line at {last_line_at:.2} s{status}):</p>\
             <pre class=\"aio-fallback-output\">{output}</pre>{stopped}{lanes}",
            filename = escape(filename),
            lanes = lanes_chart(&run.timeline),
        ),
    };
    format!(
        "<div class=\"aio-widget\" data-aio-widget=\"{ASYNCIO_EXAMPLE}\" data-aio-props=\"{props}\">\
         <div class=\"aio-fallback\">\
         {code}{open}\
         {transcript}{close}{steps}\
         </div></div>",
        steps = if stepper {
            steps_table(source, filename)
        } else {
            String::new()
        },
        props = escape(&props),
        code = code_block(source),
    )
}

/// The program as the editor first shows it: with its timing helpers folded into a `<details>`
/// whose summary says what they are (open it to read them; they print either way).
fn code_block(source: &str) -> String {
    let block = |text: &str| {
        format!(
            "<pre><code class=\"language-python hljs nohighlight\">{}</code></pre>",
            highlighted(text)
        )
    };
    match fold::timing_helpers(source) {
        None => block(source),
        Some(folded) => format!(
            "<div class=\"aio-fallback-code\">{}<details class=\"aio-fallback-fold\"><summary>{}</summary>{}</details>{}</div>",
            block(&source[..folded.range.start]),
            escape(&folded.label()),
            block(&source[folded.range.clone()]),
            block(&source[folded.range.end..]),
        ),
    }
}

/// Text drawn by the stylesheet from a `data-aio-text` attribute instead of written as text, so
/// that mdBook's search index (which reads every text node of a chapter, and no attribute) does
/// not take a program's output or a table of numbers for prose. Screen readers read it, and it
/// prints.
fn out_of_search(text: &str) -> String {
    format!(" data-aio-text=\"{}\"", escape(text).replace('\n', "&#10;"))
}

/// A table cell (`td`, or `th` with `scope`) whose text stays out of the search index.
fn cell(tag: &str, text: &str) -> String {
    let scope = if tag == "th" { " scope=\"col\"" } else { "" };
    format!("<{tag}{scope}{}></{tag}>", out_of_search(text))
}

/// The code with highlight.js's classes, so that it is coloured by the theme even without
/// JavaScript (the same highlighter the widget uses).
fn highlighted(source: &str) -> String {
    let mut html = String::with_capacity(source.len() * 2);
    for (class, text) in aio_core::highlight::highlight(source) {
        let text = escape(text).replace('\n', "&#10;");
        match class {
            Some(class) => {
                let _ = write!(html, "<span class=\"{class}\">{text}</span>");
            }
            None => html.push_str(&text),
        }
    }
    html
}

/// Lanes the static fallback draws (the other tasks are counted).
const FALLBACK_LANES: usize = 12;

/// Spans a lane of the static fallback keeps (a long lane is drawn at a coarser grain).
const FALLBACK_SPANS: usize = 60;

/// The tasks of a run, one lane each, as SVG and as a table (the chart's text alternative): the
/// first [`FALLBACK_LANES`] tasks, and how many more there are.
fn lanes_chart(timeline: &Timeline) -> String {
    let lanes = &timeline.lanes[..timeline.lanes.len().min(FALLBACK_LANES)];
    if lanes.is_empty() {
        return String::new();
    }
    let more = timeline.task_count() - lanes.len();
    let end = timeline.total.max(1e-9);
    let scale = CHART_WIDTH / end;
    let height = lanes.len() as f64 * ROW_HEIGHT + AXIS_HEIGHT;
    let width = LABEL_WIDTH + CHART_WIDTH + 20.0;
    let mut svg = format!(
        "<svg class=\"aio-fallback-chart\" role=\"img\" viewBox=\"0 0 {width} {height}\" \
         aria-label=\"Predicted timeline of the program's tasks, {count} lanes over {end:.2} seconds\">",
        count = lanes.len(),
    );
    let mut table = format!(
        "<table class=\"aio-fallback-table\"><caption{}></caption><thead><tr>{}{}{}{}{}</tr></thead><tbody>",
        out_of_search("The program's tasks, as the engine predicts them"),
        cell("th", "Task"),
        cell("th", "Coroutine"),
        cell("th", "Created (s)"),
        cell("th", "Ends (s)"),
        cell("th", "How"),
    );
    for (row, lane) in lanes.iter().enumerate() {
        let y = row as f64 * ROW_HEIGHT;
        push_row_label(&mut svg, row, &escape(&lane.name));
        let mut spans = lane.spans.clone();
        timeline::coarsen(&mut spans, FALLBACK_SPANS);
        for span in &spans {
            let class = match &span.kind {
                SpanKind::Running | SpanKind::Blocked { .. } => "aio-chart-bar",
                SpanKind::Waiting { .. } => "aio-chart-wait",
            };
            let _ = write!(
                svg,
                "<rect class=\"{class}\" x=\"{x:.1}\" y=\"{bar_y}\" width=\"{bar_width:.1}\" height=\"{bar_height}\"/>",
                x = LABEL_WIDTH + span.start * scale,
                bar_y = y + 4.0,
                bar_width = ((span.end - span.start) * scale).max(1.5),
                bar_height = ROW_HEIGHT - 8.0,
            );
        }
        let how = match &lane.end {
            LaneEnd::Finished => "finished".to_owned(),
            LaneEnd::Cancelled => "cancelled".to_owned(),
            LaneEnd::Failed(error) => format!("failed: {error}"),
            LaneEnd::Pending => "still pending".to_owned(),
        };
        let _ = write!(
            table,
            "<tr>{}{}{}{}{}</tr>",
            cell("td", &lane.name),
            cell("td", &lane.coro),
            cell("td", &format!("{:.2}", lane.created)),
            cell("td", &format!("{:.2}", lane.end_time)),
            cell("td", &how),
        );
    }
    push_axis_and_close(&mut svg, lanes.len(), end);
    table.push_str("</tbody></table>");
    let more = if more > 0 {
        format!(
            "<p class=\"aio-fallback-note\">… and {} more tasks, not drawn.</p>",
            thousands(more as u64)
        )
    } else {
        String::new()
    };
    svg + &more + &table
}

/// The placeholder for the comparison lab: a table of each model's total, computed at build time
/// by the same code as the widget, and the models' costs. No chart: the widget draws those.
pub fn compare_lab(workload: &Workload) -> String {
    let json = serde_json::to_string(workload).expect("a workload always serialises");
    let outcomes = compare::compare(workload);
    let winners = compare::winners(&outcomes);
    let sequential = outcomes[0].total;
    let mut html = format!(
        "<div class=\"aio-widget\" data-aio-widget=\"{COMPARE_LAB}\" data-aio-props=\"{}\">\
         <div class=\"aio-fallback\">\
         <p class=\"aio-fallback-note\">{jobs} jobs, each waiting {io} s for I/O and then \
         computing for {cpu} s; pools of {workers} workers; {cores} cores. With JavaScript on, \
         you can change these numbers and see each model's timeline.</p>\
         <table class=\"aio-fallback-table\"><caption{caption}></caption>\
         <thead><tr>{h1}{h2}{h3}{h4}{h5}</tr></thead><tbody>",
        escape(&json),
        caption = out_of_search("Total time for each model"),
        h1 = cell("th", "Model"),
        h2 = cell("th", "Total (s)"),
        h3 = cell("th", "Compared with sequential"),
        h4 = cell("th", "Cost to create"),
        h5 = cell("th", "Uses several cores"),
        jobs = workload.jobs,
        io = lab::python_seconds(workload.io),
        cpu = lab::python_seconds(workload.cpu),
        workers = workload.workers,
        cores = workload.cores,
    );
    for outcome in &outcomes {
        let costs = outcome.model.costs();
        let best = if winners.contains(&outcome.model) {
            " (fastest)"
        } else {
            ""
        };
        let _ = write!(
            html,
            "<tr data-model=\"{key}\">{}{}{}{}{}</tr>",
            cell("td", &format!("{}{best}", outcome.model.label())),
            cell("td", &format!("{:.3}", outcome.total)),
            cell(
                "td",
                &compare::against_sequential(sequential, outcome.total, outcome.model)
            ),
            cell("td", costs.create),
            cell("td", costs.parallel),
            key = outcome.model.key(),
        );
    }
    html.push_str("</tbody></table></div></div>");
    html
}

/// Escapes text for HTML content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}
