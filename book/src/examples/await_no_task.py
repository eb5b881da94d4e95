# Awaiting a coroutine runs it inside the current task; only create_task makes a new one.
import asyncio


async def who_runs_me(label):
    await asyncio.sleep(0.1)
    print(f"{label}: running in task {asyncio.current_task().get_name()!r}")


async def main():
    print(f"main: running in task {asyncio.current_task().get_name()!r}")
    await who_runs_me("await who_runs_me()")
    await asyncio.create_task(who_runs_me("await create_task(...)"), name="helper")
    print(f"tasks alive now: {len(asyncio.all_tasks())}")


asyncio.run(main())
