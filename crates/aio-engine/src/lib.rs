//! The asyncio engine: a parser and an interpreter for the Python that asyncio lessons use, on a
//! model of CPython 3.11's event loop, in virtual time. It prints exactly what CPython prints.
//!
//! Architecture invariant: one way in. [`engine`] is the entry (an [`engine::Engine`] driven by
//! `advance` in virtual time or `poll` in the caller's time, ending in a typed
//! [`engine::Outcome`]), and [`trace`] the structured record of a run. Every other module is
//! private: `syntax` (lexer, parser, AST with CPython's positions, compile-time checks), `interp`
//! (the interpreter), `runtime` (the object model), `builtins` (builtins and the standard library's
//! modules), `asyncio` (the event loop in Rust and asyncio's Python layer, the prelude, with its
//! typed hooks), `format` (`repr` and format specs) and `run` (what a run is given and gives back,
//! re-exported by `engine`). The engine knows nothing of lessons, widgets, mdBook or languages
//! other than Python's English, and it never reads a clock: time is always an input.
//!
//! ## Driver API (sans-IO)
//!
//! ```no_run
//! use aio_engine::engine::{Budgets, Engine, Poll};
//! let mut run = Engine::new("import asyncio\nasyncio.run(asyncio.sleep(1))\n", "prog.py", Budgets::default())
//!     .expect("syntax error: render it with SyntaxError::render()");
//! run.enable_trace(false);
//! let mut now = 0.0; // the driver's clock, seconds
//! let outcome = loop {
//!     match run.poll(now, Some(10_000)) {      // optional per-call step slice
//!         Poll::WaitUntil(deadline) => now = deadline, // or really wait, in real-time mode
//!         Poll::Yielded => {}                         // slice used up: yield to the UI, call again
//!         Poll::Finished(outcome) => break outcome,   // exited (status) or stopped (a limit)
//!     }
//!     for chunk in run.drain_output() { let _ = (chunk.stream, chunk.text, chunk.time, chunk.line); }
//! };
//! # let _ = outcome;
//! ```
//!
//! [`engine::run_to_completion`] does the same in one call, jumping the clock to each deadline, and
//! returns an [`engine::RunResult`] `{ stdout, stderr, exit_status, trace, output }`.
//!
//! Time is virtual and never read from a clock: the program's time is the last `now` passed to
//! `poll` plus the total of blocking `time.sleep()` calls (they advance the engine's own offset
//! instead of blocking the driver). `time.perf_counter()`/`monotonic()`/`loop.time()` start at
//! 0.0; `time.time()` starts at 2024-01-01T00:00:00Z. `random` is CPython's Mersenne Twister,
//! seeded with 0 unless the program calls `random.seed(n)` (then it matches CPython exactly).
//!
//! Budgets ([`engine::Budgets`]): `max_steps` (statements and loop iterations), `max_depth` (Python call
//! depth; beyond it `RecursionError: maximum recursion depth exceeded`, catchable, as in CPython
//! whose default limit is also 1000) and `max_alloc` (container elements allocated), and for
//! predictions a horizon: `max_program_seconds` of program time and `max_output_lines`/`_bytes`
//! of output (`Budgets::PREDICTION`). Reaching one stops the run (the program cannot catch it;
//! nothing more is printed) and `poll` answers `Finished(Outcome::Stopped(..))` with the typed
//! [`engine::Limit`], the line and the program time; a program that never ends is thus predicted
//! in bounded work and memory. So is a deadlock, where CPython would hang.
//!
//! ## Supported library surface
//!
//! - Builtins: `print` (`sep`, `end`, `file`, `flush`), `range len str repr int float bool list
//!   dict tuple set frozenset type isinstance issubclass sorted reversed enumerate zip map filter
//!   any all abs round min max sum id hash getattr hasattr setattr iter next aiter anext divmod bin oct hex
//!   pow chr ord format callable compile (syntax check only) classmethod staticmethod property super globals`, the exception
//!   hierarchy (incl. `ExceptionGroup`/`BaseExceptionGroup`, `except*`), methods of str, list,
//!   dict, set, tuple; classes with inheritance, generators, async generators, closures.
//! - `asyncio`: `run sleep create_task gather wait wait_for timeout timeout_at as_completed
//!   shield TaskGroup Task Future current_task all_tasks get_running_loop get_event_loop
//!   new_event_loop ensure_future iscoroutine iscoroutinefunction isfuture to_thread wrap_future Lock Event
//!   Condition Semaphore BoundedSemaphore Barrier Queue LifoQueue PriorityQueue QueueEmpty
//!   QueueFull BrokenBarrierError CancelledError TimeoutError InvalidStateError`; loop methods
//!   `time call_soon call_later call_at create_future create_task run_until_complete run_forever
//!   run_in_executor (pools below) is_running is_closed stop close`; Task/Future methods `cancel cancelled done result
//!   exception add_done_callback remove_done_callback get_name set_name get_coro cancelling
//!   uncancel set_result set_exception get_loop`.
//! - `time` (`sleep perf_counter monotonic time time_ns strftime`), `sys` (`stdout stderr argv
//!   exit exc_info version_info getrecursionlimit getswitchinterval`), `gc` (`collect`), `warnings` (`warn
//!   simplefilter filterwarnings catch_warnings resetwarnings`), `random` (`seed random uniform
//!   randint randrange choice shuffle`), `math` (see `builtins::math`).
//! - `concurrent.futures` (`ThreadPoolExecutor ProcessPoolExecutor` with `submit map shutdown`,
//!   as context managers and with `run_in_executor`; `Future` with `result exception done
//!   add_done_callback`; `as_completed wait`) and `threading` (`Thread start join is_alive name`,
//!   `current_thread main_thread get_ident active_count enumerate Lock`), simulated on one
//!   thread: a job runs to its end when submitted, on the pool's first free worker (at most
//!   `max_workers` at once, FIFO, thread names as CPython's), and its `time.sleep` advances only
//!   that worker's clock; its future is done at the worker's end time, and `result()`,
//!   `shutdown()` or `join()` on the main thread block (like `time.sleep`) until then. Computing
//!   costs time on the clock of the thread doing it (below), so a CPU-heavy job delays its own
//!   worker only: there is no GIL, and CPU work in a thread pool overlaps as it would in a
//!   process pool; a job's `print` appears when it is submitted, not at its worker's time; the
//!   default pool size assumes 2 CPUs.
//! - Time: the clock moves when the loop sleeps until its next timer (rounded up to the
//!   millisecond, as `epoll_wait` does), during `time.sleep`, and while code computes: each step
//!   (statement or loop iteration) costs [`engine::CPU_SECONDS_PER_STEP`], so a busy loop holds
//!   the event loop as it does in CPython, and timers set a few steps apart still fire in the
//!   same iteration.
//! - A module of the standard library that is not here raises `NotImplementedError: the module
//!   'x' is not in this page's Python yet (...)`, as do other missing parts (recorded, typed, for
//!   [`engine::Engine::unsupported`]); a module outside the standard library raises CPython's
//!   `ModuleNotFoundError`. The book's `what-runs.md` lists what runs.
//!
//! Known gaps: ints are 64-bit (overflow raises `OverflowError` instead of growing); sets of
//! non-int values iterate in insertion order (CPython's order depends on randomised hashes);
//! reference cycles are never collected (CPython's gc would eventually log a failed task caught
//! in a cycle); object addresses in reprs are synthetic; user classes cannot subclass builtin
//! types other than exceptions.
//!
//! ## Grammar
//!
//! The Python 3.11 subset `syntax::parse_module` accepts (anything else is a `SyntaxError`):
//!
//! - Lexical: INDENT/DEDENT from indentation (tabs to multiples of 8), implicit line joining inside
//!   brackets, backslash continuation, comments; string prefixes `r b u f` and `rb`/`br`/`rf`/`fr` in
//!   any case, single, double and triple quotes, all escapes (`\n \t \xhh \uXXXX \UXXXXXXXX \ooo`, ...),
//!   adjacent literal concatenation; ints with `_`, `0x`/`0o`/`0b`, floats with exponents
//!   (complex literals are not supported).
//! - Statements: expression statements; `=` (chained, tuple/list unpacking with one `*rest`,
//!   attribute and subscript targets), augmented `+= -= *= /= //= %= **= @= &= |= ^= <<= >>=`,
//!   annotated `x: T [= v]`; `pass break continue return global nonlocal del assert raise`
//!   (bare, `raise X`, `raise X from Y`); `import a.b [as c]`, `from [.]a import b [as c], (...)`, `*`;
//!   `if/elif/else`, `while/else`, `for/else`, `async for`, `try/except/else/finally` with
//!   `except E`, `except (A, B) as e`, bare `except`, `except*`; `with`/`async with` with several
//!   items, `as` targets and the parenthesized form; `def`/`async def` with positional-only (`/`),
//!   defaults, `*args`, keyword-only, `**kwargs`, annotations and `-> T` (parsed, ignored);
//!   decorators; `class Name(bases, kw=...)`; `;`-separated simple statements.
//! - Expressions, by increasing precedence: `lambda`, `x if c else y`, `or`, `and`, `not`,
//!   comparisons (chained; `in`, `not in`, `is`, `is not`), `|`, `^`, `&`, `<< >>`, `+ -`,
//!   `* / // % @`, unary `- + ~`, `**`, `await`, then calls (positional, keyword, `*args`,
//!   `**kwargs`), attributes, subscripts and slices `a[i:j:k]`, `a[i, j:k]`. Atoms: names, numbers,
//!   strings, f-strings (nested fields, `!r !s !a`, format specs with nested `{}`, `f"{x=}"`),
//!   `... None True False`, tuples, lists, dicts (`**d`), sets, `*xs` in displays,
//!   list/set/dict comprehensions and generator expressions (`async for`, `await` inside),
//!   `yield`, `yield from`, walrus `:=`.
//! - Compile-time checks as CPython: `'await' outside (async) function`, async comprehensions,
//!   `async for`/`async with` outside async functions, `'yield' outside function`,
//!   `'yield from' inside async function`, `'return' outside function`, `'return' with value in
//!   async generator`, `'break' outside loop`, `'continue' not properly in loop`, module-level
//!   `nonlocal`. Not supported: `match`, type-parameter syntax, complex numbers, `global` ordering
//!   checks, nesting deeper than about 50 brackets (reported as `too many nested parentheses`).

mod asyncio;
mod builtins;
pub mod engine;
mod format;
mod interp;
mod run;
mod runtime;
mod syntax;
pub mod trace;
