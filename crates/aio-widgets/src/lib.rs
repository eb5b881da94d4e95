//! The book's browser widgets, compiled to WebAssembly.
//!
//! `www/aio-loader.js` loads this module and calls [`mount`] for every placeholder the mdBook
//! preprocessor left in a page (`<div class="aio-widget" data-aio-widget="…" data-aio-props='…'>`).
//! Three widgets: the timeline lab ([`components::timeline_lab::TimelineLab`]), the code widget
//! that turns every Python example into a workbench ([`components::asyncio_example::AsyncioExample`])
//! and the comparison lab ([`components::compare_lab::CompareLab`]).
//!
//! - [`state`]: the lab's state and reducer (plain Rust, unit-tested on the host);
//! - [`example_state`], [`editing`]: the code widget's state, reducer and editor keys (likewise);
//! - [`compare_state`]: the comparison lab's state and reducer (likewise);
//! - [`services`]: runs the tasks as real futures on the browser's event loop and measures them;
//! - [`blame`]: which widget's code is running, for the panic hook;
//! - [`hooks`]: what the page says (its width), kept current in a component;
//! - [`components`]: the yew components, one per file.

use std::cell::Cell;

use aio_core::compare::{self, Workload};
use aio_core::example::ExampleProps;
use aio_core::lab::{LabProps, check_tasks};
use wasm_bindgen::prelude::*;

pub mod blame;
pub mod compare_state;
pub mod components;
pub mod editing;
pub mod example_state;
pub mod hooks;
pub mod services;
pub mod state;
pub mod stepper_state;

use components::asyncio_example::{AsyncioExample, AsyncioExampleProps};
use components::compare_lab::{CompareLab, CompareLabProps};
use components::timeline_lab::{TimelineLab, TimelineLabProps};
use components::widget_root::{WidgetRoot, WidgetRootProps};
use yew::html;

/// The `data-aio-widget` value of the timeline lab.
pub const TIMELINE_LAB: &str = "timeline-lab";

/// The `data-aio-widget` value of a Python example (the code widget).
pub const ASYNCIO_EXAMPLE: &str = "asyncio-example";

/// The `data-aio-widget` value of the comparison lab.
pub const COMPARE_LAB: &str = "compare-lab";

/// Reads a comparison lab's `data-aio-props` JSON and checks it, with a message a reader can act
/// on.
pub fn parse_compare_props(props_json: &str) -> Result<Workload, String> {
    let workload: Workload = serde_json::from_str(props_json)
        .map_err(|error| format!("its settings (data-aio-props) are not valid: {error}"))?;
    compare::check(&workload)
        .map_err(|error| format!("its settings (data-aio-props) are not valid: {error}"))?;
    Ok(workload)
}

/// Reads a code widget's `data-aio-props` JSON, with a message a reader can act on.
pub fn parse_example_props(props_json: &str) -> Result<ExampleProps, String> {
    serde_json::from_str(props_json)
        .map_err(|error| format!("its settings (data-aio-props) are not valid: {error}"))
}

/// Reads a timeline lab's `data-aio-props` JSON and checks it, with a message a reader can act on.
pub fn parse_lab_props(props_json: &str) -> Result<LabProps, String> {
    let props: LabProps = serde_json::from_str(props_json)
        .map_err(|error| format!("its settings (data-aio-props) are not valid: {error}"))?;
    check_tasks(&props.tasks).map_err(|error| format!("its tasks are not valid: {error}"))?;
    Ok(props)
}

/// Replaces the placeholder `element`'s fallback content with the widget `kind`, configured by
/// `props_json`.
///
/// Returns an error message (never panics) for an unknown kind or unusable props; the loader then
/// keeps the static fallback and shows the message.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, kind: &str, props_json: &str) -> Result<(), JsValue> {
    install_panic_hook();
    let widget = match kind {
        TIMELINE_LAB => {
            let lab = parse_lab_props(props_json).map_err(|error| JsValue::from_str(&error))?;
            html! { <TimelineLab ..TimelineLabProps { lab } /> }
        }
        ASYNCIO_EXAMPLE => {
            let example =
                parse_example_props(props_json).map_err(|error| JsValue::from_str(&error))?;
            html! { <AsyncioExample ..AsyncioExampleProps { example: std::rc::Rc::new(example) } /> }
        }
        COMPARE_LAB => {
            let workload =
                parse_compare_props(props_json).map_err(|error| JsValue::from_str(&error))?;
            html! { <CompareLab ..CompareLabProps { workload } /> }
        }
        other => {
            return Err(JsValue::from_str(&format!(
                "unknown widget kind `{other}` (this version knows `{TIMELINE_LAB}`, `{ASYNCIO_EXAMPLE}` and `{COMPARE_LAB}`)"
            )));
        }
    };
    let blame = blame::Blame::register(&element);
    element.set_inner_html("");
    // The handle is dropped on purpose: the app lives as long as its root element.
    let _app = yew::Renderer::<WidgetRoot>::with_root_and_props(
        element,
        WidgetRootProps {
            blame,
            children: widget,
        },
    )
    .render();
    Ok(())
}

