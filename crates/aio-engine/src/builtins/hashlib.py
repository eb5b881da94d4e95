# The `hashlib` module: CPython 3.11.7's Lib/hashlib.py (with the _hashlib HASH objects it
# gets from OpenSSL), written fresh to its documented behaviour and messages, the digests in
# pure Python. Parsed and run on the first `import hashlib`.
# Covers md5, sha1, sha224, sha256, sha384, sha512 (and sha512_224, sha512_256 through new()):
# constructors taking `string` and `usedforsecurity`, new(name, data=b''), objects with
# update/digest/hexdigest/copy and name/digest_size/block_size, and the sets
# algorithms_guaranteed/algorithms_available as CPython's (OpenSSL 3 build) has them.
# The round constants are computed here (integer square and cube roots of primes, and MD5's
# sines) rather than listed.
# Left out: sha3_*, shake_*, blake2b/blake2s, md5-sha1, ripemd160, sm3 (named in the sets, but
# new() refuses them as unsupported), pbkdf2_hmac, scrypt, file_digest. Data must be bytes or
# bytearray (the engine has no memoryview).

import struct as _struct

__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b', 'blake2s',
           'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'shake_128', 'shake_256',
           'new', 'algorithms_guaranteed', 'algorithms_available', 'pbkdf2_hmac',
           'file_digest')

algorithms_guaranteed = set(('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
                             'blake2b', 'blake2s', 'sha3_224', 'sha3_256', 'sha3_384',
                             'sha3_512', 'shake_128', 'shake_256'))
algorithms_available = algorithms_guaranteed | {'md5-sha1', 'ripemd160', 'sm3',
                                                'sha512_224', 'sha512_256'}

_M32 = 0xFFFFFFFF
_M64 = 0xFFFFFFFFFFFFFFFF


