//! The timeline's text alternative: a table of each task's predicted and measured start and end.
//!
//! Rows carry the measured times in milliseconds as `data-measured-*-ms` attributes, which the
//! end-to-end tests read.

use aio_core::i18n::Msg;
use aio_core::lab::{Prediction, Strategy};
use yew::prelude::*;

use crate::services::{page_lang, tr, trf};
use crate::state::Measurement;

/// Props of [`TimingTable`].
#[derive(Debug, PartialEq, Properties)]
pub struct TimingTableProps {
    /// Whose times these are.
    pub strategy: Strategy,
    /// The task names, in task order.
    pub names: Vec<String>,
    /// The predicted spans.
    pub prediction: Prediction,
    /// The last run's spans, if any.
    pub measured: Option<Measurement>,
}

/// Start and end times of every task.
#[component]
pub fn TimingTable(props: &TimingTableProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let key = props.strategy.key();
    html! {
        // The wrapper scrolls sideways if a narrow panel cannot fit the table.
        <div class="aio-table-wrap">
        <table class="aio-table" data-testid={format!("table-{key}")}>
            <caption>{ trf(Msg::LabTableCaption, &[("strategy", &props.strategy.label(page_lang()))]) }</caption>
            <thead>
                <tr>
                    <th scope="col">{ tr(Msg::LabColTask) }</th>
                    <th scope="col">{ tr(Msg::LabColPredicted) }</th>
                    <th scope="col">{ tr(Msg::LabColMeasured) }</th>
                </tr>
            </thead>
            <tbody>
                { for props.prediction.spans.iter().map(|span| {
                    let measured = props.measured.as_ref().and_then(|m| m.spans.get(span.task)).copied();
                    let name = props.names.get(span.task).cloned().unwrap_or_default();
                    html! {
                        <tr data-task={span.task.to_string()}
                            data-measured-start-ms={measured.map(|m| format!("{:.1}", m.start_ms))}
                            data-measured-end-ms={measured.map(|m| format!("{:.1}", m.end_ms))}>
                            <th scope="row"><code>{ name }</code></th>
                            <td>{ trf(Msg::LabSpan, &[
                                ("start", &format!("{:.2}", span.start)),
                                ("end", &format!("{:.2}", span.end)),
                            ]) }</td>
                            <td>{ match measured {
                                Some(m) => trf(Msg::LabSpan, &[
                                    ("start", &format!("{:.3}", m.start_ms / 1000.0)),
                                    ("end", &format!("{:.3}", m.end_ms / 1000.0)),
                                ]),
                                None => tr(Msg::LabNotRunYet).to_owned(),
                            } }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
        </div>
    }
}
