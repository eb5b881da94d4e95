# exit: 1
# Dates and durations with datetime: deadlines, schedules, formatting, parsing, time zones.
import asyncio
from datetime import date, datetime, time, timedelta, timezone

start = datetime(2024, 3, 8, 9, 30)
deadline = start + timedelta(days=2, hours=4)
print(start, repr(start), deadline.strftime("%A %d %B %Y, %H:%M"), deadline - start)
print(f"{deadline:%Y-%m-%d %I:%M %p}", deadline.isoformat(), deadline.weekday(), deadline.date())
print(date(2024, 2, 29) + timedelta(days=365), date(2024, 12, 25) - date(2024, 1, 1))
print(timedelta(hours=1, minutes=30), repr(timedelta(minutes=90)), timedelta(minutes=90).total_seconds())
print(timedelta(days=-1, seconds=30), timedelta(hours=36) // timedelta(hours=8), timedelta(1) / 7)
print(sorted([date(2024, 5, 1), date(2023, 12, 31), date(2024, 1, 1)]), date(2024, 1, 1).isocalendar())
print(datetime.strptime("2024-07-04 18:45", "%Y-%m-%d %H:%M"), datetime.fromisoformat("2024-07-04T18:45:00+02:00"))
utc = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
paris = utc.astimezone(timezone(timedelta(hours=1), "CET"))
print(utc, paris, paris.tzname(), paris == utc, repr(timezone.utc), utc.timestamp())
print(datetime.combine(date(2024, 6, 1), time(8, 15)), time(14, 5).strftime("%H:%M"), datetime.fromtimestamp(0, timezone.utc))


async def reminder(name, at, now):
    wait = (at - now).total_seconds()
    await asyncio.sleep(wait / 3600)  # an hour of schedule is a millisecond here
    return f"{at:%H:%M} {name}"


async def main():
    now = datetime(2024, 3, 8, 8, 0)
    schedule = {"stand-up": time(9, 0), "lunch": time(12, 30), "review": time(10, 15)}
    jobs = [reminder(name, datetime.combine(now.date(), at), now) for name, at in schedule.items()]
    for done in asyncio.as_completed(jobs):
        print(await done)


asyncio.run(main())
for bad in (lambda: date(2023, 2, 29), lambda: datetime.strptime("07/04/2024", "%Y-%m-%d"),
            lambda: datetime(2024, 1, 1) < date(2024, 1, 1), lambda: utc - start):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(start + 1)
