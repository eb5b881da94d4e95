# The `traceback` module: what learners use of CPython 3.11.7's Lib/traceback.py (print_exc,
# format_exc, print_exception, format_exception, format_exception_only), written fresh. The
# text is the engine's own traceback of the exception (the one an uncaught exception prints,
# chained exceptions and carets included), cut into the pieces CPython's
# TracebackException.format() yields: the header, one piece per frame, one per line after.
# Parsed and run on the first `import traceback` only.
# Left out: limit= (the whole traceback is given), the frame and stack functions (extract_tb,
# format_tb, print_stack, walk_tb, StackSummary, FrameSummary, TracebackException).

import sys
import asyncio as _aio

__all__ = ['format_exc', 'format_exception', 'format_exception_only', 'print_exc',
           'print_exception']

_sentinel = object()
_MESSAGES = (
    'The above exception was the direct cause of the following exception:\n',
    'During handling of the above exception, another exception occurred:\n',
)


def _pieces(text):
    lines = text.splitlines(keepends=True)
    pieces = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line == '\n' and i + 2 < len(lines) and lines[i + 1] in _MESSAGES:
            pieces.append(line + lines[i + 1] + lines[i + 2])
            i += 3
            continue
        if line.startswith('  File ') and pieces is not None:
            piece = line
            i += 1
            while i < len(lines) and lines[i].startswith('    '):
                piece += lines[i]
                i += 1
            pieces.append(piece)
            continue
        pieces.append(line)
        i += 1
    return pieces


def _exception(exc, value):
    if value is not _sentinel:
        return value
    return exc


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    exc = _exception(exc, value)
    if exc is None:
        return ['NoneType: None\n']
    return _pieces(_aio._format_exception(exc))


def format_exception_only(exc, /, value=_sentinel):
    exc = _exception(exc, value)
    if exc is None:
        return ['NoneType: None\n']
    pieces = _pieces(_aio._format_exception(exc))
    # after the last frame: the exception's own lines
    last = 0
    for i, piece in enumerate(pieces):
        if piece.startswith('  File ') or piece.startswith('Traceback (') or piece.startswith('\n'):
            last = i + 1
    return pieces[last:]


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    if file is None:
        file = sys.stderr
    for piece in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(piece, file=file, end='')


def format_exc(limit=None, chain=True):
    return ''.join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)