/// Sends panic messages to `console.error`, once per page, so a crash is never silent, and to the
/// loader's listener ([`on_panic`]) with the placeholder of the widget whose code panicked (from
/// [`blame`]), or `null` when unknown.
///
/// The wasm profile aborts on panic: the panic ends in an `unreachable` trap that leaves this
/// instance in an unknown state (yew's scheduler mid-update, cells still borrowed, the shadow
/// stack not unwound), for every widget on the page. So the loader does not keep using it: told by
/// the listener, it shows an error box in the widget that crashed and mounts every other widget
/// again in a fresh instance of the module.
fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        // Through yew: it replaces any other hook with its own when an app is rendered.
        yew::set_custom_panic_hook(Box::new(|info| {
            let message = JsValue::from_str(&format!("aio-widgets: {info}"));
            web_sys::console::error_1(&message);
            let listener = PANIC_LISTENER
                .try_with(|listener| listener.try_borrow().ok().and_then(|l| l.clone()))
                .ok()
                .flatten();
            if let Some(listener) = listener {
                let element = blame::current_element().map_or(JsValue::NULL, JsValue::from);
                let _ = listener.call2(&JsValue::NULL, &message, &element);
            }
        }));
    });
}

/// Registers the loader's `listener(message, element)`, called on a panic just before the module
/// traps: `element` is the placeholder of the widget whose code panicked, or `null` when that is
/// unknown (a DOM event handled synchronously: the loader then blames the widget the reader was
/// using).
#[wasm_bindgen(js_name = onPanic)]
pub fn on_panic(listener: js_sys::Function) {
    install_panic_hook();
    PANIC_LISTENER.with(|slot| *slot.borrow_mut() = Some(listener));
}

/// For the end-to-end tests only: the next render of a code widget panics, so that they can check
/// the recovery. Reachable from the page's scripts (which can break a page anyway), not from
/// anything a reader can click or type.
#[wasm_bindgen(js_name = testPanicOnNextRender)]
pub fn test_panic_on_next_render() {
    TEST_PANIC.with(|armed| armed.set(true));
}

/// For the end-to-end tests only: the next piece of widget work that a browser timer, task or
/// animation frame resumes (a real-time run's next poll, a prediction slice, a stepper tick)
/// panics, so that they can check the panic is blamed on the widget whose work it was, not on
/// the one the reader last touched. Reachable from the page's scripts only, like
/// [`test_panic_on_next_render`].
#[wasm_bindgen(js_name = testPanicOnNextTimer)]
pub fn test_panic_on_next_timer() {
    blame::test_panic_on_next_timer();
}

/// Panics if [`test_panic_on_next_render`] asked for it (once).
pub fn panic_if_a_test_asked() {
    if TEST_PANIC.with(|armed| armed.replace(false)) {
        panic!("a crash requested by the end-to-end tests (testPanicOnNextRender)");
    }
}

thread_local! {
    static NEXT_UID: Cell<u32> = const { Cell::new(0) };
    static PANIC_LISTENER: std::cell::RefCell<Option<js_sys::Function>> =
        const { std::cell::RefCell::new(None) };
    static TEST_PANIC: Cell<bool> = const { Cell::new(false) };
}

/// A number unique in this page, for element ids (`for`, `aria-describedby`, SVG patterns) when
/// several widgets share a page.
pub fn next_uid() -> u32 {
    NEXT_UID.with(|next| {
        let uid = next.get();
        next.set(uid.wrapping_add(1));
        uid
    })
}

#[cfg(test)]
mod tests {
    use aio_core::lab::{Strategy, View};

    use super::parse_lab_props;

    #[test]
    fn reads_the_preprocessors_props() {
        let props = parse_lab_props(
            r#"{"tasks":[{"name":"fetch_url","seconds":1.0},{"name":"read_file","seconds":1.0}],"view":{"show":"all"}}"#,
        )
        .unwrap();
        assert_eq!(props.tasks.len(), 2);
        assert_eq!(props.view, View::All);
        let one = parse_lab_props(
            r#"{"tasks":[{"name":"a","seconds":0.5}],"view":{"show":"one","strategy":"gather"}}"#,
        )
        .unwrap();
        assert_eq!(one.view, View::One(Strategy::Gather));
    }

    #[test]
    fn reads_and_refuses_example_props() {
        let props = super::parse_example_props(
            r#"{"id":"tasks/p03.py","filename":"p03.py","source":"print(1)\n"}"#,
        )
        .unwrap();
        assert_eq!(props.filename, "p03.py");
        for json in [
            "",
            "[]",
            r#"{"id":"x"}"#,
            r#"{"id":1,"filename":"a","source":""}"#,
        ] {
            let error = super::parse_example_props(json).unwrap_err();
            assert!(error.contains("not valid"), "{json}: {error}");
        }
    }

    #[test]
    fn reads_and_refuses_compare_props() {
        let workload =
            super::parse_compare_props(r#"{"jobs":4,"io":1.0,"cpu":0.0,"workers":4,"cores":2}"#)
                .unwrap();
        assert_eq!(workload.jobs, 4);
        for json in [
            "",
            "{}",
            r#"{"jobs":0,"io":1.0,"cpu":0.0,"workers":4,"cores":2}"#,
            r#"{"jobs":4,"io":-1.0,"cpu":0.0,"workers":4,"cores":2}"#,
            r#"{"jobs":4,"io":1.0,"cpu":0.0,"workers":4,"cores":99}"#,
        ] {
            let error = super::parse_compare_props(json).unwrap_err();
            assert!(error.contains("not valid"), "{json}: {error}");
        }
    }

    #[test]
    fn refuses_bad_props_with_a_message() {
        for json in [
            "",
            "{",
            r#"{"tasks":[]}"#,
            r#"{"tasks":[{"name":"a b","seconds":1}]}"#,
            r#"{"tasks":[{"name":"a","seconds":-1}]}"#,
        ] {
            let error = parse_lab_props(json).unwrap_err();
            assert!(error.contains("not valid"), "{json}: {error}");
        }
    }
}
