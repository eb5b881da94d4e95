# exit: 1
# Pretty-printing what simulated API calls return: nested dicts and lists, Counter and
# defaultdict summaries, a depth limit, and a numbers check; then a repr that fails.
import asyncio
import numbers
from collections import Counter, defaultdict
from pprint import pformat, pp, pprint

USERS = {
    3: {"name": "王小明", "roles": ["admin", "dev"], "active": True},
    1: {"name": "Alice", "roles": ["dev"], "active": False, "tags": list(range(30))},
    2: {"name": "Bob", "roles": [], "active": True, "profile": {"city": "Shenzhen", "zip": "518000"}},
}


async def fetch_user(user_id):
    await asyncio.sleep(0.01 * user_id)
    return {"id": user_id, **USERS[user_id], "latency_ms": 10 * user_id}


async def main():
    users = await asyncio.gather(*(fetch_user(i) for i in sorted(USERS)))
    pprint(users)
    pprint(users, depth=2, width=60)
    pp({"z": 1, "a": 2, "m": [3, 4]})
    by_role = defaultdict(list)
    for user in users:
        for role in user["roles"]:
            by_role[role].append(user["name"])
    pprint(by_role)
    words = Counter("the quick brown fox jumps over the lazy dog the end".split())
    pprint(words, width=40)
    print(pformat(("single",)), pformat(list(range(40)), compact=True, width=50), sep="\n")
    totals = [u["latency_ms"] for u in users] + [2.5]
    print(all(isinstance(t, numbers.Real) for t in totals), isinstance(True, numbers.Integral))


class Broken:
    def __repr__(self):
        raise RuntimeError("repr failed")


asyncio.run(main())
pprint({"ok": 1, "broken": Broken()})
