# logging: levels, basicConfig's default format, the logger tree, propagation, per-handler levels.
import logging
import sys

print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL, logging.NOTSET)
print(logging.getLevelName(logging.WARNING), logging.getLevelName("ERROR"), logging.getLevelName(25))
logging.addLevelName(25, "NOTICE")
print(logging.getLevelName(25), logging.getLevelName("NOTICE"))

root = logging.getLogger()
app = logging.getLogger("app")
db = logging.getLogger("app.db")
orphan = logging.getLogger("x.y.z")
print(root, app, db, orphan)
print(db.parent is app, app.parent is root, orphan.parent is root, logging.getLogger("app") is app)
late = logging.getLogger("x.y")  # created after its child: the child is re-parented
print(orphan.parent is late, late.parent is root)

logging.basicConfig(level=logging.INFO)  # root handler to stderr, "%(levelname)s:%(name)s:%(message)s"
logging.debug("not shown: below INFO")
logging.info("root info %d", 1)
app.warning("app warns %s", "twice?")
db.error("db error %r", {"k": 1})
db.log(25, "a custom level")

db.setLevel(logging.ERROR)
db.warning("filtered by db's own level")
print(db.getEffectiveLevel(), app.getEffectiveLevel(), db.isEnabledFor(logging.WARNING))

out = logging.StreamHandler(sys.stdout)
out.setLevel(logging.WARNING)
out.setFormatter(logging.Formatter("%(name)s [%(levelname)s] %(levelno)d %(message)s"))
app.addHandler(out)
app.info("info: stderr only (out's level is WARNING)")
app.warning("warning: stdout and stderr")
db.critical("critical from a child propagates to app's handler and root's")
app.propagate = False
app.error("not propagated: stdout only")
app.removeHandler(out)
app.error("no handler on app and no propagation: lastResort prints just the message")
app.info("lastResort's level is WARNING: not shown")
print("handlers:", app.hasHandlers(), db.hasHandlers(), root.hasHandlers())
logging.disable(logging.WARNING)
logging.warning("disabled")
logging.error("still shown")
logging.disable(logging.NOTSET)
logging.warning("shown again")
print(repr(out), root.handlers[0].formatter._fmt)
