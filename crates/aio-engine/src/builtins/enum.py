# The `enum` module: what learners use of CPython 3.11.7's Lib/enum.py, written fresh to its
# documented behaviour, reprs and messages. Parsed and run on the first `import enum`.
# The engine has no __prepare__: the class body arrives in EnumType.__new__ as a plain dict in
# definition order, so auto() values are resolved there, in order (`RW = R | W` on autos is kept
# as an expression until then), and what CPython checks while the body runs (a name assigned
# twice, `_generate_next_value_` after an auto()) is checked afterwards or not at all (a second
# assignment to a member name simply wins).
# A member of an IntEnum, IntFlag, StrEnum or `class C(int, Enum)` is a real int or str.
# Left out: enum.property (a member named `name` or `value` is reachable by Color['name'] only),
# verify/EnumCheck, global_enum, _simple_enum, show_flag_values, dir() of enums, pickling by
# name; Enum('Name', 'A B') puts the new class in __main__ (no sys._getframe here).

# __members__ is a read-only view of the members, as CPython's is.
from types import MappingProxyType as mappingproxy

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'ReprEnum',
           'auto', 'unique', 'member', 'nonmember', 'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT',
           'KEEP']

# filled in as the module defines them; the metaclass makes these classes too and must know
# which of them exist yet
Enum = ReprEnum = Flag = None
STRICT = CONFORM = EJECT = KEEP = None


class nonmember(object):
    # protects a value in an enum body from becoming a member
    def __init__(self, value):
        self.value = value


class member(object):
    # makes a value (a function, say) in an enum body a member
    def __init__(self, value):
        self.value = value


def _function():
    pass


_FUNCTION = type(_function)
# (in the engine both are one native type, not the builtins classmethod and staticmethod)
_CLASSMETHOD = type(classmethod(_function))
_STATICMETHOD = type(staticmethod(_function))


def _read_through_class(obj):
    # what obj gives when read as a class attribute: the function of a staticmethod, a bound
    # method for a classmethod (the engine's classmethod and staticmethod are not types)
    class _Probe:
        pass
    _Probe.attr = obj
    return _Probe.attr


def _is_descriptor(obj):
    # functions, properties, class and static methods stay plain attributes of the class
    if isinstance(obj, (_FUNCTION, property)):
        return True
    if type(obj) in (_CLASSMETHOD, _STATICMETHOD) and callable(_read_through_class(obj)):
        return True
    return hasattr(obj, '__get__') or hasattr(obj, '__set__') or hasattr(obj, '__delete__')


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _is_private(cls_name, name):
    # `__x` in the body of class C is `_C__x` (CPython mangles it before the metaclass sees it)
    if name.startswith('__') and not name.endswith('__'):
        return True
    pattern = '_%s__' % (cls_name, )
    n = len(pattern)
    return (len(name) > n and name.startswith(pattern)
            and (name[-1] != '_' or name[-2] != '_'))


def _qualname(cls):
    return getattr(cls, '__qualname__', cls.__name__)


def _is_single_bit(num):
    if num == 0:
        return False
    return num & (num - 1) == 0


def _bit_count(num):
    # int.bit_count() is not in this engine
    num = abs(num)
    count = 0
    while num:
        num &= num - 1
        count += 1
    return count


def _iter_bits_lsb(num):
    # the set bits of num, lowest first, each as its own power of two
    while num:
        bit = num & (~num + 1)
        yield bit
        num ^= bit


def _high_bit(value):
    # index of the highest set bit, -1 for zero and negatives
    return value.bit_length() - 1


def _bin(num, max_bits=None):
    # two's complement in a form that shows the sign: 0b0 1000 for 8, 0b1 011 for -5
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        sign, digits = '0b0', (bin(num)[2:] if num else '')
    else:
        s = bin(~num ^ (ceiling - 1) + ceiling)
        sign, digits = s[:3], s[3:]
    if max_bits is not None and len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return '%s %s' % (sign, digits)


class _auto_null:
    def __repr__(self):
        return '_auto_null'


_auto_null = _auto_null()


