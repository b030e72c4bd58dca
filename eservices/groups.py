"""A repeating group on the citizen's page: a table of rows, each row the group's sub-fields.

Works without JavaScript: the page shows the rows already typed (at least as many blank rows as the group needs),
and a "Thêm dòng" submit button (``name="add_row"``, ``value=<group>``) that sends the whole form back; the form is
then drawn again with one more blank row, nothing typed lost and nothing checked yet. ``static/js/eform_rows.js``
adds the row in place instead when it runs. Inputs are named ``<group>-<row>-<sub-field>``, with the number of rows
in ``<group>-rows``; rows left wholly blank are dropped. A client of the filing API sends the group as a JSON list
of objects under the group's own name.

Each row is checked by the sub-fields' own Django fields (the same as the form's top-level fields), and every
message says where it is: "Dòng 2, Họ tên: Thiếu thông tin bắt buộc.".
"""

from __future__ import annotations

import datetime
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .eforms import ADD_ROW

# However many rows a page posts, no more are read (a form is not a spreadsheet).
MAX_ROWS = 200


def _count(value) -> int:
    try:
        return max(0, min(int(value), MAX_ROWS))
    except (TypeError, ValueError):
        return 0


def is_blank_row(row) -> bool:
    return isinstance(row, dict) and all(value in (None, "", False) for value in row.values())


class RowsWidget(forms.Widget):
    """The rows as a table: one column per sub-field, each cell its sub-field's own widget."""

    is_group = True

    def __init__(self, columns: list[tuple[str, forms.Field]], min_rows: int = 0, max_rows: int | None = None):
        super().__init__()
        self.columns, self.min_rows, self.max_rows = columns, min_rows or 0, max_rows

    def value_from_datadict(self, data, files, name):
        if name in data:  # the filing API: the rows as a JSON list
            return data.get(name)
        count = _count(data.get(f"{name}-rows"))
        rows = [
            {column: data.get(f"{name}-{index}-{column}", "") or "" for column, _field in self.columns}
            for index in range(count)
        ]
        if data.get(ADD_ROW) == name and (self.max_rows is None or count < self.max_rows):
            rows.append(self.blank_row())
        return rows

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}-rows" not in data

    def blank_row(self) -> dict:
        return {column: "" for column, _field in self.columns}

    def rows_shown(self, value) -> list:
        """The rows to draw: those given (typed, saved or sent), then blank ones up to the group's minimum (one at
        least), so that there is always a row to type in."""
        rows = [row if isinstance(row, dict) else {} for row in value] if isinstance(value, list) else []
        while len(rows) < max(self.min_rows, 1):
            rows.append(self.blank_row())
        return rows

    def render(self, name, value, attrs=None, renderer=None):
        attrs = attrs or {}
        base_id = attrs.get("id") or f"id_{name}"
        rows = []
        for index, row in enumerate(self.rows_shown(value)):
            cells = []
            for column, field in self.columns:
                cell_name = f"{name}-{index}-{column}"
                cell_id = f"{base_id}-{index}-{column}"
                cell_attrs = {"id": cell_id}
                if field.required:
                    cell_attrs["aria-required"] = "true"
                # The cell's own label, said by screen readers: "Dòng 2, Họ tên".
                cell_attrs["aria-label"] = _("Dòng %(row)s, %(column)s") % {"row": index + 1, "column": field.label}
                html = field.widget.render(cell_name, field.prepare_value(row.get(column, "")), cell_attrs, renderer)
                cells.append({"html": html, "column": column})
            rows.append({"number": index + 1, "cells": cells})
        can_add = self.max_rows is None or len(rows) < self.max_rows
        context = {
            "name": name,
            "id": base_id,
            "headers": [
                {"label": field.label, "required": field.required, "help": field.help_text}
                for _column, field in self.columns
            ],
            "rows": rows,
            "count": len(rows),
            "can_add": can_add,
            "max_rows": self.max_rows or "",
            "add_row": ADD_ROW,
        }
        return render_to_string("includes/eform_rows.html", context)  # cells escaped by their widgets


