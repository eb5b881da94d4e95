# bytearray in practice: a line buffer fed by a coroutine, json and str() of bytes, copies, and the collections.abc registrations.
import json, copy
from collections.abc import Sequence, MutableSequence, ByteString
ba = bytearray(b'{"a": [1, 2]}')
print(json.loads(ba), json.loads(bytes(ba)))
print(str(ba, 'utf-8'), str(b'xy', 'ascii'))
c = copy.copy(ba); d = copy.deepcopy(ba); c.append(33); print(ba, c, d)
print(isinstance(ba, Sequence), isinstance(ba, MutableSequence), isinstance(b'', ByteString), isinstance(ba, ByteString))
print(ba == '{"a"', ba != b'', ba[0:0], ba[-1], ba.index(b'a'), ba.rfind(b'2'), ba.hex(':'), ba.isascii())
print(bytearray(b'ab').startswith((b'x', bytearray(b'a'))), bytearray(b'a\nb').splitlines(), bytearray(b'a b').split())
print(bytearray(range(5)), bytearray(b'abc')[::-1], bytearray(iter([1, 2])), max(bytearray(b'az')))
import asyncio


async def reader(chunks, out):
    buf = bytearray()
    for chunk in chunks:
        await asyncio.sleep(0)
        buf.extend(chunk)
        while (end := buf.find(b'\n')) != -1:
            out.append(buf[:end].decode())
            del buf[:end + 1]
    return buf


out = []
rest = asyncio.run(reader([b'he', b'llo\nwor', b'ld\n', b'tail'], out))
print(out, rest, deep := copy.deepcopy([rest, rest]), deep[0] is deep[1])
