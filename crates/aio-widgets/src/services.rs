//! Runs the lab's tasks as real futures on the browser's event loop and measures them.
//!
//! Each task is a future that awaits a [`TimeoutFuture`] for its duration, with its start and end
//! read from `performance.now()`. The three strategies join those futures the way the Python code
//! does:
//!
//! - sequential: await each task in turn;
//! - `create_task`: spawn every task first (like `asyncio.create_task`), then await each
//!   one's completion in task order through a [`oneshot`] channel;
//! - `gather`: spawn every task and wait until all of them have finished ([`join_all`]).
//!
//! A run is cancelled by dropping its [`RunHandle`]: every future of the run is wrapped in
//! [`abortable`], which then drops its inner future, and dropping a [`TimeoutFuture`] clears the
//! browser timer. So a new run, an edit of the tasks or unmounting the lab stops a previous run.
//!
//! Every future and callback started here belongs to one widget, given as a [`Blame`]: a panic in
//! it is blamed on that widget (see [`crate::blame`]).

use std::cell::RefCell;
use std::future::{Future, poll_fn};
use std::pin::pin;
use std::rc::Rc;
use std::task::{Poll, Waker};

use aio_core::i18n::Msg;
use aio_core::lab::{LabTask, Strategy};
use gloo_timers::future::TimeoutFuture;
use yew::Callback;

use crate::blame::Blame;
use crate::state::{MeasuredSpan, Measurement};

/// Milliseconds from the page's time origin: `performance.now()`, with `Date.now()` as a fallback
/// for a context without `performance`, so that measuring never panics.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or_else(js_sys::Date::now, |performance| performance.now())
}

#[derive(Debug, Default)]
struct CancelState {
    cancelled: bool,
    wakers: Vec<Waker>,
}

/// Shared between a [`RunHandle`] and every future of its run.
#[derive(Debug, Clone, Default)]
struct CancelToken(Rc<RefCell<CancelState>>);

impl CancelToken {
    fn cancel(&self) {
        let wakers = {
            let mut state = self.0.borrow_mut();
            state.cancelled = true;
            std::mem::take(&mut state.wakers)
        };
        // Woken futures see the flag on their next poll and drop their timers.
        wakers.into_iter().for_each(Waker::wake);
    }

    fn is_cancelled(&self) -> bool {
        self.0.borrow().cancelled
    }

    fn register(&self, waker: &Waker) {
        let mut state = self.0.borrow_mut();
        if !state.wakers.iter().any(|known| known.will_wake(waker)) {
            state.wakers.push(waker.clone());
        }
    }
}

/// Keeps a run alive: dropping it cancels every task of the run and its remaining strategies.
#[derive(Debug)]
pub struct RunHandle {
    token: CancelToken,
}

impl Drop for RunHandle {
    fn drop(&mut self) {
        self.token.cancel();
    }
}

/// Runs `future` until it completes (`Some`) or `token` is cancelled (`None`, and `future` is
/// dropped right away, which cancels its timers).
async fn abortable<F: Future>(token: CancelToken, future: F) -> Option<F::Output> {
    let mut future = pin!(future);
    poll_fn(|cx| {
        if token.is_cancelled() {
            return Poll::Ready(None);
        }
        token.register(cx.waker());
        future.as_mut().poll(cx).map(Some)
    })
    .await
}

#[derive(Debug)]
struct Slot<T> {
    value: Option<T>,
    sender_gone: bool,
    waker: Option<Waker>,
}

/// The sending half of a [`oneshot`] channel.
#[derive(Debug)]
struct Sender<T>(Rc<RefCell<Slot<T>>>);

/// The receiving half of a [`oneshot`] channel: a future of the value, or `None` if the sender was
/// dropped without sending (its task was cancelled).
#[derive(Debug)]
struct Receiver<T>(Rc<RefCell<Slot<T>>>);

/// A single-threaded one-value channel: what `await task` waits on for a spawned task.
fn oneshot<T>() -> (Sender<T>, Receiver<T>) {
    let slot = Rc::new(RefCell::new(Slot {
        value: None,
        sender_gone: false,
        waker: None,
    }));
    (Sender(slot.clone()), Receiver(slot))
}

