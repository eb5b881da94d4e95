# functools.singledispatchmethod on plain and async methods, registered by annotation or by class.
import asyncio
from functools import singledispatchmethod


class Renderer:
    def __init__(self, prefix):
        self.prefix = prefix

    @singledispatchmethod
    def render(self, value):
        return f"{self.prefix}obj:{value!r}"

    @render.register
    def _(self, value: int):
        return f"{self.prefix}int:{value}"

    @render.register(list)
    def _(self, value):
        return "[" + ",".join(self.render(v) for v in value) + "]"

    @render.register
    def _(self, value: str):
        return f"{self.prefix}str:{value.upper()}"


class Handler:
    @singledispatchmethod
    async def handle(self, event):
        raise NotImplementedError(f"no handler for {type(event).__name__}")

    @handle.register
    async def _(self, event: dict):
        await asyncio.sleep(0)
        return sorted(event)

    @handle.register
    async def _(self, event: bytes):
        return event.decode()


async def main():
    h = Handler()
    print(await h.handle({"b": 1, "a": 2}), await h.handle(b"ping"))
    try:
        await h.handle(3.5)
    except NotImplementedError as e:
        print("NotImplementedError:", e)


r = Renderer("> ")
print(r.render(3), r.render("hi"), r.render([1, "x", 2.5]), r.render(True), r.render(None))
print(Renderer.render.__name__, sorted(k.__name__ for k in Renderer.render.__self__.dispatcher.registry) if hasattr(Renderer.render, "__self__") else "-")
asyncio.run(main())
