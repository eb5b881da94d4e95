//! The SVG timeline: one lane per task on a shared time axis, the predicted span drawn as a
//! hatched, dashed outline and the measured span as a solid bar over it, so the two differ by
//! shape as well as by colour.
//!
//! Horizontal positions are percentages, so the drawing stretches to any width without a
//! `viewBox` (which would also stretch the text). Colours are CSS classes that use mdBook's theme
//! variables (`www/aio-widgets.css`), so a theme switch recolours it without a re-render.

use aio_core::i18n::Msg;
use aio_core::lab::Prediction;
use yew::prelude::*;

use crate::services::trf;
use crate::state::Measurement;

/// Height of one task's lane, in CSS pixels.
const LANE: f64 = 30.0;
/// Room under the lanes for the axis and its labels.
const AXIS: f64 = 26.0;

/// Props of [`Timeline`].
#[derive(Debug, PartialEq, Properties)]
pub struct TimelineProps {
    /// The task names, in task order.
    pub names: Vec<String>,
    /// What asyncio would do in an ideal world.
    pub prediction: Prediction,
    /// What the last run measured, if there was one.
    pub measured: Option<Measurement>,
    /// The axis length in seconds (shared by every shown panel).
    pub axis_seconds: f64,
    /// The accessible name of the drawing.
    pub label: AttrValue,
    /// A page-unique id for the hatch pattern.
    pub pattern_id: AttrValue,
}

/// Maps seconds onto a percentage of the width, keeping 1% margins so bars at 0 stay visible.
fn x(seconds: f64, axis: f64) -> f64 {
    1.0 + 98.0 * (seconds / axis).clamp(0.0, 1.0)
}

/// A round tick step giving at most four intervals over `axis` seconds (labels stay apart at 360 px).
fn tick_step(axis: f64) -> f64 {
    let magnitude = 10f64.powf((axis / 4.0).log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|factor| factor * magnitude)
        .find(|step| axis / step <= 4.0 + 1e-9)
        .unwrap_or(axis)
}

/// A percentage for an SVG attribute.
fn pct(value: f64) -> String {
    format!("{value:.3}%")
}

/// The timeline drawing.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let axis = if props.axis_seconds > 0.0 {
        props.axis_seconds
    } else {
        1.0
    };
    let lanes = props.names.len() as f64;
    let height = lanes * LANE + AXIS;
    let step = tick_step(axis);
    let ticks: Vec<f64> = (0..)
        .map(|n| n as f64 * step)
        .take_while(|tick| *tick <= axis + step * 1e-6)
        .collect();
    // As few decimals as the step needs: 0.25 s steps need two, 0.2 s steps one.
    let decimals = (0..3)
        .find(|&places| {
            let scaled = step * 10f64.powi(places);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(3) as usize;
    let fill = format!("url(#{})", props.pattern_id);

    html! {
        <svg class="aio-timeline" role="img" aria-label={props.label.clone()}
             width="100%" height={format!("{height}")}>
            <defs>
                <pattern id={props.pattern_id.clone()} width="6" height="6"
                         patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <line class="aio-timeline__hatch" x1="0" y1="0" x2="0" y2="6" />
                </pattern>
            </defs>
            { for ticks.iter().enumerate().map(|(n, &tick)| {
                let at = x(tick, axis);
                let anchor = if n == 0 { "start" } else if n + 1 == ticks.len() && at > 90.0 { "end" } else { "middle" };
                html! {
                    <g class="aio-timeline__tick">
                        <line x1={pct(at)} x2={pct(at)} y1="0" y2={format!("{}", lanes * LANE + 4.0)} />
                        <text x={pct(at)} y={format!("{}", height - 6.0)} text-anchor={anchor}>
                            { if n + 1 == ticks.len() {
                                trf(Msg::Seconds, &[("seconds", &format!("{tick:.decimals$}"))])
                            } else {
                                format!("{tick:.decimals$}")
                            } }
                        </text>
                    </g>
                }
            }) }
            { for props.prediction.spans.iter().map(|span| {
                let top = span.task as f64 * LANE;
                let name = props.names.get(span.task).cloned().unwrap_or_default();
                let measured = props.measured.as_ref().and_then(|m| m.spans.get(span.task));
                let start = x(span.start, axis);
                let width = (x(span.end, axis) - start).max(0.4);
                html! {
                    <g class="aio-timeline__lane">
                        <text class="aio-timeline__name" x={pct(start)} y={format!("{}", top + 11.0)}>
                            { name }
                        </text>
                        <rect class="aio-timeline__predicted" x={pct(start)} width={pct(width)}
                              y={format!("{}", top + 14.0)} height="13" fill={fill.clone()} />
                        if let Some(measured) = measured {
                            <rect class="aio-timeline__measured"
                                  x={pct(x(measured.start_ms / 1000.0, axis))}
                                  width={pct((x(measured.end_ms / 1000.0, axis) - x(measured.start_ms / 1000.0, axis)).max(0.4))}
                                  y={format!("{}", top + 17.5)} height="6" rx="1" />
                        }
                    </g>
                }
            }) }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::tick_step;

    #[test]
    fn ticks_are_round_and_few() {
        assert_eq!(tick_step(1.0), 0.25);
        assert_eq!(tick_step(0.6), 0.2);
        assert_eq!(tick_step(3.0), 1.0);
        assert_eq!(tick_step(60.0), 20.0);
        assert!((tick_step(0.08) - 0.02).abs() < 1e-12);
    }
}
