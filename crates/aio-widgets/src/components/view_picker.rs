//! The segmented control that shows all three strategies or only one.

use aio_core::i18n::Msg;
use aio_core::lab::{Strategy, View};
use yew::prelude::*;

use crate::services::{page_lang, tr};

/// Props of [`ViewPicker`].
#[derive(Debug, PartialEq, Properties)]
pub struct ViewPickerProps {
    /// The current view.
    pub view: View,
    /// The reader picked another view.
    pub onview: Callback<View>,
}

/// Toggle buttons (with `aria-pressed`) for "All three" and each strategy.
#[component]
pub fn ViewPicker(props: &ViewPickerProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let lang = page_lang();
    let choices = std::iter::once((View::All, "all", tr(Msg::LabAllThree))).chain(
        Strategy::ALL.map(|strategy| (View::One(strategy), strategy.key(), strategy.label(lang))),
    );
    html! {
        <div class="aio-views" role="group" aria-label={tr(Msg::LabStrategiesShown)}>
            { for choices.map(|(view, key, label)| {
                let onclick = props.onview.reform(move |_: MouseEvent| view);
                let pressed = if props.view == view { "true" } else { "false" };
                html! {
                    <button type="button" class="aio-views__choice" aria-pressed={pressed}
                            data-testid={format!("view-{key}")} {onclick}>
                        { label }
                    </button>
                }
            }) }
        </div>
    }
}