impl<T> Sender<T> {
    fn send(self, value: T) {
        self.0.borrow_mut().value = Some(value);
        // `Drop` wakes the receiver.
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        let waker = {
            let mut slot = self.0.borrow_mut();
            slot.sender_gone = true;
            slot.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

impl<T> Future for Receiver<T> {
    type Output = Option<T>;

    fn poll(self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> Poll<Option<T>> {
        let mut slot = self.0.borrow_mut();
        if let Some(value) = slot.value.take() {
            Poll::Ready(Some(value))
        } else if slot.sender_gone {
            Poll::Ready(None)
        } else {
            slot.waker = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

/// Waits for all receivers at once (like `asyncio.gather`), in any completion order; `None` if
/// any task was cancelled.
async fn join_all<T>(receivers: Vec<Receiver<T>>) -> Option<Vec<T>> {
    let mut pending: Vec<Option<Receiver<T>>> = receivers.into_iter().map(Some).collect();
    let mut values: Vec<Option<T>> = pending.iter().map(|_| None).collect();
    poll_fn(|cx| {
        for (receiver, value) in pending.iter_mut().zip(values.iter_mut()) {
            if let Some(mut future) = receiver.take() {
                match std::pin::Pin::new(&mut future).poll(cx) {
                    Poll::Ready(Some(done)) => *value = Some(done),
                    Poll::Ready(None) => return Poll::Ready(None),
                    Poll::Pending => *receiver = Some(future),
                }
            }
        }
        if pending.iter().all(Option::is_none) {
            Poll::Ready(values.iter_mut().map(Option::take).collect())
        } else {
            Poll::Pending
        }
    })
    .await
}

/// One task: note the start, wait `seconds`, note the end; times relative to `origin`.
///
/// Browser timers may fire a fraction of a millisecond early against `performance.now()`, so the
/// task keeps waiting until its full duration has passed: like `asyncio.sleep`, it never ends early.
async fn one_task(seconds: f64, origin: f64) -> MeasuredSpan {
    let start = now_ms();
    let deadline = start + seconds * 1000.0;
    loop {
        let remaining = deadline - now_ms();
        if remaining <= 0.0 {
            break;
        }
        TimeoutFuture::new(remaining.ceil() as u32).await;
    }
    MeasuredSpan {
        start_ms: start - origin,
        end_ms: now_ms() - origin,
    }
}

/// Spawns every task on the event loop (like `asyncio.create_task`) and returns one receiver per
/// task, in task order.
fn spawn_all(
    blame: Blame,
    token: &CancelToken,
    tasks: &[LabTask],
    origin: f64,
) -> Vec<Receiver<MeasuredSpan>> {
    tasks
        .iter()
        .map(|task| {
            let (sender, receiver) = oneshot();
            let seconds = task.seconds;
            let token = token.clone();
            blame.spawn(async move {
                if let Some(span) = abortable(token, one_task(seconds, origin)).await {
                    sender.send(span);
                }
            });
            receiver
        })
        .collect()
}

/// Runs `tasks` once under `strategy`; `None` if the run was cancelled.
async fn run_strategy(
    blame: Blame,
    token: &CancelToken,
    strategy: Strategy,
    tasks: &[LabTask],
) -> Option<Measurement> {
    let origin = now_ms();
    let spans = match strategy {
        Strategy::Sequential => {
            let mut spans = Vec::with_capacity(tasks.len());
            for task in tasks {
                spans.push(abortable(token.clone(), one_task(task.seconds, origin)).await?);
            }
            spans
        }
        Strategy::CreateTask => {
            let receivers = spawn_all(blame, token, tasks, origin);
            let mut spans = Vec::with_capacity(tasks.len());
            // `await ta; await tb`: in task order, whatever order they finish in.
            for receiver in receivers {
                spans.push(receiver.await?);
            }
            spans
        }
        Strategy::Gather => join_all(spawn_all(blame, token, tasks, origin)).await?,
    };
    Some(Measurement {
        spans,
        total_ms: now_ms() - origin,
    })
}

/// Starts running `tasks` under each of `strategies`, one strategy after the other, as work of
/// the lab `blame`.
///
/// `onstart` is told when a strategy starts, `onfinish` when it has been measured. Keep the
/// returned handle for as long as the run may go on; dropping it cancels the run.
pub fn start_run(
    blame: Blame,
    strategies: Vec<Strategy>,
    tasks: Vec<LabTask>,
    onstart: Callback<Strategy>,
    onfinish: Callback<(Strategy, Measurement)>,
) -> RunHandle {
    let token = CancelToken::default();
    let run_token = token.clone();
    blame.spawn(async move {
        let inner = run_token.clone();
        abortable(run_token, async move {
            for strategy in strategies {
                onstart.emit(strategy);
                match run_strategy(blame, &inner, strategy, &tasks).await {
                    Some(measurement) => onfinish.emit((strategy, measurement)),
                    None => return,
                }
            }
        })
        .await;
    });
    RunHandle { token }
}

/// Steps the engine runs between two readings of the browser's clock during a real run: a
/// program only sees time move between slices (and by what its steps cost), so a busy loop on
/// `time.perf_counter()` ends at most a slice late. A few milliseconds of work.
pub const RUN_SLICE: u64 = 5_000;

/// How long a real run computes before it yields to the browser: short enough that a busy
/// program leaves the page responsive, long enough that the yields (a `setTimeout(0)`, clamped to
/// 4 ms once nested) cost little.
const RUN_YIELD_MS: f64 = 12.0;

/// What a real run of an example reports.
#[derive(Debug, Clone)]
pub enum ExampleRunEvent {
    /// Output and trace (times in real seconds since the start), `measured_ms` after the start.
    Progress {
        chunks: Vec<aio_core::engine::OutputChunk>,
        trace: Vec<aio_core::trace::TraceRecord>,
        measured_ms: f64,
        /// A `time.sleep` has blocked the running event loop so far.
        blocking: bool,
    },
    /// The browser ran the run's timers late (tab hidden, timers clamped, page busy): its
    /// measured times are the browser's, not the program's. Sent once per run.
    Throttled { reason: String },
    /// The program ended, or the engine stopped it (a limit, a deadlock).
    Finished {
        outcome: aio_core::engine::Outcome,
        total_ms: f64,
    },
}

/// A real run of an example under way: dropping it stops the run at once (the engine and its
/// timer are dropped).
#[derive(Debug)]
pub struct ExampleRun {
    _handle: RunHandle,
    /// When the run's clock started (page time, ms).
    origin: std::rc::Rc<std::cell::Cell<f64>>,
}

impl ExampleRun {
    /// Milliseconds since the run's clock started.
    pub fn elapsed_ms(&self) -> f64 {
        now_ms() - self.origin.get()
    }
}

/// A timer that fires this much later than asked means the browser is throttling the page:
/// timers normally fire within a few milliseconds, a hidden tab clamps them to a second or more.
pub const THROTTLED_LATENESS_MS: f64 = 100.0;

/// Why the measured times of a run cannot be trusted, if they cannot: the tab is hidden (the
/// browser throttles its timers), or a timer fired `lateness_ms` late.
pub fn throttling(lateness_ms: f64) -> Option<String> {
    let hidden = web_sys::window()
        .and_then(|window| window.document())
        .is_some_and(|document| document.visibility_state() == web_sys::VisibilityState::Hidden);
    if hidden {
        Some(tr(Msg::ExampleThrottledHidden).to_owned())
    } else if lateness_ms > THROTTLED_LATENESS_MS {
        Some(trf(
            Msg::ExampleThrottledLate,
            &[("ms", &format!("{lateness_ms:.0}"))],
        ))
    } else {
        None
    }
}

/// Waits until `deadline_ms` (page time). Browser timers can fire a little early, so it waits
/// again until the deadline has really passed: a `sleep` never ends early.
async fn sleep_until(deadline_ms: f64) {
    loop {
        let remaining = deadline_ms - now_ms();
        if remaining <= 0.0 {
            break;
        }
        TimeoutFuture::new(remaining.ceil() as u32).await;
    }
}

/// Runs `source` in real time: the engine is polled with the elapsed seconds, sleeps until each
/// `WaitUntil` deadline and yields to the browser every [`RUN_YIELD_MS`] of computing, so output
/// arrives when it would in a terminal. Output and trace are handed over after every poll, so the
/// run keeps nothing that grows: it may go on for as long as the reader lets it. Dropping the
/// returned run drops the engine and its timer at once (Stop). The run is work of the widget
/// `blame`.
pub fn start_example_run(
    blame: Blame,
    source: String,
    filename: String,
    onevent: Callback<ExampleRunEvent>,
) -> ExampleRun {
    use aio_core::engine::{Engine, Poll};

    use crate::example_state::RUN_BUDGETS;

    let token = CancelToken::default();
    let run_token = token.clone();
    let origin = std::rc::Rc::new(std::cell::Cell::new(now_ms()));
    let run_origin = origin.clone();
    blame.spawn(async move {
        abortable(run_token, async move {
            // The prediction already refused code that does not parse; this is a safety net.
            let Ok(mut engine) = Engine::new(&source, &filename, RUN_BUDGETS) else {
                onevent.emit(ExampleRunEvent::Finished {
                    outcome: aio_core::engine::Outcome::Exited { status: 1 },
                    total_ms: 0.0,
                });
                return;
            };
            engine.enable_trace(false);
            // The clock starts once the code is parsed, as CPython's does after compiling.
            let origin = now_ms();
            run_origin.set(origin);
            let mut throttled = false;
            let mut computing_since = now_ms();
            loop {
                if !throttled && let Some(reason) = throttling(0.0) {
                    throttled = true;
                    onevent.emit(ExampleRunEvent::Throttled { reason });
                }
                let poll = engine.poll((now_ms() - origin) / 1000.0, Some(RUN_SLICE));
                let chunks = engine.drain_output();
                let trace = engine.drain_trace();
                if !chunks.is_empty() || !trace.is_empty() {
                    onevent.emit(ExampleRunEvent::Progress {
                        chunks,
                        trace,
                        measured_ms: now_ms() - origin,
                        blocking: engine.blocked_the_loop(),
                    });
                }
                match poll {
                    Poll::WaitUntil(deadline) => {
                        let deadline_ms = origin + deadline * 1000.0;
                        sleep_until(deadline_ms).await;
                        computing_since = now_ms();
                        if !throttled && let Some(reason) = throttling(now_ms() - deadline_ms) {
                            throttled = true;
                            onevent.emit(ExampleRunEvent::Throttled { reason });
                        }
                    }
                    // A zero timeout lets the browser paint and handle input (and Stop); until
                    // it is due, the next slice runs at once, with a fresh reading of the clock.
                    Poll::Yielded => {
                        if now_ms() - computing_since >= RUN_YIELD_MS {
                            TimeoutFuture::new(0).await;
                            computing_since = now_ms();
                        }
                    }
                    Poll::Finished(outcome) => {
                        onevent.emit(ExampleRunEvent::Finished {
                            outcome,
                            total_ms: now_ms() - origin,
                        });
                        return;
                    }
                }
            }
        })
        .await;
    });
    ExampleRun {
        _handle: RunHandle { token },
        origin,
    }
}

/// How long one slice of a prediction may compute, in milliseconds: half a 60 Hz frame, leaving
/// the rest to rendering and the reader's input.
const SLICE_MS: f64 = 8.0;

/// Engine steps between two looks at the clock.
const SLICE_STEPS: u64 = 2_000;

/// Runs heavy work of the engine (a prediction, a step-through run) a slice at a time: the first
/// slice now (most programs end in it, so the timeline follows the reader's finger at once), the
/// rest, if any, in later tasks of the browser's event loop, one slice of [`SLICE_MS`] each, so
/// that no frame is held longer than that. `advance(steps)` runs about that many engine steps and
/// returns the result once there is one. A newer run (or unmounting) bumps `generation`, which
/// ends this one. `done` gets the result and the milliseconds it took. The later slices are work
/// of the widget `blame`.
pub fn in_slices<T: 'static>(
    blame: Blame,
    mut advance: impl FnMut(u64) -> Option<T> + 'static,
    generation: std::rc::Rc<std::cell::Cell<u64>>,
    done: impl FnOnce(T, f64) + 'static,
) {
    let mine = generation.get() + 1;
    generation.set(mine);
    let mut spent_ms = 0.0;
    // Runs one slice; the result if the work is over.
    let mut slice = move |spent_ms: &mut f64| {
        let start = now_ms();
        let result = loop {
            if let Some(result) = advance(SLICE_STEPS) {
                break Some(result);
            }
            if now_ms() - start >= SLICE_MS {
                break None;
            }
        };
        *spent_ms += now_ms() - start;
        result
    };
    if let Some(result) = slice(&mut spent_ms) {
        done(result, spent_ms);
        return;
    }
    blame.spawn(async move {
        loop {
            // A macrotask boundary: the browser renders and handles input in between.
            TimeoutFuture::new(0).await;
            if generation.get() != mine {
                return;
            }
            if let Some(result) = slice(&mut spent_ms) {
                done(result, spent_ms);
                return;
            }
        }
    });
}

/// A pending `requestAnimationFrame` callback; dropping it cancels the callback.
#[derive(Debug)]
pub struct AnimationFrame {
    id: i32,
    _closure: wasm_bindgen::closure::Closure<dyn FnMut(f64)>,
}

impl Drop for AnimationFrame {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.cancel_animation_frame(self.id);
        }
    }
}

/// Calls `callback` before the next paint, as work of the widget `blame` (or `None` without a
/// window).
pub fn request_animation_frame(
    blame: Blame,
    callback: impl FnOnce() + 'static,
) -> Option<AnimationFrame> {
    use wasm_bindgen::JsCast;
    let mut callback = Some(callback);
    let mut blamed = blame.wrap(move || {
        if let Some(callback) = callback.take() {
            callback();
        }
    });
    let closure = wasm_bindgen::closure::Closure::<dyn FnMut(f64)>::new(move |_time: f64| blamed());
    let id = web_sys::window()?
        .request_animation_frame(closure.as_ref().unchecked_ref())
        .ok()?;
    Some(AnimationFrame {
        id,
        _closure: closure,
    })
}

fn local_storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .ok_or(tr(Msg::EditorStorageNoWindow))?
        .local_storage()
        .ok()
        .flatten()
        .ok_or_else(|| tr(Msg::EditorStorageNotAllowed).to_owned())
}

/// The reader's stored edit of example `id`, if any (nothing when storage is unavailable).
pub fn load_edit(id: &str) -> Option<String> {
    local_storage()
        .ok()?
        .get_item(&aio_core::example::storage_key(id))
        .ok()
        .flatten()
}

/// Stores the reader's edit of example `id`, or removes it (`None`: the code is the chapter's).
/// The error says why edits will not survive a reload (storage full or disabled).
pub fn save_edit(id: &str, source: Option<&str>) -> Result<(), String> {
    let storage = local_storage()?;
    let key = aio_core::example::storage_key(id);
    match source {
        Some(source) => storage
            .set_item(&key, source)
            .map_err(|_| tr(Msg::EditorStorageFull).to_owned()),
        None => storage
            .remove_item(&key)
            .map_err(|_| tr(Msg::EditorStorageDisabled).to_owned()),
    }
}

/// The reader's locked-in attempt at example `id`'s "Predict, then run" exercise, if any. It lives
/// in this browser's local storage only; an unreadable entry counts as none.
pub fn load_attempt(id: &str) -> Option<aio_core::exercise::Attempt> {
    let text = local_storage()
        .ok()?
        .get_item(&aio_core::example::prediction_storage_key(id, page_lang()))
        .ok()
        .flatten()?;
    serde_json::from_str(&text).ok()
}

/// Keeps the reader's attempt in this browser (`None` forgets it: "Try again"). Storage that is
/// full or disabled only means the verdict will not survive a reload, so errors are ignored.
pub fn save_attempt(id: &str, attempt: Option<&aio_core::exercise::Attempt>) {
    let Ok(storage) = local_storage() else {
        return;
    };
    let key = aio_core::example::prediction_storage_key(id, page_lang());
    let _ = match attempt.and_then(|attempt| serde_json::to_string(attempt).ok()) {
        Some(json) => storage.set_item(&key, &json),
        None => storage.remove_item(&key),
    };
}

/// The page's language, from `<html lang>` (mdBook writes the book's `language` there), read once:
/// a page never changes its language.
pub fn page_lang() -> aio_core::i18n::Lang {
    thread_local! {
        static LANG: aio_core::i18n::Lang = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.document_element())
            .and_then(|html| html.get_attribute("lang"))
            .map_or_else(Default::default, |tag| aio_core::i18n::Lang::from_tag(&tag));
    }
    LANG.with(|lang| *lang)
}

/// A message of the interface in the page's language.
pub fn tr(msg: aio_core::i18n::Msg) -> &'static str {
    msg.text(page_lang())
}

/// A message of the interface in the page's language, its `{name}` placeholders filled.
pub fn trf(msg: aio_core::i18n::Msg, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    msg.fill(page_lang(), args)
}

/// [`trf`], split around the placeholder `{at}` left unfilled: the text before it and after it,
/// so that an element (a link, a number in its own `<span>`) stands where the language puts it
/// in the sentence.
pub fn trf_around(
    msg: aio_core::i18n::Msg,
    args: &[(&str, &dyn std::fmt::Display)],
    at: &str,
) -> (String, String) {
    let text = trf(msg, args);
    match text.split_once(&format!("{{{at}}}")) {
        Some((before, after)) => (before.to_owned(), after.to_owned()),
        None => (text, String::new()),
    }
}

/// The book's root URL, as the loader records it (`data-aio-book-root` on `<html>`); empty, so
/// links stay relative to the page, when it is not there.
pub fn book_root() -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
        .and_then(|html| html.get_attribute("data-aio-book-root"))
        .unwrap_or_default()
}

/// The page URL's fragment, with its `#` (empty when none).
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the page URL's fragment without navigating (no scroll, no history entry), so the
/// address bar always links to what the reader sees.
pub fn replace_location_hash(fragment: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("#{fragment}")),
        );
    }
}
