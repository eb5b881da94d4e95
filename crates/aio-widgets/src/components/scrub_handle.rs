//! One scrubbable number of the editor: a slider over the number's characters, driven by the
//! arrow keys or by dragging sideways with a mouse or a finger (pointer events with pointer
//! capture, so the drag goes on when the pointer leaves the number and never selects text).

use aio_core::i18n::Msg;
use aio_core::scrub::Scrubbable;
use web_sys::{KeyboardEvent, PointerEvent};
use yew::prelude::*;

use crate::services::{page_lang, tr, trf};

/// Pixels of pointer travel per step when dragging a number.
const PIXELS_PER_STEP: f64 = 4.0;

/// Props of [`ScrubHandle`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ScrubHandleProps {
    /// Which number of the code it is (what `onscrub` reports).
    pub index: usize,
    pub scrub: Scrubbable,
    /// The number as the code shows it.
    pub literal: AttrValue,
    /// The reader moved number `index` to a value.
    pub onscrub: Callback<(usize, f64)>,
}

/// A drag under way: where it started, and the value then.
#[derive(Debug, Clone, Copy)]
struct Drag {
    start_x: f64,
    start_value: f64,
}

/// The slider.
#[component]
pub fn ScrubHandle(props: &ScrubHandleProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let drag = use_mut_ref(|| None::<Drag>);
    let index = props.index;
    let onkeydown = {
        let onscrub = props.onscrub.clone();
        let scrub = props.scrub.clone();
        Callback::from(move |event: KeyboardEvent| {
            let direction = match event.key().as_str() {
                "ArrowRight" | "ArrowUp" => 1.0,
                "ArrowLeft" | "ArrowDown" => -1.0,
                _ => return,
            };
            event.prevent_default();
            let times = if event.shift_key() { 10.0 } else { 1.0 };
            onscrub.emit((index, scrub.stepped(direction * times)));
        })
    };
    let onpointerdown = {
        let drag = drag.clone();
        let start_value = props.scrub.value;
        Callback::from(move |event: PointerEvent| {
            event.prevent_default();
            if let Some(element) = event.target_dyn_into::<web_sys::HtmlElement>() {
                let _ = element.set_pointer_capture(event.pointer_id());
                let _ = element.focus();
            }
            *drag.borrow_mut() = Some(Drag {
                start_x: f64::from(event.client_x()),
                start_value,
            });
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        let onscrub = props.onscrub.clone();
        let scrub = props.scrub.clone();
        Callback::from(move |event: PointerEvent| {
            let Some(d) = *drag.borrow() else { return };
            let steps = ((f64::from(event.client_x()) - d.start_x) / PIXELS_PER_STEP).round();
            let value = (d.start_value + steps * scrub.step).clamp(0.0, scrub.max);
            if (value - scrub.value).abs() > scrub.step / 2.0 {
                onscrub.emit((index, value));
            }
        })
    };
    let onpointerup = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    let scrub = &props.scrub;
    html! {
        <span
            class="aio-scrub"
            role="slider"
            tabindex="0"
            data-testid={format!("scrub-{index}")}
            aria-label={scrub.label(page_lang())}
            aria-valuenow={scrub.value.to_string()}
            aria-valuemin={scrub.min.to_string()}
            aria-valuemax={scrub.max.to_string()}
            aria-valuetext={trf(Msg::EditorScrubValue, &[("value", &props.literal)])}
            title={tr(Msg::EditorScrubHint)}
            {onkeydown}
            {onpointerdown}
            {onpointermove}
            onpointerup={onpointerup.clone()}
            onpointercancel={onpointerup}
        >
            { props.literal.clone() }
        </span>
    }
}
