# Metaclasses as learners meet them around asyncio: a registry of handler classes filled by the
# metaclass's __new__, a singleton settings object through a metaclass __call__ and another
# through __new__, class-level __iter__/__len__/__getitem__ on the metaclass, typing.NamedTuple
# jobs, and inspect.signature of the handlers. A metaclass conflict is refused.
import asyncio
import inspect
from typing import NamedTuple


class HandlerMeta(type):
    registry = {}

    def __new__(mcs, name, bases, ns, *, command=None):
        cls = super().__new__(mcs, name, bases, ns)
        if command is not None:
            mcs.registry[command] = cls
        return cls

    def __iter__(cls):
        return iter(sorted(cls.registry))

    def __len__(cls):
        return len(cls.registry)

    def __getitem__(cls, command):
        return cls.registry[command]

    def __repr__(cls):
        return f"<handler {cls.__name__}>"


class Handler(metaclass=HandlerMeta):
    async def handle(self, job: "Job") -> str:
        raise NotImplementedError


class Ping(Handler, command="ping"):
    async def handle(self, job, *, loud: bool = False):
        await asyncio.sleep(0.01)
        return f"pong {job.payload}"


class Echo(Handler, command="echo"):
    async def handle(self, job, times=2):
        await asyncio.sleep(0.02)
        return job.payload * times


class Job(NamedTuple):
    command: str
    payload: str = ""
    priority: int = 0


class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Settings(metaclass=Singleton):
    def __init__(self, retries=3):
        print("settings made with", retries)
        self.retries = retries


class Pool:
    _pool = None

    def __new__(cls, size):
        if cls._pool is None:
            cls._pool = super().__new__(cls)
            cls._pool.size = size
        return cls._pool


async def main():
    jobs = [Job("ping", "a"), Job("echo", "b", 1), Job("ping", "c", priority=2)]
    results = await asyncio.gather(*(Handler[j.command]().handle(j) for j in jobs))
    print(results)
    print(list(Handler), len(Handler), Handler["echo"], type(Ping).__name__, isinstance(Echo, HandlerMeta))
    print(sorted(jobs, key=lambda j: -j.priority)[0], Job._fields, Job._field_defaults)
    for name in Handler:
        print(name, inspect.signature(Handler[name].handle), inspect.signature(Handler[name]().handle))
    print(Settings(5) is Settings(), Settings().retries, Pool(2) is Pool(8), Pool(1).size)


class Other(type):
    pass


try:
    class Broken(Ping, metaclass=Other):
        pass
except TypeError as e:
    print("TypeError:", e)
asyncio.run(main())
