# The TypeError messages of a dataclass's generated __init__ (it is an ordinary Python function named
# "Message.__init__"): missing arguments (one, or several joined with "and"), too many positional arguments,
# an unexpected keyword, a value given twice; and at class creation "non-default argument 'body' follows default
# argument". The generated __init__ signature is visible through inspect.signature.
import asyncio
import inspect
from dataclasses import dataclass


@dataclass
class Message:
    topic: str
    body: str
    retries: int = 0


async def publish(**raw: object) -> Message:
    await asyncio.sleep(0.01)
    return Message(**raw)


async def main() -> None:
    print(await publish(topic="t", body="b"))
    attempts = [
        dict(topic="t"),
        dict(),
        dict(topic="t", body="b", retry=1),
    ]
    for raw in attempts:
        try:
            await publish(**raw)
        except TypeError as e:
            print("TypeError:", e)
    for call in (lambda: Message("t", "b", 1, 2), lambda: Message("t", "b", topic="u")):
        try:
            call()
        except TypeError as e:
            print("TypeError:", e)
    print(inspect.signature(Message), Message.__init__.__qualname__, Message.__init__.__module__)


try:
    @dataclass
    class Bad:
        topic: str = "news"
        body: str
except TypeError as e:
    print("TypeError:", e)
asyncio.run(main())
