# Retries with exponential backoff, as a learner writes it: a frozen @dataclass RetryPolicy (attempts, base,
# factor, timeout), a flaky service that fails a fixed number of times, asyncio.wait_for per attempt, and
# `raise RuntimeError(...) from last` when giving up. Timestamps (truncated to 0.01 s, relative to the start of each
# with_retries call) show the waits 0.01, 0.02, 0.04 and the per-attempt timeout 0.05.
import asyncio
import time
from dataclasses import dataclass
from typing import Awaitable, Callable, Optional

T0 = [time.perf_counter()]  # reset by each with_retries call, so each run has few timer hops


def ts() -> str:
    return f"[{int((time.perf_counter() - T0[0]) * 100 + 1e-6) / 100:.2f}]"


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    base: float = 0.01
    factor: float = 2.0
    timeout: float = 0.05

    def delay(self, attempt: int) -> float:
        return self.base * self.factor ** (attempt - 1)


async def with_retries(op: Callable[[], Awaitable[str]], policy: RetryPolicy) -> str:
    T0[0] = time.perf_counter()
    last: Optional[BaseException] = None
    for attempt in range(1, policy.attempts + 1):
        try:
            return await asyncio.wait_for(op(), policy.timeout)
        except (ConnectionError, TimeoutError) as e:
            last = e
            print(f"{ts()} attempt {attempt}: {type(e).__name__} {e}".rstrip())
            if attempt < policy.attempts:
                await asyncio.sleep(policy.delay(attempt))
    raise RuntimeError(f"gave up after {policy.attempts} attempts") from last


def flaky(failures: int, hang: bool = False) -> Callable[[], Awaitable[str]]:
    calls = [0]
    async def op() -> str:
        calls[0] += 1
        await asyncio.sleep(0.2 if hang else 0)
        if calls[0] <= failures:
            raise ConnectionError(f"refused #{calls[0]}")
        return f"ok after {calls[0]} calls"
    return op


async def main() -> None:
    result = await with_retries(flaky(3), RetryPolicy())
    print(ts(), result)
    try:
        await with_retries(flaky(0, hang=True), RetryPolicy(attempts=2))
    except RuntimeError as e:
        print(ts(), repr(e), "cause:", repr(e.__cause__))


asyncio.run(main())
