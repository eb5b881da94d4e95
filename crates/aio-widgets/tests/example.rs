//! Browser tests of the code widget (`asyncio-example`), in headless Chromium:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test -p aio-widgets --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{document, find, get};

const PROGRAM: &str = "import asyncio\n\nasync def main():\n    print('start')\n    await asyncio.sleep(0.1)\n    print('end')\n\nasyncio.run(main())\n";

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// Mounts an example with `source` (and no stored edit) into a new div.
async fn mount(id: &str, source: &str) -> Element {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage
        .remove_item(&format!("aio-example:v1:{id}"))
        .unwrap();
    let props = serde_json::json!({"id": id, "filename": "ex.py", "source": source}).to_string();
    common::mount_widget("asyncio-example", &props, 30).await
}

async fn settle() {
    TimeoutFuture::new(30).await;
}

fn text(root: &Element, selector: &str) -> String {
    get(root, selector).text_content().unwrap_or_default()
}

fn output_lines(root: &Element) -> Vec<Element> {
    let list = get(root, "[data-testid=\"output\"]").children();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

fn output_texts(root: &Element) -> Vec<String> {
    output_lines(root)
        .iter()
        .map(|line| line.text_content().unwrap_or_default())
        .collect()
}

async fn type_code(root: &Element, code: &str) {
    let editor: HtmlTextAreaElement = get(root, "textarea[data-testid=\"editor\"]")
        .dyn_into()
        .unwrap();
    editor.set_value(code);
    common::fire_input(&editor);
    // The prediction follows on the next animation frame.
    TimeoutFuture::new(80).await;
}

fn key(target: &Element, key: &str, shift: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn click(root: &Element, selector: &str) {
    get(root, selector)
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

#[wasm_bindgen_test]
async fn mounts_with_the_predicted_output_and_timeline() {
    let root = mount("t/mount.py", PROGRAM).await;
    let widget = get(&root, ".aio-example");
    assert_eq!(
        widget.get_attribute("data-run-state").as_deref(),
        Some("idle")
    );
    assert_eq!(widget.get_attribute("data-run-count").as_deref(), Some("0"));
    assert_eq!(output_texts(&root), ["start", "end"]);
    assert_eq!(
        get(&root, "[data-testid=\"output\"]")
            .get_attribute("data-predicted")
            .as_deref(),
        Some("true")
    );
    assert_eq!(text(&root, "[data-testid=\"predicted-total\"]"), "0.10 s");
    let scrub = get(&root, "[data-testid=\"scrub-0\"]");
    assert_eq!(scrub.get_attribute("role").as_deref(), Some("slider"));
    assert_eq!(scrub.get_attribute("aria-valuenow").as_deref(), Some("0.1"));
    assert_eq!(
        scrub.get_attribute("aria-label").as_deref(),
        Some("asyncio.sleep duration on line 5")
    );
    let timeline = get(&root, "[data-testid=\"timeline\"]");
    assert_eq!(timeline.get_attribute("role").as_deref(), Some("img"));
    get(&timeline, "[data-lane=\"Task-1\"]");
    // The highlighted layer colours like the book.
    assert_eq!(text(&root, ".aio-editor__highlight .hljs-number"), "0.1");
}

#[wasm_bindgen_test]
async fn editing_changes_the_prediction_and_is_kept() {
    let root = mount("t/edit.py", PROGRAM).await;
    type_code(&root, &PROGRAM.replace("'end'", "'<b>done</b>'")).await;
    assert_eq!(output_texts(&root), ["start", "<b>done</b>"]);
    // Program output is text, never HTML.
    assert!(
        get(&root, "[data-testid=\"output\"]")
            .query_selector("b")
            .unwrap()
            .is_none()
    );
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let stored = storage
        .get_item("aio-example:v1:t/edit.py")
        .unwrap()
        .unwrap();
    assert!(stored.contains("<b>done</b>"));
    click(&root, "button[data-testid=\"reset\"]");
    settle().await;
    assert_eq!(output_texts(&root), ["start", "end"]);
    assert_eq!(storage.get_item("aio-example:v1:t/edit.py").unwrap(), None);
}

#[wasm_bindgen_test]
async fn arrow_keys_scrub_the_predicted_total() {
    let root = mount("t/scrub.py", PROGRAM).await;
    let scrub = get(&root, "[data-testid=\"scrub-0\"]");
    key(&scrub, "ArrowRight", false);
    settle().await;
    assert_eq!(text(&root, "[data-testid=\"predicted-total\"]"), "0.11 s");
    key(&get(&root, "[data-testid=\"scrub-0\"]"), "ArrowRight", true);
    settle().await;
    assert_eq!(text(&root, "[data-testid=\"predicted-total\"]"), "0.21 s");
    let editor: HtmlTextAreaElement = get(&root, "textarea[data-testid=\"editor\"]")
        .dyn_into()
        .unwrap();
    assert!(editor.value().contains("asyncio.sleep(0.21)"));
    key(&get(&root, "[data-testid=\"scrub-0\"]"), "ArrowLeft", false);
    settle().await;
    assert_eq!(text(&root, "[data-testid=\"predicted-total\"]"), "0.20 s");
}

#[wasm_bindgen_test]
async fn a_syntax_error_shows_pythons_message() {
    let root = mount("t/syntax.py", PROGRAM).await;
    type_code(&root, "async def f():\n    pass\n\nawait f()\n").await;
    let error = text(&root, "[data-testid=\"error\"]");
    assert!(error.contains("line 4"), "{error}");
    assert!(
        error.contains("SyntaxError: 'await' outside function"),
        "{error}"
    );
    assert!(get(&root, "button[data-testid=\"run\"]").has_attribute("disabled"));
    type_code(&root, PROGRAM).await;
    assert!(
        root.query_selector("[data-testid=\"error\"]")
            .unwrap()
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn a_runaway_loop_is_stopped_within_a_second() {
    let root = mount("t/runaway.py", PROGRAM).await;
    let start = now();
    type_code(&root, "while True:\n    pass\n").await;
    // The prediction runs in slices of a few milliseconds, so the page stays responsive while
    // the step budget runs out: wait for the message, then check how long it took. It is a
    // note saying what stopped the prediction, not an error box (that is for SyntaxErrors).
    assert!(
        common::eventually(|| find(&root, "[data-testid=\"stopped-note\"]").is_some()).await,
        "no message"
    );
    let note = text(&root, "[data-testid=\"stopped-note\"]");
    let elapsed = now() - start;
    assert!(
        note.starts_with("The prediction stops after 2,000,000 steps of computing"),
        "{note}"
    );
    assert!(find(&root, "[data-testid=\"error\"]").is_none());
    assert!(elapsed < 1000.0, "{elapsed} ms");
    // Still usable.
    type_code(&root, "print('ok')\n").await;
    assert_eq!(output_texts(&root), ["ok"]);
}

#[wasm_bindgen_test]
async fn a_real_run_prints_on_time_and_stop_ends_a_run() {
    let source = "import asyncio\n\nasync def main():\n    print('a')\n    await asyncio.sleep(0.1)\n    print('b')\n    await asyncio.sleep(0.15)\n    print('c')\n\nasyncio.run(main())\n";
    let root = mount("t/run.py", source).await;
    click(&root, "button[data-testid=\"run\"]");
    let widget = get(&root, ".aio-example");
    for _ in 0..100 {
        TimeoutFuture::new(20).await;
        if widget.get_attribute("data-run-state").as_deref() == Some("finished") {
            break;
        }
    }
    assert_eq!(
        widget.get_attribute("data-run-state").as_deref(),
        Some("finished")
    );
    assert_eq!(widget.get_attribute("data-run-count").as_deref(), Some("1"));
    let lines = output_lines(&root);
    assert_eq!(output_texts(&root), ["a", "b", "c"]);
    for (line, virtual_ms) in lines.iter().zip([0.0, 100.0, 250.0]) {
        let measured: f64 = line
            .get_attribute("data-measured-ms")
            .unwrap()
            .parse()
            .unwrap();
        assert!(
            (measured - virtual_ms).abs() < 50.0,
            "{measured} vs {virtual_ms}"
        );
        assert_eq!(line.get_attribute("data-stream").as_deref(), Some("stdout"));
    }
    // Stop ends a long run at once.
    type_code(&root, "import asyncio\nasyncio.run(asyncio.sleep(30))\n").await;
    click(&root, "button[data-testid=\"run\"]");
    settle().await;
    assert_eq!(
        widget.get_attribute("data-run-state").as_deref(),
        Some("running")
    );
    click(&root, "button[data-testid=\"stop\"]");
    settle().await;
    assert_eq!(
        widget.get_attribute("data-run-state").as_deref(),
        Some("stopped")
    );
    assert_eq!(widget.get_attribute("data-run-count").as_deref(), Some("2"));
}

#[wasm_bindgen_test]
async fn editor_keys_indent_and_stay_in_the_widget() {
    let root = mount("t/keys.py", "if x:\n    y\n").await;
    let editor: HtmlTextAreaElement = get(&root, "textarea[data-testid=\"editor\"]")
        .dyn_into()
        .unwrap();
    editor.focus().unwrap();
    editor.set_selection_range(5, 5).unwrap();
    let reached_document = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = reached_document.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || flag.set(true));
    document()
        .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref())
        .unwrap();
    key(&editor, "Enter", false);
    settle().await;
    assert_eq!(editor.value(), "if x:\n    \n    y\n");
    key(&editor, "Tab", false);
    settle().await;
    assert_eq!(editor.value(), "if x:\n        \n    y\n");
    key(&editor, "Tab", true);
    settle().await;
    assert_eq!(editor.value(), "if x:\n    \n    y\n");
    assert!(
        !reached_document.get(),
        "mdBook's shortcuts must not see keys typed in the widget"
    );
    document()
        .remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref())
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_stepper_steps_with_buttons_and_keys_and_follows_edits() {
    let root = mount("t/stepper.py", PROGRAM).await;
    assert!(
        root.query_selector("[data-testid=\"stepper\"]")
            .unwrap()
            .is_none()
    );
    click(&root, "[data-testid=\"step-through\"]");
    settle().await;
    let stepper = get(&root, "[data-testid=\"stepper\"]");
    let step = |s: &Element| s.get_attribute("data-step").unwrap();
    assert_eq!(step(&stepper), "0");
    assert_eq!(
        text(&stepper, "[data-testid=\"stepper-ready\"] li"),
        "step of Task-1"
    );
    click(&root, "[data-testid=\"stepper-forward\"]");
    settle().await;
    assert_eq!(step(&stepper), "1");
    assert!(text(&stepper, "[data-testid=\"stepper-running\"]").starts_with("Task-1 (main)"));
    assert_eq!(
        text(&stepper, "[data-testid=\"stepper-timers\"] li"),
        "at 0.10 s: end Task-1's sleep until 0.1"
    );
    assert_eq!(
        text(&stepper, "[data-testid=\"stepper-output\"]"),
        "start\n"
    );
    assert_eq!(
        get(&stepper, "[aria-current=\"step\"]")
            .get_attribute("data-line")
            .unwrap(),
        "5"
    );
    // Keys: End, Home, ← and →; none of them leaves the widget.
    key(&stepper, "End", false);
    settle().await;
    let last = stepper
        .get_attribute("data-steps")
        .unwrap()
        .parse::<usize>()
        .unwrap()
        - 1;
    assert_eq!(step(&stepper), last.to_string());
    assert!(text(&stepper, "[data-testid=\"stepper-output\"]").ends_with("end\n"));
    key(&stepper, "Home", false);
    key(&stepper, "ArrowRight", false);
    settle().await;
    assert_eq!(step(&stepper), "1");
    key(&stepper, "ArrowLeft", false);
    settle().await;
    assert_eq!(step(&stepper), "0");
    // An edit makes a new run: a third print shows up in the last step's output.
    type_code(
        &root,
        &PROGRAM.replace("print('end')", "print('end')\n    print('more')"),
    )
    .await;
    settle().await;
    key(&stepper, "End", false);
    settle().await;
    assert!(text(&stepper, "[data-testid=\"stepper-output\"]").ends_with("end\nmore\n"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_loop_stepper_opens_on_its_steps() {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let props = serde_json::json!({"id": "t/open.py", "filename": "ex.py", "source": PROGRAM, "stepper": true}).to_string();
    aio_widgets::mount(root.clone(), "asyncio-example", &props).unwrap();
    settle().await;
    let stepper = get(&root, "[data-testid=\"stepper\"]");
    assert_eq!(
        get(&stepper, "[data-testid=\"stepper-explanation\"]")
            .get_attribute("aria-live")
            .as_deref(),
        Some("polite")
    );
    assert!(text(&stepper, "[data-testid=\"stepper-explanation\"]").contains("asyncio.run()"));
    root.remove();
}
