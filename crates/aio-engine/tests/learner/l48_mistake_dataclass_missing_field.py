# exit: 1
# Building dataclasses from incoming rows with Job(**row): rows with all fields work, an extra key is caught
# ("Job.__init__() got an unexpected keyword argument 'owner'"), and a row missing a field raises, inside a
# TaskGroup child, "TypeError: Job.__init__() missing 1 required positional argument: 'priority'". The TaskGroup
# cancels the sibling and raises an ExceptionGroup that nobody catches: the grouped traceback, exit 1.
import asyncio
from dataclasses import dataclass
from typing import Any, Dict, List


@dataclass
class Job:
    name: str
    priority: int
    retries: int = 0


ROWS: List[Dict[str, Any]] = [
    {"name": "build", "priority": 1},
    {"name": "test", "priority": 2, "retries": 3},
    {"name": "lint", "priority": 3, "owner": "ann"},
    {"name": "deploy"},
]


async def load(row: Dict[str, Any]) -> Job:
    await asyncio.sleep(0.01)
    return Job(**row)


async def slow_load() -> None:
    try:
        await asyncio.sleep(0.2)
    finally:
        print("slow_load cancelled")


async def main() -> None:
    for row in ROWS[:3]:
        try:
            print(await load(row))
        except TypeError as e:
            print("skipped:", e)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(slow_load())
        tg.create_task(load(ROWS[3]))


asyncio.run(main())