class RowsField(forms.Field):
    """A list of rows (dicts of JSON values); each row cleaned by the sub-fields, blank rows dropped."""

    def __init__(self, *, name: str, columns: list[tuple[str, forms.Field]], min_rows=None, max_rows=None, **kwargs):
        self.name, self.columns, self.min_rows, self.max_rows = name, columns, min_rows, max_rows
        for _column, field in columns:  # said as the form's own schema check says it
            field.error_messages["required"] = _("Thiếu thông tin bắt buộc.")
            field.error_messages["invalid_choice"] = _("Không phải là một lựa chọn hợp lệ.")
        kwargs.setdefault("widget", RowsWidget(columns, min_rows or 0, max_rows))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value

    def clean(self, value):
        if value in (None, ""):
            value = []
        if not isinstance(value, list):
            raise ValidationError(_("Phải là một danh sách các dòng."), code="invalid")
        rows, errors = [], []
        for number, row in enumerate(value, 1):
            if not isinstance(row, dict):
                errors.append(
                    _("Dòng %(row)s: %(message)s")
                    % {"row": number, "message": _("Mỗi dòng phải là một đối tượng JSON ({…}).")}
                )
                continue
            if is_blank_row(row):
                continue
            cleaned = {}
            for column, field in self.columns:
                try:
                    cleaned_value = field.clean(row.get(column))
                except ValidationError as error:
                    for message in error.messages:
                        errors.append(
                            _("Dòng %(row)s, %(column)s: %(message)s")
                            % {"row": number, "column": field.label, "message": message}
                        )
                    continue
                if isinstance(cleaned_value, datetime.date):
                    cleaned_value = cleaned_value.isoformat()
                elif isinstance(cleaned_value, str):
                    cleaned_value = unicodedata.normalize("NFC", cleaned_value)
                if cleaned_value in (None, ""):
                    continue
                cleaned[column] = cleaned_value
            rows.append(cleaned)
        if errors:
            raise ValidationError(errors)
        if not rows and self.required:
            raise ValidationError(_("Hãy nhập ít nhất một dòng."), code="required")
        if rows and self.min_rows and len(rows) < self.min_rows:
            limit = self.min_rows
            raise ValidationError(
                ngettext("Cần ít nhất %(limit)s dòng.", "Cần ít nhất %(limit)s dòng.", limit) % {"limit": limit}
            )
        if self.max_rows is not None and len(rows) > self.max_rows:
            limit = self.max_rows
            raise ValidationError(
                ngettext("Tối đa %(limit)s dòng.", "Tối đa %(limit)s dòng.", limit) % {"limit": limit}
            )
        return rows

    def has_changed(self, initial, data):
        return initial != data

    def as_text(self, rows) -> str:
        """Rows (saved or as typed) as one line a person reads: "1. Trần Minh Khôi, 01/03/2015, Con; 2. …"."""
        return rows_text(rows_table(self, rows))


def rows_table(field: RowsField, rows: list) -> dict:
    """A saved group as read back (the citizen's record, the back-office): headers and each row's cells as text."""
    headers = [str(sub.label) for _column, sub in field.columns]
    shown = []
    for row in rows if isinstance(rows, list) else []:
        if not isinstance(row, dict):
            continue
        cells = []
        for column, sub in field.columns:
            value = row.get(column, "")
            if isinstance(value, bool):
                value = _("Có") if value else _("Không")
            elif isinstance(sub, forms.ChoiceField):
                value = dict(sub.choices).get(value, value)
            elif isinstance(sub, forms.DateField) and isinstance(value, str):
                try:
                    value = datetime.date.fromisoformat(value).strftime("%d/%m/%Y")
                except ValueError:
                    pass
            elif value not in (None, ""):
                value = sub.prepare_value(value)
            cells.append("" if value is None else str(value))
        shown.append(cells)
    return {"headers": headers, "rows": shown}


def rows_text(table: dict) -> str:
    """A group's rows as one line of text: "1. Trần Minh Khôi, 01/03/2015, Con; 2. Lê Thị Hoa, …"."""
    return "; ".join(
        f"{number}. " + ", ".join(cell for cell in cells if cell) for number, cells in enumerate(table["rows"], 1)
    )
