# The `io` module: the in-memory text stream, StringIO, as CPython 3.11.7's C implementation
# behaves and words its errors, written fresh. A page has no files, so there is no open(),
# FileIO or BufferedReader; and no bytes, so no BytesIO.
# Left out: newline translation other than the default (newline='\n' and None behave the
# same here: a page never sees '\r\n'), detach(), and the buffer/encoding attributes.

__all__ = ['StringIO', 'TextIOBase', 'IOBase', 'SEEK_SET', 'SEEK_CUR', 'SEEK_END',
           'UnsupportedOperation']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    pass


class TextIOBase(IOBase):
    pass


class StringIO(TextIOBase):
    __module__ = '_io'

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        if newline is not None and not isinstance(newline, str):
            raise TypeError(f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f"illegal newline value: {newline!r}")
        self._text = initial_value
        self._pos = 0
        self._closed = False

    # CPython's StringIO says it without a full stop; the methods it inherits from IOBase with one
    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _check_open_base(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    @property
    def closed(self):
        return self._closed

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    def close(self):
        self._closed = True

    def getvalue(self):
        self._check_open()
        return self._text

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        if not s:
            return 0
        text, pos = self._text, self._pos
        if pos > len(text):
            text += '\0' * (pos - len(text))
        self._text = text[:pos] + s + text[pos + len(s):]
        self._pos = pos + len(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def read(self, size=-1):
        self._check_open()
        if size is None:
            size = -1
        if not isinstance(size, int):
            raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
        start = min(self._pos, len(self._text))
        end = len(self._text) if size < 0 else min(start + size, len(self._text))
        self._pos = max(self._pos, end)
        return self._text[start:end]

    def readline(self, size=-1):
        self._check_open()
        if size is None:
            size = -1
        if not isinstance(size, int):
            raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
        start = min(self._pos, len(self._text))
        newline = self._text.find('\n', start)
        end = len(self._text) if newline < 0 else newline + 1
        if size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return self._text[start:end]

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                return lines

    def __iter__(self):
        self._check_open_base()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, pos, whence=0):
        self._check_open()
        if not isinstance(pos, int):
            raise TypeError(f"'{type(pos).__name__}' object cannot be interpreted as an integer")
        if whence == 0:
            if pos < 0:
                raise ValueError(f"Negative seek position {pos}")
            self._pos = pos
        elif whence in (1, 2):
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks" if whence == 1
                              else "Can't do nonzero end-relative seeks")
            if whence == 2:
                self._pos = len(self._text)
        else:
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def tell(self):
        self._check_open()
        return self._pos

    def truncate(self, pos=None):
        self._check_open()
        if pos is None:
            pos = self._pos
        if pos < 0:
            raise ValueError(f"Negative size value {pos}")
        self._text = self._text[:pos]
        return pos

    def flush(self):
        pass

    def isatty(self):
        self._check_open_base()
        return False

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def __enter__(self):
        self._check_open_base()
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __repr__(self):
        return f"<_io.StringIO object at {id(self):#x}>"

