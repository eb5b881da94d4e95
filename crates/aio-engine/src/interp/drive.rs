//! Driving suspended bodies: awaiting coroutines and futures, resuming generators.

use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use super::{Interp, Resume, Suspend};
use crate::asyncio::future::Future;
use crate::runtime::object::{Coro, CoroKind};
use crate::runtime::value::{PyResult, Value};

/// What one generator resumption produced.
#[derive(Debug)]
pub(crate) enum GenStep {
    Yielded(Value),
    Returned(Value),
}

/// Polls a coroutine body once, with its saved exception/frame state swapped in.
pub(crate) fn poll_body(it: &Interp, coro: &Rc<Coro>, cx: &mut Context<'_>) -> Poll<PyResult> {
    let body = coro.body.borrow_mut().take();
    let Some(mut body) = body else {
        if coro.finished.get() {
            return Poll::Ready(Err(
                it.runtime_error("cannot reuse already awaited coroutine")
            ));
        }
        return Poll::Ready(Err(it.value_error(match coro.kind {
            crate::runtime::object::CoroKind::Generator => "generator already executing",
            _ => "coroutine already executing",
        })));
    };
    coro.running.set(true);
    let exc_base = it.exc_stack.borrow().len();
    let frame_base = it.frames.borrow().len();
    {
        let mut saved = coro.saved.borrow_mut();
        it.exc_stack.borrow_mut().append(&mut saved.exc_stack);
        it.frames.borrow_mut().append(&mut saved.frames);
    }
    let r = body.as_mut().poll(cx);
    coro.running.set(false);
    {
        let mut saved = coro.saved.borrow_mut();
        let mut exc = it.exc_stack.borrow_mut();
        let mut frames = it.frames.borrow_mut();
        if r.is_pending() {
            let n = exc_base.min(exc.len());
            saved.exc_stack = exc.split_off(n);
            let n = frame_base.min(frames.len());
            saved.frames = frames.split_off(n);
        } else {
            exc.truncate(exc_base);
            frames.truncate(frame_base);
        }
        it.restore_line(&frames);
    }
    if r.is_pending() {
        *coro.body.borrow_mut() = Some(body);
    } else {
        coro.finished.set(true);
        drop(body);
    }
    match r {
        // PEP 479: a StopIteration leaving the body is a RuntimeError caused by it.
        Poll::Ready(Err(e)) if it.exc_is(&e, "StopIteration") => {
            use crate::runtime::object::CoroKind;
            let what = match coro.kind {
                CoroKind::Coroutine => "coroutine",
                CoroKind::Generator => "generator",
                CoroKind::AsyncGenerator => "async generator",
            };
            let error = it.runtime_error(format!("{what} raised StopIteration"));
            *error.exc().cause.borrow_mut() = Some(e.clone());
            *error.exc().context.borrow_mut() = Some(e);
            error.exc().suppress_context.set(true);
            error.exc().context_checked.set(true);
            Poll::Ready(Err(error))
        }
        r => r,
    }
}

/// `await coroutine`: polls the inner body, passing suspensions straight through.
struct AwaitCoro<'a> {
    it: &'a Interp,
    coro: Rc<Coro>,
}

impl std::future::Future for AwaitCoro<'_> {
    type Output = PyResult;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult> {
        poll_body(self.it, &self.coro, cx)
    }
}

/// Resumes a (sync or async) generator until it yields, returns, or suspends otherwise.
struct GenResume<'a> {
    it: &'a Interp,
    coro: Rc<Coro>,
    resume: Option<Resume>,
    first: bool,
}

impl std::future::Future for GenResume<'_> {
    type Output = PyResult<GenStep>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<PyResult<GenStep>> {
        if self.first {
            self.first = false;
            if let Some(r) = self.resume.take() {
                *self.it.resume.borrow_mut() = Some(r);
            }
        }
        match poll_body(self.it, &self.coro, cx) {
            Poll::Ready(Ok(v)) => Poll::Ready(Ok(GenStep::Returned(v))),
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => {
                let mut s = self.it.suspend.borrow_mut();
                if let Some(Suspend::Yield(_)) = &*s
                    && let Some(Suspend::Yield(v)) = s.take()
                {
                    return Poll::Ready(Ok(GenStep::Yielded(v)));
                }
                // A coroutine driven by `send`/`throw` (by hand, or through `__await__()`) hands
                // what it awaits to its caller, as CPython's coroutines yield their futures.
                if self.coro.kind == CoroKind::Coroutine
                    && let Some(Suspend::Await(_)) = &*s
                    && let Some(Suspend::Await(v)) = s.take()
                {
                    return Poll::Ready(Ok(GenStep::Yielded(v)));
                }
                Poll::Pending
            }
        }
    }
}