class auto:
    # stands in the class body for a value that _generate_next_value_ gives it
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value, )

    # Without __prepare__ the body sees auto objects, not their values: `RW = R | W` after
    # `R = auto()` is an expression that EnumType.__new__ computes once R and W have values.
    def __or__(self, other):
        return _Deferred(_or, self, other)

    def __ror__(self, other):
        return _Deferred(_or, other, self)

    def __and__(self, other):
        return _Deferred(_and, self, other)

    def __rand__(self, other):
        return _Deferred(_and, other, self)

    def __xor__(self, other):
        return _Deferred(_xor, self, other)

    def __rxor__(self, other):
        return _Deferred(_xor, other, self)

    def __add__(self, other):
        return _Deferred(_add, self, other)

    def __radd__(self, other):
        return _Deferred(_add, other, self)

    def __sub__(self, other):
        return _Deferred(_sub, self, other)

    def __rsub__(self, other):
        return _Deferred(_sub, other, self)

    def __mul__(self, other):
        return _Deferred(_mul, self, other)

    def __rmul__(self, other):
        return _Deferred(_mul, other, self)

    def __invert__(self):
        return _Deferred(_invert, self, None)


def _resolved(x):
    # an operand of a deferred expression, now that the autos before it have values
    if isinstance(x, _Deferred):
        return x.resolve()
    if isinstance(x, auto):
        return x.value
    return x


class _Deferred(auto):
    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right
        self.value = _auto_null

    def resolve(self):
        return self.op(_resolved(self.left), _resolved(self.right))


# the operators an auto() expression in a class body is kept as (see _Deferred)

def _add(a, b):
    return a + b


def _sub(a, b):
    return a - b


def _mul(a, b):
    return a * b


def _and(a, b):
    return a & b


def _or(a, b):
    return a | b


def _xor(a, b):
    return a ^ b


def _invert(a, _):
    return ~a


def _int_new(cls, *args):
    # what makes a member of an int enum, as int.__new__ does
    return int.__new__(cls, *args)


def _str_new(cls, *args):
    # what makes a member of a str enum, as str.__new__ does
    return str.__new__(cls, *args)


# __prepare__ and __set_name__ are named after the CPython frames they stand for in tracebacks.

def __prepare__(metacls, cls, bases):
    # CPython checks this before the body runs; here the body has run already
    metacls._check_for_existing_members_(cls, bases)  # tb: enum.py:485


def __set_name__(enum_class, member_name, value):
    # makes one member (CPython's _proto_member.__set_name__): a new instance, unless its value
    # is already a member's (an alias)
    if not isinstance(value, tuple):
        args = (value, )
    else:
        args = value
    if not enum_class._use_args_:
        enum_member = object.__new__(enum_class)
    else:
        enum_member = enum_class._new_member_(enum_class, *args)  # tb: enum.py:259
    if not hasattr(enum_member, '_value_'):
        if enum_class._member_type_ is object:
            enum_member._value_ = value
        else:
            try:
                enum_member._value_ = enum_class._member_type_(*args)
            except Exception as exc:
                new_exc = TypeError('_value_ not set in __new__, unable to create it')
                new_exc.__cause__ = exc
                raise new_exc  # tb: enum.py:271
    value = enum_member._value_
    enum_member._name_ = member_name
    enum_member.__objclass__ = enum_class
    enum_member.__init__(*args)
    enum_member._sort_order_ = len(enum_class._member_names_)
    is_flag = Flag is not None and issubclass(enum_class, Flag)
    if is_flag:
        enum_class._flag_mask_ |= value
        if _is_single_bit(value):
            enum_class._singles_mask_ |= value
        enum_class._all_bits_ = 2 ** enum_class._flag_mask_.bit_length() - 1
    # a value seen before makes this name an alias of the first member with it
    found = None
    try:
        found = enum_class._value2member_map_.get(value)
    except TypeError:
        for canonical in enum_class._member_map_.values():
            if canonical._value_ == value:
                found = canonical
                break
    if found is not None:
        enum_member = found
    elif not is_flag or _is_single_bit(value):
        # a Flag lists only its single bits (3.11): a multi-bit value is an alias of a combination
        enum_class._member_names_.append(member_name)
    setattr(enum_class, member_name, enum_member)
    enum_class._member_map_[member_name] = enum_member
    try:
        enum_class._value2member_map_.setdefault(value, enum_member)
    except TypeError:
        enum_class._unhashable_values_.append(value)


