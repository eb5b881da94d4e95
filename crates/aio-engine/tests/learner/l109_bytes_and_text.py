# exit: 1
# bytes: literals, encoding and decoding text, slicing, searching, and the classic mistakes.
import asyncio

payload = "Grüße, 世界! ✓".encode("utf-8")
print(payload, len(payload), payload.decode(), type(payload).__name__)
print(payload[:5], payload[0], list(payload[:3]), payload.hex()[:16], bytes.fromhex("48 69"))
print(b"it's", b'say "hi"', b"\x00\x7f\x80\xff\t\n", bytes(3), bytes([72, 105]), bytes(range(65, 70)))
print(b"a,b,,c".split(b","), b"  pad  ".strip(), b"-".join([b"x", b"y"]), b"hello".replace(b"l", b"L"))
print(b"GET /index.html HTTP/1.1".startswith(b"GET"), b"abc".find(b"c"), 98 in b"abc", b"ab" * 2 + b"!")
print("é".encode("latin-1"), "naïve".encode("ascii", errors="replace"), b"caf\xe9".decode("latin-1"))
print(b"\xffok".decode("utf-8", errors="replace"), (1024).to_bytes(2, "big"), int.from_bytes(b"\x04\x00", "little"))


async def read_frames(stream):
    # a tiny protocol: each frame is a 1-byte length, then that many bytes
    frames = []
    while stream:
        await asyncio.sleep(0)
        size = stream[0]
        frames.append(stream[1:1 + size].decode())
        stream = stream[1 + size:]
    return frames


msg = b"".join(len(w).to_bytes(1, "big") + w for w in [b"ping", "pong".encode(), "你好".encode()])
print(msg, asyncio.run(read_frames(msg)))
for bad in (lambda: b"abc" + "def", lambda: "abc" + b"def", lambda: b"\xff".decode(),
            lambda: "日本".encode("ascii"), lambda: bytes("text"), lambda: bytes([300])):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(b"\xe2\x9c".decode())
