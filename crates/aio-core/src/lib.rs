//! The pure core of the asyncio book.
//!
//! Architecture invariant: this crate knows nothing of the browser, of mdBook, of files or of the
//! operating system, and it never reads a clock. Time is always an input.
//!
//! - [`lab`]: the timeline lab's model: tasks with durations, the three strategies, the Python code
//!   each strategy shows, and the predicted timeline.
//! - [`syntax`]: the front end: `parse_module(source, filename)` gives a checked
//!   [`syntax::ast::Module`] or a [`syntax::SyntaxError`] rendered exactly as CPython 3.11 prints it.
//! - [`example`], [`highlight`], [`scrub`], [`timeline`]: the code widget's pure parts: its props,
//!   a never-failing highlighter, the scrubbable durations and the trace-to-lanes conversion.
//! - [`format`](mod@format): CPython's `repr` of floats and strings and the format-spec mini-language.
//!
//! ## Grammar
//!
//! The Python 3.11 subset [`syntax::parse_module`] accepts (anything else is a `SyntaxError`):
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

pub mod asyncio;
pub mod builtins;
pub mod engine;
pub mod example;
pub mod format;
pub mod highlight;
pub mod interp;
pub mod lab;
pub mod runtime;
pub mod scrub;
pub mod syntax;
pub mod timeline;
pub mod trace;

pub use engine::{Budgets, Engine, OutputChunk, Poll, RunResult, Stream, run_to_completion};
