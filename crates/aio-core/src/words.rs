//! What the engine reports, in the reader's language: why it stopped a run ([`Limit`]), what a
//! program reached for that it lacks ([`Missing`]), what a task awaits ([`Awaited`]) and what an
//! item of the event loop's queue does ([`QueueItem`]). The engine gives these as typed values;
//! the lesson models and the widgets word them here, from [`crate::i18n`]. (What a Python program
//! prints, `NotImplementedError` included, is Python's English and comes from the engine.)

use crate::engine::{Limit, Missing};
use crate::i18n::{Lang, Msg};
use crate::trace::{Awaited, QueueItem, seconds_label};

/// A value of the engine's that the book says in words.
pub trait InWords {
    /// In words, in `lang`.
    fn text(&self, lang: Lang) -> String;
}

/// `task Task-2`, `sleep until 0.1`, `lock or semaphore`…
impl InWords for Awaited {
    fn text(&self, lang: Lang) -> String {
        match self {
            Awaited::Task(name) => Msg::AwaitedTask.fill(lang, &[("task", name)]),
            Awaited::Sleep { until } => {
                Msg::AwaitedSleep.fill(lang, &[("until", &seconds_label(*until))])
            }
            Awaited::LockOrSemaphore => Msg::AwaitedLockOrSemaphore.text(lang).to_owned(),
            Awaited::QueueGet => Msg::AwaitedQueueGet.text(lang).to_owned(),
            Awaited::QueuePut => Msg::AwaitedQueuePut.text(lang).to_owned(),
            Awaited::EventOrCondition => Msg::AwaitedEventOrCondition.text(lang).to_owned(),
            Awaited::Cancellation => Msg::AwaitedCancellation.text(lang).to_owned(),
            Awaited::TaskGroup => Msg::AwaitedTaskGroup.text(lang).to_owned(),
            Awaited::ExecutorJob => Msg::AwaitedExecutorJob.text(lang).to_owned(),
            Awaited::Named(name) => (*name).to_owned(),
            Awaited::Future(id) => Msg::AwaitedFuture.fill(lang, &[("id", id)]),
            Awaited::Yield => "yield".to_owned(),
        }
    }
}

impl InWords for QueueItem {
    fn text(&self, lang: Lang) -> String {
        match self {
            QueueItem::Step { task } => Msg::QueueStep.fill(lang, &[("task", task)]),
            QueueItem::Throw { exception, task } => {
                Msg::QueueThrow.fill(lang, &[("exception", exception), ("task", task)])
            }
            QueueItem::Resume { task, done } => {
                Msg::QueueResume.fill(lang, &[("task", task), ("done", &done.text(lang))])
            }
            QueueItem::StopLoop { done } => {
                Msg::QueueStopLoop.fill(lang, &[("done", &done.text(lang))])
            }
            QueueItem::DoneCallback { callback, done } => Msg::QueueDoneCallback
                .fill(lang, &[("callback", callback), ("done", &done.text(lang))]),
            QueueItem::GatherDone { done } => {
                Msg::QueueGatherDone.fill(lang, &[("done", &done.text(lang))])
            }
            QueueItem::Call { call } => call.clone(),
            QueueItem::CloseAsyncGen => Msg::QueueCloseAsyncGen.text(lang).to_owned(),
            QueueItem::End { task, awaited } => {
                Msg::QueueEnd.fill(lang, &[("task", task), ("awaited", &awaited.text(lang))])
            }
            QueueItem::Complete { awaited } => {
                Msg::QueueComplete.fill(lang, &[("awaited", &awaited.text(lang))])
            }
            QueueItem::More { count } => Msg::QueueMore.fill(lang, &[("count", count)]),
        }
    }
}

/// Why the run stopped.
impl InWords for Limit {
    fn text(&self, lang: Lang) -> String {
        match self {
            Limit::Steps { steps } => Msg::LimitSteps.fill(lang, &[("steps", steps)]),
            Limit::Memory { values } => Msg::LimitMemory.fill(lang, &[("values", values)]),
            Limit::ProgramTime { seconds } => {
                Msg::LimitProgramTime.fill(lang, &[("seconds", seconds)])
            }
            Limit::OutputLines { lines } => Msg::LimitOutputLines.fill(lang, &[("lines", lines)]),
            Limit::OutputBytes { bytes } => Msg::LimitOutputBytes.fill(lang, &[("bytes", bytes)]),
            Limit::Deadlock {
                infinite_sleep: true,
            } => Msg::LimitDeadlockSleep.text(lang).to_owned(),
            Limit::Deadlock {
                infinite_sleep: false,
            } => Msg::LimitDeadlock.text(lang).to_owned(),
        }
    }
}

/// As the page names it.
impl InWords for Missing {
    fn text(&self, lang: Lang) -> String {
        match self {
            Missing::Module(name) => Msg::MissingModule.fill(lang, &[("name", name)]),
            Missing::Name(name) => name.clone(),
            Missing::Input => "input()".to_owned(),
            Missing::Open => Msg::MissingOpen.text(lang).to_owned(),
            Missing::MemoryView => Msg::MissingMemoryView.text(lang).to_owned(),
            Missing::CompileMode => Msg::MissingCompileMode.text(lang).to_owned(),
            Missing::VarsWithoutArgument => Msg::MissingVarsWithoutArgument.text(lang).to_owned(),
            Missing::RelativeImport => Msg::MissingRelativeImport.text(lang).to_owned(),
            Missing::SubclassBuiltin(name) => {
                Msg::MissingSubclassBuiltin.fill(lang, &[("name", name)])
            }
            Missing::ExtendedSliceAssignment => {
                Msg::MissingExtendedSliceAssignment.text(lang).to_owned()
            }
            Missing::BigRange => Msg::MissingBigRange.text(lang).to_owned(),
        }
    }
}
