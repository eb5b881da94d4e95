# Project 3: a chat bot serving many users at once: a queue of messages, one task per message.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s so the printed times are stable from run to run
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"


# (arrival time in seconds, user, text)
INCOMING = [
    (0.00, "ana", "hi"),
    (0.02, "bo", "what's the weather?"),
    (0.04, "cy", "tell me a joke"),
    (0.15, "ana", "bye"),
]
THINKING = {"hi": 0.05, "what's the weather?": 0.30, "tell me a joke": 0.15, "bye": 0.02}


async def users(queue):
    # simulates the network: messages arrive at fixed times
    start = time.perf_counter()
    for at, user, text in INCOMING:
        await asyncio.sleep(max(0, at - (time.perf_counter() - start)))
        await queue.put((user, text))
    await queue.put(None)  # no more messages


async def reply(user, text):
    print(f"{ts()} bot <- {user}: {text}")
    await asyncio.sleep(THINKING[text])  # stands in for calling a slow service
    answer = {"hi": "hello!", "bye": "see you!"}.get(text, f"let me think about '{text}'... done")
    print(f"{ts()} bot -> {user}: {answer}")


async def bot(queue):
    handlers = []
    while (msg := await queue.get()) is not None:
        handlers.append(asyncio.create_task(reply(*msg)))  # don't wait: take the next message
    await asyncio.gather(*handlers)
    print(f"{ts()} bot: handled {len(handlers)} messages")


async def main():
    queue = asyncio.Queue()
    await asyncio.gather(users(queue), bot(queue))


asyncio.run(main())
