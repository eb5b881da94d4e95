# A function's __code__ and a coroutine's cr_code (co_name as defined, co_firstlineno, co_flags, which
# inspect's isgeneratorfunction and isasyncgenfunction read), and bin, oct and hex.
import inspect

async def a(x, *args, **kw):
    yield x

def g():
    yield 1

async def c():
    pass

def f(a, b=1):
    return a

for fn in (a, g, c, f):
    code = fn.__code__
    print(code.co_name, code.co_firstlineno, bin(code.co_flags), inspect.isgeneratorfunction(fn), inspect.isasyncgenfunction(fn), inspect.iscoroutinefunction(fn))
co = c()
print(co.cr_code.co_name, g().gi_code.co_name, a(1).ag_code.co_name)
co.close()
print(bin(5), bin(-5), bin(0), oct(8), hex(255), hex(-1), bin(True), hex(2**62))
for bad in (1.5, "3", None):
    try:
        hex(bad)
    except TypeError as e:
        print(e)
try:
    bin()
except TypeError as e:
    print(e)
