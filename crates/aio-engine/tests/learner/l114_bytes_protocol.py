import asyncio


def encode_message(text):
    body = text.encode("utf-8")
    return len(body).to_bytes(4, "big") + body


def decode_stream(buffer):
    """Return (messages, leftover) from a buffer of length-prefixed frames."""
    messages = []
    while len(buffer) >= 4:
        size = int.from_bytes(buffer[:4], "big")
        if len(buffer) < 4 + size:
            break
        messages.append(buffer[4:4 + size].decode("utf-8"))
        buffer = buffer[4 + size:]
    return messages, buffer


frame = encode_message("hi")
print("frame:", frame, "hex:", frame.hex(" "))
print("little endian 258:", (258).to_bytes(2, "little"), " big:", (258).to_bytes(2, "big"))
print("signed -2:", (-2).to_bytes(2, "big", signed=True))
print("from_bytes signed:", int.from_bytes(b"\xff\xfe", "big", signed=True))


async def network(queue, data, chunk_size):
    """Pretend to be a socket delivering data in small chunks."""
    for i in range(0, len(data), chunk_size):
        await asyncio.sleep(0.01)
        await queue.put(data[i:i + chunk_size])
    await queue.put(b"")


async def receiver(queue):
    buffer = b""
    received = []
    while chunk := await queue.get():
        buffer += chunk
        messages, buffer = decode_stream(buffer)
        print(f"chunk {chunk!r:<20} -> {messages} (buffered {len(buffer)})")
        received.extend(messages)
    return received


async def main():
    outgoing = ["hello", "asyncio ✓", "", "bye"]
    data = b"".join(encode_message(m) for m in outgoing)
    print("total bytes on the wire:", len(data))
    queue = asyncio.Queue()
    _, received = await asyncio.gather(network(queue, data, 7), receiver(queue))
    print("received:", received)
    print("round trip ok:", received == outgoing)


asyncio.run(main())
