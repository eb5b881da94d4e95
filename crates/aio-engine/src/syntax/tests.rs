//! Data-driven tests of the front end: tree dumps for valid programs, CPython's messages and
//! positions for invalid ones, the 15 reference programs, and never-panic property tests.

use super::ast::*;
use super::parse_module;

/// The 15 reference programs of the shared oracle corpus.
const REFERENCE_PROGRAMS: &[(&str, &str)] = &[
    (
        "p01",
        include_str!("../../../../../shared/asyncio-reference/p01_milk_tea.py"),
    ),
    (
        "p02",
        include_str!("../../../../../shared/asyncio-reference/p02_hello_coroutine.py"),
    ),
    (
        "p03",
        include_str!("../../../../../shared/asyncio-reference/p03_forgot_create_task.py"),
    ),
    (
        "p04",
        include_str!("../../../../../shared/asyncio-reference/p04_download_images.py"),
    ),
    (
        "p05",
        include_str!("../../../../../shared/asyncio-reference/p05_fetch_five_urls.py"),
    ),
    (
        "p06",
        include_str!("../../../../../shared/asyncio-reference/p06_say_hello.py"),
    ),
    (
        "p07",
        include_str!("../../../../../shared/asyncio-reference/p07_fetch_data_tasks.py"),
    ),
    (
        "p08",
        include_str!("../../../../../shared/asyncio-reference/p08_gather_return_exceptions.py"),
    ),
    (
        "p09",
        include_str!("../../../../../shared/asyncio-reference/p09_fetch_url_read_file.py"),
    ),
    (
        "p10",
        include_str!("../../../../../shared/asyncio-reference/p10_not_awaited.py"),
    ),
    (
        "p11",
        include_str!("../../../../../shared/asyncio-reference/p11_get_user.py"),
    ),
    (
        "p12",
        include_str!("../../../../../shared/asyncio-reference/p12_task_a_b.py"),
    ),
    (
        "p13",
        include_str!("../../../../../shared/asyncio-reference/p13_blocking_pitfall.py"),
    ),
    (
        "p14",
        include_str!("../../../../../shared/asyncio-reference/p14_timeouts.py"),
    ),
    (
        "p15",
        include_str!("../../../../../shared/asyncio-reference/p15_nested_run.py"),
    ),
];

#[test]
fn every_reference_program_parses() {
    for (name, source) in REFERENCE_PROGRAMS {
        if let Err(e) = parse_module(source, name) {
            panic!("{name} failed to parse:\n{}", e.render());
        }
    }
}

