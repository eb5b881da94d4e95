# exit: 1
# Regular expressions: parsing log lines, validating input, rewriting text, and re.error.
import asyncio
import re

LINE = re.compile(r"""
    (?P<date>\d{4}-\d{2}-\d{2})\s+      # the day
    (?P<time>\d{2}:\d{2}:\d{2})\s+
    (?P<level>[A-Z]+)\s+
    (?P<msg>.*)
""", re.VERBOSE)

LOG = """2024-01-01 12:00:01 ERROR disk full on /dev/sda1
2024-01-01 12:00:02 INFO backup done in 42s
2024-01-01 12:00:03 ERROR timeout after 30s
garbage line"""


async def parse(line):
    await asyncio.sleep(0)
    m = LINE.match(line)
    if m is None:
        return None
    return m.groupdict()


async def main():
    records = await asyncio.gather(*(parse(line) for line in LOG.splitlines()))
    for r in records:
        print(r)
    errors = [r["msg"] for r in records if r and r["level"] == "ERROR"]
    print(errors, re.findall(r"(\d+)s\b", LOG))


asyncio.run(main())
print(LINE.pattern.count("\n"), LINE.groups, LINE.groupindex)
email = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
for address in ["bob@example.com", "bad@", "a.b+c@mail.co.uk"]:
    print(address, bool(email.match(address)))
print(re.sub(r"(\w+)@(\w+)\.com", r"\2 at \1", "write to bob@example.com"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 10 pears"))
print(re.split(r"\s*[,;]\s*", "a , b;c ,d"), re.split(r"(-)", "1-2-3", maxsplit=1))
print(re.findall(r"[A-Z][a-z]+", "Alice met Bob and Carol"), re.findall(r"\b\w+\b", "你好, world"))
m = re.search(r"(?P<user>\w+)@(?P<host>[\w.]+)", "mail bob@example.com now")
print(m, m.span("host"), m.lastgroup, m.expand(r"\g<host>/\1"), re.escape("1+1=2?"))
print(re.compile(r"\d+", re.IGNORECASE | re.MULTILINE), re.sub("x*", "-", "abxd"), re.findall(r"<.*?>", "<a><b>"))
for bad in ["(unclosed", "a**", "[a-", r"\q", "no)", "(?<=a+)b"]:
    try:
        re.compile(bad)
    except re.error as e:
        print("re.error:", e)
print(re.match(r"\d+", "abc").group())
