# The `time` module: the clocks are the engine's own (`_time`: the program's virtual clock, which
# starts at 2024-01-01 00:00:00 UTC); struct_time and the calendar functions around it are
# written here, fresh to CPython 3.11.7's documented behaviour. The local time zone is UTC.
# Parsed and run on the first `import time`.
# Left out: strptime, tzset, the *_ns clocks of process and thread time, clock_gettime.
from _time import (sleep, time, time_ns, perf_counter, perf_counter_ns, monotonic,
                   monotonic_ns, process_time, thread_time, _strftime)

timezone = 0
altzone = 0
daylight = 0
tzname = ('UTC', 'UTC')

_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday',
           'tm_yday', 'tm_isdst')
_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')


class struct_time(tuple):
    # the nine fields of a time, with two more by name only (tm_zone and tm_gmtoff)
    __module__ = 'time'
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, sequence, dict=None):
        sequence = tuple(sequence)
        if len(sequence) < 9:
            raise TypeError('time.struct_time() takes an at least 9-sequence (%d-sequence given)'
                            % len(sequence))
        if len(sequence) > 11:
            raise TypeError('time.struct_time() takes an at most 11-sequence (%d-sequence given)'
                            % len(sequence))
        self = tuple.__new__(cls, sequence[:9])
        self._extra = sequence[9:] + (None, None)[len(sequence) - 9:]
        return self

    def __repr__(self):
        fields = ', '.join('%s=%r' % (name, value) for name, value in zip(_FIELDS, self))
        return 'time.struct_time(%s)' % fields

    def __reduce__(self):
        return (struct_time, (tuple(self), ))

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self._extra[0])
    tm_gmtoff = property(lambda self: self._extra[1])


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


_DAYS_BEFORE_MONTH = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def _struct(seconds, zone):
    # the struct_time of UTC seconds since the epoch
    if seconds is None:
        seconds = time()
    seconds = int(seconds // 1)
    days, rest = divmod(seconds, 86400)
    ordinal = days + _days_before_year(1970) + 1  # 0001-01-01 is day 1
    year = 1 + (ordinal - 1) * 400 // 146097
    while _days_before_year(year + 1) < ordinal:
        year += 1
    while _days_before_year(year) >= ordinal:
        year -= 1
    yday = ordinal - _days_before_year(year)
    leap = _is_leap(year)
    month = 12
    while _DAYS_BEFORE_MONTH[month - 1] + (leap and month > 2) >= yday:
        month -= 1
    mday = yday - _DAYS_BEFORE_MONTH[month - 1] - (leap and month > 2)
    wday = (ordinal + 6) % 7
    return struct_time((year, month, mday, rest // 3600, rest // 60 % 60, rest % 60, wday, yday,
                        0, zone, 0))


def gmtime(secs=None):
    return _struct(secs, 'GMT')


def localtime(secs=None):
    return _struct(secs, 'UTC')


def _as_struct(t, name):
    if isinstance(t, struct_time):
        return t
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError('%s(): illegal time tuple argument' % name)
    return struct_time(t)


def _seconds(t):
    # the UTC seconds since the epoch of a struct_time (calendar.timegm)
    year, month, mday, hour, minute, second = t[:6]
    days = _days_before_year(year) - _days_before_year(1970) + \
        _DAYS_BEFORE_MONTH[month - 1] + (month > 2 and _is_leap(year)) + mday - 1
    return ((days * 24 + hour) * 60 + minute) * 60 + second


def mktime(t):
    return float(_seconds(_as_struct(t, 'mktime')))


def asctime(t=None):
    t = localtime() if t is None else _as_struct(t, 'asctime')
    return '%s %s %2d %02d:%02d:%02d %d' % (_DAYS[t[6]], _MONTHS[t[1] - 1], t[2], t[3], t[4],
                                            t[5], t[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError('strftime() argument 1 must be str, not %s' % type(format).__name__)
    seconds = time() if t is None else _seconds(_as_struct(t, 'strftime'))
    return _strftime(format, seconds)
