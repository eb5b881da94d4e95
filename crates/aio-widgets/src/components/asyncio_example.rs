//! The code widget's root: owns the [`ExampleState`], the real run's [`RunHandle`], the pending
//! animation frame of a re-prediction, and persists the reader's edits.

use std::cell::Cell;
use std::rc::Rc;

use aio_core::engine::Stream;
use aio_core::example::ExampleProps;
use aio_core::exercise::{Answer, Attempt, judge_order, judge_total, order_lines};
use aio_core::scrub::{find_scrubbables, replace};
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::components::code_editor::CodeEditor;
use crate::components::example_output::ExampleOutput;
use crate::components::example_timeline::ExampleTimeline;
use crate::components::predict_form::PredictForm;
use crate::components::stepper::StepperView;
use crate::example_state::{
    ExampleAction, ExampleState, Predictor, RunPhase, limit_error, runaway_message,
};
use crate::services::{
    AnimationFrame, ExampleRunEvent, RunHandle, load_attempt, load_edit, location_hash, now_ms,
    request_animation_frame, save_attempt, save_edit, start_example_run,
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
    let section_ref = use_node_ref();
    // Bring a linked stepper into view once it is on the page.
    {
        let section_ref = section_ref.clone();
        let linked = link.is_some();
        use_effect_with((), move |_| {
            if linked && let Some(section) = section_ref.cast::<web_sys::Element>() {
                section.scroll_into_view();
            }
        });
    }
    // The real run under way; dropping the handle drops the engine and its timer.
    let run_handle = use_mut_ref(|| None::<RunHandle>);
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
                dispatcher.dispatch(ExampleAction::StorageNote(format!(
                    "Your edits will not survive a reload: {why}."
                )));
            }
        });
    }

    let repredict = {
        let dispatcher = state.dispatcher();
        let filename = props.example.filename.clone();
        let generation = prediction_generation.borrow().clone();
        Rc::new(move |source: String| {
            let predictor = Predictor::new(&source, &filename);
            predict_in_slices(
                blame,
                predictor,
                source,
                dispatcher.clone(),
                generation.clone(),
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
                        ExampleRunEvent::Output {
                            chunks,
                            measured_ms,
                        } => ExampleAction::RunOutput {
                            chunks,
                            measured_ms,
                        },
                        ExampleRunEvent::Throttled { reason } => {
                            ExampleAction::RunThrottled(reason)
                        }
                        ExampleRunEvent::Finished { trace, total_ms } => {
                            ExampleAction::RunFinished { trace, total_ms }
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
            .output
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
            let verdict = match &answer {
                Answer::Total { seconds } => judge_total(*seconds, total),
                Answer::Order { lines } => judge_order(lines, &actual),
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
            dispatcher.dispatch(ExampleAction::RunStopped);
            save_attempt(&id, None);
            attempt.set(None);
        })
    };
    let ontoggle_stepper = {
        let stepper_open = stepper_open.clone();
        Callback::from(move |_: MouseEvent| stepper_open.set(!*stepper_open))
    };
    let onstop = {
        let dispatcher = state.dispatcher();
        let run_handle = run_handle.clone();
        Callback::from(move |_: MouseEvent| {
            run_handle.borrow_mut().take();
            dispatcher.dispatch(ExampleAction::RunStopped);
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

    let prediction = &state.prediction;
    let measured = state.measured.as_ref();
    let error = prediction.error.clone().or_else(|| {
        measured
            .and_then(|measured| limit_error(&measured.output))
            .map(runaway_message)
    });
    let blocking = prediction.blocking || measured.is_some_and(|measured| measured.blocking);
    let running = state.phase == RunPhase::Running;
    let title_id = format!("aio-example-{uid}-title");
    let (lines, predicted_lines) = match measured {
        Some(measured) => (measured.output.clone(), false),
        None => (prediction.output.clone(), true),
    };
    // Until the reader locks in a prediction, the exercise keeps the engine's answer hidden.
    let exercise = props.example.predict;
    let answer_hidden = exercise.is_some() && attempt.is_none();
    let measured_lanes = measured
        .filter(|measured| measured.total_ms.is_some())
        .map(|measured| measured.lanes.clone());

    html! {
        <section
            class="aio-example"
            ref={section_ref}
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
                        <span class="aio-example__badge">{ "edited" }</span>
                    }
                </h4>
                <div class="aio-example__toolbar">
                    <button type="button" class="aio-button aio-button--primary" data-testid="run"
                        title={answer_hidden.then_some("Lock in your prediction first")}
                        disabled={!state.can_run() || answer_hidden} onclick={onrun}>{ "Run" }</button>
                    <button type="button" class="aio-button" data-testid="stop"
                        disabled={!running} onclick={onstop}>{ "Stop" }</button>
                    <button type="button" class="aio-button" data-testid="reset"
                        disabled={!state.is_edited() && !running} onclick={onreset}>{ "Reset" }</button>
                    <button type="button" class="aio-button" data-testid="step-through"
                        aria-expanded={(*stepper_open).to_string()}
                        title={answer_hidden.then_some("Lock in your prediction first")}
                        disabled={answer_hidden} onclick={ontoggle_stepper}>
                        { if *stepper_open { "Close steps" } else { "Step through" } }
                    </button>
                </div>
            </header>
            <CodeEditor
                source={state.source.clone()}
                scrubbables={state.scrubbables.clone()}
                filename={props.example.filename.clone()}
                {onedit}
                {onscrub}
            />
            if *stepper_open && !answer_hidden {
                <StepperView
                    id={props.example.id.clone()}
                    filename={props.example.filename.clone()}
                    source={state.source.clone()}
                    edited={state.is_edited()}
                    initial_step={link.as_ref().as_ref().map_or(0, |link| link.step)}
                    {uid}
                />
            }
            if let Some(error) = error {
                <pre class="aio-example__error" data-testid="error" role="alert">{ error }</pre>
            }
            if blocking && !answer_hidden {
                <p class="aio-example__note aio-example__note--blocking" data-testid="blocking-note">
                    { "This program calls time.sleep(): while it sleeps, the whole event loop \
                       stands still and no other task runs, here as in CPython (the timeline \
                       marks the blocked stretch). In async code, use await asyncio.sleep()." }
                </p>
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
                <div class="aio-predict-verdict" data-testid="predict-verdict"
                    data-correct={locked.verdict.correct.to_string()} role="status">
                    <p class="aio-predict-verdict__message">{ locked.verdict.message.clone() }</p>
                    if let Answer::Order { lines } = &locked.answer {
                        <p class="aio-example__caption">{ "Your order:" }</p>
                        <ol class="aio-predict-verdict__lines">
                            { for lines.iter().enumerate().map(|(i, line)| {
                                let right = predicted_stdout.get(i) == Some(line);
                                html! {
                                    <li class={classes!(if right { "aio-predict-verdict__right" } else { "aio-predict-verdict__wrong" })}
                                        data-right={right.to_string()}>
                                        <code>{ line.clone() }</code>
                                        { if right { " ✓ right place" } else { " ✗ wrong place" } }
                                    </li>
                                }
                            }) }
                        </ol>
                    }
                    <p class="aio-example__note">
                        { "Your answer is kept in this browser only. " }
                        <button type="button" class="aio-button" data-testid="predict-reset"
                            onclick={ontryagain}>{ "Try again" }</button>
                    </p>
                </div>
            }
            if !answer_hidden {
            <p class="aio-example__summary">
                { "Predicted total: " }
                <span data-testid="predicted-total">{ format!("{:.2} s", prediction.total) }</span>
                if let Some(total_ms) = measured.and_then(|measured| measured.total_ms) {
                    { " · measured: " }
                    <span data-testid="measured-total">{ format!("{:.2} s", total_ms / 1000.0) }</span>
                }
                if running {
                    { " · running…" }
                }
            </p>
            if let Some(reason) = measured.and_then(|measured| measured.throttled.clone()) {
                <p class="aio-example__note" data-testid="throttled-note" role="status">
                    { format!("The measured times of this run are not the program's: {reason}. \
                               Run it again with the tab in front.") }
                </p>
            }
            <ExampleOutput {lines} predicted={predicted_lines} />
            <ExampleTimeline predicted={prediction.lanes.clone()} measured={measured_lanes} />
            }
            if let Some(note) = state.storage_note.clone() {
                <p class="aio-example__note" data-testid="storage-note">{ note }</p>
            }
        </section>
    }
}

/// How long one slice of a prediction may compute, in milliseconds: half a 60 Hz frame, leaving
/// the rest to rendering and the reader's input.
const SLICE_MS: f64 = 8.0;

/// Engine steps between two looks at the clock.
const SLICE_STEPS: u64 = 2_000;

/// Predicts `source`: the first slice now (most programs end in it, so the timeline follows the
/// reader's finger at once), the rest, if any, in later tasks of the browser's event loop, one
/// slice of [`SLICE_MS`] each, so that no frame is held longer than that. A newer prediction
/// (or unmounting) bumps `generation`, which ends this one. The later slices are work of the
/// widget `blame`.
fn predict_in_slices(
    blame: crate::blame::Blame,
    mut predictor: Predictor,
    source: String,
    dispatcher: UseReducerDispatcher<ExampleState>,
    generation: Rc<Cell<u64>>,
) {
    let mine = generation.get() + 1;
    generation.set(mine);
    let mut spent_ms = 0.0;
    // Runs one slice; the prediction if the program ended.
    let mut slice = move |spent_ms: &mut f64| {
        let start = now_ms();
        let result = loop {
            if let Some(prediction) = predictor.advance(SLICE_STEPS) {
                break Some(prediction);
            }
            if now_ms() - start >= SLICE_MS {
                break None;
            }
        };
        *spent_ms += now_ms() - start;
        result
    };
    let finish = move |prediction, ms| {
        dispatcher.dispatch(ExampleAction::Predicted {
            source,
            prediction: Rc::new(prediction),
            ms,
        });
    };
    if let Some(prediction) = slice(&mut spent_ms) {
        finish(prediction, spent_ms);
        return;
    }
    blame.spawn(async move {
        loop {
            // A macrotask boundary: the browser renders and handles input in between.
            gloo_timers::future::TimeoutFuture::new(0).await;
            if generation.get() != mine {
                return;
            }
            if let Some(prediction) = slice(&mut spent_ms) {
                finish(prediction, spent_ms);
                return;
            }
        }
    });
}
