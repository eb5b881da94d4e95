//! Browser tests of the "Predict, then run" exercise, in headless Chromium:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p aio-widgets --target wasm32-unknown-unknown --test predict`.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{find, get};

const PROGRAM: &str = "import asyncio\n\nasync def main():\n    print('one')\n    await asyncio.sleep(0.1)\n    print('two')\n    print('three')\n\nasyncio.run(main())\n";

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

async fn mount(id: &str, predict: &str) -> Element {
    storage()
        .remove_item(&format!("aio-predict:v1:{id}"))
        .unwrap();
    let props =
        serde_json::json!({"id": id, "filename": "ex.py", "source": PROGRAM, "predict": predict})
            .to_string();
    common::mount_widget("asyncio-example", &props, 30).await
}

async fn settle() {
    TimeoutFuture::new(30).await;
}

async fn click(root: &Element, selector: &str) {
    get(root, selector)
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    settle().await;
}

fn verdict(root: &Element) -> (String, String) {
    let verdict = get(root, "[data-testid=\"predict-verdict\"]");
    (
        verdict.get_attribute("data-correct").unwrap_or_default(),
        verdict.text_content().unwrap_or_default(),
    )
}

fn order(root: &Element) -> Vec<String> {
    (0..3)
        .map(|i| {
            get(root, &format!("[data-testid=\"predict-line-{i}\"] code"))
                .text_content()
                .unwrap_or_default()
        })
        .collect()
}

async fn type_total(root: &Element, text: &str) {
    let input: HtmlInputElement = get(root, "input[data-testid=\"predict-total\"]")
        .dyn_into()
        .unwrap();
    input.set_value(text);
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    input.dispatch_event(&event).unwrap();
    settle().await;
}

#[wasm_bindgen_test]
async fn a_total_is_hidden_until_locked_then_judged_run_and_forgotten_on_try_again() {
    let root = mount("t/predict-total.py", "total").await;
    get(&root, "[data-testid=\"predict-form\"]");
    // The code is there; the answer is not.
    get(&root, "textarea[data-testid=\"editor\"]");
    assert!(find(&root, "[data-testid=\"predicted-total\"]").is_none());
    assert!(find(&root, "[data-testid=\"output\"]").is_none());
    assert!(find(&root, "[data-testid=\"timeline\"]").is_none());

    type_total(&root, "soon").await;
    click(&root, "button[data-testid=\"predict-lock\"]").await;
    assert!(
        get(&root, "[data-testid=\"predict-error\"]")
            .text_content()
            .unwrap()
            .contains("not a number")
    );
    assert!(find(&root, "[data-testid=\"predict-verdict\"]").is_none());

    type_total(&root, "1").await;
    click(&root, "button[data-testid=\"predict-lock\"]").await;
    let (correct, message) = verdict(&root);
    assert_eq!(correct, "false");
    assert!(message.contains("0.90 s too long"), "{message}");
    assert!(find(&root, "[data-testid=\"predict-form\"]").is_none());
    // Revealed and running for real.
    get(&root, "[data-testid=\"predicted-total\"]");
    let widget = get(&root, ".aio-example");
    assert_eq!(
        widget.get_attribute("data-run-state").as_deref(),
        Some("running")
    );
    assert!(
        storage()
            .get_item("aio-predict:v1:t/predict-total.py")
            .unwrap()
            .is_some()
    );

    click(&root, "button[data-testid=\"predict-reset\"]").await;
    get(&root, "[data-testid=\"predict-form\"]");
    assert!(
        storage()
            .get_item("aio-predict:v1:t/predict-total.py")
            .unwrap()
            .is_none()
    );
    type_total(&root, "0.1").await;
    click(&root, "button[data-testid=\"predict-lock\"]").await;
    assert_eq!(verdict(&root).0, "true");
    root.remove();
}

#[wasm_bindgen_test]
async fn an_order_is_shuffled_and_solved_with_the_buttons() {
    let root = mount("t/predict-order.py", "order").await;
    let mut lines = order(&root);
    let want = ["one", "two", "three"];
    assert_ne!(lines, want, "starts shuffled");
    let up = get(&root, "[data-testid=\"predict-up-0\"]");
    assert!(up.has_attribute("disabled"));
    assert!(up.get_attribute("aria-label").unwrap().contains("up"));
    // Bubble each wanted line up to its place.
    for (place, line) in want.iter().enumerate() {
        let mut at = lines.iter().position(|l| l == line).unwrap();
        while at > place {
            click(&root, &format!("[data-testid=\"predict-up-{at}\"]")).await;
            at -= 1;
        }
        lines = order(&root);
    }
    assert_eq!(lines, want);
    click(&root, "button[data-testid=\"predict-lock\"]").await;
    let (correct, message) = verdict(&root);
    assert_eq!(correct, "true", "{message}");
    assert!(message.contains("all 3 lines"), "{message}");
    root.remove();
}
