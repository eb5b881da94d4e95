# concurrent.futures without an event loop: submit/result, map keeps input order, as_completed yields in
# finishing order, wait(FIRST_COMPLETED), exceptions from result(), and wrap_future inside asyncio.run.
import asyncio
import concurrent.futures
import time

T0 = time.perf_counter()


def ts():
    return f"[{int((time.perf_counter() - T0) * 10 + 1e-6) / 10:.1f}]"


def work(name, d):
    time.sleep(d)
    if name == "bad":
        raise KeyError(name)
    return f"{name}:{d}"


with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
    f = pool.submit(work, "one", 0.1)
    print(ts(), type(f).__name__, f.result(), f.done())
    print(ts(), list(pool.map(work, ["a", "b", "c", "d"], [0.2, 0.1, 0.1, 0.1])))
    fs = [pool.submit(work, n, d) for n, d in (("x", 0.3), ("y", 0.1), ("z", 0.2))]
    print(ts(), [g.result() for g in concurrent.futures.as_completed(fs)])
    fs = [pool.submit(work, n, d) for n, d in (("p", 0.2), ("q", 0.1))]
    done, pending = concurrent.futures.wait(fs, return_when=concurrent.futures.FIRST_COMPLETED)
    print(ts(), [g.result() for g in done], len(pending))
    bad = pool.submit(work, "bad", 0.1)
    try:
        bad.result()
    except KeyError as e:
        print(ts(), "result() raised", repr(e), "| exception():", repr(bad.exception()))
print(ts(), "pool shut down")


async def main():
    with concurrent.futures.ThreadPoolExecutor() as pool:
        cf = pool.submit(work, "wrapped", 0.2)
        af = asyncio.wrap_future(cf)
        print(ts(), type(af).__name__, await af)


asyncio.run(main())
