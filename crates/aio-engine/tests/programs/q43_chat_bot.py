# Chat-bot handler serving several users concurrently: each user sends messages with pauses, the bot "thinks"
# 0.01 s per word before replying; replies interleave by completion time; a per-user history dict is kept.
import asyncio
import time

T0 = time.perf_counter()


def fmt(seconds):
    # truncate (not round) to 0.01 s: CPython overhead only ever makes events a few ms late, so truncation gives
    # the stable nominal value (the 1e-6 only guards against float error such as 0.29 * 100 = 28.999999999999996)
    return f"{int(seconds * 100 + 1e-6) / 100:.2f}"


def ts():
    return f"[{fmt(time.perf_counter() - T0)}]"

CONVERSATIONS = {
    "ana": [(0.0, "hi"), (0.12, "what is the weather like")],
    "ben": [(0.02, "hello there bot"), (0.05, "bye")],
    "cy": [(0.04, "tell me a joke please")],
}


class Bot:
    def __init__(self):
        self.history = {}

    async def reply(self, user, text):
        words = text.split()
        await asyncio.sleep(0.01 * len(words))
        if text in ("hi", "hello there bot"):
            answer = f"Hello, {user.title()}!"
        elif "bye" in words:
            answer = "Goodbye!"
        else:
            answer = f"You said {len(words)} words; last was {words[-1]!r}."
        self.history.setdefault(user, []).append(answer)
        return answer


async def session(bot, user, script):
    for pause, text in script:
        await asyncio.sleep(pause)
        print(f"{ts()} {user:>4} > {text}")
        answer = await bot.reply(user, text)
        print(f"{ts()} {'bot':>4} > @{user} {answer}")
    return user


async def main():
    bot = Bot()
    done = await asyncio.gather(*(session(bot, u, s) for u, s in CONVERSATIONS.items()))
    print(f"{ts()} sessions closed: {done}")
    print({u: len(h) for u, h in bot.history.items()})


asyncio.run(main())
