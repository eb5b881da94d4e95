# `except Exception` does not catch asyncio.CancelledError (a BaseException since 3.8), so a worker written with
# it is cancelled normally; a bare `except:` (or `except BaseException`) swallows the cancellation: the task keeps
# running, t.cancelled() stays False, and in 3.11 t.cancelling() still counts the pending request (1). The stuck
# worker is finally stopped with a flag; awaiting the polite one raises CancelledError, caught by suppress.
import asyncio
import contextlib
from typing import List


async def polite(log: List[str]) -> None:
    while True:
        try:
            await asyncio.sleep(0.02)
        except Exception as e:  # a CancelledError passes straight through
            log.append(f"polite caught {e!r}")


async def stubborn(log: List[str], stop: List[bool]) -> str:
    while not stop:
        try:
            await asyncio.sleep(0.02)
        except:  # noqa: E722 - the learner's "catch everything"
            log.append("stubborn swallowed a cancellation")
    return "stubborn finished by flag"


async def main() -> None:
    log: List[str] = []
    stop: List[bool] = []
    t1 = asyncio.create_task(polite(log))
    t2 = asyncio.create_task(stubborn(log, stop))
    await asyncio.sleep(0.05)
    t1.cancel()
    t2.cancel()
    await asyncio.sleep(0.05)
    print(t1.done(), t1.cancelled(), t2.done(), t2.cancelled(), t2.cancelling())
    stop.append(True)
    print(await t2, t2.cancelled())
    with contextlib.suppress(asyncio.CancelledError):
        await t1
    print(log, issubclass(asyncio.CancelledError, BaseException))


asyncio.run(main())
