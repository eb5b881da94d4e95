# contextvars: a done-callback runs in the context it was added in, not the completer's; the messages of misuse
# (reset with a non-token, Token() and Context(1) built by hand, subclassing ContextVar).
import asyncio
import contextvars

v = contextvars.ContextVar("v", default="base")


def done(fut):
    print("done-callback sees", v.get())


async def setter(fut):
    v.set("completer")
    fut.set_result(1)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    v.set("registrant")
    fut.add_done_callback(done)
    await asyncio.create_task(setter(fut))
    await asyncio.sleep(0)
    try:
        v.reset(1)
    except TypeError as e:
        print(e)
    try:
        contextvars.Token()
    except RuntimeError as e:
        print(e)
    try:
        contextvars.Context(1)
    except TypeError as e:
        print(e)
    try:
        class X(contextvars.ContextVar):
            pass
    except TypeError as e:
        print(e)

asyncio.run(main())
