"""The app's hashing trick for words: its tokenizer and its 32-bit FNV-1a over UTF-16 code units."""

from __future__ import annotations

import re
import unicodedata

_ASCII_TOKEN = re.compile(r"[a-z0-9]+")


def fnv1a(text: str) -> int:
    """The 32-bit FNV-1a hash of a text's UTF-16 code units, each XORed in whole (for ASCII the
    usual byte-wise FNV-1a: `fnv1a("a")` is 0xE40C292C)."""
    units = text.encode("utf-16-le", "surrogatepass")
    h = 0x811C9DC5
    for i in range(0, len(units), 2):
        h = ((h ^ (units[i] | units[i + 1] << 8)) * 0x01000193) & 0xFFFFFFFF
    return h


def tokens_of(text: str) -> list[str]:
    """The text's tokens: lower-cased runs of letters and digits of any script (Unicode
    categories L and N), as the app's `/[\\p{L}\\p{N}]+/gu`."""
    lower = text.lower()
    if lower.isascii():
        return _ASCII_TOKEN.findall(lower)
    tokens, run = [], []
    for ch in lower:
        if unicodedata.category(ch)[0] in "LN":
            run.append(ch)
        elif run:
            tokens.append("".join(run))
            run = []
    if run:
        tokens.append("".join(run))
    return tokens