def _iroot(n, k):
    # floor(n ** (1/k)) for a big int, by Newton's method
    x = 1 << (n.bit_length() // k + 1)
    while True:
        y = ((k - 1) * x + n // x ** (k - 1)) // k
        if y >= x:
            return x
        x = y


def _primes(count):
    ps = []
    n = 2
    while len(ps) < count:
        if all(n % p for p in ps):
            ps.append(n)
        n += 1
    return ps


_P = _primes(80)
# SHA-2's constants: the fractional bits of the cube roots of the first 80 primes, the
# initial values those of the square roots of the first 8 (and, for 224/384, primes 9-16)
_K512 = [_iroot(p << 192, 3) & _M64 for p in _P]
_K256 = [k >> 32 for k in _K512[:64]]
_IV512 = [_iroot(p << 128, 2) & _M64 for p in _P[:8]]
_IV384 = [_iroot(p << 128, 2) & _M64 for p in _P[8:16]]
_IV256 = [k >> 32 for k in _IV512]
_IV224 = [_iroot(p << 128, 2) & _M32 for p in _P[8:16]]


def _md5_tables():
    import math
    k = [int(abs(math.sin(i + 1)) * 4294967296) & _M32 for i in range(64)]
    s = [7, 12, 17, 22] * 4 + [5, 9, 14, 20] * 4 + [4, 11, 16, 23] * 4 + [6, 10, 15, 21] * 4
    g = ([i for i in range(16)] + [(5 * i + 1) % 16 for i in range(16, 32)]
         + [(3 * i + 5) % 16 for i in range(32, 48)] + [(7 * i) % 16 for i in range(48, 64)])
    return list(zip(range(64), k, s, g))


_MD5 = _md5_tables()


def _md5_compress(h, block):
    x = _struct.unpack('<16I', block)
    a, b, c, d = h
    for i, k, s, g in _MD5:
        if i < 16:
            f = (b & c) | (~b & d)
        elif i < 32:
            f = (d & b) | (~d & c)
        elif i < 48:
            f = b ^ c ^ d
        else:
            f = c ^ (b | (~d & _M32))
        f = (f + a + k + x[g]) & _M32
        a, d, c = d, c, b
        b = (b + ((f << s) | (f >> (32 - s)))) & _M32
    return [(h[0] + a) & _M32, (h[1] + b) & _M32, (h[2] + c) & _M32, (h[3] + d) & _M32]


def _sha1_compress(h, block):
    w = list(_struct.unpack('>16I', block))
    for i in range(16, 80):
        t = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
        w.append(((t << 1) | (t >> 31)) & _M32)
    a, b, c, d, e = h
    for i in range(80):
        if i < 20:
            f = ((b & c) | (~b & d)) + 0x5A827999
        elif i < 40:
            f = (b ^ c ^ d) + 0x6ED9EBA1
        elif i < 60:
            f = ((b & c) | (b & d) | (c & d)) + 0x8F1BBCDC
        else:
            f = (b ^ c ^ d) + 0xCA62C1D6
        t = ((((a << 5) | (a >> 27)) & _M32) + f + e + w[i]) & _M32
        a, b, c, d, e = t, a, ((b << 30) | (b >> 2)) & _M32, c, d
    return [(x + y) & _M32 for x, y in zip(h, (a, b, c, d, e))]


def _sha256_compress(h, block):
    w = list(_struct.unpack('>16I', block))
    for i in range(16, 64):
        x, y = w[i - 15], w[i - 2]
        s0 = ((x >> 7) | (x << 25)) ^ ((x >> 18) | (x << 14)) ^ (x >> 3)
        s1 = ((y >> 17) | (y << 15)) ^ ((y >> 19) | (y << 13)) ^ (y >> 10)
        w.append((w[i - 16] + s0 + w[i - 7] + s1) & _M32)
    a, b, c, d, e, f, g, hh = h
    for i in range(64):
        s1 = ((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7))
        t1 = hh + (s1 & _M32) + ((e & f) ^ (~e & g)) + _K256[i] + w[i]
        s0 = ((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10))
        t2 = (s0 & _M32) + ((a & b) ^ (a & c) ^ (b & c))
        hh, g, f, e, d, c, b, a = g, f, e, (d + t1) & _M32, c, b, a, (t1 + t2) & _M32
    return [(x + y) & _M32 for x, y in zip(h, (a, b, c, d, e, f, g, hh))]


def _sha512_compress(h, block):
    w = list(_struct.unpack('>16Q', block))
    for i in range(16, 80):
        x, y = w[i - 15], w[i - 2]
        s0 = ((x >> 1) | (x << 63)) ^ ((x >> 8) | (x << 56)) ^ (x >> 7)
        s1 = ((y >> 19) | (y << 45)) ^ ((y >> 61) | (y << 3)) ^ (y >> 6)
        w.append((w[i - 16] + (s0 & _M64) + w[i - 7] + (s1 & _M64)) & _M64)
    a, b, c, d, e, f, g, hh = h
    for i in range(80):
        s1 = ((e >> 14) | (e << 50)) ^ ((e >> 18) | (e << 46)) ^ ((e >> 41) | (e << 23))
        t1 = hh + (s1 & _M64) + ((e & f) ^ (~e & g)) + _K512[i] + w[i]
        s0 = ((a >> 28) | (a << 36)) ^ ((a >> 34) | (a << 30)) ^ ((a >> 39) | (a << 25))
        t2 = (s0 & _M64) + ((a & b) ^ (a & c) ^ (b & c))
        hh, g, f, e, d, c, b, a = g, f, e, (d + t1) & _M64, c, b, a, (t1 + t2) & _M64
    return [(x + y) & _M64 for x, y in zip(h, (a, b, c, d, e, f, g, hh))]


# name: (digest size, block size, initial state, compression, word format, length bytes,
# little-endian)
_ALGOS = {
    'md5': (16, 64, [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476], _md5_compress, '<4I',
            8, True),
    'sha1': (20, 64, [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0],
             _sha1_compress, '>5I', 8, False),
    'sha224': (28, 64, _IV224, _sha256_compress, '>8I', 8, False),
    'sha256': (32, 64, _IV256, _sha256_compress, '>8I', 8, False),
    'sha384': (48, 128, _IV384, _sha512_compress, '>8Q', 16, False),
    'sha512': (64, 128, _IV512, _sha512_compress, '>8Q', 16, False),
}


def _check_data(data):
    if isinstance(data, str):
        raise TypeError('Strings must be encoded before hashing')
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError('object supporting the buffer API required')


class HASH(object):
    __module__ = '_hashlib'

    def __init__(self, name, data=b''):
        self.name = name
        spec = _ALGOS[name]
        self.digest_size = spec[0]
        self.block_size = spec[1]
        self._spec = spec
        self._h = list(spec[2])
        self._buf = b''
        self._count = 0
        if data:
            self.update(data)

    def __repr__(self):
        return '<%s _hashlib.HASH object @ %#x>' % (self.name, id(self))

    def update(self, obj):
        _check_data(obj)
        spec = self._spec
        bs = spec[1]
        self._count += len(obj)
        buf = self._buf + bytes(obj)
        n = len(buf) - len(buf) % bs
        h = self._h
        compress = spec[3]
        for i in range(0, n, bs):
            h = compress(h, buf[i:i + bs])
        self._h = h
        self._buf = buf[n:]

    def digest(self):
        spec = self._spec
        bs, lenbytes = spec[1], spec[5]
        bits = (self._count * 8).to_bytes(lenbytes, 'little' if spec[6] else 'big')
        tail = self._buf + b'\x80' + b'\0' * ((bs - lenbytes - 1 - len(self._buf)) % bs) + bits
        h = self._h
        for i in range(0, len(tail), bs):
            h = spec[3](h, tail[i:i + bs])
        return _struct.pack(spec[4], *h)[:spec[0]]

    def hexdigest(self):
        return self.digest().hex()

    def copy(self):
        other = HASH.__new__(HASH)
        other.__dict__.update(self.__dict__)
        other._h = list(self._h)
        return other


def _sha512_t_iv(t):
    # SHA-512/t: SHA-512 of its own name, from the initial values xored with a5a5...
    h = HASH('sha512')
    h._h = [v ^ 0xA5A5A5A5A5A5A5A5 for v in _IV512]
    h.update(b'SHA-512/%d' % t)
    return list(_struct.unpack('>8Q', h.digest()))


def _new_512_t(name):
    if name not in _ALGOS:
        t = int(name[7:])
        _ALGOS[name] = (t // 8, 128, _sha512_t_iv(t), _sha512_compress, '>8Q', 16, False)


def openssl_md5(string=b'', *, usedforsecurity=True):
    _check_data(string)
    return HASH('md5', string)


md5 = openssl_md5
del openssl_md5


def openssl_sha1(string=b'', *, usedforsecurity=True):
    _check_data(string)
    return HASH('sha1', string)


sha1 = openssl_sha1
del openssl_sha1


def openssl_sha224(string=b'', *, usedforsecurity=True):
    _check_data(string)
    return HASH('sha224', string)


sha224 = openssl_sha224
del openssl_sha224


def openssl_sha256(string=b'', *, usedforsecurity=True):
    _check_data(string)
    return HASH('sha256', string)


sha256 = openssl_sha256
del openssl_sha256


def openssl_sha384(string=b'', *, usedforsecurity=True):
    _check_data(string)
    return HASH('sha384', string)


sha384 = openssl_sha384
del openssl_sha384


def openssl_sha512(string=b'', *, usedforsecurity=True):
    _check_data(string)
    return HASH('sha512', string)


sha512 = openssl_sha512
del openssl_sha512


class UnsupportedDigestmodError(ValueError):
    __module__ = '_hashlib'


def __get_builtin_constructor(name):
    raise ValueError('unsupported hash type ' + name)  # tb: hashlib.py:123


def __hash_new(name, data=b'', **kwargs):
    # CPython asks OpenSSL first, then its own constructors: an unknown name fails twice
    if not isinstance(name, str):
        raise TypeError('name must be a string')  # tb: hashlib.py:160
    key = name.lower()
    if key in ('sha512_224', 'sha512_256'):
        _new_512_t(key)
    try:
        if key not in _ALGOS:
            raise UnsupportedDigestmodError('[digital envelope routines] unsupported')  # tb: hashlib.py:160
    except UnsupportedDigestmodError:
        return __get_builtin_constructor(name)(data)  # tb: hashlib.py:166
    _check_data(data)  # tb: hashlib.py:160
    return HASH(key, data)


new = __hash_new
