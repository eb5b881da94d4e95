//! The code widget's status under the code: the predicted and measured totals, what stopped a
//! run (the reader, the horizon of a prediction, a limit), and notes on throttling and on
//! `time.sleep` blocking the loop.

use std::rc::Rc;

use aio_core::i18n::{Msg, and_list};
use aio_core::words::InWords;
use yew::prelude::*;

use crate::example_state::{Measured, Prediction, RunPhase, stopped_message};
use crate::services::{book_root, page_lang, tr, trf, trf_around};

/// Props of [`ExampleStatus`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ExampleStatusProps {
    pub prediction: Rc<Prediction>,
    pub measured: Option<Measured>,
    pub phase: RunPhase,
}

/// Seconds as the status writes them: "0.20 s".
fn seconds(value: f64) -> String {
    trf(Msg::Seconds, &[("seconds", &format!("{value:.2}"))])
}

/// The totals line and the notes.
#[component]
pub fn ExampleStatus(props: &ExampleStatusProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let lang = page_lang();
    let prediction = &props.prediction;
    let measured = props.measured.as_ref();
    let predicted_stop = prediction
        .outcome
        .as_ref()
        .and_then(|outcome| outcome.stopped());
    // The real run's own stop (a limit) replaces the prediction's once it happened.
    let stop = measured
        .and_then(|measured| measured.limit.as_ref())
        .map(|stopped| stopped_message(stopped, false, lang))
        .or_else(|| {
            measured
                .is_none()
                .then(|| predicted_stop.map(|stopped| stopped_message(stopped, true, lang)))
                .flatten()
        });
    let blocking = prediction.blocking || measured.is_some_and(|measured| measured.blocking);
    let predicted_total = match predicted_stop {
        Some(stopped) => trf(
            Msg::ExampleStillRunningAt,
            &[("seconds", &format!("{:.2}", stopped.time))],
        ),
        None => seconds(prediction.total),
    };
    // The total stands in its own element, where the language puts it in the sentence.
    let (before_total, after_total) = trf_around(
        if predicted_stop.is_some() {
            Msg::ExamplePredicted
        } else {
            Msg::ExamplePredictedTotal
        },
        &[],
        "total",
    );
    html! {
        <>
            if let Some(message) = stop {
                <p class="aio-example__note aio-example__note--stopped" data-testid="stopped-note" role="status">
                    { message }
                </p>
            }
            if let Some(first) = prediction.unsupported.first() {
                <p class="aio-example__note aio-example__note--unsupported" data-testid="unsupported-note">
                    { unsupported_note(prediction, &format!("{}what-runs.html#{}", book_root(), first.topic.anchor())) }
                </p>
            }
            if blocking {
                <p class="aio-example__note aio-example__note--blocking" data-testid="blocking-note">
                    { tr(Msg::ExampleBlockingNote) }
                </p>
            }
            <p class="aio-example__summary">
                { before_total }
                <span data-testid="predicted-total">{ predicted_total }</span>
                { after_total }
                if let Some(measured) = measured {
                    { measured_summary(measured, props.phase) }
                }
            </p>
            if let Some(reason) = measured.and_then(|measured| measured.throttled.clone()) {
                <p class="aio-example__note" data-testid="throttled-note" role="status">
                    { trf(Msg::ExampleThrottledNote, &[("reason", &reason)]) }
                </p>
            }
        </>
    }
}

/// "This program uses the module 'sqlite3', which the book's Python does not have yet. What runs
/// in the page lists what does.", with the chapter's title as a link to `href`.
fn unsupported_note(prediction: &Prediction, href: &str) -> Html {
    let what: Vec<String> = prediction
        .unsupported
        .iter()
        .map(|unsupported| unsupported.what.text(page_lang()))
        .collect();
    let (before, after) = trf_around(
        Msg::ExampleUnsupported,
        &[("what", &and_list(page_lang(), &what))],
        "link",
    );
    html! {
        <>
            { before }
            <a href={href.to_owned()}>{ tr(Msg::ExampleUnsupportedLink) }</a>
            { after }
        </>
    }
}

/// " · measured: 0.20 s", " · running…", " · you stopped the run at 3.20 s".
fn measured_summary(measured: &Measured, phase: RunPhase) -> Html {
    if let Some(total_ms) = measured.total_ms {
        let (before, after) = trf_around(Msg::ExampleMeasuredTotal, &[], "total");
        return html! {
            <>
                { " · " }
                { before }
                <span data-testid="measured-total">{ seconds(total_ms / 1000.0) }</span>
                { after }
            </>
        };
    }
    if let Some(at_ms) = measured.stopped_ms {
        return html! {
            <>
                { " · " }
                <span data-testid="stopped-at" role="status">
                    { trf(Msg::ExampleStoppedAt, &[("seconds", &format!("{:.2}", at_ms / 1000.0))]) }
                </span>
            </>
        };
    }
    if phase == RunPhase::Running {
        html! { <>{ " · " }{ tr(Msg::ExampleRunning) }</> }
    } else {
        html! {}
    }
}
