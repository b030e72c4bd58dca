"""JSON from outside read within bounds: nesting, NUL characters and numbers JSON cannot hold.

Python's parser recurses once per level: a body nested 50,000 deep raised RecursionError (a 500), and one
a little less deep would do so later, wherever the value is walked again (a schema validation, a save).
PostgreSQL cannot store a NUL character in text or jsonb (another 500), and ``1e400`` is read as infinity,
which no field means. ``loads`` refuses all of these with ``UnsafeJSON``, a ValueError, so callers that
already turn a ValueError into "not valid JSON" keep doing so, with a message that says what is wrong.
"""

import json
import math

from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

# No form, answer or definition the portal reads is nested half as deep.
MAX_DEPTH = 32


class UnsafeJSON(ValueError):
    pass


def _refuse_constant(name):
    raise UnsafeJSON(_("Dữ liệu JSON có giá trị %(value)s, không phải một số hợp lệ.") % {"value": name})


def _finite(text):
    number = float(text)
    if not math.isfinite(number):
        raise UnsafeJSON(_("Dữ liệu JSON có số %(value)s quá lớn.") % {"value": text[:40]})
    return number


def loads(text: str | bytes, max_depth: int = MAX_DEPTH):
    """``json.loads`` refusing, with ``UnsafeJSON``, nesting past ``max_depth``, NUL characters and numbers that
    are not finite (NaN, Infinity, 1e400); other bad JSON raises ``json.JSONDecodeError`` as usual."""
    try:
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite)
    except RecursionError:
        raise UnsafeJSON(too_deep_message(max_depth)) from None
    check(value, max_depth)
    return value


def too_deep_message(max_depth: int = MAX_DEPTH) -> str:
    return _("Dữ liệu JSON lồng nhau quá sâu (tối đa %(limit)s cấp).") % {"limit": max_depth}


def check(value, max_depth: int = MAX_DEPTH) -> None:
    """``UnsafeJSON`` if ``value`` (parsed JSON) nests past ``max_depth``, holds a NUL character in a key or a
    string, or a number that is not finite. Iterative: a value too deep for recursion is still checked."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            if depth > max_depth:
                raise UnsafeJSON(too_deep_message(max_depth))
            if isinstance(item, dict):
                for key in item:
                    if isinstance(key, str) and "\x00" in key:
                        raise UnsafeJSON(nul_message())
                children = item.values()
            else:
                children = item
            pending.extend((child, depth + 1) for child in children)
        elif isinstance(item, str):
            if "\x00" in item:
                raise UnsafeJSON(nul_message())
        elif isinstance(item, float) and not math.isfinite(item):
            raise UnsafeJSON(_("Dữ liệu JSON có số không hữu hạn (vô cùng hoặc NaN)."))


def nul_message() -> str:
    return _("Dữ liệu có ký tự NUL (\\u0000), không được phép; hãy xóa ký tự này rồi gửi lại.")


class BoundedJSONParser(JSONParser):
    """DRF's JSON parser through ``loads``: a body too deep, with NUL characters or infinite numbers is a 400."""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = (parser_context or {}).get("encoding") or "utf-8"
        try:
            return loads(stream.read().decode(encoding))
        except UnsafeJSON as error:
            raise ParseError(str(error)) from None
        except ValueError as error:  # JSONDecodeError, UnicodeDecodeError
            raise ParseError(_("Dữ liệu JSON không hợp lệ: %(error)s") % {"error": error}) from None


class BoundedJSONField(serializers.JSONField):
    """A JSON value in a request through ``loads`` (a multipart form's text) or ``check`` (a JSON body's value)."""

    def to_internal_value(self, data):
        try:
            if self.binary or getattr(data, "is_json_string", False):
                return loads(data.decode() if isinstance(data, bytes) else data)
            check(data)
        except UnsafeJSON as error:
            raise serializers.ValidationError(str(error)) from None
        except ValueError:
            self.fail("invalid")
        return super().to_internal_value(data)
