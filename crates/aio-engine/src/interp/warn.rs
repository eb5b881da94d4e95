//! The warnings machinery, behaving like `python3 -W default`: each warning is shown once
//! per (message, category, line); `catch_warnings(record=True)` and `simplefilter` work.

use std::collections::HashSet;
use std::rc::Rc;

use super::Interp;
use crate::run::Stream;
use crate::runtime::object::{Args, Builtin, DropEvent, NativeObj, StdlibSite};
use crate::runtime::value::{PyResult, Value};

/// Filter list and once-per-location registry.
#[derive(Debug, Clone, Default)]
pub(crate) struct WarnState {
    /// (action, category name) in priority order; empty means "default" for everything.
    pub filters: Vec<(String, Option<String>)>,
    pub registry: HashSet<(String, String, u32)>,
    /// While `catch_warnings(record=True)` is active: the list receiving WarningMessages.
    pub log: Option<Value>,
}

impl WarnState {
    /// `resetwarnings()`.
    pub(crate) fn reset(&mut self) {
        self.filters.clear();
        self.registry.clear();
    }
}

impl Interp {
    /// Handles one event produced by a `Drop` implementation.
    pub(crate) fn handle_drop_event(self: &Rc<Self>, ev: DropEvent) {
        match ev {
            DropEvent::NeverAwaited {
                qualname,
                line,
                stdlib_site,
            } => {
                let msg = format!("coroutine '{qualname}' was never awaited");
                self.emit_warning_at("RuntimeWarning", &msg, line, stdlib_site, true);
            }
            DropEvent::GenDropped(coro) => self.close_dropped_generator(Rc::new(*coro)),
            DropEvent::AsyncGenDropped(coro) => {
                let lp = self.running_loop.borrow().clone();
                if let Some(lp) = lp {
                    let c = Rc::new(*coro);
                    lp.call_soon(self, crate::asyncio::event_loop::HandleCb::CloseAsyncGen(c));
                }
            }
            DropEvent::TaskExceptionNeverRetrieved { text, exc } => {
                if self.logging_loaded() {
                    // Through the `asyncio` logger, as CPython's default exception handler.
                    let site = crate::asyncio::SITE_HANDLER;
                    self.asyncio_log_now(crate::asyncio::ERROR, &text, Vec::new(), Some(exc), site);
                    return;
                }
                let mut out = format!("{text}\n");
                out.push_str("Traceback (most recent call last):\n");
                let tb = exc.exc().traceback.borrow().clone();
                for e in tb.iter().rev() {
                    self.format_tb_entry(e, &mut out);
                }
                let name = self.exc_type_display(&exc.class);
                let args = exc.args();
                let msg = match args.len() {
                    0 => String::new(),
                    1 => match &args[0] {
                        Value::Str(s) => s.to_string(),
                        other => crate::asyncio::future::simple_repr(other),
                    },
                    _ => crate::asyncio::future::simple_repr(&Value::Tuple(args.clone())),
                };
                if msg.is_empty() {
                    out.push_str(&format!("{name}\n"));
                } else {
                    out.push_str(&format!("{name}: {msg}\n"));
                }
                self.write_output(Stream::Stderr, &out);
            }
        }
    }

