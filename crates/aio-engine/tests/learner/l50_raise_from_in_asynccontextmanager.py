# exit: 1
# Explicit chaining: an @asynccontextmanager translates low-level errors into a ConfigError with
# `raise ConfigError(...) from e` (sets __cause__ and __suppress_context__), or hides them with `from None`.
# Caught cases print the attributes; the last one is uncaught, so the traceback shows the ValueError, then "The
# above exception was the direct cause of the following exception:", then the ConfigError raised at the `yield`
# through contextlib.py's __aexit__ (athrow). Exit 1.
import asyncio
import contextlib
from typing import AsyncIterator, Dict


class ConfigError(Exception):
    pass


@contextlib.asynccontextmanager
async def config_errors(path: str, hide: bool = False) -> AsyncIterator[None]:
    try:
        yield
    except (KeyError, ValueError) as e:
        if hide:
            raise ConfigError(f"{path}: invalid") from None
        raise ConfigError(f"{path}: invalid ({type(e).__name__})") from e


async def read_port(path: str, raw: Dict[str, str], hide: bool = False) -> int:
    async with config_errors(path, hide):
        await asyncio.sleep(0.01)
        return int(raw["port"])


async def main() -> None:
    print(await read_port("a.ini", {"port": "80"}))
    for path, raw, hide in [("b.ini", {}, False), ("c.ini", {"port": "x"}, True)]:
        try:
            await read_port(path, raw, hide)
        except ConfigError as e:
            print(repr(e), "| cause:", repr(e.__cause__), "| context:", repr(e.__context__),
                  "| suppress:", e.__suppress_context__)
    await read_port("d.ini", {"port": "eighty"})


asyncio.run(main())
