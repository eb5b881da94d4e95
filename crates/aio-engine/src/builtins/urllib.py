# The `urllib` package: empty, as CPython 3.11.7's Lib/urllib/__init__.py is; it holds the
# `parse` submodule (urllib_parse.py, embedded as `urllib.parse`).
# Left out: urllib.request, urllib.response, urllib.error, urllib.robotparser (no network).
