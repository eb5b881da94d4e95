//! The code editor: a transparent `<textarea>` over the highlighted code, and above both a layer
//! that makes the scrubbable durations draggable sliders.
//!
//! Three layers share one grid cell and the same font metrics, so the caret never drifts from
//! the text: the highlighted `<pre>` (behind, `aria-hidden`), the textarea (its text transparent,
//! its caret visible) and the scrub layer (transparent text, `pointer-events: none` except on the
//! numbers). The textarea grows to fit the code, so none of the layers ever scrolls on its own.

use std::rc::Rc;

use aio_core::highlight::highlight;
use aio_core::scrub::Scrubbable;
use wasm_bindgen::JsCast;
use web_sys::{HtmlTextAreaElement, KeyboardEvent, PointerEvent};
use yew::prelude::*;

use crate::editing::{TextEdit, dedent, indent, newline};

/// Pixels of pointer travel per step when dragging a number.
const PIXELS_PER_STEP: f64 = 4.0;

/// Props of [`CodeEditor`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct CodeEditorProps {
    pub source: String,
    pub scrubbables: Vec<Scrubbable>,
    /// For the textarea's label.
    pub filename: AttrValue,
    /// The reader typed: the textarea's new text.
    pub onedit: Callback<String>,
    /// The reader scrubbed number `k` to a value.
    pub onscrub: Callback<(usize, f64)>,
}

/// A drag of one number under way.
#[derive(Debug, Clone, Copy)]
struct Drag {
    index: usize,
    start_x: f64,
    start_value: f64,
    step: f64,
    max: f64,
}

/// Applies `edit` the way typing would, so that the browser's undo history records it:
/// `insertText` over the selected range; `setRangeText` where that command is missing.
fn apply_edit(textarea: &HtmlTextAreaElement, edit: &TextEdit, onedit: &Callback<String>) {
    let _ = textarea.set_selection_range(edit.start as u32, edit.end as u32);
    let inserted = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.dyn_into::<web_sys::HtmlDocument>().ok())
        .and_then(|document| {
            document
                .exec_command_with_show_ui_and_value("insertText", false, &edit.insert)
                .ok()
        })
        .unwrap_or(false);
    if !inserted {
        let _ = textarea.set_range_text_with_start_and_end(
            &edit.insert,
            edit.start as u32,
            edit.end as u32,
        );
        // `setRangeText` fires no `input` event.
        onedit.emit(textarea.value());
    }
    let _ = textarea.set_selection_range(edit.select.0 as u32, edit.select.1 as u32);
}

