//! The step-through view of one example: the event loop's every move, from a virtual-time run
//! computed once ([`aio_core::stepper::step_through`]), so stepping is instant both ways.
//!
//! Panels, in reading order: the explanation (announced on each step), the clock and controls,
//! the code with the current line, the running item, the ready queue, the timers, the tasks with
//! arrows from each task to the tasks it awaits, the output so far. Keys work only while focus is
//! inside the stepper, and never reach mdBook's own shortcuts.

use std::rc::Rc;

use aio_core::highlight::highlight;
use aio_core::i18n::Msg;
use aio_core::stepper::{Step, Stepper, Stepping, TaskState, TaskView};
use aio_core::trace::QueueEntry;
use aio_core::words::InWords;
use gloo_timers::callback::Interval;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent};
use yew::prelude::*;

use crate::example_state::PREDICT_BUDGETS;
use crate::services::{in_slices, page_lang, replace_location_hash, tr, trf};
use crate::stepper_state::{SPEEDS_MS, StepperAction, StepperState, link_fragment};

/// Height of a task row, in pixels: the arrows are drawn on the same grid.
const ROW_PX: f64 = 30.0;

/// Props of [`StepperView`].
#[derive(Debug, Clone, PartialEq, Properties)]
pub struct StepperProps {
    /// The example's id, for links.
    pub id: AttrValue,
    pub filename: AttrValue,
    /// The code to step through (the reader's edit, if any).
    pub source: String,
    /// Whether `source` differs from the chapter's (then the link carries it).
    pub edited: bool,
    /// The step to open at (from a shared link).
    #[prop_or_default]
    pub initial_step: usize,
    /// Opened from a shared link: bring the stepper itself into view once it is on the page.
    #[prop_or_default]
    pub linked: bool,
    /// For element ids.
    pub uid: u32,
}

