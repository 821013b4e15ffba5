"""Records as CSV rows: one row a document, for spreadsheets and scripts."""

from __future__ import annotations

import csv
import io

from ..cues.lexicon import CUE_TYPES

CSV_FIELDS = ["path", "score", "label", "logit", "words", *(f"n_{t}" for t in CUE_TYPES), "model", "error"]


def csv_header() -> str:
    return _csv_line(CSV_FIELDS)


def csv_row(record: dict) -> str:
    counts = record.get("counts") or {}
    values = [
        record.get("path"),
        record.get("score"),
        record.get("label"),
        record.get("logit"),
        record.get("words"),
        *(counts.get(t, "") if not record.get("error") else "" for t in CUE_TYPES),
        record.get("model"),
        record.get("error"),
    ]
    return _csv_line(["" if value is None else value for value in values])


def _csv_line(values: list) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()
