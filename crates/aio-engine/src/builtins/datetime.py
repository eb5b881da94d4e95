# The `datetime` module: what learners use of CPython 3.11.7's datetime (timedelta, date, time,
# datetime, tzinfo, timezone), written fresh to its documented behaviour, reprs and messages.
# Parsed and run on the first `import datetime`.
# The clock is the program's: now(), today() and fromtimestamp() read time.time(), which starts at
# 2024-01-01 00:00:00 UTC, and the local time zone is UTC (as time.strftime's is here).
# CPython's types are written in C and named 'datetime.datetime' in its messages: the operators
# below raise those messages themselves instead of returning NotImplemented for a value of a
# builtin type, so `dt - 5` reads as CPython's.
# Left out: time.struct_time (timetuple, utctimetuple), pickling, fold's effect on local time,
# strptime's %U/%W/%c/%x/%X/%Z, dates before 1900 in %y.

import time as _time

__all__ = ('date', 'datetime', 'time', 'timedelta', 'timezone', 'tzinfo', 'MINYEAR', 'MAXYEAR',
           'UTC')

MINYEAR = 1
MAXYEAR = 9999
_MAX_ORDINAL = 3652059

_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_total = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_total)
    _total += _dim
del _total, _dim

_MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
                'September', 'October', 'November', 'December']
_DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']


def _type_name(x):
    # a type's name as CPython's messages give it ('datetime.datetime' for the C types)
    cls = type(x)
    if cls in (date, datetime, time, timedelta, timezone, tzinfo):
        return 'datetime.' + cls.__name__
    return cls.__name__


def _unsupported(op, a, b):
    return TypeError("unsupported operand type(s) for %s: '%s' and '%s'"
                     % (op, _type_name(a), _type_name(b)))


def _field(name, kind):
    # a read-only attribute of a value, with CPython's message for its C type's (timedelta's
    # are members, the others' getters)
    def refuse(self, value):
        if kind == 'timedelta':
            raise AttributeError('readonly attribute')
        raise AttributeError("attribute '%s' of 'datetime.%s' objects is not writable"
                             % (name, kind))
    return property(lambda self: getattr(self, '_' + name), refuse)


def _not_supported(op, a, b):
    # an order between one of these values and a builtin one: CPython's TypeError, with the C
    # types' names; None (NotImplemented) for a class of the program's, whose reflection may
    # answer
    if type(b).__module__ != 'builtins':
        return NotImplemented
    raise TypeError("'%s' not supported between instances of '%s' and '%s'"
                    % (op, _type_name(a), _type_name(b)))


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


def _ord2ymd(n):
    # the date of proleptic Gregorian ordinal n (1 is 0001-01-01), by 400-, 100-, 4- and
    # 1-year cycles
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and _is_leap(year))
    return year, month, n - preceding + 1


def _check_int(value):
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        raise TypeError('integer argument expected, got float')
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)


_REQUIRED = object()   # the default of a date's fields, which must be given


