//! Which widget's code is running, so that a panic is blamed on the widget that panicked.
//!
//! A panic traps the whole module instance, and the loader then shows an error box in one widget
//! and mounts the others again (see `install_panic_hook` in `lib.rs`). The widget the reader last
//! touched is the wrong one to blame when the panic comes from work a widget started earlier and a
//! browser timer, task or animation frame runs later: widget A's real-time run panics after the
//! reader has moved on to type in widget B. So the code of each widget runs "under" its [`Blame`]:
//!
//! - a component's render, through [`use_blame`] (the first hook of every component), which reads
//!   the [`Blame`] that [`crate::components::widget_root::WidgetRoot`] provides as a context;
//! - every future a widget spawns ([`Blame::spawn`], [`Blame::blamed`]: set during each poll);
//! - every timer, interval and animation-frame callback ([`Blame::run`], [`Blame::wrap`]).
//!
//! Outside of these (a DOM event handled synchronously, an effect) nobody is blamed here, and the
//! loader falls back to the widget the reader last pressed, typed in or focused: the right one for
//! an input event. Entering and leaving is two `Cell` writes: no allocation and no call into
//! JavaScript, as each poll of a real-time run goes through it.

use std::cell::{Cell, RefCell};
use std::future::{Future, poll_fn};
use std::pin::pin;

use yew::prelude::*;

/// Whose code is running: one mounted widget of this module instance, or nobody known.
///
/// A small copyable number (the widget's place in this instance's list of mounted placeholders,
/// from 1; 0 is nobody), so that entering it costs nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Blame(u32);

thread_local! {
    /// The placeholder (`.aio-widget`) elements mounted by this instance; [`Blame`] `n` is entry
    /// `n - 1`. Only ever grows: a widget lives as long as the page (or the instance).
    static ELEMENTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
    /// Whose code runs now.
    static CURRENT: Cell<Blame> = const { Cell::new(Blame::NOBODY) };
    /// Armed by [`test_panic_on_next_timer`].
    static TEST_PANIC: Cell<bool> = const { Cell::new(false) };
}

impl Blame {
    /// Nobody known: the loader blames the widget the reader last used.
    pub const NOBODY: Blame = Blame(0);

    /// A new widget mounted into `element` (its placeholder).
    pub fn register(element: &web_sys::Element) -> Blame {
        ELEMENTS.with(|elements| {
            let mut elements = elements.borrow_mut();
            elements.push(element.clone());
            Blame(u32::try_from(elements.len()).unwrap_or(0))
        })
    }

    /// Whose code runs now.
    pub fn current() -> Blame {
        CURRENT.with(Cell::get)
    }

    /// The placeholder element of this widget (`None` for [`Blame::NOBODY`]).
    pub fn element(self) -> Option<web_sys::Element> {
        let index = usize::try_from(self.0.checked_sub(1)?).ok()?;
        ELEMENTS
            .try_with(|elements| {
                elements
                    .try_borrow()
                    .ok()
                    .and_then(|elements| elements.get(index).cloned())
            })
            .ok()
            .flatten()
    }

    /// Blames this widget until the returned guard is dropped, then whoever was blamed before.
    pub fn enter(self) -> Entered {
        Entered {
            blame: self,
            previous: CURRENT.with(|current| current.replace(self)),
        }
    }

    /// Runs `work` blaming this widget.
    pub fn run<R>(self, work: impl FnOnce() -> R) -> R {
        let _entered = self.enter();
        work()
    }

    /// `callback` as a timer, interval or animation-frame callback of this widget: each call is
    /// blamed on it (and may be the end-to-end tests' [`test_panic_on_next_timer`]).
    pub fn wrap(self, mut callback: impl FnMut() + 'static) -> impl FnMut() + 'static {
        move || {
            let _entered = self.enter();
            panic_if_a_test_asked();
            callback();
        }
    }

    /// `future`, each of whose polls is blamed on this widget. The polls after the first are the
    /// work a timer or task resumes (and may be the end-to-end tests' [`test_panic_on_next_timer`]).
    pub async fn blamed<F: Future>(self, future: F) -> F::Output {
        let mut future = pin!(future);
        poll_fn(|cx| {
            let _entered = self.enter();
            panic_if_a_test_asked();
            future.as_mut().poll(cx)
        })
        .await
    }

    /// Spawns `future` on the browser's event loop (`wasm_bindgen_futures::spawn_local`), blamed
    /// on this widget.
    pub fn spawn(self, future: impl Future<Output = ()> + 'static) {
        wasm_bindgen_futures::spawn_local(self.blamed(future));
    }
}

/// While alive, the code running is blamed on [`Entered::blame`]; dropping it blames whoever was
/// blamed before (nesting works).
#[derive(Debug)]
#[must_use = "the blame ends when this guard is dropped"]
pub struct Entered {
    blame: Blame,
    previous: Blame,
}

impl Entered {
    /// The widget blamed while this guard lives.
    pub fn blame(&self) -> Blame {
        self.blame
    }
}

impl Drop for Entered {
    fn drop(&mut self) {
        // `try_with`: this may run while the thread's locals are being torn down.
        let _ = CURRENT.try_with(|current| current.set(self.previous));
    }
}

/// The first hook of every component: blames the component's widget for the rest of its render
/// (keep the guard until the end of the function). Yew renders components in its own scheduler
/// task, often long after the event or timer that changed them, and a component of a widget may
/// render alone (a stepper's tick), so each component says whose it is.
#[hook]
pub fn use_blame() -> Entered {
    use_context::<Blame>().unwrap_or_default().enter()
}

/// The placeholder element of the widget whose code runs now, if known: what the panic hook
/// hands the loader.
pub fn current_element() -> Option<web_sys::Element> {
    CURRENT.try_with(Cell::get).ok()?.element()
}

/// For the end-to-end tests only: the next piece of widget work that a browser timer, task or
/// animation frame resumes (a real-time run's next poll, a prediction slice, a stepper tick)
/// panics. See [`crate::test_panic_on_next_timer`].
pub fn test_panic_on_next_timer() {
    TEST_PANIC.with(|armed| armed.set(true));
}

/// Panics if [`test_panic_on_next_timer`] asked for it (once).
fn panic_if_a_test_asked() {
    if TEST_PANIC.with(|armed| armed.replace(false)) {
        panic!("a crash requested by the end-to-end tests (testPanicOnNextTimer)");
    }
}
