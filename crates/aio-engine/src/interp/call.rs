//! Calling: functions (argument binding, coroutine and generator creation), builtins,
//! bound methods and classes; attribute access.

use crate::run::Missing;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::{Frame, FrameKind, Interp};
use crate::runtime::dict::{Dict, FxHashMap, HashKey};
use crate::runtime::object::{
    Args, BoundMethod, Builtin, BuiltinFn, Class, Coro, CoroKind, Env, FrameInfo, FuncCode,
    Function, Instance, NativeObj, SavedState, TbEntry, Ty,
};
use crate::runtime::value::{ExcRef, Lbf, Name, PyResult, Value};

impl Interp {
    /// Calls any callable value.
    pub(crate) fn call<'a>(self: &'a Rc<Self>, f: Value, args: Args) -> Lbf<'a, PyResult> {
        Box::pin(async move {
            match f {
                Value::Func(func) => self.call_function(&func, args).await,
                Value::Builtin(b) => self.call_builtin(&b, args).await,
                Value::Method(m) => {
                    let mut pos = Vec::with_capacity(args.pos.len() + 1);
                    pos.push(m.receiver.clone());
                    pos.extend(args.pos);
                    self.call(m.func.clone(), Args { pos, kw: args.kw }).await
                }
                // Boxed: making an instance needs a large future, calling a function a small
                // one, and this box is made for every call.
                // A metaclass's own `__call__` decides what calling the class does.
                Value::Class(ref c) => match c.meta_lookup("__call__") {
                    Some(call) => {
                        let mut pos = Vec::with_capacity(args.pos.len() + 1);
                        pos.push(f.clone());
                        pos.extend(args.pos);
                        self.call(call, Args { pos, kw: args.kw }).await
                    }
                    None => Box::pin(self.instantiate(c, args)).await,
                },
                Value::Instance(ref inst) => {
                    match inst.class.lookup("__call__") {
                        Some(m) => {
                            let mut pos = vec![f.clone()];
                            pos.extend(args.pos);
                            self.call(m, Args { pos, kw: args.kw }).await
                        }
                        None => Err(self
                            .type_error(format!("'{}' object is not callable", inst.class.name))),
                    }
                }
                Value::Native(ref n) => match &**n {
                    NativeObj::StaticMethod(g) | NativeObj::ClassMethod(g) => {
                        self.call(g.clone(), args).await
                    }
                    // `list[int]()` makes a list.
                    NativeObj::GenericAlias { origin, .. } => self.call(origin.clone(), args).await,
                    _ => {
                        Err(self
                            .type_error(format!("'{}' object is not callable", self.type_name(&f))))
                    }
                },
                other => Err(self.type_error(format!(
                    "'{}' object is not callable",
                    self.type_name(&other)
                ))),
            }
        })
    }

    /// Calls a Python function: binds arguments, then runs the body or makes a coroutine.
    pub(crate) async fn call_function(
        self: &Rc<Self>,
        func: &Rc<Function>,
        args: Args,
    ) -> PyResult {
        let env = self.bind_args(func, args)?;
        if func.is_async() || func.is_generator() {
            return Ok(self.make_coro(func, env));
        }
        Box::pin(self.clone().run_body(func.clone(), env)).await
    }

    /// A coroutine / generator object for a call of `func`.
    pub(crate) fn make_coro(self: &Rc<Self>, func: &Rc<Function>, env: Rc<Env>) -> Value {
        let kind = match (func.is_async(), func.is_generator()) {
            (true, true) => CoroKind::AsyncGenerator,
            (true, false) => CoroKind::Coroutine,
            _ => CoroKind::Generator,
        };
        let body: Lbf<'static, PyResult> = Box::pin(self.clone().run_body(func.clone(), env));
        Value::Coro(Rc::new(Coro {
            kind,
            name: func.name(),
            qualname: func.qualname(),
            code_name: func.code_name(),
            filename: func.filename.clone(),
            def_line: func.def_line,
            body: RefCell::new(Some(body)),
            started: Cell::new(false),
            running: Cell::new(false),
            finished: Cell::new(false),
            saved: RefCell::new(SavedState::default()),
            sink: self.sink.clone(),
            frame: None,
            stepped: Cell::new(false),
            helper: Cell::new(false),
            start_throw: Rc::new(RefCell::new(None)),
        }))
    }

    /// A coroutine object whose body is native Rust code (e.g. `asyncio.sleep`).
    pub(crate) fn native_coro(
        self: &Rc<Self>,
        name: &'static str,
        kind: CoroKind,
        body: Lbf<'static, PyResult>,
    ) -> Value {
        self.native_coro_defined_at(name, kind, body, ("<native>", 0))
    }

    /// [`Self::native_coro`] standing for a function of CPython's library, defined at
    /// `(file, line)` (its repr says so).
    pub(crate) fn native_coro_defined_at(
        self: &Rc<Self>,
        name: &'static str,
        kind: CoroKind,
        body: Lbf<'static, PyResult>,
        (file, line): (&'static str, u32),
    ) -> Value {
        Value::Coro(Rc::new(Coro {
            kind,
            name: self.intern(name),
            qualname: self.intern(name),
            code_name: self.intern(name),
            filename: self.intern(file),
            def_line: line,
            body: RefCell::new(Some(body)),
            started: Cell::new(false),
            running: Cell::new(false),
            finished: Cell::new(false),
            saved: RefCell::new(SavedState::default()),
            sink: self.sink.clone(),
            frame: None,
            stepped: Cell::new(false),
            helper: Cell::new(false),
            start_throw: Rc::new(RefCell::new(None)),
        }))
    }

    /// Runs a function body in a new frame (the future a coroutine object holds).
    pub(crate) async fn run_body(self: Rc<Self>, func: Rc<Function>, env: Rc<Env>) -> PyResult {
        let hidden = *func.filename != *self.filename;
        let info = Rc::new(FrameInfo {
            name: func.code_name(),
            filename: func.filename.clone(),
            line: Cell::new(func.def_line),
            hidden,
            generated_line: Cell::new(0),
        });
        // Inside a task, CPython's stack also holds the event loop's frames (run_until_complete,
        // run_forever, _run_once, Handle._run), two C calls that count towards the limit
        // (Context.run, the task step) and, under `asyncio.run`, runners.py's two frames (the
        // prelude's `Runner.run` has a frame of its own here).
        let loop_frames = match (self.task_frame_base.get(), self.runner_depth.get()) {
            (None, _) => 0,
            (Some(_), 2) => 8,
            (Some(_), _) => 6,
        };
        if self.frames.borrow().len() + loop_frames >= self.budgets.max_depth {
            return Err(self.err("RecursionError", "maximum recursion depth exceeded"));
        }
        self.frames.borrow_mut().push(info.clone());
        let keep = env.clone();
        let frame = Frame {
            env: Some(env),
            globals: func.globals.clone(),
            kind: FrameKind::Function,
            func: Some(func.clone()),
            info: info.clone(),
        };
        let result = match &func.code {
            FuncCode::Def(d) => match self.exec_block(&frame, &d.body).await {
                Ok(super::exec::Flow::Return(v)) => Ok(v),
                Ok(_) => Ok(Value::None),
                Err(e) => Err(e),
            },
            FuncCode::Lambda(l) => {
                let r = self.eval(&frame, &l.body).await;
                if let Err(e) = &r {
                    self.add_tb(e, &frame, l.body.span.line);
                }
                r
            }
        };
        self.pop_frame(&info);
        if let Err(e) = &result {
            // The traceback keeps this frame's locals alive, as in CPython.
            e.exc().keepalive.borrow_mut().push(keep);
        }
        result
    }

    /// Pops `info` from the frame stack and restores the current line of the caller.
    pub(crate) fn pop_frame(&self, info: &Rc<FrameInfo>) {
        let mut frames = self.frames.borrow_mut();
        if let Some(pos) = frames.iter().rposition(|f| Rc::ptr_eq(f, info)) {
            frames.truncate(pos);
        }
        self.restore_line(&frames);
    }

    /// After frames were left: the line now running is the caller's, for what is dropped
    /// next. Below a task's own frames only CPython's event loop runs (`Task.__step`, called
    /// from `Handle._run`): what is dropped there is dropped at `events.py:80`.
    pub(crate) fn restore_line(&self, frames: &[Rc<FrameInfo>]) {
        if self
            .task_frame_base
            .get()
            .is_some_and(|base| frames.len() <= base)
        {
            self.sink
                .stdlib_site
                .set(Some(crate::asyncio::event_loop::HANDLE_RUN));
        }
        if let Some(top) = frames.last() {
            self.sink.line.set(top.line.get());
        }
    }

    /// Adds a traceback entry for `frame` unless this frame already added one for the
    /// current propagation.
    pub(crate) fn add_tb(&self, e: &ExcRef, frame: &Frame, fallback_line: u32) {
        let data = e.exc();
        // Raised while another exception was being handled: implicitly chained, as CPython
        // does for every exception it raises (`__context__`).
        if !data.context_checked.replace(true) && data.context.borrow().is_none() {
            self.set_context(e);
        }
        let id = Rc::as_ptr(&frame.info) as usize;
        if data.tb_frame.get() == id {
            return;
        }
        let pending = data.pending_span.take();
        let (line, span, anchor) = match pending {
            Some((span, anchor)) => (span.line, Some(span), anchor),
            None => (fallback_line, None, None),
        };
        if frame.info.hidden {
            data.tb_frame.set(id);
            // Statements of the prelude or a Python module marked `# tb: file.py:N` show as
            // that frame of CPython's.
            if let Some(markers) = crate::builtins::stdlib::tb_markers(&frame.info.filename)
                && let Some(marker) = markers.get(&line)
            {
                let marked_line = if marker.line == 0 {
                    frame.info.generated_line.get()
                } else {
                    marker.line
                };
                // A statement on one line whose text is CPython's: its carets as a program's
                // own (`~~~~^~~~` under an operator or a subscript).
                if marker.exact
                    && let (Some(text), Some(s)) = (&marker.text, span)
                    && s.line == s.end_line
                {
                    data.traceback.borrow_mut().push(TbEntry {
                        filename: marker.file.clone(),
                        name: frame.info.name.clone(),
                        line: marked_line,
                        span: Some(s),
                        anchor,
                        source: Some((text.clone(), None)),
                    });
                    return;
                }
                data.traceback.borrow_mut().push(TbEntry {
                    filename: marker.file.clone(),
                    name: frame.info.name.clone(),
                    line: marked_line,
                    span: None,
                    anchor: None,
                    source: marker.text.clone().map(|text| {
                        let carets = span
                            .filter(|s| marker.exact && s.line == s.end_line)
                            .map(|s| (s.col, s.end_col))
                            .or_else(|| {
                                // A statement on several lines: carets to the end of its
                                // first line, as CPython 3.11 draws them.
                                span.filter(|s| marker.exact && s.end_line > s.line)
                                    .map(|s| (s.col, marker_line_end(&text)))
                            });
                        (text, carets)
                    }),
                });
            }
            return;
        }
        data.tb_frame.set(id);
        data.traceback.borrow_mut().push(TbEntry {
            filename: frame.info.filename.clone(),
            name: frame.info.name.clone(),
            line,
            span,
            anchor,
            source: None,
        });
    }

    /// Binds call arguments to a new environment for `func`.
    pub(crate) fn bind_args(&self, func: &Rc<Function>, args: Args) -> PyResult<Rc<Env>> {
        let params = func.code.params();
        let mut vars: FxHashMap<Name, Value> = FxHashMap::default();
        let positional: Vec<&crate::syntax::ast::Param> =
            params.posonly.iter().chain(params.args.iter()).collect();
        let npos = positional.len();
        let Args { pos, kw } = args;
        let mut extra = Vec::new();
        for (i, v) in pos.into_iter().enumerate() {
            if i < npos {
                vars.insert(positional[i].name.clone(), v);
            } else {
                extra.push(v);
            }
        }
        if !extra.is_empty() && params.vararg.is_none() {
            let given = npos + extra.len();
            let ndef = func.defaults.len();
            let takes = if ndef > 0 {
                format!("from {} to {}", npos - ndef, npos)
            } else {
                npos.to_string()
            };
            return Err(self.type_error(format!(
                "{}() takes {} positional argument{} but {} {} given",
                func.qualname(),
                takes,
                if npos == 1 && ndef == 0 { "" } else { "s" },
                given,
                if given == 1 { "was" } else { "were" }
            )));
        }
        let mut kwargs = Dict::new();
        // Positional-only parameters given by keyword, where there is no `**kwargs` to take
        // them: CPython names them all at once.
        if params.kwarg.is_none() {
            let passed: Vec<&str> = params
                .posonly
                .iter()
                .filter(|p| kw.iter().any(|(k, _)| *k == p.name))
                .map(|p| &*p.name)
                .collect();
            if !passed.is_empty() {
                return Err(self.type_error(format!(
                    "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                    func.qualname(),
                    passed.join(", ")
                )));
            }
        }
        for (k, v) in kw {
            let is_param = positional
                .iter()
                .skip(params.posonly.len())
                .any(|p| p.name == k)
                || params.kwonly.iter().any(|p| p.name == k);
            if is_param {
                if vars.contains_key(&k) {
                    return Err(self.type_error(format!(
                        "{}() got multiple values for argument '{}'",
                        func.qualname(),
                        k
                    )));
                }
                vars.insert(k, v);
            } else if params.kwarg.is_some() {
                kwargs.insert_key(HashKey::Str(k.clone()), Value::Str(k), v);
            } else {
                return Err(self.type_error(format!(
                    "{}() got an unexpected keyword argument '{}'",
                    func.qualname(),
                    k
                )));
            }
        }
        // Defaults for trailing positional parameters.
        let ndef = func.defaults.len();
        let mut missing = Vec::new();
        for (i, p) in positional.iter().enumerate() {
            if !vars.contains_key(&p.name) {
                if i + ndef >= npos {
                    vars.insert(p.name.clone(), func.defaults[i + ndef - npos].clone());
                } else {
                    missing.push(p.name.clone());
                }
            }
        }
        if !missing.is_empty() {
            let names: Vec<String> = missing.iter().map(|n| format!("'{n}'")).collect();
            let list = match names.len() {
                1 => names[0].clone(),
                2 => format!("{} and {}", names[0], names[1]),
                _ => format!(
                    "{}, and {}",
                    names[..names.len() - 1].join(", "),
                    names[names.len() - 1]
                ),
            };
            return Err(self.type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                func.qualname(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                list
            )));
        }
        for (i, p) in params.kwonly.iter().enumerate() {
            if !vars.contains_key(&p.name) {
                match func.kw_defaults.get(i).cloned().flatten() {
                    Some(d) => {
                        vars.insert(p.name.clone(), d);
                    }
                    None => {
                        return Err(self.type_error(format!(
                            "{}() missing 1 required keyword-only argument: '{}'",
                            func.qualname(),
                            p.name
                        )));
                    }
                }
            }
        }
        if let Some(va) = &params.vararg {
            vars.insert(va.name.clone(), Value::tuple(extra));
        }
        if let Some(kwa) = &params.kwarg {
            vars.insert(kwa.name.clone(), Value::dict(kwargs));
        }
        Ok(Rc::new(Env {
            vars: RefCell::new(vars),
            parent: func.env.clone(),
            info: func.info.clone(),
        }))
    }

    /// `cls(*args)`: builtin constructors, exceptions and user classes.
    pub(crate) async fn instantiate(self: &Rc<Self>, cls: &Rc<Class>, args: Args) -> PyResult {
        if cls.ty != Ty::User && cls.ty != Ty::Exception && cls.ty != Ty::Object {
            return crate::builtins::construct_builtin(self, cls, args).await;
        }
        let base = cls.base_ty();
        if matches!(base, Ty::Tuple | Ty::Str | Ty::Int) {
            return self.instantiate_immutable(cls, base, args).await;
        }
        if base == Ty::Type {
            return self.instantiate_metaclass(cls, args).await;
        }
        // A `__new__` written in Python makes the object (a singleton returns the one it
        // keeps); `__init__` runs when what it returns is an instance of the class.
        if base == Ty::Object
            && let Some(new) = cls.lookup_own("__new__")
        {
            let mut pos = Vec::with_capacity(args.pos.len() + 1);
            pos.push(Value::Class(cls.clone()));
            pos.extend(args.pos.iter().cloned());
            let made = self
                .call(
                    static_function(new),
                    Args {
                        pos,
                        kw: args.kw.clone(),
                    },
                )
                .await?;
            return self.init_if_made(cls, made, args).await;
        }
        if !matches!(base, Ty::Exception | Ty::Object | Ty::List | Ty::Dict) {
            return Err(self.unsupported(Missing::SubclassBuiltin(self.type_name_of_ty(cls))));
        }
        let inst = if cls.is_exc {
            // BaseExceptionGroup(...) of plain Exceptions is an ExceptionGroup (its __new__).
            let mut cls = cls.clone();
            if Rc::ptr_eq(&cls, &self.t.by_name("BaseExceptionGroup")) {
                let exc_cls = self.t.by_name("Exception");
                let all_exc = match args.pos.get(1) {
                    Some(Value::List(l)) => l
                        .borrow()
                        .iter()
                        .all(|v| matches!(v, Value::Instance(i) if i.class.is_subclass(&exc_cls))),
                    Some(Value::Tuple(t)) => t
                        .iter()
                        .all(|v| matches!(v, Value::Instance(i) if i.class.is_subclass(&exc_cls))),
                    _ => false,
                };
                if all_exc {
                    cls = self.t.by_name("ExceptionGroup");
                }
            }
            // OSError(errno, strerror) is the subclass its errno names (2: FileNotFoundError).
            if Rc::ptr_eq(&cls, &self.t.by_name("OSError"))
                && args.pos.len() >= 2
                && let Value::Int(errno) = args.pos[0]
                && let Some(name) = os_error_subclass(errno)
            {
                cls = self.t.by_name(name);
            }
            let cls = &cls;
            let e = self.new_exc(cls, args.pos.clone());
            self.init_exception_group(&e)?;
            e
        } else {
            let items = match base {
                Ty::List => Some(Value::list(Vec::new())),
                Ty::Dict => Some(Value::dict(Dict::new())),
                _ => None,
            };
            self.refuse_abstract(cls)?;
            Instance::new(cls.clone(), items)
        };
        let value = Value::Instance(inst.clone());
        // A subclass of list or dict without an `__init__` of its own fills itself as the
        // builtin type would.
        if let Some(items) = &inst.items
            && cls.lookup_own("__init__").is_none()
        {
            self.call(self.native_method(items, "__init__"), args)
                .await?;
            return Ok(value);
        }
        if let Some(init) = cls.lookup("__init__") {
            let mut pos = vec![value.clone()];
            pos.extend(args.pos);
            let r = self.call(init, Args { pos, kw: args.kw }).await?;
            if !matches!(r, Value::None) {
                return Err(self.type_error(format!(
                    "__init__() should return None, not '{}'",
                    self.type_name(&r)
                )));
            }
        } else if !cls.is_exc && (!args.pos.is_empty() || !args.kw.is_empty()) {
            return Err(self.type_error(format!("{}() takes no arguments", cls.name)));
        }
        Ok(value)
    }

    /// `v`, found on the metaclass of the class `cls`, as `cls.name` reads it: a function
    /// becomes a method of the class, a property or descriptor is read with the class as its
    /// instance, a class method is bound to the metaclass.
    async fn bind_to_class(self: &Rc<Self>, v: Value, cls: &Value) -> PyResult {
        if let Value::Native(n) = &v {
            match &**n {
                NativeObj::Property(p) => {
                    if matches!(p.fget, Value::None) {
                        return Err(self.err("AttributeError", "unreadable attribute"));
                    }
                    return self
                        .call(p.fget.clone(), Args::new(vec![cls.clone()]))
                        .await;
                }
                NativeObj::ClassMethod(f) => {
                    return Ok(Value::Method(Rc::new(BoundMethod {
                        receiver: Value::Class(self.type_of(cls)),
                        func: f.clone(),
                    })));
                }
                NativeObj::StaticMethod(f) => return Ok(f.clone()),
                _ => {}
            }
        }
        if let Some(get) = self.descriptor_get(&v) {
            let owner = Value::Class(self.type_of(cls));
            return self.call(get, Args::new(vec![v, cls.clone(), owner])).await;
        }
        Ok(match v {
            Value::Func(_) | Value::Builtin(_) => Value::Method(Rc::new(BoundMethod {
                receiver: cls.clone(),
                func: v,
            })),
            other => other,
        })
    }

    /// A new, empty instance of `cls`, as `object.__new__(cls)` makes it.
    pub(crate) fn new_instance(&self, cls: &Rc<Class>) -> PyResult {
        if cls.is_exc {
            return Ok(Value::Instance(self.new_exc(cls, Vec::new())));
        }
        self.refuse_abstract(cls)?;
        let items = match cls.base_ty() {
            Ty::List => Some(Value::list(Vec::new())),
            Ty::Dict => Some(Value::dict(Dict::new())),
            Ty::Object => None,
            _ => return Err(self.unsupported(Missing::SubclassBuiltin(self.type_name_of_ty(cls)))),
        };
        Ok(Value::Instance(Instance::new(cls.clone(), items)))
    }

    /// CPython's `object.__new__` refuses a class whose `__abstractmethods__` (set by
    /// `abc.ABCMeta`) is not empty, naming them in sorted order.
    fn refuse_abstract(&self, cls: &Rc<Class>) -> PyResult<()> {
        let Some(abstract_) = cls.lookup("__abstractmethods__") else {
            return Ok(());
        };
        let mut names: Vec<String> = match &abstract_ {
            Value::Set(d) => d
                .borrow()
                .iter()
                .filter_map(|(k, _)| match k {
                    Value::Str(s) => Some(s.to_string()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        if names.is_empty() {
            return Ok(());
        }
        names.sort();
        Err(self.type_error(format!(
            "Can't instantiate abstract class {} with abstract method{} {}",
            cls.name,
            if names.len() == 1 { "" } else { "s" },
            names.join(", ")
        )))
    }

    /// `meta(name, bases, namespace, **keywords)` for a metaclass written in Python: its
    /// `__new__` (else `type.__new__`) makes the class, then its `__init__` runs on it.
    async fn instantiate_metaclass(self: &Rc<Self>, meta: &Rc<Class>, args: Args) -> PyResult {
        let new = cls_new_or_type(self, meta);
        let mut pos = Vec::with_capacity(args.pos.len() + 1);
        pos.push(Value::Class(meta.clone()));
        pos.extend(args.pos.iter().cloned());
        let made = self
            .call(
                new,
                Args {
                    pos,
                    kw: args.kw.clone(),
                },
            )
            .await?;
        if let Value::Class(c) = &made
            && c.meta
                .borrow()
                .as_ref()
                .is_some_and(|m| m.is_subclass(meta))
            && let Some(init) = meta.lookup_own("__init__")
        {
            let mut pos = vec![made.clone()];
            pos.extend(args.pos);
            self.call(init, Args { pos, kw: args.kw }).await?;
        }
        Ok(made)
    }

    /// `cls(*args)` for a subclass of tuple: its `__new__` makes the object (a tuple is filled
    /// once, there), or `tuple`'s own takes one iterable; then its `__init__`, if it has one.
    /// `cls(*args)` for a subclass of tuple, str or int, whose value is made by `__new__`: the class's
    /// own, or the builtin type's (then `__init__` sees the same arguments).
    async fn instantiate_immutable(
        self: &Rc<Self>,
        cls: &Rc<Class>,
        base: Ty,
        args: Args,
    ) -> PyResult {
        let new = cls.lookup_own("__new__").map(static_function);
        let made = match new {
            Some(new) => {
                let mut pos = vec![Value::Class(cls.clone())];
                pos.extend(args.pos.iter().cloned());
                self.call(
                    new,
                    Args {
                        pos,
                        kw: args.kw.clone(),
                    },
                )
                .await?
            }
            None => {
                if !args.kw.is_empty() {
                    return Err(
                        self.type_error(format!("{}() takes no keyword arguments", cls.name))
                    );
                }
                if base == Ty::Str {
                    let text = match args.pos.first() {
                        Some(v) => self.str_of(v).await?,
                        None => String::new(),
                    };
                    self.new_str_instance(cls, text)
                } else if base == Ty::Int {
                    let int = self.t.int.clone();
                    let value =
                        crate::builtins::construct_builtin(self, &int, args.clone()).await?;
                    self.new_int_instance(cls, value)
                } else {
                    let items = match args.pos.first() {
                        Some(iterable) => self.collect(iterable).await?,
                        None => Vec::new(),
                    };
                    self.new_tuple_instance(cls, items)
                }
            }
        };
        self.init_if_made(cls, made, args).await
    }

    /// After a `__new__` written in Python made `made`: the class's own `__init__` runs on it
    /// with the call's arguments when it is an instance of the class (a `__new__` may return
    /// anything).
    async fn init_if_made(self: &Rc<Self>, cls: &Rc<Class>, made: Value, args: Args) -> PyResult {
        if let Value::Instance(inst) = &made
            && inst.class.is_subclass(cls)
            && let Some(init) = cls.lookup_own("__init__")
        {
            let mut pos = vec![made.clone()];
            pos.extend(args.pos);
            self.call(init, Args { pos, kw: args.kw }).await?;
        }
        Ok(made)
    }

    /// An instance of `cls`, a subclass of str, that is `text`.
    pub(crate) fn new_str_instance(&self, cls: &Rc<Class>, text: String) -> Value {
        Value::Instance(Instance::new(cls.clone(), Some(Value::str(text))))
    }

    /// An instance of `cls`, a subclass of int, that is `value` (an int).
    pub(crate) fn new_int_instance(&self, cls: &Rc<Class>, value: Value) -> Value {
        Value::Instance(Instance::new(cls.clone(), Some(value)))
    }

    /// An instance of `cls`, a subclass of tuple, holding `items`.
    pub(crate) fn new_tuple_instance(&self, cls: &Rc<Class>, items: Vec<Value>) -> Value {
        Value::Instance(Instance::new(cls.clone(), Some(Value::tuple(items))))
    }

    fn type_name_of_ty(&self, cls: &Rc<Class>) -> String {
        cls.mro
            .iter()
            .find(|c| c.ty != Ty::User)
            .map(|c| c.name.to_string())
            .unwrap_or_default()
    }

    /// Validates `ExceptionGroup(msg, excs)` and stores the sub-exceptions.
    fn init_exception_group(&self, e: &ExcRef) -> PyResult<()> {
        let beg = self.t.by_name("BaseExceptionGroup");
        if !e.class.is_subclass(&beg) {
            return Ok(());
        }
        let args = e.args();
        let (Some(Value::Str(_)), Some(excs)) = (args.first(), args.get(1)) else {
            return Err(self.type_error(format!("{}() takes exactly 2 arguments", e.class.name)));
        };
        let items: Vec<Value> = match excs {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            _ => return Err(self.type_error("second argument (exceptions) must be a sequence")),
        };
        if items.is_empty() {
            return Err(
                self.value_error("second argument (exceptions) must be a non-empty sequence")
            );
        }
        let exc_cls = self.t.by_name("Exception");
        for item in &items {
            match item {
                Value::Instance(i) if i.class.is_exc => {
                    if self.is_exception_group_only(e) && !i.class.is_subclass(&exc_cls) {
                        return Err(
                            self.type_error("Cannot nest BaseExceptions in an ExceptionGroup")
                        );
                    }
                }
                _ => {
                    return Err(self.value_error(format!(
                        "Item {} of second argument (exceptions) is not an exception",
                        items.iter().position(|x| x.is_same(item)).unwrap_or(0)
                    )));
                }
            }
        }
        *e.exc().group.borrow_mut() = Some(items.into());
        Ok(())
    }

    fn is_exception_group_only(&self, e: &ExcRef) -> bool {
        e.class.is_subclass(&self.t.by_name("ExceptionGroup"))
    }

    /// Calls a native function, once its arguments pass its signature.
    pub(crate) async fn call_builtin(self: &Rc<Self>, b: &Rc<Builtin>, mut args: Args) -> PyResult {
        crate::builtins::signature::check(b.sig, &mut args, |m| self.type_error(m))?;
        match b.f {
            BuiltinFn::Sync(g) => g(self, b, args),
            BuiltinFn::Async(g) => g(self.clone(), b.clone(), args).await,
        }
    }

    /// `obj.name(args)` without allocating a bound method where possible.
    pub(crate) async fn call_method(
        self: &Rc<Self>,
        obj: Value,
        name: &Name,
        args: Args,
    ) -> PyResult {
        if let Value::Instance(inst) = &obj {
            let own = inst.dict.borrow().get_str(name).cloned();
            if let Some(v) = own {
                return self.call(v, args).await;
            }
            if let Some(Value::Func(f)) = inst.class.lookup(name) {
                let mut pos = Vec::with_capacity(args.pos.len() + 1);
                pos.push(obj.clone());
                pos.extend(args.pos);
                return self.call_function(&f, Args { pos, kw: args.kw }).await;
            }
        }
        if matches!(
            obj,
            Value::List(_) | Value::Dict(_) | Value::Str(_) | Value::Set(_) | Value::Tuple(_)
        ) {
            if let Some(r) = crate::builtins::methods::call_native_fast(self, &obj, name, &args) {
                return r;
            }
            if crate::builtins::methods::has_native_method(self, &obj, name) {
                return Box::pin(crate::builtins::methods::call_native(
                    self, &obj, name, args,
                ))
                .await;
            }
        }
        // Future/Task methods: call the native method directly instead of building a bound
        // builtin through `get_attr` first (same result; done callbacks such as gather's make
        // several of these calls per child).
        if let Value::Future(f) = &obj
            && crate::builtins::methods::has_native_method(self, &obj, name)
        {
            return Box::pin(crate::asyncio::future_method(self, f, name, args)).await;
        }
        if let Value::Module(m) = &obj
            && let Some(f) = m.get(name)
        {
            return match &f {
                Value::Builtin(b) => self.call_builtin(b, args).await,
                Value::Func(func) => self.call_function(func, args).await,
                _ => self.call(f.clone(), args).await,
            };
        }
        let f = self.get_attr(&obj, name).await?;
        self.call(f, args).await
    }

    /// `obj.name`.
    pub(crate) fn get_attr<'a>(
        self: &'a Rc<Self>,
        obj: &'a Value,
        name: &'a str,
    ) -> Lbf<'a, PyResult> {
        Box::pin(async move {
            match self.get_attr_opt(obj, name).await? {
                Some(v) => Ok(v),
                None => Err(self.attr_error(obj, name)),
            }
        })
    }

    /// The AttributeError CPython raises for a missing attribute, with `.name` and `.obj` (its
    /// "Did you mean" is computed from them only if it is printed: [`Self::attr_suggestion`]).
    pub(crate) fn attr_error(&self, obj: &Value, name: &str) -> ExcRef {
        if let Value::Module(m) = obj
            && let Some(missing) = self.missing_stdlib_name(m, name)
        {
            return missing;
        }
        let e = self.attr_error_plain(obj, name);
        {
            let mut attrs = e.dict.borrow_mut();
            attrs.insert_str("name", Value::str(name));
            attrs.insert_str("obj", obj.clone());
        }
        e
    }

    /// A name a standard-library module has in CPython but not here yet: the error that says so
    /// and points to "What runs in the page". Any other name (a typo) keeps CPython's
    /// AttributeError or ImportError, which a program may catch.
    pub(crate) fn missing_stdlib_name(
        &self,
        m: &Rc<crate::runtime::object::Module>,
        name: &str,
    ) -> Option<ExcRef> {
        crate::builtins::modules::cpython_has(&m.name, name)
            .then(|| self.unsupported(Missing::Name(format!("{}.{name}", m.name))))
    }

    /// The closest name to `name` in `dir(obj)`, as CPython's excepthook looks it up.
    pub(crate) fn attr_suggestion(&self, obj: &Value, name: &str) -> Option<Rc<str>> {
        let mut dir: Vec<String> = Vec::new();
        fn class_attrs(c: &Rc<Class>, dir: &mut Vec<String>) {
            for k in std::iter::once(c)
                .chain(c.mro.iter())
                .flat_map(|c| c.dict.borrow().keys())
            {
                if let Value::Str(s) = k {
                    dir.push(s.to_string());
                }
            }
        }
        match obj {
            Value::Module(m) => dir.extend(m.dict.borrow().keys().map(|k| k.to_string())),
            Value::Class(c) => class_attrs(c, &mut dir),
            Value::Instance(inst) => {
                for k in inst.dict.borrow().keys() {
                    if let Value::Str(s) = k {
                        dir.push(s.to_string());
                    }
                }
                class_attrs(&inst.class, &mut dir);
            }
            Value::Set(d) if d.borrow().frozen => dir.extend(
                crate::runtime::builtin_dir::FROZENSET_DIR
                    .split(' ')
                    .map(String::from),
            ),
            other => {
                let names = crate::runtime::builtin_dir::builtin_dir(self.type_of(other).ty);
                dir.extend(
                    names
                        .into_iter()
                        .flat_map(|n| n.split(' '))
                        .map(String::from),
                );
            }
        }
        // dir() is sorted and has no duplicates.
        dir.sort();
        dir.dedup();
        let names: Vec<&str> = dir.iter().map(String::as_str).collect();
        crate::runtime::suggest::closest(name, &names).map(Rc::from)
    }

    fn attr_error_plain(&self, obj: &Value, name: &str) -> ExcRef {
        match obj {
            Value::Module(m) => self.err(
                "AttributeError",
                format!("module '{}' has no attribute '{}'", m.name, name),
            ),
            Value::Class(c) => self.err(
                "AttributeError",
                format!("type object '{}' has no attribute '{}'", c.name, name),
            ),
            _ => self.err(
                "AttributeError",
                format!(
                    "'{}' object has no attribute '{}'",
                    self.type_name(obj),
                    name
                ),
            ),
        }
    }

    /// `getattr(obj, name, None)`-like lookup: `Ok(None)` when missing.
    pub(crate) async fn get_attr_opt(
        self: &Rc<Self>,
        obj: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        if name == "__class__" {
            return Ok(Some(Value::Class(self.type_of(obj))));
        }
        match obj {
            Value::Instance(inst) => {
                // A data descriptor of the class (`__set__`/`__delete__`) comes before the
                // instance's own attributes; any other class attribute after them.
                let class_value = inst.class.lookup(name);
                if let Some(Value::Native(n)) = &class_value
                    && let NativeObj::Property(p) = &**n
                {
                    if matches!(p.fget, Value::None) {
                        return Err(self.property_lacks(name, &inst.class, "getter"));
                    }
                    return Ok(Some(
                        self.call(p.fget.clone(), Args::new(vec![obj.clone()]))
                            .await?,
                    ));
                }
                if let Some(desc) = &class_value
                    && let Some(get) = self.data_descriptor_get(desc)
                {
                    let owner = Value::Class(inst.class.clone());
                    return Ok(Some(
                        self.call(get, Args::new(vec![desc.clone(), obj.clone(), owner]))
                            .await?,
                    ));
                }
                if let Some(v) = inst.dict.borrow().get_str(name) {
                    return Ok(Some(v.clone()));
                }
                if name == "__dict__" {
                    if slots_of(&inst.class).is_some() {
                        return Ok(None);
                    }
                    return Ok(Some(Value::Dict(inst.dict.clone())));
                }
                if inst.class.is_exc
                    && let Some(v) = self.exc_attr(inst, name)
                {
                    return Ok(Some(v));
                }
                if let Some(v) = class_value {
                    if let Some(get) = self.descriptor_get(&v) {
                        let owner = Value::Class(inst.class.clone());
                        return Ok(Some(
                            self.call(get, Args::new(vec![v, obj.clone(), owner]))
                                .await?,
                        ));
                    }
                    return Ok(Some(self.bind_class_attr(v, obj, &inst.class).await?));
                }
                // A subclass of list or dict: the builtin type's methods, on the items.
                if let Some(items) = &inst.items
                    && let Some(method) = self.native_method_opt(items, name)
                {
                    return Ok(Some(method));
                }
                let group_method = matches!(name, "split" | "subgroup" | "derive")
                    && inst.exc().group.borrow().is_some();
                if inst.class.is_exc
                    && (matches!(name, "with_traceback" | "add_note") || group_method)
                {
                    return Ok(Some(self.native_method(obj, name)));
                }
                if let Some(ga) = inst.class.lookup("__getattr__") {
                    let r = self
                        .call(ga, Args::new(vec![obj.clone(), Value::str(name)]))
                        .await?;
                    return Ok(Some(r));
                }
                Ok(None)
            }
            Value::Class(c) => {
                match name {
                    "__name__" => return Ok(Some(Value::Str(c.name.clone()))),
                    "__qualname__" => return Ok(Some(Value::Str(c.qualname.clone()))),
                    "__module__" => return Ok(Some(Value::Str(c.module.clone()))),
                    "__mro__" => {
                        let mut v = vec![obj.clone()];
                        v.extend(c.mro.iter().map(|k| Value::Class(k.clone())));
                        return Ok(Some(Value::tuple(v)));
                    }
                    "__bases__" => {
                        return Ok(Some(Value::tuple(
                            c.bases.iter().map(|k| Value::Class(k.clone())).collect(),
                        )));
                    }
                    "__doc__" => {
                        return Ok(Some(
                            c.dict
                                .borrow()
                                .get_str("__doc__")
                                .cloned()
                                .unwrap_or_default(),
                        ));
                    }
                    // A read-only view in CPython (a mappingproxy): a copy reads the same.
                    "__dict__" => return Ok(Some(Value::dict(c.dict.borrow().clone()))),
                    // A class statement without annotations still has them, empty (kept, as
                    // CPython makes the dict on first reading).
                    "__annotations__"
                        if c.ty == Ty::User
                            && c.dict.borrow().get_str("__annotations__").is_none() =>
                    {
                        let empty = Value::dict(Dict::new());
                        c.dict
                            .borrow_mut()
                            .insert_str("__annotations__", empty.clone());
                        return Ok(Some(empty));
                    }
                    _ => {}
                }
                // The class's own and its Python-level bases' attributes, then those of the
                // builtin type it derives from (`dict.__init__`, `Stack.append`), then object's.
                let found = c
                    .lookup_own(name)
                    .or_else(|| crate::builtins::builtin_class_attr(self, c, name))
                    .or_else(|| c.lookup(name));
                if let Some(v) = &found
                    && let Some(get) = self.descriptor_get(v)
                {
                    return Ok(Some(
                        self.call(get, Args::new(vec![v.clone(), Value::None, obj.clone()]))
                            .await?,
                    ));
                }
                match found {
                    Some(Value::Native(n)) => match &*n {
                        NativeObj::ClassMethod(f) => {
                            Ok(Some(Value::Method(Rc::new(BoundMethod {
                                receiver: obj.clone(),
                                func: f.clone(),
                            }))))
                        }
                        NativeObj::StaticMethod(f) => Ok(Some(f.clone())),
                        _ => Ok(Some(Value::Native(n.clone()))),
                    },
                    Some(v) => Ok(Some(v)),
                    None => match c.meta_lookup(name) {
                        // What the metaclass defines, bound to the class (`Color.__members__`,
                        // a metaclass's methods).
                        Some(v) => Ok(Some(self.bind_to_class(v, obj).await?)),
                        // Past the builtin type, what every class has from `object`; then
                        // the metaclass's `__getattr__` (EnumType's names a missing member).
                        None => match crate::builtins::class_attr(self, c, name).or_else(|| {
                            (c.ty == Ty::User)
                                .then(|| crate::builtins::class_attr(self, &self.t.object, name))
                                .flatten()
                        }) {
                            Some(v) => Ok(Some(v)),
                            None => {
                                self.meta_dunder(obj, "__getattr__", &[Value::str(name)])
                                    .await
                            }
                        },
                    },
                }
            }
            Value::Module(m) => Ok(match name {
                // A snapshot: reading a module's globals is what programs do with it
                // (`typing.get_type_hints` evaluates annotations in them).
                "__dict__" => Some(self.module_dict(m)),
                // sys's struct sequences are written in Python: made on the first read.
                "version_info" | "float_info" | "int_info"
                    if &*m.name == "sys" && m.get(name).is_none() =>
                {
                    Box::pin(self.load_prelude_module("_sysinfo")).await?;
                    if let Value::Module(info) = self.import_module("_sysinfo")? {
                        for field in ["version_info", "float_info", "int_info"] {
                            m.set(field, info.get(field).unwrap_or_default());
                        }
                    }
                    m.get(name)
                }
                "modules" if &*m.name == "sys" => {
                    let mut modules = Dict::new();
                    modules.insert_str("__main__", Value::Module(self.main.clone()));
                    for (k, v) in self.modules.borrow().iter() {
                        modules.insert_str(k, v.clone());
                    }
                    Some(Value::dict(modules))
                }
                _ => m.get(name),
            }),
            Value::Func(f) => Ok(match name {
                "__name__" => Some(Value::Str(f.name())),
                "__qualname__" => Some(Value::Str(f.qualname())),
                "__dict__" => Some(Value::Dict(f.dict.clone())),
                "__globals__" => Some(self.module_dict(&f.globals)),
                "__code__" => {
                    let params = f.code.params();
                    let mut flags = CO_OPTIMIZED | CO_NEWLOCALS;
                    if params.vararg.is_some() {
                        flags |= CO_VARARGS;
                    }
                    if params.kwarg.is_some() {
                        flags |= CO_VARKEYWORDS;
                    }
                    if f.is_async() || f.is_generator() {
                        let kind = match (f.is_async(), f.is_generator()) {
                            (true, true) => CoroKind::AsyncGenerator,
                            (true, false) => CoroKind::Coroutine,
                            _ => CoroKind::Generator,
                        };
                        flags |= coro_flags(kind);
                    }
                    let mut code = code_object(&f.code_name(), &f.filename, f.def_line, flags);
                    describe_params(&mut code, params);
                    Some(Value::Native(Rc::new(NativeObj::Namespace(RefCell::new(
                        code,
                    )))))
                }
                "__kwdefaults__" => {
                    let params = f.code.params();
                    let mut d = Dict::new();
                    for (p, default) in params.kwonly.iter().zip(&f.kw_defaults) {
                        if let Some(v) = default {
                            d.insert_str(&p.name, v.clone());
                        }
                    }
                    Some(if d.is_empty() {
                        Value::None
                    } else {
                        Value::dict(d)
                    })
                }
                "__get__" => Some(descriptor_get_method(obj)),
                "__defaults__" => Some(if f.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.defaults.clone())
                }),
                _ => {
                    // Bound first: a borrow in the match's scrutinee would last through its arms.
                    let own = f.dict.borrow().get_str(name).cloned();
                    match own {
                        Some(v) => Some(v),
                        // Attributes every function has until a program sets them.
                        None => match name {
                            "__module__" => Some(Value::str(&*f.globals.name)),
                            "__doc__" => Some(Value::None),
                            "__annotations__" => {
                                let empty = Value::dict(crate::runtime::dict::Dict::new());
                                f.dict
                                    .borrow_mut()
                                    .insert_str("__annotations__", empty.clone());
                                Some(empty)
                            }
                            _ => None,
                        },
                    }
                }
            }),
            Value::Builtin(b) => Ok(match name {
                "__name__" | "__qualname__" => Some(Value::Str(b.name.clone())),
                "__self__" => b.bound.clone(),
                _ => None,
            }),
            Value::Method(m) => Ok(match name {
                "__self__" => Some(m.receiver.clone()),
                "__func__" => Some(m.func.clone()),
                _ => return Box::pin(self.get_attr_opt(&m.func, name)).await,
            }),
            Value::Coro(c) => Ok(match name {
                "__name__" => Some(Value::Str(c.name.clone())),
                "__qualname__" => Some(Value::Str(c.qualname.clone())),
                "cr_running" | "gi_running" | "ag_running" => Some(Value::Bool(c.running.get())),
                "cr_suspended" | "gi_suspended" => Some(Value::Bool(
                    c.started.get() && !c.finished.get() && !c.running.get(),
                )),
                "cr_frame" | "gi_frame" | "ag_frame" => {
                    if c.finished.get() {
                        Some(Value::None)
                    } else {
                        Some(Value::Bool(true))
                    }
                }
                "cr_await" | "gi_yieldfrom" => Some(Value::None),
                "cr_code" | "gi_code" | "ag_code" => {
                    Some(Value::Native(Rc::new(NativeObj::Namespace(RefCell::new(
                        code_object(&c.code_name, &c.filename, c.def_line, coro_flags(c.kind)),
                    )))))
                }
                _ => self.native_method_opt(obj, name),
            }),
            Value::Native(n) => {
                if let NativeObj::WarningMessage {
                    category,
                    message,
                    filename,
                    lineno,
                } = &**n
                {
                    return Ok(match name {
                        "category" => Some(category.clone()),
                        "message" => Some(message.clone()),
                        "filename" => Some(Value::Str(filename.clone())),
                        "lineno" => Some(Value::Int(*lineno as i64)),
                        "line" | "file" | "source" => Some(Value::None),
                        _ => None,
                    });
                }
                if let NativeObj::Namespace(d) = &**n {
                    return Ok(d.borrow().get_str(name).cloned());
                }
                if let NativeObj::ClassMethod(f) | NativeObj::StaticMethod(f) = &**n {
                    return Ok(match name {
                        "__func__" | "__wrapped__" => Some(f.clone()),
                        // What the function is, seen through the wrapper.
                        "__name__" | "__qualname__" | "__doc__" | "__module__"
                        | "__annotations__" => Box::pin(self.get_attr_opt(f, name)).await?,
                        // `descriptor.__get__(obj, owner)`: what the class attribute gives.
                        "__get__" => Some(descriptor_get_method(obj)),
                        "__isabstractmethod__" => Some(
                            Box::pin(self.get_attr_opt(f, name))
                                .await?
                                .unwrap_or(Value::Bool(false)),
                        ),
                        _ => None,
                    });
                }
                Ok(crate::builtins::native_attr(self, obj, name))
            }
            _ => Ok(crate::builtins::native_attr(self, obj, name)),
        }
    }

    /// `exc.__traceback__`: a mark of where its traceback stands now.
    pub(crate) fn traceback_mark(&self, exc: &Rc<Instance>) -> Value {
        let d = exc.exc();
        let entries = d.traceback.borrow().len();
        if let Some((n, tb)) = &*d.tb_object.borrow()
            && *n == entries
        {
            return tb.clone();
        }
        let tb = Value::Native(Rc::new(NativeObj::Traceback {
            entries,
            pending_span: d.pending_span.get(),
            tb_frame: d.tb_frame.get(),
        }));
        *d.tb_object.borrow_mut() = Some((entries, tb.clone()));
        tb
    }

    /// `exc.__traceback__ = tb` with a mark read before: the traceback as it stood then (the
    /// frames it passed through since are forgotten, as CPython's assignment replaces them).
    fn restore_traceback(&self, exc: &Rc<Instance>, tb: &Value) {
        if let Value::Native(n) = tb
            && let NativeObj::Traceback {
                entries,
                pending_span,
                tb_frame,
            } = &**n
        {
            let d = exc.exc();
            d.traceback.borrow_mut().truncate(*entries);
            d.pending_span.set(*pending_span);
            d.tb_frame.set(*tb_frame);
        }
    }

    fn exc_attr(&self, inst: &Rc<Instance>, name: &str) -> Option<Value> {
        let d = inst.exc();
        Some(match name {
            "args" => Value::Tuple(d.args.borrow().clone()),
            "__cause__" => d
                .cause
                .borrow()
                .clone()
                .map(Value::Instance)
                .unwrap_or_default(),
            "__context__" => d
                .context
                .borrow()
                .clone()
                .map(Value::Instance)
                .unwrap_or_default(),
            "__suppress_context__" => Value::Bool(d.suppress_context.get()),
            "__traceback__" => self.traceback_mark(inst),
            "exceptions" => Value::Tuple(d.group.borrow().clone()?),
            "message" if d.group.borrow().is_some() => {
                d.args.borrow().first().cloned().unwrap_or_default()
            }
            "value" if self.exc_is(inst, "StopIteration") => {
                d.args.borrow().first().cloned().unwrap_or_default()
            }
            "code" if self.exc_is(inst, "SystemExit") => {
                d.args.borrow().first().cloned().unwrap_or_default()
            }
            // OSError(errno, strerror[, filename]) and its subclasses (FileNotFoundError…).
            "errno" | "strerror" | "filename" if self.exc_is(inst, "OSError") => {
                let args = d.args.borrow();
                let i = match name {
                    "errno" => 0,
                    "strerror" => 1,
                    _ => 2,
                };
                if (2..=5).contains(&args.len()) {
                    args.get(i).cloned().unwrap_or_default()
                } else {
                    Value::None
                }
            }
            _ => return None,
        })
    }

    /// Binds a class attribute found through an instance (functions become methods).
    async fn bind_class_attr(self: &Rc<Self>, v: Value, obj: &Value, cls: &Rc<Class>) -> PyResult {
        Ok(match v {
            Value::Func(_) => Value::Method(Rc::new(BoundMethod {
                receiver: obj.clone(),
                func: v,
            })),
            Value::Native(ref n) => match &**n {
                NativeObj::ClassMethod(f) => Value::Method(Rc::new(BoundMethod {
                    receiver: Value::Class(cls.clone()),
                    func: f.clone(),
                })),
                NativeObj::StaticMethod(f) => f.clone(),
                _ => v.clone(),
            },
            other => other,
        })
    }

    /// A bound native method object (`"abc".upper`, `task.cancel`, ...).
    pub(crate) fn native_method(&self, obj: &Value, name: &str) -> Value {
        Value::Builtin(Rc::new(Builtin {
            name: Rc::from(name),
            bound: Some(obj.clone()),
            f: BuiltinFn::Async(crate::builtins::methods::call_bound_native),
            sig: None,
        }))
    }

    /// The native method `name` of `obj` if it has one.
    pub(crate) fn native_method_opt(&self, obj: &Value, name: &str) -> Option<Value> {
        if crate::builtins::methods::has_native_method(self, obj, name) {
            Some(self.native_method(obj, name))
        } else {
            None
        }
    }

    /// A module's globals as a dict (a copy).
    fn module_dict(&self, m: &Rc<crate::runtime::object::Module>) -> Value {
        let mut d = Dict::new();
        for (k, v) in m.dict.borrow().iter() {
            d.insert_str(k, v.clone());
        }
        Value::dict(d)
    }

    /// The `__get__` of `v` if `v` is a descriptor object (an instance of a class defining
    /// `__get__`).
    fn descriptor_get(&self, v: &Value) -> Option<Value> {
        match v {
            Value::Instance(d) => d.class.lookup("__get__"),
            _ => None,
        }
    }

    /// The `__get__` of `v` if it is a data descriptor (it also defines `__set__` or
    /// `__delete__`): those take precedence over an instance's own attributes.
    fn data_descriptor_get(&self, v: &Value) -> Option<Value> {
        match v {
            Value::Instance(d)
                if d.class.lookup("__set__").is_some()
                    || d.class.lookup("__delete__").is_some() =>
            {
                d.class.lookup("__get__")
            }
            _ => None,
        }
    }

    /// Calls `hook`, a class's `__init_subclass__` or `__class_getitem__` (implicitly class
    /// methods, whether or not decorated), with `cls` before `args`.
    pub(crate) async fn call_class_hook(
        self: &Rc<Self>,
        hook: Value,
        cls: &Rc<Class>,
        mut args: Args,
    ) -> PyResult {
        let f = match &hook {
            Value::Native(n) => match &**n {
                NativeObj::ClassMethod(f) => f.clone(),
                _ => hook.clone(),
            },
            _ => hook.clone(),
        };
        args.pos.insert(0, Value::Class(cls.clone()));
        self.call(f, args).await
    }

    /// `property 'x' of 'C' object has no setter` (or getter, deleter).
    fn property_lacks(&self, name: &str, cls: &Class, what: &str) -> ExcRef {
        self.err(
            "AttributeError",
            format!("property '{name}' of '{}' object has no {what}", cls.name),
        )
    }

    /// A class's own `name` method (`__setattr__`, `__delattr__`), if a class of the program's
    /// defines one: `object`'s default is done here without a call.
    fn user_method(&self, cls: &Rc<Class>, name: &str) -> Option<Value> {
        std::iter::once(cls)
            .chain(cls.mro.iter())
            .take_while(|c| c.ty != Ty::Object)
            .find_map(|c| c.dict.borrow().get_str(name).cloned())
    }

    /// `obj.name = value`: the class's `__setattr__` if it has one, else `object.__setattr__`.
    pub(crate) async fn set_attr(
        self: &Rc<Self>,
        obj: &Value,
        name: &Name,
        value: Value,
    ) -> PyResult<()> {
        if let Value::Instance(inst) = obj
            && let Some(setattr) = self.user_method(&inst.class, "__setattr__")
        {
            self.call(
                setattr,
                Args::new(vec![obj.clone(), Value::Str(name.clone()), value]),
            )
            .await?;
            return Ok(());
        }
        if let Value::Class(c) = obj
            && let Some(setattr) = c.meta_lookup("__setattr__")
        {
            self.call(
                setattr,
                Args::new(vec![obj.clone(), Value::Str(name.clone()), value]),
            )
            .await?;
            return Ok(());
        }
        self.object_setattr(obj, name, value).await
    }

    /// `object.__setattr__(obj, name, value)`: a data descriptor's `__set__`, else the instance's
    /// own attribute.
    pub(crate) async fn object_setattr(
        self: &Rc<Self>,
        obj: &Value,
        name: &Name,
        value: Value,
    ) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(Value::Instance(desc)) = inst.class.lookup(name)
                    && let Some(set) = desc.class.lookup("__set__")
                {
                    self.call(
                        set,
                        Args::new(vec![Value::Instance(desc.clone()), obj.clone(), value]),
                    )
                    .await?;
                    return Ok(());
                }
                // A property is a data descriptor: its setter decides.
                if let Some(Value::Native(n)) = inst.class.lookup(name)
                    && let NativeObj::Property(p) = &*n
                {
                    if matches!(p.fset, Value::None) {
                        return Err(self.property_lacks(name, &inst.class, "setter"));
                    }
                    self.call(p.fset.clone(), Args::new(vec![obj.clone(), value]))
                        .await?;
                    return Ok(());
                }
                // A class with `__slots__` all the way up keeps only those attributes.
                if let Some(slots) = slots_of(&inst.class)
                    && !slots.iter().any(|slot| **slot == **name)
                {
                    let read_only = inst.class.lookup(name).is_some();
                    return Err(self.err(
                        "AttributeError",
                        if read_only {
                            format!(
                                "'{}' object attribute '{name}' is read-only",
                                inst.class.name
                            )
                        } else {
                            format!("'{}' object has no attribute '{name}'", inst.class.name)
                        },
                    ));
                }
                if inst.class.is_exc {
                    let d = inst.exc();
                    match &**name {
                        "__cause__" => {
                            *d.cause.borrow_mut() = match value {
                                Value::Instance(i) => Some(i),
                                _ => None,
                            };
                            d.suppress_context.set(true);
                            return Ok(());
                        }
                        "__context__" => {
                            *d.context.borrow_mut() = match value {
                                Value::Instance(i) => Some(i),
                                _ => None,
                            };
                            return Ok(());
                        }
                        "__suppress_context__" => {
                            d.suppress_context.set(value.truthy_fast().unwrap_or(true));
                            return Ok(());
                        }
                        "__traceback__" => {
                            self.restore_traceback(inst, &value);
                            return Ok(());
                        }
                        "args" => {
                            *d.args.borrow_mut() = self.collect(&value).await?.into();
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                self.alloc(1)?;
                let old = inst.dict.borrow_mut().insert_replace(name, value);
                drop(old);
                Ok(())
            }
            Value::Class(c) => {
                c.dict.borrow_mut().insert_str(name, value);
                Ok(())
            }
            Value::Module(m) => {
                m.set(name, value);
                Ok(())
            }
            Value::Func(f) => {
                match &**name {
                    "__name__" | "__qualname__" => {
                        let Value::Str(text) = value else {
                            return Err(
                                self.type_error(format!("{name} must be set to a string object"))
                            );
                        };
                        let slot = if &**name == "__name__" {
                            &f.name
                        } else {
                            &f.qualname
                        };
                        *slot.borrow_mut() = text;
                    }
                    _ => f.dict.borrow_mut().insert_str(name, value),
                }
                Ok(())
            }
            Value::Native(n) if &**name == "slow_callback_duration" => match &**n {
                NativeObj::Loop(lp) => {
                    *lp.slow_callback_duration.borrow_mut() = value;
                    Ok(())
                }
                _ => Err(self.attr_error(obj, name)),
            },
            _ => Err(self.err(
                "AttributeError",
                format!(
                    "'{}' object has no attribute '{}'",
                    self.type_name(obj),
                    name
                ),
            )),
        }
    }
}

