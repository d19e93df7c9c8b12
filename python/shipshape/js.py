"""JavaScript's rules where the app's results depend on them: its spaces, `String` and `Number`."""

from __future__ import annotations

import math
import re


def number_text(value: float) -> str:
    """Returns JavaScript's `String(value)` for a number: a number cell read as a label."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    # The shortest digits that read back as the value (Python's repr and JavaScript agree on
    # them), and n: the value is 0.<digits> x 10^n.
    mantissa, _, exponent = repr(abs(value)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    if whole.strip("0"):
        n = len(whole.lstrip("0"))
    else:
        n = -(len(fraction) - len(fraction.lstrip("0")))
    n += int(exponent or 0)
    digits = digits.rstrip("0")
    k = len(digits)
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * -n + digits
    e = n - 1
    head = digits[0] + ("." + digits[1:] if k > 1 else "")
    return f"{sign}{head}e{'+' if e > 0 else '-'}{abs(e)}"


# JavaScript's white space: what String.prototype.trim removes and a regular expression's \s
# matches, which differ from Python's str.strip() and \s. Written out, so it also fits in a
# regular expression's character class: f"[{JS_SPACE}]".
JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff" + "".join(
    chr(c) for c in range(0x2000, 0x200B)
)


def js_trim(text: str) -> str:
    """Returns the text without the spaces JavaScript's `trim` removes at either end."""
    return text.strip(JS_SPACE)


_JS_DECIMAL = re.compile(r"[+-]?(Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)\Z")
_JS_RADIX = re.compile(r"0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)\Z")


def js_number(value) -> float:
    """Returns JavaScript's `Number(value)` for a number or a text (NaN when it reads as none)."""
    if not isinstance(value, str):
        return float(value)
    text = js_trim(value)
    if _JS_RADIX.match(text):
        return float(int(text, 0))
    return float(text.replace("Infinity", "inf")) if _JS_DECIMAL.match(text) else math.nan


def js_string(value) -> str:
    """Returns JavaScript's `String(value)` for a label or a number."""
    return value if isinstance(value, str) else number_text(float(value))