def _check_date_fields(year, month, day):
    for pos, (name, value) in enumerate((('year', year), ('month', month), ('day', day)), 1):
        if value is _REQUIRED:
            raise TypeError("function missing required argument '%s' (pos %d)" % (name, pos))
    year, month, day = _check_int(year), _check_int(month), _check_int(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour, minute = _check_int(hour), _check_int(minute)
    second, microsecond = _check_int(second), _check_int(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                        % type(tz).__name__)


def _init_time(self, hour, minute, second, microsecond, tzinfo, fold):
    # the time-of-day fields that a time and a datetime both carry, checked
    hour, minute, second, microsecond = _check_time_fields(hour, minute, second,
                                                           microsecond, fold)
    _check_tzinfo(tzinfo)
    self._hour = hour
    self._minute = minute
    self._second = second
    self._microsecond = microsecond
    self._tzinfo = tzinfo
    self._fold = fold


def _tz_of(self):
    # what strftime's %z and %Z show for a time or a datetime: None without a tzinfo
    if self._tzinfo is None:
        return None
    return self.utcoffset(), self.tzname()


def _format_offset(off, sep=':'):
    # '+01:00', '-05:30', with seconds and microseconds when there are any
    if off is None:
        return ''
    sign = '+'
    if off.days < 0:
        sign = '-'
        off = -off
    hh, mm = divmod(off, timedelta(hours=1))
    mm, ss = divmod(mm, timedelta(minutes=1))
    s = '%s%02d%s%02d' % (sign, hh, sep, mm)
    if ss or ss.microseconds:
        s += '%s%02d' % (sep, ss.seconds)
        if ss.microseconds:
            s += '.%06d' % ss.microseconds
    return s


def _format_time(hh, mm, ss, us, timespec='auto'):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'hours':
        return '%02d' % hh
    if timespec == 'minutes':
        return '%02d:%02d' % (hh, mm)
    if timespec == 'seconds':
        return '%02d:%02d:%02d' % (hh, mm, ss)
    if timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (hh, mm, ss, us // 1000)
    if timespec == 'microseconds':
        return '%02d:%02d:%02d.%06d' % (hh, mm, ss, us)
    raise ValueError('Unknown timespec value')


def _strftime(fmt, year, month, day, hour, minute, second, us, weekday, yday, tz_of):
    # CPython hands the format to the C library's strftime; these are glibc's directives in the
    # C locale
    if not isinstance(fmt, str):
        raise TypeError('strftime() argument 1 must be str, not %s' % type(fmt).__name__)
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch != '%' or i + 1 == n:
            out.append(ch)
            i += 1
            continue
        d = fmt[i + 1]
        i += 2
        if d == 'Y':
            out.append(str(year))
        elif d == 'm':
            out.append('%02d' % month)
        elif d == 'd':
            out.append('%02d' % day)
        elif d == 'e':
            out.append('%2d' % day)
        elif d == 'H':
            out.append('%02d' % hour)
        elif d == 'M':
            out.append('%02d' % minute)
        elif d == 'S':
            out.append('%02d' % second)
        elif d == 'f':
            out.append('%06d' % us)
        elif d == 'y':
            out.append('%02d' % (year % 100))
        elif d == 'I':
            out.append('%02d' % (hour % 12 or 12))
        elif d == 'p':
            out.append('AM' if hour < 12 else 'PM')
        elif d == 'a':
            out.append(_DAY_NAMES[weekday][:3])
        elif d == 'A':
            out.append(_DAY_NAMES[weekday])
        elif d == 'w':
            out.append(str((weekday + 1) % 7))
        elif d == 'u':
            out.append(str(weekday + 1))
        elif d in 'bh':
            out.append(_MONTH_NAMES[month - 1][:3])
        elif d == 'B':
            out.append(_MONTH_NAMES[month - 1])
        elif d == 'j':
            out.append('%03d' % yday)
        elif d == 'U':
            out.append('%02d' % ((yday + 6 - (weekday + 1) % 7) // 7))
        elif d == 'W':
            out.append('%02d' % ((yday + 6 - weekday) // 7))
        elif d == 'c':
            out.append('%s %s %2d %02d:%02d:%02d %d' % (
                _DAY_NAMES[weekday][:3], _MONTH_NAMES[month - 1][:3], day, hour, minute,
                second, year))
        elif d in 'xD':
            out.append('%02d/%02d/%02d' % (month, day, year % 100))
        elif d in 'XT':
            out.append('%02d:%02d:%02d' % (hour, minute, second))
        elif d == 'R':
            out.append('%02d:%02d' % (hour, minute))
        elif d == 'F':
            out.append('%d-%02d-%02d' % (year, month, day))
        elif d in 'zZ:':
            tz = tz_of()
            if d == ':':
                if fmt[i:i + 1] == 'z':
                    i += 1
                    out.append(_format_offset(tz[0]) if tz else '')
                else:
                    out.append('%:')
            elif d == 'z':
                out.append(_format_offset(tz[0], '') if tz else '')
            else:
                out.append(tz[1] if tz and tz[1] is not None else '')
        elif d == '%':
            out.append('%')
        else:
            out.append('%' + d)
    return ''.join(out)


class timedelta:
    # a duration: days, seconds (0..86399) and microseconds (0..999999), normalised
    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                weeks=0):
        whole = 0
        fraction = 0.0
        for value, unit in ((days, 86400000000), (seconds, 1000000), (microseconds, 1),
                            (milliseconds, 1000), (minutes, 60000000), (hours, 3600000000),
                            (weeks, 604800000000)):
            if isinstance(value, int):
                whole += value * unit
            elif isinstance(value, float):
                integral = int(value)
                whole += integral * unit
                fraction += (value - integral) * unit
            else:
                raise TypeError('unsupported type for timedelta %s component: %s' % (
                    _component_name(unit), type(value).__name__))
        return cls._from_microseconds(whole + round(fraction))

    @classmethod
    def _from_microseconds(cls, us):
        seconds, us = divmod(us, 1000000)
        days, seconds = divmod(seconds, 86400)
        if abs(days) > 999999999:
            raise OverflowError('days=%d; must have magnitude <= 999999999' % days)
        self = object.__new__(cls)
        self._days = days
        self._seconds = seconds
        self._microseconds = us
        self._hashcode = -1
        return self

    def _to_microseconds(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    days = _field('days', 'timedelta')
    seconds = _field('seconds', 'timedelta')
    microseconds = _field('microseconds', 'timedelta')

    def total_seconds(self):
        return self._to_microseconds() / 10**6

    def __repr__(self):
        args = []
        if self._days:
            args.append('days=%d' % self._days)
        if self._seconds:
            args.append('seconds=%d' % self._seconds)
        if self._microseconds:
            args.append('microseconds=%d' % self._microseconds)
        if not args:
            args.append('0')
        return '%s.%s(%s)' % (self.__class__.__module__, self.__class__.__qualname__,
                              ', '.join(args))

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = '%d:%02d:%02d' % (hh, mm, ss)
        if self._days:
            s = '%d day%s, ' % (self._days, 's' if abs(self._days) != 1 else '') + s
        if self._microseconds:
            s += '.%06d' % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(
                self._to_microseconds() + other._to_microseconds())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(
                self._to_microseconds() - other._to_microseconds())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_microseconds(-self._to_microseconds())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(_divide_and_round(
                self._to_microseconds() * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        us = self._to_microseconds()
        if isinstance(other, timedelta):
            return us / other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(_divide_and_round(us, other))
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(_divide_and_round(b * us, a))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() // other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(
                self._to_microseconds() % other._to_microseconds())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_microseconds(), other._to_microseconds())
            return q, timedelta._from_microseconds(r)
        return NotImplemented

    def _key(self):
        return self._to_microseconds()

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._days, self._seconds, self._microseconds))
        return self._hashcode

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)


def _ordered_by_key(cls):
    # ==, <, <=, >, >= between two values of cls, by their _key()
    def make(op, test):
        def compare(self, other):
            if isinstance(other, cls):
                return test(self._key(), other._key())
            if op == '==':
                return NotImplemented
            return _not_supported(op, self, other)
        return compare
    cls.__eq__ = make('==', lambda a, b: a == b)
    cls.__lt__ = make('<', lambda a, b: a < b)
    cls.__le__ = make('<=', lambda a, b: a <= b)
    cls.__gt__ = make('>', lambda a, b: a > b)
    cls.__ge__ = make('>=', lambda a, b: a >= b)


_ordered_by_key(timedelta)


def _component_name(unit):
    return {86400000000: 'days', 1000000: 'seconds', 1: 'microseconds', 1000: 'milliseconds',
            60000000: 'minutes', 3600000000: 'hours', 604800000000: 'weeks'}[unit]


def _divide_and_round(a, b):
    # a / b rounded half to even, exactly
    q, r = divmod(a, b)
    r *= 2
    greater_than_half = r > b if b > 0 else r < b
    if greater_than_half or r == b and q % 2 == 1:
        q += 1
    return q


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class date:
    # a day of the proleptic Gregorian calendar
    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year=_REQUIRED, month=_REQUIRED, day=_REQUIRED):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d, hh, mm, ss, us = _from_timestamp(t)
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        if not 1 <= n <= _MAX_ORDINAL:
            raise ValueError('ordinal must be >= 1')
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            return cls(*_parse_isoformat_date(date_string))
        except (ValueError, IndexError):
            raise ValueError('Invalid isoformat string: %r' % (date_string, ))

    @classmethod
    def fromisocalendar(cls, year, week, day):
        if not 1 <= week <= 53:
            raise ValueError('Invalid week: %d' % week)
        if not 1 <= day <= 7:
            raise ValueError('Invalid weekday: %d (range is [1, 7])' % day)
        first = _ymd2ord(year, 1, 4)
        monday = first - (first + 6) % 7
        return cls.fromordinal(monday + (week - 1) * 7 + day - 1)

    year = _field('year', 'date')
    month = _field('month', 'date')
    day = _field('day', 'date')

    def __repr__(self):
        return '%s.%s(%d, %d, %d)' % (self.__class__.__module__, self.__class__.__qualname__,
                                      self._year, self._month, self._day)

    def isoformat(self):
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    __str__ = isoformat

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return '%s %s %2d 00:00:00 %04d' % (_DAY_NAMES[weekday - 1][:3],
                                            _MONTH_NAMES[self._month - 1][:3], self._day,
                                            self._year)

    def strftime(self, fmt):
        return _strftime(fmt, self._year, self._month, self._day, 0, 0, 0, 0, self.weekday(),
                         self._yday(), lambda: None)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError('must be str, not %s' % type(fmt).__name__)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def _yday(self):
        return _days_before_month(self._year, self._month) + self._day

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def timetuple(self):
        return _time.struct_time((self._year, self._month, self._day, 0, 0, 0, self.weekday(),
                                  self._yday(), -1))

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year = self._year
        first = _ymd2ord(year, 1, 4)
        week1_monday = first - (first + 6) % 7
        today = self.toordinal()
        week, day = divmod(today - week1_monday, 7)
        if week < 0:
            year -= 1
            first = _ymd2ord(year, 1, 4)
            week1_monday = first - (first + 6) % 7
            week, day = divmod(today - week1_monday, 7)
        elif week >= 52:
            first = _ymd2ord(year + 1, 1, 4)
            if today >= first - (first + 6) % 7:
                year += 1
                week = 0
        return IsoCalendarDate(year, week + 1, day + 1)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    def _cmp_key(self):
        return (self._year, self._month, self._day)

    def _comparable(self, other):
        # a date compares with a date, not with a datetime (either way)
        return isinstance(other, date) and (isinstance(self, datetime)
                                            == isinstance(other, datetime))

    def _cannot_compare(self, op, other):
        # a date beside a datetime: CPython's datetime says so, from whichever side
        if isinstance(other, date):
            raise TypeError("can't compare datetime.datetime to datetime.date")
        return _not_supported(op, self, other)

    def __eq__(self, other):
        if isinstance(other, date) and not self._comparable(other):
            return False
        if self._comparable(other):
            return self._cmp(other) == 0
        return NotImplemented

    def _cmp(self, other):
        a, b = self._cmp_key(), other._cmp_key()
        return 0 if a == b else (1 if a > b else -1)

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._cmp_key())
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if 0 < n <= _MAX_ORDINAL:
                return type(self).fromordinal(n)
            raise OverflowError('result out of range')
        if type(other).__module__ == 'builtins':
            raise _unsupported('+', self, other)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        if type(other).__module__ == 'builtins':
            raise _unsupported('-', self, other)
        return NotImplemented


def _ordered_dates(op, test):
    # <, <=, >, >= between two dates or two datetimes; CPython's TypeError between the two
    def compare(self, other):
        if self._comparable(other):
            return test(self._cmp(other), 0)
        return self._cannot_compare(op, other)
    return compare


date.__lt__ = _ordered_dates('<', lambda a, b: a < b)
date.__le__ = _ordered_dates('<=', lambda a, b: a <= b)
date.__gt__ = _ordered_dates('>', lambda a, b: a > b)
date.__ge__ = _ordered_dates('>=', lambda a, b: a >= b)
date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class IsoCalendarDate(tuple):
    # what date.isocalendar() returns: (year, week, weekday) with names

    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __repr__(self):
        return '%s.%s(year=%d, week=%d, weekday=%d)' % (
            'datetime', self.__class__.__name__, self[0], self[1], self[2])


class tzinfo:
    # the abstract base of time zones: a subclass says utcoffset, dst and tzname
    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError('tzinfo subclass must override tzname()')

    def utcoffset(self, dt):
        raise NotImplementedError('tzinfo subclass must override utcoffset()')

    def dst(self, dt):
        raise NotImplementedError('tzinfo subclass must override dst()')

    def fromutc(self, dt):
        return dt + self.utcoffset(dt)


class timezone(tzinfo):
    # a fixed offset from UTC, with an optional name
    __slots__ = ('_offset', '_name')

    def __new__(cls, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError('offset must be a timedelta')
        if name is not None and not isinstance(name, str):
            raise TypeError('name must be a string')
        if not -timedelta(hours=24) < offset < timedelta(hours=24):
            raise ValueError('offset must be a timedelta strictly between '
                             '-timedelta(hours=24) and timedelta(hours=24), not %r.' % offset)
        if name is None and not offset and _UTC is not None:
            return _UTC
        self = object.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return None

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return 'UTC'
        return 'UTC' + _format_offset(self._offset)

    def fromutc(self, dt):
        return dt + self._offset

    def __repr__(self):
        if self is timezone.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return 'datetime.timezone(%r)' % (self._offset, )
        return 'datetime.timezone(%r, %r)' % (self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)


_UTC = None
timezone.utc = _UTC = timezone(timedelta(0))
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = timezone.utc


class time:
    # a time of day, with an optional time zone
    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        self = object.__new__(cls)
        _init_time(self, hour, minute, second, microsecond, tzinfo, fold)
        return self

    @classmethod
    def fromisoformat(cls, time_string):
        try:
            return cls(*_parse_isoformat_time(time_string))
        except (ValueError, IndexError):
            raise ValueError('Invalid isoformat string: %r' % (time_string, ))

    hour = _field('hour', 'time')
    minute = _field('minute', 'time')
    second = _field('second', 'time')
    microsecond = _field('microsecond', 'time')
    tzinfo = _field('tzinfo', 'time')
    fold = _field('fold', 'time')

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(None)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(None)

    def isoformat(self, timespec='auto'):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return s + _format_offset(self.utcoffset())

    __str__ = isoformat

    def __repr__(self):
        if self._microsecond:
            s = ', %d, %d' % (self._second, self._microsecond)
        elif self._second:
            s = ', %d' % self._second
        else:
            s = ''
        s = '%s.%s(%d, %d%s)' % (self.__class__.__module__, self.__class__.__qualname__,
                                 self._hour, self._minute, s)
        if self._tzinfo is not None:
            s = s[:-1] + ', tzinfo=%r)' % self._tzinfo
        return s

    def strftime(self, fmt):
        return _strftime(fmt, 1900, 1, 1, self._hour, self._minute, self._second,
                         self._microsecond, 0, 1, self._tz_of)

    _tz_of = _tz_of

    def __format__(self, fmt):
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *,
                fold=None):
        return type(self)(self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def _key(self):
        # an aware time compares in UTC
        key = (self._hour, self._minute, self._second, self._microsecond)
        offset = self.utcoffset()
        if offset is None:
            return key
        return (self._hour * 3600 + self._minute * 60 + self._second
                - offset.days * 86400 - offset.seconds, self._microsecond)

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return True


_ordered_by_key(time)
time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


def _from_timestamp(t):
    # (year, month, day, hour, minute, second, microsecond) of POSIX time t, in UTC
    if not isinstance(t, (int, float)):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(t).__name__)
    us = round(t * 1000000) if isinstance(t, float) else t * 1000000
    seconds, us = divmod(us, 1000000)
    days, seconds = divmod(seconds, 86400)
    y, m, d = _ord2ymd(days + 719163)
    hh, seconds = divmod(seconds, 3600)
    mm, ss = divmod(seconds, 60)
    return y, m, d, hh, mm, ss, us


class datetime(date):
    # a date and a time of day, with an optional time zone
    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year=_REQUIRED, month=_REQUIRED, day=_REQUIRED, hour=0, minute=0,
                second=0, microsecond=0, tzinfo=None, *, fold=0):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        _init_time(self, hour, minute, second, microsecond, tzinfo, fold)
        self._hashcode = -1
        return self

    hour = _field('hour', 'datetime')
    minute = _field('minute', 'datetime')
    second = _field('second', 'datetime')
    microsecond = _field('microsecond', 'datetime')
    tzinfo = _field('tzinfo', 'datetime')
    fold = _field('fold', 'datetime')

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        result = cls(*_from_timestamp(t))
        if tz is not None:
            result = tz.fromutc(result.replace(tzinfo=tz))
        return result

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls(*_from_timestamp(t))

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            date_part = date_string[:10]
            time_part = date_string[11:]
            if len(date_string) > 10 and date_string[10] not in 'T ':
                raise ValueError
            fields = list(_parse_isoformat_date(date_part))
            if time_part:
                fields.extend(_parse_isoformat_time(time_part))
            return cls(*fields)
        except (ValueError, IndexError):
            raise ValueError('Invalid isoformat string: %r' % (date_string, ))

    @classmethod
    def strptime(cls, date_string, format):
        return _strptime_datetime(cls, date_string, format)

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo,
                    fold=self._fold)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.utcoffset(self)

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(self)

    def dst(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.dst(self)

    def timetuple(self):
        dst = self.dst()
        isdst = -1 if dst is None else int(bool(dst))
        return _time.struct_time((self._year, self._month, self._day, self._hour, self._minute,
                                  self._second, self.weekday(), self._yday(), isdst))

    def utctimetuple(self):
        offset = self.utcoffset()
        utc = self - offset if offset else self
        return _time.struct_time((utc._year, utc._month, utc._day, utc._hour, utc._minute,
                                  utc._second, utc.weekday(), utc._yday(), 0))

    def timestamp(self):
        offset = self.utcoffset() or timedelta(0)
        return ((self - offset).replace(tzinfo=None) - _EPOCH).total_seconds()

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone.utc
        _check_tzinfo(tz)
        offset = self.utcoffset() or timedelta(0)
        utc = (self - offset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def isoformat(self, sep='T', timespec='auto'):
        s = '%04d-%02d-%02d%s' % (self._year, self._month, self._day, sep)
        s += _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return s + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat(sep=' ')

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute, self._second,
                  self._microsecond]
        if fields[-1] == 0:
            del fields[-1]
        if fields[-1] == 0:
            del fields[-1]
        s = '%s.%s(%s)' % (self.__class__.__module__, self.__class__.__qualname__,
                           ', '.join(map(str, fields)))
        if self._tzinfo is not None:
            s = s[:-1] + ', tzinfo=%r)' % self._tzinfo
        if self._fold:
            s = s[:-1] + ', fold=1)'
        return s

    def ctime(self):
        return '%s %s %2d %02d:%02d:%02d %04d' % (
            _DAY_NAMES[self.weekday()][:3], _MONTH_NAMES[self._month - 1][:3], self._day,
            self._hour, self._minute, self._second, self._year)

    def strftime(self, fmt):
        return _strftime(fmt, self._year, self._month, self._day, self._hour, self._minute,
                         self._second, self._microsecond, self.weekday(), self._yday(),
                         self._tz_of)

    _tz_of = _tz_of

    def _cmp_key(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second,
                self._microsecond)

    def _cmp(self, other):
        mine, theirs = self.utcoffset(), other.utcoffset()
        if (mine is None) != (theirs is None):
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        if mine is not None and mine != theirs:
            diff = self - other
            return -1 if diff.days < 0 else (1 if diff else 0)
        a, b = self._cmp_key(), other._cmp_key()
        return 0 if a == b else (1 if a > b else -1)

    def __eq__(self, other):
        if isinstance(other, datetime):
            if (self.utcoffset() is None) != (other.utcoffset() is None):
                return False
            return self._cmp(other) == 0
        if isinstance(other, date):
            return False
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            offset = self.utcoffset()
            if offset is None:
                self._hashcode = hash(self._cmp_key())
            else:
                self._hashcode = hash((self - offset).replace(tzinfo=None)._cmp_key())
        return self._hashcode

    def _micros(self):
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60
                 + self._second) * 1000000 + self._microsecond)

    def __add__(self, other):
        if isinstance(other, timedelta):
            us = self._micros() + other._to_microseconds()
            days, us = divmod(us, 86400000000)
            if not 0 < days <= _MAX_ORDINAL:
                raise OverflowError('date value out of range')
            y, m, d = _ord2ymd(days)
            seconds, us = divmod(us, 1000000)
            hh, seconds = divmod(seconds, 3600)
            mm, ss = divmod(seconds, 60)
            return type(self)(y, m, d, hh, mm, ss, us, self._tzinfo)
        if type(other).__module__ == 'builtins':
            raise _unsupported('+', self, other)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if isinstance(other, datetime):
            mine, theirs = self.utcoffset(), other.utcoffset()
            if (mine is None) != (theirs is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            us = self._micros() - other._micros()
            if mine is not None:
                us -= (mine - theirs)._to_microseconds()
            return timedelta(microseconds=us)
        if type(other).__module__ == 'builtins' or isinstance(other, date):
            raise _unsupported('-', self, other)
        return NotImplemented


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1)


