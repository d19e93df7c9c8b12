"""Units of measure that numbers in a file are written with, and how to convert between them.

The app's `unit-table.ts`, entry for entry: the same units, the same spellings files use for
them, the same conversion arithmetic (one multiplication and one division for linear units, so
5000 g is exactly 5 kg) and the same reading of a cell such as `5 kg` or `1,234.5 lb`.
"""

from __future__ import annotations

import math
import re

from .js import JS_SPACE, js_trim


def _plural(*words: str) -> list[str]:
    return [form for word in words for form in (word, f"{word}s")]


def _degrees(letter: str, name: str) -> list[str]:
    # `º` (the ordinal indicator) often stands in for the degree sign.
    signs = ["°", "º", "deg", "deg ", "degree ", "degrees "]
    return [letter, name, *[sign + word for sign in signs for word in (letter, name)]]


# unit: (dimension, scale, shift, aliases); base value = (value + shift) * scale, the bases being
# kg, m, L, °C and s.
_UNITS = {
    "mg": ("mass", 1e-6, 0, ["mg", *_plural("milligram", "milligramme")]),
    "g": ("mass", 1e-3, 0, ["g", *_plural("gram", "gramme")]),
    "kg": ("mass", 1, 0, ["kg", "kgs", *_plural("kilo", "kilogram", "kilogramme")]),
    "t": ("mass", 1000, 0, ["t", *_plural("tonne")]),
    "oz": ("mass", 0.028349523125, 0, ["oz", *_plural("ounce")]),
    "lb": ("mass", 0.45359237, 0, ["lb", "lbs", *_plural("pound")]),
    "mm": ("length", 1e-3, 0, ["mm", *_plural("millimetre", "millimeter")]),
    "cm": ("length", 1e-2, 0, ["cm", *_plural("centimetre", "centimeter")]),
    "m": ("length", 1, 0, ["m", *_plural("metre", "meter")]),
    "km": ("length", 1000, 0, ["km", "kms", *_plural("kilometre", "kilometer")]),
    "in": ("length", 0.0254, 0, ["in", "inch", "inches", '"', "″"]),
    "ft": ("length", 0.3048, 0, ["ft", "foot", "feet", "'", "′"]),
    "yd": ("length", 0.9144, 0, ["yd", "yds", *_plural("yard")]),
    "mi": ("length", 1609.344, 0, ["mi", *_plural("mile")]),
    "mL": ("volume", 1e-3, 0, ["ml", "cc", *_plural("millilitre", "milliliter")]),
    "cL": ("volume", 1e-2, 0, ["cl", *_plural("centilitre", "centiliter")]),
    "dL": ("volume", 0.1, 0, ["dl", *_plural("decilitre", "deciliter")]),
    "L": ("volume", 1, 0, ["l", "ltr", *_plural("litre", "liter")]),
    # US customary measures, the commoner in data files.
    "fl oz": ("volume", 0.0295735295625, 0, ["fl oz", "floz", "fl. oz"]),
    "gal": ("volume", 3.785411784, 0, ["gal", *_plural("gallon")]),
    "°C": ("temperature", 1, 0, _degrees("c", "celsius")),
    "°F": ("temperature", 5 / 9, -32, _degrees("f", "fahrenheit")),
    "ms": ("duration", 1e-3, 0, ["ms", *_plural("millisecond")]),
    "s": ("duration", 1, 0, ["s", "sec", "secs", *_plural("second")]),
    "min": ("duration", 60, 0, ["min", "mins", *_plural("minute")]),
    "h": ("duration", 3600, 0, ["h", "hr", "hrs", *_plural("hour")]),
    "d": ("duration", 86400, 0, ["d", *_plural("day")]),
    "wk": ("duration", 604800, 0, ["wk", "wks", *_plural("week")]),
}
UNITS = list(_UNITS)
"""Every unit by its symbol, in the app's order."""

# A later unit's alias wins, as in the app's Map built from the same list.
_BY_ALIAS = {alias: unit for unit, info in _UNITS.items() for alias in info[3]}
_SPACES = re.compile(f"[{JS_SPACE}]+")
# A decimal number (thousands may be grouped by commas: 1,234.5), then optional space and a unit.
# `.` is JavaScript's: anything but a line terminator.
_QUANTITY = re.compile(
    r"([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?)"
    rf"[{JS_SPACE}]*([^\n\r\u2028\u2029]*)",
    re.IGNORECASE | re.ASCII,
)


def unit_of(text: str):
    """Returns the unit a text names, by symbol or as files write it (`kgs`, `litres`), or None."""
    if text in _UNITS:
        return text
    key = _SPACES.sub(" ", js_trim(text).lower())
    return _BY_ALIAS.get(key[:-1] if key.endswith(".") else key)


def dimension_of(unit: str) -> str:
    """Returns what the unit measures."""
    return _UNITS[unit][0]


def convert_unit(value: float, source: str, target: str) -> float:
    """Returns the value in unit `target`; both units must measure the same dimension."""
    if source == target:
        return value
    _, a_scale, a_shift, _ = _UNITS[source]
    _, b_scale, b_shift, _ = _UNITS[target]
    if a_shift == 0 and b_shift == 0:
        return (value * a_scale) / b_scale
    return ((value + a_shift) * a_scale) / b_scale - b_shift


def read_quantity(text: str):
    """Reads a cell such as `5 kg`, `-4 °C` or a bare `12`: (value, unit or None), or None.

    A decimal comma (`3,5 kg`) is not read, since `1,500 g` would be ambiguous.
    """
    match = _QUANTITY.fullmatch(js_trim(text))
    if not match or not re.search(r"\d", match.group(1), re.ASCII):
        return None
    try:
        value = float(match.group(1).replace(",", ""))
    except ValueError:  # `e5`: JavaScript's Number gives NaN
        return None
    if not math.isfinite(value):
        return None
    if match.group(2) == "":
        return value, None
    unit = unit_of(match.group(2))
    return None if unit is None else (value, unit)
