//! The driver API (sans-IO, like quinn-proto's `poll_timeout()` / `handle_timeout(now)`).
//!
//! ```no_run
//! use aio_engine::engine::{Budgets, Engine, Poll};
//! let mut run = Engine::new("print('hi')", "prog.py", Budgets::default()).unwrap();
//! let mut now = 0.0;
//! loop {
//!     match run.poll(now, None) {
//!         Poll::WaitUntil(deadline) => now = deadline, // or sleep until then in real time
//!         Poll::Yielded => {}                          // step slice used up: call again
//!         Poll::Finished(outcome) => { println!("exit {}", outcome.exit_status()); break; }
//!     }
//!     for chunk in run.drain_output() { print!("{}", chunk.text); }
//! }
//! ```
//!
//! Time: the engine's virtual clock is `now + offset`, where `now` is the latest value passed
//! to [`Engine::poll`] and `offset` is the total of blocking `time.sleep()` calls so far
//! (a blocking sleep advances the program's clock without the driver having to wait).
//! `WaitUntil` deadlines are in the driver's time base (offset already subtracted).

use std::cell::Cell;
use std::rc::Rc;
use std::task::{Context, Waker};

use serde::Serialize;

pub use crate::run::{
    Budgets, CPU_SECONDS_PER_STEP, Limit, Missing, Outcome, OutputChunk, Stopped, Stream, Topic,
    Unsupported,
};

use crate::interp::{Frame, FrameKind, Interp, Suspend};
use crate::runtime::object::{FrameInfo, Module};
use crate::runtime::value::{Lbf, Value};
use crate::syntax;
pub use crate::syntax::{SyntaxError, SyntaxErrorKind};
use crate::trace::TraceRecord;

/// What the driver should do next.
#[derive(Debug, Clone, PartialEq)]
pub enum Poll {
    /// Nothing to do before this time (driver time base); call `poll` again then.
    WaitUntil(f64),
    /// The per-call step slice ran out; call `poll` again (after yielding to the UI).
    Yielded,
    /// The run is over: the program ended, or the engine stopped it.
    Finished(Outcome),
}

/// Everything a finished run produced.
#[derive(Debug, Clone, Serialize)]
pub struct RunResult {
    pub stdout: String,
    pub stderr: String,
    pub exit_status: i32,
    /// How it ended; `exit_status` is [`Outcome::exit_status`].
    pub outcome: Outcome,
    pub trace: Vec<TraceRecord>,
    /// Every output chunk with its virtual time and line.
    pub output: Vec<OutputChunk>,
}

/// A running program, driven one of two ways: in virtual time by [`Engine::advance`] (the clock
/// jumps to each deadline at once: predictions, the stepper, the labs, the command line), or in
/// the caller's time by [`Engine::poll`] (a real-time run, which waits for each deadline). A run
/// is driven one way from start to end. Either way the run ends in a typed [`Outcome`].
pub struct Engine {
    it: Rc<Interp>,
    root: Option<Lbf<'static, i32>>,
    outcome: Option<Outcome>,
    /// The virtual clock of a run driven by [`Engine::advance`].
    virtual_now: f64,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<Engine {}>", self.it.filename)
    }
}

/// The asyncio prelude's syntax tree, parsed once per thread: the browser re-runs programs on
/// every keystroke, and the tree never changes (the interpreter only reads it).
fn parsed_prelude() -> Result<Rc<syntax::ast::Module>, SyntaxError> {
    thread_local! {
        static PRELUDE: std::cell::OnceCell<Rc<syntax::ast::Module>> = const { std::cell::OnceCell::new() };
    }
    if let Some(prelude) = PRELUDE.with(|cell| cell.get().cloned()) {
        return Ok(prelude);
    }
    let prelude = Rc::new(syntax::parse_module(
        crate::asyncio::PRELUDE,
        crate::asyncio::PRELUDE_FILE,
    )?);
    PRELUDE.with(|cell| cell.get_or_init(|| prelude.clone()).clone());
    Ok(prelude)
}

