# asyncio.wait: react to the first finished task, then decide what to do with the rest.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s so the printed times are stable from run to run
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


async def mirror(name, delay):
    await asyncio.sleep(delay)
    return f"file from {name}"


async def main():
    tasks = {
        asyncio.create_task(mirror("tokyo", 0.3), name="tokyo"),
        asyncio.create_task(mirror("paris", 0.1), name="paris"),
        asyncio.create_task(mirror("lima", 0.2), name="lima"),
    }
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for t in done:
        print(f"{ts()} first finished: {t.get_name()} -> {t.result()!r}")
    print(f"{ts()} still pending: {sorted(t.get_name() for t in pending)}")
    for t in pending:
        t.cancel()
    done, pending = await asyncio.wait(pending)
    print(f"{ts()} after cancel: {sorted((t.get_name(), t.cancelled()) for t in done)}")

    print("== timeout: wait returns what is done, it does not raise ==")
    tasks = [asyncio.create_task(mirror(n, d), name=n) for n, d in (("oslo", 0.1), ("rome", 0.4))]
    done, pending = await asyncio.wait(tasks, timeout=0.2)
    print(f"{ts()} done {[t.get_name() for t in done]}, pending {[t.get_name() for t in pending]}")
    for t in pending:
        t.cancel()

    print("== as_completed: results in finishing order ==")
    coros = [mirror("a", 0.3), mirror("b", 0.1), mirror("c", 0.2)]
    for next_done in asyncio.as_completed(coros):
        print(f"{ts()} {await next_done}")


asyncio.run(main())
