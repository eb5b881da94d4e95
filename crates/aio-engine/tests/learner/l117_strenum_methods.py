# exit: 1
import asyncio
from enum import Enum


class Priority(str, Enum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    NORMAL = "medium"  # alias for MEDIUM

    @property
    def timeout(self):
        return {"low": 0.05, "medium": 0.02, "high": 0.01}[self.value]

    def __str__(self):
        return self.value.upper()

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.value == value.lower():
                    return member
        return None


print("members:", [m.name for m in Priority])
print("alias is same object:", Priority.NORMAL is Priority.MEDIUM)
print("__members__ keys:", list(Priority.__members__))
print("str():", str(Priority.HIGH), " repr():", repr(Priority.HIGH))
print("case-insensitive lookup:", repr(Priority("HiGh")))
print("'low' in values:", "low" in [p.value for p in Priority])


async def handle(task_name, priority, work):
    try:
        await asyncio.wait_for(asyncio.sleep(work), timeout=priority.timeout)
        return f"{task_name} [{priority}] finished"
    except asyncio.TimeoutError:
        return f"{task_name} [{priority}] timed out after {priority.timeout}s"


async def main():
    jobs = [("backup", "low", 0.01), ("email", "Medium", 0.05), ("alert", "HIGH", 0.001),
            ("report", "medium", 0.005)]
    results = await asyncio.gather(*(handle(n, Priority(p), w) for n, p, w in jobs))
    for line in results:
        print(line)
    ordered = sorted(Priority, key=lambda p: p.timeout)
    print("strictest first:", [p.name for p in ordered])


asyncio.run(main())

# Mistake: the enum is a str, so + with an int fails
label = Priority.HIGH + 1
