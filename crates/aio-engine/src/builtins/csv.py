# The `csv` module: CPython 3.11.7's Lib/csv.py and its C half _csv, written fresh to their
# documented behaviour and messages. Parsed and run on the first `import csv`.
# reader follows _csv's state machine (quoted fields, doubled quotes, escapechar,
# skipinitialspace, strict, QUOTE_NONNUMERIC floats, records over several lines, line_num,
# field_size_limit), taking a line that holds a whole plain record at once (split, or its quoted
# fields found with str.find); writer quotes and escapes as _csv does (a field with the
# delimiter, the quotechar or a lineterminator character is quoted, the escapechar escaped, a
# lone empty field written as ""). Dialects: the _csv.Dialect type with its checks and messages,
# the registry, and csv.py's Dialect, excel, excel_tab, unix_dialect, DictReader and DictWriter.
# Errors are _csv.Error. Readers take any iterable of strings, writers any object with a write
# method. The statements marked `# tb:` show as csv.py's lines in tracebacks; _csv's own frames
# are C, so they show none.
# Left out: Sniffer.

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE",
           "Error", "Dialect", "__doc__", "excel", "excel_tab",
           "field_size_limit", "reader", "writer",
           "register_dialect", "get_dialect", "list_dialects", "Sniffer",
           "unregister_dialect", "__version__", "DictReader", "DictWriter",
           "unix_dialect"]

__version__ = "1.0"
QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = 0, 1, 2, 3

_limit = [128 * 1024]  # (a list: field_size_limit sets it in place)
_dialects = {}
_UNSET = object()


class Error(Exception):
    __module__ = '_csv'


