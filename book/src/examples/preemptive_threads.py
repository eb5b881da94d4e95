# Threads are switched by force: two busy threads interleave, although neither ever waits.
import sys
import threading
import time


def busy(log, name, seconds):
    # CPU work that never waits: records who was running, over and over
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        log.append(name)


def runs(log):
    # how many unbroken stretches the log contains: ["A", "A", "B", "A"] has 3
    return 1 + sum(1 for x, y in zip(log, log[1:]) if x != y)


log = []
workers = [threading.Thread(target=busy, args=(log, name, 0.05)) for name in "AB"]
for w in workers:
    w.start()
for w in workers:
    w.join()
print(f"two busy threads: more than 2 stretches (forced switches): {runs(log) > 2}")
print(f"the interpreter forces a thread switch every {sys.getswitchinterval()} s")
