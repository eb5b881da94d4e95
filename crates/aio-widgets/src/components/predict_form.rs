//! The "Predict, then run" form: the reader commits to a total time or to the order of the printed
//! lines before the example reveals the engine's prediction. Remount it (a new `key`) when the
//! lines change: the shuffled order is its own state.

use aio_core::exercise::{Answer, PredictKind, parse_total, shuffled_order};
use aio_core::i18n::Msg;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::services::{page_lang, tr, trf};

/// Props of [`PredictForm`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct PredictFormProps {
    pub kind: PredictKind,
    /// The example's id: seeds the shuffle, so each visit starts from the same order.
    pub id: AttrValue,
    /// The lines to put in order (the first printed ones); unused for a total.
    pub lines: Vec<String>,
    /// The widget's unique number, for element ids.
    pub uid: u32,
    pub onlock: Callback<Answer>,
}

/// The question, the reader's answer and the "Lock in my prediction" button.
#[component]
pub fn PredictForm(props: &PredictFormProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let total_text = use_state(String::new);
    let total_error = use_state(|| None::<String>);
    let order = {
        let id = props.id.clone();
        let len = props.lines.len();
        use_state(move || shuffled_order(&id, len))
    };
    // Announced to screen readers after a move.
    let announcement = use_state(String::new);

    let oninput = {
        let total_text = total_text.clone();
        let total_error = total_error.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            total_text.set(input.value());
            total_error.set(None);
        })
    };
    let lock = {
        let kind = props.kind;
        let lines = props.lines.clone();
        let onlock = props.onlock.clone();
        let total_text = total_text.clone();
        let total_error = total_error.clone();
        let order = order.clone();
        move || {
            let seconds = if kind.asks_total() {
                match parse_total(&total_text) {
                    Ok(seconds) => Some(seconds),
                    Err(error) => {
                        total_error.set(Some(error.message(page_lang())));
                        return;
                    }
                }
            } else {
                None
            };
            let ordered = || order.iter().map(|&at| lines[at].clone()).collect();
            onlock.emit(match (kind, seconds) {
                (PredictKind::Total, Some(seconds)) => Answer::Total { seconds },
                (PredictKind::Both, Some(seconds)) => Answer::Both {
                    lines: ordered(),
                    seconds,
                },
                _ => Answer::Order { lines: ordered() },
            });
        }
    };
    let onsubmit = {
        let lock = lock.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            lock();
        })
    };
    let onclick = Callback::from(move |_: MouseEvent| lock());
    let moved = |from: usize, to: usize| {
        let order = order.clone();
        let announcement = announcement.clone();
        let line = props.lines.get(order[from]).cloned().unwrap_or_default();
        let len = props.lines.len();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*order).clone();
            next.swap(from, to);
            order.set(next);
            announcement.set(trf(
                Msg::ExerciseMoved,
                &[("line", &line), ("n", &(to + 1)), ("count", &len)],
            ));
        })
    };

    let question_id = format!("aio-predict-{}-question", props.uid);
    let input_id = format!("aio-predict-{}-total", props.uid);
    let error_id = format!("aio-predict-{}-error", props.uid);
    let question = tr(match props.kind {
        PredictKind::Total => Msg::ExerciseQuestionTotal,
        PredictKind::Order => Msg::ExerciseQuestionOrder,
        PredictKind::Both => Msg::ExerciseQuestionBoth,
    });
    let count = props.lines.len();
    html! {
        <form class="aio-predict" data-testid="predict-form" data-predict={props.kind.key()}
            aria-labelledby={question_id.clone()} {onsubmit}>
            <p class="aio-predict__question" id={question_id}>
                <strong>{ tr(Msg::ExercisePredictThenRun) }</strong>
                { " " }
                { question }
            </p>
            if props.kind.asks_order() {
                <ol class="aio-predict__lines">
                    { for order.iter().enumerate().map(|(i, &at)| {
                        let line = props.lines[at].clone();
                        html! {
                            <li class="aio-predict__line" data-testid={format!("predict-line-{i}")}>
                                <code class="aio-predict__text">{ line.clone() }</code>
                                <span class="aio-predict__moves">
                                    <button type="button" class="aio-button aio-button--small"
                                        data-testid={format!("predict-up-{i}")}
                                        aria-label={trf(Msg::ExerciseMoveUpLabel, &[("n", &(i + 1)), ("line", &line)])}
                                        disabled={i == 0} onclick={moved(i, i.saturating_sub(1))}>{ tr(Msg::ExerciseMoveUp) }</button>
                                    <button type="button" class="aio-button aio-button--small"
                                        data-testid={format!("predict-down-{i}")}
                                        aria-label={trf(Msg::ExerciseMoveDownLabel, &[("n", &(i + 1)), ("line", &line)])}
                                        disabled={i + 1 >= count} onclick={moved(i, (i + 1).min(count.saturating_sub(1)))}>{ tr(Msg::ExerciseMoveDown) }</button>
                                </span>
                            </li>
                        }
                    }) }
                </ol>
                <p class="aio-visually-hidden" aria-live="polite">{ (*announcement).clone() }</p>
            }
            if props.kind.asks_total() {
                <p class="aio-predict__total">
                    <label for={input_id.clone()}>{ tr(Msg::ExerciseTotalQuestion) }</label>
                    { " " }
                    <input id={input_id} class="aio-input" type="text" inputmode="decimal"
                        data-testid="predict-total" autocomplete="off" placeholder={tr(Msg::ExerciseTotalPlaceholder)}
                        value={(*total_text).clone()} {oninput}
                        aria-invalid={total_error.is_some().then_some("true")}
                        aria-describedby={total_error.is_some().then(|| error_id.clone())} />
                    <span class="aio-predict__unit">{ " " }{ tr(Msg::ExerciseSecondsUnit) }</span>
                </p>
                if let Some(error) = (*total_error).clone() {
                    <p class="aio-predict__error" id={error_id} data-testid="predict-error" role="alert">{ error }</p>
                }
            }
            <button type="submit" class="aio-button aio-button--primary" data-testid="predict-lock"
                onclick={onclick.reform(|event: MouseEvent| { event.prevent_default(); event })}>
                { tr(Msg::ExerciseLock) }
            </button>
        </form>
    }
}
