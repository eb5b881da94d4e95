# Subclasses of str, `class Status(str, Enum)` and StrEnum: their members are real strings.
import asyncio
import json
from enum import Enum, StrEnum, auto


class UserId(str):
    def masked(self):
        return self[:2] + "*" * (len(self) - 2)


class Tagged(str):
    def __new__(cls, value, tag="x"):
        obj = super().__new__(cls, value)
        obj.tag = tag
        return obj

    def __repr__(self):
        return f"Tagged({str.__repr__(self)}, tag={self.tag!r})"


class Status(str, Enum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"


class Method(StrEnum):
    GET = auto()
    POST = auto()


uid = UserId("alice42")
print(uid, repr(uid), uid.masked(), isinstance(uid, str), type(uid.upper()).__name__)
print(uid + "!", uid == "alice42", {uid: 1}["alice42"], ", ".join([uid, UserId("bob")]))
print(f"{uid:>10}|", "%s" % uid, int(UserId("7")) + 1, sorted([UserId("b"), "a"]))
t = Tagged("hello", tag="greeting")
print(t, repr(t), t.tag, t.title())

print(str(Status.DONE), f"{Status.DONE}", repr(Status.DONE), Status.DONE == "done")
print(Status("running"), Status.RUNNING.upper(), Status.DONE.value, len(Status.PENDING))
print(json.dumps({"status": Status.DONE, "method": Method.POST}), sorted(Status))
print(str(Method.GET), f"{Method.GET}", repr(Method.GET), "/".join(Method), Method("post"))
print({"get": 1}[Method.GET], Method.GET in {"get", "put"}, hash(Status.DONE) == hash("done"))


async def job(name, status_log):
    status_log[name] = Status.RUNNING
    await asyncio.sleep(0.01)
    status_log[name] = Status.DONE
    return f"{name}: {status_log[name].value}"


async def main():
    log = {}
    results = await asyncio.gather(job("a", log), job("b", log))
    print(results, all(s == "done" for s in log.values()), json.dumps(log))


asyncio.run(main())
try:
    Status("lost")
except ValueError as e:
    print("ValueError:", e)
