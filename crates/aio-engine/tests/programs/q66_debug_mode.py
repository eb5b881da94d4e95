# Debug mode: slow callbacks and task steps are logged, the loop logs its selector and its closing.
# A filter keeps the messages deterministic (no file paths, durations to a tenth of a second).
import asyncio
import logging
import sys
import time


class Tidy(logging.Filter):
    def filter(self, record):
        msg = record.getMessage()
        if " took " in msg:
            what, took = msg.rsplit(" took ", 1)
            seconds = round(float(took.split()[0]), 1)
            what = what.replace(__file__, "PROG")
            what = " ".join(word.rsplit("/", 1)[-1] for word in what.split(" "))  # asyncio's own files
            record.msg, record.args = "%s took %.1f s [%s:%s]", (what, seconds, record.module, record.funcName)
        return True


handler = logging.StreamHandler(sys.stdout)
handler.addFilter(Tidy())
handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
logging.basicConfig(level=logging.DEBUG, handlers=[handler])


def slow_callback(n):
    time.sleep(0.17)
    print("callback", n)


async def careless(d):
    time.sleep(d)
    return d


async def two_steps():
    time.sleep(0.12)
    await asyncio.sleep(0)
    time.sleep(0.3)
    return "two steps"


async def main():
    loop = asyncio.get_running_loop()
    print("debug:", loop.get_debug(), loop.slow_callback_duration, loop)
    print(await asyncio.create_task(careless(0.2), name="careless"))
    print(await asyncio.create_task(careless(0.05), name="quick"))
    loop.call_soon(slow_callback, 1)
    await asyncio.sleep(0.01)
    print(await loop.create_task(two_steps(), name="two"))
    loop.slow_callback_duration = 0.5
    print(await asyncio.create_task(careless(0.4), name="under the new limit"))
    loop.set_debug(False)
    print(await asyncio.create_task(careless(1.0), name="debug off"))
    loop.set_debug(True)
    print(await asyncio.gather(careless(0.6)))


asyncio.run(main(), debug=True)
print("---")
loop = asyncio.new_event_loop()
print(loop.get_debug())
loop.set_debug(True)
loop.run_until_complete(careless(0.1))
loop.close()
print(loop)