impl Interp {
    /// `del obj.name`: the class's `__delattr__` if it has one, else `object.__delattr__`.
    pub(crate) async fn del_attr(self: &Rc<Self>, obj: &Value, name: &Name) -> PyResult<()> {
        if let Value::Instance(inst) = obj
            && let Some(delattr) = self.user_method(&inst.class, "__delattr__")
        {
            self.call(
                delattr,
                Args::new(vec![obj.clone(), Value::Str(name.clone())]),
            )
            .await?;
            return Ok(());
        }
        if self
            .meta_dunder(obj, "__delattr__", &[Value::Str(name.clone())])
            .await?
            .is_some()
        {
            return Ok(());
        }
        self.object_delattr(obj, name).await
    }

    /// `object.__delattr__(obj, name)`: a data descriptor's `__delete__`, else the instance's
    /// (or class's, function's, module's) own attribute.
    pub(crate) async fn object_delattr(self: &Rc<Self>, obj: &Value, name: &Name) -> PyResult<()> {
        let key = HashKey::Str(name.clone());
        let removed = match obj {
            Value::Instance(inst) => {
                if let Some(Value::Native(n)) = inst.class.lookup(name)
                    && let NativeObj::Property(p) = &*n
                {
                    if matches!(p.fdel, Value::None) {
                        return Err(self.property_lacks(name, &inst.class, "deleter"));
                    }
                    self.call(p.fdel.clone(), Args::new(vec![obj.clone()]))
                        .await?;
                    return Ok(());
                }
                if let Some(Value::Instance(desc)) = inst.class.lookup(name)
                    && let Some(delete) = desc.class.lookup("__delete__")
                {
                    self.call(
                        delete,
                        Args::new(vec![Value::Instance(desc.clone()), obj.clone()]),
                    )
                    .await?;
                    return Ok(());
                }
                inst.dict.borrow_mut().remove_key(&key).map(|(_, v)| v)
            }
            Value::Class(c) => c.dict.borrow_mut().remove_key(&key).map(|(_, v)| v),
            Value::Func(f) => f.dict.borrow_mut().remove_key(&key).map(|(_, v)| v),
            Value::Module(m) => m.dict.borrow_mut().remove(name),
            _ => None,
        };
        match removed {
            Some(old) => {
                drop(old);
                Ok(())
            }
            None => Err(self.attr_error(obj, name)),
        }
    }
}

