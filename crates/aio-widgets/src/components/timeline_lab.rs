//! The timeline lab's root: owns the [`LabState`], the running [`RunHandle`] and lays out the task
//! editor, the view picker and one [`StrategyPanel`] per shown strategy.

use aio_core::i18n::Msg;
use aio_core::lab::{LabProps, MAX_TASKS, Strategy, View};
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::components::strategy_panel::StrategyPanel;
use crate::components::task_editor::TaskEditor;
use crate::components::view_picker::ViewPicker;
use crate::services::{RunHandle, start_run, tr};
use crate::state::{Action, LabState};

/// Props of [`TimelineLab`]: the placeholder's checked payload.
#[derive(Debug, PartialEq, Properties)]
pub struct TimelineLabProps {
    /// Tasks and initial view, from `data-aio-props`.
    pub lab: LabProps,
}

/// The whole timeline lab.
#[component]
pub fn TimelineLab(props: &TimelineLabProps) -> Html {
    let rendering = crate::blame::use_blame();
    let blame = rendering.blame();
    let state = use_reducer(|| LabState::new(&props.lab));
    let uid = *use_state(crate::next_uid);
    // The run under way, if any; replacing or dropping the handle cancels it.
    let run_handle = use_mut_ref(|| None::<RunHandle>);

    // A run measures the tasks it started with: when their timings change, stop it. The cleanup
    // also runs when the lab is unmounted, so no timer outlives the widget.
    {
        let run_handle = run_handle.clone();
        use_effect_with(state.version, move |_| {
            move || {
                run_handle.borrow_mut().take();
            }
        });
    }

    let onrun = {
        let state = state.clone();
        let run_handle = run_handle.clone();
        Callback::from(move |strategies: Vec<Strategy>| {
            if !state.all_valid() {
                return;
            }
            // Cancel a previous run before its timers can report into this one.
            run_handle.borrow_mut().take();
            state.dispatch(Action::RunsCancelled);
            let version = state.version;
            let started = state.dispatcher();
            let finished = state.dispatcher();
            let handle = start_run(
                blame,
                strategies,
                state.tasks(),
                Callback::from(move |strategy| {
                    started.dispatch(Action::RunStarted { strategy, version })
                }),
                Callback::from(move |(strategy, measurement)| {
                    finished.dispatch(Action::RunFinished {
                        strategy,
                        version,
                        measurement,
                    })
                }),
            );
            *run_handle.borrow_mut() = Some(handle);
        })
    };

    let dispatch = |make: fn(usize, String) -> Action| {
        let state = state.clone();
        Callback::from(move |(index, text): (usize, String)| state.dispatch(make(index, text)))
    };
    let onname = dispatch(Action::EditName);
    let onseconds = dispatch(Action::EditSeconds);
    let onremove = {
        let state = state.clone();
        Callback::from(move |index| state.dispatch(Action::RemoveTask(index)))
    };
    let onadd = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::AddTask))
    };
    let onview = {
        let state = state.clone();
        Callback::from(move |view: View| state.dispatch(Action::SetView(view)))
    };
    let shown = state.shown();
    let onrunall = {
        let onrun = onrun.clone();
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| onrun.emit(shown.clone()))
    };
    // mdBook's shortcuts (arrows change chapter, `s` opens search) listen on `document`: keys
    // typed in the lab must not reach them.
    let onkeydown = Callback::from(|event: KeyboardEvent| event.stop_propagation());

    let tasks = state.tasks();
    let can_run = state.all_valid();
    let can_remove = state.rows.len() > 1;
    let sequential_total = state.prediction(Strategy::Sequential).total;
    let sequential_measured = state
        .run(Strategy::Sequential)
        .measured
        .as_ref()
        .map(|measured| measured.total_ms);
    // One time axis for every shown panel, so their bars compare at a glance.
    let axis_seconds = shown
        .iter()
        .flat_map(|&strategy| {
            let measured = state
                .run(strategy)
                .measured
                .as_ref()
                .map(|measured| measured.total_ms / 1000.0);
            [Some(state.prediction(strategy).total), measured]
        })
        .flatten()
        .fold(0.0, f64::max);
    let view_class = match state.view {
        View::All => "aio-lab aio-lab--all",
        View::One(_) => "aio-lab aio-lab--one",
    };
    let title_id = format!("aio-lab-{uid}-title");

    html! {
        <section class={view_class} {onkeydown} aria-labelledby={title_id.clone()}>
            <header class="aio-lab__header">
                <h3 class="aio-lab__title" id={title_id}>{ tr(Msg::LabTitle) }</h3>
                <p class="aio-lab__hint">{ tr(Msg::LabHint) }</p>
            </header>
            <fieldset class="aio-tasks">
                <legend>{ tr(Msg::LabTasks) }</legend>
                <ol class="aio-tasks__list">
                    { for state.rows.iter().enumerate().map(|(index, row)| html! {
                        <TaskEditor
                            key={row.id}
                            {index}
                            {uid}
                            row={row.clone()}
                            {can_remove}
                            onname={onname.clone()}
                            onseconds={onseconds.clone()}
                            onremove={onremove.clone()}
                        />
                    }) }
                </ol>
                <button
                    type="button"
                    class="aio-button"
                    data-testid="add-task"
                    disabled={state.rows.len() >= MAX_TASKS}
                    onclick={onadd}
                >
                    { tr(Msg::LabAddTask) }
                </button>
            </fieldset>
            <div class="aio-lab__toolbar">
                <ViewPicker view={state.view} {onview} />
                <button
                    type="button"
                    class="aio-button aio-button--primary"
                    data-testid="run-all"
                    disabled={!can_run}
                    onclick={onrunall}
                >
                    { tr(Msg::LabRunAll) }
                </button>
            </div>
            <div class="aio-panels">
                { for shown.iter().map(|&strategy| html! {
                    <StrategyPanel
                        key={strategy.key()}
                        {strategy}
                        {uid}
                        tasks={tasks.clone()}
                        prediction={state.prediction(strategy).clone()}
                        run={state.run(strategy).clone()}
                        {sequential_total}
                        {sequential_measured}
                        {axis_seconds}
                        {can_run}
                        onrun={onrun.clone()}
                    />
                }) }
            </div>
        </section>
    }
}
