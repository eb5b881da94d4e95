# time.struct_time, gmtime, localtime, mktime, asctime, ctime and strftime with a time; date and datetime timetuple().
import time
import datetime
t = time.gmtime(0)
print(repr(t))
print(t.tm_zone, t.tm_gmtoff, len(t), t[0], type(t).__module__, type(t).__name__)
print(time.asctime(t), time.ctime(0), time.strftime('%Y-%m-%d %H:%M:%S', t), time.mktime(t))
try:
    time.struct_time((1, 2))
except TypeError as e:
    print(e)
print(repr(time.struct_time((2024, 1, 1, 0, 0, 0, 0, 1, -1))))
print(repr(datetime.date(2024, 2, 28).timetuple()), repr(datetime.datetime(2024, 2, 28, 13, 5, 7).timetuple()))
print(repr(datetime.datetime(2024, 2, 28, 13, 5, 7, tzinfo=datetime.timezone.utc).timetuple()))
print(repr(datetime.datetime(2024, 2, 28, 13, 5, 7, tzinfo=datetime.timezone.utc).utctimetuple()))
print(time.strftime('%a %d', (2024, 1, 1, 0, 0, 0, 0, 1, -1)))
for secs in [951782400, 4102444799, 1709164800, 86399, 1e9]:
    g = time.gmtime(secs)
    print(tuple(g), time.mktime(g), time.asctime(g))
print(datetime.date(2024, 12, 31).timetuple().tm_yday, datetime.date(2023, 12, 31).timetuple().tm_yday)
y, m, d, *_ = time.localtime(86400 * 365)
print(y, m, d)
