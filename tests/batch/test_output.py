"""Where records go: standard output or FILE (through FILE.part and one rename), and --resume."""

import csv
import io
import json
import os
from pathlib import Path

import pytest

from scorer.batch.output import RecordSink, check_output_path, check_sink
from scorer.errors import UsageError
from scorer.report.table import CSV_FIELDS
from scorer.result import Result

TEXT = "Officials said the bridge may close. Chen told reporters the repairs were done."


@pytest.fixture(scope="module")
def records(scorer):
    scored = [scorer.score_text(TEXT, f"doc-{index}.txt").to_dict() for index in range(3)]
    error = Result(path="broken.txt", model=scorer.model_id, error="broken.txt: binary file (contains NUL bytes), not a text article").to_dict()
    return scored, error


# --- refusals, before anything is written ---------------------------------------------------------


def symlink_to_file(tmp_path):
    real = tmp_path / "real.jsonl"
    real.write_text("keep me\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    return link


def part_is_symlink(tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("keep me\n")
    (tmp_path / "out.jsonl.part").symlink_to(elsewhere)
    return tmp_path / "out.jsonl"


REFUSED = {
    "folder": (lambda tmp_path: tmp_path, "is a folder"),
    "symlink": (symlink_to_file, "is a symbolic link"),
    "device": (lambda tmp_path: Path(os.devnull), "is a device, pipe or socket"),
    "missing parent": (lambda tmp_path: tmp_path / "no" / "such" / "out.jsonl", "does not exist"),
    "part is symlink": (part_is_symlink, r"out\.jsonl\.part is a symbolic link"),
}


def snapshot(folder):
    return {path: (path.is_symlink(), path.read_bytes() if path.is_file() else None) for path in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("case", list(REFUSED))
def test_an_output_that_is_not_a_regular_file_or_new_path_is_refused(tmp_path, case):
    make, message = REFUSED[case]
    target = make(tmp_path)
    with pytest.raises(UsageError, match=message):
        check_output_path(target)
    with pytest.raises(UsageError, match=message):
        check_sink("jsonl", target, resume=False)


@pytest.mark.parametrize("case", list(REFUSED))
@pytest.mark.parametrize("resume", [False, True])
def test_a_refused_output_is_refused_before_anything_is_written(tmp_path, case, resume):
    make, message = REFUSED[case]
    target = make(tmp_path)
    before = snapshot(tmp_path)
    with pytest.raises(UsageError, match=message):
        RecordSink("jsonl", target, resume=resume)
    assert snapshot(tmp_path) == before
    if case != "part is symlink":
        assert not os.path.lexists(target.with_name(target.name + ".part"))


@pytest.mark.parametrize(
    "fmt, target, resume, message",
    [
        ("xml", None, False, "--format must be one of text, json, jsonl, csv, html, not 'xml'"),
        ("jsonl", None, True, "--resume needs --output FILE"),
        ("json", "out.json", True, "--resume works with --format jsonl or csv, not json"),
        ("text", "out.txt", True, "--resume works with --format jsonl or csv, not text"),
    ],
)
def test_requests_that_cannot_work_are_usage_errors(tmp_path, fmt, target, resume, message):
    with pytest.raises(UsageError, match=message.replace(".", r"\.")):
        check_sink(fmt, tmp_path / target if target else None, resume)
    assert list(tmp_path.iterdir()) == []


def test_a_regular_file_or_a_new_path_is_accepted(tmp_path):
    existing = tmp_path / "old.jsonl"
    existing.write_text("")
    check_output_path(existing)
    check_output_path(tmp_path / "new.jsonl")
    check_sink("csv", tmp_path / "new.csv", resume=True)


# --- formats on standard output -----------------------------------------------------------------


def write_all(sink, records):
    for record in records:
        sink.write(record)
    sink.close()


def test_json_single_is_one_object(capsys, records):
    scored, _ = records
    write_all(RecordSink("json", None, single=True), scored[:1])
    assert json.loads(capsys.readouterr().out) == scored[0]


def test_json_several_is_an_array_even_of_none_or_one(capsys, records):
    scored, error = records
    write_all(RecordSink("json", None), [*scored, error])
    assert json.loads(capsys.readouterr().out) == [*scored, error]
    write_all(RecordSink("json", None), scored[:1])
    assert json.loads(capsys.readouterr().out) == scored[:1]
    write_all(RecordSink("json", None), [])
    assert json.loads(capsys.readouterr().out) == []


def test_jsonl_is_one_record_a_line_with_text_as_is(capsys, records):
    scored, error = records
    unicode = dict(scored[0], path="caf\u00e9 \u201cx\u201d.txt")
    write_all(RecordSink("jsonl", None), [unicode, error, scored[1]])
    out = capsys.readouterr().out
    assert [json.loads(line) for line in out.splitlines()] == [unicode, error, scored[1]]
    assert "caf\u00e9 \u201cx\u201d" in out


def test_csv_is_a_header_and_a_row_a_record(capsys, records):
    scored, error = records
    write_all(RecordSink("csv", None), [scored[0], error])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["path"] for row in rows] == ["doc-0.txt", "broken.txt"]
    assert float(rows[0]["score"]) == scored[0]["score"] and rows[0]["error"] == ""
    assert rows[1]["error"] == error["error"] and rows[1]["score"] == ""
    assert list(rows[0]) == CSV_FIELDS


def test_text_report_to_standard_output_does_not_repeat_error_records(capsys, records):
    scored, error = records
    write_all(RecordSink("text", None), [scored[0], error, scored[1]])
    out = capsys.readouterr().out
    assert "doc-0.txt" in out and "doc-1.txt" in out
    assert "broken.txt" not in out and "binary file" not in out
    assert out.count("Score ") == 2


def test_text_report_to_a_file_holds_the_error_records(tmp_path, records):
    scored, error = records
    target = tmp_path / "report.txt"
    write_all(RecordSink("text", target), [scored[0], error])
    text = target.read_text(encoding="utf-8")
    assert "doc-0.txt" in text and "broken.txt: error: broken.txt: binary file" in text


# --- files: FILE.part and one rename ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "text"])
def test_a_finished_file_run_renames_file_part_to_file(tmp_path, capsys, records, fmt):
    scored, _ = records
    target = tmp_path / f"out.{fmt}"
    sink = RecordSink(fmt, target)
    sink.write(scored[0])
    assert (tmp_path / f"out.{fmt}.part").exists() and not target.exists()
    sink.write(scored[1])
    sink.close(finished=True)
    assert target.exists() and not (tmp_path / f"out.{fmt}.part").exists()
    assert capsys.readouterr().out == ""
    if fmt == "json":
        assert json.loads(target.read_text(encoding="utf-8")) == scored[:2]


def test_a_finished_run_replaces_an_older_file(tmp_path, records):
    scored, _ = records
    target = tmp_path / "out.jsonl"
    target.write_text("old contents\n")
    write_all(RecordSink("jsonl", target), scored[:1])
    assert [json.loads(line) for line in target.read_text().splitlines()] == scored[:1]


def test_an_unfinished_run_leaves_no_file_and_its_part(tmp_path, records):
    scored, _ = records
    target = tmp_path / "out.jsonl"
    sink = RecordSink("jsonl", target)
    sink.write(scored[0])
    sink.close(finished=False)
    assert not target.exists()
    part = tmp_path / "out.jsonl.part"
    assert [json.loads(line) for line in part.read_text().splitlines()] == scored[:1]


def test_resume_cuts_a_torn_line_and_appends_after_it(tmp_path, records):
    scored, _ = records
    target = tmp_path / "out.jsonl"
    part = tmp_path / "out.jsonl.part"
    whole = json.dumps(scored[0], ensure_ascii=False) + "\n"
    part.write_text(whole + json.dumps(scored[1])[:40], encoding="utf-8")
    sink = RecordSink("jsonl", target, resume=True)
    assert sink.done == {"doc-0.txt"}
    sink.write(scored[1])
    sink.write(scored[2])
    sink.close()
    assert [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()] == scored
    assert not part.exists()


def test_csv_resume_writes_the_header_once(tmp_path, records):
    scored, _ = records
    target = tmp_path / "out.csv"
    first = RecordSink("csv", target)
    first.write(scored[0])
    first.close(finished=False)
    with open(tmp_path / "out.csv.part", "a") as handle:
        handle.write("doc-1.txt,50.")  # torn
    again = RecordSink("csv", target, resume=True)
    assert again.done == {"doc-0.txt"}
    again.write(scored[1])
    again.close()
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [row["path"] for row in rows] == ["doc-0.txt", "doc-1.txt"]


def test_csv_resume_of_a_torn_header_writes_it_again(tmp_path, records):
    scored, _ = records
    target = tmp_path / "out.csv"
    (tmp_path / "out.csv.part").write_text("path,sco")
    sink = RecordSink("csv", target, resume=True)
    sink.write(scored[0])
    sink.close()
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [row["path"] for row in rows] == ["doc-0.txt"]


def test_resume_of_a_finished_file_knows_its_documents_and_keeps_them(tmp_path, records):
    scored, _ = records
    target = tmp_path / "out.jsonl"
    write_all(RecordSink("jsonl", target), scored[:2])
    sink = RecordSink("jsonl", target, resume=True)
    assert sink.done == {"doc-0.txt", "doc-1.txt"}
    sink.write(scored[2])
    sink.close()
    assert [json.loads(line) for line in target.read_text().splitlines()] == scored


def test_resume_with_nothing_there_starts_fresh(tmp_path, records):
    scored, _ = records
    target = tmp_path / "out.csv"
    sink = RecordSink("csv", target, resume=True)
    assert sink.done == set()
    sink.write(scored[0])
    sink.close()
    assert target.read_text().splitlines()[0] == ",".join(CSV_FIELDS)
