# The `json` module: what learners use of CPython 3.11.7's Lib/json (dumps, dump, loads, load,
# JSONDecodeError, JSONEncoder, JSONDecoder), written fresh to its documented behaviour and to
# the messages of its C accelerator, which CPython uses. Parsed and run on the first
# `import json` only. One module here: `json.decoder` and `json.encoder` are not importable.
# The statements marked `# tb:` show as CPython's lines in tracebacks, for the default
# encoder and decoder (a call with options shows fewer frames than CPython's).
# Left out: parse_constant, the `cls=` argument's subclass hooks beyond `default`, and
# `check_circular=False` (circular structures are always refused).

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']


class JSONDecodeError(ValueError):
    __module__ = 'json.decoder'

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_WHITESPACE = ' \t\n\r'


class _End:
    def __init__(self, end):
        self._end = end

    def end(self):
        return self._end


def _skip(s, end):
    n = len(s)
    while end < n and s[end] in _WHITESPACE:
        end += 1
    return end


def _w(s, end):
    return _End(_skip(s, end))


_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_HEX = '0123456789abcdefABCDEF'


def _uxxxx(s, pos):
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and all(c in _HEX for c in esc):
        return int(esc, 16)
    raise JSONDecodeError('Invalid \\uXXXX escape', s, pos)


def _scanstring(s, end, strict):
    # `end` is just past the opening quote.
    chunks = []
    begin = end - 1
    n = len(s)
    while True:
        start = end
        while end < n and s[end] != '"' and s[end] != '\\' and (s[end] >= ' ' or not strict):
            end += 1
        if end >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        chunks.append(s[start:end])
        terminator = s[end]
        end += 1
        if terminator == '"':
            break
        if terminator != '\\':
            raise JSONDecodeError('Invalid control character at', s, end - 1)
        if end >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        esc = s[end]
        if esc != 'u':
            if esc not in _ESCAPES:
                raise JSONDecodeError('Invalid \\escape', s, end - 1)
            chunks.append(_ESCAPES[esc])
            end += 1
        else:
            uni = _uxxxx(s, end)
            end += 5
            if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
                uni2 = _uxxxx(s, end + 1)
                if 0xdc00 <= uni2 <= 0xdfff:
                    uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                    end += 6
            chunks.append(chr(uni))
    return ''.join(chunks), end


_DIGITS = '0123456789'


def _number(s, idx):
    # -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?  at idx, or None
    n = len(s)
    end = idx
    if end < n and s[end] == '-':
        end += 1
    if end < n and s[end] == '0':
        end += 1
    elif end < n and s[end] in '123456789':
        while end < n and s[end] in _DIGITS:
            end += 1
    else:
        return None
    integer_end = end
    if end + 1 < n and s[end] == '.' and s[end + 1] in _DIGITS:
        end += 2
        while end < n and s[end] in _DIGITS:
            end += 1
    fraction_end = end
    if end < n and s[end] in 'eE':
        exp = end + 1
        if exp < n and s[exp] in '+-':
            exp += 1
        if exp < n and s[exp] in _DIGITS:
            while exp < n and s[exp] in _DIGITS:
                exp += 1
            end = exp
    if end == integer_end:
        return int(s[idx:end]), end
    return float(s[idx:end]), end


class _Scanner:
    def __init__(self, decoder):
        self.strict = decoder.strict
        self.object_hook = decoder.object_hook
        self.object_pairs_hook = decoder.object_pairs_hook
        self.parse_float = decoder.parse_float
        self.parse_int = decoder.parse_int

    def __call__(self, s, idx):
        if idx >= len(s):
            raise StopIteration(idx)
        c = s[idx]
        if c == '"':
            return _scanstring(s, idx + 1, self.strict)
        if c == '{':
            return self.object(s, idx + 1)
        if c == '[':
            return self.array(s, idx + 1)
        if c == 'n' and s[idx:idx + 4] == 'null':
            return None, idx + 4
        if c == 't' and s[idx:idx + 4] == 'true':
            return True, idx + 4
        if c == 'f' and s[idx:idx + 5] == 'false':
            return False, idx + 5
        number = _number(s, idx)
        if number is not None:
            value, end = number
            if isinstance(value, float):
                if self.parse_float is not None:
                    value = self.parse_float(s[idx:end])
            elif self.parse_int is not None:
                value = self.parse_int(s[idx:end])
            return value, end
        if c == 'N' and s[idx:idx + 3] == 'NaN':
            return float('nan'), idx + 3
        if c == 'I' and s[idx:idx + 8] == 'Infinity':
            return float('inf'), idx + 8
        if c == '-' and s[idx:idx + 9] == '-Infinity':
            return float('-inf'), idx + 9
        raise StopIteration(idx)

    def value(self, s, end):
        # A missing value inside an array or object ends the scan as at the top: with a
        # StopIteration that raw_decode turns into "Expecting value" (as CPython's C scanner).
        return self(s, end)

    def object(self, s, end):
        pairs = []
        end = _skip(s, end)
        nextchar = s[end:end + 1]
        if nextchar == '}':
            return self.finish_object(pairs), end + 1
        if nextchar != '"':
            raise JSONDecodeError('Expecting property name enclosed in double quotes', s, end)
        end += 1
        while True:
            key, end = _scanstring(s, end, self.strict)
            end = _skip(s, end)
            if s[end:end + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip(s, end + 1)
            value, end = self.value(s, end)
            pairs.append((key, value))
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == '}':
                break
            if nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar != '"':
                raise JSONDecodeError(
                    'Expecting property name enclosed in double quotes', s, end - 1)
        return self.finish_object(pairs), end

    def finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        result = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(result)
        return result

    def array(self, s, end):
        values = []
        end = _skip(s, end)
        if s[end:end + 1] == ']':
            return values, end + 1
        while True:
            value, end = self.value(s, end)
            values.append(value)
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == ']':
                break
            if nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip(s, end)
        return values, end


class JSONDecoder:
    __module__ = 'json.decoder'

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float
        self.parse_int = parse_int
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.scan_once = _Scanner(self)

    def decode(self, s, _w=_w):
        obj, end = self.raw_decode(s, idx=_w(s, 0).end())  # tb: decoder.py:337
        end = _w(s, end).end()
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)  # tb: decoder.py:340
        return obj

    def raw_decode(self, s, idx=0):
        try:
            obj, end = self.scan_once(s, idx)  # tb: decoder.py:353
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None  # tb: decoder.py:355
        return obj, end


