//! The example's timeline: one lane per task with its running steps, its waits and how it ended,
//! the measured run over the prediction's ghost, and a table as its text alternative.

use aio_core::i18n::Msg;
use aio_core::timeline::{Lane, LaneEnd, LaneSpan, SpanKind, Timeline};
use yew::prelude::*;

use crate::example_state::thousands;
use crate::services::{page_lang, tr, trf};

/// The drawing's width in its own units: the SVG scales to the page, so on a phone a narrower
/// drawing keeps its text and bars at a readable size.
const WIDTH: f64 = 640.0;
const NARROW_WIDTH: f64 = 360.0;
const LABEL: f64 = 96.0;
const NARROW_LABEL: f64 = 76.0;
const LANE: f64 = 26.0;

/// How the run the timeline shows ended: what a task still pending at its end means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The program ended (a task left pending was never awaited to its end).
    Program,
    /// The prediction reached its horizon: the program was still running.
    Horizon,
    /// The reader pressed Stop.
    StoppedByReader,
    /// The engine stopped the real run (a limit).
    StoppedByEngine,
}

/// Props of [`ExampleTimeline`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ExampleTimelineProps {
    pub predicted: Timeline,
    /// The real run's lanes, once it has ended or was stopped.
    pub measured: Option<Timeline>,
    pub ending: Ending,
}

fn seconds(value: f64) -> String {
    trf(Msg::Seconds, &[("seconds", &format!("{value:.2}"))])
}

/// What a span's task was doing, in a few words (the table's "What" column).
fn doing(kind: &SpanKind) -> String {
    match kind {
        SpanKind::Running => tr(Msg::TimelineRunning).to_owned(),
        SpanKind::Blocked { seconds } => trf(Msg::TimelineBlockedIn, &[("seconds", seconds)]),
        SpanKind::Waiting { .. } => trf(
            Msg::TimelineWaitingFor,
            &[("on", &kind.waited_for(page_lang()).unwrap_or_default())],
        ),
    }
}

/// What a span means, in words (the `<title>`, the details line and the table use it).
pub fn describe(lane: &Lane, span: &LaneSpan) -> String {
    let when = trf(
        Msg::TimelineFromTo,
        &[("start", &seconds(span.start)), ("end", &seconds(span.end))],
    );
    let name = &lane.name;
    if span.merged > 1 {
        let mostly = match &span.kind {
            SpanKind::Blocked { .. } => tr(Msg::TimelineBlocked).to_owned(),
            kind => doing(kind),
        };
        return trf(
            Msg::TimelineMerged,
            &[
                ("name", name),
                ("times", &thousands(u64::from(span.merged.div_ceil(2)))),
                ("when", &when),
                ("what", &mostly),
            ],
        );
    }
    // With the line the span is about, when the trace says it.
    let (msg, line) = match (&span.kind, span.line) {
        (SpanKind::Running, None) => (Msg::TimelineRan, 0),
        (SpanKind::Running, Some(line)) => (Msg::TimelineRanAt, line),
        (SpanKind::Blocked { .. }, None) => (Msg::TimelineBlockedLoop, 0),
        (SpanKind::Blocked { .. }, Some(line)) => (Msg::TimelineBlockedLoopAt, line),
        (SpanKind::Waiting { .. }, _) => (Msg::TimelineWaited, 0),
    };
    let blocked = match &span.kind {
        SpanKind::Blocked { seconds } => *seconds,
        _ => 0.0,
    };
    let on = span.kind.waited_for(page_lang()).unwrap_or_default();
    trf(
        msg,
        &[
            ("name", name),
            ("when", &when),
            ("line", &line),
            ("seconds", &blocked),
            ("on", &on),
        ],
    )
}

