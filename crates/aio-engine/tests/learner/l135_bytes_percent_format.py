# % formatting of bytes and bytearray (PEP 461), with CPython's messages.
try:
    print('b"%d-%s" % (5, b"x")', '->', repr(b"%d-%s" % (5, b"x")))
except Exception as e:
    print('b"%d-%s" % (5, b"x")', '->', type(e).__name__, e)
try:
    print('b"%s" % "x"', '->', repr(b"%s" % "x"))
except Exception as e:
    print('b"%s" % "x"', '->', type(e).__name__, e)
try:
    print('b"%r" % "x"', '->', repr(b"%r" % "x"))
except Exception as e:
    print('b"%r" % "x"', '->', type(e).__name__, e)
try:
    print('b"%a|%5.1f|%x|%c|%c" % ("é", 2.25, 255, 65, b"z")', '->', repr(b"%a|%5.1f|%x|%c|%c" % ("é", 2.25, 255, 65, b"z")))
except Exception as e:
    print('b"%a|%5.1f|%x|%c|%c" % ("é", 2.25, 255, 65, b"z")', '->', type(e).__name__, e)
try:
    print('b"%(k)s=%(v)d" % {b"k": b"key", b"v": 3}', '->', repr(b"%(k)s=%(v)d" % {b"k": b"key", b"v": 3}))
except Exception as e:
    print('b"%(k)s=%(v)d" % {b"k": b"key", b"v": 3}', '->', type(e).__name__, e)
try:
    print('b"%s %s" % (b"a",)', '->', repr(b"%s %s" % (b"a",)))
except Exception as e:
    print('b"%s %s" % (b"a",)', '->', type(e).__name__, e)
try:
    print('b"%s" % (b"a", b"b")', '->', repr(b"%s" % (b"a", b"b")))
except Exception as e:
    print('b"%s" % (b"a", b"b")', '->', type(e).__name__, e)
try:
    print('b"%b" % bytearray(b"q")', '->', repr(b"%b" % bytearray(b"q")))
except Exception as e:
    print('b"%b" % bytearray(b"q")', '->', type(e).__name__, e)
try:
    print('b"%c" % 300', '->', repr(b"%c" % 300))
except Exception as e:
    print('b"%c" % 300', '->', type(e).__name__, e)
try:
    print('b"100%%" % ()', '->', repr(b"100%%" % ()))
except Exception as e:
    print('b"100%%" % ()', '->', type(e).__name__, e)
try:
    print('b"%s" % 5', '->', repr(b"%s" % 5))
except Exception as e:
    print('b"%s" % 5', '->', type(e).__name__, e)
try:
    print('b"%-5s|" % b"ab"', '->', repr(b"%-5s|" % b"ab"))
except Exception as e:
    print('b"%-5s|" % b"ab"', '->', type(e).__name__, e)
try:
    print('bytearray(b"%d") % 4', '->', repr(bytearray(b"%d") % 4))
except Exception as e:
    print('bytearray(b"%d") % 4', '->', type(e).__name__, e)
try:
    print('b"%z" % 1', '->', repr(b"%z" % 1))
except Exception as e:
    print('b"%z" % 1', '->', type(e).__name__, e)
try:
    print('b"%05.2f|%+d|%#x|%.3s|%*d" % (3.14159, 5, 255, b"abcdef", 4, 7)', '->', repr(b"%05.2f|%+d|%#x|%.3s|%*d" % (3.14159, 5, 255, b"abcdef", 4, 7)))
except Exception as e:
    print('b"%05.2f|%+d|%#x|%.3s|%*d" % (3.14159, 5, 255, b"abcdef", 4, 7)', '->', type(e).__name__, e)
try:
    print('b"GET %s HTTP/1.1\\r\\nHost: %s\\r\\n\\r\\n" % (b"/index", b"example.org")', '->', repr(b"GET %s HTTP/1.1\r\nHost: %s\r\n\r\n" % (b"/index", b"example.org")))
except Exception as e:
    print('b"GET %s HTTP/1.1\\r\\nHost: %s\\r\\n\\r\\n" % (b"/index", b"example.org")', '->', type(e).__name__, e)
