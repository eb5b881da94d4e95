# exit: 1
# Layered settings with collections.ChainMap: command line over environment over defaults.
import asyncio
from collections import ChainMap

defaults = {"retries": 3, "timeout": 1.0, "user": "guest"}
env = {"user": "admin"}
cli = {"timeout": 0.02}
config = ChainMap(cli, env, defaults)
print(config["user"], config["timeout"], config["retries"], len(config), list(config))
print(config, "user" in config, config.get("missing", "-"), dict(config))


async def fetch(name, settings):
    for attempt in range(1, settings["retries"] + 1):
        try:
            async with asyncio.timeout(settings["timeout"]):
                await asyncio.sleep(0.05 if attempt < 3 else 0.01)
                return f"{name}: ok on attempt {attempt}"
        except TimeoutError:
            print(f"{name}: attempt {attempt} timed out")
    return f"{name}: gave up"


async def main():
    patient = config.new_child({"timeout": 0.1})
    print(patient.maps[0], patient.parents["timeout"])
    print(await asyncio.gather(fetch("fast", config), fetch("patient", patient)))


asyncio.run(main())
config["retries"] = 1
print(cli, config.pop("retries"), cli)
print(ChainMap({"a": 1}) | {"b": 2}, {"z": 0} | ChainMap({"a": 1}))
try:
    del config["user"]
except KeyError as e:
    print("KeyError:", e)
print(config["colour"])
