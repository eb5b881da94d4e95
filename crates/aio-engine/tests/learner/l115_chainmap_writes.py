import asyncio
from collections import ChainMap

defaults = {"theme": "light", "font_size": 12, "language": "en"}
user = {"font_size": 14}
session = {}

settings = ChainMap(session, user, defaults)
print("start:", dict(settings))

settings["theme"] = "dark"
print("after settings['theme'] = 'dark':")
print("  session:", session)
print("  defaults still:", defaults["theme"])

settings.update(language="fr", autosave=True)
print("after update, session:", session)

del settings["theme"]
print("after del theme:", settings["theme"], " session:", session)

try:
    del settings["font_size"]
except KeyError as exc:
    print("KeyError on del:", exc)

print("pop with default:", settings.pop("missing", "n/a"))
session.clear()
print("after session.clear():", dict(settings))


async def apply_change(layer_name, layer, key, value, delay):
    await asyncio.sleep(delay)
    layer[key] = value
    print(f"{layer_name} sets {key}={value!r} -> effective {key}={settings[key]!r}")


async def main():
    await asyncio.gather(
        apply_change("defaults", defaults, "font_size", 10, 0.01),
        apply_change("user", user, "theme", "solarized", 0.02),
        apply_change("session", session, "font_size", 20, 0.03),
        apply_change("defaults", defaults, "language", "de", 0.04),
    )
    print("final:", dict(sorted(settings.items())))
    for i, layer in enumerate(settings.maps):
        print(f"  layer {i}: {layer}")


asyncio.run(main())
