//! Browser tests of [`aio_widgets::blame`]: the work of each widget, synchronous, spawned or run by a
//! timer, is blamed on that widget and on nobody else, and nothing is blamed outside of it.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use aio_widgets::blame::{Blame, current_element};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::document;

/// What each labelled piece of work saw as the blamed element.
type Log = Rc<RefCell<Vec<(&'static str, Option<Element>)>>>;

fn note(log: &Log, label: &'static str) {
    log.borrow_mut().push((label, current_element()));
}

/// Checks that every label in `expect` was noted, with the element it names (`None`: nobody).
fn check(log: &Log, expect: &[(&str, Option<&Element>)]) {
    let log = log.borrow();
    for (label, element) in expect {
        let seen: Vec<_> = log.iter().filter(|(l, _)| l == label).collect();
        assert_eq!(seen.len(), 1, "{label} ran once");
        assert_eq!(
            seen[0].1.as_ref(),
            *element,
            "{label} is blamed on the right widget"
        );
    }
    assert_eq!(log.len(), expect.len(), "nothing else ran");
}

#[wasm_bindgen_test]
async fn each_widgets_work_is_blamed_on_that_widget() {
    let a_element = document().create_element("div").unwrap();
    let b_element = document().create_element("div").unwrap();
    let a = Blame::register(&a_element);
    let b = Blame::register(&b_element);
    let log: Log = Rc::default();

    note(&log, "outside");
    a.run(|| {
        note(&log, "a sync");
        b.run(|| note(&log, "b nested in a"));
        note(&log, "a after b");
    });
    // Two runs under way at once, resumed by timers in interleaved order.
    a.spawn({
        let log = log.clone();
        async move {
            note(&log, "a first poll");
            TimeoutFuture::new(30).await;
            note(&log, "a after its timer");
        }
    });
    b.spawn({
        let log = log.clone();
        async move {
            note(&log, "b first poll");
            TimeoutFuture::new(10).await;
            note(&log, "b after its first timer");
            TimeoutFuture::new(40).await;
            note(&log, "b after its second timer");
        }
    });
    // A timer callback of widget a.
    let timeout = gloo_timers::callback::Timeout::new(20, {
        let log = log.clone();
        let mut callback = a.wrap(move || note(&log, "a timer callback"));
        move || callback()
    });
    note(&log, "outside, after spawning");
    TimeoutFuture::new(100).await;
    drop(timeout);
    note(&log, "outside, at the end");

    check(
        &log,
        &[
            ("outside", None),
            ("a sync", Some(&a_element)),
            ("b nested in a", Some(&b_element)),
            ("a after b", Some(&a_element)),
            ("outside, after spawning", None),
            ("a first poll", Some(&a_element)),
            ("b first poll", Some(&b_element)),
            ("b after its first timer", Some(&b_element)),
            ("a timer callback", Some(&a_element)),
            ("a after its timer", Some(&a_element)),
            ("b after its second timer", Some(&b_element)),
            ("outside, at the end", None),
        ],
    );
    assert_eq!(Blame::current(), Blame::NOBODY);
}
