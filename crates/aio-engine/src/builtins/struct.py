# The `struct` module: CPython 3.11.7's packing of values into bytes, written fresh to its
# documented behaviour and messages, for a 64-bit little-endian machine (native sizes and
# alignment under '@'). Floats go through the native `_struct`. Parsed and run on the first
# `import struct`.
# Left out: the 'e' (half float) and 'P' formats.
import _struct

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack', 'Struct',
           'error']


class error(Exception):
    __module__ = 'struct'


_STANDARD_SIZES = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
                   'l': 4, 'L': 4, 'q': 8, 'Q': 8, 'f': 4, 'd': 8, 's': 1, 'p': 1}
_NATIVE_SIZES = dict(_STANDARD_SIZES, l=8, L=8, n=8, N=8)
_SIGNED = 'bhilqn'


def _parse(format):
    # (little-endian, native, [(code, count)]) of a format string
    if isinstance(format, bytes):
        format = format.decode('ascii')
    if not isinstance(format, str):
        raise TypeError('Struct() argument 1 must be a str or bytes object, not %s'
                        % type(format).__name__)
    order = '@'
    if format[:1] in '@=<>!' and format:
        order, format = format[0], format[1:]
    native = order == '@'
    sizes = _NATIVE_SIZES if native else _STANDARD_SIZES
    items = []
    count = None
    for ch in format:
        if ch.isspace():
            continue
        if ch.isdigit():
            count = (count or 0) * 10 + int(ch)
            continue
        if ch not in sizes:
            raise error('bad char in struct format')
        items.append((ch, 1 if count is None else count))
        count = None
    if count is not None:
        raise error('repeat count given without format specifier')
    return order in '@=<', native, order, items


def _layout(format):
    # the parsed format and each field's (code, offset, size), with the total size
    little, native, order, items = _parse(format)
    sizes = _NATIVE_SIZES if native else _STANDARD_SIZES
    fields = []
    offset = 0
    for code, count in items:
        size = sizes[code]
        if native and code not in 'xcbB?sp' and offset % size:
            offset += size - offset % size
        if code in 'sp':
            fields.append((code, offset, count))
            offset += count
        elif code == 'x':
            offset += count
        else:
            for _ in range(count):
                fields.append((code, offset, size))
                offset += size
    return little, native, order, fields, offset


def calcsize(format):
    return _layout(format)[4]


def _int_range_error(code, size, native, order, value):
    # the message CPython's tables give for an int that does not fit
    bits = size * 8
    signed = code in _SIGNED
    low, high = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    if code == 'b':
        return error('byte format requires -128 <= number <= 127')
    if code == 'B':
        return error('ubyte format requires 0 <= number <= 255')
    if size == 8:
        return error('argument out of range' if native else 'int too large to convert')
    little_table = native or order in '<='
    if code in 'hH' and little_table:
        name = 'short' if code == 'h' else 'ushort'
        return error('%s format requires %d <= number <= %d' % (name, low, high))
    if not signed and value < 0:
        return error('argument out of range')
    return error("'%s' format requires %d <= number <= %d" % (code, low, high))


def _pack_one(code, size, value, little, native, order):
    if code in 'fd':
        if not isinstance(value, (int, float)):
            raise error('required argument is not a float')
        return _struct.pack_float(float(value), size, little)
    if code == '?':
        return b'\x01' if value else b'\x00'
    if code == 'c':
        if not isinstance(value, (bytes, bytearray)) or len(value) != 1:
            raise error('char format requires a bytes object of length 1')
        return bytes(value)
    if not isinstance(value, int) or isinstance(value, float):
        if hasattr(type(value), '__index__'):
            value = value.__index__()
        else:
            raise error('required argument is not an integer')
    value = int(value)
    bits = size * 8
    if code in _SIGNED:
        fits = -(1 << (bits - 1)) <= value < (1 << (bits - 1))
    else:
        fits = 0 <= value < (1 << bits)
    if not fits:
        raise _int_range_error(code, size, native, order, value)
    return value.to_bytes(size, 'little' if little else 'big', signed=code in _SIGNED)


