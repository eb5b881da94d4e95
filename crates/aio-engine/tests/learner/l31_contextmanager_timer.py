# @contextlib.contextmanager timing blocks around awaits: code before `yield` runs on entry, the yielded value is
# bound by `as`, the `finally` after it runs on exit even when the block raises; an exception in the block is
# thrown into the generator at the `yield` (seen by an `except` there) and propagates unless the generator swallows
# it. Times are truncated to 0.01 s.
import asyncio
import contextlib
import time
from typing import Dict, Iterator, List

TIMINGS: Dict[str, float] = {}


@contextlib.contextmanager
def timed(label: str) -> Iterator[List[str]]:
    notes: List[str] = []
    start = time.perf_counter()
    print(f"enter {label}")
    try:
        yield notes
    except KeyError as e:
        print(f"{label}: block raised {e!r}, swallowing it")
    finally:
        TIMINGS[label] = int((time.perf_counter() - start) * 100 + 1e-6) / 100
        print(f"exit {label} after {TIMINGS[label]:.2f}s, notes={notes}")


async def main() -> None:
    with timed("download") as notes:
        await asyncio.sleep(0.05)
        notes.append("got 3 files")
    with timed("parse") as notes:
        await asyncio.sleep(0.02)
        notes.append("bad row")
        {}["missing"]
    print("after parse")
    try:
        with timed("upload"):
            await asyncio.sleep(0.03)
            raise ConnectionError("server went away")
    except ConnectionError as e:
        print("main caught", repr(e))
    print(TIMINGS)
    cm = timed("unused")
    print(type(cm).__name__, isinstance(cm, contextlib.AbstractContextManager))


asyncio.run(main())
