# typing.Optional / Dict / List / Tuple in an ordinary async fetcher: annotations are evaluated when `def` runs and
# stored in f.__annotations__ (typing objects print as typing.Optional[float], typing.Dict[str, int]; plain classes
# as <class 'str'>); they are never checked, and the code runs the same with or without them.
import asyncio
from typing import Dict, List, Optional, Tuple

CACHE: Dict[str, int] = {}


async def fetch(url: str, timeout: Optional[float] = None) -> Dict[str, int]:
    await asyncio.sleep(0.01)
    if url in CACHE:
        return {"status": 304, "size": CACHE[url]}
    CACHE[url] = len(url) * 10
    return {"status": 200, "size": CACHE[url]}


async def fetch_all(urls: List[str]) -> List[Tuple[str, int]]:
    results: List[Tuple[str, int]] = []
    for url in urls:
        reply = await fetch(url, timeout=1.0)
        results.append((url, reply["status"]))
    return results


async def main() -> None:
    print(await fetch_all(["/a", "/bb", "/a"]))
    print(CACHE)


print(fetch.__annotations__)
print(fetch_all.__annotations__)
print(main.__annotations__)
print(__annotations__)
print(Optional[float] == Optional[float], Optional[float].__args__)
asyncio.run(main())