impl Dict {
    /// Inserts under a str key and returns the previous value (so the caller controls
    /// when it is dropped: a dropped coroutine may emit a warning).
    pub(crate) fn insert_replace(&mut self, key: &Name, value: Value) -> Option<Value> {
        let hk = HashKey::Str(key.clone());
        let old = self.get_key(&hk).cloned();
        self.insert_key(hk, Value::Str(key.clone()), value);
        old
    }
}

/// The attribute names instances of `cls` may have when every class of its MRO (but `object`)
/// declares `__slots__`; `None` when they have a `__dict__`.
fn slots_of(cls: &Rc<Class>) -> Option<Vec<Name>> {
    let mut names = Vec::new();
    for c in std::iter::once(cls).chain(cls.mro.iter()) {
        if c.ty == Ty::Object {
            continue;
        }
        if c.is_exc || c.ty != Ty::User {
            return None;
        }
        match c.dict.borrow().get_str("__slots__")? {
            Value::Str(one) => names.push(one.clone()),
            Value::Tuple(items) => names.extend(items.iter().filter_map(|v| match v {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            })),
            Value::List(items) => names.extend(items.borrow().iter().filter_map(|v| match v {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            })),
            _ => {}
        }
    }
    Some(names)
}

/// The column just past the last character of a marked line's text.
fn marker_line_end(text: &str) -> u32 {
    text.trim_end().chars().count() as u32
}

