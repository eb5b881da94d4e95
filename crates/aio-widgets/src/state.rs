//! The timeline lab's state, the [`Action`]s that change it and its reducer.
//!
//! Everything here is plain Rust (no browser types), so the reducer is unit-tested on the host.
//!
//! The state keeps two versions of each task: the text the reader typed (shown in the inputs, maybe
//! invalid) and the last valid [`LabTask`] (what the code, the prediction and a run use). That is how
//! a refused keystroke shows its message without changing anything else on the page.

use std::rc::Rc;

use aio_core::lab::{
    DurationError, LabProps, LabTask, MAX_TASKS, NameError, Prediction, Strategy, View, check_name,
    fresh_task_name, parse_seconds, predict, python_seconds,
};
use yew::Reducible;

/// The seconds a task added by the reader waits.
const NEW_TASK_SECONDS: f64 = 1.0;

/// One task row as the reader edits it.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskRow {
    /// A stable identity for keyed rendering, so removing a row keeps focus in the others.
    pub id: u32,
    /// The name as typed.
    pub name_text: String,
    /// The duration as typed.
    pub seconds_text: String,
    /// Why the typed name is refused, if it is.
    pub name_error: Option<NameError>,
    /// Why the typed duration is refused, if it is.
    pub duration_error: Option<DurationError>,
    /// The last valid name and duration: what the code, prediction and runs use.
    pub task: LabTask,
}

impl TaskRow {
    fn new(id: u32, task: LabTask) -> TaskRow {
        TaskRow {
            id,
            name_text: task.name.clone(),
            seconds_text: python_seconds(task.seconds),
            name_error: None,
            duration_error: None,
            task,
        }
    }

    /// Whether both inputs of the row hold valid values.
    pub fn is_valid(&self) -> bool {
        self.name_error.is_none() && self.duration_error.is_none()
    }
}

/// When one task of a run started and ended, in milliseconds since the run started.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeasuredSpan {
    /// Milliseconds from the run's start to the task's start.
    pub start_ms: f64,
    /// Milliseconds from the run's start to the task's end.
    pub end_ms: f64,
}

/// What a finished run measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Measurement {
    /// One span per task, in task order.
    pub spans: Vec<MeasuredSpan>,
    /// From the run's start until its last await returned.
    pub total_ms: f64,
}

/// Where a strategy's runs stand.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunState {
    /// A run of this strategy is under way.
    pub running: bool,
    /// The last run's measurement for the current tasks, if any.
    pub measured: Option<Measurement>,
    /// How many runs of this strategy have finished: lets a test or a benchmark wait for the
    /// next one even when it measures the same total as the last.
    pub finished_runs: u32,
}

/// The whole lab.
#[derive(Debug, Clone, PartialEq)]
pub struct LabState {
    /// The task rows in `main()`'s order.
    pub rows: Vec<TaskRow>,
    /// Which strategies are shown.
    pub view: View,
    /// One entry per strategy, indexed like [`Strategy::ALL`].
    pub runs: [RunState; 3],
    /// Bumped whenever the timing of the tasks changes, so that a run that started before the
    /// change cannot store a measurement that no longer matches the tasks.
    pub version: u32,
    /// The next [`TaskRow::id`].
    next_id: u32,
    /// What the engine predicts for [`LabState::tasks`], one per strategy (indexed like
    /// [`Strategy::ALL`]). Kept here, recomputed only when the tasks change, because each
    /// prediction runs a Python program in the engine: rendering must not pay for it.
    predictions: Rc<[Prediction; 3]>,
}

/// Runs the engine once per strategy on these tasks.
fn predict_all(tasks: &[LabTask]) -> Rc<[Prediction; 3]> {
    Rc::new(Strategy::ALL.map(|strategy| predict(strategy, tasks)))
}

/// The index of `strategy` in [`Strategy::ALL`] and [`LabState::runs`].
pub fn strategy_index(strategy: Strategy) -> usize {
    match strategy {
        Strategy::Sequential => 0,
        Strategy::CreateTask => 1,
        Strategy::Gather => 2,
    }
}

impl LabState {
    /// The lab as the page's props describe it.
    pub fn new(props: &LabProps) -> LabState {
        let rows: Vec<TaskRow> = props
            .tasks
            .iter()
            .take(MAX_TASKS)
            .enumerate()
            .map(|(id, task)| TaskRow::new(id as u32, task.clone()))
            .collect();
        let predictions = predict_all(
            &props
                .tasks
                .iter()
                .take(MAX_TASKS)
                .cloned()
                .collect::<Vec<_>>(),
        );
        LabState {
            next_id: rows.len() as u32,
            rows,
            view: props.view,
            runs: Default::default(),
            version: 0,
            predictions,
        }
    }

    /// The tasks the code, the prediction and a run use: the last valid value of every row.
    pub fn tasks(&self) -> Vec<LabTask> {
        self.rows.iter().map(|row| row.task.clone()).collect()
    }

    /// What the engine predicts for the current tasks under `strategy`.
    pub fn prediction(&self, strategy: Strategy) -> &Prediction {
        &self.predictions[strategy_index(strategy)]
    }

    /// Whether every input holds a valid value (Run is disabled otherwise).
    pub fn all_valid(&self) -> bool {
        self.rows.iter().all(TaskRow::is_valid)
    }

    /// Whether any strategy is running.
    pub fn any_running(&self) -> bool {
        self.runs.iter().any(|run| run.running)
    }

    /// The strategies the current view shows, in teaching order.
    pub fn shown(&self) -> Vec<Strategy> {
        match self.view {
            View::All => Strategy::ALL.to_vec(),
            View::One(strategy) => vec![strategy],
        }
    }

