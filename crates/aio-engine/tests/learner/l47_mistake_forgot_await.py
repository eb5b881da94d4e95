# exit: 1
# Forgetting `await`: a coroutine function called without it returns a coroutine object, so using the "result"
# fails ("'coroutine' object is not subscriptable") and the coroutine is later reported with "RuntimeWarning:
# coroutine 'load_config' was never awaited" on stderr when it is freed. Then the async version of the mistake:
# @contextmanager (not @asynccontextmanager) on an `async def` with `yield` makes `with` fail inside contextlib
# with "TypeError: 'async_generator' object is not an iterator" (uncaught, exit 1).
import asyncio
import contextlib
from typing import Any, AsyncIterator, Dict


async def load_config() -> Dict[str, Any]:
    await asyncio.sleep(0.01)
    return {"db": "sqlite://", "workers": 2}


@contextlib.contextmanager
async def db_session(url: str) -> AsyncIterator[str]:
    print("connecting to", url)
    await asyncio.sleep(0.01)
    yield f"session({url})"


async def main() -> None:
    config = load_config()
    print(type(config).__name__, asyncio.iscoroutine(config))
    try:
        print(config["db"])
    except TypeError as e:
        print("TypeError:", e)
    del config
    print("deleted the coroutine")
    config = await load_config()
    print(config["db"])
    with db_session(config["db"]) as s:
        print("using", s)


asyncio.run(main())
