# The `base64` module: CPython 3.11.7's Lib/base64.py (with the parts of binascii it uses),
# written fresh to its documented behaviour and messages. Parsed and run on the first
# `import base64`.
# Covers b64encode/b64decode (altchars, validate: binascii's strict mode with its messages),
# standard_ and urlsafe_ variants, b32encode/b32decode (casefold, map01), b32hexencode/
# b32hexdecode, b16encode/b16decode, encodebytes/decodebytes. Errors in the data raise
# `Error`, a ValueError that prints as CPython's `binascii.Error`.
# Done by hand because the engine lacks bytes.translate/maketrans and memoryview: only bytes,
# bytearray (and ASCII str where CPython takes it) are accepted as data.
# Left out: b85encode/b85decode, a85encode/a85decode, encode/decode (file objects), main().

__all__ = ['encode', 'decode', 'encodebytes', 'decodebytes', 'b64encode', 'b64decode',
           'b32encode', 'b32decode', 'b32hexencode', 'b32hexdecode', 'b16encode',
           'b16decode', 'b85encode', 'b85decode', 'a85encode', 'a85decode',
           'standard_b64encode', 'standard_b64decode', 'urlsafe_b64encode',
           'urlsafe_b64decode']

bytes_types = (bytes, bytearray)

MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


class Error(ValueError):
    __module__ = 'binascii'


_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64REV = {c: i for i, c in enumerate(_B64)}


def _translate(s, frm, to):
    # bytes.maketrans(frm, to) then s.translate(...)
    table = {f: t for f, t in zip(frm, to)}
    return bytes(table.get(c, c) for c in s)


def _need_bytes(s):
    # binascii's argument check for the encoders
    if isinstance(s, bytes_types):
        return s
    raise TypeError(f"a bytes-like object is required, not '{type(s).__name__}'")


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, bytes_types):
        return s
    raise TypeError("argument should be a bytes-like object or ASCII "
                    "string, not %r" % s.__class__.__name__) from None


def _b2a_base64(s, newline=True):
    s = _need_bytes(s)
    out = bytearray()
    n = len(s)
    for i in range(0, n - n % 3, 3):
        c = (s[i] << 16) | (s[i + 1] << 8) | s[i + 2]
        out += bytes((_B64[c >> 18], _B64[(c >> 12) & 63], _B64[(c >> 6) & 63], _B64[c & 63]))
    rest = n % 3
    if rest == 1:
        c = s[n - 1]
        out += bytes((_B64[c >> 2], _B64[(c & 3) << 4])) + b'=='
    elif rest == 2:
        c = (s[n - 2] << 8) | s[n - 1]
        out += bytes((_B64[c >> 10], _B64[(c >> 4) & 63], _B64[(c & 15) << 2])) + b'='
    if newline:
        out += b'\n'
    return bytes(out)


def _a2b_base64(s, strict_mode=False):
    # binascii.a2b_base64, pad and garbage handling included
    if isinstance(s, str):
        try:
            s = s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters') from None
    out = bytearray()
    if strict_mode and s and s[0] == 61:
        raise Error('Leading padding not allowed')
    quad_pos = 0
    left = 0
    pads = 0
    padding_started = False
    n = len(s)
    for i in range(n):
        c = s[i]
        if c == 61:  # '='
            padding_started = True
            if quad_pos >= 2:
                pads += 1
                if quad_pos + pads >= 4:
                    if strict_mode and i + 1 < n:
                        raise Error('Excess data after padding')
                    return bytes(out)
            continue
        v = _B64REV.get(c)
        if v is None:
            if strict_mode:
                raise Error('Only base64 data is allowed')
            continue
        if strict_mode and padding_started:
            raise Error('Discontinuous padding not allowed')
        pads = 0
        if quad_pos == 0:
            left = v
            quad_pos = 1
        elif quad_pos == 1:
            out.append(((left << 2) | (v >> 4)) & 255)
            left = v & 15
            quad_pos = 2
        elif quad_pos == 2:
            out.append(((left << 4) | (v >> 2)) & 255)
            left = v & 3
            quad_pos = 3
        else:
            out.append(((left << 6) | v) & 255)
            quad_pos = 0
    if quad_pos == 1:
        raise Error('Invalid base64-encoded string: number of data characters (%d) cannot '
                    'be 1 more than a multiple of 4' % (len(out) // 3 * 4 + 1))
    if quad_pos:
        raise Error('Incorrect padding')
    return bytes(out)


class binascii:
    # the part of the binascii module base64 calls, under the names its traceback lines show
    Error = Error
    a2b_base64 = staticmethod(_a2b_base64)


def b64encode(s, altchars=None):
    encoded = _b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return _translate(encoded, b'+/', altchars)
    return encoded


def b64decode(s, altchars=None, validate=False):
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = _translate(s, altchars, b'+/')
    return binascii.a2b_base64(s, strict_mode=validate)  # tb: base64.py:88


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)  # tb: base64.py:106


def urlsafe_b64encode(s):
    return _translate(b64encode(s), b'+/', b'-_')


def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s)
    return b64decode(_translate(s, b'-_', b'+/'))  # tb: base64.py:134


