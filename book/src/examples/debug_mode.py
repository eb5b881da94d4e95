# Debug mode: asyncio logs callbacks that hog the loop (over 0.1 s by default) through the logging module.
import asyncio
import logging
import re
import sys
import time


class Tidy(logging.Filter):
    # shortens asyncio's messages (they contain memory addresses, file paths and exact durations)
    def filter(self, record):
        msg = record.getMessage()
        m = re.search(r"Executing <Task .*name='([^']+)'.* took (\d+\.\d+) seconds", msg)
        if m:
            record.msg, record.args = f"Executing <Task {m.group(1)}> took {int(float(m.group(2)) * 10) / 10:.1f} seconds", None
        return True


handler = logging.StreamHandler(sys.stdout)  # stdout, so the log lines interleave with print()
handler.addFilter(Tidy())
handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
logging.basicConfig(level=logging.DEBUG, handlers=[handler])


async def careless():
    time.sleep(0.2)  # blocks the loop: debug mode will complain
    return "careless done"


async def polite():
    await asyncio.sleep(0.2)  # yields to the loop: no complaint
    return "polite done"


async def main():
    loop = asyncio.get_running_loop()
    print("debug mode:", loop.get_debug(), "| slow_callback_duration:", loop.slow_callback_duration)
    print(await asyncio.create_task(polite(), name="polite"))
    print(await asyncio.create_task(careless(), name="careless"))


asyncio.run(main(), debug=True)  # same as running with PYTHONASYNCIODEBUG=1
