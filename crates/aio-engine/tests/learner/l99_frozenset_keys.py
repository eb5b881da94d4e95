# frozenset as learners use it in async code: a frozenset of permissions as a dict key and a
# set member, caching results by the set of tags asked for (order-free), set operations that
# keep the left operand's type, |= making a new frozenset, and the methods it does not have.
import asyncio

ROLES = {
    frozenset({"read"}): "viewer",
    frozenset({"read", "write"}): "editor",
    frozenset({"read", "write", "admin"}): "owner",
}
cache = {}


async def lookup(tags):
    key = frozenset(tags)
    if key in cache:
        return cache[key], "cached"
    await asyncio.sleep(0.05)
    cache[key] = sorted(key)
    return cache[key], "fetched"


async def main():
    print(ROLES[frozenset(["write", "read"])], frozenset() in ROLES)
    for tags in (["b", "a"], ["a", "b"], ("a", "b", "a"), ["c"]):
        print(await lookup(tags))
    perms = frozenset({"read", "write"})
    print(repr(perms - {"write"}), type(perms | {"x"}).__name__, type({"x"} | perms).__name__)
    print(perms == {"read", "write"}, perms.issubset({"read", "write", "admin"}), frozenset())
    grants = perms
    grants |= {"admin"}
    print(sorted(grants), sorted(perms), grants is perms, ROLES[grants])
    seen = {perms, frozenset({"write", "read"}), frozenset({"read"})}
    print(len(seen), hash(perms) == hash(frozenset(["write", "read"])))
    for method in ("add", "discard", "clear"):
        try:
            getattr(perms, method)
        except AttributeError as e:
            print("AttributeError:", e)


asyncio.run(main())