def _char(name, value, none_ok):
    # a one-character setting (None allowed for escapechar and quotechar)
    if value is None and none_ok:
        return None
    if not isinstance(value, str):
        if none_ok:
            raise TypeError('"%s" must be string or None, not %s' % (name, type(value).__name__))
        raise TypeError('"%s" must be string, not %s' % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


_NAMES = ('delimiter', 'doublequote', 'escapechar', 'lineterminator', 'quotechar', 'quoting',
          'skipinitialspace', 'strict')


class Dialect:
    # _csv.Dialect: the checked, read-only settings a reader or writer works with
    __module__ = '_csv'
    __slots__ = ('_settings',)

    def __new__(cls, dialect=None, **kwargs):
        for key in kwargs:
            if key not in _NAMES:
                raise TypeError("'%s' is an invalid keyword argument for this function" % key)
        if dialect is not None:
            if isinstance(dialect, str):
                dialect = get_dialect(dialect)
            if isinstance(dialect, _Dialect) and not kwargs:
                return dialect
            for key in _NAMES:
                if key not in kwargs:
                    value = getattr(dialect, key, _UNSET)
                    if value is not _UNSET:
                        kwargs[key] = value
        get = kwargs.get
        delimiter = _char('delimiter', get('delimiter', ','), False)
        doublequote = bool(get('doublequote', True))
        escapechar = _char('escapechar', get('escapechar'), True)
        lineterminator = get('lineterminator', '\r\n')
        if lineterminator is not None and not isinstance(lineterminator, str):
            raise TypeError('"lineterminator" must be a string')
        quotechar = _char('quotechar', get('quotechar', '"'), True)
        quoting = get('quoting', QUOTE_MINIMAL)
        if type(quoting) is not int:
            raise TypeError('"quoting" must be an integer')
        skipinitialspace = bool(get('skipinitialspace', False))
        strict = bool(get('strict', False))
        if quoting not in (0, 1, 2, 3):
            raise TypeError('bad "quoting" value')
        if 'quotechar' in kwargs and kwargs['quotechar'] is None and 'quoting' not in kwargs:
            quoting = QUOTE_NONE
        if quoting != QUOTE_NONE and quotechar is None:
            raise TypeError("quotechar must be set if quoting enabled")
        if lineterminator is None:
            raise TypeError("lineterminator must be set")
        self = object.__new__(cls)
        object.__setattr__(self, '_settings', (delimiter, doublequote, escapechar, lineterminator,
                                               quotechar, quoting, skipinitialspace, strict))
        return self

    delimiter = property(lambda self: self._settings[0])
    doublequote = property(lambda self: self._settings[1])
    escapechar = property(lambda self: self._settings[2])
    lineterminator = property(lambda self: self._settings[3])
    quotechar = property(lambda self: self._settings[4])
    quoting = property(lambda self: self._settings[5])
    skipinitialspace = property(lambda self: self._settings[6])
    strict = property(lambda self: self._settings[7])

    def __setattr__(self, name, value):
        if name in ('doublequote', 'skipinitialspace', 'strict'):
            raise AttributeError('readonly attribute')
        if name in _NAMES:
            raise AttributeError("attribute '%s' of '_csv.Dialect' objects is not writable" % name)
        raise AttributeError("'_csv.Dialect' object has no attribute '%s'" % name)


_Dialect = Dialect


def _call_dialect(args, kwargs):
    # reader(f, dialect, **kw) / writer(f, dialect, **kw): the dialect as _csv makes it
    if len(args) == 2:
        if 'dialect' in kwargs:
            raise TypeError("argument for function given by name ('dialect') and position (1)")
        return _Dialect(args[1], **kwargs)
    return _Dialect(**kwargs)


def register_dialect(*args, **kwargs):
    _check_args(args)
    name = args[0]
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = _call_dialect(args, kwargs)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except KeyError:
        pass
    raise Error("unknown dialect")


def list_dialects():
    return list(_dialects)


def field_size_limit(*args, **kwargs):
    if 'new_limit' in kwargs:
        args = args + (kwargs.pop('new_limit'),)
    if len(args) > 1:
        raise TypeError("field_size_limit() takes at most 1 argument (%d given)" % len(args))
    old = _limit[0]
    if args:
        if type(args[0]) is not int:
            raise TypeError("limit must be an integer")
        _limit[0] = args[0]
    return old


# the reader's states, as _csv names them
(_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD, _ESCAPE_IN_QUOTED_FIELD,
 _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL, _AFTER_ESCAPED_CRNL) = range(9)


def _next_special(line, i, chars):
    # where the first of chars (None: absent) is in line from i, or len(line)
    end = len(line)
    for c in chars:
        if c is not None:
            k = line.find(c, i, end)
            if k >= 0:
                end = k
    return end


def _split_quoted(body, delim, quote, doublequote, nonnumeric):
    # the fields of a whole record on one line whose quoted fields each end on it just before
    # a delimiter or the end (as the state machine reads them); None for any other line
    fields = []
    i = 0
    n = len(body)
    while True:
        if i < n and body[i] == quote:
            parts = []
            i += 1
            while True:
                j = body.find(quote, i)
                if j < 0:
                    return None
                parts.append(body[i:j])
                i = j + 1
                if doublequote and i < n and body[i] == quote:
                    parts.append(quote)
                    i += 1
                else:
                    break
            fields.append(''.join(parts))
            if i == n:
                return fields
            if body[i] != delim:
                return None
            i += 1
        else:
            j = body.find(delim, i)
            if j < 0:
                j = n
            field = body[i:j]
            fields.append(float(field) if nonnumeric and field else field)
            if j == n:
                return fields
            i = j + 1


class reader:
    __module__ = '_csv'

    def __init__(self, lines, dialect):
        self._lines = lines
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        # _csv's state machine, one character at a time except for runs of ordinary
        # characters inside a field, which are taken at once
        d = self.dialect
        delim, esc, strict = d.delimiter, d.escapechar, d.strict
        quote = None if d.quoting == QUOTE_NONE else d.quotechar
        nonnumeric = d.quoting == QUOTE_NONNUMERIC
        skipspace = d.skipinitialspace
        plain_stops = (delim, esc, '\n', '\r')
        quoted_stops = (esc, quote)
        limit = _limit[0]
        fields = []
        field = []
        size = 0
        numeric = False
        state = _START_RECORD
        while True:
            line = next(self._lines, _UNSET)
            if line is _UNSET:
                if size or state == _IN_QUOTED_FIELD:
                    if strict:
                        raise Error("unexpected end of data")
                    break
                raise StopIteration
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %s "
                            "(the file should be opened in text mode)" % type(line).__name__)
            self.line_num += 1
            if state == _START_RECORD:
                body = line.rstrip('\r\n')
                if ('\r' not in body and '\n' not in body and (esc is None or esc not in body)
                        and not skipspace and len(body) < limit):
                    if quote is None or quote not in body:
                        # nothing to unquote or unescape: split at once
                        if not body:
                            return []
                        fields = body.split(delim)
                        if nonnumeric:
                            fields = [float(f) if f else f for f in fields]
                        return fields
                    fields = _split_quoted(body, delim, quote, d.doublequote, nonnumeric)
                    if fields is not None:
                        return fields
                    fields = []
            i = 0
            n = len(line)
            while i < n:
                c = line[i]
                if state == _IN_FIELD or state == _AFTER_ESCAPED_CRNL:
                    j = _next_special(line, i, plain_stops)
                    if j > i:
                        field.append(line[i:j])
                        size += j - i
                        if size > limit:
                            raise Error("field larger than field limit (%d)" % limit)
                        i = j
                        continue
                    if c == '\n' or c == '\r':
                        state = _EAT_CRNL
                    elif c == esc:
                        state = _ESCAPED_CHAR
                        i += 1
                        continue
                    else:
                        state = _START_FIELD
                elif state == _IN_QUOTED_FIELD:
                    j = _next_special(line, i, quoted_stops)
                    if j > i:
                        field.append(line[i:j])
                        size += j - i
                        if size > limit:
                            raise Error("field larger than field limit (%d)" % limit)
                        i = j
                        continue
                    if c == esc:
                        state = _ESCAPE_IN_QUOTED_FIELD
                    else:
                        state = _QUOTE_IN_QUOTED_FIELD if d.doublequote else _IN_FIELD
                    i += 1
                    continue
                elif state == _EAT_CRNL:
                    if c != '\n' and c != '\r':
                        raise Error("new-line character seen in unquoted field - "
                                    "do you need to open the file in universal-newline mode?")
                    i += 1
                    continue
                else:
                    add = None
                    if state == _START_RECORD:
                        if c == '\n' or c == '\r':
                            state = _EAT_CRNL
                            i += 1
                            continue
                        state = _START_FIELD
                    if state == _START_FIELD:
                        if c == '\n' or c == '\r':
                            state = _EAT_CRNL
                        elif c == quote:
                            state = _IN_QUOTED_FIELD
                            i += 1
                            continue
                        elif c == esc:
                            state = _ESCAPED_CHAR
                            i += 1
                            continue
                        elif c == ' ' and skipspace:
                            i += 1
                            continue
                        elif c != delim:
                            if nonnumeric:
                                numeric = True
                            add = c
                            state = _IN_FIELD
                    elif state == _ESCAPED_CHAR:
                        add = c
                        state = _AFTER_ESCAPED_CRNL if c == '\n' or c == '\r' else _IN_FIELD
                    elif state == _ESCAPE_IN_QUOTED_FIELD:
                        add = c
                        state = _IN_QUOTED_FIELD
                    else:  # _QUOTE_IN_QUOTED_FIELD
                        if c == quote:
                            add = c
                            state = _IN_QUOTED_FIELD
                        elif c == delim:
                            state = _START_FIELD
                        elif c == '\n' or c == '\r':
                            state = _EAT_CRNL
                        elif not strict:
                            add = c
                            state = _IN_FIELD
                        else:
                            raise Error("'%s' expected after '%s'" % (delim, d.quotechar))
                    if add is not None:
                        if size >= limit:
                            raise Error("field larger than field limit (%d)" % limit)
                        field.append(add)
                        size += 1
                        i += 1
                        continue
                # here the field ends: at a delimiter (state _START_FIELD) or a line break
                # (_EAT_CRNL)
                value = ''.join(field)
                field = []
                size = 0
                if numeric:
                    numeric = False
                    value = float(value)
                fields.append(value)
                i += 1
            # the end of the line
            if state in (_START_FIELD, _IN_FIELD, _QUOTE_IN_QUOTED_FIELD):
                state = _START_RECORD
            elif state == _EAT_CRNL:
                return fields
            elif state == _ESCAPED_CHAR or state == _ESCAPE_IN_QUOTED_FIELD:
                if size >= limit:
                    raise Error("field larger than field limit (%d)" % limit)
                field.append('\n')
                size += 1
                state = _IN_FIELD if state == _ESCAPED_CHAR else _IN_QUOTED_FIELD
                continue
            else:
                # _START_RECORD (an empty line), _AFTER_ESCAPED_CRNL, _IN_QUOTED_FIELD: the
                # record goes on unless it is the empty line
                if state == _START_RECORD:
                    return fields
                continue
            value = ''.join(field)
            field = []
            size = 0
            if numeric:
                numeric = False
                value = float(value)
            fields.append(value)
            return fields
        # the end of the data inside a record (not strict): its last field as it is
        value = ''.join(field)
        if numeric:
            value = float(value)
        fields.append(value)
        return fields