// The `co_flags` bits of CPython 3.11's code objects (`inspect.CO_*`).
const CO_OPTIMIZED: i64 = 0x1;
const CO_NEWLOCALS: i64 = 0x2;
const CO_VARARGS: i64 = 0x4;
const CO_VARKEYWORDS: i64 = 0x8;

/// The `co_flags` of a generator's, a coroutine's or an async generator's code (with
/// `CO_OPTIMIZED | CO_NEWLOCALS`).
fn coro_flags(kind: CoroKind) -> i64 {
    CO_OPTIMIZED
        | CO_NEWLOCALS
        | match kind {
            CoroKind::Generator => 0x20,
            CoroKind::Coroutine => 0x80,
            CoroKind::AsyncGenerator => 0x200,
        }
}

/// What a program reads of a code object (`f.__code__`, `coro.cr_code`): its name as defined,
/// file, first line and flags.
fn code_object(name: &Name, filename: &Rc<str>, first_line: u32, flags: i64) -> Dict {
    let mut d = Dict::new();
    d.insert_str("co_name", Value::Str(name.clone()));
    d.insert_str("co_filename", Value::Str(filename.clone()));
    d.insert_str("co_firstlineno", Value::Int(i64::from(first_line)));
    d.insert_str("co_flags", Value::Int(flags));
    d
}