/// The step-through view.
#[component]
pub fn StepperView(props: &StepperProps) -> Html {
    let rendering = crate::blame::use_blame();
    let blame = rendering.blame();
    // The steps are worked out in slices (a program may compute for long before it reaches the
    // loop); until they are, the view says so.
    let state = use_reducer(|| StepperState::new(Rc::new(Stepper::default()), 0));
    let generation = use_mut_ref(|| Rc::new(std::cell::Cell::new(0_u64)));
    // A shared link shows the stepper, not just the top of its example.
    let section_ref = use_node_ref();
    {
        let section_ref = section_ref.clone();
        let linked = props.linked;
        use_effect_with((), move |()| {
            if linked && let Some(section) = section_ref.cast::<web_sys::Element>() {
                section.scroll_into_view();
            }
        });
    }
    // A run when the view opens and when the code changes (typing, scrubbing, reset); unmounting
    // ends a run under way.
    {
        let dispatcher = state.dispatcher();
        let filename = props.filename.clone();
        let generation = generation.borrow().clone();
        let first = use_mut_ref(|| Some(props.initial_step));
        use_effect_with(props.source.clone(), move |source| {
            let mut stepping = Stepping::new(source, &filename, PREDICT_BUDGETS, page_lang());
            let link_step = first.borrow_mut().take();
            dispatcher.dispatch(StepperAction::Recomputing);
            in_slices(
                blame,
                move |steps| stepping.advance(steps),
                generation.clone(),
                move |stepper, _ms| {
                    let stepper = Rc::new(stepper);
                    dispatcher.dispatch(match link_step {
                        Some(index) => StepperAction::Loaded(stepper, index),
                        None => StepperAction::Recomputed(stepper),
                    });
                },
            );
            move || generation.set(generation.get() + 1)
        });
    }
    // Play: one step per tick (the widget's work); the interval stops when dropped.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((state.playing, state.speed_ms), move |&(playing, speed)| {
            let interval = playing.then(|| {
                Interval::new(
                    speed,
                    blame.wrap(move || dispatcher.dispatch(StepperAction::Tick)),
                )
            });
            move || drop(interval)
        });
    }
    // The address bar links to the step shown, once the reader has moved.
    let fragment = link_fragment(
        &props.id,
        state.index,
        props.edited.then_some(props.source.as_str()),
    );
    {
        let moved = use_mut_ref(|| false);
        use_effect_with(fragment.clone(), move |fragment| {
            if std::mem::replace(&mut *moved.borrow_mut(), true) {
                replace_location_hash(fragment);
            }
        });
    }
    // Keep the current line in view inside the code panel (not the page).
    let code_ref = use_node_ref();
    let step: Option<&Step> = state.stepper.steps.get(state.index);
    let line = step.map_or(0, |s| s.line);
    {
        let code_ref = code_ref.clone();
        use_effect_with(line, move |_| {
            if let Some(panel) = code_ref.cast::<HtmlElement>()
                && let Ok(Some(current)) = panel.query_selector("[aria-current]")
                && let Ok(current) = current.dyn_into::<HtmlElement>()
            {
                let top = f64::from(current.offset_top()) - f64::from(panel.client_height()) / 3.0;
                panel.set_scroll_top(top.max(0.0) as i32);
            }
        });
    }

    let act = |action: StepperAction| {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(action.clone()))
    };
    let onkeydown = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: KeyboardEvent| {
            // mdBook binds the arrows (previous/next chapter) and `s` on `document`.
            event.stop_propagation();
            let on_control = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .map(|t| t.tag_name().to_ascii_lowercase())
                .filter(|tag| matches!(tag.as_str(), "input" | "select" | "button" | "a"));
            let action = match event.key().as_str() {
                // The scrubber and the speed menu keep their own arrow keys.
                "ArrowRight"
                    if on_control.as_deref() != Some("input")
                        && on_control.as_deref() != Some("select") =>
                {
                    StepperAction::Forward
                }
                "ArrowLeft"
                    if on_control.as_deref() != Some("input")
                        && on_control.as_deref() != Some("select") =>
                {
                    StepperAction::Back
                }
                "Home" => StepperAction::First,
                "End" => StepperAction::Last,
                // Space on a button presses the button.
                " " if !matches!(on_control.as_deref(), Some("button" | "a" | "select")) => {
                    StepperAction::TogglePlay
                }
                "k" | "K" => StepperAction::TogglePlay,
                _ => return,
            };
            event.prevent_default();
            dispatcher.dispatch(action);
        })
    };
    let onscrub = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>()
                && let Ok(n) = input.value().parse::<usize>()
            {
                dispatcher.dispatch(StepperAction::Goto(n));
            }
        })
    };
    let onspeed = {
        let dispatcher = state.dispatcher();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<HtmlSelectElement>()
                && let Ok(ms) = select.value().parse::<u32>()
            {
                dispatcher.dispatch(StepperAction::Speed(ms));
            }
        })
    };

    let Some(step) = step else {
        let note = tr(if state.computing {
            Msg::StepperComputing
        } else {
            Msg::StepperNothing
        });
        return html! {
            <section class="aio-stepper" ref={section_ref} data-testid="stepper-computing">
                <p class="aio-stepper__note" role="status">{ note }</p>
            </section>
        };
    };
    let last = state.last();
    let count = state.stepper.steps.len();
    let title_id = format!("aio-stepper-{}-title", props.uid);
    let help_id = format!("aio-stepper-{}-help", props.uid);
    let visible: Vec<&TaskView> = step
        .tasks
        .iter()
        .filter(|t| !t.internal || step.running == Some(t.id))
        .collect();
    let output = state.stepper.output_at(state.index);

    html! {
        <section class="aio-stepper" tabindex="0" ref={section_ref} {onkeydown}
            aria-labelledby={title_id.clone()} aria-describedby={help_id.clone()}
            data-testid="stepper" data-step={state.index.to_string()} data-steps={count.to_string()}
            data-playing={state.playing.to_string()} aria-busy={state.computing.to_string()}>
            <h5 class="aio-stepper__title" id={title_id}>{ tr(Msg::StepperTitle) }</h5>
            <p class="aio-stepper__explanation" aria-live="polite" data-testid="stepper-explanation">
                <span class="aio-stepper__count">
                    { trf(Msg::StepperCount, &[("n", &(state.index + 1)), ("steps", &count)]) }{ " " }
                </span>
                { step.explanation.clone() }
            </p>
            <div class="aio-stepper__controls" role="group" aria-label={tr(Msg::StepperControls)}>
                <button type="button" class="aio-button" data-testid="stepper-first" title={tr(Msg::StepperFirstTitle)}
                    aria-label={tr(Msg::StepperFirstLabel)} disabled={state.index == 0} onclick={act(StepperAction::First)}>{ tr(Msg::StepperFirst) }</button>
                <button type="button" class="aio-button" data-testid="stepper-back" title={tr(Msg::StepperBackTitle)}
                    aria-label={tr(Msg::StepperBackLabel)} disabled={state.index == 0} onclick={act(StepperAction::Back)}>{ tr(Msg::StepperBack) }</button>
                <button type="button" class="aio-button aio-button--primary" data-testid="stepper-play"
                    title={tr(Msg::StepperPlayTitle)} aria-pressed={state.playing.to_string()}
                    disabled={last == 0} onclick={act(StepperAction::TogglePlay)}>
                    { tr(if state.playing { Msg::StepperPause } else { Msg::StepperPlay }) }
                </button>
                <button type="button" class="aio-button" data-testid="stepper-forward" title={tr(Msg::StepperForwardTitle)}
                    aria-label={tr(Msg::StepperForwardLabel)} disabled={state.index == last} onclick={act(StepperAction::Forward)}>{ tr(Msg::StepperForward) }</button>
                <button type="button" class="aio-button" data-testid="stepper-last" title={tr(Msg::StepperLastTitle)}
                    aria-label={tr(Msg::StepperLastLabel)} disabled={state.index == last} onclick={act(StepperAction::Last)}>{ tr(Msg::StepperLast) }</button>
                <label class="aio-stepper__speed">{ tr(Msg::StepperSpeed) }{ " " }
                    <select data-testid="stepper-speed" onchange={onspeed}>
                        { for SPEEDS_MS.iter().map(|&ms| html! {
                            <option value={ms.to_string()} selected={ms == state.speed_ms}>
                                { trf(Msg::StepperSecondsPerStep, &[("seconds", &format!("{:.2}", f64::from(ms) / 1000.0))]) }
                            </option>
                        }) }
                    </select>
                </label>
                <input type="range" class="aio-stepper__scrubber" data-testid="stepper-scrubber"
                    min="0" max={last.to_string()} value={state.index.to_string()}
                    aria-label={tr(Msg::StepperScrubber)}
                    aria-valuetext={trf(Msg::StepperScrubberValue, &[("n", &(state.index + 1)), ("steps", &count)])}
                    oninput={onscrub} />
                <a class="aio-stepper__link" data-testid="stepper-link" href={format!("#{fragment}")}
                    title={tr(Msg::StepperLinkTitle)}>{ tr(Msg::StepperLink) }</a>
            </div>
            <p class="aio-stepper__help" id={help_id}>
                { tr(Msg::StepperHelp) }
            </p>
            if let Some(note) = state.stepper.truncated.clone() {
                <p class="aio-stepper__note" data-testid="stepper-truncated">{ note }</p>
            }
            <div class="aio-stepper__grid">
                <div class="aio-stepper__panel aio-stepper__panel--code">
                    <h6>{ trf(Msg::StepperCode, &[("filename", &props.filename)]) }</h6>
                    <pre class="aio-stepper__code" ref={code_ref} tabindex="0" role="region" aria-label={tr(Msg::StepperCodeLabel)}><code>
                        { for code_lines(&props.source).into_iter().enumerate().map(|(i, tokens)| {
                            let n = i as u32 + 1;
                            let current = n == step.line;
                            html! {
                                <span class={classes!("aio-stepper__line", current.then_some("aio-stepper__line--current"))}
                                    aria-current={current.then_some("step")} data-line={n.to_string()}>
                                    <span class="aio-stepper__lineno" aria-hidden="true">{ format!("{n:>3} ") }</span>
                                    { for tokens.into_iter().map(|(class, text)| match class {
                                        Some(class) => html! { <span class={class}>{ text }</span> },
                                        None => html! { { text } },
                                    }) }
                                    { "\n" }
                                </span>
                            }
                        }) }
                    </code></pre>
                </div>
                <div class="aio-stepper__panel aio-stepper__panel--loop">
                    <h6>{ tr(Msg::StepperClock) }</h6>
                    <p class="aio-stepper__clock" data-testid="stepper-clock">
                        { trf(Msg::Seconds, &[("seconds", &format!("{:.2}", step.time))]) }
                        <span class="aio-stepper__iteration">
                            { " · " }{ trf(Msg::StepperIteration, &[("n", &step.iteration)]) }
                        </span>
                    </p>
                    <h6>{ tr(Msg::StepperRunning) }</h6>
                    <p class="aio-stepper__running" data-testid="stepper-running">
                        { running_text(step) }
                    </p>
                    <h6>{ tr(Msg::StepperReady) }</h6>
                    { queue(&step.ready, "stepper-ready", tr(Msg::StepperReadyEmpty)) }
                    <h6>{ tr(Msg::StepperTimers) }</h6>
                    { queue(&step.timers, "stepper-timers", tr(Msg::StepperTimersEmpty)) }
                </div>
                <div class="aio-stepper__panel aio-stepper__panel--tasks">
                    <h6>{ tr(Msg::StepperTasks) }</h6>
                    { tasks(&visible, step, props.uid) }
                </div>
                <div class="aio-stepper__panel aio-stepper__panel--output">
                    <h6>{ tr(Msg::StepperOutput) }</h6>
                    <pre class="aio-stepper__output" data-testid="stepper-output" tabindex="0" role="region" aria-label={tr(Msg::StepperOutput)}>{ output }</pre>
                </div>
            </div>
        </section>
    }
}