_b32alphabet = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_b32hexalphabet = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'


def _b32encode(alphabet, s):
    if not isinstance(s, bytes_types):
        raise TypeError(f"memoryview: a bytes-like object is required, not '{type(s).__name__}'")
    s = bytes(s)
    leftover = len(s) % 5
    if leftover:
        s = s + b'\0' * (5 - leftover)
    encoded = bytearray()
    for i in range(0, len(s), 5):
        c = int.from_bytes(s[i:i + 5], 'big')
        encoded += bytes(alphabet[(c >> sh) & 31] for sh in (35, 30, 25, 20, 15, 10, 5, 0))
    # 1..4 leftover bytes keep 2, 4, 5, 7 characters of the last group
    if leftover:
        keep = (0, 2, 4, 5, 7)[leftover]
        encoded[len(encoded) - 8 + keep:] = b'=' * (8 - keep)
    return bytes(encoded)


def _b32decode(alphabet, s, casefold=False, map01=None):
    rev = {v: k for k, v in enumerate(alphabet)}
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise Error('Incorrect padding')  # tb: base64.py:210
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = _translate(s, b'01', b'O' + map01)
    if casefold:
        s = s.upper()
    l = len(s)
    s = s.rstrip(b'=')
    padchars = l - len(s)
    decoded = bytearray()
    acc = 0
    for i in range(0, len(s), 8):
        acc = 0
        for c in s[i:i + 8]:
            v = rev.get(c)
            if v is None:
                raise Error('Non-base32 digit found') from None  # tb: base64.py:236
            acc = (acc << 5) + v
        decoded += acc.to_bytes(5, 'big')
    if l % 8 or padchars not in {0, 1, 3, 4, 6}:
        raise Error('Incorrect padding')  # tb: base64.py:240
    if padchars and decoded:
        acc <<= 5 * padchars
        last = acc.to_bytes(5, 'big')
        leftover = (43 - 5 * padchars) // 8
        decoded[len(decoded) - 5:] = last[:leftover]
    return bytes(decoded)


def b32encode(s):
    return _b32encode(_b32alphabet, s)


def b32decode(s, casefold=False, map01=None):
    return _b32decode(_b32alphabet, s, casefold, map01)  # tb: base64.py:254


def b32hexencode(s):
    return _b32encode(_b32hexalphabet, s)


def b32hexdecode(s, casefold=False):
    return _b32decode(_b32hexalphabet, s, casefold)  # tb: base64.py:264


def b16encode(s):
    return _need_bytes(s).hex().upper().encode('ascii')


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    for c in s:
        if not (48 <= c <= 57 or 65 <= c <= 70):
            raise Error('Non-base16 digit found')  # tb: base64.py:292
    if len(s) % 2:
        raise Error('Odd-length string')  # tb: base64.py:293
    return bytes.fromhex(s.decode('ascii'))


def _input_type_check(s):
    if not isinstance(s, bytes_types):
        raise TypeError('expected bytes-like object, not %s' % s.__class__.__name__)


def encodebytes(s):
    _input_type_check(s)
    return b''.join(_b2a_base64(s[i:i + MAXBINSIZE]) for i in range(0, len(s), MAXBINSIZE))


def decodebytes(s):
    _input_type_check(s)
    return binascii.a2b_base64(s)  # tb: base64.py:563