class EnumType(type):
    # the metaclass of every enum: makes the members and gives the class its len, iteration,
    # lookup by name (Color['RED']) and by value (Color(1))

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        __prepare__(metacls, cls, bases)
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        is_flag = (Flag is None and cls == 'Flag') or (
            Flag is not None and any(issubclass(b, Flag) for b in bases))
        # sort the body into members and plain attributes, in definition order, resolving auto()
        ignore = ['_ignore_']
        if '_ignore_' in classdict:
            value = classdict['_ignore_']
            if isinstance(value, str):
                value = value.replace(',', ' ').split()
            ignore = list(value) + ['_ignore_']
        generate = None
        if first_enum is not None:
            generate = getattr(first_enum, '_generate_next_value_', None)
        body = {}
        members = {}
        last_values = []
        auto_called = False
        order = None
        for key, value in classdict.items():
            if key in ignore:
                continue
            if _is_private(cls, key):
                pass
            elif _is_sunder(key):
                if key not in ('_order_', '_generate_next_value_', '_numeric_repr_', '_missing_',
                               '_ignore_', '_iter_member_', '_iter_member_by_value_',
                               '_iter_member_by_def_'):
                    raise ValueError('_sunder_ names, such as %r, are reserved for future Enum use'
                                     % (key, ))
                if key == '_generate_next_value_':
                    if auto_called:
                        raise TypeError('_generate_next_value_ must be defined before members')
                    generate = value if isinstance(value, _FUNCTION) else _read_through_class(value)
                elif key == '_order_':
                    order = value
                    continue
            elif _is_dunder(key):
                if key == '__order__':
                    order = value
                    continue
            elif isinstance(value, nonmember):
                value = value.value
            elif _is_descriptor(value):
                pass
            else:
                if isinstance(value, member):
                    value = value.value
                if isinstance(value, _Deferred):
                    value = value.resolve()
                keep = True
                single = isinstance(value, auto)
                if single:
                    value = (value, )
                if type(value) is tuple and any(isinstance(v, auto) for v in value):
                    resolved = []
                    for v in value:
                        if isinstance(v, auto):
                            keep = False
                            if v.value is _auto_null:
                                v.value = generate(key, 1, len(members), last_values[:])
                                auto_called = True
                            v = v.value
                            last_values.append(v)
                        resolved.append(v)
                    value = resolved[0] if single else tuple(resolved)
                if keep:
                    last_values.append(value)
                members[key] = value
                continue
            body[key] = value
        invalid = [n for n in members if n in ('mro', '')]
        if invalid:
            raise ValueError('invalid enum member name(s) %s' % (  # tb: enum.py:518 raise ValueError('invalid enum member name(s) %s'  % (
                ','.join(repr(n) for n in invalid)))
        # who makes the members: a __new__ in the body (kept as __new_member__ for subclasses),
        # one inherited that way, the data type's, or none (a plain instance)
        # (the class itself keeps Enum.__new__, the lookup by value)
        new_member = None
        if first_enum is not None:
            new_member = body.pop('__new__', None)
            if new_member is not None:
                body['__new_member__'] = new_member
                if not isinstance(new_member, _FUNCTION):
                    new_member = _read_through_class(new_member)
            else:
                new_member = getattr(first_enum, '__new_member__', None)
            if new_member is None and member_type is int:
                new_member = _int_new
            if new_member is None and member_type is str:
                new_member = _str_new
        body['_new_member_'] = new_member
        body['_use_args_'] = first_enum is not None and new_member is not None
        body['_member_names_'] = []
        body['_member_map_'] = {}
        body['_value2member_map_'] = {}
        body['_unhashable_values_'] = []
        body['_member_type_'] = member_type
        if is_flag:
            body['_boundary_'] = boundary or getattr(first_enum, '_boundary_', None)
            body['_flag_mask_'] = 0
            body['_singles_mask_'] = 0
            body['_all_bits_'] = 0
            body['_inverted_'] = None
        # ReprEnum's members show as their value in str() and format()
        kept = set(body)
        if ReprEnum is not None and ReprEnum in bases:
            if member_type is object:
                raise TypeError('ReprEnum subclasses must be mixed with a data type (i.e.'
                                ' int, str, float, etc.)')
            kept.add('__str__')
            kept.add('__format__')
        enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        for name, value in members.items():
            __set_name__(enum_class, name, value)  # tb: enum.py:566 raise exc
        if member_type in (str, int) and first_enum is not None:
            # the data type comes before Enum in the MRO: the enum's repr, str() and format() are
            # set on the class, as CPython does (a ReprEnum's str() and format() are the type's)
            for name in ('__repr__', '__str__', '__format__'):
                if name not in kept:
                    setattr(enum_class, name, getattr(first_enum, name))
            # and Color('red') is Enum's lookup by value, not the data type's __new__
            enum_class.__new__ = Enum.__new__
            if ReprEnum is not None and ReprEnum in bases:
                if '__str__' not in body:
                    enum_class.__str__ = member_type.__str__
                if '__format__' not in body:
                    enum_class.__format__ = member_type.__format__
        # a Flag's | & ^ ~ are Flag's, not the data type's
        if Flag is not None and issubclass(enum_class, Flag):
            for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__',
                         '__invert__'):
                if name not in body:
                    setattr(enum_class, name, getattr(Flag, name))
            values = [m._value_ for m in enum_class]
            if values != sorted(values):
                setattr(enum_class, '_iter_member_', enum_class._iter_member_by_def_)
        if order is not None:
            if isinstance(order, str):
                order = order.replace(',', ' ').split()
            if Flag is not None and issubclass(enum_class, Flag):
                order = [o for o in order if o not in enum_class._member_map_
                         or _is_single_bit(enum_class._member_map_[o]._value_)]
            order = [o for o in order if o not in enum_class._member_map_
                     or o in enum_class._member_names_]
            if order != enum_class._member_names_:
                raise TypeError(  # tb: enum.py:673
                    'member order does not match _order_:\n  %r\n  %r'
                    % (enum_class._member_names_, order))
        return enum_class

    def __bool__(cls):
        # classes are always true, even with no members (len 0)
        return True

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        # Color(1) looks a member up by value; Enum('Color', 'RED GREEN') makes a new enum
        if names is None:
            return cls.__new__(cls, value)  # tb: enum.py:712
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            import warnings
            warnings.warn(
                'in 3.12 __contains__ will no longer raise TypeError, but will return True or\n'
                'False depending on whether the value is a member or the value of a member',
                DeprecationWarning, stacklevel=2)
            raise TypeError(  # tb: enum.py:740
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    _qualname(type(member)), _qualname(cls.__class__)))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))  # tb: enum.py:749
        super().__delattr__(attr)

    def __getattr__(cls, name):
        # only for a name the class does not have: a member's, else 3.11's AttributeError(name)
        if _is_dunder(name) or name == '_member_map_':
            raise AttributeError(name)  # tb: enum.py:780
        try:
            return cls._member_map_[name]
        except KeyError:
            raise AttributeError(name) from None  # tb: enum.py:784

    def __getitem__(cls, name):
        return cls._member_map_[name]  # tb: enum.py:790

    def __iter__(cls):
        # the members in definition order, aliases left out
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    @property
    def __members__(cls):
        # every name, aliases included, in definition order
        return mappingproxy(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return '<flag %r>' % (cls.__name__, )
        return '<enum %r>' % (cls.__name__, )

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
        # a member assigned anew would leave the lookups by name and value pointing at the old one
        if name in getattr(cls, '_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % (name, ))  # tb: enum.py:836
        super().__setattr__(name, value)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1,
                 boundary=None):
        # the functional API: names as 'A B' / 'A,B', a list of names, of (name, value) pairs,
        # or a mapping
        metacls = cls.__class__
        bases = (cls, ) if type is None else (type, cls)
        first_enum = bases[-1]
        classdict = {}
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            pairs = []
            last_values = []
            for count, name in enumerate(names):
                value = first_enum._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                pairs.append((name, value))
            names = pairs
        if names is None:
            names = ()
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        classdict['__module__'] = module if module is not None else '__main__'
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    @classmethod
    def _check_for_existing_members_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError(  # tb: enum.py:936
                        '<enum %r> cannot extend %r' % (class_name, base))

    @classmethod
    def _get_mixins_(mcls, class_name, bases):
        # the type of the members' values (int for IntEnum, else object) and the enum the new
        # one derives from
        if not bases:
            return object, None
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError('new enumerations should be created as '
                            '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
        data_types = []
        for chain in bases:
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        if base._member_type_ not in data_types:
                            data_types.append(base._member_type_)
                        break
                elif base in (str, int):
                    if base not in data_types:
                        data_types.append(base)
                    break
        if len(data_types) > 1:
            raise TypeError('too many data types for %r: %r' % (class_name, set(data_types)))
        return (data_types[0] if data_types else object), first_enum


EnumMeta = EnumType


def _readonly(attr):
    # the setter and deleter of Enum.name and Enum.value (CPython's enum.property)
    def __set__(self, value):
        raise AttributeError(  # tb: enum.py:215
            '<enum %r> cannot set attribute %r' % ('Enum', attr))

    def __delete__(self):
        raise AttributeError(  # tb: enum.py:223
            '<enum %r> cannot delete attribute %r' % ('Enum', attr))
    return __set__, __delete__


def _name(self):
    return self._name_


def _value(self):
    return self._value_


class Enum(metaclass=EnumType):
    # the base of every enumeration: its members are made when the class is, never after

    def __new__(cls, value):
        # what Color(1) does: the member with that value, else what _missing_ finds
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            # an unhashable value: compare it with each member's
            for enum_member in cls._member_map_.values():
                if enum_member._value_ == value:
                    return enum_member
        if not cls._member_map_:
            raise TypeError("%r has no members defined" % cls)  # tb: enum.py:1115
        exc = None
        try:
            result = cls._missing_(value)  # tb: enum.py:1120
        except Exception as e:
            exc = e
            result = None
        if isinstance(result, cls):
            return result
        if (Flag is not None and issubclass(cls, Flag) and cls._boundary_ is EJECT
                and isinstance(result, int)):
            return result
        ve_exc = ValueError("%r is not a valid %s" % (value, _qualname(cls)))
        if result is None and exc is None:
            raise ve_exc  # tb: enum.py:1135
        if exc is None:
            exc = TypeError('error in %s._missing_: returned %r instead of None or a valid member'
                            % (cls.__name__, result))
        if not isinstance(exc, ValueError):
            exc.__context__ = ve_exc
        raise exc  # tb: enum.py:1143

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        # auto(): one more than the last value (start for the first)
        if not last_values:
            return start
        try:
            last = last_values[-1]
            last_values.sort()
            if last == last_values[-1]:
                return last + 1
            raise TypeError
        except TypeError:
            import warnings
            warnings.warn(
                'In 3.13 the default `auto()`/`_generate_next_value_` will require all values to '
                'be sortable and support adding +1\nand the value returned will be the largest '
                'value in the enum incremented by 1', DeprecationWarning, stacklevel=3)
            for v in reversed(last_values):
                try:
                    return v + 1
                except TypeError:
                    pass
            return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return '<%s.%s: %r>' % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_, )

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

    name = property(_name, *_readonly('name'))
    value = property(_value, *_readonly('value'))


class ReprEnum(Enum):
    # only repr() is the enum's; str() and format() are the data type's
    pass


class IntEnum(int, ReprEnum):
    # members that are ints
    pass


class StrEnum(str, ReprEnum):
    # members that are strs

    def __new__(cls, *values):
        # makes a member; the values must already be strs
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values, ))  # tb: enum.py:1281
        if len(values) == 1:
            if not isinstance(values[0], str):
                raise TypeError('%r is not a string' % (values[0], ))  # tb: enum.py:1285
        if len(values) >= 2:
            if not isinstance(values[1], str):
                raise TypeError('encoding must be a string, not %r' % (values[1], ))  # tb: enum.py:1289
        if len(values) == 3:
            if not isinstance(values[2], str):
                raise TypeError('errors must be a string, not %r' % (values[2]))  # tb: enum.py:1293
        value = str(*values)
        enum_member = str.__new__(cls, value)
        enum_member._value_ = value
        return enum_member

    def _generate_next_value_(name, start, count, last_values):
        # auto() in a StrEnum is the member's name in lower case
        return name.lower()


