# exit: 1
# Naming functions by hand (fn.__name__ = ..., fn.__qualname__ = ...) in a factory of async fetchers: the coroutine
# objects take the function's new names, and so does the "coroutine ... was never awaited" RuntimeWarning (it
# uses __qualname__), but tracebacks still show the code object's name ('fetch'). functools.singledispatch picks
# the formatter by the type of the first argument (registry keys listed; bool goes to int's implementation).
import asyncio
import functools
from typing import Any, Callable, Coroutine


def make_fetcher(kind: str) -> Callable[[str], Coroutine[Any, Any, str]]:
    async def fetch(url: str) -> str:
        await asyncio.sleep(0.01)
        if not url.startswith("/"):
            raise ValueError(f"bad url {url!r}")
        return f"{kind}:{url}"
    fetch.__name__ = f"fetch_{kind}"
    fetch.__qualname__ = f"Fetchers.fetch_{kind}"
    return fetch


@functools.singledispatch
def show(value: Any) -> str:
    return f"other {value!r}"


@show.register
def _(value: int) -> str:
    return f"int {value}"


@show.register(list)
def _(value: list) -> str:
    return "list " + ", ".join(show(v) for v in value)


async def main() -> None:
    fetch_json = make_fetcher("json")
    coro = fetch_json("/a")
    print(fetch_json.__name__, fetch_json.__qualname__, coro.__name__, coro.__qualname__, coro.cr_code.co_name)
    print(await coro)
    make_fetcher("xml")("/never")
    print(show(3), "|", show(True), "|", show([1, "x", 2.5]), "|", show(None))
    print([k.__name__ for k in show.registry], show.dispatch(bool).__name__)
    await fetch_json("oops")


asyncio.run(main())
