//! The HTML a directive becomes: a placeholder that the widget mounts into, holding a static
//! fallback computed at build time, so that a reader without JavaScript, and mdBook's print view,
//! still see the code and the predicted timeline.
//!
//! Everything is written on one line: Markdown ends an HTML block at the first blank line, and
//! the Python code has blank lines, so newlines inside `<pre>` are written as `&#10;`.

use std::fmt::Write;

use aio_core::lab::{self, LabProps, Prediction, Strategy, View};
use aio_core::words::InWords;

use aio_core::engine::{Outcome, Stream};
use aio_core::example::ExampleProps;
use aio_core::exercise::PredictKind;
use aio_core::fold;
use aio_core::i18n::{Lang, Msg, semicolon_list};
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

/// Seconds as the fallbacks write them next to a number ("0.25 s"), in `lang`.
fn seconds(lang: Lang, value: &str) -> String {
    Msg::Seconds.fill(lang, &[("seconds", &value)])
}

/// The placeholder for a timeline lab, with its fallback inside, in `lang`.
pub fn timeline_lab(props: &LabProps, lang: Lang) -> String {
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
         <p class=\"aio-fallback-note\">{}</p>",
        escape(&json),
        escape(Msg::FallbackLabNote.text(lang)),
    );
    for prediction in &predictions {
        push_strategy(&mut html, props, prediction, axis_end, lang);
    }
    html.push_str("</div></div>");
    html
}

fn push_strategy(
    html: &mut String,
    props: &LabProps,
    prediction: &Prediction,
    axis_end: f64,
    lang: Lang,
) {
    let strategy = prediction.strategy;
    let code = lab::python_code(strategy, &props.tasks);
    // The label is set in bold where the language puts it in the sentence; the messages hold no
    // HTML, and what fills them is escaped.
    let title = Msg::FallbackStrategyTitle.fill(
        lang,
        &[
            (
                "label",
                &format!("<strong>{}</strong>", escape(strategy.label(lang))),
            ),
            ("total", &format!("{:.2}", prediction.total)),
        ],
    );
    let _ = write!(
        html,
        "<div class=\"aio-fallback-strategy\" data-strategy=\"{key}\">\
         <p class=\"aio-fallback-title\">{title}</p>\
         <pre><code class=\"language-python\">{code}</code></pre>",
        key = strategy.key(),
        code = escape(&code).replace('\n', "&#10;"),
    );
    push_chart(html, props, prediction, axis_end, lang);
    push_table(html, props, prediction, lang);
    html.push_str("</div>");
}

/// An SVG bar chart of the predicted spans on an axis shared by every strategy of the lab.
fn push_chart(
    html: &mut String,
    props: &LabProps,
    prediction: &Prediction,
    axis_end: f64,
    lang: Lang,
) {
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
         aria-label=\"{label}\">",
        label = escape(&Msg::FallbackLabChartLabel.fill(
            lang,
            &[
                ("label", &prediction.strategy.label(lang)),
                ("total", &format!("{:.2}", prediction.total)),
            ],
        )),
    );
    for (row, span) in prediction.spans.iter().enumerate() {
        let y = row as f64 * ROW_HEIGHT;
        let x = LABEL_WIDTH + span.start * scale;
        // A zero-length task still gets a sliver, so it stays visible.
        let bar_width = ((span.end - span.start) * scale).max(2.0);
        let name = &props.tasks[span.task].name;
        push_row_label(html, row, &escape(name));
        let title = Msg::FallbackLabBarTitle.fill(
            lang,
            &[
                ("name", name),
                ("start", &format!("{:.2}", span.start)),
                ("end", &format!("{:.2}", span.end)),
            ],
        );
        let _ = write!(
            html,
            "<rect class=\"aio-chart-bar\" x=\"{x:.1}\" y=\"{bar_y}\" width=\"{bar_width:.1}\" height=\"{bar_height}\" rx=\"3\">\
             <title>{title}</title></rect>",
            bar_y = y + 4.0,
            bar_height = ROW_HEIGHT - 8.0,
            title = escape(&title),
        );
    }
    push_axis_and_close(html, prediction.spans.len(), axis_end, lang);
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
fn push_axis_and_close(svg: &mut String, rows: usize, axis_end: f64, lang: Lang) {
    let axis_y = rows as f64 * ROW_HEIGHT + 4.0;
    let _ = write!(
        svg,
        "<line class=\"aio-chart-axis\" x1=\"{LABEL_WIDTH}\" y1=\"{axis_y}\" x2=\"{x2}\" y2=\"{axis_y}\"/>\
         <text class=\"aio-chart-tick\" x=\"{LABEL_WIDTH}\" y=\"{tick_y}\">{zero}</text>\
         <text class=\"aio-chart-tick\" x=\"{x2}\" y=\"{tick_y}\" text-anchor=\"end\">{end}</text></svg>",
        x2 = LABEL_WIDTH + CHART_WIDTH,
        tick_y = axis_y + 15.0,
        zero = escape(&seconds(lang, "0")),
        end = escape(&seconds(lang, &format!("{axis_end:.2}"))),
    );
}

