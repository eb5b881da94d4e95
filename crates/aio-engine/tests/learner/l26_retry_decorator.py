# exit: 1
# A retry decorator factory (decorator with arguments) built on functools.wraps: @retry(times=3, delay=0.01)
# re-awaits a flaky coroutine function, doubling the delay; `except exceptions` takes a tuple of classes.
# When every attempt fails, the last exception is re-raised with a bare `raise`, so the uncaught traceback goes
# through the decorator's `wrapper` frame (named by its code, not by wraps) into the original function.
import asyncio
import functools
from typing import Any, Awaitable, Callable, Dict, Tuple, Type

ATTEMPTS: Dict[str, int] = {}


def retry(times: int = 3, delay: float = 0.01,
          exceptions: Tuple[Type[BaseException], ...] = (ConnectionError,)) -> Callable[..., Any]:
    def decorator(func: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        @functools.wraps(func)
        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            wait = delay
            for attempt in range(1, times + 1):
                try:
                    return await func(*args, **kwargs)
                except exceptions as e:
                    print(f"  {func.__name__} attempt {attempt} failed: {e!r}")
                    if attempt == times:
                        raise
                    await asyncio.sleep(wait)
                    wait *= 2
        return wrapper
    return decorator


@retry(times=4)
async def flaky_fetch(key: str) -> str:
    ATTEMPTS[key] = ATTEMPTS.get(key, 0) + 1
    await asyncio.sleep(0.01)
    if ATTEMPTS[key] < 3:
        raise ConnectionError(f"{key}: reset by peer")
    return f"{key}=ok"


@retry(times=2, exceptions=(ConnectionError, TimeoutError))
async def always_down(host: str) -> None:
    await asyncio.sleep(0.01)
    raise TimeoutError(f"{host} did not answer")


async def main() -> None:
    print(await flaky_fetch("users"))
    print(flaky_fetch.__name__, flaky_fetch.__wrapped__.__name__, ATTEMPTS)
    await always_down("db.local")


asyncio.run(main())
