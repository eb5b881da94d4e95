# StrEnum commands for a worker task: text from a queue becomes a member with Cmd(text) (an unknown
# word is a ValueError "'jump' is not a valid Cmd", caught), auto() gives the lower-cased name,
# members equal their strings, str()/f-strings show the value, handlers are keyed by member; @unique.
import asyncio
from enum import StrEnum, auto, unique


@unique
class Cmd(StrEnum):
    START = auto()
    PAUSE = auto()
    RESUME = auto()
    STOP = auto()


class Machine:
    def __init__(self):
        self.running = False
        self.handled = []

    def start(self):
        self.running = True

    def pause(self):
        self.running = False


async def worker(inbox, machine):
    handlers = {Cmd.START: machine.start, Cmd.PAUSE: machine.pause, Cmd.RESUME: machine.start}
    while True:
        text = await inbox.get()
        try:
            cmd = Cmd(text.strip().lower())
        except ValueError as e:
            print(f"rejected {text!r}: {e}")
            continue
        machine.handled.append(cmd)
        if cmd is Cmd.STOP:
            print(f"got {cmd}, stopping")
            return len(machine.handled)
        handlers[cmd]()
        print(f"got {cmd!r} as {cmd}: running={machine.running} == {text!r}? {cmd == text}")


async def main():
    print(list(Cmd), [c.value for c in Cmd], Cmd.PAUSE == "pause", "cmd:" + Cmd.STOP, Cmd.START.upper())
    inbox = asyncio.Queue()
    machine = Machine()
    task = asyncio.create_task(worker(inbox, machine))
    for text in ["start", " PAUSE ", "jump", "resume", "Stop", "start"]:
        await inbox.put(text)
        await asyncio.sleep(0.01)
    print("handled", await task, machine.handled, inbox.qsize())
    print(f"{Cmd.STOP:>8}|", Cmd("stop") is Cmd.STOP, Cmd["RESUME"], len(Cmd), Cmd.STOP in Cmd)


asyncio.run(main())