/// The same spans as a table: the chart's text alternative.
fn push_table(html: &mut String, props: &LabProps, prediction: &Prediction, lang: Lang) {
    let _ = write!(
        html,
        "<table class=\"aio-fallback-table\"><caption{}></caption><thead><tr>{}{}{}</tr></thead><tbody>",
        out_of_search(
            &Msg::FallbackLabCaption.fill(lang, &[("label", &prediction.strategy.label(lang))])
        ),
        cell("th", Msg::FallbackColTask.text(lang)),
        cell("th", Msg::FallbackColStarts.text(lang)),
        cell("th", Msg::FallbackColEnds.text(lang)),
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
/// plain sight. Its words are in `lang`.
pub fn example(id: &str, source: &str, predict: Option<PredictKind>, lang: Lang) -> String {
    example_with(id, source, predict, false, lang)
}

/// The placeholder for the event-loop stepper (`{{#loop-stepper PATH}}`): the runnable example
/// with its step-through view open, and as fallback, after the code and output, the first steps
/// as a table (what ran, the ready queue, the timers, in words in `lang`).
pub fn loop_stepper(id: &str, source: &str, lang: Lang) -> String {
    example_with(id, source, None, true, lang)
}

/// How many steps the stepper's static fallback lists.
const FALLBACK_STEPS: usize = 12;

fn steps_table(source: &str, filename: &str, lang: Lang) -> String {
    let stepper = aio_core::stepper::step_through(source, filename, lang);
    let mut table = format!(
        "<table class=\"aio-fallback-table aio-fallback-steps\"><caption{}></caption>\
         <thead><tr>{}{}{}{}{}</tr></thead><tbody>",
        out_of_search(Msg::FallbackStepsCaption.text(lang)),
        cell("th", Msg::FallbackColStep.text(lang)),
        cell("th", Msg::FallbackColClock.text(lang)),
        cell("th", Msg::FallbackColWhatHappens.text(lang)),
        cell("th", Msg::FallbackColReadyAfter.text(lang)),
        cell("th", Msg::FallbackColTimersAfter.text(lang)),
    );
    let labels = |entries: &[aio_core::trace::QueueEntry]| {
        if entries.is_empty() {
            Msg::FallbackEmpty.text(lang).to_owned()
        } else {
            let labels: Vec<String> = entries.iter().map(|e| e.label.text(lang)).collect();
            semicolon_list(lang, &labels)
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
            "<p class=\"aio-fallback-note\">{}</p>",
            escape(&Msg::FallbackFirstSteps.fill(
                lang,
                &[("shown", &FALLBACK_STEPS), ("steps", &stepper.steps.len())]
            ))
        );
    }
    table
}

fn example_with(
    id: &str,
    source: &str,
    predict: Option<PredictKind>,
    stepper: bool,
    lang: Lang,
) -> String {
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
                    let more = Msg::ExampleOutputCut
                        .fill(lang, &[("count", &thousands(line.cut_chars as u64))]);
                    let _ = write!(text, " {more}");
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
                    out_of_search(&format!(
                        "{}\n",
                        Msg::ExampleOutputOmitted
                            .fill(lang, &[("lines", &lines_in_words(count, lang))])
                    ))
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
                escape(&stopped_message(stopped, true, lang))
            )
        })
        .unwrap_or_default();
    let (open, close) = match predict {
        None => (String::new(), ""),
        Some(kind) => {
            let question = match kind {
                PredictKind::Total => Msg::FallbackPredictTotal,
                PredictKind::Order => Msg::FallbackPredictOrder,
                PredictKind::Both => Msg::FallbackPredictBoth,
            };
            (
                format!(
                    "<p class=\"aio-fallback-note\"><strong>{lead}</strong> {question}</p>\
                     <details class=\"aio-fallback-answer\"><summary>{show}</summary>",
                    lead = escape(Msg::FallbackPredictLead.text(lang)),
                    question = escape(question.text(lang)),
                    show = escape(Msg::FallbackShowAnswer.text(lang)),
                ),
                "</details>",
            )
        }
    };
    // The exit status, said only when it is not 0.
    let status = match &run.outcome {
        Some(Outcome::Exited { status: 0 }) => None,
        Some(outcome) => Some(outcome.exit_status()),
        None => Some(1),
    };
    let transcript = match &run.syntax_error {
        Some(error) => format!(
            "<pre class=\"aio-fallback-output\"><span class=\"aio-fallback-stderr\"{}></span></pre>",
            out_of_search(error)
        ),
        None => {
            // The title's pieces are HTML, set where the language puts them in the sentence; the
            // messages hold no HTML, and what fills them is escaped.
            let output_word = format!(
                "<strong>{}</strong>",
                escape(Msg::FallbackOutput.text(lang))
            );
            let command = format!("<code>python3 {}</code>", escape(filename));
            let time = format!("{last_line_at:.2}");
            let title = match status {
                None => Msg::FallbackOutputTitle.fill(
                    lang,
                    &[
                        ("output", &output_word),
                        ("command", &command),
                        ("time", &time),
                    ],
                ),
                Some(status) => Msg::FallbackOutputTitleStatus.fill(
                    lang,
                    &[
                        ("output", &output_word),
                        ("command", &command),
                        ("time", &time),
                        ("status", &status),
                    ],
                ),
            };
            format!(
                "<p class=\"aio-fallback-title\">{title}</p>\
                 <pre class=\"aio-fallback-output\">{output}</pre>{stopped}{lanes}",
                lanes = lanes_chart(&run.timeline, lang),
            )
        }
    };
    format!(
        "<div class=\"aio-widget\" data-aio-widget=\"{ASYNCIO_EXAMPLE}\" data-aio-props=\"{props}\">\
         <div class=\"aio-fallback\">\
         {code}{open}\
         {transcript}{close}{steps}\
         </div></div>",
        steps = if stepper {
            steps_table(source, filename, lang)
        } else {
            String::new()
        },
        props = escape(&props),
        code = code_block(source, lang),
    )
}

