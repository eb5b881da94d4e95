# compile(source, filename, 'exec') raises SyntaxError with CPython's msg/lineno/offset/end_*; text is the source
# line for parser errors and None for compiler-stage errors (source in a string, file not on disk).
for src in ("x = = 1\n", "def f():\n    await g()\n", "async def f():\n    yield 1\n    return 2\n", "ok = 1\n"):
    try:
        r = compile(src, "t.py", "exec")
        print("fine")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset, e.filename)
