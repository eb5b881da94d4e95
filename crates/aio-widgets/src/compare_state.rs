//! The comparison lab's state, the [`CompareAction`]s that change it and its reducer.
//!
//! Plain Rust, unit-tested on the host. Like the timeline lab, the state keeps what the reader
//! typed in each input (maybe invalid, with its message) apart from the last valid [`Workload`],
//! which is what the totals, timelines and code show: a refused keystroke shows its message and
//! changes nothing else.

use std::rc::Rc;

use aio_core::compare::{self, Field, Model, Outcome, Workload, WorkloadError};
use aio_core::i18n::{Lang, Msg};
use yew::Reducible;

/// A ready-made mix of waiting and computing, one click away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// Only waiting: 1 s of I/O, no computation.
    IoBound,
    /// Only computing: 1 s of pure Python, no I/O.
    CpuBound,
    /// 1 s of waiting, then 0.5 s of computing.
    Mix,
    /// A millisecond of computing: less than starting a process.
    Tiny,
}

impl Preset {
    /// The presets in the order the buttons show them.
    pub const ALL: [Preset; 4] = [Preset::IoBound, Preset::CpuBound, Preset::Mix, Preset::Tiny];

    /// The button's text, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Preset::IoBound => Msg::ComparePresetIo,
            Preset::CpuBound => Msg::ComparePresetCpu,
            Preset::Mix => Msg::ComparePresetMix,
            Preset::Tiny => Msg::ComparePresetTiny,
        }
        .text(lang)
    }

    /// The stable key used in test ids.
    pub fn key(self) -> &'static str {
        match self {
            Preset::IoBound => "io",
            Preset::CpuBound => "cpu",
            Preset::Mix => "mix",
            Preset::Tiny => "tiny",
        }
    }

    /// Seconds of waiting and of computing per job.
    fn seconds(self) -> (f64, f64) {
        match self {
            Preset::IoBound => (1.0, 0.0),
            Preset::CpuBound => (0.0, 1.0),
            Preset::Mix => (1.0, 0.5),
            Preset::Tiny => (0.0, 0.001),
        }
    }
}

/// What the reader can do.
#[derive(Debug, Clone, PartialEq)]
pub enum CompareAction {
    /// Typed `text` into the input of `field`.
    Edit(Field, String),
    /// Chose a preset: sets waiting and computing, keeps the rest.
    Preset(Preset),
}

/// The whole comparison lab.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareState {
    /// What each input shows, indexed like [`Field::ALL`].
    pub texts: [String; 5],
    /// Why each input's text is refused, if it is, indexed like [`Field::ALL`].
    pub errors: [Option<WorkloadError>; 5],
    /// The last valid workload: what everything else shows.
    pub workload: Workload,
    /// Each model's outcome for [`CompareState::workload`], in [`Model::ALL`] order. Kept here,
    /// recomputed only when the workload changes, because two of them run the engine.
    pub outcomes: Rc<Vec<Outcome>>,
    /// The language the outcomes' lanes are named in.
    pub lang: Lang,
}

fn index(field: Field) -> usize {
    Field::ALL
        .iter()
        .position(|&f| f == field)
        .expect("every field is in Field::ALL")
}

impl CompareState {
    /// The lab as the page's props describe it (already checked), its lanes named in `lang`.
    pub fn new(workload: Workload, lang: Lang) -> CompareState {
        CompareState {
            texts: Field::ALL.map(|field| field.text(&workload)),
            errors: [None; 5],
            workload,
            outcomes: Rc::new(compare::compare(&workload, lang)),
            lang,
        }
    }

    /// The text of `field`'s input.
    pub fn text(&self, field: Field) -> &str {
        &self.texts[index(field)]
    }

    /// Why `field`'s input is refused, if it is.
    pub fn error(&self, field: Field) -> Option<WorkloadError> {
        self.errors[index(field)]
    }

    /// The outcome of `model`.
    pub fn outcome(&self, model: Model) -> &Outcome {
        self.outcomes
            .iter()
            .find(|outcome| outcome.model == model)
            .expect("compare() returns every model")
    }

    /// The fastest models.
    pub fn winners(&self) -> Vec<Model> {
        compare::winners(&self.outcomes)
    }

    fn recompute(&mut self, workload: Workload) {
        if workload != self.workload {
            self.workload = workload;
            self.outcomes = Rc::new(compare::compare(&workload, self.lang));
        }
    }
}

impl Reducible for CompareState {
    type Action = CompareAction;

    fn reduce(self: Rc<Self>, action: CompareAction) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            CompareAction::Edit(field, text) => {
                let mut workload = state.workload;
                let result = compare::set_field(&mut workload, field, &text);
                state.texts[index(field)] = text;
                state.errors[index(field)] = result.err();
                if result.is_ok() {
                    state.recompute(workload);
                }
            }
            CompareAction::Preset(preset) => {
                let (io, cpu) = preset.seconds();
                let workload = Workload {
                    io,
                    cpu,
                    ..state.workload
                };
                for field in [Field::Io, Field::Cpu] {
                    state.texts[index(field)] = field.text(&workload);
                    state.errors[index(field)] = None;
                }
                state.recompute(workload);
            }
        }
        Rc::new(state)
    }
}

#[cfg(test)]
mod tests;