/// The program as the editor first shows it: with its timing helpers folded into a `<details>`
/// whose summary says what they are, in `lang` (open it to read them; they print either way).
fn code_block(source: &str, lang: Lang) -> String {
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
            escape(&folded.label(lang)),
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
/// first [`FALLBACK_LANES`] tasks, and how many more there are, in `lang`.
fn lanes_chart(timeline: &Timeline, lang: Lang) -> String {
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
         aria-label=\"{label}\">",
        label = escape(&Msg::FallbackLanesLabel.fill(
            lang,
            &[("lanes", &lanes.len()), ("total", &format!("{end:.2}"))]
        )),
    );
    let mut table = format!(
        "<table class=\"aio-fallback-table\"><caption{}></caption><thead><tr>{}{}{}{}{}</tr></thead><tbody>",
        out_of_search(Msg::FallbackLanesCaption.text(lang)),
        cell("th", Msg::FallbackColTask.text(lang)),
        cell("th", Msg::FallbackColCoroutine.text(lang)),
        cell("th", Msg::FallbackColCreated.text(lang)),
        cell("th", Msg::FallbackColEnds.text(lang)),
        cell("th", Msg::FallbackColHow.text(lang)),
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
            LaneEnd::Finished => Msg::FallbackLaneFinished.text(lang).to_owned(),
            LaneEnd::Cancelled => Msg::FallbackLaneCancelled.text(lang).to_owned(),
            LaneEnd::Failed(error) => Msg::FallbackLaneFailed.fill(lang, &[("exception", error)]),
            LaneEnd::Pending => Msg::FallbackLanePending.text(lang).to_owned(),
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
    push_axis_and_close(&mut svg, lanes.len(), end, lang);
    table.push_str("</tbody></table>");
    let more = if more > 0 {
        format!(
            "<p class=\"aio-fallback-note\">{}</p>",
            escape(&Msg::TimelineMoreTasks.fill(lang, &[("n", &thousands(more as u64))]))
        )
    } else {
        String::new()
    };
    svg + &more + &table
}

/// The placeholder for the comparison lab: a table of each model's total, computed at build time
/// by the same code as the widget, and the models' costs, in `lang`. No chart: the widget draws
/// those.
pub fn compare_lab(workload: &Workload, lang: Lang) -> String {
    let json = serde_json::to_string(workload).expect("a workload always serialises");
    let outcomes = compare::compare(workload, lang);
    let winners = compare::winners(&outcomes);
    let sequential = outcomes[0].total;
    let note = Msg::FallbackCompareNote.fill(
        lang,
        &[
            ("jobs", &workload.jobs),
            ("io", &lab::python_seconds(workload.io)),
            ("cpu", &lab::python_seconds(workload.cpu)),
            ("workers", &workload.workers),
            ("cores", &workload.cores),
        ],
    );
    let mut html = format!(
        "<div class=\"aio-widget\" data-aio-widget=\"{COMPARE_LAB}\" data-aio-props=\"{}\">\
         <div class=\"aio-fallback\">\
         <p class=\"aio-fallback-note\">{note}</p>\
         <table class=\"aio-fallback-table\"><caption{caption}></caption>\
         <thead><tr>{h1}{h2}{h3}{h4}{h5}</tr></thead><tbody>",
        escape(&json),
        note = escape(&note),
        caption = out_of_search(Msg::FallbackCompareCaption.text(lang)),
        h1 = cell("th", Msg::CompareColModel.text(lang)),
        h2 = cell("th", Msg::CompareColTotal.text(lang)),
        h3 = cell("th", Msg::CompareColVersus.text(lang)),
        h4 = cell("th", Msg::CompareCostCreate.text(lang)),
        h5 = cell("th", Msg::FallbackColSeveralCores.text(lang)),
    );
    for outcome in &outcomes {
        let costs = outcome.model.costs(lang);
        let model = outcome.model.label(lang);
        let model = if winners.contains(&outcome.model) {
            Msg::CompareModelFastest.fill(lang, &[("model", &model)])
        } else {
            model.to_owned()
        };
        let _ = write!(
            html,
            "<tr data-model=\"{key}\">{}{}{}{}{}</tr>",
            cell("td", &model),
            cell("td", &format!("{:.3}", outcome.total)),
            cell(
                "td",
                &compare::against_sequential(sequential, outcome.total, outcome.model, lang)
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
