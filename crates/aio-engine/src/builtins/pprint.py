# The `pprint` module: CPython 3.11.7's Lib/pprint.py, written fresh to its documented
# behaviour, layout and messages. Parsed and run on the first `import pprint`.
# pprint, pformat, pp, saferepr, isreadable, isrecursive and PrettyPrinter (indent, width,
# depth, stream, compact, sort_dicts, underscore_numbers) lay out dicts, lists, tuples, sets,
# frozensets, strs (cut into chunks at whitespace), bytes, bytearrays, mappingproxies,
# SimpleNamespaces, dataclasses and collections' OrderedDict, defaultdict, Counter, ChainMap
# and deque (and UserDict, UserList, UserString where they exist) as CPython does, with its
# recursion and depth markers.
# CPython picks a layout by the object's type's __repr__ (`type(x).__repr__ is dict.__repr__`);
# the engine makes a builtin's method anew on each access, so here the class that supplies the
# repr is found on the __mro__ instead (a builtin type, or the first class defining __repr__):
# a subclass that overrides __repr__ keeps its own repr, as in CPython.
# collections, types and dataclasses are not imported here: an object can only be one of
# their classes if its module was imported already, so they are looked up in sys.modules.
# A dataclass is laid out field by field only when its __repr__ is the generated one (CPython
# tells by __wrapped__, the engine's by the code coming from its dataclasses module).
# Dict keys and set items that are all strs (or all numbers) are sorted by themselves, not through
# _safe_key: the same comparisons, several times faster here. Strings are cut after runs of
# whitespace as re's \S*\s* cuts them (\x1c-\x1f counted, which the engine's isspace misses).
# Left out: _perfcheck; PrettyPrinter._dispatch is keyed by classes' Python-defined __repr__
# functions only (an entry a program adds for its own class works).

import sys as _sys

__all__ = ['pprint', 'pformat', 'isreadable', 'isrecursive', 'saferepr', 'PrettyPrinter', 'pp']


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False,
           sort_dicts=True, underscore_numbers=False):
    printer = PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth,  # tb: pprint.py:51 printer = PrettyPrinter(
                            compact=compact, sort_dicts=sort_dicts,
                            underscore_numbers=underscore_numbers)
    printer.pprint(object)  # tb: pprint.py:55


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
            underscore_numbers=False):
    return PrettyPrinter(indent=indent, width=width, depth=depth,  # tb: pprint.py:60
                         compact=compact, sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)  # tb: pprint.py:62


def pp(object, *args, sort_dicts=False, **kwargs):
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)  # tb: pprint.py:66


