# math.dist and math.hypot; asyncio.Handle and asyncio.TimerHandle as the types of scheduled callbacks.
import math
try:
    print('math.dist((0,0),(3,4))', repr(math.dist((0,0),(3,4))))
except Exception as e:
    print('math.dist((0,0),(3,4))', type(e).__name__, e)
try:
    print('math.dist([1,2,3],[4,6,3])', repr(math.dist([1,2,3],[4,6,3])))
except Exception as e:
    print('math.dist([1,2,3],[4,6,3])', type(e).__name__, e)
try:
    print('math.dist((1,),(1,2))', repr(math.dist((1,),(1,2))))
except Exception as e:
    print('math.dist((1,),(1,2))', type(e).__name__, e)
try:
    print('math.dist(1,2)', repr(math.dist(1,2)))
except Exception as e:
    print('math.dist(1,2)', type(e).__name__, e)
try:
    print('math.dist([1],(2,))', repr(math.dist([1],(2,))))
except Exception as e:
    print('math.dist([1],(2,))', type(e).__name__, e)
try:
    print('math.dist(("a",),(1,))', repr(math.dist(("a",),(1,))))
except Exception as e:
    print('math.dist(("a",),(1,))', type(e).__name__, e)
try:
    print('math.dist((),())', repr(math.dist((),())))
except Exception as e:
    print('math.dist((),())', type(e).__name__, e)
try:
    print('math.dist(iter([1]),(2,))', repr(math.dist(iter([1]),(2,))))
except Exception as e:
    print('math.dist(iter([1]),(2,))', type(e).__name__, e)
try:
    print('math.hypot(3, 4, 12)', repr(math.hypot(3, 4, 12)))
except Exception as e:
    print('math.hypot(3, 4, 12)', type(e).__name__, e)
try:
    print('math.hypot(float("nan"), float("inf"))', repr(math.hypot(float("nan"), float("inf"))))
except Exception as e:
    print('math.hypot(float("nan"), float("inf"))', type(e).__name__, e)

import asyncio


async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_later(5, print, "never")
    s = loop.call_soon(print, "soon")
    print(isinstance(h, asyncio.TimerHandle), isinstance(h, asyncio.Handle), isinstance(s, asyncio.TimerHandle), isinstance(s, asyncio.Handle))
    print(asyncio.Handle, asyncio.TimerHandle, asyncio.TimerHandle.__mro__, type(h).__name__)
    h.cancel()
    print(h.cancelled())
    await asyncio.sleep(0)


asyncio.run(main())
