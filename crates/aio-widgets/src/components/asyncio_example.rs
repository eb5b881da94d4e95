//! The code widget's root: owns the [`ExampleState`], the real run's [`ExampleRun`], the pending
//! animation frame of a re-prediction, and persists the reader's edits.

use std::cell::Cell;
use std::rc::Rc;

use aio_core::engine::Stream;
use aio_core::example::ExampleProps;
use aio_core::exercise::{Answer, Attempt, judge_both, judge_order, judge_total, order_lines};
use aio_core::i18n::Msg;
use aio_core::scrub::{find_scrubbables, replace};
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::components::code_editor::CodeEditor;
use crate::components::example_output::ExampleOutput;
use crate::components::example_status::ExampleStatus;
use crate::components::example_timeline::{Ending, ExampleTimeline};
use crate::components::predict_form::PredictForm;
use crate::components::predict_verdict::PredictVerdict;
use crate::components::stepper::StepperView;
use crate::example_state::{ExampleAction, ExampleState, RunPhase, predictor};
use crate::services::{
    AnimationFrame, ExampleRun, ExampleRunEvent, in_slices, load_attempt, load_edit, location_hash,
    page_lang, request_animation_frame, save_attempt, save_edit, start_example_run, tr, trf,
};
use crate::stepper_state::parse_link;

/// Props of [`AsyncioExample`]: the placeholder's payload.
#[derive(Debug, PartialEq, Properties)]
pub struct AsyncioExampleProps {
    pub example: Rc<ExampleProps>,
}

