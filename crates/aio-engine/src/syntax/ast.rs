//! The abstract syntax tree of the Python subset the engine runs.
//!
//! This module is the contract between the front end (lexer, parser, checks) and the
//! interpreter. It mirrors CPython's `ast` module closely (same node names where possible) so
//! `python3 -m ast` is a usable reference, with these deliberate differences:
//!
//! - No expression contexts (`Load`/`Store`/`Del`): the position of an expression in a
//!   statement says how it is used.
//! - Function and lambda bodies are behind `Rc` so the interpreter can share them cheaply
//!   between the function object and every call.
//! - `f"{x=}"` is desugared by the parser exactly as CPython does: a literal part `"x="`
//!   followed by a formatted field with conversion `'r'` (unless a conversion or format spec
//!   is given).
//! - Adjacent string literals are already concatenated.
//! - Annotations are kept (so nothing is lost) but the interpreter is expected to ignore them.
//!
//! # Positions
//!
//! Every statement and expression carries a [`Span`]. Lines are 1-based; columns are 0-based
//! **character** (Unicode scalar value) offsets into the line, *not* UTF-8 byte offsets as in
//! CPython's `ast`. Character offsets are what a traceback needs to place `^^^^` carets; for
//! ASCII source both agree. `end_col` is exclusive, like CPython's `end_col_offset`.

use std::rc::Rc;

/// An identifier (variable, attribute, parameter or module name).
pub(crate) type Name = Rc<str>;

/// A source range. See the module docs for the units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub(crate) struct Span {
    /// 1-based first line.
    pub line: u32,
    /// 0-based character column of the first character.
    pub col: u32,
    /// 1-based last line.
    pub end_line: u32,
    /// 0-based character column one past the last character.
    pub end_col: u32,
}

impl Span {
    /// A span from the start of `self` to the end of `other`.
    pub(crate) fn to(self, other: Span) -> Span {
        Span {
            line: self.line,
            col: self.col,
            end_line: other.end_line,
            end_col: other.end_col,
        }
    }
}

/// A whole program file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Module {
    /// The top-level statements in order.
    pub body: Vec<Stmt>,
    /// The SyntaxWarnings CPython's compiler prints before the program runs, in its order:
    /// (line, message).
    pub warnings: Vec<(u32, String)>,
}

/// A statement with its position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

/// The statements of the subset.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum StmtKind {
    /// An expression evaluated for its side effects (e.g. a call).
    Expr(Expr),
    /// `a = b = value`: `targets` are assigned left to right, each may be a name, attribute,
    /// subscript, or a tuple/list (possibly with one `Starred`) to unpack.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    /// `target op= value`.
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `target: annotation [= value]`. Without a value nothing is executed (for a simple name).
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    },
    /// `def` / `async def`.
    FunctionDef(Rc<FunctionDef>),
    /// `class`.
    ClassDef(Rc<ClassDef>),
    Return(Option<Expr>),
    Pass,
    Break,
    Continue,
    Global(Vec<Name>),
    Nonlocal(Vec<Name>),
    /// `del a, b.c, d[e]`.
    Delete(Vec<Expr>),
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    /// `if`; an `elif` chain is a nested `If` as the only statement of `orelse`.
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `for` / `async for`.
    For {
        is_async: bool,
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `try`; `is_star` is true for `except*` handlers (all handlers of one `try` agree).
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
        is_star: bool,
    },
    /// `raise`, `raise exc`, `raise exc from cause`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    /// `with` / `async with` with one or more items.
    With {
        is_async: bool,
        items: Vec<WithItem>,
        body: Vec<Stmt>,
    },
    /// `import a.b as c, d`.
    Import(Vec<Alias>),
    /// `from module import names`; `level` counts leading dots of a relative import.
    ImportFrom {
        module: Option<Name>,
        names: Vec<Alias>,
        level: u32,
    },
    /// `match subject:` with its `case` blocks, tried in order.
    Match {
        subject: Expr,
        cases: Vec<MatchCase>,
    },
}

/// `case pattern [if guard]: body`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

/// A pattern of a `case`, with its span (for the errors a pattern raises).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pattern {
    pub kind: PatternKind,
    pub span: Span,
}

/// The kinds of pattern (CPython's `pattern` nodes).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PatternKind {
    /// A literal or a dotted name (`Color.RED`): matches what compares equal to it.
    Value(Expr),
    /// `None`, `True`, `False`: matches that object itself (`is`).
    Singleton(Expr),
    /// A bare name binds the subject; `_` (`None` here) matches anything and binds nothing.
    Capture(Option<Name>),
    /// `[a, b, *rest]` or `(a, b)`: a sequence (not a `str`) of the right length.
    Sequence(Vec<Pattern>),
    /// `*rest` (or `*_`, `None`) inside a sequence pattern.
    Star(Option<Name>),
    /// `{"key": pattern, **rest}`.
    Mapping {
        keys: Vec<Expr>,
        patterns: Vec<Pattern>,
        rest: Option<Name>,
    },
    /// `Point(x, y=0)`: an instance of the class, its positional sub-patterns matched against
    /// the attributes named by `__match_args__`.
    Class {
        cls: Expr,
        patterns: Vec<Pattern>,
        kwd_names: Vec<Name>,
        kwd_patterns: Vec<Pattern>,
    },
    /// `pattern as name`.
    As(Box<Pattern>, Name),
    /// `p1 | p2 | ...`: the first alternative that matches.
    Or(Vec<Pattern>),
}

