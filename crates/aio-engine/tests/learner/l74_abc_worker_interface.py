# exit: 1
# Checks abc: an ABC for async workers with @abstractmethod methods, __abstractmethods__,
# isinstance/issubclass through ABCMeta, and the refusal to instantiate a subclass that forgot
# a method (caught once for the base, then uncaught: CPython's TypeError message).
import asyncio
from abc import ABC, abstractmethod


class Worker(ABC):
    def __init__(self, name):
        self.name = name

    @abstractmethod
    async def process(self, item):
        ...

    @abstractmethod
    def describe(self):
        ...

    async def run(self, items):
        return [await self.process(item) for item in items]


class Doubler(Worker):
    async def process(self, item):
        await asyncio.sleep(0.01)
        return item * 2

    def describe(self):
        return f"{self.name} doubles numbers"


class Squarer(Worker):
    async def process(self, item):
        await asyncio.sleep(0)
        return item * item
    # forgot describe()


async def main():
    print("abstract in Worker:", sorted(Worker.__abstractmethods__))
    print("abstract in Squarer:", sorted(Squarer.__abstractmethods__))
    doubler = Doubler("d1")
    print(isinstance(doubler, Worker), issubclass(Squarer, Worker), type(Worker).__name__)
    print(doubler.describe())
    print(await asyncio.gather(doubler.run([1, 2, 3]), doubler.run([10])))
    try:
        Worker("base")
    except TypeError as exc:
        print("caught:", exc)
    squarer = Squarer("s1")  # TypeError: describe is still abstract
    print("not reached", squarer)


asyncio.run(main())