def _parse_isoformat_date(s):
    # 'YYYY-MM-DD', 'YYYYMMDD' or 'YYYY-Www-D'
    if len(s) == 10 and s[4] == '-' and s[7] == '-':
        return int(s[0:4]), int(s[5:7]), int(s[8:10])
    if len(s) == 8 and s.isdigit():
        return int(s[0:4]), int(s[4:6]), int(s[6:8])
    raise ValueError


def _parse_isoformat_time(s):
    # 'HH[:MM[:SS[.ffffff]]]' and an offset ('Z', '+HH:MM'), as fields for time()
    tz = None
    for i, ch in enumerate(s):
        if ch in '+-Z':
            tz = _parse_offset(s[i:])
            s = s[:i]
            break
    fraction = 0
    if '.' in s or ',' in s:
        s, digits = s.replace(',', '.').split('.')
        if not digits.isdigit() or len(digits) > 9:
            raise ValueError
        fraction = int(digits[:6].ljust(6, '0'))
    parts = s.split(':') if ':' in s else [s[i:i + 2] for i in range(0, len(s), 2)]
    if not 1 <= len(parts) <= 3 or any(len(p) != 2 or not p.isdigit() for p in parts):
        raise ValueError
    fields = [int(p) for p in parts] + [0] * (3 - len(parts))
    return fields[0], fields[1], fields[2], fraction, tz


