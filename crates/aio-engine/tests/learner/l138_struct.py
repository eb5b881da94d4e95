# struct: pack, unpack and their relatives in every byte order, native alignment, CPython's messages, and length-prefixed frames in a bytearray.
import struct
tests = [('>h', 40000), ('>H', -1), ('>b', 200), ('>B', 300), ('>i', 2**31), ('>I', -1), ('>q', 2**63), ('>Q', -1), ('h', 40000), ('H', -1), ('b', 200), ('B', -1), ('i', 2**31), ('I', 2**32), ('l', 2**63), ('L', -1), ('q', 2**63), ('Q', -1), ('>l', 2**31), ('>L', 2**32), ('>h', 'x'), ('>h', 1.5), ('>c', b'ab'), ('>s', 'x'), ('>?', []), ('>f', 1e300), ('n', 2**63),
         ('>H', 70000), ('>I', 2**32), ('H', -1), ('I', -1), ('>Q', 2**64), ('>q', -2**63 - 1), ('>l', -2**31 - 1), ('>L', -1), ('>i', -2**31 - 1), ('Q', 2**64), ('q', -2**63 - 1), ('N', -1), ('>d', 'x'), ('>?', 2), ('=h', 40000), ('=l', 2**31), ('<H', 70000), ('>n', 1), ('z', 1)]
for f, v in tests:
    try:
        print(f, v, repr(struct.pack(f, v)))
    except Exception as e:
        print(f, v, type(e).__name__, e)
print(struct.calcsize("hi"), struct.calcsize("<hi"), struct.calcsize("ci"), struct.calcsize("ih"), struct.calcsize("3s2xq"), struct.calcsize("!I"))
print(struct.unpack("<2h3s?", b"\x01\x00\x02\x00abc\x01"), struct.pack("<d", 1.5), struct.pack(">f", 0.1), struct.unpack(">f", struct.pack(">f", 0.1)))
print(struct.pack("5p", b"hi"), struct.unpack("5p", b"\x02hi\x00\x00"), struct.Struct("<I").size, list(struct.iter_unpack("<H", b"\x01\x00\x02\x00")), struct.unpack_from("<H", b"xx\x05\x00", 2))
print(struct.error.__module__, struct.pack("!I", 1), struct.pack("@ih", 1, 2), struct.pack("hi", 1, 2), struct.unpack("@hi", struct.pack("@hi", -1, 70000)))
for bad in [lambda: struct.pack(">hh", 1), lambda: struct.unpack(">h", b"abc"), lambda: struct.unpack_from("<I", b"ab", 1), lambda: struct.pack("3"), lambda: list(struct.iter_unpack("<H", b"abc"))]:
    try:
        bad()
    except struct.error as e:
        print("struct.error:", e)


def frame(payload: bytes) -> bytes:
    return struct.pack("!H", len(payload)) + payload


def unframe(buf: bytearray):
    out = []
    while len(buf) >= 2:
        (n,) = struct.unpack_from("!H", buf)
        if len(buf) < 2 + n:
            break
        out.append(bytes(buf[2:2 + n]).decode())
        del buf[:2 + n]
    return out


buf = bytearray(frame("hello".encode()) + frame("wörld".encode()) + b"\x00")
print(unframe(buf), buf)
header = struct.Struct("<IHd")
packed = header.pack(7, 2, 3.25)
print(len(packed), header.unpack(packed), header.format)
ba = bytearray(16)
struct.pack_into("<I", ba, 4, 0xDEADBEEF)
print(ba.hex())
