# Graceful shutdown as servers write it: loop.add_signal_handler for SIGTERM and SIGINT sets an
# Event, the workers are cancelled and awaited, the handlers are removed; and a custom
# loop.set_exception_handler that receives the errors of callbacks and call_exception_handler's
# contexts instead of the default log.
import asyncio
import signal


def on_loop_error(loop, context):
    exc = context.get("exception")
    print(f"[handler] {context['message'].split(' at ')[0]!r} exception={exc!r} keys={sorted(context)}")


async def worker(name, stop):
    count = 0
    while not stop.is_set():
        await asyncio.sleep(0.1)
        count += 1
    return f"{name} did {count} rounds"


def broken_callback():
    raise RuntimeError("callback failed")


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(on_loop_error)
    print(loop.get_exception_handler() is on_loop_error)
    stop = asyncio.Event()

    def request_stop(sig):
        print(f"received {sig.name}, shutting down")
        stop.set()

    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, request_stop, sig)
    tasks = [asyncio.create_task(worker(f"w{i}", stop)) for i in range(3)]
    loop.call_later(0.25, broken_callback)
    loop.call_later(0.35, loop.call_exception_handler, {"message": "disk almost full", "free": 3})
    loop.call_later(0.52, signal.raise_signal, signal.SIGTERM)
    await stop.wait()
    print(f"stopped at {loop.time() - start:.2f}")
    for line in await asyncio.gather(*tasks):
        print(line)
    print(loop.remove_signal_handler(signal.SIGTERM), loop.remove_signal_handler(signal.SIGTERM))
    try:
        loop.add_signal_handler(signal.SIGTERM, worker)
    except TypeError as e:
        print("TypeError:", e)
    try:
        loop.set_exception_handler("log")
    except TypeError as e:
        print("TypeError:", e)
    loop.set_exception_handler(None)
    loop.call_soon(broken_callback)
    await asyncio.sleep(0)


start = 0.0


async def run():
    global start
    start = asyncio.get_running_loop().time()
    await main()


asyncio.run(run())
print("after the run, SIGINT is back to", signal.getsignal(signal.SIGINT).__name__)
