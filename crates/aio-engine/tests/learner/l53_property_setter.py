# exit: 1
# Probes @property with @x.setter and @x.deleter on a class an asyncio program uses: the setter
# validates (a ValueError from inside it), a read-only property refuses assignment, and
# property() called directly. CPython 3.11.7's messages: "property 'x' of 'C' object has no setter".
import asyncio


class RateLimiter:
    """Allows `limit` calls per second."""

    def __init__(self, limit):
        self._limit = 0
        self.limit = limit
        self._calls = 0

    @property
    def limit(self):
        """Calls allowed per second."""
        return self._limit

    @limit.setter
    def limit(self, value):
        if value <= 0:
            raise ValueError(f"limit must be positive, got {value}")
        self._limit = value

    @limit.deleter
    def limit(self):
        print("limit removed")
        self._limit = 0

    @property
    def calls(self):
        return self._calls

    async def call(self, name):
        await asyncio.sleep(1 / self._limit)
        self._calls += 1
        return f"{name} done"


def _get_name(self):
    return self._name


class Job:
    __slots__ = ("_name",)

    def __init__(self, name):
        self._name = name

    name = property(_get_name, doc="the job's name")


async def main():
    limiter = RateLimiter(10)
    print(limiter.limit, RateLimiter.limit.__doc__, type(RateLimiter.limit).__name__)
    results = await asyncio.gather(*(limiter.call(f"job{i}") for i in range(3)))
    print(results, limiter.calls)
    limiter.limit = 20
    print(limiter.limit)
    try:
        limiter.limit = -1
    except ValueError as e:
        print("refused:", e)
    try:
        limiter.calls = 5
    except AttributeError as e:
        print("AttributeError:", e)
    del limiter.limit
    print(limiter.limit, isinstance(RateLimiter.calls, property))
    job = Job("fetch")
    print(job.name, Job.name.__doc__, Job.name.fset)
    job.name = "other"


asyncio.run(main())
