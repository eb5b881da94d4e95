//! The code editor: a transparent `<textarea>` over the highlighted code, and above both a layer
//! that makes the scrubbable durations draggable sliders and holds the fold button.
//!
//! Three layers share one grid cell and the same font metrics, so the caret never drifts from
//! the text: the highlighted `<pre>` (behind, `aria-hidden`), the textarea (its text transparent,
//! its caret visible) and the scrub layer (transparent text, `pointer-events: none` except on the
//! numbers and the fold button). The textarea grows to fit the code, so none of the layers ever
//! scrolls on its own.
//!
//! With the timing helpers folded, all three show the [`View`] of the code: one empty line where
//! the helpers are, covered by the button that unfolds them. Edits of the view go back to the
//! whole program ([`View::apply`]); typing into the folded line opens it instead; copying a
//! selection across it copies the helpers too.

use std::rc::Rc;

use aio_core::fold::{Fold, View};
use aio_core::highlight::highlight;
use aio_core::i18n::Msg;
use aio_core::scrub::Scrubbable;
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlTextAreaElement, InputEvent, KeyboardEvent};
use yew::prelude::*;

use crate::components::scrub_handle::ScrubHandle;
use crate::editing::{TextEdit, byte_offset, dedent, indent, newline, utf16_offset};
use crate::services::{page_lang, tr, trf};

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
    /// The timing helpers of `source`, if it has them, and whether they are folded.
    pub fold: Option<Fold>,
    pub folded: bool,
    /// Fold (`true`) or unfold them.
    pub onfold: Callback<bool>,
}

/// Applies `edit` the way typing would, so that the browser's undo history records it:
/// `insertText` over the selected range; `setRangeText` where that command is missing (then
/// `changed` gets the new text, as no `input` event fires).
fn apply_edit(textarea: &HtmlTextAreaElement, edit: &TextEdit, changed: &dyn Fn(String, usize)) {
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
        changed(textarea.value(), edit.select.1);
    }
    let _ = textarea.set_selection_range(edit.select.0 as u32, edit.select.1 as u32);
}

/// The selection of `textarea` as byte offsets of its text.
fn selection(textarea: &HtmlTextAreaElement) -> (String, usize, usize) {
    let text = textarea.value();
    let start = textarea.selection_start().ok().flatten().unwrap_or(0) as usize;
    let end = textarea.selection_end().ok().flatten().unwrap_or(0) as usize;
    let (start, end) = (byte_offset(&text, start), byte_offset(&text, end));
    (text, start.min(end), start.max(end))
}

/// The view bytes an input event is about to change (for `beforeinput`, before the browser
/// changes anything): the selection, or the character next to the caret when deleting.
fn target_range(text: &str, start: usize, end: usize, input_type: &str) -> (usize, usize) {
    if start != end || !input_type.starts_with("delete") {
        return (start, end);
    }
    if input_type.contains("Backward") {
        let before = text[..start].chars().next_back().map_or(0, char::len_utf8);
        (start - before, end)
    } else {
        let after = text[end..].chars().next().map_or(0, char::len_utf8);
        (start, end + after)
    }
}