    /// Closes a generator that was dropped while suspended: throws GeneratorExit into it so
    /// its `finally` blocks run now, as CPython's generator finalizer does.
    fn close_dropped_generator(self: &Rc<Self>, g: Rc<crate::runtime::object::Coro>) {
        let exit = self.new_exc(&self.t.by_name("GeneratorExit"), vec![]);
        *self.resume.borrow_mut() = Some(super::Resume::Throw(exit));
        // Run to completion regardless of the step slice (finalizers cannot suspend).
        let saved_slice = self.slice_end.replace(u64::MAX);
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        let r = super::drive::poll_body(self, &g, &mut cx);
        self.slice_end.set(saved_slice);
        let problem = match r {
            std::task::Poll::Ready(Ok(_)) => None,
            std::task::Poll::Ready(Err(e))
                if self.exc_is(&e, "GeneratorExit") || self.exc_is(&e, "StopIteration") =>
            {
                None
            }
            std::task::Poll::Ready(Err(e)) => Some(e),
            std::task::Poll::Pending => {
                self.suspend.borrow_mut().take();
                Some(self.runtime_error("generator ignored GeneratorExit"))
            }
        };
        self.resume.borrow_mut().take();
        if let Some(e) = problem {
            if self.aborted.borrow().is_some() {
                return;
            }
            let mut out = format!(
                "Exception ignored in: <generator object {} at {}>\n",
                g.qualname,
                super::ops::fake_addr(&Value::Coro(g.clone()))
            );
            let tb = e.exc().traceback.borrow().clone();
            if !tb.is_empty() {
                out.push_str("Traceback (most recent call last):\n");
                for entry in tb.iter().rev() {
                    self.format_tb_entry(entry, &mut out);
                }
            }
            let name = self.exc_type_display(&e.class);
            let msg = match e.args().first() {
                Some(Value::Str(s)) => format!(": {s}"),
                _ => String::new(),
            };
            out.push_str(&format!("{name}{msg}\n"));
            self.write_output(Stream::Stderr, &out);
        }
    }

    /// Emits a warning attributed to `line` of the main file, applying the filters.
    pub(crate) fn emit_warning(
        self: &Rc<Self>,
        category: &str,
        msg: &str,
        line: u32,
        from_coroutine: bool,
    ) {
        self.emit_warning_at(category, msg, line, None, from_coroutine);
    }

    /// Emits a warning, applying the filters: attributed to `line` of the main file, or to a
    /// line of CPython's standard library (`events.py:80` for a coroutine a loop callback
    /// returned).
    fn emit_warning_at(
        self: &Rc<Self>,
        category: &str,
        msg: &str,
        line: u32,
        stdlib_site: Option<StdlibSite>,
        from_coroutine: bool,
    ) {
        let (filename, line): (Rc<str>, u32) = match stdlib_site {
            Some(site) => (Rc::from(site.file), site.line),
            None => (self.filename.clone(), line),
        };
        let action = {
            let w = self.warn.borrow();
            let cls = self.t.by_name(category);
            w.filters
                .iter()
                .find(|(_, cat)| match cat {
                    None => true,
                    Some(c) => cls.is_subclass(&self.t.by_name(c)) || &*cls.name == c,
                })
                .map(|(a, _)| a.clone())
                .unwrap_or_else(|| "default".to_string())
        };
        match action.as_str() {
            "ignore" => return,
            // The compiler's warnings are not kept in a registry: each is printed.
            "always" => {}
            _ if category == "SyntaxWarning" => {}
            _ => {
                // A site in the standard library is its own location in the registry.
                let located = match stdlib_site {
                    Some(site) => format!("{}:{msg}", site.file),
                    None => msg.to_string(),
                };
                let key = (located, category.to_string(), line);
                let mut w = self.warn.borrow_mut();
                if action == "once" || action == "module" {
                    let k2 = (msg.to_string(), category.to_string(), 0);
                    if !w.registry.insert(k2) {
                        return;
                    }
                } else if !w.registry.insert(key) {
                    return;
                }
            }
        }
        let log = self.warn.borrow().log.clone();
        if let Some(Value::List(l)) = log {
            let cat = Value::Class(self.t.by_name(category));
            let message =
                Value::Instance(self.new_exc(&self.t.by_name(category), vec![Value::str(msg)]));
            l.borrow_mut()
                .push(Value::Native(Rc::new(NativeObj::WarningMessage {
                    category: cat,
                    message,
                    filename,
                    lineno: line,
                })));
            return;
        }
        let src = match stdlib_site {
            Some(site) => site.text.to_string(),
            None => self
                .source_lines
                .get(line.wrapping_sub(1) as usize)
                .map(|s| s.trim().to_string())
                .unwrap_or_default(),
        };
        let mut text = if line == 0 {
            format!("sys:1: {category}: {msg}\n")
        } else {
            format!("{filename}:{line}: {category}: {msg}\n")
        };
        if !src.is_empty() && line > 0 {
            text.push_str(&format!("  {src}\n"));
        }
        if from_coroutine && line > 0 {
            text.push_str(
                "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
            );
        }
        self.write_output(Stream::Stderr, &text);
    }

