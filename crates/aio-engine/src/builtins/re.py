# The `re` module: CPython 3.11.7's regular expressions, written fresh to its documented
# behaviour, reprs and messages. Parsed and run on the first `import re`.
# Patterns are compiled and matched natively (`_sre`, the engine's own backtracking matcher with
# sre's semantics); this file makes the Pattern and Match objects, the module functions, the
# loops of findall, finditer, sub and split (with CPython's rule for empty matches) and the
# replacement templates.
# The flags are RegexFlag members (an IntFlag), shown as CPython's global_enum shows them.
# Left out: bytes patterns, re.LOCALE, re.DEBUG, Pattern.scanner, re.template.

import _sre
import enum

__all__ = ['match', 'fullmatch', 'search', 'sub', 'subn', 'split', 'findall', 'finditer',
           'compile', 'purge', 'template', 'escape', 'error', 'Pattern', 'Match', 'A', 'I', 'L',
           'M', 'S', 'X', 'U', 'ASCII', 'IGNORECASE', 'LOCALE', 'MULTILINE', 'DOTALL', 'VERBOSE',
           'UNICODE', 'NOFLAG', 'RegexFlag']

class RegexFlag(enum.IntFlag, boundary=enum.KEEP):
    NOFLAG = 0
    ASCII = A = 256
    IGNORECASE = I = 2
    LOCALE = L = 4
    UNICODE = U = 32
    MULTILINE = M = 8
    DOTALL = S = 16
    VERBOSE = X = 64
    TEMPLATE = T = 1
    DEBUG = 128
    _numeric_repr_ = hex

    def __repr__(self):
        # enum.global_flag_repr: each flag by the module's name for it (re.I|re.M)
        if self._name_ is None:
            return 're.RegexFlag(%r)' % (self._value_, )
        names = []
        for name in self._name_.split('|'):
            names.append(name if name[0].isdigit() else 're.' + name)
        return '|'.join(names)

    __str__ = __repr__


NOFLAG = RegexFlag.NOFLAG
ASCII = A = RegexFlag.ASCII
IGNORECASE = I = RegexFlag.IGNORECASE
LOCALE = L = RegexFlag.LOCALE
UNICODE = U = RegexFlag.UNICODE
MULTILINE = M = RegexFlag.MULTILINE
DOTALL = S = RegexFlag.DOTALL
VERBOSE = X = RegexFlag.VERBOSE
TEMPLATE = T = RegexFlag.TEMPLATE
DEBUG = RegexFlag.DEBUG

_MAXSIZE = 9223372036854775807
_FLAG_NAMES = [(ASCII, 'ASCII'), (IGNORECASE, 'IGNORECASE'), (LOCALE, 'LOCALE'),
               (MULTILINE, 'MULTILINE'), (DOTALL, 'DOTALL'), (VERBOSE, 'VERBOSE')]


class error(Exception):
    # a pattern or a template that cannot be compiled: the message, where and in what
    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str):
                newline = '\n'
            else:
                newline = b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = 're'
PatternError = error


class Pattern:
    # a compiled regular expression (re.compile)

    def __init__(self, pattern, flags, native):
        self.pattern = pattern
        self._native = native
        groups, all_flags, groupindex = _sre.info(native)
        self.flags = all_flags
        self.groups = groups
        self.groupindex = groupindex

    def __repr__(self):
        shown = repr(self.pattern)
        if len(shown) > 200:
            shown = shown[:200]
        flags = self.flags & ~UNICODE
        if not flags:
            return 're.compile(%s)' % shown
        names = [('re.' + name) for value, name in _FLAG_NAMES if flags & value]
        rest = flags & ~sum(value for value, _ in _FLAG_NAMES)
        if rest:
            names.append(hex(rest))
        return 're.compile(%s, %s)' % (shown, '|'.join(names))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _run(self, string, pos, endpos, mode, must_advance=False):
        found = _sre.run(self._native, string, pos, endpos, mode, must_advance)
        if found is None:
            return None
        return Match(self, string, pos, endpos, found[0], found[1])

    def match(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 2)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        return self._run(string, pos, endpos, 1)

    def _matches(self, string, pos=0, endpos=_MAXSIZE):
        # every match, left to right; after an empty match the next may not be empty at the
        # same place (CPython's must_advance)
        must_advance = False
        while pos <= len(string):
            m = self._run(string, pos, endpos, 1, must_advance)
            if m is None:
                return
            yield m
            start, end = m.span()
            must_advance = start == end
            pos = end

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        return self._matches(string, pos, endpos)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        found = []
        for m in self._matches(string, pos, endpos):
            if self.groups == 0:
                found.append(m.group())
            elif self.groups == 1:
                found.append(m.group(1) or '')
            else:
                found.append(tuple(g or '' for g in m.groups()))
        return found

    def _pieces(self, string, count):
        # the text before each of the first `count` matches (all when 0) and the match, then
        # the rest of the string with None
        last = 0
        n = 0
        for m in self._matches(string):
            if count and n >= count:
                break
            yield string[last:m.start()], m
            last = m.end()
            n += 1
        yield string[last:], None

    def split(self, string, maxsplit=0):
        parts = []
        for before, m in self._pieces(string, maxsplit):
            parts.append(before)
            if m is not None:
                parts.extend(m.groups())
        return parts

    def subn(self, repl, string, count=0):
        if callable(repl):
            expand = repl
        else:
            template = _compile_template(self, repl)
            expand = lambda m: _expand(template, m)
        out = []
        n = 0
        for before, m in self._pieces(string, count):
            out.append(before)
            if m is None:
                break
            piece = expand(m)
            if piece is not None:
                if not isinstance(piece, str):
                    raise TypeError('expected str instance, %s found' % type(piece).__name__)
                out.append(piece)
            n += 1
        return ''.join(out), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return list[item].__class__(cls, item)


