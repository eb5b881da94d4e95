# typing.get_type_hints on a small class hierarchy of workers: it merges the annotations of the bases (base class
# first), resolves string annotations, keeps ClassVar/Final, strips Annotated unless include_extras=True; since
# 3.11 a `= None` default no longer turns `int` into Optional[int]. __annotations__ only holds the class's own.
import asyncio
import typing
from typing import Annotated, ClassVar, Final, Optional


class Worker:
    count: ClassVar[int] = 0
    name: str
    limit: "Optional[int]"

    def __init__(self, name: str, limit: int = None) -> None:
        Worker.count += 1
        self.name, self.limit = name, limit

    async def run(self, jobs: "list[str]") -> Annotated[int, "jobs done"]:
        for job in jobs[: self.limit]:
            await asyncio.sleep(0.01)
            print(f"{self.name} did {job}")
        return min(len(jobs), self.limit or len(jobs))


class RetryingWorker(Worker):
    retries: Final[int] = 3
    delay: Annotated[float, "seconds"] = 0.01


async def main() -> None:
    done = await asyncio.gather(Worker("w1", 1).run(["a", "b"]), RetryingWorker("w2").run(["c", "d"]))
    print(done, Worker.count)


print(Worker.__annotations__)
print(RetryingWorker.__annotations__)
print(typing.get_type_hints(RetryingWorker))
print(typing.get_type_hints(RetryingWorker, include_extras=True)["delay"])
print(typing.get_type_hints(Worker.__init__))
print(typing.get_type_hints(Worker.run), typing.get_type_hints(Worker.run, include_extras=True)["return"])
print(typing.get_origin(ClassVar[int]), typing.get_args(Annotated[float, "seconds"]))
asyncio.run(main())
