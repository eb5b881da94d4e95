# contextvars: every task runs in a copy of its creator's context (set in one task is not seen by the others or by
# main), callbacks run in a copy of the context they were scheduled in, to_thread copies the caller's, Context.run,
# tokens and reset, LookupError without a default.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")
user: contextvars.ContextVar[str] = contextvars.ContextVar("user")
print(repr(request_id).split(" at 0x")[0], request_id.name, request_id.get())
try:
    user.get()
except LookupError as e:
    print("LookupError", type(e).__name__)
print(user.get("nobody"))


async def handler(n):
    request_id.set(f"req-{n}")
    await asyncio.sleep(0.01 * (3 - n))
    print("handler", n, request_id.get())
    return request_id.get()


def cb(tag):
    print("callback", tag, request_id.get())


async def main():
    print("main sees", request_id.get())
    tok = request_id.set("main")
    print(await asyncio.gather(*(handler(i) for i in range(3))))
    print("main still", request_id.get())
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, "soon")
    request_id.set("changed")
    await asyncio.sleep(0)
    request_id.reset(tok)
    print("after reset", request_id.get())
    ctx = contextvars.copy_context()
    print(request_id in ctx, ctx[request_id], len(ctx) >= 1)
    print(ctx.run(lambda: request_id.set("inside") and request_id.get()))
    print(ctx.get(request_id), request_id.get())
    print(await asyncio.to_thread(request_id.get))
    t = request_id.set("x")
    print(t.var is request_id, t.old_value)
    try:
        request_id.reset(t); request_id.reset(t)
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(" var=")[0])
    print(type(ctx), type(t).__name__, contextvars.Token.MISSING)

request_id.set("top")
asyncio.run(main())
print("after run", request_id.get())