class Match:
    # the result of a successful match

    def __init__(self, pattern, string, pos, endpos, spans, lastindex):
        self.re = pattern
        self.string = string
        self.pos = max(0, min(pos, len(string)))
        self.endpos = max(0, min(endpos, len(string)))
        self.regs = tuple(s if s is not None else (-1, -1) for s in spans)
        self._spans = spans
        self.lastindex = lastindex

    def _index(self, group):
        if isinstance(group, int) and not isinstance(group, bool):
            if 0 <= group < len(self._spans):
                return group
        elif isinstance(group, str):
            index = self.re.groupindex.get(group)
            if index is not None:
                return index
        raise IndexError('no such group')

    def _text(self, index, default=None):
        span = self._spans[index]
        if span is None:
            return default
        return self.string[span[0]:span[1]]

    def group(self, *groups):
        if not groups:
            return self._text(0)
        if len(groups) == 1:
            return self._text(self._index(groups[0]))
        return tuple(self._text(self._index(g)) for g in groups)

    def __getitem__(self, group):
        return self._text(self._index(group))

    def groups(self, default=None):
        return tuple(self._text(i, default) for i in range(1, len(self._spans)))

    def groupdict(self, default=None):
        return {name: self._text(index, default) for name, index in self.re.groupindex.items()}

    def start(self, group=0):
        return self.regs[self._index(group)][0]

    def end(self, group=0):
        return self.regs[self._index(group)][1]

    def span(self, group=0):
        return self.regs[self._index(group)]

    @property
    def lastgroup(self):
        index = self.lastindex
        for name, i in self.re.groupindex.items():
            if i == index:
                return name
        return None

    def expand(self, template):
        return _expand(_compile_template(self.re, template), self)

    def __bool__(self):
        return True

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group())

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return list[item].__class__(cls, item)


_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a', 'b': '\b',
            '\\': '\\'}


def _compile_template(pattern, repl):
    # a replacement string as literal pieces and group numbers
    if not isinstance(repl, str):
        raise TypeError('expected str instance, %s found' % type(repl).__name__)
    pieces = []
    literal = []
    i = 0
    n = len(repl)
    while i < n:
        c = repl[i]
        if c != '\\':
            literal.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            raise error('bad escape (end of pattern)', repl, start)
        c = repl[i]
        i += 1
        group = None
        if c == 'g':
            if i >= n or repl[i] != '<':
                raise error('missing <', repl, i)
            close = repl.find('>', i + 1)
            if close < 0:
                raise error('missing group name', repl, i + 1) if i + 1 >= n else \
                    error('missing >, unterminated name', repl, i + 1)
            name = repl[i + 1:close]
            if not name:
                raise error('missing group name', repl, i + 1)
            if name.isdigit():
                group = int(name)
                if group >= pattern.groups + 1:
                    raise error('invalid group reference %d' % group, repl, i + 1)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError('unknown group name %r' % name)
                group = pattern.groupindex[name]
            else:
                raise error('bad character in group name %r' % name, repl, i + 1)
            i = close + 1
        elif c == '0':
            digits = ''
            while i < n and len(digits) < 2 and repl[i] in '01234567':
                digits += repl[i]
                i += 1
            literal.append(chr(int(digits or '0', 8)))
            continue
        elif c.isdigit():
            digits = c
            if i < n and repl[i].isdigit():
                digits += repl[i]
                i += 1
            group = int(digits)
            if group >= pattern.groups + 1:
                raise error('invalid group reference %d' % group, repl, start + 1)
        elif c in _ESCAPES:
            literal.append(_ESCAPES[c])
            continue
        elif c.isascii() and c.isalpha():
            raise error('bad escape %s' % repl[start:i], repl, start)
        else:
            literal.append('\\' + c)
            continue
        if literal:
            pieces.append(''.join(literal))
            literal = []
        pieces.append(group)
    if literal:
        pieces.append(''.join(literal))
    return pieces


def _expand(template, m):
    out = []
    for piece in template:
        if isinstance(piece, int):
            out.append(m.group(piece) or '')
        else:
            out.append(piece)
    return ''.join(out)


_cache = {}


def _compile(pattern, flags):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, str):
        raise TypeError('first argument must be string or compiled pattern')
    if isinstance(flags, RegexFlag):
        flags = flags.value
    key = (pattern, flags)
    cached = _cache.get(key)
    if cached is not None:
        return cached
    native = _sre.compile(pattern, flags)
    if type(native) is tuple:
        if native[2]:
            raise OverflowError(native[0])
        raise error(native[0], pattern, native[1])
    compiled = Pattern(pattern, flags, native)
    if len(_cache) >= 512:
        _cache.clear()
    _cache[key] = compiled
    return compiled


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    _cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags)


_SPECIAL = set('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def escape(pattern):
    if isinstance(pattern, str):
        return ''.join('\\' + c if c in _SPECIAL else c for c in pattern)
    raise TypeError('expected str instance, %s found' % type(pattern).__name__)