/// The code, line by line, each line's highlighted tokens.
fn code_lines(source: &str) -> Vec<Vec<(Option<&'static str>, String)>> {
    let mut lines = vec![Vec::new()];
    for (class, text) in highlight(source) {
        let mut pieces = text.split('\n');
        if let Some(first) = pieces.next()
            && !first.is_empty()
        {
            lines
                .last_mut()
                .expect("never empty")
                .push((class, first.to_string()));
        }
        for piece in pieces {
            lines.push(Vec::new());
            if !piece.is_empty() {
                lines
                    .last_mut()
                    .expect("never empty")
                    .push((class, piece.to_string()));
            }
        }
    }
    if source.ends_with('\n') {
        lines.pop();
    }
    lines
}

fn running_text(step: &Step) -> String {
    match (&step.ran, step.running) {
        (Some(entry), Some(task)) => {
            let item = entry.label.text(page_lang());
            let name = step
                .tasks
                .iter()
                .find(|t| t.id == task)
                .map_or_else(|| item.clone(), |t| format!("{} ({})", t.name, t.coro));
            trf(Msg::StepperRunningTask, &[("task", &name), ("item", &item)])
        }
        (Some(entry), None) => trf(
            Msg::StepperRunningLoop,
            &[("item", &entry.label.text(page_lang()))],
        ),
        (None, _) => tr(Msg::StepperRunningNothing).to_owned(),
    }
}