/// A function's code object's parameter counts and names (`inspect.signature` reads them):
/// `co_varnames` holds the parameters, in CPython's order (positional, keyword-only, `*args`,
/// `**kwargs`), but not the other local variables.
fn describe_params(code: &mut Dict, params: &crate::syntax::ast::Parameters) {
    let count = |n: usize| Value::Int(n as i64);
    code.insert_str(
        "co_argcount",
        count(params.posonly.len() + params.args.len()),
    );
    code.insert_str("co_posonlyargcount", count(params.posonly.len()));
    code.insert_str("co_kwonlyargcount", count(params.kwonly.len()));
    let names = params
        .posonly
        .iter()
        .chain(&params.args)
        .chain(&params.kwonly)
        .chain(&params.vararg)
        .chain(&params.kwarg)
        .map(|p| Value::Str(p.name.clone()))
        .collect();
    code.insert_str("co_varnames", Value::tuple(names));
}

/// A `__new__` as it is called: a static method, whether or not it says so.
fn static_function(new: Value) -> Value {
    match &new {
        Value::Native(n) => match &**n {
            NativeObj::StaticMethod(f) => f.clone(),
            _ => new,
        },
        _ => new,
    }
}

/// The `__new__` a metaclass makes its classes with: its own, else `type.__new__`.
fn cls_new_or_type(it: &Interp, meta: &Rc<Class>) -> Value {
    match meta.lookup_own("__new__") {
        Some(new) => static_function(new),
        None => crate::builtins::class_attr(it, &it.t.type_, "__new__").unwrap_or_default(),
    }
}

