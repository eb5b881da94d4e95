# logging: Formatter fields, styles, defaults, records and their messages, filters (objects and callables).
import logging
import sys

h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("%(levelname)-8s|%(name)-6s|%(funcName)s:%(lineno)d|%(module)s|%(message)s"))
log = logging.getLogger("fmt")
log.addHandler(h)
log.setLevel(logging.DEBUG)
log.propagate = False


def helper():
    log.debug("from a function")


helper()
log.info("args %s and %05.1f and %-4d|", "x", 3.14159, 7)
log.info("a mapping: %(a)s %(b)d", {"a": "A", "b": 2})
log.info("%d%% done", 50)
log.info(["not a string", 1])
log.info("extra field", extra={"user": "ann"})

h.setFormatter(logging.Formatter("{levelname}:{name}:{message} ({user})", style="{", defaults={"user": "-"}))
log.warning("brace style")
log.warning("brace style with extra", extra={"user": "bob"})

try:
    logging.Formatter("no fields at all")
except ValueError as e:
    print("ValueError:", e)
try:
    logging.Formatter("%(message)s", style="?")
except ValueError as e:
    print("ValueError:", e)
try:
    log.setLevel("LOUD")
except ValueError as e:
    print("ValueError:", e)


class NoSecrets(logging.Filter):
    def filter(self, record):
        return "secret" not in record.getMessage()


h.setFormatter(logging.Formatter("%(name)s: %(message)s"))
h.addFilter(NoSecrets())
log.info("public")
log.info("the secret is %s", 42)


def shout(record):
    record.msg = str(record.msg).upper()
    return True


log.addFilter(shout)
log.info("callable filters change the record")
log.removeFilter(shout)
log.info("removed")

only_db = logging.Filter("app.db")
for name in ["app.db", "app.db.pool", "app.dbx", "app", "other"]:
    rec = logging.LogRecord(name, logging.INFO, "file.py", 1, "m", (), None)
    print(name, bool(only_db.filter(rec)))
rec = logging.makeLogRecord({"msg": "made %s", "args": ("here",), "levelno": 30})
print(rec.getMessage(), rec.levelno, rec.name)
rec = logging.LogRecord("r", logging.ERROR, "/a/b/c.py", 7, "hi %s", ("there",), None)
print(rec.name, rec.levelname, rec.levelno, rec.pathname, rec.filename, rec.module, rec.lineno, rec.getMessage(), rec.exc_info)
print(logging.Formatter("[%(levelname)s] %(message)s").format(rec))