impl Engine {
    /// Parses `source` and prepares the run. Syntax errors are returned (render them with
    /// [`SyntaxError::render`]; CPython exits with status 1).
    pub fn new(source: &str, filename: &str, budgets: Budgets) -> Result<Engine, SyntaxError> {
        let module = Rc::new(syntax::parse_module(source, filename)?);
        let prelude = parsed_prelude()?;
        let main = Module::new("__main__", filename);
        let it = Rc::new(Interp::new(filename, source, main.clone(), budgets));
        crate::builtins::install(&it);
        main.set("__name__", Value::str("__main__"));
        main.set("__file__", Value::str(filename));
        let asyncio = crate::asyncio::make_module(&it);
        it.modules
            .borrow_mut()
            .insert(Rc::from("asyncio"), Value::Module(asyncio.clone()));
        let root: Lbf<'static, i32> = Box::pin(run_program(it.clone(), module, prelude, asyncio));
        Ok(Engine {
            it,
            root: Some(root),
            outcome: None,
            virtual_now: 0.0,
        })
    }

    /// Records a structured trace (and per-iteration snapshots if `snapshots`).
    pub fn enable_trace(&mut self, snapshots: bool) {
        let mut t = self.it.trace.borrow_mut();
        t.enabled = true;
        t.snapshots = snapshots;
    }

    /// Runs until the program waits for time, the step slice (if any) runs out, or it ends.
    pub fn poll(&mut self, now: f64, step_budget: Option<u64>) -> Poll {
        if let Some(outcome) = &self.outcome {
            return Poll::Finished(outcome.clone());
        }
        let it = &self.it;
        if now > it.clock.external.get() {
            it.clock.external.set(now);
        }
        it.slice_end.set(match step_budget {
            Some(n) => it.steps.get().saturating_add(n.max(1)),
            None => u64::MAX,
        });
        let Some(root) = self.root.as_mut() else {
            return Poll::Finished(Outcome::Exited { status: 1 });
        };
        let mut cx = Context::from_waker(Waker::noop());
        match root.as_mut().poll(&mut cx) {
            std::task::Poll::Ready(status) => {
                let outcome = match it.aborted.borrow().clone() {
                    Some(stopped) => Outcome::Stopped(stopped),
                    None => Outcome::Exited { status },
                };
                self.outcome = Some(outcome.clone());
                self.root = None;
                Poll::Finished(outcome)
            }
            std::task::Poll::Pending => {
                let s = it.suspend.borrow_mut().take();
                match s {
                    Some(Suspend::WaitTime(deadline)) => {
                        Poll::WaitUntil(deadline - it.clock.offset.get())
                    }
                    _ => Poll::Yielded,
                }
            }
        }
    }

    /// Runs in virtual time, jumping the clock to each deadline at once, for about `steps` more
    /// steps (at least one; `u64::MAX` for the whole run): the outcome once the run has ended,
    /// `None` while there is more to run.
    pub fn advance(&mut self, steps: u64) -> Option<Outcome> {
        loop {
            match self.poll(self.virtual_now, Some(steps)) {
                Poll::WaitUntil(deadline) => self.virtual_now = deadline.max(self.virtual_now),
                Poll::Yielded => return None,
                Poll::Finished(outcome) => return Some(outcome),
            }
        }
    }

    /// Whether a `time.sleep` has blocked a running event loop on its own thread so far.
    pub fn blocked_the_loop(&self) -> bool {
        self.it.blocked_loop.get()
    }

    /// Takes the output produced since the last call.
    pub fn drain_output(&mut self) -> Vec<OutputChunk> {
        std::mem::take(&mut *self.it.output.borrow_mut())
    }

    /// Takes the trace events recorded since the last call.
    pub fn drain_trace(&mut self) -> Vec<TraceRecord> {
        std::mem::take(&mut self.it.trace.borrow_mut().events)
    }

    /// The engine's current virtual time.
    pub fn virtual_time(&self) -> f64 {
        self.it.now()
    }

    /// The parts of Python the program reached for that the engine does not have yet, in the
    /// order it reached them.
    pub fn unsupported(&self) -> Vec<Unsupported> {
        self.it.unsupported.borrow().clone()
    }
}

/// Runs a program to the end, jumping the clock to each deadline instantly, recording the
/// trace.
pub fn run_to_completion(source: &str, filename: &str, budgets: Budgets) -> RunResult {
    run_program_to_end(source, filename, budgets, true)
}

