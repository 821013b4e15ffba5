"""Reading back a partial output file for --resume: which paths are done, and where to cut."""

import json
import tracemalloc

import pytest

from scorer.batch.resume import completed_paths
from scorer.report.table import csv_header, csv_row


def jsonl_line(path: str, **extra) -> bytes:
    return (json.dumps({"path": path, "score": 50.0, "error": None, **extra}, ensure_ascii=False) + "\n").encode("utf-8")


def csv_line(path: str) -> bytes:
    return csv_row({"path": path, "score": 50.0, "label": "mixed", "counts": {}, "error": None}).encode("utf-8")


def test_a_missing_file_has_nothing_done(tmp_path):
    assert completed_paths(tmp_path / "none.jsonl", False) == (set(), 0)
    assert completed_paths(tmp_path / "none.csv", True) == (set(), 0)


def test_an_empty_file_has_nothing_done(tmp_path):
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    assert completed_paths(empty, False) == (set(), 0)
    assert completed_paths(empty, True) == (set(), 0)


def test_jsonl_complete_lines_are_all_counted(tmp_path):
    data = jsonl_line("a.txt") + jsonl_line("b.txt") + jsonl_line("caf\u00e9 \u201cx\u201d.txt")
    part = tmp_path / "out.jsonl.part"
    part.write_bytes(data)
    assert completed_paths(part, False) == ({"a.txt", "b.txt", "caf\u00e9 \u201cx\u201d.txt"}, len(data))


@pytest.mark.parametrize("torn", [b'{"path": "c.txt", "sco', b'{"path": "c.txt", "score": 50.0, "error": null}', b"{"])
def test_jsonl_torn_last_line_is_cut(tmp_path, torn):
    good = jsonl_line("a.txt") + jsonl_line("b.txt")
    part = tmp_path / "out.jsonl.part"
    part.write_bytes(good + torn)
    assert completed_paths(part, False) == ({"a.txt", "b.txt"}, len(good))


@pytest.mark.parametrize("bad", [b'{"path": "c.tx\n', b"not json\n", b"[1, 2]\n", b'"a string"\n', b"\n"])
def test_jsonl_reading_stops_at_the_first_line_that_is_not_a_json_object(tmp_path, bad):
    good = jsonl_line("a.txt")
    part = tmp_path / "out.jsonl.part"
    part.write_bytes(good + bad + jsonl_line("after.txt"))
    assert completed_paths(part, False) == ({"a.txt"}, len(good))


def test_csv_rows_after_the_header_are_counted(tmp_path):
    data = csv_header().encode() + csv_line("a.txt") + csv_line('with, comma and "quotes".txt') + csv_line("b.txt")
    part = tmp_path / "out.csv.part"
    part.write_bytes(data)
    assert completed_paths(part, True) == ({"a.txt", 'with, comma and "quotes".txt', "b.txt"}, len(data))


def test_csv_header_only_has_nothing_done_and_keeps_the_header(tmp_path):
    header = csv_header().encode()
    part = tmp_path / "out.csv.part"
    part.write_bytes(header)
    assert completed_paths(part, True) == (set(), len(header))


def test_csv_torn_header_is_cut_to_nothing(tmp_path):
    part = tmp_path / "out.csv.part"
    part.write_bytes(csv_header().encode()[:10])
    assert completed_paths(part, True) == (set(), 0)


def test_csv_torn_last_row_is_cut(tmp_path):
    good = csv_header().encode() + csv_line("a.txt")
    part = tmp_path / "out.csv.part"
    part.write_bytes(good + csv_line("b.txt")[:-5])
    assert completed_paths(part, True) == ({"a.txt"}, len(good))


def test_csv_reading_stops_at_a_blank_line(tmp_path):
    good = csv_header().encode() + csv_line("a.txt")
    part = tmp_path / "out.csv.part"
    part.write_bytes(good + b"\n" + csv_line("b.txt"))
    assert completed_paths(part, True) == ({"a.txt"}, len(good))


def test_the_returned_length_is_in_bytes_not_characters(tmp_path):
    data = jsonl_line("\u65b0\u95fb.txt", note="\u00e9" * 10)
    part = tmp_path / "out.jsonl.part"
    part.write_bytes(data + b'{"pa')
    assert completed_paths(part, False) == ({"\u65b0\u95fb.txt"}, len(data))


def test_a_large_partial_file_is_read_a_line_at_a_time(tmp_path):
    """50 MB of records holding 50 paths: memory follows the longest line, not the file."""
    line_size = 2**20
    filler = "x" * line_size
    part = tmp_path / "big.jsonl.part"
    with open(part, "wb") as handle:
        for index in range(50):
            handle.write(jsonl_line(f"doc-{index:02d}.txt", sentences=[{"text": filler}]))
        handle.write(b'{"path": "torn.txt", "sentences": [{"text": "xxxx')
    size = part.stat().st_size
    assert size > 50 * line_size
    tracemalloc.start()
    try:
        done, good = completed_paths(part, False)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert done == {f"doc-{index:02d}.txt" for index in range(50)}
    assert size - good == len(b'{"path": "torn.txt", "sentences": [{"text": "xxxx')
    assert peak < size / 5, f"peak {peak / 1e6:.1f} MB reading a {size / 1e6:.0f} MB file"
