//! A locked-in "Predict, then run" attempt: the verdict, the reader's order line by line, and
//! "Try again".

use aio_core::exercise::{Answer, Attempt};
use aio_core::i18n::Msg;
use yew::prelude::*;

use crate::services::tr;

/// Props of [`PredictVerdict`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct PredictVerdictProps {
    pub attempt: Attempt,
    /// The lines in the order the program prints them.
    pub actual: Vec<String>,
    pub ontryagain: Callback<MouseEvent>,
}

/// How the reader's prediction compares with the program.
#[component]
pub fn PredictVerdict(props: &PredictVerdictProps) -> Html {
    let _rendering = crate::blame::use_blame();
    let attempt = &props.attempt;
    let lines = match &attempt.answer {
        Answer::Order { lines } | Answer::Both { lines, .. } => Some(lines),
        Answer::Total { .. } => None,
    };
    html! {
        <div class="aio-predict-verdict" data-testid="predict-verdict"
            data-correct={attempt.verdict.correct.to_string()} role="status">
            <p class="aio-predict-verdict__message">{ attempt.verdict.message.clone() }</p>
            if let Some(lines) = lines {
                <p class="aio-example__caption">{ tr(Msg::ExerciseYourOrder) }</p>
                <ol class="aio-predict-verdict__lines">
                    { for lines.iter().enumerate().map(|(i, line)| {
                        let right = props.actual.get(i) == Some(line);
                        html! {
                            <li class={classes!(if right { "aio-predict-verdict__right" } else { "aio-predict-verdict__wrong" })}
                                data-right={right.to_string()}>
                                <code>{ line.clone() }</code>
                                { " " }
                                { tr(if right { Msg::ExerciseRightPlace } else { Msg::ExerciseWrongPlace }) }
                            </li>
                        }
                    }) }
                </ol>
            }
            <p class="aio-example__note">
                { tr(Msg::ExerciseKeptHere) }
                { " " }
                <button type="button" class="aio-button" data-testid="predict-reset"
                    onclick={props.ontryagain.clone()}>{ tr(Msg::ExerciseTryAgain) }</button>
            </p>
        </div>
    }
}
