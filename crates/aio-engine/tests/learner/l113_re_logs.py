import asyncio
import re
from collections import Counter

LOG_RE = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2}) (?P<time>\d{2}:\d{2}:\d{2}) "
    r"\[(?P<level>[A-Z]+)\] (?P<module>[\w.]+): (?P<message>.*)"
)

LINES = [
    "2024-03-01 09:30:01 [INFO] web.server: listening on port 8080",
    "2024-03-01 09:30:05 [DEBUG] db.pool: opened 5 connections",
    "2024-03-01 09:31:12 [WARNING] web.handler: slow request /api/users took 1532ms",
    "garbage line without structure",
    "2024-03-01 09:32:40 [ERROR] db.pool: connection reset by peer",
    "2024-03-01 09:33:00 [INFO] web.handler: GET /api/items 200 in 12ms",
    "2024-03-01 09:34:59 [ERROR] web.handler: POST /api/orders 500 in 87ms",
]


async def reader(queue):
    for line in LINES:
        await queue.put(line)
        await asyncio.sleep(0.01)
    await queue.put(None)


async def analyser(queue):
    levels = Counter()
    durations = []
    while (line := await queue.get()) is not None:
        m = LOG_RE.match(line)
        if not m:
            print("skip:", repr(line))
            continue
        levels[m["level"]] += 1
        if m.group("level") in ("ERROR", "WARNING"):
            print(f"{m['time']} {m['level']:<7} {m['module']:<12} {m['message']}")
        if timing := re.search(r"(\d+)ms$", m["message"]):
            durations.append(int(timing.group(1)))
    return levels, durations


async def main():
    queue = asyncio.Queue()
    _, (levels, durations) = await asyncio.gather(reader(queue), analyser(queue))
    print("levels:", dict(levels))
    print("most common:", levels.most_common(1))
    print("durations ms:", durations, "max:", max(durations))
    first = LOG_RE.match(LINES[0])
    print("groupdict:", first.groupdict())
    print("span of module:", first.span("module"))


asyncio.run(main())
