//! Browser tests of the comparison lab, in headless Chromium:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p aio-widgets --target wasm32-unknown-unknown --test compare`.
//!
//! Each test mounts a lab through the exported `mount`, as the loader does, and drives it with
//! real DOM events.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts a lab with this workload JSON into a new div and lets yew render it.
async fn mount(props: &str) -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    aio_widgets::mount(root.clone(), "compare-lab", props).unwrap();
    settle().await;
    root
}

async fn settle() {
    TimeoutFuture::new(10).await;
}

/// Waits until `check` holds, for at most two seconds.
async fn eventually(check: impl Fn() -> bool) -> bool {
    for _ in 0..200 {
        if check() {
            return true;
        }
        TimeoutFuture::new(10).await;
    }
    check()
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn get(root: &Element, selector: &str) -> Element {
    find(root, selector).unwrap_or_else(|| panic!("no {selector}"))
}

/// Types `text` into an input as a reader would: the value changes, then `input` fires.
async fn type_into(root: &Element, selector: &str, text: &str) {
    let input: HtmlInputElement = get(root, selector).dyn_into().unwrap();
    input.set_value(text);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
    settle().await;
}

/// The total a model's panel shows, in seconds (its `data-total`).
fn total(root: &Element, model: &str) -> f64 {
    get(root, &format!("[data-testid=\"compare-model-{model}\"]"))
        .get_attribute("data-total")
        .unwrap()
        .parse()
        .unwrap()
}

/// The models the summary marks fastest.
fn fastest(root: &Element) -> Vec<String> {
    let rows = root
        .query_selector_all("[data-testid=\"compare-summary\"] tr[data-fastest=\"true\"]")
        .unwrap();
    (0..rows.length())
        .map(|i| {
            rows.item(i)
                .unwrap()
                .unchecked_into::<Element>()
                .get_attribute("data-model")
                .unwrap()
        })
        .collect()
}

const IO_BOUND: &str = r#"{"jobs":4,"io":1.0,"cpu":0.0,"workers":4,"cores":2}"#;

#[wasm_bindgen_test]
async fn mounting_shows_every_model_with_its_total() {
    let root = mount(IO_BOUND).await;
    assert!(eventually(|| find(&root, "[data-testid=\"compare-summary\"]").is_some()).await);
    for (model, expected) in [
        ("sequential", 4.0),
        ("asyncio", 1.0),
        ("threads", 1.0001),
        ("processes", 1.015),
    ] {
        assert!((total(&root, model) - expected).abs() < 1e-4, "{model}");
        assert!(
            find(
                &root,
                &format!("[data-testid=\"compare-model-{model}\"] svg[role=\"img\"]")
            )
            .is_some()
        );
    }
    assert_eq!(fastest(&root), ["asyncio", "threads"]);
    // Every input has a label.
    let inputs = root.query_selector_all("input").unwrap();
    assert_eq!(inputs.length(), 5);
    for i in 0..inputs.length() {
        let id = inputs.item(i).unwrap().unchecked_into::<Element>().id();
        assert!(
            find(&root, &format!("label[for=\"{id}\"]")).is_some(),
            "{id}"
        );
    }
}

#[wasm_bindgen_test]
async fn changing_the_inputs_updates_the_totals() {
    let root = mount(IO_BOUND).await;
    type_into(&root, "input[data-testid=\"compare-cpu\"]", "1").await;
    type_into(&root, "input[data-testid=\"compare-io\"]", "0").await;
    assert!(eventually(|| fastest(&root) == ["processes"]).await);
    assert!((total(&root, "threads") - total(&root, "sequential")).abs() < 0.01);
    assert!((total(&root, "processes") - 2.015).abs() < 1e-4);
    type_into(&root, "input[data-testid=\"compare-cores\"]", "4").await;
    assert!(eventually(|| (total(&root, "processes") - 1.015).abs() < 1e-4).await);
    // A preset sets waiting and computing at once.
    get(&root, "[data-testid=\"compare-preset-io\"]")
        .unchecked_into::<HtmlElement>()
        .click();
    assert!(eventually(|| fastest(&root) == ["asyncio", "threads"]).await);
}

#[wasm_bindgen_test]
async fn bad_input_shows_a_message_and_changes_nothing() {
    let root = mount(IO_BOUND).await;
    type_into(&root, "input[data-testid=\"compare-jobs\"]", "-2").await;
    // A loaded machine may render later than one settle.
    assert!(eventually(|| find(&root, "[data-testid=\"compare-error-jobs\"]").is_some()).await);
    let message = get(&root, "[data-testid=\"compare-error-jobs\"]");
    assert_eq!(
        message.text_content().unwrap(),
        "Jobs: choose from 1 to 12."
    );
    assert!((total(&root, "sequential") - 4.0).abs() < 1e-9);
    type_into(&root, "input[data-testid=\"compare-jobs\"]", "2").await;
    assert!(eventually(|| find(&root, "[data-testid=\"compare-error-jobs\"]").is_none()).await);
    assert!(eventually(|| (total(&root, "sequential") - 2.0).abs() < 1e-9).await);
}

#[wasm_bindgen_test]
async fn bad_props_are_an_error_not_a_panic() {
    let root = document().create_element("div").unwrap();
    for props in [
        "",
        "{}",
        r#"{"jobs":0,"io":1.0,"cpu":0.0,"workers":4,"cores":2}"#,
    ] {
        assert!(
            aio_widgets::mount(root.clone(), "compare-lab", props).is_err(),
            "{props}"
        );
    }
}