def _padded(data, size):
    return data + b'\x00' * (size - len(data))


def _pack(layout, values):
    little, native, order, fields, total = layout
    if len(values) != len(fields):
        raise error('pack expected %d items for packing (got %d)' % (len(fields), len(values)))
    out = bytearray(total)
    for (code, offset, size), value in zip(fields, values):
        if code == 's':
            if not isinstance(value, (bytes, bytearray)):
                raise error("argument for 's' must be a bytes object")
            piece = _padded(bytes(value[:size]), size)
        elif code == 'p':
            if not isinstance(value, (bytes, bytearray)):
                raise error("argument for 'p' must be a bytes object")
            data = bytes(value[:max(size - 1, 0)][:255])
            piece = _padded(bytes([len(data)]) + data, size)[:size]
        else:
            piece = _pack_one(code, size, value, little, native, order)
        out[offset:offset + len(piece)] = piece
    return bytes(out)


def _unpack(layout, buffer, offset=0):
    little, native, order, fields, total = layout
    data = bytes(buffer)[offset:offset + total]
    values = []
    for code, start, size in fields:
        chunk = data[start:start + size]
        if code == 's':
            values.append(chunk)
        elif code == 'p':
            values.append(chunk[1:1 + min(chunk[0], size - 1)] if chunk else b'')
        elif code == 'c':
            values.append(chunk)
        elif code == '?':
            values.append(chunk != b'\x00')
        elif code in 'fd':
            values.append(_struct.unpack_float(chunk, little))
        else:
            values.append(int.from_bytes(chunk, 'little' if little else 'big',
                                         signed=code in _SIGNED))
    return tuple(values)


def pack(format, *values):
    return _pack(_layout(format), values)


def unpack(format, buffer):
    layout = _layout(format)
    if len(buffer) != layout[4]:
        raise error('unpack requires a buffer of %d bytes' % layout[4])
    return _unpack(layout, buffer)


def unpack_from(format, buffer, offset=0):
    layout = _layout(format)
    if offset < 0:
        offset += len(buffer)
    if len(buffer) - offset < layout[4]:
        raise error('unpack_from requires a buffer of at least %d bytes for unpacking %d bytes '
                    'at offset %d (actual buffer size is %d)'
                    % (layout[4] + offset, layout[4], offset, len(buffer)))
    return _unpack(layout, buffer, offset)


def pack_into(format, buffer, offset, *values):
    data = pack(format, *values)
    if offset < 0:
        offset += len(buffer)
    if len(buffer) - offset < len(data):
        raise error('pack_into requires a buffer of at least %d bytes for packing %d bytes at '
                    'offset %d (actual buffer size is %d)'
                    % (len(data) + offset, len(data), offset, len(buffer)))
    buffer[offset:offset + len(data)] = data


def iter_unpack(format, buffer):
    layout = _layout(format)
    size = layout[4]
    if size == 0:
        raise error('cannot iteratively unpack with a struct of length 0')
    if len(buffer) % size:
        raise error('iterative unpacking requires a buffer of a multiple of %d bytes' % size)
    return (_unpack(layout, buffer, start) for start in range(0, len(buffer), size))


class Struct:
    __module__ = '_struct'

    def __init__(self, format):
        self._layout = _layout(format)
        self.format = format.decode('ascii') if isinstance(format, bytes) else format
        self.size = self._layout[4]

    def pack(self, *values):
        return _pack(self._layout, values)

    def unpack(self, buffer):
        if len(buffer) != self.size:
            raise error('unpack requires a buffer of %d bytes' % self.size)
        return _unpack(self._layout, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def pack_into(self, buffer, offset, *values):
        pack_into(self.format, buffer, offset, *values)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)
