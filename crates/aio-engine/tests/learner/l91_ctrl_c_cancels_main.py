# exit: 130
# Ctrl-C during asyncio.run, sent by the program itself with signal.raise_signal: the runner's
# own SIGINT handler cancels the main task, whose cleanup runs (a worker is cancelled too when
# the runner closes), and the run ends in KeyboardInterrupt with the CancelledError as its
# context; the shell sees 130. A handler installed with signal.signal sees the signal first.
import asyncio
import signal


async def worker(n):
    try:
        while True:
            await asyncio.sleep(0.25)
            print(f"worker {n} tick")
    except asyncio.CancelledError:
        print(f"worker {n} cancelled")
        raise


async def main():
    print("SIGINT handled by default:", signal.getsignal(signal.SIGINT) is signal.default_int_handler)
    workers = [asyncio.create_task(worker(n)) for n in range(2)]
    seen = []
    previous = signal.signal(signal.SIGUSR1, lambda signum, frame: seen.append(signum))
    print(previous is signal.SIG_DFL, signal.strsignal(signal.SIGUSR1))
    signal.raise_signal(signal.SIGUSR1)
    print("handler saw", seen, signal.Signals(seen[0]).name)
    try:
        await asyncio.sleep(0.6)
        print("pressing Ctrl-C")
        signal.raise_signal(signal.SIGINT)
        print("main goes on until its next await")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("main cancelled, cleaning up")
        await asyncio.sleep(0.1)
        raise
    finally:
        print("workers done:", [w.done() for w in workers])


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt reached the caller")
print("SIGINT handler restored:", signal.getsignal(signal.SIGINT) is signal.default_int_handler)
asyncio.run(main())