/// [`run_to_completion`] with the trace optional (it costs time and memory on big outputs).
pub fn run_program_to_end(
    source: &str,
    filename: &str,
    budgets: Budgets,
    trace: bool,
) -> RunResult {
    let mut engine = match Engine::new(source, filename, budgets) {
        Ok(e) => e,
        Err(e) => {
            return RunResult {
                stdout: String::new(),
                stderr: e.render(),
                exit_status: 1,
                outcome: Outcome::Exited { status: 1 },
                trace: Vec::new(),
                output: Vec::new(),
            };
        }
    };
    if trace {
        engine.enable_trace(false);
    }
    let outcome = loop {
        if let Some(outcome) = engine.advance(u64::MAX) {
            break outcome;
        }
    };
    let output = engine.drain_output();
    let mut stdout = String::new();
    let mut stderr = String::new();
    for c in &output {
        match c.stream {
            Stream::Stdout => stdout.push_str(&c.text),
            Stream::Stderr => stderr.push_str(&c.text),
        }
    }
    RunResult {
        stdout,
        stderr,
        exit_status: outcome.exit_status(),
        outcome,
        trace: engine.drain_trace(),
        output,
    }
}

async fn run_program(
    it: Rc<Interp>,
    module: Rc<syntax::ast::Module>,
    prelude: Rc<syntax::ast::Module>,
    asyncio: Rc<Module>,
) -> i32 {
    // The asyncio prelude runs first, in its own (hidden) module namespace.
    let pinfo = Rc::new(FrameInfo {
        name: Rc::from("<module>"),
        filename: Rc::from(crate::asyncio::PRELUDE_FILE),
        line: Cell::new(0),
        hidden: true,
        generated_line: Cell::new(0),
    });
    let pframe = Frame {
        env: None,
        globals: asyncio.clone(),
        kind: FrameKind::Module,
        func: None,
        info: pinfo.clone(),
    };
    it.frames.borrow_mut().push(pinfo.clone());
    if let Err(e) = it.exec_block(&pframe, &prelude.body).await {
        let text = it.format_exception(&e).await;
        it.write_output(
            Stream::Stderr,
            &format!("internal error in the asyncio prelude:\n{text}"),
        );
        return 1;
    }
    match crate::asyncio::hooks::Hooks::resolve(&asyncio) {
        Ok(hooks) => {
            let _ = it.hooks.set(hooks);
        }
        Err(missing) => {
            it.write_output(
                Stream::Stderr,
                &format!(
                    "internal error: the asyncio prelude lacks {}\n",
                    missing.join(", ")
                ),
            );
            return 1;
        }
    }
    it.pop_frame(&pinfo);
    it.frames.borrow_mut().clear();
    // What CPython's compiler warned about, before the program's first line runs.
    for (line, message) in &module.warnings {
        it.emit_warning("SyntaxWarning", message, *line, false);
    }
    let info = Rc::new(FrameInfo {
        name: Rc::from("<module>"),
        filename: it.filename.clone(),
        line: Cell::new(0),
        hidden: false,
        generated_line: Cell::new(0),
    });
    let frame = Frame {
        env: None,
        globals: it.main.clone(),
        kind: FrameKind::Module,
        func: None,
        info: info.clone(),
    };
    it.frames.borrow_mut().push(info.clone());
    let result = it.exec_block(&frame, &module.body).await;
    // An uncaught exception, kept (as `sys.last_value` is) until the interpreter shuts down: what
    // its traceback's frames hold is released only then.
    let mut uncaught = None;
    let status = match result {
        Ok(_) => 0,
        Err(e) => {
            // A stopped run prints nothing more: `Engine::poll` reports the limit.
            if it.aborted.borrow().is_some() {
                1
            } else if it.exc_is(&e, "SystemExit") {
                match e.args().first() {
                    None | Some(Value::None) => 0,
                    Some(Value::Int(c)) => *c as i32,
                    Some(other) => {
                        let s = it.str_of(other).await.unwrap_or_default();
                        it.write_output(Stream::Stderr, &format!("{s}\n"));
                        1
                    }
                }
            } else {
                it.print_exception(&e).await;
                // CPython ends by SIGINT's default action after an uncaught KeyboardInterrupt:
                // the shell sees 128 + 2.
                let status = if it.exc_is(&e, "KeyboardInterrupt") {
                    130
                } else {
                    1
                };
                uncaught = Some(e);
                status
            }
        }
    };
    it.flush_drop_events();
    // Interpreter shutdown: the last exception, then module globals are released (late warnings
    // say `sys:1`).
    it.sink.line.set(0);
    drop(uncaught);
    it.flush_drop_events();
    let globals: Vec<Value> = it.main.dict.borrow_mut().drain().map(|(_, v)| v).collect();
    drop(globals);
    it.flush_drop_events();
    status
}
