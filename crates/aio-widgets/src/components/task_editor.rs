//! One task row: its name and duration inputs, their inline messages and its Remove button.

use aio_core::i18n::Msg;
use yew::prelude::*;

use crate::services::{page_lang, tr, trf};
use crate::state::TaskRow;

/// Props of [`TaskEditor`].
#[derive(Debug, PartialEq, Properties)]
pub struct TaskEditorProps {
    /// The row's position (0-based), used in test ids and callbacks.
    pub index: usize,
    /// The lab's page-unique number, for element ids.
    pub uid: u32,
    /// What the reader typed and what is valid.
    pub row: TaskRow,
    /// False for the last remaining task.
    pub can_remove: bool,
    /// The name input changed: `(index, text)`.
    pub onname: Callback<(usize, String)>,
    /// The duration input changed: `(index, text)`.
    pub onseconds: Callback<(usize, String)>,
    /// Remove this task: `index`.
    pub onremove: Callback<usize>,
}

/// Reads an `input` event's text and sends it with the row's index.
fn on_input(index: usize, callback: &Callback<(usize, String)>) -> Callback<InputEvent> {
    callback.reform(move |event: InputEvent| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        (index, input.value())
    })
}

/// One editable task.
#[component]
pub fn TaskEditor(props: &TaskEditorProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let TaskEditorProps {
        index, uid, row, ..
    } = props;
    let index = *index;
    let base = format!("aio-lab-{uid}-task-{}", row.id);
    let name_id = format!("{base}-name");
    let seconds_id = format!("{base}-seconds");
    let name_error_id = format!("{base}-name-error");
    let seconds_error_id = format!("{base}-seconds-error");
    let onremove = {
        let onremove = props.onremove.clone();
        Callback::from(move |_: MouseEvent| onremove.emit(index))
    };
    let invalid = |error: bool| if error { Some("true") } else { None };

    html! {
        <li class="aio-task">
            <div class="aio-field aio-field--name">
                <label for={name_id.clone()}>{ trf(Msg::LabTaskName, &[("n", &(index + 1))]) }</label>
                <input
                    id={name_id}
                    type="text"
                    class="aio-input"
                    data-testid={format!("name-{index}")}
                    value={row.name_text.clone()}
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    aria-invalid={invalid(row.name_error.is_some())}
                    aria-describedby={row.name_error.as_ref().map(|_| name_error_id.clone())}
                    oninput={on_input(index, &props.onname)}
                />
            </div>
            <div class="aio-field aio-field--seconds">
                <label for={seconds_id.clone()}>{ tr(Msg::LabTaskSeconds) }</label>
                <input
                    id={seconds_id}
                    type="text"
                    inputmode="decimal"
                    class="aio-input"
                    data-testid={format!("duration-{index}")}
                    value={row.seconds_text.clone()}
                    autocomplete="off"
                    aria-invalid={invalid(row.duration_error.is_some())}
                    aria-describedby={row.duration_error.map(|_| seconds_error_id.clone())}
                    oninput={on_input(index, &props.onseconds)}
                />
            </div>
            <button
                type="button"
                class="aio-button aio-button--quiet aio-task__remove"
                data-testid={format!("remove-task-{index}")}
                aria-label={trf(Msg::LabRemoveTask, &[("name", &row.task.name)])}
                disabled={!props.can_remove}
                onclick={onremove}
            >
                { tr(Msg::LabRemove) }
            </button>
            if let Some(error) = &row.name_error {
                <p class="aio-error-message" id={name_error_id} role="alert"
                   data-testid={format!("name-error-{index}")}>
                    { error.message(page_lang()) }
                </p>
            }
            if let Some(error) = &row.duration_error {
                <p class="aio-error-message" id={seconds_error_id} role="alert"
                   data-testid={format!("duration-error-{index}")}>
                    { error.message(page_lang()) }
                </p>
            }
        </li>
    }
}
