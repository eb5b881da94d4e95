//! The code widget's status under the code: the predicted and measured totals, what stopped a
//! run (the reader, the horizon of a prediction, a limit), and notes on throttling and on
//! `time.sleep` blocking the loop.

use std::rc::Rc;

use yew::prelude::*;

use crate::example_state::{Measured, Prediction, RunPhase, stopped_message};
use crate::services::book_root;

/// Props of [`ExampleStatus`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ExampleStatusProps {
    pub prediction: Rc<Prediction>,
    pub measured: Option<Measured>,
    pub phase: RunPhase,
}

/// The totals line and the notes.
#[component]
pub fn ExampleStatus(props: &ExampleStatusProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let prediction = &props.prediction;
    let measured = props.measured.as_ref();
    let predicted_stop = prediction
        .outcome
        .as_ref()
        .and_then(|outcome| outcome.stopped());
    // The real run's own stop (a limit) replaces the prediction's once it happened.
    let stop = measured
        .and_then(|measured| measured.limit.as_ref())
        .map(|stopped| stopped_message(stopped, false))
        .or_else(|| {
            measured
                .is_none()
                .then(|| predicted_stop.map(|stopped| stopped_message(stopped, true)))
                .flatten()
        });
    let blocking = prediction.blocking || measured.is_some_and(|measured| measured.blocking);
    let predicted_total = match predicted_stop {
        Some(stopped) => format!("still running at {:.2} s", stopped.time),
        None => format!("{:.2} s", prediction.total),
    };
    html! {
        <>
            if let Some(message) = stop {
                <p class="aio-example__note aio-example__note--stopped" data-testid="stopped-note" role="status">
                    { message }
                </p>
            }
            if let Some(first) = prediction.unsupported.first() {
                <p class="aio-example__note aio-example__note--unsupported" data-testid="unsupported-note">
                    { format!("This program uses {}, which the book's Python does not have yet. ",
                        prediction.unsupported.iter().map(|u| u.what.as_str()).collect::<Vec<_>>().join(", ")) }
                    <a href={format!("{}what-runs.html#{}", book_root(), first.topic.anchor())}>
                        { "What runs in the page" }
                    </a>
                    { " lists what does." }
                </p>
            }
            if blocking {
                <p class="aio-example__note aio-example__note--blocking" data-testid="blocking-note">
                    { "This program calls time.sleep() inside a running event loop: while it \
                       sleeps, the whole loop stands still and no other task runs, here as in \
                       CPython (the timeline marks the blocked stretch). In async code, use \
                       await asyncio.sleep()." }
                </p>
            }
            <p class="aio-example__summary">
                { if predicted_stop.is_some() { "Predicted: " } else { "Predicted total: " } }
                <span data-testid="predicted-total">{ predicted_total }</span>
                if let Some(measured) = measured {
                    { measured_summary(measured, props.phase) }
                }
            </p>
            if let Some(reason) = measured.and_then(|measured| measured.throttled.clone()) {
                <p class="aio-example__note" data-testid="throttled-note" role="status">
                    { format!("The measured times of this run are not the program's: {reason}. \
                               Run it again with the tab in front.") }
                </p>
            }
        </>
    }
}

/// " · measured: 0.20 s", " · running…", " · stopped at 3.20 s".
fn measured_summary(measured: &Measured, phase: RunPhase) -> Html {
    if let Some(total_ms) = measured.total_ms {
        return html! {
            <>
                { " · measured: " }
                <span data-testid="measured-total">{ format!("{:.2} s", total_ms / 1000.0) }</span>
            </>
        };
    }
    if let Some(at_ms) = measured.stopped_ms {
        return html! {
            <>
                { " · " }
                <span data-testid="stopped-at" role="status">
                    { format!("you stopped the run at {:.2} s", at_ms / 1000.0) }
                </span>
            </>
        };
    }
    if phase == RunPhase::Running {
        html! { { " · running…" } }
    } else {
        html! {}
    }
}
