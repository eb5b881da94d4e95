# The `textwrap` module: CPython 3.11.7's Lib/textwrap.py, written fresh to its documented
# behaviour and messages. Parsed and run on the first `import textwrap`.
# Without importing `re` (to stay cheap), the text is cut into chunks by hand, as CPython's wordsep_re cuts it
# (runs of whitespace; words; a hyphenated word after each hyphen that has two letters before
# it and a letter after; an em-dash `--` between words on its own), or at whitespace only when
# break_on_hyphens is false. Lines are then filled by CPython's algorithm (long words, max_lines
# and the placeholder, drop_whitespace, fix_sentence_endings), so the lines come out the same.
# "Letter" and "word character" are str.isalnum() (less digits) and _, as `re` has them.
# Tabs are expanded here (the engine's str.expandtabs ignores tabsize). The statements marked
# `# tb:` show as CPython's lines in tracebacks.
# Left out: the class attributes wordsep_re, wordsep_simple_re, sentence_end_re (patterns).

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# Only the ASCII whitespace: a non-breaking space (\u00a0) is part of a word.
_whitespace = '\t\n\x0b\x0c\r '


def _is_word(c):
    # re's \w
    return c.isalnum() or c == '_'


def _is_letter(c):
    # re's [^\d\W]: a word character that is not a digit
    return _is_word(c) and not c.isdecimal()


def _is_word_punct(c):
    # textwrap's word_punct: [\w!"'&.,?]
    return _is_word(c) or c in '!"\'&.,?'


def _dash_run_end(text, i):
    # where `-{2,}(?=\w)` matching at i ends, or -1
    j = i
    while j < len(text) and text[j] == '-':
        j += 1
    if j - i >= 2 and j < len(text) and _is_word(text[j]):
        return j
    return -1


def _word_end(text, i):
    # the end of the shortest run of non-whitespace from i that ends a chunk, as wordsep_re's
    # third alternative finds it
    n = len(text)
    j = i + 1
    while True:
        if j < n and text[j] == '-':
            # a hyphen that splits a word: two letters (or letter, hyphen, letter) before it,
            # and letter, optional hyphen, letter after it; the hyphen stays with the first part
            before = ((j >= 2 and _is_letter(text[j - 2]) and _is_letter(text[j - 1]))
                      or (j >= 3 and _is_letter(text[j - 3]) and text[j - 2] == '-'
                          and _is_letter(text[j - 1])))
            if (before and j + 2 < n and _is_letter(text[j + 1])
                    and (_is_letter(text[j + 2])
                         or (text[j + 2] == '-' and j + 3 < n and _is_letter(text[j + 3])))):
                return j + 1
        if j == n or text[j] in _whitespace:
            return j
        if _is_word_punct(text[j - 1]) and _dash_run_end(text, j) > 0:
            return j  # an em-dash follows
        j += 1


def _split_words(text):
    # the chunks of CPython's wordsep_re.split(text), without the empty strings
    chunks = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c in _whitespace:
            j = i + 1
            while j < n and text[j] in _whitespace:
                j += 1
        else:
            j = -1
            if c == '-' and i > 0 and _is_word_punct(text[i - 1]):
                j = _dash_run_end(text, i)  # an em-dash between words
            if j < 0:
                j = _word_end(text, i)
        chunks.append(text[i:j])
        i = j
    return chunks


def _split_whitespace(text):
    # the chunks of CPython's wordsep_simple_re.split(text): words and runs of whitespace
    chunks = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or (text[i] in _whitespace) != (text[start] in _whitespace):
            chunks.append(text[start:i])
            start = i
    return chunks


def _expandtabs(text, tabsize):
    # str.expandtabs: a tab goes to the next multiple of tabsize; \n and \r start a new line
    if '\t' not in text:
        return text
    out = []
    column = 0
    for c in text:
        if c == '\t':
            if tabsize > 0:
                spaces = tabsize - column % tabsize
                out.append(' ' * spaces)
                column += spaces
        else:
            out.append(c)
            column = 0 if c in '\n\r' else column + 1
    return ''.join(out)


def _sentence_end(chunk):
    # sentence_end_re: a lowercase ASCII letter, then . ! or ?, then maybe a quote, at the end
    if chunk and chunk[-1] in '"\'':
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in '.!?' and 'a' <= chunk[-2] <= 'z'


class TextWrapper:
    def __init__(self, width=70, initial_indent='', subsequent_indent='', expand_tabs=True,
                 replace_whitespace=True, fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8, *, max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = _expandtabs(text, self.tabsize)
        if self.replace_whitespace:
            for c in _whitespace:
                text = text.replace(c, ' ')
        return text

    def _split(self, text):
        if self.break_on_hyphens is True:
            return _split_words(text)
        return _split_whitespace(text)

    def _fix_sentence_endings(self, chunks):
        # one space after a sentence's end becomes two
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == ' ' and _sentence_end(chunks[i]):
                chunks[i + 1] = '  '
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        # a chunk longer than a whole line: break it, or put it alone on a line
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # after the last hyphen that fits, if something other than hyphens precedes it
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)  # tb: textwrap.py:253
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")  # tb: textwrap.py:260

        chunks.reverse()  # a stack: the next chunk is chunks[-1]
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)

            # whitespace starting a line is dropped, except at the very beginning of the text
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]

            while chunks:
                length = len(chunks[-1])
                if cur_len + length <= width:
                    cur_line.append(chunks.pop())
                    cur_len += length
                else:
                    break

            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(len(c) for c in cur_line)

            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]

            if cur_line:
                if (self.max_lines is None
                        or len(lines) + 1 < self.max_lines
                        or (not chunks
                            or self.drop_whitespace and len(chunks) == 1
                            and not chunks[0].strip()) and cur_len <= width):
                    lines.append(indent + ''.join(cur_line))
                else:
                    # the last line allowed: end it with the placeholder where it fits
                    while cur_line:
                        if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                            cur_line.append(self.placeholder)
                            lines.append(indent + ''.join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def wrap(self, text):
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)  # tb: textwrap.py:359

    def fill(self, text):
        return "\n".join(self.wrap(text))  # tb: textwrap.py:368


def wrap(text, width=70, **kwargs):
    w = TextWrapper(width=width, **kwargs)
    return w.wrap(text)  # tb: textwrap.py:384


def fill(text, width=70, **kwargs):
    w = TextWrapper(width=width, **kwargs)
    return w.fill(text)  # tb: textwrap.py:396


def shorten(text, width, **kwargs):
    # whitespace collapsed, then one line ending in the placeholder if the text is too long
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))  # tb: textwrap.py:411


def dedent(text):
    # Removes the longest run of spaces and tabs that starts every line with text on it.
    # Lines of only spaces and tabs become empty; lines split at \n only, as `re`'s ^ and $.
    lines = text.split('\n')
    for i, line in enumerate(lines):
        if line and not line.strip(' \t'):
            lines[i] = ''
    margin = None
    for line in lines:
        content = line.lstrip(' \t')
        if not content:
            continue
        indent = line[:len(line) - len(content)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass  # deeper than the margin so far
        elif margin.startswith(indent):
            margin = indent  # shallower: the new margin
        else:
            for i, (x, y) in enumerate(zip(margin, indent)):
                if x != y:
                    margin = margin[:i]
                    break
    if margin:
        lines = [line[len(margin):] if line.startswith(margin) else line for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    # prefix each line for which predicate(line) is true; by default, lines with non-whitespace
    if predicate is None:
        def predicate(line):
            return line.strip()
    return ''.join([prefix + line if predicate(line) else line
                    for line in text.splitlines(True)])