    /// `catch_warnings().__enter__()`.
    pub(crate) fn catch_warnings_enter(self: &Rc<Self>, n: &Rc<NativeObj>) -> Value {
        let NativeObj::CatchWarnings { record, saved, log } = &**n else {
            return Value::None;
        };
        let mut w = self.warn.borrow_mut();
        *saved.borrow_mut() = Some(w.clone());
        if *record {
            let l = Value::list(vec![]);
            w.log = Some(l.clone());
            *log.borrow_mut() = Some(l.clone());
            l
        } else {
            Value::None
        }
    }

    /// `catch_warnings().__exit__()`.
    pub(crate) fn catch_warnings_exit(self: &Rc<Self>, n: &Rc<NativeObj>) {
        let NativeObj::CatchWarnings { saved, .. } = &**n else {
            return;
        };
        if let Some(s) = saved.borrow_mut().take() {
            let mut w = self.warn.borrow_mut();
            w.filters = s.filters;
            w.log = s.log;
            // Filters changed: CPython invalidates the once-per-location registries.
            w.registry.clear();
        }
    }
}

/// `warnings.warn(message, category=UserWarning, stacklevel=1)`.
pub(crate) fn py_warn(it: &Rc<Interp>, _: &Builtin, mut a: Args) -> PyResult {
    let msg = a.arg(0, "message").unwrap_or_default();
    let cat = a.arg(1, "category");
    let (category, text) = match (&msg, cat) {
        (Value::Instance(i), _) if i.class.is_exc => (
            i.class.name.to_string(),
            match i.args().first() {
                Some(Value::Str(s)) => s.to_string(),
                _ => String::new(),
            },
        ),
        (Value::Str(s), Some(Value::Class(c))) => (c.name.to_string(), s.to_string()),
        (Value::Str(s), _) => ("UserWarning".to_string(), s.to_string()),
        _ => ("UserWarning".to_string(), String::new()),
    };
    // `stacklevel=2`: the line of the caller of the function that warns (a frame of the
    // program's own file; another stays at the warning's own line).
    let level = match a.arg(2, "stacklevel") {
        Some(Value::Int(n)) if n > 1 => n as usize,
        _ => 1,
    };
    let line = {
        let frames = it.frames.borrow();
        frames
            .len()
            .checked_sub(level)
            .and_then(|i| frames.get(i))
            .filter(|f| level > 1 && !f.hidden && f.filename == it.filename)
            .map(|f| f.line.get())
    };
    let line = line.unwrap_or_else(|| it.current_line());
    it.emit_warning(&category, &text, line, false);
    Ok(Value::None)
}

/// `warnings.simplefilter(action, category=Warning)` (also `filterwarnings`).
pub(crate) fn py_simplefilter(it: &Rc<Interp>, _: &Builtin, mut a: Args) -> PyResult {
    let action = match a.arg(0, "action") {
        Some(Value::Str(s)) => s.to_string(),
        _ => return Err(it.type_error("action must be a string")),
    };
    let category = match a.take_kw("category").or_else(|| a.pos.get(1).cloned()) {
        Some(Value::Class(c)) => Some(c.name.to_string()),
        _ => None,
    };
    let mut w = it.warn.borrow_mut();
    w.filters.insert(0, (action, category));
    w.registry.clear();
    Ok(Value::None)
}
