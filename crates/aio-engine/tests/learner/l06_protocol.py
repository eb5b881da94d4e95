# typing.Protocol for "anything with an async send()": classes match structurally without inheriting; with
# @runtime_checkable isinstance() only checks that the attribute exists (not that it is async, nor its signature);
# isinstance against a protocol without the decorator raises TypeError "Instance and class checks can only be
# used with @runtime_checkable protocols"; a Protocol class cannot be instantiated.
import asyncio
from typing import List, Protocol, runtime_checkable


@runtime_checkable
class Sender(Protocol):
    async def send(self, msg: str) -> None: ...


class Closer(Protocol):
    def close(self) -> None: ...


class EmailSender:
    def __init__(self) -> None:
        self.outbox: List[str] = []

    async def send(self, msg: str) -> None:
        await asyncio.sleep(0.01)
        self.outbox.append(f"email:{msg}")


class SmsSender:
    def send(self, msg: str) -> None:  # not async, but still "a Sender" to isinstance
        print("sms", msg)


async def broadcast(senders: List[Sender], msg: str) -> None:
    for s in senders:
        result = s.send(msg)
        if asyncio.iscoroutine(result):
            await result


async def main() -> None:
    email, sms = EmailSender(), SmsSender()
    print(isinstance(email, Sender), isinstance(sms, Sender), isinstance("text", Sender))
    await broadcast([email, sms], "hello")
    print(email.outbox)
    try:
        isinstance(email, Closer)
    except TypeError as e:
        print("TypeError:", e)
    try:
        Sender()
    except TypeError as e:
        print("TypeError:", e)
    print(Sender.__mro__[1:], issubclass(EmailSender, Sender))


asyncio.run(main())