/// The editable, highlighted, scrubbable code.
#[component]
pub fn CodeEditor(props: &CodeEditorProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let textarea = use_node_ref();
    // After Escape, Tab leaves the editor instead of indenting (no keyboard trap).
    let tab_leaves = use_mut_ref(|| false);

    // What the editor shows: the whole code, or its view with the helpers folded.
    let view = props
        .fold
        .clone()
        .filter(|_| props.folded)
        .map(|fold| View::new(&props.source, fold));
    let shown: &str = view.as_ref().map_or(&props.source, |view| &view.text);
    // Opens the helpers from the keyboard (typing into the folded line, Enter, Tab or a cut
    // that reaches it); the caret then goes to their first line.
    let unfold_at = use_mut_ref(|| None::<usize>);
    let unfold: Rc<dyn Fn(&View)> = {
        let onfold = props.onfold.clone();
        let unfold_at = unfold_at.clone();
        Rc::new(move |view: &View| {
            *unfold_at.borrow_mut() = Some(view.fold.range.start);
            onfold.emit(false);
        })
    };
    // The textarea's new text (bytes, caret at `caret`) back to the whole program.
    let changed: Rc<dyn Fn(String, usize)> = {
        let onedit = props.onedit.clone();
        let unfold = unfold.clone();
        let view = view.clone();
        let source = props.source.clone();
        Rc::new(move |text: String, caret: usize| match &view {
            Some(view) => {
                let mapped = view.apply(&source, &text, caret);
                onedit.emit(mapped.source);
                if mapped.unfold {
                    unfold(view);
                }
            }
            None => onedit.emit(text),
        })
    };
    let oninput = {
        let changed = changed.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(textarea) = event.target_dyn_into::<HtmlTextAreaElement>() {
                let (text, _, caret) = selection(&textarea);
                changed(text, caret);
            }
        })
    };
    // Typing into the folded line (or deleting it) opens the helpers instead of changing them
    // unseen.
    let onbeforeinput = {
        let view = view.clone();
        let unfold = unfold.clone();
        Callback::from(move |event: InputEvent| {
            let (Some(view), Some(textarea)) =
                (&view, event.target_dyn_into::<HtmlTextAreaElement>())
            else {
                return;
            };
            let (text, start, end) = selection(&textarea);
            let (start, end) = target_range(&text, start, end, &event.input_type());
            if view.touches_placeholder(start, end) {
                event.prevent_default();
                unfold(view);
            }
        })
    };
    // Copying across the folded line copies the helpers with the rest.
    let oncopy = {
        let view = view.clone();
        let source = props.source.clone();
        Callback::from(move |event: Event| {
            let (Some(view), Some(textarea)) =
                (&view, event.target_dyn_into::<HtmlTextAreaElement>())
            else {
                return;
            };
            let (_, start, end) = selection(&textarea);
            if start == end || end <= view.placeholder || start > view.placeholder {
                return;
            }
            let Some(clipboard) = event
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(web_sys::ClipboardEvent::clipboard_data)
            else {
                return;
            };
            let _ = clipboard.set_data("text/plain", &source[view.source_range(start, end)]);
            event.prevent_default();
        })
    };
    // Cutting across the folded line cuts the helpers with the rest (a cut that only grazes it
    // opens it instead).
    let oncut = {
        let view = view.clone();
        let source = props.source.clone();
        let unfold = unfold.clone();
        let changed = changed.clone();
        Callback::from(move |event: Event| {
            let (Some(view), Some(textarea)) =
                (&view, event.target_dyn_into::<HtmlTextAreaElement>())
            else {
                return;
            };
            let (text, start, end) = selection(&textarea);
            if start == end || end < view.placeholder || start > view.placeholder {
                return;
            }
            event.prevent_default();
            if view.touches_placeholder(start, end) {
                unfold(view);
                return;
            }
            if let Some(clipboard) = event
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(web_sys::ClipboardEvent::clipboard_data)
            {
                let _ = clipboard.set_data("text/plain", &source[view.source_range(start, end)]);
            }
            let (start, end) = (utf16_offset(&text, start), utf16_offset(&text, end));
            let cut = TextEdit {
                start,
                end,
                insert: String::new(),
                select: (start, start),
            };
            let changed = changed.clone();
            apply_edit(&textarea, &cut, &move |text: String, caret_utf16: usize| {
                let caret = byte_offset(&text, caret_utf16);
                changed(text, caret);
            });
        })
    };
    // yew has no `onbeforeinput`: one listener on the textarea calls this render's handler
    // (removed when the editor goes).
    let beforeinput = use_mut_ref(|| None::<Callback<InputEvent>>);
    *beforeinput.borrow_mut() = Some(onbeforeinput);
    {
        let textarea = textarea.clone();
        let beforeinput = beforeinput.clone();
        use_effect_with((), move |()| {
            let listener = textarea.cast::<HtmlTextAreaElement>().map(|element| {
                // Not passive: the handler may cancel the input.
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&element, "beforeinput", options, move |event| {
                    let handler = beforeinput.borrow().clone();
                    if let (Some(handler), Some(event)) = (handler, event.dyn_ref::<InputEvent>()) {
                        handler.emit(event.clone());
                    }
                })
            });
            move || drop(listener)
        });
    }
    // After unfolding from the keyboard, the caret goes to the helpers' first line.
    {
        let textarea = textarea.clone();
        let unfold_at = unfold_at.clone();
        let source = props.source.clone();
        use_effect_with(props.folded, move |folded| {
            if let (false, Some(at)) = (*folded, unfold_at.borrow_mut().take())
                && let Some(element) = textarea.cast::<HtmlTextAreaElement>()
            {
                let caret = utf16_offset(&source, at) as u32;
                let _ = element.focus();
                let _ = element.set_selection_range(caret, caret);
            }
        });
    }
    let onkeydown = {
        let textarea = textarea.clone();
        let tab_leaves = tab_leaves.clone();
        let view = view.clone();
        let unfold = unfold.clone();
        let changed = changed.clone();
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
            let text = element.value();
            let edit = make(&text, start, end);
            if let Some(view) = &view
                && view.touches_placeholder(
                    byte_offset(&text, edit.start),
                    byte_offset(&text, edit.end),
                )
            {
                unfold(view);
                return;
            }
            let changed = changed.clone();
            apply_edit(&element, &edit, &move |text: String, caret_utf16: usize| {
                let caret = byte_offset(&text, caret_utf16);
                changed(text, caret);
            });
        })
    };
    let onfocus = {
        let tab_leaves = tab_leaves.clone();
        Callback::from(move |_: FocusEvent| *tab_leaves.borrow_mut() = false)
    };

    let lines = shown.split('\n').count();
    let columns = shown
        .split('\n')
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(0);
    let size = format!("--aio-lines: {lines}; --aio-cols: {columns};");

    let highlighted = highlight(shown)
        .into_iter()
        .map(|(class, text)| match class {
            Some(class) => html! { <span class={class}>{ text }</span> },
            None => html! { { text } },
        })
        .collect::<Html>();

    // The scrub layer: the code again, invisible, with the numbers as sliders and the fold
    // button on its line.
    let fold_button = props.fold.as_ref().map(|fold| {
        let label = fold.label(page_lang());
        let onclick = {
            let onfold = props.onfold.clone();
            let fold_now = view.is_none();
            Callback::from(move |_: MouseEvent| onfold.emit(fold_now))
        };
        // Folded: over the empty line that stands for the helpers. Open: after their first line.
        let (at, text, class) = match &view {
            Some(view) => (
                view.placeholder,
                format!("▸ {label}"),
                "aio-fold aio-fold--closed",
            ),
            None => (
                props.source[fold.range.start..]
                    .find('\n')
                    .map_or(props.source.len(), |n| fold.range.start + n),
                format!("▾ {}", tr(Msg::FoldClose)),
                "aio-fold aio-fold--open",
            ),
        };
        let button = html! {
            <button type="button" class={class} data-testid="fold"
                aria-expanded={view.is_none().to_string()}
                aria-label={trf(
                    if view.is_some() { Msg::FoldShowLabel } else { Msg::FoldCloseLabel },
                    &[("label", &label)],
                )}
                {onclick}>{ text }</button>
        };
        (at, button)
    });
    let mut scrub_layer = Vec::new();
    let mut at = 0;
    let mut fold_button = fold_button;
    let scrubs = props
        .scrubbables
        .iter()
        .enumerate()
        .filter_map(|(index, scrub)| {
            let start = match &view {
                Some(view) => view.to_view(scrub.range.start)?,
                None => scrub.range.start,
            };
            Some((index, start..start + scrub.range.len(), scrub))
        });
    for (index, range, scrub) in scrubs {
        if range.start < at || range.end > shown.len() {
            continue;
        }
        if let Some((fold_at, _)) = &fold_button
            && *fold_at <= range.start
            && let Some((fold_at, button)) = fold_button.take()
        {
            scrub_layer
                .push(html! { <span aria-hidden="true">{ shown[at..fold_at].to_string() }</span> });
            scrub_layer.push(button);
            at = fold_at;
        }
        scrub_layer.push(html! {
            <span aria-hidden="true">{ shown[at..range.start].to_string() }</span>
        });
        scrub_layer.push(html! {
            <ScrubHandle {index} scrub={scrub.clone()}
                literal={AttrValue::from(shown[range.clone()].to_string())}
                onscrub={props.onscrub.clone()} />
        });
        at = range.end;
    }
    if let Some((fold_at, button)) = fold_button.filter(|(fold_at, _)| *fold_at >= at) {
        scrub_layer
            .push(html! { <span aria-hidden="true">{ shown[at..fold_at].to_string() }</span> });
        scrub_layer.push(button);
        at = fold_at;
    }
    scrub_layer.push(html! { <span aria-hidden="true">{ shown[at..].to_string() }</span> });

    html! {
        <div class="aio-editor" style={size}>
            <pre class="aio-editor__highlight" aria-hidden="true"><code class="hljs language-python">
                { highlighted }{ "\n" }
            </code></pre>
            <textarea
                ref={textarea}
                class="aio-editor__input"
                data-testid="editor"
                aria-label={trf(Msg::EditorLabel, &[("filename", &props.filename)])}
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                wrap="off"
                rows={lines.to_string()}
                value={shown.to_owned()}
                {oninput}
                {onkeydown}
                {onfocus}
                {oncopy}
                {oncut}
            />
            <div class="aio-editor__scrubs">{ for scrub_layer }{ "\n" }</div>
        </div>
    }
}
