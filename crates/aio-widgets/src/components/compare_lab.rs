//! The comparison lab's root: owns the [`CompareState`], lays out the workload's inputs, the
//! presets, a table of every model's total (the text alternative of the charts side by side) and
//! one [`CompareModel`] panel per model.

use aio_core::compare::{Field, Model, Workload, against_sequential};
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::compare_state::{CompareAction, CompareState, Preset};
use crate::components::compare_field::CompareField;
use crate::components::compare_model::CompareModel;

/// Props of [`CompareLab`]: the placeholder's checked workload.
#[derive(Debug, PartialEq, Properties)]
pub struct CompareLabProps {
    /// The workload the page starts with, from `data-aio-props`.
    pub workload: Workload,
}

/// The whole comparison lab.
#[component]
pub fn CompareLab(props: &CompareLabProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let state = use_reducer(|| CompareState::new(props.workload));
    let uid = *use_state(crate::next_uid);
    let oninput = {
        let state = state.clone();
        Callback::from(move |(field, text)| state.dispatch(CompareAction::Edit(field, text)))
    };
    // mdBook's shortcuts (arrows change chapter, `s` opens search) listen on `document`: keys
    // typed in the lab must not reach them.
    let onkeydown = Callback::from(|event: KeyboardEvent| event.stop_propagation());
    let title_id = format!("aio-compare-{uid}-title");
    let winners = state.winners();
    let sequential = state.outcome(Model::Sequential).total;
    let axis_seconds = state.outcomes.iter().map(|o| o.total).fold(0.0, f64::max);
    let invalid = Field::ALL.iter().any(|&field| state.error(field).is_some());
    let workload = state.workload;

    html! {
        <section class="aio-lab aio-compare" {onkeydown} aria-labelledby={title_id.clone()}>
            <header class="aio-lab__header">
                <h3 class="aio-lab__title" id={title_id}>{ "Same jobs, four ways" }</h3>
                <p class="aio-lab__hint">
                    { "Each job waits for I/O, then computes in pure Python. Change the numbers or \
                       pick a preset: every model's total and timeline follow." }
                </p>
            </header>
            <fieldset class="aio-compare__inputs">
                <legend>{ "Workload" }</legend>
                <div class="aio-compare__fields">
                    { for Field::ALL.into_iter().map(|field| html! {
                        <CompareField key={field.key()} {field} {uid}
                            text={state.text(field).to_owned()}
                            error={state.error(field)}
                            oninput={oninput.clone()} />
                    }) }
                </div>
                <div class="aio-compare__presets" role="group" aria-label="Presets">
                    { for Preset::ALL.into_iter().map(|preset| {
                        let state = state.clone();
                        let onclick = Callback::from(move |_: MouseEvent| state.dispatch(CompareAction::Preset(preset)));
                        html! {
                            <button type="button" class="aio-button" {onclick}
                                data-testid={format!("compare-preset-{}", preset.key())}>
                                { preset.label() }
                            </button>
                        }
                    }) }
                </div>
                if invalid {
                    <p class="aio-compare__stale">{ "Until the highlighted value is fixed, the results below are for the last valid numbers." }</p>
                }
            </fieldset>
            <div class="aio-table-wrap">
                <table class="aio-table aio-compare__summary" data-testid="compare-summary">
                    <caption>{ format!(
                        "{} jobs of {} s waiting and {} s computing; {} workers; {} cores",
                        workload.jobs, Field::Io.text(&workload), Field::Cpu.text(&workload),
                        workload.workers, workload.cores) }</caption>
                    <thead><tr>
                        <th scope="col">{ "Model" }</th>
                        <th scope="col">{ "Total (s)" }</th>
                        <th scope="col">{ "Compared with sequential" }</th>
                    </tr></thead>
                    <tbody>
                        { for state.outcomes.iter().map(|outcome| {
                            let fastest = winners.contains(&outcome.model);
                            html! {
                                <tr data-model={outcome.model.key()} data-fastest={fastest.then_some("true")}>
                                    <th scope="row">{ outcome.model.label() }{ if fastest { " (fastest)" } else { "" } }</th>
                                    <td>{ format!("{:.3}", outcome.total) }</td>
                                    <td>{ against_sequential(sequential, outcome.total, outcome.model) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <ul class="aio-legend aio-compare__legend" aria-hidden="true">
                <li><span class="aio-swatch aio-cmp-swatch--compute"></span>{ "computes (paler: shares the CPU)" }</li>
                <li><span class="aio-swatch aio-cmp-swatch--wait"></span>{ "waits for I/O" }</li>
                <li><span class="aio-swatch aio-cmp-swatch--ready"></span>{ "ready, but the thread is busy" }</li>
                <li><span class="aio-swatch aio-cmp-swatch--start"></span>{ "starts a worker" }</li>
                <li><span class="aio-swatch aio-cmp-swatch--gil"></span>{ "GIL held" }</li>
            </ul>
            <div class="aio-compare__models">
                { for state.outcomes.iter().map(|outcome| html! {
                    <CompareModel key={outcome.model.key()}
                        outcome={outcome.clone()}
                        {workload}
                        {sequential}
                        fastest={winners.contains(&outcome.model)}
                        {axis_seconds} />
                }) }
            </div>
        </section>
    }
}