/// (source of `prog.py`, what `python3 prog.py` (CPython 3.11.7) prints on stderr).
const ERROR_CASES: &[(&str, &str)] = &[
    (
        "def f():\n    await x\n",
        "  File \"prog.py\", line 2\n    await x\n    ^^^^^^^\nSyntaxError: 'await' outside async function\n",
    ),
    (
        "await x\n",
        "  File \"prog.py\", line 1\n    await x\n    ^^^^^^^\nSyntaxError: 'await' outside function\n",
    ),
    (
        "async def main():\n    pass\n\ndef helper():\n    await main()\n",
        "  File \"prog.py\", line 5\n    await main()\n    ^^^^^^^^^^^^\nSyntaxError: 'await' outside async function\n",
    ),
    (
        "def f():\n    return [await x for x in y]\n",
        "  File \"prog.py\", line 2\n    return [await x for x in y]\n           ^^^^^^^^^^^^^^^^^^^^\nSyntaxError: asynchronous comprehension outside of an asynchronous function\n",
    ),
    (
        "def f():\n    async for x in y: pass\n",
        "  File \"prog.py\", line 2\n    async for x in y: pass\n    ^^^^^^^^^^^^^^^^^^^^^^\nSyntaxError: 'async for' outside async function\n",
    ),
    (
        "def f():\n    async with x: pass\n",
        "  File \"prog.py\", line 2\n    async with x: pass\n    ^^^^^^^^^^^^^^^^^^\nSyntaxError: 'async with' outside async function\n",
    ),
    (
        "yield 1\n",
        "  File \"prog.py\", line 1\n    yield 1\n    ^^^^^^^\nSyntaxError: 'yield' outside function\n",
    ),
    (
        "return 1\n",
        "  File \"prog.py\", line 1\n    return 1\n    ^^^^^^^^\nSyntaxError: 'return' outside function\n",
    ),
    (
        "if True:\n        return 1\n",
        "  File \"prog.py\", line 2\n    return 1\n    ^^^^^^^^\nSyntaxError: 'return' outside function\n",
    ),
    (
        "break\n",
        "  File \"prog.py\", line 1\n    break\n    ^^^^^\nSyntaxError: 'break' outside loop\n",
    ),
    (
        "continue\n",
        "  File \"prog.py\", line 1\n    continue\n    ^^^^^^^^\nSyntaxError: 'continue' not properly in loop\n",
    ),
    (
        "nonlocal x\n",
        "  File \"prog.py\", line 1\n    nonlocal x\n    ^^^^^^^^^^\nSyntaxError: nonlocal declaration not allowed at module level\n",
    ),
    (
        "async def f():\n    yield from x\n",
        "  File \"prog.py\", line 2\n    yield from x\n    ^^^^^^^^^^^^\nSyntaxError: 'yield from' inside async function\n",
    ),
    (
        "f = lambda: await x\n",
        "  File \"prog.py\", line 1\n    f = lambda: await x\n                ^^^^^^^\nSyntaxError: 'await' outside async function\n",
    ),
    (
        "1 = x\n",
        "  File \"prog.py\", line 1\n    1 = x\n    ^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n",
    ),
    (
        "f() = 1\n",
        "  File \"prog.py\", line 1\n    f() = 1\n    ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n",
    ),
    (
        "x + 1 = 2\n",
        "  File \"prog.py\", line 1\n    x + 1 = 2\n    ^^^^^\nSyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?\n",
    ),
    (
        "del f()\n",
        "  File \"prog.py\", line 1\n    del f()\n        ^^^\nSyntaxError: cannot delete function call\n",
    ),
    (
        "x += = 1\n",
        "  File \"prog.py\", line 1\n    x += = 1\n         ^\nSyntaxError: invalid syntax\n",
    ),
    (
        "def f(:\n  pass\n",
        "  File \"prog.py\", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n",
    ),
    (
        "class A\n  pass\n",
        "  File \"prog.py\", line 1\n    class A\n           ^\nSyntaxError: expected ':'\n",
    ),
    (
        "for x in y\n  pass\n",
        "  File \"prog.py\", line 1\n    for x in y\n              ^\nSyntaxError: expected ':'\n",
    ),
    (
        "while x\n  pass\n",
        "  File \"prog.py\", line 1\n    while x\n           ^\nSyntaxError: expected ':'\n",
    ),
    (
        "try\n  pass\n",
        "  File \"prog.py\", line 1\n    try\n       ^\nSyntaxError: expected ':'\n",
    ),
    (
        "try:\n  pass\n",
        "  File \"prog.py\", line 2\n    pass\nSyntaxError: expected 'except' or 'finally' block\n",
    ),
    (
        "else:\n pass\n",
        "  File \"prog.py\", line 1\n    else:\n    ^^^^\nSyntaxError: invalid syntax\n",
    ),
    (
        "if x\n  pass\n",
        "  File \"prog.py\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n",
    ),
    (
        "def f()\n    pass\n",
        "  File \"prog.py\", line 1\n    def f()\n           ^\nSyntaxError: expected ':'\n",
    ),
    (
        "async def f()\n    pass\n",
        "  File \"prog.py\", line 1\n    async def f()\n                 ^\nSyntaxError: expected ':'\n",
    ),
    (
        "with a as b\n    pass\n",
        "  File \"prog.py\", line 1\n    with a as b\n               ^\nSyntaxError: expected ':'\n",
    ),
    (
        "if x:\npass\n",
        "  File \"prog.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'if' statement on line 1\n",
    ),
    (
        "for x in y:\npass\n",
        "  File \"prog.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'for' statement on line 1\n",
    ),
    (
        "while x:\npass\n",
        "  File \"prog.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'while' statement on line 1\n",
    ),
    (
        "class A:\npass\n",
        "  File \"prog.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after class definition on line 1\n",
    ),
    (
        "try:\nx\n",
        "  File \"prog.py\", line 2\n    x\n    ^\nIndentationError: expected an indented block after 'try' statement on line 1\n",
    ),
    (
        "try:\n x\nexcept:\nx\n",
        "  File \"prog.py\", line 4\n    x\n    ^\nIndentationError: expected an indented block after 'except' statement on line 3\n",
    ),
    (
        "try:\n x\nfinally:\nx\n",
        "  File \"prog.py\", line 4\n    x\n    ^\nIndentationError: expected an indented block after 'finally' statement on line 3\n",
    ),
    (
        "with a:\nx\n",
        "  File \"prog.py\", line 2\n    x\n    ^\nIndentationError: expected an indented block after 'with' statement on line 1\n",
    ),
    (
        "if x:\n a\nelse:\nb\n",
        "  File \"prog.py\", line 4\n    b\n    ^\nIndentationError: expected an indented block after 'else' statement on line 3\n",
    ),
    (
        "if x:\n a\nelif y:\nb\n",
        "  File \"prog.py\", line 4\n    b\n    ^\nIndentationError: expected an indented block after 'elif' statement on line 3\n",
    ),
    (
        "async def f():\nx\n",
        "  File \"prog.py\", line 2\n    x\n    ^\nIndentationError: expected an indented block after function definition on line 1\n",
    ),
    (
        "def f():\nreturn 1\n",
        "  File \"prog.py\", line 2\n    return 1\n    ^\nIndentationError: expected an indented block after function definition on line 1\n",
    ),
    (
        "def f():\n async with a:\n x\n",
        "  File \"prog.py\", line 3\n    x\n    ^\nIndentationError: expected an indented block after 'with' statement on line 2\n",
    ),
    (
        "try:\n x\nexcept E:\nx\n",
        "  File \"prog.py\", line 4\n    x\n    ^\nIndentationError: expected an indented block after 'except' statement on line 3\n",
    ),
    (
        "x = 'a\n",
        "  File \"prog.py\", line 1\n    x = 'a\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n",
    ),
    (
        "x = '''a\n\n",
        "  File \"prog.py\", line 1\n    x = '''a\n        ^\nSyntaxError: unterminated triple-quoted string literal (detected at line 2)\n",
    ),
    (
        "print(\"hello)\n",
        "  File \"prog.py\", line 1\n    print(\"hello)\n          ^\nSyntaxError: unterminated string literal (detected at line 1)\n",
    ),
    (
        "x = (1,\n",
        "  File \"prog.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n",
    ),
    (
        "x = [1, 2\ny = 3\n",
        "  File \"prog.py\", line 1\n    x = [1, 2\n        ^\nSyntaxError: '[' was never closed\n",
    ),
    (
        "print(foo(1, 2)\n",
        "  File \"prog.py\", line 1\n    print(foo(1, 2)\n         ^\nSyntaxError: '(' was never closed\n",
    ),
    (
        "x = (1]\n",
        "  File \"prog.py\", line 1\n    x = (1]\n          ^\nSyntaxError: closing parenthesis ']' does not match opening parenthesis '('\n",
    ),
    (
        "x = 1)\n",
        "  File \"prog.py\", line 1\n    x = 1)\n         ^\nSyntaxError: unmatched ')'\n",
    ),
    (
        "x = 1]\n",
        "  File \"prog.py\", line 1\n    x = 1]\n         ^\nSyntaxError: unmatched ']'\n",
    ),
    (
        "f(a for a in b, c)\n",
        "  File \"prog.py\", line 1\n    f(a for a in b, c)\n      ^^^^^^^^^^^^\nSyntaxError: Generator expression must be parenthesized\n",
    ),
    (
        "f(a=1, b)\n",
        "  File \"prog.py\", line 1\n    f(a=1, b)\n            ^\nSyntaxError: positional argument follows keyword argument\n",
    ),
    (
        "def f(a=1, b): pass\n",
        "  File \"prog.py\", line 1\n    def f(a=1, b): pass\n               ^\nSyntaxError: non-default argument follows default argument\n",
    ),
    (
        "x = 0123\n",
        "  File \"prog.py\", line 1\n    x = 0123\n        ^\nSyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers\n",
    ),
    (
        "x = $\n",
        "  File \"prog.py\", line 1\n    x = $\n        ^\nSyntaxError: invalid syntax\n",
    ),
    (
        "x = a b\n",
        "  File \"prog.py\", line 1\n    x = a b\n          ^\nSyntaxError: invalid syntax\n",
    ),
    (
        "print 'hi'\n",
        "  File \"prog.py\", line 1\n    print 'hi'\n    ^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n",
    ),
    (
        "f(a b)\n",
        "  File \"prog.py\", line 1\n    f(a b)\n      ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n",
    ),
    (
        "[a b]\n",
        "  File \"prog.py\", line 1\n    [a b]\n     ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n",
    ),
    (
        "f(a, b c)\n",
        "  File \"prog.py\", line 1\n    f(a, b c)\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n",
    ),
    (
        "print(\"a\" \"b\" c)\n",
        "  File \"prog.py\", line 1\n    print(\"a\" \"b\" c)\n          ^^^^^^^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n",
    ),
    (
        "if x = 1:\n pass\n",
        "  File \"prog.py\", line 1\n    if x = 1:\n       ^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n",
    ),
    (
        "x = f'{}'\n",
        "  File \"prog.py\", line 1\n    x = f'{}'\n             ^\nSyntaxError: f-string: empty expression not allowed\n",
    ),
    (
        "x = f'}'\n",
        "  File \"prog.py\", line 1\n    x = f'}'\n            ^\nSyntaxError: f-string: single '}' is not allowed\n",
    ),
    (
        "x = f'{a!x}'\n",
        "  File \"prog.py\", line 1\n    x = f'{a!x}'\n                ^\nSyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'\n",
    ),
    (
        "def f():\n  x = 1\n   y = 2\n",
        "  File \"prog.py\", line 3\n    y = 2\nIndentationError: unexpected indent\n",
    ),
    (
        "  x = 1\n",
        "  File \"prog.py\", line 1\n    x = 1\nIndentationError: unexpected indent\n",
    ),
    (
        "x = 1\n    y = 2\n",
        "  File \"prog.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n",
    ),
    (
        "if x:\n    a\n  b\n",
        "  File \"prog.py\", line 3\n    b\n     ^\nIndentationError: unindent does not match any outer indentation level\n",
    ),
    (
        "x = ✅ + 1\n",
        "  File \"prog.py\", line 1\n    x = ✅ + 1\n        ^\nSyntaxError: invalid character '✅' (U+2705)\n",
    ),
    (
        "async def f():\n    yield 1\n    return 2\n",
        "  File \"prog.py\", line 3\n    return 2\n    ^^^^^^^^\nSyntaxError: 'return' with value in async generator\n",
    ),
    (
        "except E:\n pass\n",
        "  File \"prog.py\", line 1\n    except E:\n    ^^^^^^\nSyntaxError: invalid syntax\n",
    ),
    (
        "x = yield = 3\n",
        "  File \"prog.py\", line 1\n    x = yield = 3\n        ^^^^^\nSyntaxError: assignment to yield expression not possible\n",
    ),
    (
        "def f(*): pass\n",
        "  File \"prog.py\", line 1\n    def f(*): pass\n          ^\nSyntaxError: named arguments must follow bare *\n",
    ),
    (
        "def f(a, a): pass\n",
        "  File \"prog.py\", line 1\n    def f(a, a): pass\n             ^\nSyntaxError: duplicate argument 'a' in function definition\n",
    ),
    (
        "f(x=1, x=2)\n",
        "  File \"prog.py\", line 1\n    f(x=1, x=2)\n           ^^^\nSyntaxError: keyword argument repeated: x\n",
    ),
    (
        "try:\n x\nexcept* E:\n y\nexcept F:\n z\n",
        "  File \"prog.py\", line 5\n    except F:\n    ^^^^^^\nSyntaxError: cannot have both 'except' and 'except*' on the same 'try'\n",
    ),
    (
        "x = 1 if 2\n",
        "  File \"prog.py\", line 1\n    x = 1 if 2\n        ^^^^^^\nSyntaxError: expected 'else' after 'if' expression\n",
    ),
    (
        "a, *b, *c = d\n",
        "  File \"prog.py\", line 1\n    a, *b, *c = d\n    ^^^^^^^^^\nSyntaxError: multiple starred expressions in assignment\n",
    ),
    (
        "*a = b\n",
        "  File \"prog.py\", line 1\n    *a = b\n    ^^\nSyntaxError: starred assignment target must be in a list or tuple\n",
    ),
    (
        "class A:\n  return 1\n",
        "  File \"prog.py\", line 2\n    return 1\n    ^^^^^^^^\nSyntaxError: 'return' outside function\n",
    ),
    (
        "def f():\n  class A:\n    await x\n",
        "  File \"prog.py\", line 3\n    await x\n    ^^^^^^^\nSyntaxError: 'await' outside function\n",
    ),
    (
        "async def f():\n  def g():\n    await x\n",
        "  File \"prog.py\", line 3\n    await x\n    ^^^^^^^\nSyntaxError: 'await' outside async function\n",
    ),
    (
        "def f():\n  return [x async for x in y]\n",
        "  File \"prog.py\", line 2\n    return [x async for x in y]\n           ^^^^^^^^^^^^^^^^^^^^\nSyntaxError: asynchronous comprehension outside of an asynchronous function\n",
    ),
    (
        "while 1:\n  def g():\n    break\n",
        "  File \"prog.py\", line 3\n    break\n    ^^^^^\nSyntaxError: 'break' outside loop\n",
    ),
    (
        "for x in y:\n  pass\nelse:\n  break\n",
        "  File \"prog.py\", line 4\n    break\n    ^^^^^\nSyntaxError: 'break' outside loop\n",
    ),
    (
        "x = (\n",
        "  File \"prog.py\", line 1\n    x = (\n        ^\nSyntaxError: '(' was never closed\n",
    ),
    (
        "foo(\n",
        "  File \"prog.py\", line 1\n    foo(\n       ^\nSyntaxError: '(' was never closed\n",
    ),
    (
        "d = {'a': 1\n",
        "  File \"prog.py\", line 1\n    d = {'a': 1\n        ^\nSyntaxError: '{' was never closed\n",
    ),
    (
        "import\n",
        "  File \"prog.py\", line 1\n    import\n          ^\nSyntaxError: invalid syntax\n",
    ),
    (
        "from x import\n",
        "  File \"prog.py\", line 1\n    from x import\n                 ^\nSyntaxError: invalid syntax\n",
    ),
    (
        "def f(x):\n    return x +\n",
        "  File \"prog.py\", line 2\n    return x +\n              ^\nSyntaxError: invalid syntax\n",
    ),
    (
        "x = [1, 2,, 3]\n",
        "  File \"prog.py\", line 1\n    x = [1, 2,, 3]\n              ^\nSyntaxError: invalid syntax\n",
    ),
    (
        "async def main():\n    await asyncio.sleep(1\n\nasyncio.run(main())\n",
        "  File \"prog.py\", line 2\n    await asyncio.sleep(1\n                       ^\nSyntaxError: '(' was never closed\n",
    ),
    (
        "x = 1 +\n",
        "  File \"prog.py\", line 1\n    x = 1 +\n           ^\nSyntaxError: invalid syntax\n",
    ),
    (
        "for in x:\n  pass\n",
        "  File \"prog.py\", line 1\n    for in x:\n        ^^\nSyntaxError: invalid syntax\n",
    ),
    (
        "def main()\n    print('hi')\n",
        "  File \"prog.py\", line 1\n    def main()\n              ^\nSyntaxError: expected ':'\n",
    ),
    (
        "  # comment\nx = 1\n  y = 2\n",
        "  File \"prog.py\", line 3\n    y = 2\nIndentationError: unexpected indent\n",
    ),
    (
        "class MyError(Exception)\n    pass\n",
        "  File \"prog.py\", line 1\n    class MyError(Exception)\n                            ^\nSyntaxError: expected ':'\n",
    ),
    (
        "x = 5\nif x > 3\n    print(x)\n",
        "  File \"prog.py\", line 2\n    if x > 3\n            ^\nSyntaxError: expected ':'\n",
    ),
    (
        "x = 1\ndef f():\n    pass\n  return x\n",
        "  File \"prog.py\", line 4\n    return x\n            ^\nIndentationError: unindent does not match any outer indentation level\n",
    ),
    (
        "try:\n    x = 1\nprint(x)\n",
        "  File \"prog.py\", line 3\n    print(x)\n    ^^^^^\nSyntaxError: expected 'except' or 'finally' block\n",
    ), // A parser's carets go by UTF-8 bytes in CPython 3.11, a tokenizer's by characters.
    (
        "x = (\"汉字\" 1)\n",
        "  File \"prog.py\", line 1\n    x = (\"汉字\" 1)\n         ^^^^^^^^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n",
    ),
    (
        "x = 汉 ✅ 1\n",
        "  File \"prog.py\", line 1\n    x = 汉 ✅ 1\n          ^\nSyntaxError: invalid character '✅' (U+2705)\n",
    ),
    (
        "print(\"汉字\" + )\n",
        "  File \"prog.py\", line 1\n    print(\"汉字\" + )\n                     ^\nSyntaxError: invalid syntax\n",
    ),
    (
        "x = \"汉字\" $ 1\n",
        "  File \"prog.py\", line 1\n    x = \"汉字\" $ 1\n                 ^\nSyntaxError: invalid syntax\n",
    ),
    (
        "x = \"汉字\" + 1 = 2\n",
        "  File \"prog.py\", line 1\n    x = \"汉字\" + 1 = 2\n        ^^^^^^^^^^^^\nSyntaxError: cannot assign to expression\n",
    ),
    (
        "if \"汉字\" = 1: pass\n",
        "  File \"prog.py\", line 1\n    if \"汉字\" = 1: pass\n       ^^^^^^^^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n",
    ),
    (
        "\"a\", b = 1, 2\n",
        "  File \"prog.py\", line 1\n    \"a\", b = 1, 2\n         ^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n",
    ),
    (
        "x.y = \"a\", f() = 3\n",
        "  File \"prog.py\", line 1\n    x.y = \"a\", f() = 3\n    ^^^\nSyntaxError: cannot assign to attribute here. Maybe you meant '==' instead of '='?\n",
    ),
    (
        "if None = 1: pass\n",
        "  File \"prog.py\", line 1\n    if None = 1: pass\n            ^\nSyntaxError: invalid syntax\n",
    ),
    (
        "if x.y = 1: pass\n",
        "  File \"prog.py\", line 1\n    if x.y = 1: pass\n       ^^^\nSyntaxError: cannot assign to attribute here. Maybe you meant '==' instead of '='?\n",
    ),
];

