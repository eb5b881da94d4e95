//! Browser tests of the timeline lab, in headless Chromium:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p aio-widgets --target wasm32-unknown-unknown`.
//!
//! Each test mounts a lab into a fresh `div` through the exported `mount`, as the loader does, and
//! drives it with real DOM events.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{document, eventually, find, get, type_into};

/// Mounts a lab with these tasks into a new div and lets yew render it.
async fn mount(tasks: &[(&str, f64)]) -> Element {
    let tasks: Vec<String> = tasks
        .iter()
        .map(|(name, seconds)| format!(r#"{{"name":"{name}","seconds":{seconds}}}"#))
        .collect();
    let props = format!(
        r#"{{"tasks":[{}],"view":{{"show":"all"}}}}"#,
        tasks.join(",")
    );
    common::mount_widget("timeline-lab", &props, 10).await
}

/// Lets yew's scheduler render.
async fn settle() {
    TimeoutFuture::new(10).await;
}

/// The value of the input matching `selector`, if there is one.
fn input_value(root: &Element, selector: &str) -> Option<String> {
    find(root, selector).map(|input| input.unchecked_into::<HtmlInputElement>().value())
}

fn is_disabled(root: &Element, selector: &str) -> bool {
    get(root, selector).has_attribute("disabled")
}

#[wasm_bindgen_test]
async fn mounting_renders_one_panel_per_strategy() {
    let root = mount(&[("fetch_url", 1.0), ("read_file", 1.0)]).await;
    assert!(find(&root, ".aio-lab").is_some());
    for key in ["sequential", "create_task", "gather"] {
        let panel = get(&root, &format!("[data-testid=\"panel-{key}\"]"));
        let code = get(&panel, &format!("pre[data-testid=\"code-{key}\"]"));
        assert!(
            code.text_content()
                .unwrap()
                .contains("async def fetch_url():")
        );
        let expected = if key == "sequential" {
            "2.00 s"
        } else {
            "1.00 s"
        };
        let total = get(&panel, &format!("[data-testid=\"predicted-total-{key}\"]"));
        assert_eq!(total.text_content().unwrap(), expected);
        assert!(find(&panel, &format!("button[data-testid=\"run-{key}\"]")).is_some());
        let rows = panel
            .query_selector_all(&format!("table[data-testid=\"table-{key}\"] tr[data-task]"))
            .unwrap();
        assert_eq!(rows.length(), 2);
    }
    let all = get(&root, "[data-testid=\"view-all\"]");
    assert_eq!(all.get_attribute("aria-pressed").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn bad_props_and_unknown_kinds_are_errors_not_panics() {
    let root = document().create_element("div").unwrap();
    for (kind, props) in [
        ("timeline-lab", "{"),
        ("timeline-lab", r#"{"tasks":[]}"#),
        ("quiz", r#"{"tasks":[{"name":"a","seconds":1}]}"#),
    ] {
        let error = aio_widgets::mount(root.clone(), kind, props).unwrap_err();
        assert!(error.as_string().is_some_and(|text| !text.is_empty()));
    }
}

#[wasm_bindgen_test]
async fn a_negative_duration_shows_the_message_and_disables_run() {
    let root = mount(&[("fetch_url", 1.0), ("read_file", 1.0)]).await;
    let code_before = get(&root, "pre[data-testid=\"code-gather\"]").text_content();
    assert!(find(&root, "[data-testid=\"duration-error-0\"]").is_none());

    type_into(&root, "input[data-testid=\"duration-0\"]", "-1").await;

    let message = get(&root, "[data-testid=\"duration-error-0\"]");
    assert_eq!(message.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        message.text_content().unwrap(),
        "A duration cannot be negative."
    );
    let input = get(&root, "input[data-testid=\"duration-0\"]");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    for run in ["run-all", "run-sequential", "run-create_task", "run-gather"] {
        assert!(
            is_disabled(&root, &format!("[data-testid=\"{run}\"]")),
            "{run}"
        );
    }
    // Nothing else changed: the code keeps the last valid duration.
    assert_eq!(
        get(&root, "pre[data-testid=\"code-gather\"]").text_content(),
        code_before
    );

    type_into(&root, "input[data-testid=\"duration-0\"]", "0.5").await;
    assert!(find(&root, "[data-testid=\"duration-error-0\"]").is_none());
    assert!(!is_disabled(&root, "[data-testid=\"run-all\"]"));
}

#[wasm_bindgen_test]
async fn editing_updates_the_code_and_the_prediction() {
    let root = mount(&[("fetch_url", 1.0), ("read_file", 1.0)]).await;
    type_into(&root, "input[data-testid=\"duration-1\"]", "2.5").await;
    let code = get(&root, "pre[data-testid=\"code-sequential\"]")
        .text_content()
        .unwrap();
    assert!(code.contains("await asyncio.sleep(2.5)"), "{code}");
    assert_eq!(
        get(&root, "[data-testid=\"predicted-total-sequential\"]").text_content(),
        Some("3.50 s".into())
    );
    type_into(&root, "input[data-testid=\"name-0\"]", "download").await;
    let code = get(&root, "pre[data-testid=\"code-gather\"]")
        .text_content()
        .unwrap();
    assert!(
        code.contains("await asyncio.gather(download(), read_file())"),
        "{code}"
    );
}

#[wasm_bindgen_test]
async fn adding_and_removing_tasks() {
    let root = mount(&[("fetch_url", 1.0)]).await;
    assert!(is_disabled(&root, "[data-testid=\"remove-task-0\"]"));
    get(&root, "[data-testid=\"add-task\"]")
        .unchecked_into::<HtmlElement>()
        .click();
    let added = || input_value(&root, "input[data-testid=\"name-1\"]").as_deref() == Some("task_1");
    assert!(
        eventually(added).await,
        "a second task, named task_1, appears"
    );
    assert!(eventually(|| !is_disabled(&root, "[data-testid=\"remove-task-0\"]")).await);
    get(&root, "[data-testid=\"remove-task-0\"]")
        .unchecked_into::<HtmlElement>()
        .click();
    let removed = || {
        input_value(&root, "input[data-testid=\"name-0\"]").as_deref() == Some("task_1")
            && find(&root, "input[data-testid=\"name-1\"]").is_none()
    };
    assert!(eventually(removed).await, "the first task is gone");
}

#[wasm_bindgen_test]
async fn keys_typed_in_the_lab_do_not_reach_the_page() {
    let root = mount(&[("fetch_url", 1.0)]).await;
    let seen = Rc::new(Cell::new(0));
    let counter = seen.clone();
    let listener = Closure::<dyn Fn()>::new(move || counter.set(counter.get() + 1));
    document()
        .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref())
        .unwrap();
    let init = web_sys::KeyboardEventInit::new();
    init.set_bubbles(true);
    init.set_key("s");
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    get(&root, "input[data-testid=\"name-0\"]")
        .dispatch_event(&event)
        .unwrap();
    document()
        .remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref())
        .unwrap();
    assert_eq!(seen.get(), 0, "mdBook's shortcuts would have seen the key");
}

#[wasm_bindgen_test]
async fn a_short_run_measures_totals_close_to_the_ideal() {
    let root = mount(&[("fetch_url", 0.05), ("read_file", 0.03)]).await;
    get(&root, "[data-testid=\"run-all\"]")
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;
    // The strategies run one after another: 80 + 50 + 50 ms ideally.
    let keys = ["sequential", "create_task", "gather"];
    let measured = |key: &str| {
        get(&root, &format!("[data-testid=\"panel-{key}\"]"))
            .get_attribute("data-measured-total-ms")
            .map(|text| text.parse::<f64>().unwrap())
    };
    for _ in 0..100 {
        if keys.iter().all(|key| measured(key).is_some()) {
            break;
        }
        TimeoutFuture::new(20).await;
    }
    for (key, ideal) in [
        ("sequential", 80.0),
        ("create_task", 50.0),
        ("gather", 50.0),
    ] {
        let total = measured(key).unwrap_or_else(|| panic!("{key} did not finish"));
        assert!(
            (ideal..=ideal + 100.0).contains(&total),
            "{key}: {total} ms against an ideal of {ideal} ms"
        );
        let panel = get(&root, &format!("[data-testid=\"panel-{key}\"]"));
        assert!(!panel.has_attribute("data-running"));
        let rows = panel.query_selector_all("tr[data-task]").unwrap();
        assert_eq!(rows.length(), 2);
        for index in 0..rows.length() {
            let row: Element = rows.item(index).unwrap().unchecked_into();
            let start: f64 = row
                .get_attribute("data-measured-start-ms")
                .unwrap()
                .parse()
                .unwrap();
            let end: f64 = row
                .get_attribute("data-measured-end-ms")
                .unwrap()
                .parse()
                .unwrap();
            assert!(
                0.0 <= start && start < end && end <= total + 0.1,
                "{key} row {index}"
            );
        }
    }
}

#[wasm_bindgen_test]
async fn a_run_shows_it_is_running_and_editing_cancels_it() {
    let root = mount(&[("fetch_url", 0.3)]).await;
    get(&root, "[data-testid=\"run-gather\"]")
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;
    let panel = get(&root, "[data-testid=\"panel-gather\"]");
    assert_eq!(panel.get_attribute("data-running").as_deref(), Some("true"));
    type_into(&root, "input[data-testid=\"duration-0\"]", "0.2").await;
    assert!(!panel.has_attribute("data-running"));
    TimeoutFuture::new(400).await;
    assert!(
        !panel.has_attribute("data-measured-total-ms"),
        "a cancelled run stored a result"
    );
}
