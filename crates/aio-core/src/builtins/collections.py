# The `collections` package: so far only its `collections.abc` submodule is here (deque,
# defaultdict, Counter, OrderedDict, ChainMap and namedtuple are not yet: their names raise the
# book's "not in this page's Python yet" error, which points to "What runs in the page").
