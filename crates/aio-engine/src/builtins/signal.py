"""signal: the program's own signal handlers (a page receives no signals from outside, so
raise_signal is how a program sends one). The handler table lives in the engine, where
asyncio.run installs its own SIGINT handler, as CPython's runner does."""
import asyncio as _aio
from enum import IntEnum as _IntEnum


class Signals(_IntEnum):
    SIGHUP = 1
    SIGINT = 2
    SIGQUIT = 3
    SIGILL = 4
    SIGTRAP = 5
    SIGABRT = 6
    SIGBUS = 7
    SIGFPE = 8
    SIGKILL = 9
    SIGUSR1 = 10
    SIGSEGV = 11
    SIGUSR2 = 12
    SIGPIPE = 13
    SIGALRM = 14
    SIGTERM = 15
    SIGCHLD = 17
    SIGCONT = 18
    SIGSTOP = 19
    SIGTSTP = 20
    SIGWINCH = 28


Signals.__module__ = 'signal'


class Handlers(_IntEnum):
    SIG_DFL = 0
    SIG_IGN = 1


Handlers.__module__ = 'signal'

SIGHUP = Signals.SIGHUP
SIGINT = Signals.SIGINT
SIGQUIT = Signals.SIGQUIT
SIGILL = Signals.SIGILL
SIGTRAP = Signals.SIGTRAP
SIGABRT = Signals.SIGABRT
SIGBUS = Signals.SIGBUS
SIGFPE = Signals.SIGFPE
SIGKILL = Signals.SIGKILL
SIGUSR1 = Signals.SIGUSR1
SIGSEGV = Signals.SIGSEGV
SIGUSR2 = Signals.SIGUSR2
SIGPIPE = Signals.SIGPIPE
SIGALRM = Signals.SIGALRM
SIGTERM = Signals.SIGTERM
SIGCHLD = Signals.SIGCHLD
SIGCONT = Signals.SIGCONT
SIGSTOP = Signals.SIGSTOP
SIGTSTP = Signals.SIGTSTP
SIGWINCH = Signals.SIGWINCH
SIG_DFL = Handlers.SIG_DFL
SIG_IGN = Handlers.SIG_IGN
NSIG = 65

_DESCRIPTIONS = {
    1: 'Hangup', 2: 'Interrupt', 3: 'Quit', 4: 'Illegal instruction', 5: 'Trace/breakpoint trap',
    6: 'Aborted', 7: 'Bus error', 8: 'Floating point exception', 9: 'Killed',
    10: 'User defined signal 1', 11: 'Segmentation fault', 12: 'User defined signal 2',
    13: 'Broken pipe', 14: 'Alarm clock', 15: 'Terminated', 17: 'Child exited',
    18: 'Continued', 19: 'Stopped (signal)', 20: 'Stopped', 28: 'Window changed',
}
# Ignored by default: raising them does nothing.
_IGNORED = (17, 18, 28)


def default_int_handler(signalnum, frame, /):
    raise KeyboardInterrupt


def _number(signalnum):
    if isinstance(signalnum, Signals):
        n = signalnum.value
    elif isinstance(signalnum, int):
        n = signalnum
    else:
        raise TypeError(f"'{type(signalnum).__name__}' object cannot be interpreted as an integer")
    if not 1 <= n < NSIG:
        raise ValueError('signal number out of range')
    return n


def getsignal(signalnum, /):
    n = _number(signalnum)
    handler = _aio._signal_get(n)
    if handler is None:
        return default_int_handler if n == 2 else SIG_DFL
    return handler


def signal(signalnum, handler, /):
    n = _number(signalnum)
    if handler is not SIG_DFL and handler is not SIG_IGN and not callable(handler):
        raise TypeError('signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object')
    if n in (9, 19):
        raise OSError(22, 'Invalid argument')
    old = getsignal(n)
    _aio._signal_set(n, None if handler is default_int_handler and n == 2 else handler)
    return old


def raise_signal(signalnum, /):
    n = _number(signalnum)
    handler = getsignal(n)
    if handler is SIG_IGN or (handler is SIG_DFL and n in _IGNORED):
        return
    if handler is SIG_DFL:
        # The default action ends the program, as the signal would: nothing is printed and the
        # shell sees 128 + the signal's number.
        raise SystemExit(128 + n)
    handler(n, None)


def strsignal(signalnum, /):
    return _DESCRIPTIONS.get(_number(signalnum))


def valid_signals():
    return set(Signals)