/// The OSError subclass CPython makes for an errno (Linux's numbers), as `OSError.__new__`.
fn os_error_subclass(errno: i64) -> Option<&'static str> {
    Some(match errno {
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        4 => "InterruptedError",
        1 | 13 => "PermissionError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => return None,
    })
}

/// `descriptor.__get__`, bound to the function, classmethod or staticmethod `descriptor`.
fn descriptor_get_method(descriptor: &Value) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: Rc::from("__get__"),
        bound: Some(descriptor.clone()),
        f: BuiltinFn::Sync(wrapper_get),
        sig: None,
    }))
}

/// `function.__get__(obj, owner=None)` (bound to `obj`, unless it is None),
/// `classmethod.__get__` (bound to the owner, or to `obj`'s type) and `staticmethod.__get__`
/// (the function itself).
fn wrapper_get(it: &Rc<Interp>, b: &Builtin, args: Args) -> PyResult {
    let n = match &b.bound {
        Some(Value::Native(n)) => n,
        Some(f @ Value::Func(_)) => {
            return Ok(match args.pos.first() {
                Some(obj) if !matches!(obj, Value::None) => Value::Method(Rc::new(BoundMethod {
                    receiver: obj.clone(),
                    func: f.clone(),
                })),
                _ => f.clone(),
            });
        }
        _ => return Err(it.type_error("__get__ without its descriptor")),
    };
    match &**n {
        NativeObj::ClassMethod(f) => {
            let owner = match (args.pos.get(1), args.pos.first()) {
                (Some(owner), _) if !matches!(owner, Value::None) => owner.clone(),
                (_, Some(obj)) if !matches!(obj, Value::None) => Value::Class(it.type_of(obj)),
                _ => return Err(it.type_error("__get__(None, None) is invalid")),
            };
            Ok(Value::Method(Rc::new(BoundMethod {
                receiver: owner,
                func: f.clone(),
            })))
        }
        NativeObj::StaticMethod(f) => Ok(f.clone()),
        _ => Err(it.type_error("__get__ without its descriptor")),
    }
}
