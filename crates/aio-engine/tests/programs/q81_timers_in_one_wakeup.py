# Timers that are due within the same millisecond fire in the same loop iteration:
# epoll_wait counts in milliseconds, so the loop wakes once for all of them.
import asyncio


async def nap(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    a = asyncio.create_task(nap("a", 0.1))
    b = asyncio.create_task(nap("b", 0.1))
    done, pending = await asyncio.wait({a, b}, return_when=asyncio.FIRST_COMPLETED)
    print("done:", sorted(t.result() for t in done), "pending:", len(pending))

    c = asyncio.create_task(nap("c", 0.1))
    d = asyncio.create_task(nap("d", 0.12))
    done, pending = await asyncio.wait({c, d}, return_when=asyncio.FIRST_COMPLETED)
    print("done:", sorted(t.result() for t in done), "pending:", len(pending))
    await asyncio.gather(*pending)

    order = []
    loop = asyncio.get_running_loop()
    for i in range(5):
        loop.call_later(0.05, order.append, i)
    loop.call_later(0.0501, order.append, "late by 0.1 ms")
    loop.call_later(0.06, order.append, "late by 10 ms")
    await asyncio.sleep(0.0505)
    print(order)
    await asyncio.sleep(0.02)
    print(order)


asyncio.run(main())