/// One Python example of the book as a workbench.
#[component]
pub fn AsyncioExample(props: &AsyncioExampleProps) -> Html {
    // Blamed for a panic until the end of this render; timers and tasks it starts carry `blame`.
    let rendering = crate::blame::use_blame();
    let blame = rendering.blame();
    crate::panic_if_a_test_asked();
    // A shared link (`#step=<id>:<n>[:<code>]`) to this example opens its stepper at that step,
    // with the code the link carries.
    let link = use_memo((), {
        let id = props.example.id.clone();
        move |_| parse_link(&location_hash()).filter(|link| link.id == id)
    });
    let state = use_reducer(|| {
        let source = match link.as_ref() {
            Some(link) => link.source.clone(),
            None => load_edit(&props.example.id),
        };
        ExampleState::new(props.example.clone(), source)
    });
    let uid = *use_state(crate::next_uid);
    let stepper_open = use_state(|| props.example.stepper || link.is_some());
    // The real run under way; dropping it drops the engine and its timer.
    let run_handle = use_mut_ref(|| None::<ExampleRun>);
    // A re-prediction waiting for the next frame, and the code it will predict.
    let frame = use_mut_ref(|| None::<AnimationFrame>);
    let frame_pending = use_mut_ref(|| Rc::new(Cell::new(false)));
    // Which prediction is current: a prediction too heavy for one frame goes on in later tasks
    // only while no newer one has started (and the widget is mounted).
    let prediction_generation = use_mut_ref(|| Rc::new(Cell::new(0_u64)));
    let latest = use_mut_ref(|| state.source.clone());
    // A "Predict, then run" exercise: the reader's locked-in attempt (kept in this browser only).
    let attempt = {
        let id = props.example.id.clone();
        let exercise = props.example.predict.is_some();
        use_state(move || if exercise { load_attempt(&id) } else { None })
    };

    // Unmounting stops the run and the pending frame.
    {
        let run_handle = run_handle.clone();
        let frame = frame.clone();
        let generation = prediction_generation.borrow().clone();
        use_effect_with((), move |_| {
            move || {
                run_handle.borrow_mut().take();
                frame.borrow_mut().take();
                generation.set(generation.get() + 1);
            }
        });
    }
    // Keep the reader's code across reloads; the chapter's own code is not stored.
    {
        let id = props.example.id.clone();
        let edited = state.is_edited();
        let dispatcher = state.dispatcher();
        let has_note = state.storage_note.is_some();
        use_effect_with(state.source.clone(), move |source| {
            let result = save_edit(&id, edited.then_some(source.as_str()));
            if let (Err(why), true, false) = (result, edited, has_note) {
                dispatcher.dispatch(ExampleAction::StorageNote(trf(
                    Msg::ExampleStorageNote,
                    &[("why", &why)],
                )));
            }
        });
    }

    let repredict = {
        let dispatcher = state.dispatcher();
        let filename = props.example.filename.clone();
        let generation = prediction_generation.borrow().clone();
        Rc::new(move |source: String| {
            let dispatcher = dispatcher.clone();
            let mut predictor = predictor(&source, &filename);
            in_slices(
                blame,
                move |steps| predictor.advance(steps),
                generation.clone(),
                move |prediction, ms| {
                    dispatcher.dispatch(ExampleAction::Predicted {
                        source,
                        prediction: Rc::new(prediction),
                        ms,
                    });
                },
            );
        })
    };

    let onedit = {
        let dispatcher = state.dispatcher();
        let run_handle = run_handle.clone();
        let repredict = repredict.clone();
        let latest = latest.clone();
        Callback::from(move |source: String| {
            run_handle.borrow_mut().take();
            *latest.borrow_mut() = source.clone();
            dispatcher.dispatch(ExampleAction::Edit(source));
            // Typing re-predicts at most once per frame, with the latest code.
            let pending = frame_pending.borrow().clone();
            if !pending.get() {
                pending.set(true);
                let latest = latest.clone();
                let repredict = repredict.clone();
                let done = pending.clone();
                *frame.borrow_mut() = request_animation_frame(blame, move || {
                    done.set(false);
                    let source = latest.borrow().clone();
                    repredict(source);
                });
            }
        })
    };
    let onscrub = {
        let dispatcher = state.dispatcher();
        let run_handle = run_handle.clone();
        let repredict = repredict.clone();
        let latest = latest.clone();
        Callback::from(move |(index, value): (usize, f64)| {
            let current = latest.borrow().clone();
            let Some(scrub) = find_scrubbables(&current).into_iter().nth(index) else {
                return;
            };
            let source = replace(&current, &scrub, value);
            if source == current {
                return;
            }
            run_handle.borrow_mut().take();
            *latest.borrow_mut() = source.clone();
            dispatcher.dispatch(ExampleAction::Edit(source.clone()));
            // Scrubbing is not debounced: the timeline follows the finger.
            repredict(source);
        })
    };
    let run = {
        let state = state.clone();
        let run_handle = run_handle.clone();
        let filename = props.example.filename.clone();
        Rc::new(move || {
            if !state.can_run() {
                return;
            }
            run_handle.borrow_mut().take();
            state.dispatch(ExampleAction::RunStarted);
            let dispatcher = state.dispatcher();
            let handle = start_example_run(
                blame,
                state.source.clone(),
                filename.clone(),
                Callback::from(move |event| {
                    dispatcher.dispatch(match event {
                        ExampleRunEvent::Progress {
                            chunks,
                            trace,
                            measured_ms,
                            blocking,
                        } => ExampleAction::RunProgress {
                            chunks,
                            trace,
                            measured_ms,
                            blocking,
                        },
                        ExampleRunEvent::Throttled { reason } => {
                            ExampleAction::RunThrottled(reason)
                        }
                        ExampleRunEvent::Finished { outcome, total_ms } => {
                            ExampleAction::RunFinished { outcome, total_ms }
                        }
                    })
                }),
            );
            *run_handle.borrow_mut() = Some(handle);
        })
    };
    let onrun = {
        let run = run.clone();
        Callback::from(move |_: MouseEvent| run())
    };
    // The exercise's lines: the first printed ones, as the engine predicts them.
    let predicted_stdout: Vec<String> = order_lines(
        &state
            .prediction
            .transcript
            .first_lines()
            .iter()
            .filter(|line| line.stream == Stream::Stdout)
            .map(|line| line.text.as_str())
            .collect::<Vec<_>>(),
    );
    let onlock = {
        let attempt = attempt.clone();
        let id = props.example.id.clone();
        let total = state.prediction.total;
        let actual = predicted_stdout.clone();
        let run = run.clone();
        Callback::from(move |answer: Answer| {
            let lang = page_lang();
            let verdict = match &answer {
                Answer::Total { seconds } => judge_total(*seconds, total, lang),
                Answer::Order { lines } => judge_order(lines, &actual, lang),
                Answer::Both { lines, seconds } => {
                    judge_both(lines, *seconds, &actual, total, lang)
                }
            };
            let locked = Attempt { answer, verdict };
            save_attempt(&id, Some(&locked));
            attempt.set(Some(locked));
            // Now see it happen, in real time.
            run();
        })
    };
    let ontryagain = {
        let attempt = attempt.clone();
        let id = props.example.id.clone();
        let dispatcher = state.dispatcher();
        let run_handle = run_handle.clone();
        Callback::from(move |_: MouseEvent| {
            run_handle.borrow_mut().take();
            dispatcher.dispatch(ExampleAction::RunStopped { at_ms: None });
            save_attempt(&id, None);
            attempt.set(None);
        })
    };
    let onfold = {
        let dispatcher = state.dispatcher();
        Callback::from(move |folded: bool| dispatcher.dispatch(ExampleAction::SetFolded(folded)))
    };
    let ontoggle_stepper = {
        let stepper_open = stepper_open.clone();
        Callback::from(move |_: MouseEvent| stepper_open.set(!*stepper_open))
    };
    let onstop = {
        let dispatcher = state.dispatcher();
        let run_handle = run_handle.clone();
        Callback::from(move |_: MouseEvent| {
            let at_ms = run_handle.borrow_mut().take().map(|run| run.elapsed_ms());
            dispatcher.dispatch(ExampleAction::RunStopped { at_ms });
        })
    };
    let onreset = {
        let dispatcher = state.dispatcher();
        let run_handle = run_handle.clone();
        let original = props.example.source.clone();
        Callback::from(move |_: MouseEvent| {
            run_handle.borrow_mut().take();
            *latest.borrow_mut() = original.clone();
            dispatcher.dispatch(ExampleAction::Reset);
            repredict(original.clone());
        })
    };
    // mdBook's shortcuts (arrows change chapter, `s` opens search) listen on `document`: keys
    // typed in the widget must not reach them.
    let onkeydown = Callback::from(|event: KeyboardEvent| event.stop_propagation());

    let measured = state.measured.as_ref();
    let running = state.phase == RunPhase::Running;
    let title_id = format!("aio-example-{uid}-title");
    // Until the reader locks in a prediction, the exercise keeps the engine's answer hidden.
    let exercise = props.example.predict;
    let answer_hidden = exercise.is_some() && attempt.is_none();
    // Code that does not compile has no output and no timeline: only its SyntaxError.
    let syntax_error = state
        .prediction
        .syntax_error
        .clone()
        .filter(|_| measured.is_none());
    let (transcript, predicted_lines) = match measured {
        Some(measured) => (measured.transcript.clone(), false),
        None => (state.prediction.transcript.clone(), true),
    };
    let measured_timeline = measured.and_then(|measured| measured.timeline.clone());
    // How the timeline shown ended: the real run's once it has lanes, the prediction's before.
    let ending = match measured.filter(|measured| measured.timeline.is_some()) {
        Some(measured) if measured.stopped_ms.is_some() => Ending::StoppedByReader,
        Some(measured) if measured.limit.is_some() => Ending::StoppedByEngine,
        Some(_) => Ending::Program,
        None if state
            .prediction
            .outcome
            .as_ref()
            .and_then(|o| o.stopped())
            .is_some() =>
        {
            Ending::Horizon
        }
        None => Ending::Program,
    };

    html! {
        <section
            class="aio-example"
            {onkeydown}
            aria-labelledby={title_id.clone()}
            data-run-state={state.phase.key()}
            data-run-count={state.run_count.to_string()}
            data-predict-ms={format!("{:.2}", state.predict_ms)}
            data-predict-current={(state.predicted_source == state.source).to_string()}
        >
            <header class="aio-example__header">
                <h4 class="aio-example__title" id={title_id}>
                    { props.example.filename.clone() }
                    if state.is_edited() {
                        <span class="aio-example__badge">{ tr(Msg::ExampleEdited) }</span>
                    }
                </h4>
                <div class="aio-example__toolbar">
                    <button type="button" class="aio-button aio-button--primary" data-testid="run"
                        title={answer_hidden.then(|| tr(Msg::ExampleLockFirst))}
                        disabled={!state.can_run() || answer_hidden} onclick={onrun}>{ tr(Msg::ExampleRun) }</button>
                    <button type="button" class="aio-button" data-testid="stop"
                        disabled={!running} onclick={onstop}>{ tr(Msg::ExampleStop) }</button>
                    <button type="button" class="aio-button" data-testid="reset"
                        disabled={!state.is_edited() && !running} onclick={onreset}>{ tr(Msg::ExampleReset) }</button>
                    <button type="button" class="aio-button" data-testid="step-through"
                        aria-expanded={(*stepper_open).to_string()}
                        title={answer_hidden.then(|| tr(Msg::ExampleLockFirst))}
                        disabled={answer_hidden} onclick={ontoggle_stepper}>
                        { tr(if *stepper_open { Msg::ExampleCloseSteps } else { Msg::ExampleStepThrough }) }
                    </button>
                </div>
            </header>
            <CodeEditor
                source={state.source.clone()}
                scrubbables={state.scrubbables.clone()}
                filename={props.example.filename.clone()}
                {onedit}
                {onscrub}
                fold={state.fold.clone()}
                folded={state.folded}
                onfold={onfold}
            />
            if *stepper_open && !answer_hidden {
                <StepperView
                    id={props.example.id.clone()}
                    filename={props.example.filename.clone()}
                    source={state.source.clone()}
                    edited={state.is_edited()}
                    initial_step={link.as_ref().as_ref().map_or(0, |link| link.step)}
                    linked={link.is_some()}
                    {uid}
                />
            }
            if let Some(error) = syntax_error {
                <pre class="aio-example__error" data-testid="error" role="alert">{ error }</pre>
            }
            if let (Some(kind), true) = (exercise, answer_hidden) {
                <PredictForm
                    key={predicted_stdout.join("\n")}
                    {kind}
                    id={props.example.id.clone()}
                    lines={predicted_stdout.clone()}
                    {uid}
                    {onlock}
                />
            }
            if let Some(locked) = (*attempt).clone() {
                <PredictVerdict attempt={locked} actual={predicted_stdout.clone()} {ontryagain} />
            }
            if !answer_hidden {
                <ExampleStatus prediction={state.prediction.clone()} measured={measured.cloned()}
                    phase={state.phase} />
                if state.prediction.syntax_error.is_none() || measured.is_some() {
                    <ExampleOutput {transcript} predicted={predicted_lines} />
                    <ExampleTimeline predicted={state.prediction.timeline.clone()}
                        measured={measured_timeline} {ending} />
                }
            }
            if let Some(note) = state.storage_note.clone() {
                <p class="aio-example__note" data-testid="storage-note">{ note }</p>
            }
        </section>
    }
}