impl Interp {
    /// Runs an (already marked started) coroutine to completion inside the current one.
    pub(crate) async fn drive_coro(self: &Rc<Self>, coro: Rc<Coro>) -> PyResult {
        AwaitCoro { it: self, coro }.await
    }

    /// `await future`: suspends until the future is done, then returns its result.
    pub(crate) async fn await_future(self: &Rc<Self>, fut: Rc<Future>) -> PyResult {
        self.wait_for_future(fut, false).await
    }

    /// `Future.__await__` (and `__iter__`, when `yielding` from a generator's `yield from`):
    /// hands the future up once, unless it is done, then returns its result.
    pub(crate) async fn wait_for_future(
        self: &Rc<Self>,
        fut: Rc<Future>,
        yielding: bool,
    ) -> PyResult {
        if !fut.is_done() {
            let up = Value::Future(fut.clone());
            let up = if yielding {
                Suspend::Yield(up)
            } else {
                Suspend::Await(up)
            };
            match self.suspend_with(up).await {
                Resume::Throw(e) => return Err(e),
                Resume::Send(_) => {}
            }
            if !fut.is_done() {
                return Err(self.runtime_error("await wasn't used with future"));
            }
        }
        fut.result(self)
    }

    /// Resumes a generator with `resume` (None: a plain `next`).
    pub(crate) async fn gen_resume(
        self: &Rc<Self>,
        coro: &Rc<Coro>,
        resume: Option<Resume>,
    ) -> PyResult<GenStep> {
        if coro.finished.get() {
            return match resume {
                Some(Resume::Throw(e)) => Err(e),
                _ => Ok(GenStep::Returned(Value::None)),
            };
        }
        // Refused before it starts: the generator stays unstarted (`close()` then runs nothing).
        if !coro.started.get()
            && let Some(Resume::Send(v)) = &resume
            && !matches!(v, Value::None)
        {
            let kind = match coro.kind {
                CoroKind::Coroutine => "coroutine",
                CoroKind::Generator => "generator",
                CoroKind::AsyncGenerator => "async generator",
            };
            return Err(self.type_error(format!(
                "can't send non-None value to a just-started {kind}"
            )));
        }
        let resume = if !coro.started.get() {
            coro.started.set(true);
            if coro.kind == crate::runtime::object::CoroKind::AsyncGenerator && !coro.helper.get() {
                // asyncio's firstiter hook: the loop closes it at shutdown.
                if let Some(lp) = self.running_loop.borrow().as_ref() {
                    lp.asyncgens.borrow_mut().push(Rc::downgrade(coro));
                }
            }
            match resume {
                Some(Resume::Throw(e)) => {
                    coro.finished.set(true);
                    coro.body.borrow_mut().take();
                    return Err(e);
                }
                _ => None,
            }
        } else {
            Some(resume.unwrap_or(Resume::Send(Value::None)))
        };
        GenResume {
            it: self,
            coro: coro.clone(),
            resume,
            first: true,
        }
        .await
    }

    /// `next(generator)`: `Ok(None)` when exhausted.
    pub(crate) async fn gen_next(
        self: &Rc<Self>,
        coro: &Rc<Coro>,
        resume: Option<Resume>,
    ) -> PyResult<Option<Value>> {
        match self.gen_resume(coro, resume).await {
            Ok(GenStep::Yielded(v)) => Ok(Some(v)),
            Ok(GenStep::Returned(_)) => Ok(None),
            Err(e) if self.exc_is(&e, "StopIteration") => {
                Err(self.runtime_error("generator raised StopIteration"))
            }
            Err(e) => Err(e),
        }
    }

    /// One async-generator step (`__anext__`, `asend`, `athrow`): `Ok(None)` when exhausted.
    pub(crate) async fn agen_step(
        self: &Rc<Self>,
        coro: &Rc<Coro>,
        resume: Option<Resume>,
    ) -> PyResult<Option<Value>> {
        match self.gen_resume(coro, resume).await {
            Ok(GenStep::Yielded(v)) => Ok(Some(v)),
            Ok(GenStep::Returned(_)) => Ok(None),
            Err(e) if self.exc_is(&e, "StopAsyncIteration") => {
                Err(self.runtime_error("async generator raised StopAsyncIteration"))
            }
            Err(e) => Err(e),
        }
    }
}
