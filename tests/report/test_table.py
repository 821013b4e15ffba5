"""Records as CSV rows: a fixed header, one row a record, file names quoted so they read back whole."""

import csv
import io

import pytest

from scorer.cues.types import CUE_TYPES
from scorer.report.table import CSV_FIELDS, csv_header, csv_row


def parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def scored(path="a.txt", **counts) -> dict:
    return {
        "path": path,
        "score": 72.5,
        "label": "well_sourced",
        "logit": 0.75,
        "words": 120,
        "counts": dict(dict.fromkeys(CUE_TYPES, 0), **counts),
        "model": "reliability-abc",
        "error": None,
    }


def test_header_names_path_score_every_cue_count_model_and_error():
    assert CSV_FIELDS == ["path", "score", "label", "logit", "words", *(f"n_{t}" for t in CUE_TYPES), "model", "error"]
    assert csv_header() == ",".join(CSV_FIELDS) + "\n"
    assert {"n_attribution", "n_anonymous_source", "n_speculative_modal", "n_hedge", "n_boilerplate"} <= set(CSV_FIELDS)


def test_a_scored_record_is_one_row_under_the_header():
    row = csv_row(scored(attribution=3, hedge=1))
    assert row.endswith("\n") and row.count("\n") == 1
    values = dict(zip(CSV_FIELDS, parse(row)[0]))
    assert values["path"] == "a.txt"
    assert (values["score"], values["label"], values["logit"], values["words"]) == ("72.5", "well_sourced", "0.75", "120")
    assert values["n_attribution"] == "3" and values["n_hedge"] == "1" and values["n_sensational"] == "0"
    assert values["model"] == "reliability-abc" and values["error"] == ""


def test_an_error_record_has_its_message_and_no_numbers():
    record = {"path": "blob.bin", "score": None, "label": None, "logit": None, "words": 0,
              "counts": dict.fromkeys(CUE_TYPES, 0), "model": "reliability-abc", "error": "blob.bin: binary file"}
    values = dict(zip(CSV_FIELDS, parse(csv_row(record))[0]))
    assert values["path"] == "blob.bin" and values["error"] == "blob.bin: binary file"
    assert values["score"] == values["label"] == values["logit"] == ""
    assert all(values[f"n_{t}"] == "" for t in CUE_TYPES)


@pytest.mark.parametrize(
    "path",
    ["with, comma.txt", 'with "quotes".txt', 'both, "of" them.txt', "caf\u00e9 \u201cx\u201d.txt", "x\\xff.txt", " padded .txt"],
)
def test_paths_read_back_whole(path):
    (row,) = parse(csv_header() + csv_row(scored(path)))[1:]
    assert row[0] == path and len(row) == len(CSV_FIELDS)


def test_rows_for_a_real_record_count_its_cues(scorer):
    record = scorer.score_text("Officials said the bridge may close. Chen told reporters it would not.", "x.txt").to_dict()
    values = dict(zip(CSV_FIELDS, parse(csv_row(record))[0]))
    assert all(values[f"n_{t}"] == str(record["counts"][t]) for t in CUE_TYPES)
    assert float(values["score"]) == record["score"] and float(values["logit"]) == record["logit"]
