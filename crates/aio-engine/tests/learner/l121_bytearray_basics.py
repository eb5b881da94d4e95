# bytearray: its methods, item assignment and deletion, operators, and CPython's messages for what it refuses.
ba=bytearray(b'ab')
try:
    ba.extend("ab")
    print('ba.extend("ab")', '->', ba)
except Exception as e:
    print('ba.extend("ab")', '->', type(e).__name__, e)
try:
    ba.extend(5)
    print('ba.extend(5)', '->', ba)
except Exception as e:
    print('ba.extend(5)', '->', type(e).__name__, e)
try:
    ba.extend([300])
    print('ba.extend([300])', '->', ba)
except Exception as e:
    print('ba.extend([300])', '->', type(e).__name__, e)
try:
    ba.append(300)
    print('ba.append(300)', '->', ba)
except Exception as e:
    print('ba.append(300)', '->', type(e).__name__, e)
try:
    ba.append("a")
    print('ba.append("a")', '->', ba)
except Exception as e:
    print('ba.append("a")', '->', type(e).__name__, e)
try:
    ba.pop(9)
    print('ba.pop(9)', '->', ba)
except Exception as e:
    print('ba.pop(9)', '->', type(e).__name__, e)
try:
    bytearray().pop()
    print('bytearray().pop()', '->', ba)
except Exception as e:
    print('bytearray().pop()', '->', type(e).__name__, e)
try:
    ba.remove(9)
    print('ba.remove(9)', '->', ba)
except Exception as e:
    print('ba.remove(9)', '->', type(e).__name__, e)
try:
    ba.insert(0, 300)
    print('ba.insert(0, 300)', '->', ba)
except Exception as e:
    print('ba.insert(0, 300)', '->', type(e).__name__, e)
try:
    ba[0]=300
    print('ba[0]=300', '->', ba)
except Exception as e:
    print('ba[0]=300', '->', type(e).__name__, e)
try:
    ba[0]="a"
    print('ba[0]="a"', '->', ba)
except Exception as e:
    print('ba[0]="a"', '->', type(e).__name__, e)
try:
    ba[9]=1
    print('ba[9]=1', '->', ba)
except Exception as e:
    print('ba[9]=1', '->', type(e).__name__, e)
try:
    ba[9]
    print('ba[9]', '->', ba)
except Exception as e:
    print('ba[9]', '->', type(e).__name__, e)
try:
    del ba[9]
    print('del ba[9]', '->', ba)
except Exception as e:
    print('del ba[9]', '->', type(e).__name__, e)
try:
    bytearray(1.5)
    print('bytearray(1.5)', '->', ba)
except Exception as e:
    print('bytearray(1.5)', '->', type(e).__name__, e)
try:
    bytearray([300])
    print('bytearray([300])', '->', ba)
except Exception as e:
    print('bytearray([300])', '->', type(e).__name__, e)
try:
    bytearray("x")
    print('bytearray("x")', '->', ba)
except Exception as e:
    print('bytearray("x")', '->', type(e).__name__, e)
try:
    hash(ba)
    print('hash(ba)', '->', ba)
except Exception as e:
    print('hash(ba)', '->', type(e).__name__, e)
try:
    ba + "x"
    print('ba + "x"', '->', ba)
except Exception as e:
    print('ba + "x"', '->', type(e).__name__, e)
try:
    ba += "x"
    print('ba += "x"', '->', ba)
except Exception as e:
    print('ba += "x"', '->', type(e).__name__, e)
try:
    ba["a"]
    print('ba["a"]', '->', ba)
except Exception as e:
    print('ba["a"]', '->', type(e).__name__, e)
try:
    ba[0:1] = 5
    print('ba[0:1] = 5', '->', ba)
except Exception as e:
    print('ba[0:1] = 5', '->', type(e).__name__, e)
try:
    ba[::2] = b"xyz"
    print('ba[::2] = b"xyz"', '->', ba)
except Exception as e:
    print('ba[::2] = b"xyz"', '->', type(e).__name__, e)
try:
    ba.remove(300)
    print('ba.remove(300)', '->', ba)
except Exception as e:
    print('ba.remove(300)', '->', type(e).__name__, e)
try:
    {ba: 1}
    print('{ba: 1}', '->', ba)
except Exception as e:
    print('{ba: 1}', '->', type(e).__name__, e)
try:
    ba.nope
    print('ba.nope', '->', ba)
except Exception as e:
    print('ba.nope', '->', type(e).__name__, e)
ba=bytearray(b'hello'); ba[1:3]=b'XYZ'; print(ba); ba[0:2]=[65,66]; print(ba); del ba[::2]; print(ba)
print(repr(bytearray(b'a\'"')), str(bytearray()), bytearray(3), bytearray(b'ab') == b'ab', b'ab' + bytearray(b'c'), bytearray(b'c') + b'ab', bytearray(b'ab')*2, bytearray(b'ab') < b'b')
print(type(iter(ba)).__name__, bytearray(b'a,b').split(b','), bytearray(b'x').upper(), bytearray(b' x ').strip(), bytearray(b'ab').partition(b'a'), bytearray(b'-').join([b'a', bytearray(b'b')]), b'-'.join([bytearray(b'q')]))
print(bytearray.fromhex('41 42'), bytearray(b'AB').hex(), bytearray('hé', 'utf-8'), bytearray(b'ab').decode(), int.from_bytes(bytearray(b'\x01\x00'), 'big'), b'ab' in bytearray(b'xab'), bytearray(b'a') in [b'a'])
ba = bytearray(b'abc'); ba2 = ba.copy(); ba.reverse(); ba.clear(); print(ba, ba2, len(ba2), list(ba2), ba2.find(b'c'), ba2.count(98), ba2.startswith(bytearray(b'ab')), bytes(ba2), isinstance(ba2, bytearray), ba2 * 0)
buf = bytearray()
for chunk in [b'GET / HTTP/1.1\r\n', b'Host: x\r\n\r\nbody']:
    buf += chunk
    while (i := buf.find(b'\r\n')) >= 0:
        line = bytes(buf[:i]); del buf[:i + 2]
        print(line)
print(buf, f'{buf!r}', f'{buf}', type(bytearray).__name__, bytearray.__name__, isinstance(buf, (bytes, bytearray)), buf.pop(), buf, sorted(bytearray(b'cab')), sum(bytearray(b'\x01\x02')))
x = bytearray(b'ab'); y = x; y *= 2; print(x, x is y)
