//! One model of the comparison lab: its total, its timeline (SVG, with a table as its text
//! alternative), its costs as in the chapter's tables, and its Python program.

use aio_core::compare::{Activity, Lane, LaneKind, Model, Outcome, Segment, Workload};
use aio_core::compare::{against_sequential, python_code};
use yew::prelude::*;

/// Props of [`CompareModel`].
#[derive(Debug, PartialEq, Properties)]
pub struct CompareModelProps {
    /// This model's outcome.
    pub outcome: Outcome,
    /// The workload it ran.
    pub workload: Workload,
    /// The sequential total, the baseline.
    pub sequential: f64,
    /// Whether this model is (one of) the fastest.
    pub fastest: bool,
    /// The seconds the shared time axis spans (the slowest model's total).
    pub axis_seconds: f64,
}

/// SVG geometry, in user units (the drawing scales to the page: on a phone, narrower
/// coordinates keep its text readable).
const WIDTH: f64 = 640.0;
const NARROW_WIDTH: f64 = 330.0;
const LABEL: f64 = 76.0;
const ROW: f64 = 20.0;
const AXIS: f64 = 18.0;

/// What a segment means, in words (the chart's tooltips and the table).
fn describe(lane: &Lane, segment: &Segment) -> String {
    let job = segment
        .job
        .map(|job| format!("job {job} "))
        .unwrap_or_default();
    let percent = (segment.share * 100.0).round();
    match (lane.kind, segment.activity) {
        (LaneKind::Gil, _) => {
            let holders = (1.0 / segment.share).round() as usize;
            if holders <= 1 {
                "held by one thread".to_owned()
            } else {
                format!("{holders} threads take turns, 5 ms each")
            }
        }
        (_, Activity::Start) => "starting".to_owned(),
        (_, Activity::Wait) => format!("{job}waits for I/O"),
        (_, Activity::Ready) => format!("{job}is ready, but another job holds the thread"),
        (_, Activity::Compute) if segment.share < 0.999 => {
            format!("{job}computes at {percent}% speed (shares the CPU)")
        }
        (_, Activity::Compute) => format!("{job}computes"),
    }
}

