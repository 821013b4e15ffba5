import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from scorer.model.linear import DEFAULT_MODEL_DIR

from .conftest import FIXTURES, ROOT, SEED, TRAINING_DATA, assert_same_numbers, require_shared

WIRE = str(FIXTURES / "wire-iran-syria.txt")
COMMANDS = ["score", "evaluate", "train"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples_and_is_in_the_readme(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Examples" in result.output
    assert f"scorer {command}" in (ROOT / "README.md").read_text()


def test_top_level_help_lists_commands_and_exit_codes(run):
    result = run("--help")
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output
    assert "Exit codes" in result.output


def test_text_report_for_people(run):
    result = run("score", "--no-color", WIRE)
    assert result.exit_code == 0
    assert re.search(r"Score \d+\.\d / 100", result.output)
    assert "What weighed most" in result.output
    assert "[SOURCE " in result.output
    assert "\x1b[" not in result.output
    assert "\x1b[" in run("score", "--color", WIRE).output


def test_top_limits_and_all_shows_every_sentence(run):
    short = run("score", "--no-color", "--top", "3", WIRE).output
    full = run("score", "--no-color", "--all", WIRE).output
    assert len(re.findall(r"^\s+[+-]\d+\.\d\d  #", short, re.M)) == 3
    assert len(re.findall(r"^\s+[+-]\d+\.\d\d  #", full, re.M)) > 10


def test_json_is_one_object_for_one_document_and_an_array_for_several(run, tmp_path):
    one = json.loads(run("score", "--format", "json", WIRE).output)
    assert one["path"] == WIRE and one["error"] is None
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("a.txt", "b.md"):
        shutil.copy(WIRE, folder / name)
    several = json.loads(run("score", "--format", "json", folder).output)
    assert [Path(r["path"]).name for r in several] == ["a.txt", "b.md"]


def test_jsonl_and_csv_have_one_record_per_document(run):
    lines = run("score", "--format", "jsonl", WIRE, WIRE).output.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["score"] is not None for line in lines)
    rows = list(csv.DictReader(io.StringIO(run("score", "--format", "csv", WIRE).output)))
    assert rows[0]["path"] == WIRE and float(rows[0]["score"]) > 0 and rows[0]["error"] == ""
    assert int(rows[0]["n_attribution"]) > 0


def test_standard_input(run):
    text = Path(WIRE).read_text()
    record = json.loads(run("score", "--format", "json", "-", input=text).output)
    assert record["path"] == "-" and record["score"] is not None


def test_unreadable_files_give_error_records_and_exit_2(run, tmp_path):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\xff" * 64)
    result = run("score", "--format", "jsonl", WIRE, binary, tmp_path / "missing.txt")
    assert result.exit_code == 2
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["error"] is None for r in records] == [True, False, False]
    assert "Traceback" not in result.output


def test_min_score_exits_3_for_the_seed(run):
    result = run("score", "--min-score", "50", require_shared(SEED))
    assert result.exit_code == 3
    assert run("score", "--min-score", "50", WIRE).exit_code == 0


def test_missing_model_is_one_line_and_exit_1(run, tmp_path):
    result = run("score", "--model", tmp_path, WIRE)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "make train" in result.output


def test_bad_format_is_a_usage_error(run):
    assert run("score", "--format", "xml", WIRE).exit_code == 2


def test_evaluate_articles_text_and_json(run):
    result = run("evaluate", TRAINING_DATA, "--split", "test")
    assert result.exit_code == 0
    for word in ("accuracy", "ROC-AUC", "Brier", "Confusion", "Calibration"):
        assert word in result.output
    report = json.loads(run("evaluate", TRAINING_DATA, "--split", "test", "--format", "json").output)
    assert report["documents"] >= 150 and report["roc_auc"] >= 0.88


def test_evaluate_sentences(run):
    report = json.loads(run("evaluate", "--sentences", TRAINING_DATA / "sentences.jsonl", "--format", "json").output)
    assert {"attribution", "anonymous_source", "speculative_modal", "hedge", "boilerplate", "uncertain"} <= set(report["types"])
    assert "precision" in run("evaluate", "--sentences", TRAINING_DATA / "sentences.jsonl").output


def test_train_writes_a_loadable_model(run, tmp_path):
    result = run("train", "--output", tmp_path / "model")
    assert result.exit_code == 0, result.output
    assert "written to" in result.output
    assert_same_numbers(json.loads((DEFAULT_MODEL_DIR / "model.json").read_text()), json.loads((tmp_path / "model" / "model.json").read_text()))
    assert run("score", "--model", tmp_path / "model", WIRE).exit_code == 0


def test_version(run):
    assert run("--version").output.startswith("scorer ")


def test_a_user_lexicon_folder_needs_a_model_trained_with_it(run, tmp_path):
    from scorer.cues.lexicon import default_location

    lexicons = tmp_path / "lexicons"
    shutil.copytree(default_location(), lexicons)
    assert run("score", "--lexicons", lexicons, WIRE).exit_code == 0  # an identical copy is the same lexicon
    hedges = lexicons / "phrases" / "hedge.txt"
    hedges.write_text(hedges.read_text() + "mayhaps\n")
    refused = run("score", "--lexicons", lexicons, WIRE)
    assert refused.exit_code == 1 and "other lexicons" in refused.output and "make train" in refused.output
    assert run("train", "--lexicons", lexicons, "--output", tmp_path / "model").exit_code == 0
    record = json.loads(run("score", "--lexicons", lexicons, "--model", tmp_path / "model", "--format", "json", "-",
                            input="Mayhaps the vote was rigged.").output)
    assert "hedge" in {cue["type"] for s in record["sentences"] for cue in s["cues"]}