/// How a lane ended, in words.
pub fn describe_end(lane: &Lane, ending: Ending) -> String {
    let at = seconds(lane.end_time);
    let msg = match &lane.end {
        LaneEnd::Finished => Msg::TimelineFinished,
        LaneEnd::Cancelled => Msg::TimelineCancelled,
        LaneEnd::Failed(_) => Msg::TimelineFailed,
        LaneEnd::Pending => match ending {
            Ending::Program => Msg::TimelinePendingAtEnd,
            Ending::Horizon => Msg::TimelinePendingAtHorizon,
            Ending::StoppedByReader => Msg::TimelinePendingStoppedByReader,
            Ending::StoppedByEngine => Msg::TimelinePendingStoppedByEngine,
        },
    };
    let exception = match &lane.end {
        LaneEnd::Failed(exception) => exception.as_str(),
        _ => "",
    };
    trf(
        msg,
        &[("name", &lane.name), ("at", &at), ("exception", &exception)],
    )
}

fn kind_class(kind: &SpanKind) -> &'static str {
    match kind {
        SpanKind::Running => "running",
        SpanKind::Blocked { .. } => "blocked",
        SpanKind::Waiting { .. } => "waiting",
    }
}

/// The lanes as an SVG plus a table.
#[component]
pub fn ExampleTimeline(props: &ExampleTimelineProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let details = use_state(|| None::<String>);
    let narrow = crate::hooks::use_narrow_screen();
    let measured = props.measured.is_some();
    let ending = if measured {
        props.ending
    } else if props.ending == Ending::Horizon {
        Ending::Horizon
    } else {
        Ending::Program
    };
    let timeline = props.measured.as_ref().unwrap_or(&props.predicted);
    let shown = &timeline.lanes;
    // A run cut short is drawn on its own length; the prediction's ghost is cut there too.
    let cut_short = measured
        && matches!(
            props.ending,
            Ending::StoppedByReader | Ending::StoppedByEngine
        );
    let axis = if cut_short {
        timeline.total
    } else {
        timeline.total.max(props.predicted.total)
    }
    .max(0.001);
    let (width, label_width) = if narrow {
        (NARROW_WIDTH, NARROW_LABEL)
    } else {
        (WIDTH, LABEL)
    };
    let x = |t: f64| label_width + t.min(axis) / axis * (width - label_width - 24.0);
    let count = shown.len();
    let height = LANE * count as f64 + 22.0;
    let tasks = timeline.task_count();
    let label = trf(
        Msg::TimelineLabel,
        &[
            (
                "tasks",
                &trf(
                    if tasks == 1 {
                        Msg::TimelineTask
                    } else {
                        Msg::TimelineTasks
                    },
                    &[("n", &thousands(tasks as u64))],
                ),
            ),
            ("total", &seconds(axis)),
            (
                "how",
                &tr(if measured {
                    Msg::TimelineMeasured
                } else {
                    Msg::TimelinePredicted
                }),
            ),
        ],
    );

    let bar = |lane: &Lane, span: &LaneSpan, y: f64, ghost: bool| {
        let text = describe(lane, span);
        let width = (x(span.end) - x(span.start)).max(1.5);
        let (top, h) = if ghost {
            (y + 16.0, 4.0)
        } else {
            (y + 3.0, 13.0)
        };
        let class = classes!(
            "aio-tl__span",
            format!("aio-tl__span--{}", kind_class(&span.kind)),
            ghost.then_some("aio-tl__span--ghost")
        );
        if ghost {
            return html! {
                <rect {class} x={x(span.start).to_string()} y={top.to_string()}
                    width={width.to_string()} height={h.to_string()}><title>{ trf(Msg::TimelineGhost, &[("span", &text)]) }</title></rect>
            };
        }
        let onfocus = {
            let details = details.clone();
            let text = text.clone();
            Callback::from(move |_: FocusEvent| details.set(Some(text.clone())))
        };
        let onmouseenter = {
            let details = details.clone();
            let text = text.clone();
            Callback::from(move |_: MouseEvent| details.set(Some(text.clone())))
        };
        html! {
            <g {class} tabindex="0" {onfocus} {onmouseenter}>
                <title>{ text }</title>
                <rect x={x(span.start).to_string()} y={top.to_string()}
                    width={width.to_string()} height={h.to_string()} rx="2" />
            </g>
        }
    };

    let lanes = shown.iter().enumerate().map(|(i, lane)| {
        let y = 4.0 + LANE * i as f64;
        let ghost = if measured {
            props.predicted.lanes.iter().find(|p| p.name == lane.name)
        } else {
            None
        };
        let (mark, mark_class) = match lane.end {
            LaneEnd::Finished => ("✓", "finished"),
            LaneEnd::Cancelled => ("⊘", "cancelled"),
            LaneEnd::Failed(_) => ("✗", "failed"),
            LaneEnd::Pending => ("…", "pending"),
        };
        html! {
            <g class="aio-tl__lane" data-lane={lane.name.clone()} data-end={mark_class}>
                <text class="aio-tl__name" x="4" y={(y + 13.0).to_string()}>{ lane.name.clone() }</text>
                { for ghost.into_iter().flat_map(|g| g.spans.iter().map(move |s| (g, s))).filter(|(_, s)| s.start < axis).map(|(g, s)| bar(g, s, y, true)) }
                { for lane.spans.iter().map(|span| bar(lane, span, y, false)) }
                <text class={format!("aio-tl__end aio-tl__end--{mark_class}")}
                    x={(x(lane.end_time) + 4.0).to_string()} y={(y + 13.0).to_string()}>
                    <title>{ describe_end(lane, ending) }</title>{ mark }
                </text>
            </g>
        }
    });
    let hidden = timeline.more_tasks;
    let as_table = trf(Msg::TimelineAsTable, &[("label", &label)]);

    html! {
        <figure class="aio-example__timeline">
            <svg
                class="aio-tl"
                data-testid="timeline"
                role="img"
                aria-label={label.clone()}
                viewBox={format!("0 0 {width} {height}")}
                preserveAspectRatio="xMinYMin meet"
            >
                { for lanes }
                <line class="aio-tl__axis" x1={label_width.to_string()} x2={x(axis).to_string()}
                    y1={(height - 16.0).to_string()} y2={(height - 16.0).to_string()} />
                <text class="aio-tl__tick" x={label_width.to_string()} y={(height - 3.0).to_string()}>{ trf(Msg::Seconds, &[("seconds", &0)]) }</text>
                <text class="aio-tl__tick" x={x(axis).to_string()} y={(height - 3.0).to_string()}
                    text-anchor="end">{ seconds(axis) }</text>
            </svg>
            <p class="aio-tl__details" aria-live="polite">
                { (*details).clone().unwrap_or_else(|| tr(Msg::TimelineHint).into()) }
            </p>
            if hidden > 0 {
                <p class="aio-example__note" data-testid="more-tasks">
                    { trf(Msg::TimelineMoreTasks, &[("n", &thousands(hidden as u64))]) }
                </p>
            }
            <details class="aio-tl__table">
                <summary>{ as_table.clone() }</summary>
                <div class="aio-tl__scroll" tabindex="0" role="region" aria-label={as_table}>
                <table>
                    <thead><tr>
                        <th>{ tr(Msg::TimelineColTask) }</th><th>{ tr(Msg::TimelineColWhat) }</th>
                        <th>{ tr(Msg::TimelineColFrom) }</th><th>{ tr(Msg::TimelineColTo) }</th>
                        <th>{ tr(Msg::TimelineColLine) }</th>
                    </tr></thead>
                    <tbody>
                        { for shown.iter().flat_map(|lane| {
                            lane.spans.iter().map(move |span| html! {
                                <tr>
                                    <td>{ lane.name.clone() }</td>
                                    <td>{ doing(&span.kind) }</td>
                                    <td>{ seconds(span.start) }</td>
                                    <td>{ seconds(span.end) }</td>
                                    <td>{ span.line.map(|l| l.to_string()).unwrap_or_default() }</td>
                                </tr>
                            }).chain(std::iter::once(html! {
                                <tr><td>{ lane.name.clone() }</td><td colspan="4">{ describe_end(lane, ending) }</td></tr>
                            }))
                        }) }
                    </tbody>
                </table>
                </div>
            </details>
        </figure>
    }
}
