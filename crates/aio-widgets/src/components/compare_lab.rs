//! The comparison lab's root: owns the [`CompareState`], lays out the workload's inputs, the
//! presets, a table of every model's total (the text alternative of the charts side by side) and
//! one [`CompareModel`] panel per model.

use aio_core::compare::{Field, Model, Workload, against_sequential};
use aio_core::i18n::Msg;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::compare_state::{CompareAction, CompareState, Preset};
use crate::components::compare_field::CompareField;
use crate::components::compare_model::CompareModel;
use crate::services::{page_lang, tr, trf};

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
    let state = use_reducer(|| CompareState::new(props.workload, page_lang()));
    let lang = page_lang();
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
                <h3 class="aio-lab__title" id={title_id}>{ tr(Msg::CompareTitle) }</h3>
                <p class="aio-lab__hint">{ tr(Msg::CompareHint) }</p>
            </header>
            <fieldset class="aio-compare__inputs">
                <legend>{ tr(Msg::CompareWorkload) }</legend>
                <div class="aio-compare__fields">
                    { for Field::ALL.into_iter().map(|field| html! {
                        <CompareField key={field.key()} {field} {uid}
                            text={state.text(field).to_owned()}
                            error={state.error(field)}
                            oninput={oninput.clone()} />
                    }) }
                </div>
                <div class="aio-compare__presets" role="group" aria-label={tr(Msg::ComparePresets)}>
                    { for Preset::ALL.into_iter().map(|preset| {
                        let state = state.clone();
                        let onclick = Callback::from(move |_: MouseEvent| state.dispatch(CompareAction::Preset(preset)));
                        html! {
                            <button type="button" class="aio-button" {onclick}
                                data-testid={format!("compare-preset-{}", preset.key())}>
                                { preset.label(lang) }
                            </button>
                        }
                    }) }
                </div>
                if invalid {
                    <p class="aio-compare__stale">{ tr(Msg::CompareStale) }</p>
                }
            </fieldset>
            <div class="aio-table-wrap">
                <table class="aio-table aio-compare__summary" data-testid="compare-summary">
                    <caption>{ trf(Msg::CompareSummaryCaption, &[
                        ("jobs", &workload.jobs),
                        ("io", &Field::Io.text(&workload)),
                        ("cpu", &Field::Cpu.text(&workload)),
                        ("workers", &workload.workers),
                        ("cores", &workload.cores),
                    ]) }</caption>
                    <thead><tr>
                        <th scope="col">{ tr(Msg::CompareColModel) }</th>
                        <th scope="col">{ tr(Msg::CompareColTotal) }</th>
                        <th scope="col">{ tr(Msg::CompareColVersus) }</th>
                    </tr></thead>
                    <tbody>
                        { for state.outcomes.iter().map(|outcome| {
                            let fastest = winners.contains(&outcome.model);
                            let model = outcome.model.label(lang);
                            let model = if fastest {
                                trf(Msg::CompareModelFastest, &[("model", &model)])
                            } else {
                                model.to_owned()
                            };
                            html! {
                                <tr data-model={outcome.model.key()} data-fastest={fastest.then_some("true")}>
                                    <th scope="row">{ model }</th>
                                    <td>{ format!("{:.3}", outcome.total) }</td>
                                    <td>{ against_sequential(sequential, outcome.total, outcome.model, lang) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <ul class="aio-legend aio-compare__legend" aria-hidden="true">
                <li><span class="aio-swatch aio-cmp-swatch--compute"></span>{ tr(Msg::CompareLegendCompute) }</li>
                <li><span class="aio-swatch aio-cmp-swatch--wait"></span>{ tr(Msg::CompareLegendWait) }</li>
                <li><span class="aio-swatch aio-cmp-swatch--ready"></span>{ tr(Msg::CompareLegendReady) }</li>
                <li><span class="aio-swatch aio-cmp-swatch--start"></span>{ tr(Msg::CompareLegendStart) }</li>
                <li><span class="aio-swatch aio-cmp-swatch--gil"></span>{ tr(Msg::CompareLegendGil) }</li>
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
