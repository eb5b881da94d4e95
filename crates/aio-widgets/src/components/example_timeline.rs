//! The example's timeline: one lane per task with its running steps, its waits and how it ended,
//! the measured run over the prediction's ghost, and a table as its text alternative.

use aio_core::timeline::{Lane, LaneEnd, LaneSpan, SpanKind};
use yew::prelude::*;

/// Lanes drawn at most (a program can create thousands of tasks).
const MAX_LANES: usize = 40;
const WIDTH: f64 = 640.0;
const LABEL: f64 = 96.0;
const LANE: f64 = 26.0;

/// Props of [`ExampleTimeline`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ExampleTimelineProps {
    pub predicted: Vec<Lane>,
    /// The real run's lanes, once it has finished.
    pub measured: Option<Vec<Lane>>,
}

fn seconds(value: f64) -> String {
    format!("{value:.2} s")
}

/// What a span means, in words (the `<title>`, the details line and the table use it).
pub fn describe(lane: &Lane, span: &LaneSpan) -> String {
    let when = format!("from {} to {}", seconds(span.start), seconds(span.end));
    let line = span
        .line
        .map(|line| format!(" (line {line})"))
        .unwrap_or_default();
    match &span.kind {
        SpanKind::Running => format!("{} ran {when}{line}", lane.name),
        SpanKind::Blocked { seconds: s } => {
            format!(
                "{} blocked the event loop in time.sleep({s}) {when}{line}",
                lane.name
            )
        }
        SpanKind::Waiting { on } => format!("{} waited for {on} {when}", lane.name),
    }
}

/// How a lane ended, in words.
pub fn describe_end(lane: &Lane) -> String {
    let at = seconds(lane.end_time);
    match &lane.end {
        LaneEnd::Finished => format!("{} finished at {at}", lane.name),
        LaneEnd::Cancelled => format!("{} was cancelled at {at}", lane.name),
        LaneEnd::Failed(exception) => format!("{} failed with {exception} at {at}", lane.name),
        LaneEnd::Pending => format!("{} was still pending when the program ended", lane.name),
    }
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
    let shown = props.measured.as_ref().unwrap_or(&props.predicted);
    let axis = shown
        .iter()
        .chain(props.predicted.iter())
        .map(|lane| lane.end_time)
        .fold(0.001, f64::max);
    let x = |t: f64| LABEL + t / axis * (WIDTH - LABEL - 24.0);
    let count = shown.len().min(MAX_LANES);
    let height = LANE * count as f64 + 22.0;
    let measured = props.measured.is_some();
    let label = format!(
        "Timeline of {} task{}, {} in total ({})",
        shown.len(),
        if shown.len() == 1 { "" } else { "s" },
        seconds(axis),
        if measured { "measured" } else { "predicted" }
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
                    width={width.to_string()} height={h.to_string()}><title>{ format!("predicted: {text}") }</title></rect>
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

    let lanes = shown.iter().take(MAX_LANES).enumerate().map(|(i, lane)| {
        let y = 4.0 + LANE * i as f64;
        let ghost = if measured {
            props.predicted.iter().find(|p| p.name == lane.name)
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
                { for ghost.into_iter().flat_map(|g| g.spans.iter().map(move |s| (g, s))).map(|(g, s)| bar(g, s, y, true)) }
                { for lane.spans.iter().map(|span| bar(lane, span, y, false)) }
                <text class={format!("aio-tl__end aio-tl__end--{mark_class}")}
                    x={(x(lane.end_time) + 4.0).to_string()} y={(y + 13.0).to_string()}>
                    <title>{ describe_end(lane) }</title>{ mark }
                </text>
            </g>
        }
    });
    let hidden = shown.len().saturating_sub(MAX_LANES);

    html! {
        <figure class="aio-example__timeline">
            <svg
                class="aio-tl"
                data-testid="timeline"
                role="img"
                aria-label={label.clone()}
                viewBox={format!("0 0 {WIDTH} {height}")}
                preserveAspectRatio="xMinYMin meet"
            >
                { for lanes }
                <line class="aio-tl__axis" x1={LABEL.to_string()} x2={x(axis).to_string()}
                    y1={(height - 16.0).to_string()} y2={(height - 16.0).to_string()} />
                <text class="aio-tl__tick" x={LABEL.to_string()} y={(height - 3.0).to_string()}>{ "0 s" }</text>
                <text class="aio-tl__tick" x={x(axis).to_string()} y={(height - 3.0).to_string()}
                    text-anchor="end">{ seconds(axis) }</text>
            </svg>
            <p class="aio-tl__details" aria-live="polite">
                { (*details).clone().unwrap_or_else(|| "Hover or focus a bar to see what the task did.".into()) }
            </p>
            if hidden > 0 {
                <p class="aio-example__note">{ format!("… and {hidden} more tasks, not drawn.") }</p>
            }
            <details class="aio-tl__table">
                <summary>{ format!("{label}: as a table") }</summary>
                <table>
                    <thead><tr><th>{ "Task" }</th><th>{ "What" }</th><th>{ "From" }</th><th>{ "To" }</th><th>{ "Line" }</th></tr></thead>
                    <tbody>
                        { for shown.iter().take(MAX_LANES).flat_map(|lane| {
                            lane.spans.iter().map(move |span| html! {
                                <tr>
                                    <td>{ lane.name.clone() }</td>
                                    <td>{ match &span.kind {
                                        SpanKind::Running => "running".to_string(),
                                        SpanKind::Blocked { seconds: s } => format!("blocked in time.sleep({s})"),
                                        SpanKind::Waiting { on } => format!("waiting for {on}"),
                                    } }</td>
                                    <td>{ seconds(span.start) }</td>
                                    <td>{ seconds(span.end) }</td>
                                    <td>{ span.line.map(|l| l.to_string()).unwrap_or_default() }</td>
                                </tr>
                            }).chain(std::iter::once(html! {
                                <tr><td>{ lane.name.clone() }</td><td colspan="4">{ describe_end(lane) }</td></tr>
                            }))
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
