//! The contract between Rust and the asyncio prelude: the prelude's functions that Rust calls,
//! typed. They are looked up once, when the prelude has run ([`Hooks::resolve`]); a missing one
//! fails every run at its start, in every test, instead of one program in a corner. No Rust code
//! finds a prelude function by its name while a program runs.
//!
//! The other direction is typed too: the natives the prelude calls are Rust functions installed
//! by `make_module` before it runs, and the futures the prelude makes say what they are for with
//! a label it passes explicitly (`_future(loop, "queue_get")`, [`Awaited::from_prelude_label`]).
//!
//! [`Awaited::from_prelude_label`]: crate::trace::Awaited::from_prelude_label

use crate::runtime::object::Module;
use crate::runtime::value::Value;

/// A function of the asyncio prelude that Rust calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hook {
    /// `loop.run_in_executor`: the executor's `submit()`, then `wrap_future()`.
    RunInExecutor,
    /// `loop.shutdown_default_executor()`, run by `asyncio.run` at its end.
    ShutdownDefaultExecutor,
    /// The members of `threading` (a dict), made on first use.
    LoadThreading,
    /// The members of `concurrent.futures` (a dict), made on first use.
    LoadFutures,
    /// The name of the thread the program is running on now (`get_event_loop`'s error).
    CurrentThreadName,
    /// `_wrap_awaitable(obj)`: a coroutine awaiting an object with `__await__`, for `gather`.
    WrapAwaitable,
}

impl Hook {
    pub(crate) const ALL: [Hook; 6] = [
        Hook::RunInExecutor,
        Hook::ShutdownDefaultExecutor,
        Hook::LoadThreading,
        Hook::LoadFutures,
        Hook::CurrentThreadName,
        Hook::WrapAwaitable,
    ];

    /// Its name in the prelude.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Hook::RunInExecutor => "_run_in_executor",
            Hook::ShutdownDefaultExecutor => "_shutdown_default_executor",
            Hook::LoadThreading => "_load_threading",
            Hook::LoadFutures => "_load_futures",
            Hook::CurrentThreadName => "_current_thread_name",
            Hook::WrapAwaitable => "_wrap_awaitable",
        }
    }
}

/// Every [`Hook`], resolved.
#[derive(Debug)]
pub(crate) struct Hooks([Value; Hook::ALL.len()]);

impl Hooks {
    /// Looks every hook up in the asyncio module once its prelude has run; the names of those
    /// it lacks otherwise.
    pub(crate) fn resolve(asyncio: &Module) -> Result<Hooks, Vec<&'static str>> {
        let found = Hook::ALL.map(|hook| asyncio.get(hook.name()));
        let missing: Vec<&'static str> = Hook::ALL
            .iter()
            .zip(&found)
            .filter(|(_, value)| value.is_none())
            .map(|(hook, _)| hook.name())
            .collect();
        if !missing.is_empty() {
            return Err(missing);
        }
        Ok(Hooks(found.map(Option::unwrap_or_default)))
    }

    pub(crate) fn get(&self, hook: Hook) -> &Value {
        &self.0[hook as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::Hook;

    #[test]
    fn hooks_are_listed_in_their_order() {
        for (index, hook) in Hook::ALL.iter().enumerate() {
            assert_eq!(*hook as usize, index, "{hook:?}");
        }
    }

    #[test]
    fn the_prelude_defines_every_hook() {
        for hook in Hook::ALL {
            let definition = [
                format!("\ndef {}(", hook.name()),
                format!("\nasync def {}(", hook.name()),
                format!("\n{} = ", hook.name()),
            ];
            assert!(
                definition
                    .iter()
                    .any(|text| super::super::PRELUDE.contains(text.as_str())),
                "the prelude does not define {}",
                hook.name()
            );
        }
    }

    #[test]
    fn every_future_the_prelude_makes_is_labelled() {
        let prelude = super::super::PRELUDE;
        assert!(
            !prelude.contains("create_future()"),
            "the prelude makes its futures with _future(loop, label)"
        );
        let labels: Vec<&str> = prelude
            .split(" _future(")
            .skip(1)
            .filter_map(|rest| rest.split_once("\")").map(|(args, _)| args))
            .filter_map(|args| args.rsplit_once(", \"").map(|(_, label)| label))
            .collect();
        assert!(labels.len() >= 10, "{labels:?}");
        for label in labels {
            assert!(
                crate::trace::Awaited::from_prelude_label(label).is_some(),
                "unknown label {label:?}"
            );
        }
    }
}
