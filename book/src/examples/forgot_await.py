# Forgetting `await`: the coroutine object is created and dropped; its body never runs.
import asyncio


saved = []


async def save_to_db(record):
    await asyncio.sleep(0.1)  # simulated database write
    saved.append(record)


async def main():
    save_to_db("order #1")  # oops: no await
    print("after the forgetful call, saved =", saved)
    await save_to_db("order #2")
    print("after the awaited call, saved =", saved)


asyncio.run(main())
