"""`make train` is deterministic: same data and code, same model bytes and same metadata but the date."""

import json

from scorer.model import METADATA_FILE, MODEL_FILE
from scorer.training import train


def test_training_twice_gives_identical_model_and_metadata_apart_from_the_date(tmp_path):
    train(output=tmp_path / "a")
    train(output=tmp_path / "b")
    assert (tmp_path / "a" / MODEL_FILE).read_bytes() == (tmp_path / "b" / MODEL_FILE).read_bytes()
    first, second = (json.loads((tmp_path / name / METADATA_FILE).read_text()) for name in "ab")
    first.pop("trained_at"), second.pop("trained_at")
    assert first == second
