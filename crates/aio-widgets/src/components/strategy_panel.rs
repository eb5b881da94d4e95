//! One strategy's panel: its Run button, the timeline, the totals, the timing table and the Python
//! code, all following the current tasks.

use aio_core::i18n::Msg;
use aio_core::lab::{LabTask, Prediction, Strategy, python_code, speedup};
use yew::prelude::*;

use crate::components::timeline::Timeline;
use crate::components::timing_table::TimingTable;
use crate::services::{page_lang, tr, trf};
use crate::state::RunState;

/// Props of [`StrategyPanel`].
#[derive(Debug, PartialEq, Properties)]
pub struct StrategyPanelProps {
    /// The strategy shown.
    pub strategy: Strategy,
    /// The lab's page-unique number, for element ids.
    pub uid: u32,
    /// The last valid tasks.
    pub tasks: Vec<LabTask>,
    /// What the engine predicts for them under this strategy.
    pub prediction: Prediction,
    /// Whether it runs and what it measured.
    pub run: RunState,
    /// The predicted sequential total in seconds, for the speed-up.
    pub sequential_total: f64,
    /// The measured sequential total in milliseconds, if sequential was run.
    pub sequential_measured: Option<f64>,
    /// The shared axis length in seconds.
    pub axis_seconds: f64,
    /// False while an input is invalid.
    pub can_run: bool,
    /// Run these strategies.
    pub onrun: Callback<Vec<Strategy>>,
}

/// A strategy with its code, timeline and numbers.
#[component]
pub fn StrategyPanel(props: &StrategyPanelProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let strategy = props.strategy;
    let key = strategy.key();
    let strategy_label = strategy.label(page_lang());
    let prediction = props.prediction.clone();
    let names: Vec<String> = props.tasks.iter().map(|task| task.name.clone()).collect();
    let measured = props.run.measured.clone();
    let heading_id = format!("aio-lab-{}-{key}-heading", props.uid);
    let onclick = props.onrun.reform(move |_: MouseEvent| vec![strategy]);
    let predicted_speedup = speedup(props.sequential_total, prediction.total);
    let measured_speedup = match (&measured, props.sequential_measured) {
        (Some(measured), Some(sequential)) => Some(speedup(sequential, measured.total_ms)),
        _ => None,
    };
    let predicted_total = format!("{:.2}", prediction.total);
    let label = match &measured {
        None => trf(
            Msg::LabTimelineLabel,
            &[
                ("strategy", &strategy_label),
                ("tasks", &props.tasks.len()),
                ("total", &predicted_total),
            ],
        ),
        Some(m) => trf(
            Msg::LabTimelineLabelMeasured,
            &[
                ("strategy", &strategy_label),
                ("tasks", &props.tasks.len()),
                ("total", &predicted_total),
                ("measured", &format!("{:.3}", m.total_ms / 1000.0)),
            ],
        ),
    };
    let seconds = |value: String| trf(Msg::Seconds, &[("seconds", &value)]);

    html! {
        <section
            class="aio-panel"
            aria-labelledby={heading_id.clone()}
            data-testid={format!("panel-{key}")}
            data-running={props.run.running.then_some("true")}
            data-measured-total-ms={measured.as_ref().map(|m| format!("{:.1}", m.total_ms))}
            data-run-count={props.run.finished_runs.to_string()}
            aria-busy={props.run.running.then_some("true")}
        >
            <div class="aio-panel__head">
                <h4 class="aio-panel__title" id={heading_id}>{ strategy_label }</h4>
                <button
                    type="button"
                    class="aio-button aio-button--primary"
                    data-testid={format!("run-{key}")}
                    aria-label={trf(Msg::LabRunStrategy, &[("strategy", &strategy_label)])}
                    disabled={!props.can_run}
                    {onclick}
                >
                    { tr(if props.run.running { Msg::LabRunning } else { Msg::LabRun }) }
                </button>
            </div>
            <div class="aio-panel__body">
                <div class="aio-panel__results">
                    <Timeline
                        names={names.clone()}
                        prediction={prediction.clone()}
                        measured={measured.clone()}
                        axis_seconds={props.axis_seconds}
                        label={label}
                        pattern_id={format!("aio-lab-{}-{key}-hatch", props.uid)}
                    />
                    <ul class="aio-legend" aria-hidden="true">
                        <li><span class="aio-swatch aio-swatch--predicted"></span>{ tr(Msg::LabLegendPredicted) }</li>
                        <li><span class="aio-swatch aio-swatch--measured"></span>{ tr(Msg::LabLegendMeasured) }</li>
                    </ul>
                    <dl class="aio-stats">
                        <div>
                            <dt>{ tr(Msg::LabIdealTotal) }</dt>
                            <dd data-testid={format!("predicted-total-{key}")}>{ seconds(predicted_total.clone()) }</dd>
                        </div>
                        <div>
                            <dt>{ tr(Msg::LabMeasured) }</dt>
                            <dd>{ match &measured {
                                // Seconds, as the ideal total; the small difference in milliseconds.
                                Some(m) => trf(Msg::LabMeasuredTotal, &[
                                    ("seconds", &format!("{:.3}", m.total_ms / 1000.0)),
                                    ("difference", &format!("{:+.1}", m.total_ms - prediction.total * 1000.0)),
                                ]),
                                None if props.run.running => tr(Msg::LabRunningNow).to_owned(),
                                None => tr(Msg::LabNotRunYet).to_owned(),
                            } }</dd>
                        </div>
                        <div>
                            <dt>{ tr(Msg::LabSpeedup) }</dt>
                            <dd>{ match measured_speedup {
                                None => trf(Msg::LabSpeedupPredicted, &[
                                    ("predicted", &format!("{predicted_speedup:.2}")),
                                ]),
                                Some(measured) => trf(Msg::LabSpeedupBoth, &[
                                    ("predicted", &format!("{predicted_speedup:.2}")),
                                    ("measured", &format!("{measured:.2}")),
                                ]),
                            } }</dd>
                        </div>
                    </dl>
                    <TimingTable {strategy} {names} {prediction} {measured} />
                </div>
                // Focusable: it may scroll sideways, and keyboard users must be able to.
                <pre class="aio-code" data-testid={format!("code-{key}")} tabindex="0"><code>{ python_code(strategy, &props.tasks) }</code></pre>
            </div>
        </section>
    }
}