fn queue(entries: &[QueueEntry], testid: &'static str, empty: &'static str) -> Html {
    if entries.is_empty() {
        return html! { <p class="aio-stepper__empty" data-testid={testid}>{ empty }</p> };
    }
    html! {
        <ol class="aio-stepper__queue" data-testid={testid}>
            { for entries.iter().map(|e| html! {
                <li class={classes!("aio-stepper__item", e.task.is_none().then_some("aio-stepper__item--callback"))}>
                    if let Some(when) = e.when {
                        <span class="aio-stepper__when">
                            { trf(Msg::StepperAt, &[("seconds", &format!("{when:.2}"))]) }{ " " }
                        </span>
                    }
                    { e.label.text(page_lang()) }
                </li>
            }) }
        </ol>
    }
}

/// The tasks as rows, with an SVG column of arrows from each task to the tasks it awaits.
fn tasks(visible: &[&TaskView], step: &Step, uid: u32) -> Html {
    let head = format!("aio-stepper-{uid}-head");
    if visible.is_empty() {
        return html! { <p class="aio-stepper__empty" data-testid="stepper-tasks">{ tr(Msg::StepperNoTask) }</p> };
    }
    let row_of = |id: u64| visible.iter().position(|t| t.id == id);
    let mut arrows = Vec::new();
    for (i, task) in visible.iter().enumerate() {
        for target in &task.awaits {
            if let Some(j) = row_of(*target) {
                arrows.push((i, j));
            }
        }
    }
    let height = ROW_PX * visible.len() as f64;
    let width = 16.0 + 10.0 * arrows.len().min(4) as f64;
    let mid = |row: usize| ROW_PX * row as f64 + ROW_PX / 2.0;
    html! {
        <div class="aio-stepper__tasks">
            <svg class="aio-stepper__arrows" aria-hidden="true" width={width.to_string()}
                height={height.to_string()} viewBox={format!("0 0 {width} {height}")}>
                <defs>
                    <marker id={head.clone()} viewBox="0 0 6 6" refX="6" refY="3"
                        markerWidth="6" markerHeight="6" orient="auto">
                        <path d="M0,0 L6,3 L0,6 z" class="aio-stepper__arrowhead" />
                    </marker>
                </defs>
                { for arrows.iter().enumerate().map(|(k, &(from, to))| {
                    let x = width - 6.0 - 10.0 * (k % 4) as f64;
                    let d = format!(
                        "M{w},{y1} C{x},{y1} {x},{y2} {w},{y2}",
                        w = width,
                        y1 = mid(from),
                        y2 = mid(to),
                        x = x - 8.0
                    );
                    html! { <path class="aio-stepper__arrow" d={d} marker-end={format!("url(#{head})")} /> }
                }) }
            </svg>
            <ul class="aio-stepper__tasklist" data-testid="stepper-tasks">
                { for visible.iter().map(|t| {
                    let ran = step.running == Some(t.id);
                    let word = t.state.text(page_lang());
                    let state = if ran && !matches!(t.state, TaskState::Done | TaskState::Cancelled | TaskState::Failed) {
                        trf(Msg::StepperRanNow, &[("state", &word)])
                    } else {
                        word.to_owned()
                    };
                    // What it waits on, or why it failed.
                    let state = match (t.state, &t.on, &t.exception) {
                        (TaskState::Waiting, Some(on), _) => trf(
                            Msg::StepperStateOn,
                            &[("state", &state), ("on", &on.text(page_lang()))],
                        ),
                        (TaskState::Failed, _, Some(exception)) => trf(
                            Msg::StepperStateFailedWith,
                            &[("state", &state), ("exception", exception)],
                        ),
                        _ => state,
                    };
                    let task = format!("{} ({})", t.name, t.coro);
                    html! {
                        <li class={classes!("aio-stepper__task", format!("aio-stepper__task--{}", t.state.label()), ran.then_some("aio-stepper__task--ran"))}
                            data-task={t.name.clone()} data-state={t.state.label()}
                            title={trf(Msg::StepperTaskTitle, &[("task", &task), ("state", &state)])}>
                            <strong>{ t.name.clone() }</strong>
                            { format!(" ({}) ", t.coro) }
                            <span class="aio-stepper__state">{ state.clone() }</span>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
