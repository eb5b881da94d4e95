# create_task(context=...) runs the task in that very context (asyncio.create_task, loop.create_task, TaskGroup.create_task).
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")


async def handler(tag):
    await asyncio.sleep(0)
    print(tag, request_id.get())
    request_id.set(tag + "!")
    return request_id.get()


async def main():
    ctx = contextvars.copy_context()
    ctx.run(request_id.set, "shared")
    r1 = await asyncio.create_task(handler("a"), context=ctx)
    print("after a:", ctx[request_id], request_id.get())
    r2 = await asyncio.get_running_loop().create_task(handler("b"), context=ctx)
    print("after b:", ctx[request_id])
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(handler("c"), context=ctx)
    print(r1, r2, t.result(), ctx[request_id], request_id.get())


asyncio.run(main())
