//! One model of the comparison lab: its total, its timeline (SVG, with a table as its text
//! alternative), its costs as in the chapter's tables, and its Python program.

use aio_core::compare::{Activity, Lane, LaneKind, Model, Outcome, Segment, Workload};
use aio_core::compare::{against_sequential, python_code};
use aio_core::i18n::Msg;
use yew::prelude::*;

use crate::services::{page_lang, tr, trf};

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

/// Seconds as the panel writes them next to a number ("1.000 s").
fn seconds(value: &str) -> String {
    trf(Msg::Seconds, &[("seconds", &value)])
}

/// What a segment means, in words (the chart's tooltips and the table).
fn describe(lane: &Lane, segment: &Segment) -> String {
    // Every segment that waits, is ready or computes belongs to a job.
    let job = segment
        .job
        .map(|job| trf(Msg::CompareJob, &[("n", &job)]))
        .unwrap_or_default();
    let percent = (segment.share * 100.0).round();
    let doing = |msg: Msg| trf(msg, &[("job", &job), ("percent", &percent)]);
    match (lane.kind, segment.activity) {
        (LaneKind::Gil, _) => {
            let holders = (1.0 / segment.share).round() as usize;
            if holders <= 1 {
                tr(Msg::CompareGilOne).to_owned()
            } else {
                trf(Msg::CompareGilTurns, &[("n", &holders)])
            }
        }
        (_, Activity::Start) => tr(Msg::CompareStarting).to_owned(),
        (_, Activity::Wait) => doing(Msg::CompareWaits),
        (_, Activity::Ready) => doing(Msg::CompareReady),
        (_, Activity::Compute) if segment.share < 0.999 => doing(Msg::CompareComputesShared),
        (_, Activity::Compute) => doing(Msg::CompareComputes),
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
    let lang = page_lang();
    let costs = model.costs(lang);
    let label = model.label(lang);
    let width = if narrow { NARROW_WIDTH } else { WIDTH };
    let scale = if props.axis_seconds > 0.0 {
        (width - LABEL - 10.0) / props.axis_seconds
    } else {
        0.0
    };
    let height = outcome.lanes.len() as f64 * ROW + AXIS;
    let versus = against_sequential(props.sequential, outcome.total, model, lang);
    let chart_label = trf(
        Msg::CompareChartLabel,
        &[
            ("model", &label),
            ("lanes", &outcome.lanes.len()),
            ("total", &format!("{:.3}", outcome.total)),
        ],
    );
    let note = match model {
        Model::Asyncio => Some(Msg::CompareNoteAsyncio),
        Model::Sequential => Some(Msg::CompareNoteSequential),
        Model::Threads => Some(Msg::CompareNoteThreads),
        Model::Processes => None,
    }
    .map(tr);
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
                    <title>{ trf(Msg::CompareBarTitle, &[
                        ("lane", &lane.label),
                        ("what", &describe(lane, segment)),
                        ("start", &format!("{:.3}", segment.start)),
                        ("end", &format!("{:.3}", segment.end)),
                    ]) }</title>
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
                 aria-label={label}>
            <div class="aio-panel__head">
                <h4 class="aio-panel__title">{ label }</h4>
                <p class="aio-compare__total" data-testid={format!("compare-total-{key}")}>
                    <strong>{ seconds(&format!("{:.3}", outcome.total)) }</strong>
                    { format!(" · {versus}") }
                    if props.fastest {
                        <span class="aio-compare__badge">{ format!(" {}", tr(Msg::CompareFastest)) }</span>
                    }
                </p>
            </div>
            if let Some(note) = note { <p class="aio-compare__note">{ note }</p> }
            <svg class="aio-cmp-chart" role="img" aria-label={chart_label}
                 viewBox={format!("0 0 {width} {height}")}>
                { for bars }
                <line class="aio-chart-axis" x1={LABEL.to_string()} y1={format!("{axis_y}")}
                      x2={format!("{}", width - 10.0)} y2={format!("{axis_y}")} />
                <text class="aio-chart-tick" x={LABEL.to_string()} y={format!("{}", axis_y + 13.0)}>{ seconds("0") }</text>
                <text class="aio-chart-tick" x={format!("{}", width - 10.0)} y={format!("{}", axis_y + 13.0)} text-anchor="end">
                    { seconds(&format!("{:.3}", props.axis_seconds)) }
                </text>
            </svg>
            <dl class="aio-compare__costs">
                <div><dt>{ tr(Msg::CompareCostCreate) }</dt><dd>{ costs.create }</dd></div>
                <div><dt>{ tr(Msg::CompareCostSwitch) }</dt><dd>{ costs.switch }</dd></div>
                <div><dt>{ tr(Msg::CompareCostMemory) }</dt><dd>{ costs.memory }</dd></div>
                <div><dt>{ tr(Msg::CompareCostCores) }</dt><dd>{ costs.parallel }</dd></div>
            </dl>
            <details class="aio-compare__details">
                <summary>{ tr(Msg::CompareTableSummary) }</summary>
                <div class="aio-table-wrap">
                    <table class="aio-table" data-testid={format!("compare-table-{key}")}>
                        <caption>{ trf(Msg::CompareTableCaption, &[("model", &label)]) }</caption>
                        <thead><tr>
                            <th scope="col">{ tr(Msg::CompareColLane) }</th><th scope="col">{ tr(Msg::CompareColWhat) }</th>
                            <th scope="col">{ tr(Msg::CompareColFrom) }</th><th scope="col">{ tr(Msg::CompareColTo) }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            </details>
            <details class="aio-compare__details">
                <summary>{ tr(match model {
                    Model::Sequential | Model::Asyncio => Msg::CompareProgramEngine,
                    Model::Threads | Model::Processes => Msg::CompareProgramSimulated,
                }) }</summary>
                // Focusable: it may scroll sideways, and keyboard users must be able to.
                <pre class="aio-code" tabindex="0" role="region"
                    aria-label={trf(Msg::CompareCodeLabel, &[("model", &label)])} data-testid={format!("compare-code-{key}")}><code>{ python_code(model, &props.workload) }</code></pre>
            </details>
        </section>
    }
}