_default_decoder = JSONDecoder()


def _detect_encoding(b):
    # JSON text in bytes is UTF-8 or UTF-16 (told by its BOM or where its zero bytes are)
    if b.startswith((b'\xff\xfe', b'\xfe\xff')):
        return 'utf-16'
    if len(b) >= 2 and not b[0]:
        return 'utf-16-be'
    if len(b) >= 2 and not b[1]:
        return 'utf-16-le'
    return 'utf-8'


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    elif isinstance(s, (bytes, bytearray)):
        s = s.decode(_detect_encoding(s))
    else:
        raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                        f'not {s.__class__.__name__}')
    if (cls is None and object_hook is None and parse_int is None and parse_float is None
            and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)  # tb: __init__.py:346
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    return cls(**kw).decode(s)


def load(fp, **kw):
    return loads(fp.read(), **kw)


_ESCAPED = {'\\': '\\\\', '"': '\\"', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r',
            '\t': '\\t'}


def _encode_string(s, ensure_ascii):
    out = ['"']
    for c in s:
        if c in _ESCAPED:
            out.append(_ESCAPED[c])
        elif c < ' ':
            out.append('\\u%04x' % ord(c))
        elif ensure_ascii and c > '\x7e':
            n = ord(c)
            if n > 0xffff:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff)))
            else:
                out.append('\\u%04x' % n)
        else:
            out.append(c)
    out.append('"')
    return ''.join(out)


class JSONEncoder:
    __module__ = 'json.encoder'
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} '  # tb: encoder.py:180
                        f'is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            return _encode_string(o, self.ensure_ascii)
        chunks = self.iterencode(o, _one_shot=True)  # tb: encoder.py:200
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        _iterencode = _Writer(self).encode
        return _iterencode(o, 0)  # tb: encoder.py:258


class _Writer:
    def __init__(self, encoder):
        self.encoder = encoder
        indent = encoder.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent
        self.markers = {}

    def float(self, o):
        if o != o:
            text = 'NaN'
        elif o == float('inf'):
            text = 'Infinity'
        elif o == float('-inf'):
            text = '-Infinity'
        else:
            return repr(float(o))
        if not self.encoder.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text

    def encode(self, o, level):
        out = []
        self.value(o, level, out)
        return out

    def scalar(self, o):
        if isinstance(o, str):
            return _encode_string(o, self.encoder.ensure_ascii)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return repr(int(o))
        if isinstance(o, float):
            return self.float(o)
        return None

    def value(self, o, level, out):
        text = self.scalar(o)
        if text is not None:
            out.append(text)
        elif isinstance(o, (list, tuple)):
            self.array(o, level, out)
        elif isinstance(o, dict):
            self.object(o, level, out)
        else:
            self.enter(o)
            self.value(self.encoder.default(o), level, out)
            self.leave(o)

    def enter(self, o):
        if id(o) in self.markers:
            raise ValueError('Circular reference detected')
        self.markers[id(o)] = o

    def leave(self, o):
        del self.markers[id(o)]

    def open(self, level):
        if self.indent is None:
            return None, self.encoder.item_separator
        newline = '\n' + self.indent * (level + 1)
        return newline, self.encoder.item_separator + newline

    def array(self, items, level, out):
        if not items:
            out.append('[]')
            return
        self.enter(items)
        newline, separator = self.open(level)
        out.append('[' if newline is None else '[' + newline)
        first = True
        for item in items:
            if not first:
                out.append(separator)
            first = False
            self.value(item, level + 1, out)
        if newline is not None:
            out.append('\n' + self.indent * level)
        out.append(']')
        self.leave(items)

    def key(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self.float(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return repr(int(key))
        if self.encoder.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, '
                        f'not {key.__class__.__name__}')

    def object(self, mapping, level, out):
        if not mapping:
            out.append('{}')
            return
        self.enter(mapping)
        newline, separator = self.open(level)
        out.append('{' if newline is None else '{' + newline)
        items = sorted(mapping.items()) if self.encoder.sort_keys else mapping.items()
        first = True
        for key, value in items:
            key = self.key(key)
            if key is None:
                continue
            if not first:
                out.append(separator)
            first = False
            out.append(_encode_string(key, self.encoder.ensure_ascii))
            out.append(self.encoder.key_separator)
            self.value(value, level + 1, out)
        if newline is not None:
            out.append('\n' + self.indent * level)
        out.append('}')
        self.leave(mapping)


_default_encoder = JSONEncoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None
            and indent is None and separators is None and default is None
            and not sort_keys and not kw):
        return _default_encoder.encode(obj)  # tb: __init__.py:231
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))
