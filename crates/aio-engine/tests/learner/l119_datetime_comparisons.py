# exit: 1
# Comparing dates, datetimes and durations, and the errors of mixing them.
from datetime import date, datetime, time, timedelta

d = date(2024, 5, 1)
print(d.year, d.month, d.day, d < date(2024, 6, 1), d >= d, sorted([date(2024, 1, 2), d]))
print(datetime(2024, 1, 1) > datetime(2023, 1, 1), timedelta(hours=2) > timedelta(minutes=90))
print(max(timedelta(1), timedelta(hours=30)), time(9, 30) < time(10), d == datetime(2024, 5, 1))
print(timedelta(1) == 86400, date(2024, 1, 1) == "2024-01-01")
for bad in (lambda: d < datetime(2024, 1, 1), lambda: datetime(2024, 1, 1) < d,
            lambda: timedelta(1) < 5, lambda: time(1) > "x", lambda: d <= None):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
for obj, attr in ((d, "year"), (timedelta(1), "days"), (time(1), "hour")):
    try:
        setattr(obj, attr, 3)
    except AttributeError as e:
        print("AttributeError:", e)
deadline = datetime(2024, 5, 1, 17, 0)
print(deadline < d)
