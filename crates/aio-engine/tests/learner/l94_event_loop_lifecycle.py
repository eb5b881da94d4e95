# exit: 1
# The event loop's lifecycle as older tutorials use it: get_event_loop() before any loop makes
# one; new_event_loop() does not make itself current until set_event_loop(); asyncio.run sets
# its loop as current and leaves none when it closes, so get_event_loop() afterwards raises;
# a worker thread (threading.Thread or to_thread) has no event loop and no running loop; and
# run_until_complete on a closed loop fails, leaving its coroutine never awaited.
import asyncio
import threading


async def hello(n):
    await asyncio.sleep(0.1)
    return f"hello {n}"


def in_thread():
    name = threading.current_thread().name
    for get in (asyncio.get_event_loop, asyncio.get_running_loop):
        try:
            get()
        except RuntimeError as e:
            print(f"{name}: {get.__name__}: {e}")


loop = asyncio.get_event_loop()
print(type(loop).__name__, loop.is_running(), asyncio.get_event_loop() is loop)
print(loop.run_until_complete(hello(1)))
other = asyncio.new_event_loop()
print("new loop is current:", asyncio.get_event_loop() is other)
asyncio.set_event_loop(other)
print("after set_event_loop:", asyncio.get_event_loop() is other)
print(other.run_until_complete(hello(2)))
other.close()
loop.close()
t = threading.Thread(target=in_thread)
t.start()
t.join()


async def main():
    print("inside run:", asyncio.get_event_loop() is asyncio.get_running_loop())
    await asyncio.to_thread(in_thread)
    return "main done"


print(asyncio.run(main()))
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("after run:", e)
asyncio.set_event_loop(None)
try:
    asyncio.set_event_loop("loop")
except TypeError as e:
    print(e)
loop.run_until_complete(hello(3))