    /// The run state of `strategy`.
    pub fn run(&self, strategy: Strategy) -> &RunState {
        &self.runs[strategy_index(strategy)]
    }

    /// Re-checks every name: each must be a Python name and differ from every other row's typed
    /// name and last valid name (the latter so that the code never defines one function twice).
    ///
    /// A row that becomes valid frees its old name, which may clear another row's duplicate, so
    /// this repeats until no last valid name changes (at most once per row).
    fn check_names(&mut self) {
        for _ in 0..=self.rows.len() {
            if !self.check_names_once() {
                break;
            }
        }
    }

    /// One pass of [`check_names`](Self::check_names); whether a last valid name changed.
    fn check_names_once(&mut self) -> bool {
        let mut changed = false;
        let names: Vec<(String, String)> = self
            .rows
            .iter()
            .map(|row| (row.name_text.clone(), row.task.name.clone()))
            .collect();
        for (index, row) in self.rows.iter_mut().enumerate() {
            let text = &row.name_text;
            let duplicate = names
                .iter()
                .enumerate()
                .any(|(other, (typed, valid))| other != index && (typed == text || valid == text));
            row.name_error = match check_name(text) {
                Err(error) => Some(error),
                Ok(()) if duplicate => Some(NameError::Duplicate(text.clone())),
                Ok(()) => None,
            };
            if row.name_error.is_none() && row.task.name != *text {
                row.task.name = text.clone();
                changed = true;
            }
        }
        changed
    }

    /// The tasks changed in a way that changes timings: old measurements no longer apply.
    fn timings_changed(&mut self) {
        self.version = self.version.wrapping_add(1);
        for run in &mut self.runs {
            run.measured = None;
            run.running = false;
        }
    }
}

/// Everything that can happen to a lab.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The reader typed in task `index`'s name input.
    EditName(usize, String),
    /// The reader typed in task `index`'s duration input.
    EditSeconds(usize, String),
    /// Add a task at the end (ignored at [`MAX_TASKS`]).
    AddTask,
    /// Remove task `index` (ignored for the last remaining task).
    RemoveTask(usize),
    /// Show other strategies.
    SetView(View),
    /// A run of `strategy` started for tasks at `version`.
    RunStarted {
        /// The strategy being run.
        strategy: Strategy,
        /// [`LabState::version`] when the run was started.
        version: u32,
    },
    /// A run of `strategy` finished.
    RunFinished {
        /// The strategy that ran.
        strategy: Strategy,
        /// [`LabState::version`] when the run was started.
        version: u32,
        /// What it measured.
        measurement: Measurement,
    },
    /// Runs were cancelled (a new run replaced them): nothing is running any more.
    RunsCancelled,
}

impl Reducible for LabState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let previous_tasks = self.tasks();
        let state = self.apply(action);
        let tasks = state.tasks();
        if tasks == previous_tasks {
            return state;
        }
        let mut state = (*state).clone();
        state.predictions = predict_all(&tasks);
        Rc::new(state)
    }
}

impl LabState {
    /// The reducer proper: everything but keeping the predictions up to date.
    fn apply(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::EditName(index, text) => {
                let Some(row) = state.rows.get_mut(index) else {
                    return self;
                };
                row.name_text = text;
                state.check_names();
            }
            Action::EditSeconds(index, text) => {
                let Some(row) = state.rows.get_mut(index) else {
                    return self;
                };
                let parsed = parse_seconds(&text);
                row.seconds_text = text;
                match parsed {
                    Ok(seconds) => {
                        row.duration_error = None;
                        if row.task.seconds != seconds {
                            row.task.seconds = seconds;
                            state.timings_changed();
                        }
                    }
                    Err(error) => row.duration_error = Some(error),
                }
            }
            Action::AddTask => {
                if state.rows.len() >= MAX_TASKS {
                    return self;
                }
                // Avoid both the typed and the last valid names, so the new name is never a duplicate.
                let taken: Vec<LabTask> = state
                    .rows
                    .iter()
                    .flat_map(|row| {
                        [
                            row.task.clone(),
                            LabTask {
                                name: row.name_text.clone(),
                                seconds: 0.0,
                            },
                        ]
                    })
                    .collect();
                let task = LabTask {
                    name: fresh_task_name(&taken),
                    seconds: NEW_TASK_SECONDS,
                };
                state.rows.push(TaskRow::new(state.next_id, task));
                state.next_id += 1;
                state.check_names();
                state.timings_changed();
            }
            Action::RemoveTask(index) => {
                if state.rows.len() <= 1 || index >= state.rows.len() {
                    return self;
                }
                state.rows.remove(index);
                state.check_names();
                state.timings_changed();
            }
            Action::SetView(view) => {
                if state.view == view {
                    return self;
                }
                state.view = view;
            }
            Action::RunStarted { strategy, version } => {
                if version != state.version {
                    return self;
                }
                let run = &mut state.runs[strategy_index(strategy)];
                run.running = true;
            }
            Action::RunFinished {
                strategy,
                version,
                measurement,
            } => {
                if version != state.version {
                    return self;
                }
                let run = &mut state.runs[strategy_index(strategy)];
                run.running = false;
                run.measured = Some(measurement);
                run.finished_runs += 1;
            }
            Action::RunsCancelled => {
                if !state.any_running() {
                    return self;
                }
                for run in &mut state.runs {
                    run.running = false;
                }
            }
        }
        Rc::new(state)
    }
}

#[cfg(test)]
mod tests;
