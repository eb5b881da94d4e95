# functools.cached_property on a connection-settings object used by several tasks: the getter runs once, the
# value is then stored in the instance __dict__ under the same name (so later reads never call it), `del` drops
# it and the next read recomputes; it can be assigned like a normal attribute. On the class it is the descriptor
# itself. A cached_property whose getter returns a coroutine caches the coroutine: awaiting it twice fails.
import asyncio
import functools
from typing import Dict, List


class Settings:
    def __init__(self, raw: Dict[str, str]) -> None:
        self.raw = raw
        self.computed: List[str] = []

    @functools.cached_property
    def timeout(self) -> float:
        self.computed.append("timeout")
        return float(self.raw.get("timeout", "0.01"))

    @functools.cached_property
    def hosts(self) -> List[str]:
        self.computed.append("hosts")
        return self.raw["hosts"].split(",")

    @functools.cached_property
    async def token(self) -> str:
        await asyncio.sleep(0.01)
        return "tok-123"


async def ping(s: Settings, host: str) -> str:
    await asyncio.sleep(s.timeout)
    return f"{host}:up"


async def main() -> None:
    s = Settings({"hosts": "a,b,c", "timeout": "0.02"})
    print(await asyncio.gather(*(ping(s, h) for h in s.hosts)))
    print(s.computed, sorted(vars(s)), s.__dict__["timeout"])
    del s.timeout
    s.raw["timeout"] = "0.03"
    print(s.timeout, s.computed)
    s.hosts = ["z"]
    print(s.hosts, s.computed, type(Settings.hosts).__name__, Settings.hosts.attrname)
    print(await s.token)
    try:
        await s.token
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
