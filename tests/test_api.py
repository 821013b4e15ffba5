import json
from pathlib import Path

import jsonschema
import pytest

import scorer as scorer_package
from scorer import score_file, score_text

from .conftest import FIXTURES, SEED, require_shared

SCHEMA = json.loads((Path(scorer_package.__file__).parent / "schema" / "result.schema.json").read_text())
WIRE = FIXTURES / "wire-iran-syria.txt"


def test_records_match_the_published_schema(seed_text):
    jsonschema.validate(score_text(seed_text).to_dict(), SCHEMA)
    jsonschema.validate(score_file("no/such/file.txt").to_dict(), SCHEMA)


def test_seed_article_is_poorly_sourced():
    result = score_file(require_shared(SEED))
    assert result.score < 35
    assert result.label == "poorly_sourced"


def test_wire_report_of_the_same_events_is_well_sourced():
    result = score_file(WIRE)
    assert result.score > 65
    assert result.label == "well_sourced"


def test_unreadable_input_gives_an_error_record_not_an_exception(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    result = score_file(binary)
    assert result.score is None and "binary" in result.error and str(binary) in result.error
    assert score_text("").error and score_text("   \n ").error


def test_a_reusable_scorer_gives_the_same_record_as_the_shortcuts(scorer, seed_text):
    assert scorer.score_text(seed_text).to_dict() == score_text(seed_text).to_dict()


def test_record_sentences_are_exact_document_spans(scorer):
    text = WIRE.read_text(encoding="utf-8")
    record = scorer.score_text(text).to_dict()
    assert [s["index"] for s in record["sentences"]] == list(range(len(record["sentences"])))
    for sentence in record["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        for cue in sentence["cues"]:
            assert text[cue["start"] : cue["end"]] == cue["text"]
    assert sum(record["counts"].values()) == sum(len(s["cues"]) for s in record["sentences"])


def test_scoring_does_not_import_numpy_or_scikit_learn():
    import subprocess
    import sys

    code = (
        "import sys, scorer; scorer.score_text('Officials said it may rain.');"
        "print(sorted(m for m in ('numpy', 'sklearn') if m in sys.modules))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"


@pytest.mark.parametrize("bad", ["\x00" * 10, "\ufeff", "a" * 100000, "\u0130" * 50 + " said", "!!! ??? ...", "\n\n\n"])
def test_odd_texts_score_or_error_cleanly(scorer, bad):
    record = scorer.score_text(bad).to_dict()
    assert record["error"] or 0 <= record["score"] <= 100
