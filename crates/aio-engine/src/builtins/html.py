# The `html` module: CPython 3.11.7's Lib/html/__init__.py, written fresh to its documented
# behaviour. Parsed and run on the first `import html`.
# Covers escape(s, quote=True) and unescape(s), with HTML5's rules as CPython applies them:
# numeric references (&#38; &#x26;, with or without `;`) get the spec's replacements for
# invalid code points (cp1252 for 0x80-0x9F, U+FFFD for 0, surrogates and > 0x10FFFF,
# nothing for noncharacters and most controls); a named reference without `;` is decoded
# by its longest legacy prefix (`&amplifier` -> `&lifier`).
# Left out: the full table of 2231 HTML5 names (html.entities). Included: every name HTML5
# allows without `;` (amp lt gt quot, their upper-case forms, and the 96 Latin-1 names from
# nbsp to yuml), and with `;` only, about 180 of the most used (apos, typographic quotes and
# dashes, hellip, euro, trade, arrows, maths, Greek letters, card suits, check, the ASCII
# punctuation names). Any other name is left as written, where CPython would decode it.
# Also left out: html.parser and html.entities.

import re as _re

__all__ = ['escape', 'unescape']


def escape(s, quote=True):
    s = s.replace('&', '&amp;')  # first, so the other replacements are not escaped again
    s = s.replace('<', '&lt;')
    s = s.replace('>', '&gt;')
    if quote:
        s = s.replace('"', '&quot;')
        s = s.replace('\'', '&#x27;')
    return s


# The names valid without `;` (each is also valid with it): the Latin-1 characters
# U+00A0..U+00FF in order, then a few more.
_LATIN1 = (
    'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg '
    'plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 '
    'iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml '
    'Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave '
    'Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil '
    'egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde '
    'ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml')
_LEGACY = {'amp': '&', 'lt': '<', 'gt': '>', 'quot': '"', 'AMP': '&', 'LT': '<', 'GT': '>',
           'QUOT': '"', 'COPY': '\xa9', 'REG': '\xae'}

# Names valid only with `;`: name, hex code point.
_WITH_SEMI = (
    'apos 27 hellip 2026 mdash 2014 ndash 2013 lsquo 2018 rsquo 2019 ldquo 201c rdquo 201d '
    'sbquo 201a bdquo 201e euro 20ac trade 2122 bull 2022 dagger 2020 Dagger 2021 '
    'permil 2030 lsaquo 2039 rsaquo 203a prime 2032 Prime 2033 oline 203e frasl 2044 '
    'larr 2190 uarr 2191 rarr 2192 darr 2193 harr 2194 lArr 21d0 uArr 21d1 rArr 21d2 '
    'dArr 21d3 hArr 21d4 crarr 21b5 le 2264 ge 2265 ne 2260 asymp 2248 equiv 2261 infin 221e '
    'sum 2211 prod 220f minus 2212 radic 221a prop 221d part 2202 nabla 2207 isin 2208 '
    'notin 2209 cap 2229 cup 222a int 222b there4 2234 sim 223c cong 2245 sub 2282 sup 2283 '
    'sube 2286 supe 2287 oplus 2295 otimes 2297 perp 22a5 sdot 22c5 lceil 2308 rceil 2309 '
    'lfloor 230a rfloor 230b lang 27e8 rang 27e9 Alpha 391 Beta 392 Gamma 393 Delta 394 '
    'Epsilon 395 Zeta 396 Eta 397 Theta 398 Iota 399 Kappa 39a Lambda 39b Mu 39c Nu 39d '
    'Xi 39e Omicron 39f Pi 3a0 Rho 3a1 Sigma 3a3 Tau 3a4 Upsilon 3a5 Phi 3a6 Chi 3a7 Psi 3a8 '
    'Omega 3a9 alpha 3b1 beta 3b2 gamma 3b3 delta 3b4 epsilon 3b5 zeta 3b6 eta 3b7 theta 3b8 '
    'iota 3b9 kappa 3ba lambda 3bb mu 3bc nu 3bd xi 3be omicron 3bf pi 3c0 rho 3c1 '
    'sigmaf 3c2 sigma 3c3 tau 3c4 upsilon 3c5 phi 3c6 chi 3c7 psi 3c8 omega 3c9 thetasym 3d1 '
    'upsih 3d2 piv 3d6 hearts 2665 spades 2660 clubs 2663 diams 2666 loz 25ca star 2606 '
    'starf 2605 check 2713 cross 2717 emsp 2003 ensp 2002 thinsp 2009 zwnj 200c zwj 200d '
    'lrm 200e rlm 200f OElig 152 oelig 153 Scaron 160 scaron 161 Yuml 178 fnof 192 circ 2c6 '
    'tilde 2dc forall 2200 exist 2203 empty 2205 and 2227 or 2228 ang 2220 weierp 2118 '
    'image 2111 real 211c alefsym 2135 Tab 9 NewLine a excl 21 num 23 dollar 24 percnt 25 '
    'lpar 28 rpar 29 ast 2a plus 2b comma 2c period 2e sol 2f colon 3a semi 3b equals 3d '
    'quest 3f commat 40 lsqb 5b rsqb 5d bsol 5c lowbar 5f grave 60 lcub 7b rcub 7d verbar 7c '
)

_html5 = {}
for _i, _name in enumerate(_LATIN1.split()):
    _LEGACY[_name] = chr(0xA0 + _i)
for _name, _ch in _LEGACY.items():
    _html5[_name] = _ch
    _html5[_name + ';'] = _ch
_pairs = _WITH_SEMI.split()
for _i in range(0, len(_pairs), 2):
    _html5[_pairs[_i] + ';'] = chr(int(_pairs[_i + 1], 16))
del _i, _name, _ch, _pairs

# what a reference to 0x80..0x9F means (windows-1252, as browsers read it)
_C1 = ('\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d'
       '\u017d\x8f\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a'
       '\u0153\x9d\u017e\u0178')


def _dropped(num):
    # the code points a numeric reference turns into nothing
    return (1 <= num <= 8 or num == 0xB or 0xE <= num <= 0x1F or 0x7F <= num <= 0x9F
            or 0xFDD0 <= num <= 0xFDEF or (num & 0xFFFE) == 0xFFFE)


def _replace_charref(m):
    s = m.group(1)
    if s[0] == '#':
        if s[1] in 'xX':
            num = int(s[2:].rstrip(';'), 16)
        else:
            num = int(s[1:].rstrip(';'))
        if 0x80 <= num <= 0x9F:
            return _C1[num - 0x80]
        if num == 0:
            return '\ufffd'
        if num == 0x0D:
            return '\r'
        if 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
            return '\ufffd'
        if _dropped(num):
            return ''
        return chr(num)
    if s in _html5:
        return _html5[s]
    # the longest name that starts the reference
    for x in range(len(s) - 1, 1, -1):
        if s[:x] in _html5:
            return _html5[s[:x]] + s[x:]
    return '&' + s


_charref = _re.compile(r'&(#[0-9]+;?'
                       r'|#[xX][0-9a-fA-F]+;?'
                       r'|[^\t\n\f <&#;]{1,32};?)')


def unescape(s):
    if '&' not in s:
        return s
    return _charref.sub(_replace_charref, s)