def _parse_offset(s):
    if s == 'Z':
        return timezone.utc
    sign = -1 if s[0] == '-' else 1
    hh, mm, ss, us, _ = _parse_isoformat_time(s[1:])
    offset = timedelta(hours=hh, minutes=mm, seconds=ss, microseconds=us)
    return timezone.utc if not offset else timezone(sign * offset)


class _BadDirective(Exception):
    # a directive _strptime does not know (reported by it, outside the handler)
    pass


def _arg_type(value):
    # how the C argument parser names a value's type (None as None)
    return 'None' if value is None else type(value).__name__


def _strptime_datetime(cls, data_string, format):
    # datetime.strptime (CPython's _strptime._strptime_datetime, for the directives of
    # time.strptime that learners use, in the C locale)
    if not isinstance(data_string, str):
        raise TypeError('strptime() argument 1 must be str, not %s' % _arg_type(data_string))
    if not isinstance(format, str):
        raise TypeError('strptime() argument 2 must be str, not %s' % _arg_type(format))
    tt, fraction, gmtoff_fraction = _strptime(data_string, format)  # tb: _strptime.py:568
    year, month, day, hour, minute, second, tz = tt
    return cls(year, month, day, hour, minute, second, fraction, tz)


# the regular expression of each directive, as CPython's TimeRE has it in the C locale
_DIRECTIVES = {
    'd': r"(?P<d>3[0-1]|[1-2]\d|0[1-9]|[1-9]| [1-9])",
    'f': r"(?P<f>[0-9]{1,6})",
    'H': r"(?P<H>2[0-3]|[0-1]\d|\d)",
    'I': r"(?P<I>1[0-2]|0[1-9]|[1-9])",
    'j': r"(?P<j>36[0-6]|3[0-5]\d|[1-2]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
    'm': r"(?P<m>1[0-2]|0[1-9]|[1-9])",
    'M': r"(?P<M>[0-5]\d|\d)",
    'S': r"(?P<S>6[0-1]|[0-5]\d|\d)",
    'U': r"(?P<U>5[0-3]|[0-4]\d|\d)",
    'W': r"(?P<W>5[0-3]|[0-4]\d|\d)",
    'w': r"(?P<w>[0-6])",
    'u': r"(?P<u>[1-7])",
    'y': r"(?P<y>\d\d)",
    'Y': r"(?P<Y>\d\d\d\d)",
    'z': r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))",
    'A': '(?P<A>' + '|'.join(_DAY_NAMES) + ')',
    'a': '(?P<a>' + '|'.join(d[:3] for d in _DAY_NAMES) + ')',
    'B': '(?P<B>' + '|'.join(_MONTH_NAMES) + ')',
    'b': '(?P<b>' + '|'.join(m[:3] for m in _MONTH_NAMES) + ')',
    'p': '(?P<p>am|pm)',
    '%': '%',
}
# the C locale's %c, %x and %X, written with the others
_COMPOSITE = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S'}


