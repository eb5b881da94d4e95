//! The output panel: one element per line, stdout and stderr told apart by a border and a
//! label as well as by colour. Program output is only ever text nodes, never HTML.

use aio_core::engine::Stream;
use yew::prelude::*;

use crate::example_state::{MAX_LINES, OutputLine};

/// Props of [`ExampleOutput`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct ExampleOutputProps {
    pub lines: Vec<OutputLine>,
    /// The lines come from the virtual-time prediction, not from a real run.
    pub predicted: bool,
}

/// The program's output, predicted or measured.
#[component]
pub fn ExampleOutput(props: &ExampleOutputProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let caption = if props.predicted {
        "Predicted output (virtual time; press Run to see it happen)"
    } else {
        "Output (real time, as measured)"
    };
    let hidden = props.lines.len().saturating_sub(MAX_LINES);
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
                { for props.lines.iter().take(MAX_LINES).map(|line| {
                    let stream = match line.stream {
                        Stream::Stdout => "stdout",
                        Stream::Stderr => "stderr",
                    };
                    // The time stamp is drawn by CSS from `data-time`, so it is not part of
                    // the line's text.
                    let time = match line.measured_ms {
                        Some(ms) => format!("{:.0} ms", ms),
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
                        </div>
                    }
                }) }
            </div>
            if hidden > 0 {
                <p class="aio-example__note">{ format!("… and {hidden} more lines, not shown.") }</p>
            }
        </div>
    }
}
