# exit: 1
# BaseExceptionGroup.split / subgroup / derive (by type, tuple or predicate; nesting, traceback and notes kept),
# add_note and the notes printed under the exception in a traceback, inside a group too.
import asyncio

eg = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)]), KeyError(4)])
eg.add_note("a note")
try:
    raise eg
except ExceptionGroup as caught:
    eg = caught
m, r = eg.split(ValueError)
print(repr(m))
print(repr(r))
print(m.__notes__, m.__traceback__ is eg.__traceback__)
print(eg.subgroup(lambda e: isinstance(e, (KeyError, TypeError))))
print(eg.subgroup(OSError))
print(eg.split((ValueError, TypeError)))
print(repr(eg.derive([ValueError(9)])), type(eg.derive([KeyboardInterrupt()])).__name__)
try:
    eg.split(3)
except TypeError as e:
    print(e)
m, r = eg.split(ExceptionGroup)
print(m is eg, r)

async def fail():
    e = ValueError('x')
    e.add_note('first note')
    e.add_note('second\nline')
    raise e

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail())

asyncio.run(main())
