//! Data-driven tests of the front end: tree dumps for valid programs, CPython's messages and
//! positions for invalid ones, the 15 reference programs, and never-panic property tests.

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
