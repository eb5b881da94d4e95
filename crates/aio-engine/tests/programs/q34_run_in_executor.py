# run_in_executor(None, fn, *args) runs blocking time.sleep calls in threads while the loop keeps serving coroutines;
# results come back in argument order from gather; executor times are truncated to 0.1 s (thread start-up jitter).
import asyncio
import time

T0 = time.perf_counter()


def ts_coarse():
    # executor threads are started lazily (a few ms each) so these lines are truncated to 0.1 s only
    return f"[{int((time.perf_counter() - T0) * 10 + 1e-6) / 10:.1f}]"


def blocking_io(name, d):
    time.sleep(d)
    return f"{name} slept {d}"


async def heartbeat():
    for i in range(3):
        await asyncio.sleep(0.1)
        print(f"{ts_coarse()} heartbeat {i}")


async def main():
    loop = asyncio.get_running_loop()
    hb = asyncio.create_task(heartbeat())
    print(f"{ts_coarse()} submitting three blocking jobs")
    futs = [loop.run_in_executor(None, blocking_io, n, d) for n, d in (("A", 0.35), ("B", 0.15), ("C", 0.25))]
    print(f"{ts_coarse()} futures are {[type(f).__name__ for f in futs]}")
    for f, label in zip(futs, "ABC"):
        f.add_done_callback(lambda f, label=label: print(f"{ts_coarse()} job {label} finished"))
    results = await asyncio.gather(*futs)
    print(f"{ts_coarse()} results {results}")
    await hb
    r = await asyncio.to_thread(blocking_io, "D", 0.1)
    print(f"{ts_coarse()} to_thread -> {r!r}")


asyncio.run(main())
