# call_soon and call_later with context=: the callback runs in that Context itself (a fresh one,
# or a copy the program keeps and reads afterwards), not in a copy of the current context.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")


def log(tag):
    print(tag, request_id.get())


def remember(value):
    request_id.set(value)


async def main():
    loop = asyncio.get_running_loop()
    request_id.set("main")
    loop.call_soon(log, "copy of main:")
    loop.call_soon(log, "empty context:", context=contextvars.Context())
    ctx = contextvars.copy_context()
    loop.call_soon(remember, "set in ctx", context=ctx)
    loop.call_later(0.01, log, "later in ctx:", context=ctx)
    await asyncio.sleep(0.05)
    log("main still:")
    print(ctx[request_id], ctx.run(request_id.get))


asyncio.run(main())
