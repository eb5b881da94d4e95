# The `string` module: CPython 3.11.7's Lib/string.py, written fresh to its documented behaviour
# and messages. Parsed and run on the first `import string`.
# The engine has no `re`, so Template's pattern is a small hand-written scanner with the parts
# of a compiled pattern Template uses (sub, finditer, and match objects' group and start). It
# finds what CPython's default pattern finds: $$, $identifier and ${identifier} (identifiers are
# ASCII: a letter or _, then letters, digits, _), and a $ followed by anything else is invalid.
# A subclass may change `delimiter`; a custom idpattern, braceidpattern, flags or pattern needs
# a regular expression, and raises NotImplementedError. The statements marked `# tb:` show as
# CPython's lines in tracebacks.
# Left out: Formatter.

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits',
           'hexdigits', 'octdigits', 'printable', 'punctuation', 'whitespace', 'Template']

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join([word.capitalize() for word in s.split(sep)])


_ID_START = frozenset(ascii_letters + '_')
_ID_REST = frozenset(ascii_letters + digits + '_')


class _Match:
    # a match of the template pattern: `spans` maps each group that took part to its span
    def __init__(self, string, start, end, spans):
        self.string = string
        self._start = start
        self._end = end
        self._spans = spans

    def group(self, name=0):
        if name == 0:
            return self.string[self._start:self._end]
        span = self._spans.get(name)
        return None if span is None else self.string[span[0]:span[1]]

    def start(self, name=0):
        return self._start if name == 0 else self._spans.get(name, (-1, -1))[0]

    def end(self, name=0):
        return self._end if name == 0 else self._spans.get(name, (-1, -1))[1]

    def span(self, name=0):
        return (self.start(name), self.end(name))


class _Pattern:
    # stands for re.compile(<Template's pattern>, re.IGNORECASE | re.VERBOSE), with the
    # default idpattern; tries the alternatives in the pattern's order at each delimiter
    # (slices, not startswith(x, i): the engine's startswith ignores its start argument)
    def __init__(self, delimiter):
        self.delimiter = delimiter

    def _identifier_end(self, string, i):
        if i < len(string) and string[i] in _ID_START:
            i += 1
            while i < len(string) and string[i] in _ID_REST:
                i += 1
            return i
        return -1

    def finditer(self, string):
        delim = self.delimiter
        size = len(delim)
        pos = 0
        while True:
            start = string.find(delim, pos)
            if start < 0 or not delim:
                return
            after = start + size
            if string[after:after + size] == delim:
                end = after + size
                spans = {'escaped': (after, end)}
            else:
                name_end = self._identifier_end(string, after)
                if name_end > after:
                    end = name_end
                    spans = {'named': (after, end)}
                else:
                    name_end = -1
                    if string[after:after + 1] == '{':
                        name_end = self._identifier_end(string, after + 1)
                    if name_end > after + 1 and string[name_end:name_end + 1] == '}':
                        end = name_end + 1
                        spans = {'braced': (after + 1, name_end)}
                    else:
                        end = after  # the invalid group matches the empty string
                        spans = {'invalid': (after, after)}
            yield _Match(string, start, end, spans)
            pos = end

    def sub(self, repl, string):
        parts = []
        pos = 0
        for mo in self.finditer(string):
            parts.append(string[pos:mo.start()])
            parts.append(repl(mo))  # convert is called from C in CPython: no frame
            pos = mo.end()
        parts.append(string[pos:])
        return ''.join(parts)

    def __repr__(self):
        return f'<string.Template pattern for {self.delimiter!r}>'


class _ChainMap:
    # collections.ChainMap's lookup: the keywords first, then the mapping
    def __init__(self, *maps):
        self.maps = list(maps)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]             # can't use 'key in mapping' with defaultdict
            except KeyError:
                pass
        return self.__missing__(key)            # tb: collections/__init__.py:1006

    def __missing__(self, key):
        raise KeyError(key)  # tb: collections/__init__.py:998


_sentinel_dict = {}


class Template:
    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init_subclass__(cls):
        super().__init_subclass__()
        for name in ('pattern', 'idpattern', 'braceidpattern', 'flags'):
            if name in cls.__dict__:
                raise NotImplementedError(
                    f'string.Template.{name} is not in this page\'s Python yet '
                    f'(see "What runs in the page" in the book)')
        cls.pattern = _Pattern(cls.delimiter)

    def __init__(self, template):
        self.template = template

    def _invalid(self, mo):
        i = mo.start('invalid')
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %  # tb: string.py:101
                         (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                return str(mapping[named])  # tb: string.py:114
            if mo.group('escaped') is not None:
                return self.delimiter
            self._invalid(mo)  # tb: string.py:118

        return self.pattern.sub(convert, self.template)  # tb: string.py:121

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                try:
                    return str(mapping[named])  # tb: string.py:133
                except KeyError:
                    return mo.group()
            if mo.group('escaped') is not None:
                return self.delimiter
            return mo.group()  # invalid: the delimiter stays as it is

        return self.pattern.sub(convert, self.template)  # tb: string.py:142

    def is_valid(self):
        for mo in self.pattern.finditer(self.template):
            if mo.group('invalid') is not None:
                return False
        return True

    def get_identifiers(self):
        ids = []
        for mo in self.pattern.finditer(self.template):
            named = mo.group('named') or mo.group('braced')
            if named is not None and named not in ids:
                ids.append(named)  # the first time each name appears
        return ids


Template.pattern = _Pattern(Template.delimiter)
