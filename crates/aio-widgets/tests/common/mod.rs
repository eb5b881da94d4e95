//! Helpers shared by the widget tests in Chromium: a root element on the page, DOM queries, and
//! typing as a reader does. Each test binary uses the part it needs.

#![allow(dead_code)]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

pub(crate) fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a widget of `kind` with `props` (JSON) in a fresh element at the end of the page, and
/// waits `settle_ms` for its first render.
pub(crate) async fn mount_widget(kind: &str, props: &str, settle_ms: u32) -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    aio_widgets::mount(root.clone(), kind, props).unwrap();
    TimeoutFuture::new(settle_ms).await;
    root
}

/// Polls `check` every 10 ms for up to two seconds.
pub(crate) async fn eventually(check: impl Fn() -> bool) -> bool {
    for _ in 0..200 {
        if check() {
            return true;
        }
        TimeoutFuture::new(10).await;
    }
    check()
}

pub(crate) fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

pub(crate) fn get(root: &Element, selector: &str) -> Element {
    find(root, selector).unwrap_or_else(|| panic!("no {selector}"))
}

/// Types `text` into an input as a reader would: the value changes, then `input` fires.
pub(crate) async fn type_into(root: &Element, selector: &str, text: &str) {
    let input: HtmlInputElement = get(root, selector).dyn_into().unwrap();
    input.set_value(text);
    fire_input(&input);
    TimeoutFuture::new(10).await;
}

/// Fires the bubbling `input` event that follows a reader's change of a field's value.
pub(crate) fn fire_input(field: &Element) {
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    field.dispatch_event(&event).unwrap();
}
