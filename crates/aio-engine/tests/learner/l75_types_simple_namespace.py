# Checks types: SimpleNamespace as a mutable config (repr, equality, vars, keyword-only
# constructor), MappingProxyType as a read-only view of a live dict (repr, lookups, the
# TypeError on assignment), and the type names CoroutineType/FunctionType/NoneType.
import asyncio
import types

DEFAULTS = {"retries": 3, "timeout": 0.5}
settings = types.MappingProxyType(DEFAULTS)


async def fetch(cfg, n):
    await asyncio.sleep(0)
    return f"{cfg.name}#{n} timeout={cfg.timeout}"


async def main():
    cfg = types.SimpleNamespace(name="fetcher", **settings)
    print(cfg)
    cfg.timeout = 1.5
    cfg.tags = ["io", "net"]
    print(cfg, sorted(vars(cfg)))
    print(cfg == types.SimpleNamespace(**vars(cfg)), cfg == types.SimpleNamespace(name="x"))
    print(getattr(cfg, "verbose", False), hasattr(cfg, "retries"))
    try:
        types.SimpleNamespace({"a": 1})
    except TypeError as exc:
        print("TypeError:", exc)

    print(settings, len(settings), settings["retries"], settings.get("missing", "n/a"))
    print(list(settings.items()), "timeout" in settings, type(settings).__name__)
    try:
        settings["retries"] = 5
    except TypeError as exc:
        print("TypeError:", exc)
    DEFAULTS["retries"] = 5  # the proxy is a live view
    print(settings["retries"], dict(settings) | {"extra": True})

    coro = fetch(cfg, 1)
    print(isinstance(coro, types.CoroutineType), isinstance(fetch, types.FunctionType))
    print(await coro, type(None) is types.NoneType)
    results = await asyncio.gather(*(fetch(cfg, n) for n in range(2, 4)))
    print(results)


asyncio.run(main())