def _format_regex(format):
    # the pattern of a format, as TimeRE.pattern builds it (a directive twice is refused by re)
    import re
    for d, expansion in _COMPOSITE.items():
        format = format.replace('%' + d, expansion)
    format = re.sub(r"([\\.^$*+?\(\){}\[\]|])", r"\\\1", format)
    format = re.sub(r'\s+', r'\\s+', format)
    pieces = []
    while '%' in format:
        i = format.index('%') + 1
        if i >= len(format) or format[i] not in _DIRECTIVES:
            raise _BadDirective(format[i:i + 1] or '%')
        pieces.append(format[:i - 1])
        pieces.append(_DIRECTIVES[format[i]])
        format = format[i + 1:]
    return ''.join(pieces) + format


def _strptime(data_string, format):
    # the fields the data gives, with CPython's errors when it does not fit the format
    import re
    try:
        pattern = _format_regex(format)
        bad_directive = None
    except _BadDirective as e:
        bad_directive = e.args[0]
    if bad_directive is not None:
        raise ValueError("'%s' is a bad directive in format '%s'" % (bad_directive, format))  # tb: _strptime.py:341 raise ValueError("'%s' is a bad directive in format '%s'" %
    found = re.match(pattern, data_string, re.IGNORECASE)
    if not found:
        raise ValueError("time data %r does not match format %r" % (data_string, format))  # tb: _strptime.py:349 raise ValueError("time data %r does not match format %r" %
    if len(data_string) != found.end():
        raise ValueError("unconverted data remains: %s" % data_string[found.end():])  # tb: _strptime.py:352 raise ValueError("unconverted data remains: %s" %
    year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = None
    julian = None
    found_dict = found.groupdict()
    for key, text in found_dict.items():
        if key == 'y':
            year = int(text)
            year += 2000 if year <= 68 else 1900
        elif key == 'Y':
            year = int(text)
        elif key == 'm':
            month = int(text)
        elif key in 'Bb':
            names = [m.lower() if key == 'B' else m[:3].lower() for m in _MONTH_NAMES]
            month = names.index(text.lower()) + 1
        elif key == 'd':
            day = int(text)
        elif key == 'H':
            hour = int(text)
        elif key == 'I':
            hour = int(text)
            ampm = (found_dict.get('p') or '').lower()
            if ampm in ('', 'am'):
                if hour == 12:
                    hour = 0
            elif hour != 12:
                hour += 12
        elif key == 'M':
            minute = int(text)
        elif key == 'S':
            second = int(text)
        elif key == 'f':
            fraction = int(text + '0' * (6 - len(text)))
        elif key == 'j':
            julian = int(text)
        elif key == 'z':
            z = text
            if z == 'Z':
                tz = timezone.utc
            else:
                if z[3] == ':':
                    z = z[:3] + z[4:]
                    if len(z) > 5:
                        if z[5] != ':':
                            raise ValueError(f"Inconsistent use of : in {text}")  # tb: _strptime.py:478 raise ValueError(msg)
                        z = z[:5] + z[6:]
                seconds = int(z[1:3]) * 3600 + int(z[3:5]) * 60 + int(z[5:7] or 0)
                micro = int(z[8:] + '0' * (6 - len(z[8:])))
                if z.startswith('-'):
                    seconds, micro = -seconds, -micro
                tz = timezone(timedelta(seconds=seconds, microseconds=micro))
    if year is None:
        year = 1900
    if julian is not None and 'm' not in found_dict and 'd' not in found_dict \
            and 'B' not in found_dict and 'b' not in found_dict:
        first = date(year, 1, 1).toordinal()
        d = date.fromordinal(first + julian - 1)
        year, month, day = d.year, d.month, d.day
    else:
        datetime_date = date
        julian = datetime_date(year, month, day).toordinal() - datetime_date(year, 1, 1).toordinal() + 1  # tb: _strptime.py:534 julian = datetime_date(year, month, day).toordinal() - \
    return (year, month, day, hour, minute, second, tz), fraction, None
