# exit: 1
# The asyncio calls a beginner makes outside any running loop, before and after asyncio.run,
# and what each says; as_completed is lazy; an __anext__ that returns a plain value.
import asyncio
import traceback


async def fetch(name, delay=0.1):
    await asyncio.sleep(delay)
    return f"{name}: 汉字 ok"


def attempt(label, call):
    try:
        result = call()
    except Exception:
        print(f"--- {label}")
        traceback.print_exc()
    else:
        print(f"--- {label}: {result!r}")


attempt("current_task", lambda: asyncio.current_task())
attempt("all_tasks", lambda: asyncio.all_tasks())
attempt("get_running_loop", lambda: asyncio.get_running_loop())
coro = fetch("early")
attempt("create_task", lambda: asyncio.create_task(coro))
coro.close()

lazy = asyncio.as_completed(fetch("lazy"))
print("as_completed returned", type(lazy).__name__)
attempt("next(as_completed(coro))", lambda: next(lazy))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    def __anext__(self):
        self.n -= 1
        return self.n


async def main():
    results = []
    for next_done in asyncio.as_completed([fetch("a", 0.2), fetch("b", 0.1)]):
        results.append(await next_done)
        break
    print(results)
    try:
        async for value in Countdown(3):
            print(value)
    except TypeError as e:
        print(f"TypeError: {e} (cause: {e.__cause__!r})")


asyncio.run(main())
attempt("get_event_loop after run", lambda: asyncio.get_event_loop())
later = fetch("late")
attempt("ensure_future after run", lambda: asyncio.ensure_future(later))
later.close()
attempt("gather() after run", lambda: asyncio.gather())
attempt("Future() after run", lambda: asyncio.Future())
x = 1 + len("汉字") + fetch
