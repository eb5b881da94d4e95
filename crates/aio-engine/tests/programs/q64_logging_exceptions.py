# logging: exception() and exc_info print the traceback as Formatter.formatException does;
# lastResort and basicConfig's handlers, force=True, handlers=.
import logging
import sys

log = logging.getLogger("exc")


def fail(n):
    return 10 / n


try:
    fail(0)
except ZeroDivisionError:
    log.exception("lastResort prints message and traceback (%d)", 1)

logging.basicConfig(format="%(levelname)s %(name)s: %(message)s")  # to stderr
try:
    {}["missing"]
except KeyError as e:
    log.exception("exception() to stdout")
    log.error("exc_info=the exception", exc_info=e)
    log.warning("exc_info=False", exc_info=False)

try:
    try:
        fail(0)
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
except ValueError:
    logging.exception("chained")

log.error("exc_info=True outside except", exc_info=True)
logging.basicConfig(format="ignored: root already has a handler")
logging.warning("same format as before")
logging.basicConfig(format="forced: %(message)s", force=True, handlers=[logging.StreamHandler(sys.stdout)])
logging.warning("a new handler")
try:
    logging.basicConfig(force=True, handlers=[], stream=sys.stdout)
except ValueError as e:
    print("ValueError:", e)
try:
    logging.basicConfig(force=True, colour=True)
except ValueError as e:
    print("ValueError:", e)
print(logging.root.handlers)
