//! Browser tests of the comparison lab, in headless Chromium:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p aio-widgets --target wasm32-unknown-unknown --test compare`.
//!
//! Each test mounts a lab through the exported `mount`, as the loader does, and drives it with
//! real DOM events.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{document, eventually, find, get, type_into};

/// Mounts a lab with this workload JSON into a new div and lets yew render it.
async fn mount(props: &str) -> Element {
    common::mount_widget("compare-lab", props, 10).await
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
