//! The output panel: one element per line, stdout and stderr told apart by a border and a
//! label as well as by colour. Program output is only ever text nodes, never HTML.

use aio_core::engine::Stream;
use aio_core::i18n::Msg;
use aio_core::transcript::{OutputLine, Shown, Transcript};
use yew::prelude::*;

use crate::example_state::{lines_in_words, thousands};
use crate::services::{page_lang, tr, trf};

/// Props of [`ExampleOutput`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ExampleOutputProps {
    pub transcript: Transcript,
    /// The lines come from the virtual-time prediction, not from a real run.
    pub predicted: bool,
}

/// The program's output, predicted or measured.
#[component]
pub fn ExampleOutput(props: &ExampleOutputProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let caption = tr(if props.predicted {
        Msg::ExampleOutputPredicted
    } else {
        Msg::ExampleOutputMeasured
    });
    html! {
        <div class="aio-example__output-box">
            <p class="aio-example__caption">{ caption }</p>
            <div
                class={classes!("aio-output", props.predicted.then_some("aio-output--predicted"))}
                // It scrolls: focusable, so that keyboard users can scroll it too.
                tabindex="0"
                role="region"
                aria-label={caption}
                data-testid="output"
                data-predicted={props.predicted.to_string()}
            >
                { for props.transcript.shown().map(|shown| match shown {
                    Shown::Line(line) => output_line(line),
                    Shown::Omitted(count) => html! {
                        <div class="aio-output__omitted" data-testid="omitted-lines">
                            { trf(Msg::ExampleOutputOmitted, &[("lines", &lines_in_words(count, page_lang()))]) }
                        </div>
                    },
                }) }
            </div>
            if props.transcript.omitted() > 0 {
                <p class="aio-example__note">
                    { trf(Msg::ExampleOutputKept, &[
                        ("lines", &lines_in_words(props.transcript.line_count(), page_lang())),
                        ("head", &Transcript::HEAD),
                        ("tail", &Transcript::TAIL),
                    ]) }
                </p>
            }
        </div>
    }
}

/// One line of output. Its time stamp is drawn by CSS from `data-time`, so it is not part of
/// the line's text; a line cut short says how much is missing.
fn output_line(line: &OutputLine) -> Html {
    let stream = match line.stream {
        Stream::Stdout => "stdout",
        Stream::Stderr => "stderr",
    };
    let time = match line.measured_ms {
        Some(ms) => format!("{ms:.0} ms"),
        None => format!("{:.2} s", line.time),
    };
    html! {
        <div
            class={classes!("aio-output__line", format!("aio-output__line--{stream}"))}
            data-stream={stream}
            data-time={time}
            data-virtual-s={format!("{:.6}", line.time)}
            data-measured-ms={line.measured_ms.map(|ms| format!("{ms:.1}"))}
        >
            { line.text.clone() }
            if line.cut_chars > 0 {
                <span class="aio-output__cut">
                    { format!(" {}", trf(Msg::ExampleOutputCut, &[("count", &thousands(line.cut_chars as u64))])) }
                </span>
            }
        </div>
    }
}
