# exit: 1
# Beginner's mistake: using a plain `with` on an @asynccontextmanager (forgetting the `async` of `async with`).
# 3.11 says "TypeError: '_AsyncGeneratorContextManager' object does not support the context manager protocol"
# and the generator body never runs. The reverse, `async with` on a sync @contextmanager, fails with
# "... does not support the asynchronous context manager protocol" (caught first). Uncaught: exit 1.
import asyncio
import contextlib
from typing import AsyncIterator, Iterator


@contextlib.asynccontextmanager
async def transaction(name: str) -> AsyncIterator[str]:
    print(f"BEGIN {name}")
    await asyncio.sleep(0.01)
    yield name
    print(f"COMMIT {name}")


@contextlib.contextmanager
def span(name: str) -> Iterator[str]:
    print(f"span {name} starts")
    yield name


async def save(item: str) -> None:
    async with transaction("t1") as tx:
        print(f"saving {item} in {tx}")
    try:
        async with span("s1"):
            pass
    except TypeError as e:
        print("TypeError:", e)
    with transaction("t2") as tx:
        print(f"saving {item} in {tx}")


asyncio.run(save("order-1"))