/// The editable, highlighted, scrubbable code.
#[component]
pub fn CodeEditor(props: &CodeEditorProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let textarea = use_node_ref();
    let drag = use_mut_ref(|| None::<Drag>);
    // After Escape, Tab leaves the editor instead of indenting (no keyboard trap).
    let tab_leaves = use_mut_ref(|| false);

    let oninput = {
        let onedit = props.onedit.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(textarea) = event.target_dyn_into::<HtmlTextAreaElement>() {
                onedit.emit(textarea.value());
            }
        })
    };
    let onkeydown = {
        let textarea = textarea.clone();
        let onedit = props.onedit.clone();
        let tab_leaves = tab_leaves.clone();
        Callback::from(move |event: KeyboardEvent| {
            let Some(element) = textarea.cast::<HtmlTextAreaElement>() else {
                return;
            };
            if event.key() == "Escape" {
                *tab_leaves.borrow_mut() = true;
                return;
            }
            if event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            let make: fn(&str, usize, usize) -> TextEdit = match event.key().as_str() {
                "Tab" if *tab_leaves.borrow() => return,
                "Tab" if event.shift_key() => dedent,
                "Tab" => indent,
                "Enter" if !event.shift_key() => newline,
                _ => {
                    *tab_leaves.borrow_mut() = false;
                    return;
                }
            };
            event.prevent_default();
            let start = element.selection_start().ok().flatten().unwrap_or(0) as usize;
            let end = element.selection_end().ok().flatten().unwrap_or(0) as usize;
            let edit = make(&element.value(), start, end);
            apply_edit(&element, &edit, &onedit);
        })
    };
    let onfocus = {
        let tab_leaves = tab_leaves.clone();
        Callback::from(move |_: FocusEvent| *tab_leaves.borrow_mut() = false)
    };

    let lines = props.source.split('\n').count();
    let columns = props
        .source
        .split('\n')
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(0);
    let size = format!("--aio-lines: {lines}; --aio-cols: {columns};");

    let highlighted = highlight(&props.source)
        .into_iter()
        .map(|(class, text)| match class {
            Some(class) => html! { <span class={class}>{ text }</span> },
            None => html! { { text } },
        })
        .collect::<Html>();

    // The scrub layer: the code again, invisible, with the numbers as sliders.
    let mut scrub_layer = Vec::new();
    let mut at = 0;
    for (index, scrub) in props.scrubbables.iter().enumerate() {
        if scrub.range.start < at || scrub.range.end > props.source.len() {
            continue;
        }
        scrub_layer.push(html! {
            <span aria-hidden="true">{ props.source[at..scrub.range.start].to_string() }</span>
        });
        scrub_layer.push(scrub_handle(
            index,
            scrub,
            &props.source,
            &drag,
            &props.onscrub,
        ));
        at = scrub.range.end;
    }
    scrub_layer.push(html! { <span aria-hidden="true">{ props.source[at..].to_string() }</span> });

    html! {
        <div class="aio-editor" style={size}>
            <pre class="aio-editor__highlight" aria-hidden="true"><code class="hljs language-python">
                { highlighted }{ "\n" }
            </code></pre>
            <textarea
                ref={textarea}
                class="aio-editor__input"
                data-testid="editor"
                aria-label={format!("Python code of {} (editable; Escape then Tab leaves the editor)", props.filename)}
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                wrap="off"
                rows={lines.to_string()}
                value={props.source.clone()}
                {oninput}
                {onkeydown}
                {onfocus}
            />
            <div class="aio-editor__scrubs">{ for scrub_layer }{ "\n" }</div>
        </div>
    }
}

/// One scrubbable number: a slider driven by arrow keys or by dragging sideways.
fn scrub_handle(
    index: usize,
    scrub: &Scrubbable,
    source: &str,
    drag: &Rc<std::cell::RefCell<Option<Drag>>>,
    onscrub: &Callback<(usize, f64)>,
) -> Html {
    let literal = source[scrub.range.clone()].to_string();
    let onkeydown = {
        let onscrub = onscrub.clone();
        let scrub = scrub.clone();
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
        let scrub = scrub.clone();
        Callback::from(move |event: PointerEvent| {
            event.prevent_default();
            if let Some(element) = event.target_dyn_into::<web_sys::HtmlElement>() {
                // Capture: the drag goes on when the pointer leaves the number.
                let _ = element.set_pointer_capture(event.pointer_id());
                let _ = element.focus();
            }
            *drag.borrow_mut() = Some(Drag {
                index,
                start_x: f64::from(event.client_x()),
                start_value: scrub.value,
                step: scrub.step,
                max: scrub.max,
            });
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        let onscrub = onscrub.clone();
        let current = scrub.value;
        Callback::from(move |event: PointerEvent| {
            let Some(d) = *drag.borrow() else { return };
            if d.index != index {
                return;
            }
            let steps = ((f64::from(event.client_x()) - d.start_x) / PIXELS_PER_STEP).round();
            let value = (d.start_value + steps * d.step).clamp(0.0, d.max);
            if (value - current).abs() > d.step / 2.0 {
                onscrub.emit((index, value));
            }
        })
    };
    let onpointerup = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    html! {
        <span
            class="aio-scrub"
            role="slider"
            tabindex="0"
            data-testid={format!("scrub-{index}")}
            aria-label={scrub.label()}
            aria-valuenow={scrub.value.to_string()}
            aria-valuemin={scrub.min.to_string()}
            aria-valuemax={scrub.max.to_string()}
            aria-valuetext={format!("{literal} seconds")}
            title="Drag sideways or use the arrow keys (Shift: ×10)"
            {onkeydown}
            {onpointerdown}
            {onpointermove}
            onpointerup={onpointerup.clone()}
            onpointercancel={onpointerup}
        >
            { literal.clone() }
        </span>
    }
}