def saferepr(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[0]  # tb: pprint.py:70


def isreadable(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[1]  # tb: pprint.py:74


def isrecursive(object):
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[2]  # tb: pprint.py:78


class _safe_key:
    # orders anything: values that cannot be compared go by type name, then id
    __slots__ = ['obj']

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj  # tb: pprint.py:98
        except TypeError:
            return (str(type(self.obj)), id(self.obj)) < (str(type(other.obj)), id(other.obj))  # tb: pprint.py:100 return ((str(type(self.obj)), id(self.obj)) < \


def _safe_tuple(t):
    return _safe_key(t[0]), _safe_key(t[1])


def _first(t):
    return t[0]


_STRS = frozenset({str})
_NUMS = frozenset({int, float, bool})


def _sorted_items(items):
    # keys all strs, or all numbers, cannot fail to compare: sorting by the key itself makes
    # the same comparisons as _safe_tuple does (dict keys are distinct), only faster
    items = list(items)
    kinds = {type(k) for k, _ in items}
    if kinds <= _STRS or kinds <= _NUMS:
        return sorted(items, key=_first)
    return sorted(items, key=_safe_tuple)


def _sorted_elements(elements):
    kinds = {type(e) for e in elements}
    if kinds <= _STRS or kinds <= _NUMS:
        return sorted(elements)
    return sorted(elements, key=_safe_key)


class _Collector:
    # pformat's stream (io.StringIO without importing io)
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def getvalue(self):
        return ''.join(self.parts)


def _repr_owner(cls):
    # the class whose __repr__ `cls` uses: a builtin type (whose __dict__ the engine leaves
    # empty) or the first class on the __mro__ that defines one
    owner = _builtin_owners.get(cls)
    if owner is not None:
        return owner
    for c in cls.__mro__:
        if c.__module__ == 'builtins' or '__repr__' in c.__dict__:
            if cls.__module__ == 'builtins':  # (a Python class's __repr__ may be replaced)
                _builtin_owners[cls] = c
            return c
    return object


# (filled as builtin types are met; a builtin's repr cannot be replaced)
_builtin_owners = {int: int, dict: dict, list: list, tuple: tuple}


def _layout_of(cls):
    # the PrettyPrinter method laying out instances of `cls`, or None
    owner = _repr_owner(cls)
    name = _BUILTIN_LAYOUTS.get(owner)
    if name is None:
        found = _MODULE_LAYOUTS.get(owner.__name__)
        if found is not None:
            module = _sys.modules.get(found[0])
            try:
                if module is not None and getattr(module, found[1], None) is owner:
                    name = found[2]
            except Exception:  # the engine's collections refuses some names it lacks
                pass
    return None if name is None else getattr(PrettyPrinter, name)


def _generated_dataclass_repr(object):
    if 'dataclasses' not in _sys.modules or isinstance(object, type):
        return False
    if not hasattr(type(object), '__dataclass_fields__'):
        return False
    if not object.__dataclass_params__.repr:
        return False
    method = object.__repr__
    wrapped = getattr(method, '__wrapped__', None)
    if wrapped is not None:
        return '__create_fn__' in wrapped.__qualname__
    code = getattr(getattr(method, '__func__', None), '__code__', None)
    return getattr(code, 'co_filename', None) == '<dataclasses>'


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False,
                 sort_dicts=True, underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError('indent must be >= 0')  # tb: pprint.py:135
        if depth is not None and depth <= 0:
            raise ValueError('depth must be > 0')  # tb: pprint.py:137
        if not width:
            raise ValueError('width must be != 0')  # tb: pprint.py:139
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        self._stream = stream if stream is not None else _sys.stdout
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    # a program may add layouts keyed by its classes' __repr__ functions
    _dispatch = {}

    def pprint(self, object):
        if self._stream is not None:
            self._format(object, self._stream, 0, 0, {}, 0)  # tb: pprint.py:153
            self._stream.write('\n')

    def pformat(self, object):
        out = _Collector()
        self._format(object, out, 0, 0, {}, 0)  # tb: pprint.py:158
        return out.getvalue()

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]  # tb: pprint.py:162

    def isreadable(self, object):
        _, readable, recursive = self.format(object, {}, 0, 0)  # tb: pprint.py:165 s, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    def format(self, object, context, maxlevels, level):
        return self._safe_repr(object, context, maxlevels, level)  # tb: pprint.py:468

    def _format(self, object, stream, indent, allowance, context, level):
        objid = id(object)
        if objid in context:
            stream.write(_recursion(object))
            self._recursive = True
            self._readable = False
            return
        rep = self._repr(object, context, level)  # tb: pprint.py:175
        if len(rep) > self._width - indent - allowance:
            layout = None
            if self._dispatch:  # a program's own layouts come first, as in CPython
                layout = self._dispatch.get(getattr(type(object), '__repr__', None))
            if layout is None:
                layout = _layout_of(type(object))
            if layout is None and _generated_dataclass_repr(object):
                layout = PrettyPrinter._pprint_dataclass
            if layout is not None:
                context[objid] = 1
                layout(self, object, stream, indent, allowance, context, level + 1)  # tb: pprint.py:181 p(self, object, stream, indent, allowance, context, level + 1)
                del context[objid]
                return
        stream.write(rep)

    def _repr(self, object, context, level):
        repr, readable, recursive = self.format(object, context.copy(), self._depth, level)  # tb: pprint.py:455 repr, readable, recursive = self.format(object, context.copy(),
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return repr

    # --- layouts, each called with the object's opening column and the room its closers need

    def _pprint_dataclass(self, object, stream, indent, allowance, context, level):
        name = object.__class__.__name__
        import dataclasses
        items = [(f.name, getattr(object, f.name)) for f in dataclasses.fields(object) if f.repr]
        stream.write(name + '(')
        self._format_namespace_items(items, stream, indent + len(name) + 1, allowance, context,
                                     level)
        stream.write(')')

    def _pprint_dict(self, object, stream, indent, allowance, context, level):
        stream.write('{')
        if self._indent_per_level > 1:
            stream.write(' ' * (self._indent_per_level - 1))
        if len(object):
            items = object.items()
            if self._sort_dicts:
                items = _sorted_items(items)  # tb: pprint.py:214 items = sorted(object.items(), key=_safe_tuple)
            self._format_dict_items(items, stream, indent, allowance + 1, context, level)
        stream.write('}')

    def _pprint_ordered_dict(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + '(')
        self._format(list(object.items()), stream, indent + len(name) + 1, allowance + 1,
                     context, level)
        stream.write(')')

    def _pprint_list(self, object, stream, indent, allowance, context, level):
        stream.write('[')
        self._format_items(object, stream, indent, allowance + 1, context, level)
        stream.write(']')

    def _pprint_tuple(self, object, stream, indent, allowance, context, level):
        close = ',)' if len(object) == 1 else ')'
        stream.write('(')
        self._format_items(object, stream, indent, allowance + len(close), context, level)
        stream.write(close)

    def _pprint_set(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        cls = object.__class__
        if cls is set:
            stream.write('{')
            close = '}'
        else:
            stream.write(cls.__name__ + '({')
            close = '})'
            indent += len(cls.__name__) + 1
        object = _sorted_elements(object)  # tb: pprint.py:265 object = sorted(object, key=_safe_key)
        self._format_items(object, stream, indent, allowance + len(close), context, level)
        stream.write(close)

    def _pprint_str(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        chunks = []
        lines = object.splitlines(True)
        if level == 1:  # a top-level string gets parentheses
            indent += 1
            allowance += 1
        room = room_last = self._width - indent
        for i, line in enumerate(lines):
            rep = repr(line)
            last_line = i == len(lines) - 1
            if last_line:
                room_last -= allowance
            if len(rep) <= room_last:
                chunks.append(rep)
                continue
            # cut after each run of whitespace (re's \S*\s*), filling chunks greedily
            # (\x1c-\x1f are whitespace too; the engine's str.isspace says no)
            parts = []
            start, n = 0, len(line)
            while start < n:
                end = start
                while end < n and not (line[end].isspace() or line[end] in _SEPARATORS):
                    end += 1
                while end < n and (line[end].isspace() or line[end] in _SEPARATORS):
                    end += 1
                parts.append(line[start:end])
                start = end
            limit = room
            current = ''
            for j, part in enumerate(parts):
                candidate = current + part
                if last_line and j == len(parts) - 1:
                    limit -= allowance
                if len(repr(candidate)) > limit:
                    if current:
                        chunks.append(repr(current))
                    current = part
                else:
                    current = candidate
            if current:
                chunks.append(repr(current))
        if len(chunks) == 1:
            stream.write(rep)
            return
        if level == 1:
            stream.write('(')
        stream.write(('\n' + ' ' * indent).join(chunks))
        if level == 1:
            stream.write(')')

    def _pprint_bytes(self, object, stream, indent, allowance, context, level):
        if len(object) <= 4:
            stream.write(repr(object))
            return
        top = level == 1
        if top:
            indent += 1
            allowance += 1
            stream.write('(')
        # whole groups of 4 bytes, filled greedily
        width = self._width - indent
        last = len(object) // 4 * 4
        chunks = []
        current = b''
        for i in range(0, len(object), 4):
            part = object[i:i + 4]
            candidate = current + part
            if i == last:
                width -= allowance
            if len(repr(candidate)) > width:
                if current:
                    chunks.append(repr(current))
                current = part
            else:
                current = candidate
        if current:
            chunks.append(repr(current))
        stream.write(('\n' + ' ' * indent).join(chunks))
        if top:
            stream.write(')')

    def _pprint_bytearray(self, object, stream, indent, allowance, context, level):
        stream.write('bytearray(')
        self._pprint_bytes(bytes(object), stream, indent + 10, allowance + 1, context,
                           level + 1)
        stream.write(')')

    def _pprint_mappingproxy(self, object, stream, indent, allowance, context, level):
        stream.write('mappingproxy(')
        self._format(object.copy(), stream, indent + 13, allowance + 1, context, level)
        stream.write(')')

    def _pprint_simplenamespace(self, object, stream, indent, allowance, context, level):
        cls = type(object)
        # SimpleNamespace itself shows as `namespace`, a subclass by its name
        name = 'namespace' if cls is _sys.modules['types'].SimpleNamespace else cls.__name__
        stream.write(name + '(')
        self._format_namespace_items(object.__dict__.items(), stream, indent + len(name) + 1,
                                     allowance, context, level)
        stream.write(')')

    def _pprint_default_dict(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        factory = self._repr(object.default_factory, context, level)
        name = object.__class__.__name__
        indent += len(name) + 1
        stream.write('%s(%s,\n%s' % (name, factory, ' ' * indent))
        self._pprint_dict(object, stream, indent, allowance + 1, context, level)
        stream.write(')')

    def _pprint_counter(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + '({')
        if self._indent_per_level > 1:
            stream.write(' ' * (self._indent_per_level - 1))
        self._format_dict_items(object.most_common(), stream, indent + len(name) + 1,
                                allowance + 2, context, level)
        stream.write('})')

    def _pprint_chain_map(self, object, stream, indent, allowance, context, level):
        maps = object.maps
        if not len(maps):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + '(')
        indent += len(name) + 1
        for i, m in enumerate(maps):
            if i == len(maps) - 1:
                self._format(m, stream, indent, allowance + 1, context, level)
                stream.write(')')
            else:
                self._format(m, stream, indent, 1, context, level)
                stream.write(',\n' + ' ' * indent)

    def _pprint_deque(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        name = object.__class__.__name__
        stream.write(name + '([')
        indent += len(name) + 1
        if object.maxlen is None:
            self._format_items(object, stream, indent, allowance + 2, context, level)
            stream.write('])')
        else:
            self._format_items(object, stream, indent, 2, context, level)
            maxlen = self._repr(object.maxlen, context, level)
            stream.write('],\n%smaxlen=%s)' % (' ' * indent, maxlen))

    def _pprint_user_data(self, object, stream, indent, allowance, context, level):
        # UserDict, UserList, UserString: their data, at their own level
        self._format(object.data, stream, indent, allowance, context, level - 1)

    # --- the items of a container, one a line (or packed, when compact)

    def _format_dict_items(self, items, stream, indent, allowance, context, level):
        indent += self._indent_per_level
        sep = ',\n' + ' ' * indent
        last_index = len(items) - 1
        for i, (key, value) in enumerate(items):
            last = i == last_index
            rep = self._repr(key, context, level)
            stream.write(rep + ': ')
            self._format(value, stream, indent + len(rep) + 2, allowance if last else 1,
                         context, level)
            if not last:
                stream.write(sep)

    def _format_namespace_items(self, items, stream, indent, allowance, context, level):
        sep = ',\n' + ' ' * indent
        last_index = len(items) - 1
        for i, (key, value) in enumerate(items):
            last = i == last_index
            stream.write(key + '=')
            if id(value) in context:
                stream.write('...')  # as the dataclass repr shows a cycle
            else:
                self._format(value, stream, indent + len(key) + 1, allowance if last else 1,
                             context, level)
            if not last:
                stream.write(sep)

    def _format_items(self, items, stream, indent, allowance, context, level):
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            stream.write(' ' * (self._indent_per_level - 1))
        sep_nl = ',\n' + ' ' * indent
        sep = ''
        # room left on the current line (compact), counting the ', ' after each item
        room = full = self._width - indent + 1
        it = iter(items)
        try:
            following = next(it)
        except StopIteration:
            return
        last = False
        while not last:
            item = following
            try:
                following = next(it)
            except StopIteration:
                last = True
                full -= allowance
                room -= allowance
            if self._compact:
                rep = self._repr(item, context, level)
                need = len(rep) + 2
                if room < need:
                    room = full
                    if sep:
                        sep = sep_nl
                if room >= need:
                    room -= need
                    stream.write(sep)
                    sep = ', '
                    stream.write(rep)
                    continue
            stream.write(sep)
            sep = sep_nl
            self._format(item, stream, indent, allowance if last else 1, context, level)

    # --- one-line reprs, with the depth limit and recursion marks

    def _safe_repr(self, object, context, maxlevels, level):
        typ = type(object)
        if typ in _builtin_scalars:
            return repr(object), True, False
        owner = _builtin_owners.get(typ)
        if owner is None:
            owner = _repr_owner(typ)
        if owner is int:
            if self._underscore_numbers:
                return f'{object:_d}', True, False
            return repr(object), True, False
        if owner is dict:
            if not object:
                return '{}', True, False
            template = '{%s}'
        elif owner is list:
            if not object:
                return '[]', True, False
            template = '[%s]'
        elif owner is tuple:
            if len(object) == 1:
                template = '(%s,)'
            elif not object:
                return '()', True, False
            else:
                template = '(%s)'
        else:
            rep = repr(object)  # tb: pprint.py:629
            return rep, (rep and not rep.startswith('<')), False
        objid = id(object)
        if maxlevels and level >= maxlevels:
            return template % '...', False, objid in context
        if objid in context:
            return _recursion(object), False, True
        context[objid] = 1
        readable = True
        recursive = False
        parts = []
        level += 1
        if owner is dict:
            items = object.items()
            if self._sort_dicts:
                items = _sorted_items(items)  # tb: pprint.py:580 items = sorted(object.items(), key=_safe_tuple)
            for k, v in items:
                krepr, kreadable, krecur = self.format(k, context, maxlevels, level)  # tb: pprint.py:584 krepr, kreadable, krecur = self.format(
                vrepr, vreadable, vrecur = self.format(v, context, maxlevels, level)  # tb: pprint.py:586 vrepr, vreadable, vrecur = self.format(
                parts.append('%s: %s' % (krepr, vrepr))
                readable = readable and kreadable and vreadable
                if krecur or vrecur:
                    recursive = True
        else:
            for o in object:
                orepr, oreadable, orecur = self.format(o, context, maxlevels, level)  # tb: pprint.py:619 orepr, oreadable, orecur = self.format(
                parts.append(orepr)
                if not oreadable:
                    readable = False
                if orecur:
                    recursive = True
        del context[objid]
        return template % ', '.join(parts), readable, recursive


_BUILTIN_LAYOUTS = {
    dict: '_pprint_dict', list: '_pprint_list', tuple: '_pprint_tuple', set: '_pprint_set',
    frozenset: '_pprint_set', str: '_pprint_str', bytes: '_pprint_bytes',
    bytearray: '_pprint_bytearray',
}

# by the name of the class that defines the repr: its module, its name there, its layout
_MODULE_LAYOUTS = {
    'OrderedDict': ('collections', 'OrderedDict', '_pprint_ordered_dict'),
    'defaultdict': ('collections', 'defaultdict', '_pprint_default_dict'),
    'Counter': ('collections', 'Counter', '_pprint_counter'),
    'ChainMap': ('collections', 'ChainMap', '_pprint_chain_map'),
    'deque': ('collections', 'deque', '_pprint_deque'),
    'UserDict': ('collections', 'UserDict', '_pprint_user_data'),
    'UserList': ('collections', 'UserList', '_pprint_user_data'),
    'UserString': ('collections', 'UserString', '_pprint_user_data'),
    'SimpleNamespace': ('types', 'SimpleNamespace', '_pprint_simplenamespace'),
    'mappingproxy': ('types', 'MappingProxyType', '_pprint_mappingproxy'),
}

_builtin_scalars = {str, bytes, bytearray, float, bool, type(None)}
try:
    _builtin_scalars.add(complex)
except NameError:  # the engine has no complex yet
    pass
_builtin_scalars = frozenset(_builtin_scalars)


_SEPARATORS = '\x1c\x1d\x1e\x1f'


def _recursion(object):
    return '<Recursion on %s with id=%s>' % (type(object).__name__, id(object))
