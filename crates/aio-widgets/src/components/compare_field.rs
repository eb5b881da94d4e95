//! One number of the comparison lab's workload: its label, its input and its inline message.

use aio_core::compare::{Field, WorkloadError};
use yew::prelude::*;

use crate::services::page_lang;

/// Props of [`CompareField`].
#[derive(Debug, PartialEq, Properties)]
pub struct CompareFieldProps {
    /// Which number.
    pub field: Field,
    /// The lab's page-unique number, for element ids.
    pub uid: u32,
    /// What the input shows.
    pub text: String,
    /// Why it is refused, if it is.
    pub error: Option<WorkloadError>,
    /// The reader typed: `(field, text)`.
    pub oninput: Callback<(Field, String)>,
}

/// A labelled input with its message.
#[component]
pub fn CompareField(props: &CompareFieldProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let field = props.field;
    let key = field.key();
    let id = format!("aio-compare-{}-{key}", props.uid);
    let error_id = format!("{id}-error");
    let oninput = props.oninput.reform(move |event: InputEvent| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        (field, input.value())
    });
    let decimal = matches!(field, Field::Io | Field::Cpu);
    html! {
        <div class="aio-field aio-compare__field">
            <label for={id.clone()}>{ field.label(page_lang()) }</label>
            <input
                {id}
                type="text"
                inputmode={if decimal { "decimal" } else { "numeric" }}
                class="aio-input"
                data-testid={format!("compare-{key}")}
                value={props.text.clone()}
                autocomplete="off"
                aria-invalid={props.error.map(|_| "true")}
                aria-describedby={props.error.map(|_| error_id.clone())}
                {oninput}
            />
            if let Some(error) = props.error {
                <p class="aio-error-message" id={error_id} role="alert"
                   data-testid={format!("compare-error-{key}")}>
                    { error.message(page_lang()) }
                </p>
            }
        </div>
    }
}
