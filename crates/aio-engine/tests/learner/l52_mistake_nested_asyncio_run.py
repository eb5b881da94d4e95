# exit: 1
# Calling asyncio.run() from inside a coroutine (to "run" a helper synchronously) fails at once with
# "RuntimeError: asyncio.run() cannot be called from a running event loop"; the helper coroutine passed to it was
# never started. The traceback's frames keep it alive, so it is only freed at interpreter shutdown, after the
# traceback is printed: "sys:1: RuntimeWarning: coroutine 'fetch_user' was never awaited" (no tracemalloc hint).
import asyncio
from typing import Dict


async def fetch_user(uid: int) -> Dict[str, object]:
    await asyncio.sleep(0.01)
    return {"id": uid, "name": f"user{uid}"}


def get_user_sync(uid: int) -> Dict[str, object]:
    return asyncio.run(fetch_user(uid))


async def handler(uid: int) -> str:
    user = await fetch_user(uid)
    print("async path ok:", user)
    user = get_user_sync(uid + 1)
    return str(user)


print("from plain code:", get_user_sync(1))
asyncio.run(handler(2))