_Reader = reader


def _check_args(args):
    if not args:
        raise TypeError(" expected at least 1 argument, got 0")
    if len(args) > 2:
        raise TypeError(" expected at most 2 arguments, got %d" % len(args))


def reader(*args, **kwargs):
    _check_args(args)
    lines = iter(args[0])
    return _Reader(lines, _call_dialect(args, kwargs))


def _is_number(x):
    # PyNumber_Check: an int, a float, or anything with __index__, __int__ or __float__
    if isinstance(x, (int, float)):
        return True
    if isinstance(x, str):
        return False
    t = type(x)
    return hasattr(t, '__index__') or hasattr(t, '__int__') or hasattr(t, '__float__')


class writer:
    __module__ = '_csv'

    def __init__(self, write, dialect):
        self._write = write
        self.dialect = dialect
        # the characters that make a field need quotes or escapes
        self._specials = [c for c in (dialect.delimiter, dialect.escapechar, dialect.quotechar)
                          + tuple(dialect.lineterminator) if c is not None]

    def _field(self, field, quoted):
        d = self.dialect
        for c in self._specials:
            if c in field:
                break
        else:
            return d.quotechar + field + d.quotechar if quoted else field
        if d.escapechar is None and d.doublequote and d.quoting != QUOTE_NONE:
            # (the usual case: no escapes, and any special character means quotes)
            q = d.quotechar
            return q + field.replace(q, q + q) + q
        out = []
        for c in field:
            if c == d.delimiter or c == d.escapechar or c == d.quotechar or c in d.lineterminator:
                escape = False
                if d.quoting == QUOTE_NONE:
                    escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            out.append(c)
                        else:
                            escape = True
                    elif c == d.escapechar:
                        escape = True
                    if not escape:
                        quoted = True
                if escape:
                    if d.escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    out.append(d.escapechar)
            out.append(c)
        field = ''.join(out)
        return d.quotechar + field + d.quotechar if quoted else field

    def writerow(self, row):
        d = self.dialect
        try:
            fields = iter(row)
        except TypeError:
            fields = None
        if fields is None:
            raise Error("iterable expected, not %s" % type(row).__name__)
        parts = []
        quoting = d.quoting
        for field in fields:
            if quoting == QUOTE_NONNUMERIC:
                quoted = not _is_number(field)
            else:
                quoted = quoting == QUOTE_ALL
            if field is None:
                field = ''
            elif not isinstance(field, str):
                field = str(field)
            parts.append(self._field(field, quoted))
        if len(parts) == 1 and parts[0] == '':
            if d.quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            parts[0] = d.quotechar * 2
        return self._write(d.delimiter.join(parts) + d.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


_Writer = writer


def writer(*args, **kwargs):
    _check_args(args)
    write = getattr(args[0], 'write', None)
    if write is None or not callable(write):
        raise TypeError('argument 1 must have a "write" method')
    return _Writer(write, _call_dialect(args, kwargs))


# --- csv.py

class Dialect:
    __module__ = 'csv'
    _name = ""
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        self._validate()  # tb: csv.py:45

    def _validate(self):
        try:
            _Dialect(self)  # tb: csv.py:49
        except TypeError as e:
            raise Error(str(e))  # tb: csv.py:52


class excel(Dialect):
    __module__ = 'csv'
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


register_dialect("excel", excel)


class excel_tab(excel):
    __module__ = 'csv'
    delimiter = '\t'


register_dialect("excel-tab", excel_tab)


class unix_dialect(Dialect):
    __module__ = 'csv'
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


register_dialect("unix", unix_dialect)


class DictReader:
    __module__ = 'csv'

    def __init__(self, f, fieldnames=None, restkey=None, restval=None,
                 dialect="excel", *args, **kwds):
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)  # tb: csv.py:86
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)  # tb: csv.py:97
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames  # tb: csv.py:110
        row = next(self.reader)  # tb: csv.py:111
        self.line_num = self.reader.line_num
        # blank lines are skipped, not read as rows of restvals
        while row == []:
            row = next(self.reader)  # tb: csv.py:118
        d = dict(zip(self.fieldnames, row))  # tb: csv.py:119
        lf = len(self.fieldnames)  # tb: csv.py:120
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]  # tb: csv.py:123
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval  # tb: csv.py:126
        return d


class DictWriter:
    __module__ = 'csv'

    def __init__(self, f, fieldnames, restval="", extrasaction="raise",
                 dialect="excel", *args, **kwds):
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):  # tb: csv.py:135
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'"  # tb: csv.py:136
                             % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)  # tb: csv.py:139

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))  # tb: csv.py:142
        return self.writerow(header)  # tb: csv.py:143

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = rowdict.keys() - self.fieldnames  # tb: csv.py:147
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: "  # tb: csv.py:149
                                 + ", ".join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)  # tb: csv.py:151

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))  # tb: csv.py:154

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))  # tb: csv.py:157