#[test]
fn syntax_errors_render_like_cpython() {
    let mut failures = Vec::new();
    for (source, expected) in ERROR_CASES {
        match parse_module(source, "prog.py") {
            Ok(_) => failures.push(format!("{source:?}: parsed, expected\n{expected}")),
            Err(e) if e.render() != *expected => failures.push(format!(
                "{source:?}:\n--- got\n{}--- expected\n{expected}",
                e.render()
            )),
            Err(_) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        ERROR_CASES.len(),
        failures.join("\n")
    );
}

/// (source, CPython 3.11.7's `ast` of it in the compact notation of [`dump_body`]), generated
/// with `ast.parse`; positions are `@line:col-end_line:end_col` (ASCII sources, so CPython's
/// byte columns equal our character columns).
const TREE_CASES: &[(&str, &str)] = &[
    (
        "match p:\n    case [x, *_] | {'k': x} if x:\n        pass\n    case P(1, y=None) as q:\n        pass\n    case -1 | a.b:\n        pass\n",
        "[(Match@1:0-7:12 (Name@1:6-1:7 p) [(match_case (MatchOr@2:9-2:27 [(MatchSequence@2:9-2:16 [(MatchAs@2:10-2:11 _ x) (MatchStar@2:13-2:15 _)]) (MatchMapping@2:19-2:27 [(Constant@2:20-2:23 'k')] [(MatchAs@2:25-2:26 _ x)] _)]) (Name@2:31-2:32 x) [(Pass@3:8-3:12)]) (match_case (MatchAs@4:9-4:26 (MatchClass@4:9-4:21 (Name@4:9-4:10 P) [(MatchValue@4:11-4:12 (Constant@4:11-4:12 1))] [y] [(MatchSingleton@4:16-4:20 _)]) q) _ [(Pass@5:8-5:12)]) (match_case (MatchOr@6:9-6:17 [(MatchValue@6:9-6:11 (UnaryOp@6:9-6:11 USub (Constant@6:10-6:11 1))) (MatchValue@6:14-6:17 (Attribute@6:14-6:17 (Name@6:14-6:15 a) b))]) _ [(Pass@7:8-7:12)])])]",
    ),
    (
        "import a\nimport a.b\nimport a as b, c\nfrom a import b, c as d\nfrom . import x\nfrom ..m import (y, z,)\n",
        "[(Import@1:0-1:8 [(alias a _)]) (Import@2:0-2:10 [(alias a.b _)]) (Import@3:0-3:16 [(alias a b) (alias c _)]) (ImportFrom@4:0-4:23 a [(alias b _) (alias c d)] 0) (ImportFrom@5:0-5:15 _ [(alias x _)] 1) (ImportFrom@6:0-6:23 m [(alias y _) (alias z _)] 2)]",
    ),
    (
        "def f(a, b=1, *args, c, d=2, **kw) -> int:\n    return a\n",
        "[(FunctionDef@1:0-2:12 f (arguments [] [(arg a _) (arg b _)] (arg args _) [(arg c _) (arg d _)] [_ (Constant@1:26-1:27 2)] (arg kw _) [(Constant@1:11-1:12 1)]) [(Return@2:4-2:12 (Name@2:11-2:12 a))] [] (Name@1:38-1:41 int))]",
    ),
    (
        "async def main():\n    await asyncio.sleep(0.1)\n    r = await asyncio.gather(*(f(u) for u in URLS))\n",
        "[(AsyncFunctionDef@1:0-3:51 main (arguments [] [] _ [] [] _ []) [(Expr@2:4-2:28 (Await@2:4-2:28 (Call@2:10-2:28 (Attribute@2:10-2:23 (Name@2:10-2:17 asyncio) sleep) [(Constant@2:24-2:27 0.1)] []))) (Assign@3:4-3:51 [(Name@3:4-3:5 r)] (Await@3:8-3:51 (Call@3:14-3:51 (Attribute@3:14-3:28 (Name@3:14-3:21 asyncio) gather) [(Starred@3:29-3:50 (GeneratorExp@3:30-3:50 (Call@3:31-3:35 (Name@3:31-3:32 f) [(Name@3:33-3:34 u)] []) [(comprehension (Name@3:40-3:41 u) (Name@3:45-3:49 URLS) [] 0)]))] [])))] [] _)]",
    ),
    (
        "@dec\n@dec2(1)\nclass MyError(Exception):\n    pass\n",
        "[(ClassDef@3:0-4:8 MyError [(Name@3:14-3:23 Exception)] [] [(Pass@4:4-4:8)] [(Name@1:1-1:4 dec) (Call@2:1-2:8 (Name@2:1-2:5 dec2) [(Constant@2:6-2:7 1)] [])])]",
    ),
    (
        "class A(B, metaclass=M):\n    x: int = 1\n    def m(self, /, y):\n        return self.x + y\n",
        "[(ClassDef@1:0-4:25 A [(Name@1:8-1:9 B)] [(keyword metaclass (Name@1:21-1:22 M))] [(AnnAssign@2:4-2:14 (Name@2:4-2:5 x) (Name@2:7-2:10 int) (Constant@2:13-2:14 1)) (FunctionDef@3:4-4:25 m (arguments [(arg self _)] [(arg y _)] _ [] [] _ []) [(Return@4:8-4:25 (BinOp@4:15-4:25 (Attribute@4:15-4:21 (Name@4:15-4:19 self) x) Add (Name@4:24-4:25 y)))] [] _)] [])]",
    ),
    (
        "f = lambda x, *y, z=1, **w: (x, y)\ng = lambda: 0\n",
        "[(Assign@1:0-1:34 [(Name@1:0-1:1 f)] (Lambda@1:4-1:34 (arguments [] [(arg x _)] (arg y _) [(arg z _)] [(Constant@1:20-1:21 1)] (arg w _) []) (Tuple@1:28-1:34 [(Name@1:29-1:30 x) (Name@1:32-1:33 y)]))) (Assign@2:0-2:13 [(Name@2:0-2:1 g)] (Lambda@2:4-2:13 (arguments [] [] _ [] [] _ []) (Constant@2:12-2:13 0)))]",
    ),
    (
        "def g():\n    global a\n    nonlocal_ = 1\n    del a, b[0], c.d\n    assert x, 'msg'\n",
        "[(FunctionDef@1:0-5:19 g (arguments [] [] _ [] [] _ []) [(Global@2:4-2:12 [a]) (Assign@3:4-3:17 [(Name@3:4-3:13 nonlocal_)] (Constant@3:16-3:17 1)) (Delete@4:4-4:20 [(Name@4:8-4:9 a) (Subscript@4:11-4:15 (Name@4:11-4:12 b) (Constant@4:13-4:14 0)) (Attribute@4:17-4:20 (Name@4:17-4:18 c) d)]) (Assert@5:4-5:19 (Name@5:11-5:12 x) (Constant@5:14-5:19 'msg'))] [] _)]",
    ),
    (
        "if a:\n    pass\nelif b:\n    x = 1\nelse:\n    y = 2\n",
        "[(If@1:0-6:9 (Name@1:3-1:4 a) [(Pass@2:4-2:8)] [(If@3:0-6:9 (Name@3:5-3:6 b) [(Assign@4:4-4:9 [(Name@4:4-4:5 x)] (Constant@4:8-4:9 1))] [(Assign@6:4-6:9 [(Name@6:4-6:5 y)] (Constant@6:8-6:9 2))])])]",
    ),
    (
        "while x < 10:\n    x += 1\n    if x == 5: break\n    continue\nelse:\n    pass\n",
        "[(While@1:0-6:8 (Compare@1:6-1:12 (Name@1:6-1:7 x) [Lt] [(Constant@1:10-1:12 10)]) [(AugAssign@2:4-2:10 (Name@2:4-2:5 x) Add (Constant@2:9-2:10 1)) (If@3:4-3:20 (Compare@3:7-3:13 (Name@3:7-3:8 x) [Eq] [(Constant@3:12-3:13 5)]) [(Break@3:15-3:20)] []) (Continue@4:4-4:12)] [(Pass@6:4-6:8)])]",
    ),
    (
        "for i, (a, b) in enumerate(pairs):\n    print(i)\nelse:\n    done()\n",
        "[(For@1:0-4:10 (Tuple@1:4-1:13 [(Name@1:4-1:5 i) (Tuple@1:7-1:13 [(Name@1:8-1:9 a) (Name@1:11-1:12 b)])]) (Call@1:17-1:33 (Name@1:17-1:26 enumerate) [(Name@1:27-1:32 pairs)] []) [(Expr@2:4-2:12 (Call@2:4-2:12 (Name@2:4-2:9 print) [(Name@2:10-2:11 i)] []))] [(Expr@4:4-4:10 (Call@4:4-4:10 (Name@4:4-4:8 done) [] []))])]",
    ),
    (
        "async def f():\n    async for x in aiter():\n        pass\n    async with lock as l, sem:\n        pass\n",
        "[(AsyncFunctionDef@1:0-5:12 f (arguments [] [] _ [] [] _ []) [(AsyncFor@2:4-3:12 (Name@2:14-2:15 x) (Call@2:19-2:26 (Name@2:19-2:24 aiter) [] []) [(Pass@3:8-3:12)] []) (AsyncWith@4:4-5:12 [(withitem (Name@4:15-4:19 lock) (Name@4:23-4:24 l)) (withitem (Name@4:26-4:29 sem) _)] [(Pass@5:8-5:12)])] [] _)]",
    ),
    (
        "try:\n    x()\nexcept (ValueError, TypeError) as e:\n    raise RuntimeError('x') from e\nexcept KeyError:\n    raise\nexcept:\n    pass\nelse:\n    ok()\nfinally:\n    cleanup()\n",
        "[(Try@1:0-12:13 [(Expr@2:4-2:7 (Call@2:4-2:7 (Name@2:4-2:5 x) [] []))] [(ExceptHandler (Tuple@3:7-3:30 [(Name@3:8-3:18 ValueError) (Name@3:20-3:29 TypeError)]) e [(Raise@4:4-4:34 (Call@4:10-4:27 (Name@4:10-4:22 RuntimeError) [(Constant@4:23-4:26 'x')] []) (Name@4:33-4:34 e))]) (ExceptHandler (Name@5:7-5:15 KeyError) _ [(Raise@6:4-6:9 _ _)]) (ExceptHandler _ _ [(Pass@8:4-8:8)])] [(Expr@10:4-10:8 (Call@10:4-10:8 (Name@10:4-10:6 ok) [] []))] [(Expr@12:4-12:13 (Call@12:4-12:13 (Name@12:4-12:11 cleanup) [] []))])]",
    ),
    (
        "try:\n    x()\nexcept* ValueError as eg:\n    pass\nexcept* (TypeError, KeyError):\n    pass\n",
        "[(TryStar@1:0-6:8 [(Expr@2:4-2:7 (Call@2:4-2:7 (Name@2:4-2:5 x) [] []))] [(ExceptHandler (Name@3:8-3:18 ValueError) eg [(Pass@4:4-4:8)]) (ExceptHandler (Tuple@5:8-5:29 [(Name@5:9-5:18 TypeError) (Name@5:20-5:28 KeyError)]) _ [(Pass@6:4-6:8)])] [] [])]",
    ),
    (
        "with open(f) as fh, ctx() as (a, b):\n    pass\nwith (a as b, c as d):\n    pass\nwith (a, b):\n    pass\n",
        "[(With@1:0-2:8 [(withitem (Call@1:5-1:12 (Name@1:5-1:9 open) [(Name@1:10-1:11 f)] []) (Name@1:16-1:18 fh)) (withitem (Call@1:20-1:25 (Name@1:20-1:23 ctx) [] []) (Tuple@1:29-1:35 [(Name@1:30-1:31 a) (Name@1:33-1:34 b)]))] [(Pass@2:4-2:8)]) (With@3:0-4:8 [(withitem (Name@3:6-3:7 a) (Name@3:11-3:12 b)) (withitem (Name@3:14-3:15 c) (Name@3:19-3:20 d))] [(Pass@4:4-4:8)]) (With@5:0-6:8 [(withitem (Name@5:6-5:7 a) _) (withitem (Name@5:9-5:10 b) _)] [(Pass@6:4-6:8)])]",
    ),
    (
        "a = b = 1\na, *rest = xs\n[a, b] = c\nx.y = z[1] = 2\nx: int\ny: str = 's'\nd[1:2] += 3\n",
        "[(Assign@1:0-1:9 [(Name@1:0-1:1 a) (Name@1:4-1:5 b)] (Constant@1:8-1:9 1)) (Assign@2:0-2:13 [(Tuple@2:0-2:8 [(Name@2:0-2:1 a) (Starred@2:3-2:8 (Name@2:4-2:8 rest))])] (Name@2:11-2:13 xs)) (Assign@3:0-3:10 [(List@3:0-3:6 [(Name@3:1-3:2 a) (Name@3:4-3:5 b)])] (Name@3:9-3:10 c)) (Assign@4:0-4:14 [(Attribute@4:0-4:3 (Name@4:0-4:1 x) y) (Subscript@4:6-4:10 (Name@4:6-4:7 z) (Constant@4:8-4:9 1))] (Constant@4:13-4:14 2)) (AnnAssign@5:0-5:6 (Name@5:0-5:1 x) (Name@5:3-5:6 int) _) (AnnAssign@6:0-6:12 (Name@6:0-6:1 y) (Name@6:3-6:6 str) (Constant@6:9-6:12 's')) (AugAssign@7:0-7:11 (Subscript@7:0-7:6 (Name@7:0-7:1 d) (Slice@7:2-7:5 (Constant@7:2-7:3 1) (Constant@7:4-7:5 2) _)) Add (Constant@7:10-7:11 3))]",
    ),
    (
        "x = a if c else b\ny = not a or b and c\nz = a < b <= c != d\nw = a in b not in c is d is not e\n",
        "[(Assign@1:0-1:17 [(Name@1:0-1:1 x)] (IfExp@1:4-1:17 (Name@1:9-1:10 c) (Name@1:4-1:5 a) (Name@1:16-1:17 b))) (Assign@2:0-2:20 [(Name@2:0-2:1 y)] (BoolOp@2:4-2:20 Or [(UnaryOp@2:4-2:9 Not (Name@2:8-2:9 a)) (BoolOp@2:13-2:20 And [(Name@2:13-2:14 b) (Name@2:19-2:20 c)])])) (Assign@3:0-3:19 [(Name@3:0-3:1 z)] (Compare@3:4-3:19 (Name@3:4-3:5 a) [Lt LtE NotEq] [(Name@3:8-3:9 b) (Name@3:13-3:14 c) (Name@3:18-3:19 d)])) (Assign@4:0-4:33 [(Name@4:0-4:1 w)] (Compare@4:4-4:33 (Name@4:4-4:5 a) [In NotIn Is IsNot] [(Name@4:9-4:10 b) (Name@4:18-4:19 c) (Name@4:23-4:24 d) (Name@4:32-4:33 e)]))]",
    ),
    (
        "x = a | b ^ c & d << 1 >> 2 + 3 - 4 * 5 / 6 // 7 % 8 ** -9 @ m\ny = -a + +b - ~c\nz = 2 ** 3 ** 4\nq = -2 ** 2\n",
        "[(Assign@1:0-1:62 [(Name@1:0-1:1 x)] (BinOp@1:4-1:62 (Name@1:4-1:5 a) BitOr (BinOp@1:8-1:62 (Name@1:8-1:9 b) BitXor (BinOp@1:12-1:62 (Name@1:12-1:13 c) BitAnd (BinOp@1:16-1:62 (BinOp@1:16-1:22 (Name@1:16-1:17 d) LShift (Constant@1:21-1:22 1)) RShift (BinOp@1:26-1:62 (BinOp@1:26-1:31 (Constant@1:26-1:27 2) Add (Constant@1:30-1:31 3)) Sub (BinOp@1:34-1:62 (BinOp@1:34-1:58 (BinOp@1:34-1:48 (BinOp@1:34-1:43 (BinOp@1:34-1:39 (Constant@1:34-1:35 4) Mult (Constant@1:38-1:39 5)) Div (Constant@1:42-1:43 6)) FloorDiv (Constant@1:47-1:48 7)) Mod (BinOp@1:51-1:58 (Constant@1:51-1:52 8) Pow (UnaryOp@1:56-1:58 USub (Constant@1:57-1:58 9)))) MatMult (Name@1:61-1:62 m)))))))) (Assign@2:0-2:16 [(Name@2:0-2:1 y)] (BinOp@2:4-2:16 (BinOp@2:4-2:11 (UnaryOp@2:4-2:6 USub (Name@2:5-2:6 a)) Add (UnaryOp@2:9-2:11 UAdd (Name@2:10-2:11 b))) Sub (UnaryOp@2:14-2:16 Invert (Name@2:15-2:16 c)))) (Assign@3:0-3:15 [(Name@3:0-3:1 z)] (BinOp@3:4-3:15 (Constant@3:4-3:5 2) Pow (BinOp@3:9-3:15 (Constant@3:9-3:10 3) Pow (Constant@3:14-3:15 4)))) (Assign@4:0-4:11 [(Name@4:0-4:1 q)] (UnaryOp@4:4-4:11 USub (BinOp@4:5-4:11 (Constant@4:5-4:6 2) Pow (Constant@4:10-4:11 2))))]",
    ),
    (
        "f(1, x, *args, k=2, **kw)\nf(*a, *b, k=1, **c, **d)\nf(x for x in y)\nf()\n",
        "[(Expr@1:0-1:25 (Call@1:0-1:25 (Name@1:0-1:1 f) [(Constant@1:2-1:3 1) (Name@1:5-1:6 x) (Starred@1:8-1:13 (Name@1:9-1:13 args))] [(keyword k (Constant@1:17-1:18 2)) (keyword _ (Name@1:22-1:24 kw))])) (Expr@2:0-2:24 (Call@2:0-2:24 (Name@2:0-2:1 f) [(Starred@2:2-2:4 (Name@2:3-2:4 a)) (Starred@2:6-2:8 (Name@2:7-2:8 b))] [(keyword k (Constant@2:12-2:13 1)) (keyword _ (Name@2:17-2:18 c)) (keyword _ (Name@2:22-2:23 d))])) (Expr@3:0-3:15 (Call@3:0-3:15 (Name@3:0-3:1 f) [(GeneratorExp@3:1-3:15 (Name@3:2-3:3 x) [(comprehension (Name@3:8-3:9 x) (Name@3:13-3:14 y) [] 0)])] [])) (Expr@4:0-4:3 (Call@4:0-4:3 (Name@4:0-4:1 f) [] []))]",
    ),
    (
        "a.b.c[1][2:3][::2][1:2:3][:, 1][...]\nx = a[1:2, ::3]\n",
        "[(Expr@1:0-1:36 (Subscript@1:0-1:36 (Subscript@1:0-1:31 (Subscript@1:0-1:25 (Subscript@1:0-1:18 (Subscript@1:0-1:13 (Subscript@1:0-1:8 (Attribute@1:0-1:5 (Attribute@1:0-1:3 (Name@1:0-1:1 a) b) c) (Constant@1:6-1:7 1)) (Slice@1:9-1:12 (Constant@1:9-1:10 2) (Constant@1:11-1:12 3) _)) (Slice@1:14-1:17 _ _ (Constant@1:16-1:17 2))) (Slice@1:19-1:24 (Constant@1:19-1:20 1) (Constant@1:21-1:22 2) (Constant@1:23-1:24 3))) (Tuple@1:26-1:30 [(Slice@1:26-1:27 _ _ _) (Constant@1:29-1:30 1)])) (Constant@1:32-1:35 ...))) (Assign@2:0-2:15 [(Name@2:0-2:1 x)] (Subscript@2:4-2:15 (Name@2:4-2:5 a) (Tuple@2:6-2:14 [(Slice@2:6-2:9 (Constant@2:6-2:7 1) (Constant@2:8-2:9 2) _) (Slice@2:11-2:14 _ _ (Constant@2:13-2:14 3))])))]",
    ),
    (
        "x = [1, 2, *xs]\ny = (1,)\nz = ()\nw = {1: 2, **d, 3: 4}\nv = {1, 2, *s}\nu = {}\nt = [*a, *b]\ns = 1, 2\n",
        "[(Assign@1:0-1:15 [(Name@1:0-1:1 x)] (List@1:4-1:15 [(Constant@1:5-1:6 1) (Constant@1:8-1:9 2) (Starred@1:11-1:14 (Name@1:12-1:14 xs))])) (Assign@2:0-2:8 [(Name@2:0-2:1 y)] (Tuple@2:4-2:8 [(Constant@2:5-2:6 1)])) (Assign@3:0-3:6 [(Name@3:0-3:1 z)] (Tuple@3:4-3:6 [])) (Assign@4:0-4:21 [(Name@4:0-4:1 w)] (Dict@4:4-4:21 [(Constant@4:5-4:6 1) _ (Constant@4:16-4:17 3)] [(Constant@4:8-4:9 2) (Name@4:13-4:14 d) (Constant@4:19-4:20 4)])) (Assign@5:0-5:14 [(Name@5:0-5:1 v)] (Set@5:4-5:14 [(Constant@5:5-5:6 1) (Constant@5:8-5:9 2) (Starred@5:11-5:13 (Name@5:12-5:13 s))])) (Assign@6:0-6:6 [(Name@6:0-6:1 u)] (Dict@6:4-6:6 [] [])) (Assign@7:0-7:12 [(Name@7:0-7:1 t)] (List@7:4-7:12 [(Starred@7:5-7:7 (Name@7:6-7:7 a)) (Starred@7:9-7:11 (Name@7:10-7:11 b))])) (Assign@8:0-8:8 [(Name@8:0-8:1 s)] (Tuple@8:4-8:8 [(Constant@8:4-8:5 1) (Constant@8:7-8:8 2)]))]",
    ),
    (
        "x = [i * 2 for i in range(10) if i % 2 if i > 3]\ny = {k: v for k, v in d.items()}\nz = {a for a in b for c in a}\nw = (x async for x in y)\n",
        "[(Assign@1:0-1:48 [(Name@1:0-1:1 x)] (ListComp@1:4-1:48 (BinOp@1:5-1:10 (Name@1:5-1:6 i) Mult (Constant@1:9-1:10 2)) [(comprehension (Name@1:15-1:16 i) (Call@1:20-1:29 (Name@1:20-1:25 range) [(Constant@1:26-1:28 10)] []) [(BinOp@1:33-1:38 (Name@1:33-1:34 i) Mod (Constant@1:37-1:38 2)) (Compare@1:42-1:47 (Name@1:42-1:43 i) [Gt] [(Constant@1:46-1:47 3)])] 0)])) (Assign@2:0-2:32 [(Name@2:0-2:1 y)] (DictComp@2:4-2:32 (Name@2:5-2:6 k) (Name@2:8-2:9 v) [(comprehension (Tuple@2:14-2:18 [(Name@2:14-2:15 k) (Name@2:17-2:18 v)]) (Call@2:22-2:31 (Attribute@2:22-2:29 (Name@2:22-2:23 d) items) [] []) [] 0)])) (Assign@3:0-3:29 [(Name@3:0-3:1 z)] (SetComp@3:4-3:29 (Name@3:5-3:6 a) [(comprehension (Name@3:11-3:12 a) (Name@3:16-3:17 b) [] 0) (comprehension (Name@3:22-3:23 c) (Name@3:27-3:28 a) [] 0)])) (Assign@4:0-4:24 [(Name@4:0-4:1 w)] (GeneratorExp@4:4-4:24 (Name@4:5-4:6 x) [(comprehension (Name@4:17-4:18 x) (Name@4:22-4:23 y) [] 1)]))]",
    ),
    (
        "async def main():\n    users = [await get_user(i) for i in (1, 2, 3)]\n    return [x async for x in g() if await p(x)]\n",
        "[(AsyncFunctionDef@1:0-3:47 main (arguments [] [] _ [] [] _ []) [(Assign@2:4-2:50 [(Name@2:4-2:9 users)] (ListComp@2:12-2:50 (Await@2:13-2:30 (Call@2:19-2:30 (Name@2:19-2:27 get_user) [(Name@2:28-2:29 i)] [])) [(comprehension (Name@2:35-2:36 i) (Tuple@2:40-2:49 [(Constant@2:41-2:42 1) (Constant@2:44-2:45 2) (Constant@2:47-2:48 3)]) [] 0)])) (Return@3:4-3:47 (ListComp@3:11-3:47 (Name@3:12-3:13 x) [(comprehension (Name@3:24-3:25 x) (Call@3:29-3:32 (Name@3:29-3:30 g) [] []) [(Await@3:36-3:46 (Call@3:42-3:46 (Name@3:42-3:43 p) [(Name@3:44-3:45 x)] []))] 1)]))] [] _)]",
    ),
    (
        "if (n := len(a)) > 10:\n    print(n)\n",
        "[(If@1:0-2:12 (Compare@1:3-1:21 (NamedExpr@1:4-1:15 (Name@1:4-1:5 n) (Call@1:9-1:15 (Name@1:9-1:12 len) [(Name@1:13-1:14 a)] [])) [Gt] [(Constant@1:19-1:21 10)]) [(Expr@2:4-2:12 (Call@2:4-2:12 (Name@2:4-2:9 print) [(Name@2:10-2:11 n)] []))] [])]",
    ),
    (
        "x = f'{a} and {b!r:>10} {c!s} {d!a}'\ny = f'{x=}' f'{x = }' f'{x=!s}' f'{x=:.2f}'\n",
        "[(Assign@1:0-1:36 [(Name@1:0-1:1 x)] (JoinedStr@1:4-1:36 [(FormattedValue (Name@1:7-1:8 a) -1 _) (Constant ' and ') (FormattedValue (Name@1:15-1:16 b) 114 (JoinedStr [(Constant '>10')])) (Constant ' ') (FormattedValue (Name@1:25-1:26 c) 115 _) (Constant ' ') (FormattedValue (Name@1:31-1:32 d) 97 _)])) (Assign@2:0-2:43 [(Name@2:0-2:1 y)] (JoinedStr@2:4-2:43 [(Constant 'x=') (FormattedValue (Name@2:7-2:8 x) 114 _) (Constant 'x = ') (FormattedValue (Name@2:15-2:16 x) 114 _) (Constant 'x=') (FormattedValue (Name@2:25-2:26 x) 115 _) (Constant 'x=') (FormattedValue (Name@2:35-2:36 x) -1 (JoinedStr [(Constant '.2f')]))]))]",
    ),
    (
        "x = f'{v:{w}.{p}f}' 'plain' f\"{'nested'}\"\ny = f'{{literal}} {a[\"k\"]}'\nz = f'{3.14:.1%}' f'{x:>{width}}'\n",
        "[(Assign@1:0-1:41 [(Name@1:0-1:1 x)] (JoinedStr@1:4-1:41 [(FormattedValue (Name@1:7-1:8 v) -1 (JoinedStr [(FormattedValue (Name@1:10-1:11 w) -1 _) (Constant '.') (FormattedValue (Name@1:14-1:15 p) -1 _) (Constant 'f')])) (Constant 'plain') (FormattedValue (Constant@1:31-1:39 'nested') -1 _)])) (Assign@2:0-2:27 [(Name@2:0-2:1 y)] (JoinedStr@2:4-2:27 [(Constant '{literal} ') (FormattedValue (Subscript@2:19-2:25 (Name@2:19-2:20 a) (Constant@2:21-2:24 'k')) -1 _)])) (Assign@3:0-3:33 [(Name@3:0-3:1 z)] (JoinedStr@3:4-3:33 [(FormattedValue (Constant@3:7-3:11 3.14) -1 (JoinedStr [(Constant '.1%')])) (FormattedValue (Name@3:21-3:22 x) -1 (JoinedStr [(Constant '>') (FormattedValue (Name@3:25-3:30 width) -1 _)]))]))]",
    ),
    (
        "s = 'a' \"b\" '''c''' \"\"\"d\"\"\"\nr = r'\\d+'\nbb = rb'\\x' b'bytes' B'x'\nu = u'x'\ne = '\\n\\t\\\\ \\x41 \\u00e9 \\101 \\' \\q'\n",
        "[(Assign@1:0-1:27 [(Name@1:0-1:1 s)] (Constant@1:4-1:27 'abcd')) (Assign@2:0-2:10 [(Name@2:0-2:1 r)] (Constant@2:4-2:10 '\\\\d+')) (Assign@3:0-3:25 [(Name@3:0-3:2 bb)] (Constant@3:5-3:25 b'\\\\xbytesx')) (Assign@4:0-4:8 [(Name@4:0-4:1 u)] (Constant@4:4-4:8 'x')) (Assign@5:0-5:35 [(Name@5:0-5:1 e)] (Constant@5:4-5:35 \"\\n\\t\\\\ A é A ' \\\\q\"))]",
    ),
    (
        "n = 1_000_000 + 0x_ff + 0o17 + 0b1010 + 1.5e-3 + 1E10 + .5 + 5. + 123456789012345678901234567890\n",
        "[(Assign@1:0-1:96 [(Name@1:0-1:1 n)] (BinOp@1:4-1:96 (BinOp@1:4-1:63 (BinOp@1:4-1:58 (BinOp@1:4-1:53 (BinOp@1:4-1:46 (BinOp@1:4-1:37 (BinOp@1:4-1:28 (BinOp@1:4-1:21 (Constant@1:4-1:13 1000000) Add (Constant@1:16-1:21 255)) Add (Constant@1:24-1:28 15)) Add (Constant@1:31-1:37 10)) Add (Constant@1:40-1:46 0.0015)) Add (Constant@1:49-1:53 10000000000.0)) Add (Constant@1:56-1:58 0.5)) Add (Constant@1:61-1:63 5.0)) Add (Constant@1:66-1:96 123456789012345678901234567890)))]",
    ),
    (
        "def gen():\n    yield\n    yield 1\n    x = yield from other()\n    y = yield 1, 2\n",
        "[(FunctionDef@1:0-5:18 gen (arguments [] [] _ [] [] _ []) [(Expr@2:4-2:9 (Yield@2:4-2:9 _)) (Expr@3:4-3:11 (Yield@3:4-3:11 (Constant@3:10-3:11 1))) (Assign@4:4-4:26 [(Name@4:4-4:5 x)] (YieldFrom@4:8-4:26 (Call@4:19-4:26 (Name@4:19-4:24 other) [] []))) (Assign@5:4-5:18 [(Name@5:4-5:5 y)] (Yield@5:8-5:18 (Tuple@5:14-5:18 [(Constant@5:14-5:15 1) (Constant@5:17-5:18 2)])))] [] _)]",
    ),
    (
        "x = (\n    1 +\n    2\n)\ny = 1 + \\\n    2\nz = [\n    1,  # comment\n    2,\n]\n",
        "[(Assign@1:0-4:1 [(Name@1:0-1:1 x)] (BinOp@2:4-3:5 (Constant@2:4-2:5 1) Add (Constant@3:4-3:5 2))) (Assign@5:0-6:5 [(Name@5:0-5:1 y)] (BinOp@5:4-6:5 (Constant@5:4-5:5 1) Add (Constant@6:4-6:5 2))) (Assign@7:0-10:1 [(Name@7:0-7:1 z)] (List@7:4-10:1 [(Constant@8:4-8:5 1) (Constant@9:4-9:5 2)]))]",
    ),
    (
        "x = ...\ny = None, True, False\nclass C: pass\ndef f(): return\nif x: pass\nwhile 0: pass\nfor a in b: pass\n",
        "[(Assign@1:0-1:7 [(Name@1:0-1:1 x)] (Constant@1:4-1:7 ...)) (Assign@2:0-2:21 [(Name@2:0-2:1 y)] (Tuple@2:4-2:21 [(Constant@2:4-2:8 None) (Constant@2:10-2:14 True) (Constant@2:16-2:21 False)])) (ClassDef@3:0-3:13 C [] [] [(Pass@3:9-3:13)] []) (FunctionDef@4:0-4:15 f (arguments [] [] _ [] [] _ []) [(Return@4:9-4:15 _)] [] _) (If@5:0-5:10 (Name@5:3-5:4 x) [(Pass@5:6-5:10)] []) (While@6:0-6:13 (Constant@6:6-6:7 0) [(Pass@6:9-6:13)] []) (For@7:0-7:16 (Name@7:4-7:5 a) (Name@7:9-7:10 b) [(Pass@7:12-7:16)] [])]",
    ),
    (
        "def f(*, a, b=2):\n    pass\ndef g(a, /, b, *, c):\n    pass\n",
        "[(FunctionDef@1:0-2:8 f (arguments [] [] _ [(arg a _) (arg b _)] [_ (Constant@1:14-1:15 2)] _ []) [(Pass@2:4-2:8)] [] _) (FunctionDef@3:0-4:8 g (arguments [(arg a _)] [(arg b _)] _ [(arg c _)] [_] _ []) [(Pass@4:4-4:8)] [] _)]",
    ),
    (
        "raise\nraise X\nraise X from None\n",
        "[(Raise@1:0-1:5 _ _) (Raise@2:0-2:7 (Name@2:6-2:7 X) _) (Raise@3:0-3:17 (Name@3:6-3:7 X) (Constant@3:13-3:17 None))]",
    ),
    (
        "print(1); print(2);\nx = 1;\n",
        "[(Expr@1:0-1:8 (Call@1:0-1:8 (Name@1:0-1:5 print) [(Constant@1:6-1:7 1)] [])) (Expr@1:10-1:18 (Call@1:10-1:18 (Name@1:10-1:15 print) [(Constant@1:16-1:17 2)] [])) (Assign@2:0-2:5 [(Name@2:0-2:1 x)] (Constant@2:4-2:5 1))]",
    ),
    (
        "result = await_ = 3\nasync_x = 1\n",
        "[(Assign@1:0-1:19 [(Name@1:0-1:6 result) (Name@1:9-1:15 await_)] (Constant@1:18-1:19 3)) (Assign@2:0-2:11 [(Name@2:0-2:7 async_x)] (Constant@2:10-2:11 1))]",
    ),
    (
        "print(f\"{ts()} order {n}: start making milk tea\")\n",
        "[(Expr@1:0-1:49 (Call@1:0-1:49 (Name@1:0-1:5 print) [(JoinedStr@1:6-1:48 [(FormattedValue (Call@1:9-1:13 (Name@1:9-1:11 ts) [] []) -1 _) (Constant ' order ') (FormattedValue (Name@1:22-1:23 n) -1 _) (Constant ': start making milk tea')])] []))]",
    ),
    (
        "return_value = x[1:]\nx = a[-1]\ny = not not x\n",
        "[(Assign@1:0-1:20 [(Name@1:0-1:12 return_value)] (Subscript@1:15-1:20 (Name@1:15-1:16 x) (Slice@1:17-1:19 (Constant@1:17-1:18 1) _ _))) (Assign@2:0-2:9 [(Name@2:0-2:1 x)] (Subscript@2:4-2:9 (Name@2:4-2:5 a) (UnaryOp@2:6-2:8 USub (Constant@2:7-2:8 1)))) (Assign@3:0-3:13 [(Name@3:0-3:1 y)] (UnaryOp@3:4-3:13 Not (UnaryOp@3:8-3:13 Not (Name@3:12-3:13 x))))]",
    ),
    (
        "def f(a,\n      b):\n    return (a,\n            b)\n",
        "[(FunctionDef@1:0-4:14 f (arguments [] [(arg a _) (arg b _)] _ [] [] _ []) [(Return@3:4-4:14 (Tuple@3:11-4:14 [(Name@3:12-3:13 a) (Name@4:12-4:13 b)]))] [] _)]",
    ),
    (
        "async def main():\n    async with asyncio.timeout(0.1):\n        await slow()\n    async with asyncio.TaskGroup() as tg:\n        t = tg.create_task(work())\n",
        "[(AsyncFunctionDef@1:0-5:34 main (arguments [] [] _ [] [] _ []) [(AsyncWith@2:4-3:20 [(withitem (Call@2:15-2:35 (Attribute@2:15-2:30 (Name@2:15-2:22 asyncio) timeout) [(Constant@2:31-2:34 0.1)] []) _)] [(Expr@3:8-3:20 (Await@3:8-3:20 (Call@3:14-3:20 (Name@3:14-3:18 slow) [] [])))]) (AsyncWith@4:4-5:34 [(withitem (Call@4:15-4:34 (Attribute@4:15-4:32 (Name@4:15-4:22 asyncio) TaskGroup) [] []) (Name@4:38-4:40 tg))] [(Assign@5:8-5:34 [(Name@5:8-5:9 t)] (Call@5:12-5:34 (Attribute@5:12-5:26 (Name@5:12-5:14 tg) create_task) [(Call@5:27-5:33 (Name@5:27-5:31 work) [] [])] []))])] [] _)]",
    ),
    (
        "x = [\n    i\n    for i in y\n]\n",
        "[(Assign@1:0-4:1 [(Name@1:0-1:1 x)] (ListComp@1:4-4:1 (Name@2:4-2:5 i) [(comprehension (Name@3:8-3:9 i) (Name@3:13-3:14 y) [] 0)]))]",
    ),
    (
        "x = 'unicode ✅ é'\n",
        "[(Assign@1:0-1:17 [(Name@1:0-1:1 x)] (Constant@1:4-1:17 'unicode ✅ é'))]",
    ),
];

#[test]
fn trees_match_cpython_ast() {
    let mut failures = Vec::new();
    for (source, expected) in TREE_CASES {
        match parse_module(source, "prog.py") {
            Ok(module) => {
                let got = dump_body(&module.body);
                if got != *expected {
                    failures.push(format!(
                        "{source}\n--- got\n{got}\n--- expected\n{expected}\n"
                    ));
                }
            }
            Err(e) => failures.push(format!("{source}\n--- failed\n{}", e.render())),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        TREE_CASES.len(),
        failures.join("\n")
    );
}

/// Dumps statements as CPython's `ast` would, in a compact S-expression notation: node name,
/// position, then the fields in `ast` order (`_` for None, `[...]` for lists); f-string parts
/// carry no position because CPython 3.11 gives them the whole literal's.
fn dump_body(body: &[Stmt]) -> String {
    list(body.iter().map(dump_stmt))
}

fn list(items: impl Iterator<Item = String>) -> String {
    format!("[{}]", items.collect::<Vec<_>>().join(" "))
}

fn opt(expr: &Option<Expr>) -> String {
    expr.as_ref().map_or("_".to_string(), dump_expr)
}

fn opt_box(expr: &Option<Box<Expr>>) -> String {
    expr.as_deref().map_or("_".to_string(), dump_expr)
}

fn exprs(items: &[Expr]) -> String {
    list(items.iter().map(dump_expr))
}

fn node(name: &str, span: Option<Span>, fields: &[String]) -> String {
    let pos = span.map_or(String::new(), |s| {
        format!("@{}:{}-{}:{}", s.line, s.col, s.end_line, s.end_col)
    });
    let mut out = format!("({name}{pos}");
    for field in fields {
        out.push(' ');
        out.push_str(field);
    }
    out.push(')');
    out
}

/// A pattern as CPython's `ast` has it: a capture is `MatchAs` without a pattern, `_` one
/// without a name either.
fn dump_pattern(p: &Pattern) -> String {
    let s = Some(p.span);
    let name = |n: &Option<Name>| n.as_ref().map_or("_".into(), |n| n.to_string());
    let patterns = |ps: &[Pattern]| list(ps.iter().map(dump_pattern));
    match &p.kind {
        PatternKind::Value(e) => node("MatchValue", s, &[dump_expr(e)]),
        PatternKind::Singleton(e) => {
            let value = match &e.kind {
                ExprKind::Constant(Constant::Bool(true)) => "True",
                ExprKind::Constant(Constant::Bool(false)) => "False",
                _ => "_",
            };
            node("MatchSingleton", s, &[value.into()])
        }
        PatternKind::Capture(n) => node("MatchAs", s, &["_".into(), name(n)]),
        PatternKind::Sequence(items) => node("MatchSequence", s, &[patterns(items)]),
        PatternKind::Star(n) => node("MatchStar", s, &[name(n)]),
        PatternKind::Mapping {
            keys,
            patterns: ps,
            rest,
        } => node("MatchMapping", s, &[exprs(keys), patterns(ps), name(rest)]),
        PatternKind::Class {
            cls,
            patterns: ps,
            kwd_names,
            kwd_patterns,
        } => node(
            "MatchClass",
            s,
            &[
                dump_expr(cls),
                patterns(ps),
                format!("[{}]", kwd_names.join(" ")),
                patterns(kwd_patterns),
            ],
        ),
        PatternKind::As(inner, n) => node("MatchAs", s, &[dump_pattern(inner), n.to_string()]),
        PatternKind::Or(alternatives) => node("MatchOr", s, &[patterns(alternatives)]),
    }
}

fn dump_params(params: &Parameters) -> String {
    let arg = |p: &Param| node("arg", None, &[p.name.to_string(), opt(&p.annotation)]);
    let positional = params.posonly.iter().chain(&params.args);
    let defaults: Vec<String> = positional
        .filter_map(|p| p.default.as_ref().map(dump_expr))
        .collect();
    node(
        "arguments",
        None,
        &[
            list(params.posonly.iter().map(arg)),
            list(params.args.iter().map(arg)),
            params.vararg.as_ref().map_or("_".into(), arg),
            list(params.kwonly.iter().map(arg)),
            list(params.kwonly.iter().map(|p| opt(&p.default))),
            params.kwarg.as_ref().map_or("_".into(), arg),
            format!("[{}]", defaults.join(" ")),
        ],
    )
}

fn dump_keyword(k: &Keyword) -> String {
    node(
        "keyword",
        None,
        &[
            k.arg.as_ref().map_or("_".into(), |a| a.to_string()),
            dump_expr(&k.value),
        ],
    )
}

fn dump_stmt(stmt: &Stmt) -> String {
    let s = Some(stmt.span);
    let body = |b: &[Stmt]| dump_body(b);
    match &stmt.kind {
        StmtKind::Expr(e) => node("Expr", s, &[dump_expr(e)]),
        StmtKind::Assign { targets, value } => {
            node("Assign", s, &[exprs(targets), dump_expr(value)])
        }
        StmtKind::AugAssign { target, op, value } => node(
            "AugAssign",
            s,
            &[dump_expr(target), format!("{op:?}"), dump_expr(value)],
        ),
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => node(
            "AnnAssign",
            s,
            &[dump_expr(target), dump_expr(annotation), opt(value)],
        ),
        StmtKind::FunctionDef(def) => node(
            if def.is_async {
                "AsyncFunctionDef"
            } else {
                "FunctionDef"
            },
            s,
            &[
                def.name.to_string(),
                dump_params(&def.params),
                body(&def.body),
                exprs(&def.decorators),
                opt(&def.returns),
            ],
        ),
        StmtKind::ClassDef(def) => node(
            "ClassDef",
            s,
            &[
                def.name.to_string(),
                exprs(&def.bases),
                list(def.keywords.iter().map(dump_keyword)),
                body(&def.body),
                exprs(&def.decorators),
            ],
        ),
        StmtKind::Return(value) => node("Return", s, &[opt(value)]),
        StmtKind::Pass => node("Pass", s, &[]),
        StmtKind::Break => node("Break", s, &[]),
        StmtKind::Continue => node("Continue", s, &[]),
        StmtKind::Global(names) => node("Global", s, &[list(names.iter().map(|n| n.to_string()))]),
        StmtKind::Nonlocal(names) => {
            node("Nonlocal", s, &[list(names.iter().map(|n| n.to_string()))])
        }
        StmtKind::Delete(targets) => node("Delete", s, &[exprs(targets)]),
        StmtKind::Assert { test, msg } => node("Assert", s, &[dump_expr(test), opt(msg)]),
        StmtKind::If {
            test,
            body: b,
            orelse,
        } => node("If", s, &[dump_expr(test), body(b), body(orelse)]),
        StmtKind::While {
            test,
            body: b,
            orelse,
        } => node("While", s, &[dump_expr(test), body(b), body(orelse)]),
        StmtKind::For {
            is_async,
            target,
            iter,
            body: b,
            orelse,
        } => node(
            if *is_async { "AsyncFor" } else { "For" },
            s,
            &[dump_expr(target), dump_expr(iter), body(b), body(orelse)],
        ),
        StmtKind::Try {
            body: b,
            handlers,
            orelse,
            finalbody,
            is_star,
        } => {
            let handlers = list(handlers.iter().map(|h| {
                node(
                    "ExceptHandler",
                    None,
                    &[
                        opt(&h.type_),
                        h.name.as_ref().map_or("_".into(), |n| n.to_string()),
                        body(&h.body),
                    ],
                )
            }));
            node(
                if *is_star { "TryStar" } else { "Try" },
                s,
                &[body(b), handlers, body(orelse), body(finalbody)],
            )
        }
        StmtKind::Raise { exc, cause } => node("Raise", s, &[opt(exc), opt(cause)]),
        StmtKind::With {
            is_async,
            items,
            body: b,
        } => {
            let items = list(
                items
                    .iter()
                    .map(|i| node("withitem", None, &[dump_expr(&i.context), opt(&i.target)])),
            );
            node(
                if *is_async { "AsyncWith" } else { "With" },
                s,
                &[items, body(b)],
            )
        }
        StmtKind::Match { subject, cases } => {
            let cases = list(cases.iter().map(|c| {
                node(
                    "match_case",
                    None,
                    &[dump_pattern(&c.pattern), opt(&c.guard), body(&c.body)],
                )
            }));
            node("Match", s, &[dump_expr(subject), cases])
        }
        StmtKind::Import(names) => node("Import", s, &[dump_aliases(names)]),
        StmtKind::ImportFrom {
            module,
            names,
            level,
        } => node(
            "ImportFrom",
            s,
            &[
                module.as_ref().map_or("_".into(), |m| m.to_string()),
                dump_aliases(names),
                level.to_string(),
            ],
        ),
    }
}

fn dump_aliases(names: &[Alias]) -> String {
    list(names.iter().map(|a| {
        node(
            "alias",
            None,
            &[
                a.name.to_string(),
                a.asname.as_ref().map_or("_".into(), |n| n.to_string()),
            ],
        )
    }))
}

fn dump_constant(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Ellipsis => "...".into(),
        Constant::Int(v) => v.to_string(),
        Constant::BigInt(b) => b.to_string(),
        Constant::Float(v) => crate::format::float_repr(*v),
        Constant::Str(s) => crate::format::str_repr(s),
        Constant::Bytes(b) => {
            let text: String = b.iter().map(|&byte| byte as char).collect();
            format!("b{}", crate::format::str_repr(&text))
        }
    }
}

fn dump_fstring(parts: &[FStringPart], span: Option<Span>) -> String {
    let values = list(parts.iter().map(|part| {
        match part {
            FStringPart::Literal(text) => node("Constant", None, &[crate::format::str_repr(text)]),
            FStringPart::Field {
                value,
                conversion,
                format_spec,
            } => node(
                "FormattedValue",
                None,
                &[
                    dump_expr(value),
                    conversion.map_or(-1, |c| c as i64).to_string(),
                    format_spec
                        .as_ref()
                        .map_or("_".into(), |spec| dump_fstring(spec, None)),
                ],
            ),
        }
    }));
    node("JoinedStr", span, &[values])
}

fn dump_generators(generators: &[Comprehension]) -> String {
    list(generators.iter().map(|g| {
        node(
            "comprehension",
            None,
            &[
                dump_expr(&g.target),
                dump_expr(&g.iter),
                exprs(&g.ifs),
                (g.is_async as u8).to_string(),
            ],
        )
    }))
}

fn dump_expr(expr: &Expr) -> String {
    let s = Some(expr.span);
    let b = |e: &Expr| dump_expr(e);
    match &expr.kind {
        ExprKind::Name(id) => node("Name", s, &[id.to_string()]),
        ExprKind::Constant(c) => node("Constant", s, &[dump_constant(c)]),
        ExprKind::FString(parts) => dump_fstring(parts, s),
        ExprKind::Attribute { value, attr } => node("Attribute", s, &[b(value), attr.to_string()]),
        ExprKind::Subscript { value, index } => node("Subscript", s, &[b(value), b(index)]),
        ExprKind::Slice { lower, upper, step } => {
            node("Slice", s, &[opt_box(lower), opt_box(upper), opt_box(step)])
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => node(
            "Call",
            s,
            &[
                b(func),
                exprs(args),
                list(keywords.iter().map(dump_keyword)),
            ],
        ),
        ExprKind::BinOp { left, op, right } => {
            node("BinOp", s, &[b(left), format!("{op:?}"), b(right)])
        }
        ExprKind::UnaryOp { op, operand } => node("UnaryOp", s, &[format!("{op:?}"), b(operand)]),
        ExprKind::BoolOp { op, values } => node("BoolOp", s, &[format!("{op:?}"), exprs(values)]),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => node(
            "Compare",
            s,
            &[
                b(left),
                list(ops.iter().map(|op| format!("{op:?}"))),
                exprs(comparators),
            ],
        ),
        ExprKind::IfExp { test, body, orelse } => node("IfExp", s, &[b(test), b(body), b(orelse)]),
        ExprKind::Lambda(lambda) => {
            node("Lambda", s, &[dump_params(&lambda.params), b(&lambda.body)])
        }
        ExprKind::Await(value) => node("Await", s, &[b(value)]),
        ExprKind::Yield(value) => node("Yield", s, &[opt_box(value)]),
        ExprKind::YieldFrom(value) => node("YieldFrom", s, &[b(value)]),
        ExprKind::NamedExpr { target, value } => node("NamedExpr", s, &[b(target), b(value)]),
        ExprKind::Tuple(elts) => node("Tuple", s, &[exprs(elts)]),
        ExprKind::List(elts) => node("List", s, &[exprs(elts)]),
        ExprKind::Set(elts) => node("Set", s, &[exprs(elts)]),
        ExprKind::Dict { keys, values } => {
            node("Dict", s, &[list(keys.iter().map(opt)), exprs(values)])
        }
        ExprKind::Starred(value) => node("Starred", s, &[b(value)]),
        ExprKind::ListComp { elt, generators } => {
            node("ListComp", s, &[b(elt), dump_generators(generators)])
        }
        ExprKind::SetComp { elt, generators } => {
            node("SetComp", s, &[b(elt), dump_generators(generators)])
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => node(
            "DictComp",
            s,
            &[b(key), b(value), dump_generators(generators)],
        ),
        ExprKind::GeneratorExp { elt, generators } => {
            node("GeneratorExp", s, &[b(elt), dump_generators(generators)])
        }
    }
}

/// Deep nesting gives a clear `SyntaxError`, never a stack overflow (the limit is checked
/// while running on the test harness's 2 MiB thread stack, in debug builds).
#[test]
fn huge_int_literals_follow_cpythons_digit_limit() {
    // A decimal literal past 4300 digits is refused by the compiler; a hexadecimal one of any
    // length parses to its exact value.
    let decimal = format!("x = 1{}\n", "0".repeat(4300));
    let error = parse_module(&decimal, "prog.py").expect_err("4301 digits parsed");
    assert_eq!(error.offset, 0, "CPython reports no caret");
    assert!(
        error.msg.starts_with(
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits;"
        ),
        "{}",
        error.msg
    );
    let hex = format!("x = 0x{}\n", "f".repeat(4000));
    let module = parse_module(&hex, "prog.py").expect("a long hexadecimal literal parses");
    let dumped = dump_body(&module.body);
    let expected = ((num_bigint::BigInt::from(1u8) << 16000u32) - 1u8).to_string();
    assert!(dumped.contains(&expected), "the literal's value is exact");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let cases = [
        format!("x = {}1{}\n", "(".repeat(1000), ")".repeat(1000)),
        format!("x = {}1{}\n", "[".repeat(199), "]".repeat(199)),
        format!("x = {}1\n", "-".repeat(100_000)),
        format!("x = {}1\n", "not ".repeat(10_000)),
        format!("x = {}1\n", "lambda: ".repeat(10_000)),
        format!("x = {}\n", "a if b else ".repeat(10_000) + "c"),
        format!("x = 2{}\n", " ** 2".repeat(10_000)),
        format!("x = {}\n", "await ".repeat(10_000) + "y"),
        format!("x = f'{}'\n", "{".repeat(1000)),
        (0..1000)
            .map(|depth| format!("{}if x:\n", " ".repeat(depth)))
            .collect::<String>()
            + &" ".repeat(1000)
            + "pass\n",
    ];
    for source in &cases {
        // Either outcome is fine as long as it returns; most of these are errors.
        let _ = parse_module(source, "prog.py");
    }
    let err = parse_module(&cases[0], "prog.py").unwrap_err();
    assert_eq!(err.msg, "too many nested parentheses");
}

mod never_panics {
    //! Property tests: whatever the input, `parse_module` returns (Ok or a SyntaxError whose
    //! rendering works) and never panics.

    use super::{REFERENCE_PROGRAMS, parse_module};
    use proptest::prelude::*;

    /// Python-flavoured fragments, so random sources reach deep into the grammar.
    const FRAGMENTS: &[&str] = &[
        "async ",
        "def ",
        "await ",
        "f(",
        ")",
        "(",
        "[",
        "]",
        "{",
        "}",
        ":",
        "\n",
        "\n    ",
        "    ",
        "\t",
        "x",
        "1",
        "1.5e3",
        "0x1f",
        "'s'",
        "\"",
        "f'{x!r:>{w}}'",
        "'''",
        "\\",
        "#c\n",
        ",",
        "=",
        ":=",
        "*",
        "**",
        "lambda ",
        "yield ",
        "for ",
        " in ",
        "if ",
        "else",
        "try:",
        "except* ",
        "with ",
        "return",
        "import ",
        "from ",
        ".",
        "@",
        "-",
        "not ",
        "and ",
        "✅",
        "\r\n",
        ";",
        "...",
        "f'{",
        "}'",
        "!r",
        "class ",
        "pass",
        "\n\n",
        "  ",
        "0_",
        "1e",
        "b'",
        "rb'",
    ];

    fn check(source: &str) {
        if let Err(e) = parse_module(source, "prog.py") {
            let rendered = e.render();
            assert!(rendered.ends_with('\n'), "{rendered}");
        }
    }

    proptest! {
        #[test]
        fn arbitrary_strings(source in ".{0,200}") {
            check(&source);
        }

        #[test]
        fn fragment_soup(parts in prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60)) {
            check(&parts.concat());
        }

        #[test]
        fn mutated_reference_programs(
            program in 0..REFERENCE_PROGRAMS.len(),
            edits in prop::collection::vec((any::<prop::sample::Index>(), 0..3u8, any::<char>()), 1..6),
        ) {
            let mut chars: Vec<char> = REFERENCE_PROGRAMS[program].1.chars().collect();
            for (at, kind, c) in edits {
                if chars.is_empty() {
                    break;
                }
                let i = at.index(chars.len());
                match kind {
                    0 => {
                        chars.remove(i);
                    }
                    1 => {
                        let dup = chars[i];
                        chars.insert(i, dup);
                    }
                    _ => chars.insert(i, c),
                }
            }
            check(&chars.into_iter().collect::<String>());
        }
    }
}