/// A `def` or `async def`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FunctionDef {
    pub name: Name,
    pub params: Parameters,
    pub body: Vec<Stmt>,
    /// Decorator expressions, outermost first (as written, top to bottom).
    pub decorators: Vec<Expr>,
    /// The `-> annotation`, ignored at run time.
    pub returns: Option<Expr>,
    pub is_async: bool,
    /// True when the body (not nested functions, lambdas or classes) contains `yield` or
    /// `yield from`: calling it makes a generator, or an async generator if `is_async`.
    pub is_generator: bool,
}

/// A `class` statement.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ClassDef {
    pub name: Name,
    /// Positional base class expressions.
    pub bases: Vec<Expr>,
    /// Keyword arguments such as `metaclass=...` (parsed; support is up to the runtime).
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

/// A parameter list of a `def` or `lambda`.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Parameters {
    /// Parameters before a `/` (positional-only).
    pub posonly: Vec<Param>,
    /// Ordinary positional-or-keyword parameters.
    pub args: Vec<Param>,
    /// `*args`.
    pub vararg: Option<Param>,
    /// Keyword-only parameters (after `*` or `*args`); each may have its own default.
    pub kwonly: Vec<Param>,
    /// `**kwargs`.
    pub kwarg: Option<Param>,
}

/// One parameter. For `posonly`/`args`, defaults are trailing as Python requires.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Param {
    pub name: Name,
    pub default: Option<Expr>,
    /// Ignored at run time.
    pub annotation: Option<Expr>,
    pub span: Span,
}

/// `except [type [as name]]: body`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ExceptHandler {
    /// `None` for a bare `except:`.
    pub type_: Option<Expr>,
    pub name: Option<Name>,
    pub body: Vec<Stmt>,
    /// From `except` to the end of the header (before the `:`), for tracebacks.
    pub span: Span,
}

/// `context [as target]` in a `with` statement.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct WithItem {
    pub context: Expr,
    pub target: Option<Expr>,
}

/// `name [as asname]` in an import; `name` may be dotted (`a.b.c`), or `*`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Alias {
    pub name: Name,
    pub asname: Option<Name>,
    pub span: Span,
}

/// An expression with its position.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

/// The expressions of the subset.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ExprKind {
    Name(Name),
    Constant(Constant),
    /// An f-string (after concatenation with any adjacent literals).
    FString(Vec<FStringPart>),
    Attribute {
        value: Box<Expr>,
        attr: Name,
    },
    /// `value[index]`; a slice index is an `ExprKind::Slice`, `a[1:2, 3]` a `Tuple` of them.
    Subscript {
        value: Box<Expr>,
        index: Box<Expr>,
    },
    /// `lower:upper:step` (only valid as a subscript index, or inside its tuple).
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    /// `func(args, keywords)`; positional `*xs` appear in `args` as `Starred`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    /// `a and b and c` (two or more values, short-circuit).
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    /// `a < b <= c`: `ops.len() == comparators.len() >= 1`.
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    /// `body if test else orelse`.
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    Lambda(Rc<Lambda>),
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    /// `target := value`.
    NamedExpr {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Set(Vec<Expr>),
    /// `{k: v, **m}`: a `None` key means `**value` is unpacked into the dict.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    /// `*value` in a call argument list, a literal display, or an assignment target.
    Starred(Box<Expr>),
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
}

/// A literal constant.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    /// An integer literal that fits in `i64`.
    Int(i64),
    /// An integer literal too large for `i64` (never negative).
    BigInt(Rc<num_bigint::BigInt>),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
}

/// One piece of an f-string.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FStringPart {
    /// Literal text, escapes and `{{`/`}}` already resolved.
    Literal(Rc<str>),
    /// A replacement field `{value!conversion:format_spec}`.
    Field {
        value: Box<Expr>,
        /// `Some('r' | 's' | 'a')` for `!r`, `!s`, `!a`.
        conversion: Option<char>,
        /// The format spec, itself an f-string (it may contain nested fields); `None` if absent.
        format_spec: Option<Vec<FStringPart>>,
    },
}

/// `lambda params: body`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Lambda {
    pub params: Parameters,
    pub body: Expr,
}

/// `arg=value` in a call, or `**value` when `arg` is `None`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Keyword {
    pub arg: Option<Name>,
    pub value: Expr,
    pub span: Span,
}

/// `[async] for target in iter if cond...` inside a comprehension.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

/// Binary operators (also used by augmented assignment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

impl BinOp {
    /// The operator as written in source, e.g. `"+"` or `"//"` (used in error messages such as
    /// `unsupported operand type(s) for +: 'int' and 'str'`).
    pub(crate) fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mult => "*",
            BinOp::MatMult => "@",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
        }
    }
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum UnaryOp {
    /// `not x`
    Not,
    /// `-x`
    USub,
    /// `+x`
    UAdd,
    /// `~x`
    Invert,
}

/// `and` / `or`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum BoolOp {
    And,
    Or,
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl CmpOp {
    /// The operator as written in source, e.g. `"<="` or `"not in"`.
    pub(crate) fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}
