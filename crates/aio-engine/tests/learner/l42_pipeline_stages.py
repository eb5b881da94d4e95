# A three-stage producer/consumer pipeline (fetch -> parse -> store) linked by bounded asyncio.Queues: each stage
# is a typed async function; main waits with queue.join() stage by stage, then cancels the consumer tasks (they sit
# in `await queue.get()` forever) and gathers them with return_exceptions=True, which yields
# CancelledError('') objects (gather builds them with '' when the task had no cancel message).
# maxsize=1 makes the producer wait for the parser (put() blocks), so stages overlap in a fixed order.
import asyncio
from dataclasses import dataclass
from typing import List


@dataclass
class Page:
    url: str
    html: str


async def fetch(urls: List[str], out: "asyncio.Queue[Page]") -> None:
    for url in urls:
        await asyncio.sleep(0.01)
        await out.put(Page(url, f"<h1>{url.upper()}</h1>"))
        print(f"fetched {url}")


async def parse(inq: "asyncio.Queue[Page]", out: "asyncio.Queue[str]") -> None:
    while True:
        page = await inq.get()
        await asyncio.sleep(0.05)
        await out.put(page.html.removeprefix("<h1>").removesuffix("</h1>"))
        print(f"parsed {page.url}")
        inq.task_done()


async def store(inq: "asyncio.Queue[str]", db: List[str]) -> None:
    while True:
        title = await inq.get()
        db.append(title)
        print(f"stored {title}")
        inq.task_done()


async def main() -> None:
    pages: asyncio.Queue[Page] = asyncio.Queue(maxsize=1)
    titles: asyncio.Queue[str] = asyncio.Queue()
    db: List[str] = []
    consumers = [asyncio.create_task(parse(pages, titles)), asyncio.create_task(store(titles, db))]
    await fetch(["a", "b", "c"], pages)
    print("producer finished")
    await pages.join()
    await titles.join()
    for t in consumers:
        t.cancel()
    print(await asyncio.gather(*consumers, return_exceptions=True))
    print(db)


asyncio.run(main())
