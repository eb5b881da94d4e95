# Debug mode: asyncio logs callbacks that hog the loop (over 0.1 s by default) through the logging module.
import asyncio
import logging
import sys
import time


class Tidy(logging.Filter):
    # asyncio's warning names the task with file paths (where its coroutine is, where it was
    # created) and an exact duration: keep the task's name and the time to a tenth of a second
    def filter(self, record):
        msg = record.getMessage()
        if msg.startswith("Executing <Task ") and " took " in msg:
            name = msg.split("name='", 1)[1].split("'", 1)[0]
            seconds = round(float(msg.rsplit(" took ", 1)[1].split()[0]), 1)
            record.msg, record.args = f"Executing <Task {name}> took {seconds} seconds", None
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
