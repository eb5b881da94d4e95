# exit: 1
# datetime.strptime matches as CPython's regular expressions do, with CPython's _strptime frames in its errors and the C argument parser's 'not None'.
from datetime import datetime
import traceback
for a in [("2024-01-05 x", "%Y-%m-%d"), ("2024", "%Q")]:
    try:
        datetime.strptime(*a)
    except ValueError:
        traceback.print_exc()
for a in [("2024-02-30", "%Y-%m-%d"), ("12 PM", "%I %p"), ("5", "%j"), ("Tue 2024", "%a %Y"), ("2024 +0530", "%Y %z"), ("2024 +05:30:15.5", "%Y %z"), ("Mon Jan  1 10:00:00 2024", "%c"), ("01/02/24 x", "%x %X")]:
    try:
        print(repr(datetime.strptime(*a)))
    except ValueError:
        traceback.print_exc()
for a in [(None, "%Y"), ("2024", 5)]:
    try:
        datetime.strptime(*a)
    except TypeError as e:
        print(e)
print(datetime.strptime("07/03/2024 14:05", "%d/%m/%Y %H:%M"), datetime.strptime("March 5, 2024 at 9:30PM", "%B %d, %Y at %I:%M%p"))
datetime.strptime("2024-13-01", "%Y-%m-%d")