/// The model's panel.
#[component]
pub fn CompareModel(props: &CompareModelProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let narrow = crate::hooks::use_narrow_screen();
    let outcome = &props.outcome;
    let model = outcome.model;
    let key = model.key();
    let costs = model.costs();
    let width = if narrow { NARROW_WIDTH } else { WIDTH };
    let scale = if props.axis_seconds > 0.0 {
        (width - LABEL - 10.0) / props.axis_seconds
    } else {
        0.0
    };
    let height = outcome.lanes.len() as f64 * ROW + AXIS;
    let versus = against_sequential(props.sequential, outcome.total, model);
    let chart_label = format!(
        "Timeline of {}: {} lanes, total {:.3} s",
        model.label(),
        outcome.lanes.len(),
        outcome.total
    );
    let note = match model {
        Model::Asyncio => Some("asyncio starts every job as a task: the pool size does not apply."),
        Model::Sequential => {
            Some("One job after the other: the pool size and the cores do not apply.")
        }
        Model::Threads => {
            Some("The cores do not help: only the thread holding the GIL runs Python.")
        }
        Model::Processes => None,
    };
    let bars = outcome.lanes.iter().enumerate().map(|(row, lane)| {
        let y = row as f64 * ROW;
        let segments = lane.segments.iter().map(|segment| {
            let class = match (lane.kind, segment.activity) {
                (LaneKind::Gil, _) => "aio-cmp-bar aio-cmp-bar--gil",
                (_, Activity::Start) => "aio-cmp-bar aio-cmp-bar--start",
                (_, Activity::Wait) => "aio-cmp-bar aio-cmp-bar--wait",
                (_, Activity::Ready) => "aio-cmp-bar aio-cmp-bar--ready",
                (_, Activity::Compute) => "aio-cmp-bar aio-cmp-bar--compute",
            };
            // A shared CPU is drawn paler: the job gets only that share of it.
            let opacity = (segment.activity == Activity::Compute && lane.kind != LaneKind::Gil)
                .then(|| format!("{:.2}", 0.3 + 0.7 * segment.share));
            html! {
                <rect class={class}
                    x={format!("{:.1}", LABEL + segment.start * scale)}
                    y={format!("{:.1}", y + 4.0)}
                    width={format!("{:.1}", ((segment.end - segment.start) * scale).max(1.0))}
                    height={format!("{:.1}", ROW - 8.0)}
                    fill-opacity={opacity}>
                    <title>{ format!("{}: {}, {:.3}–{:.3} s", lane.label, describe(lane, segment), segment.start, segment.end) }</title>
                </rect>
            }
        });
        html! {
            <g>
                <text class="aio-cmp-label" x={format!("{}", LABEL - 6.0)} y={format!("{:.1}", y + ROW * 0.68)} text-anchor="end">{ lane.label.clone() }</text>
                { for segments }
            </g>
        }
    });
    let axis_y = outcome.lanes.len() as f64 * ROW + 3.0;
    let rows = outcome.lanes.iter().flat_map(|lane| {
        lane.segments.iter().map(move |segment| {
            html! {
                <tr>
                    <th scope="row">{ lane.label.clone() }</th>
                    <td>{ describe(lane, segment) }</td>
                    <td>{ format!("{:.3}", segment.start) }</td>
                    <td>{ format!("{:.3}", segment.end) }</td>
                </tr>
            }
        })
    });

    html! {
        <section class={classes!("aio-compare__model", props.fastest.then_some("aio-compare__model--fastest"))}
                 data-testid={format!("compare-model-{key}")}
                 data-total={format!("{:.4}", outcome.total)}
                 aria-label={model.label()}>
            <div class="aio-panel__head">
                <h4 class="aio-panel__title">{ model.label() }</h4>
                <p class="aio-compare__total" data-testid={format!("compare-total-{key}")}>
                    <strong>{ format!("{:.3} s", outcome.total) }</strong>
                    { format!(" · {versus}") }
                    if props.fastest { <span class="aio-compare__badge">{ " fastest" }</span> }
                </p>
            </div>
            if let Some(note) = note { <p class="aio-compare__note">{ note }</p> }
            <svg class="aio-cmp-chart" role="img" aria-label={chart_label}
                 viewBox={format!("0 0 {width} {height}")}>
                { for bars }
                <line class="aio-chart-axis" x1={LABEL.to_string()} y1={format!("{axis_y}")}
                      x2={format!("{}", width - 10.0)} y2={format!("{axis_y}")} />
                <text class="aio-chart-tick" x={LABEL.to_string()} y={format!("{}", axis_y + 13.0)}>{ "0 s" }</text>
                <text class="aio-chart-tick" x={format!("{}", width - 10.0)} y={format!("{}", axis_y + 13.0)} text-anchor="end">
                    { format!("{:.3} s", props.axis_seconds) }
                </text>
            </svg>
            <dl class="aio-compare__costs">
                <div><dt>{ "Cost to create" }</dt><dd>{ costs.create }</dd></div>
                <div><dt>{ "Cost to switch" }</dt><dd>{ costs.switch }</dd></div>
                <div><dt>{ "Memory" }</dt><dd>{ costs.memory }</dd></div>
                <div><dt>{ "Several cores" }</dt><dd>{ costs.parallel }</dd></div>
            </dl>
            <details class="aio-compare__details">
                <summary>{ "Timeline as a table" }</summary>
                <div class="aio-table-wrap">
                    <table class="aio-table" data-testid={format!("compare-table-{key}")}>
                        <caption>{ format!("Timeline of {}", model.label()) }</caption>
                        <thead><tr>
                            <th scope="col">{ "Lane" }</th><th scope="col">{ "What happens" }</th>
                            <th scope="col">{ "From (s)" }</th><th scope="col">{ "To (s)" }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            </details>
            <details class="aio-compare__details">
                <summary>{ match model {
                    Model::Sequential | Model::Asyncio => "The program (the book's engine runs it)",
                    Model::Threads | Model::Processes => "The equivalent program (simulated here)",
                } }</summary>
                // Focusable: it may scroll sideways, and keyboard users must be able to.
                <pre class="aio-code" tabindex="0" role="region"
                    aria-label={format!("{}: the program", model.label())} data-testid={format!("compare-code-{key}")}><code>{ python_code(model, &props.workload) }</code></pre>
            </details>
        </section>
    }
}