class FlagBoundary(StrEnum):
    # what Flag(value) does with bits no member has: STRICT raises (Flag), CONFORM drops them,
    # EJECT returns a plain int, KEEP keeps them (IntFlag)
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):
    # members combine with | & ^ ~ into members for the combined value

    _numeric_repr_ = repr

    def _generate_next_value_(name, start, count, last_values):
        # auto(): the next power of two
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_by_value_(cls, value):
        # the single-bit members in value, lowest bit first
        for val in _iter_bits_lsb(value & cls._flag_mask_):
            yield cls._value2member_map_.get(val)

    _iter_member_ = _iter_member_by_value_

    @classmethod
    def _iter_member_by_def_(cls, value):
        # the same, in definition order (for a class whose values are not increasing)
        yield from sorted(cls._iter_member_by_value_(value), key=lambda m: m._sort_order_)

    @classmethod
    def _missing_(cls, value):
        # Flag(value) for a combination: a new member (made once, then kept) named A|B
        if not isinstance(value, int):
            raise ValueError(  # tb: enum.py:1383
                '%r is not a valid %s' % (value, _qualname(cls)))
        flag_mask = cls._flag_mask_
        singles_mask = cls._singles_mask_
        all_bits = cls._all_bits_
        neg_value = None
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            if cls._boundary_ is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError(  # tb: enum.py:1400
                    '%r invalid value %r\n    given %s\n  allowed %s' % (
                        cls, value, _bin(value, max_bits), _bin(flag_mask, max_bits)))
            elif cls._boundary_ is CONFORM:
                value = value & flag_mask
            elif cls._boundary_ is EJECT:
                return value
            elif cls._boundary_ is KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** value.bit_length()) + value
            else:
                raise ValueError(  # tb: enum.py:1415
                    '%r unknown flag boundary %r' % (cls, cls._boundary_, ))
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        aliases = value & ~singles_mask
        member_value = value & singles_mask
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError(  # tb: enum.py:1426
                '%s(%r) -->  unknown values %r [%s]' % (cls.__name__, value, unknown, _bin(unknown)))
        if cls._member_type_ is object:
            pseudo_member = object.__new__(cls)
        else:
            pseudo_member = cls._member_type_.__new__(cls, value)
        pseudo_member._value_ = value
        if member_value or aliases:
            members = []
            combined_value = 0
            for m in cls._iter_member_(member_value):
                members.append(m)
                combined_value |= m._value_
            if aliases:
                value = member_value | aliases
                for n, pm in cls._member_map_.items():
                    if pm not in members and pm._value_ and pm._value_ & value == pm._value_:
                        members.append(pm)
                        combined_value |= pm._value_
            unknown = value ^ combined_value
            pseudo_member._name_ = '|'.join([m._name_ for m in members])
            if not combined_value:
                pseudo_member._name_ = None
            elif unknown and cls._boundary_ is STRICT:
                raise ValueError('%r: no members with value %r' % (cls, unknown))  # tb: enum.py:1455
            elif unknown:
                pseudo_member._name_ += '|%s' % cls._numeric_repr_(unknown)
        else:
            pseudo_member._name_ = None
        pseudo_member = cls._value2member_map_.setdefault(value, pseudo_member)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    def __contains__(self, other):
        # `a in b`: every bit of a is set in b
        if not isinstance(other, self.__class__):
            raise TypeError(  # tb: enum.py:1473
                "unsupported operand type(s) for 'in': %r and %r" % (
                    _qualname(type(other)), _qualname(self.__class__)))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        # the single-bit members it is made of
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return _bit_count(self._value_)

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '<%s: %r>' % (cls_name, self._value_)
        return '<%s.%s: %r>' % (cls_name, self._name_, self._value_)

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _operand(self, other):
        # other's value if it can combine with self (a member, or an int for an IntFlag)
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object:
            if isinstance(other, self._member_type_):
                return other
        return NotImplemented

    def __or__(self, other):
        other = self._operand(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        other = self._operand(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        other = self._operand(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        if self._inverted_ is None:
            if self._boundary_ in (EJECT, KEEP):
                self._inverted_ = self.__class__(~self._value_)
            else:
                self._inverted_ = self.__class__(self._singles_mask_ & ~self._value_)
        return self._inverted_

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    # flags that are ints
    pass


def unique(enumeration):
    # class decorator: no two names for one value
    duplicates = []
    for name, enum_member in enumeration.__members__.items():
        if name != enum_member.name:
            duplicates.append((name, enum_member.name))
    if duplicates:
        alias_details = ', '.join(['%s -> %s' % (alias, name) for (alias, name) in duplicates])
        raise ValueError('duplicate values found in %r: %s' %  # tb: enum.py:1571
                         (enumeration, alias_details))
    return enumeration
