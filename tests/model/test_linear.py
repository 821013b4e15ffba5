import json
import os
import pickle
import shutil

import pytest

from scorer.errors import ModelError
from scorer.cues.lexicon import load_lexicon
from scorer.model.linear import DEFAULT_MODEL_DIR, METADATA_FILE, MODEL_FILE, band, load_model, save_model


@pytest.fixture()
def model_copy(tmp_path):
    target = tmp_path / "model"
    shutil.copytree(DEFAULT_MODEL_DIR, target)
    return target


@pytest.fixture(scope="module")
def digest():
    return load_lexicon().digest


def test_committed_model_loads_and_round_trips(tmp_path, digest):
    model, metadata = load_model(None, digest)
    save_model(model, {k: v for k, v in metadata.items() if k != "model_sha256"}, tmp_path / "again")
    again, _ = load_model(tmp_path / "again", digest)
    assert again == model
    assert (tmp_path / "again" / MODEL_FILE).read_bytes() == (DEFAULT_MODEL_DIR / MODEL_FILE).read_bytes()


def test_a_corrupted_model_file_is_refused(model_copy, digest):
    path = model_copy / MODEL_FILE
    path.write_bytes(path.read_bytes().replace(b'"intercept": ', b'"intercept": 1'))
    with pytest.raises(ModelError, match="does not match the digest.*make train"):
        load_model(model_copy, digest)


class _Exploit:
    """Unpickling this would create a file: the test checks it never exists."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_a_file_that_would_run_code_if_unpickled_is_refused_without_running_it(model_copy, digest, tmp_path):
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_Exploit(str(marker)))
    (model_copy / MODEL_FILE).write_bytes(payload)
    metadata = json.loads((model_copy / METADATA_FILE).read_text())
    import hashlib

    metadata["model_sha256"] = hashlib.sha256(payload).hexdigest()  # even with a matching digest
    (model_copy / METADATA_FILE).write_text(json.dumps(metadata))
    with pytest.raises(ModelError, match="not a valid model"):
        load_model(model_copy, digest)
    assert not marker.exists()


def test_models_for_other_lexicons_or_features_are_refused(model_copy, digest):
    with pytest.raises(ModelError, match="other lexicons.*make train"):
        load_model(model_copy, "0" * 64)
    model, metadata = load_model(model_copy, digest)
    data = model.to_json()
    data["feature_names"] = data["feature_names"][::-1]
    from dataclasses import replace

    from scorer.model.linear import _model_from_json

    save_model(replace(_model_from_json(data, ""), feature_names=tuple(data["feature_names"])), metadata, model_copy)
    with pytest.raises(ModelError, match="other features"):
        load_model(model_copy, digest)


def test_missing_model_says_what_to_do(tmp_path, digest):
    with pytest.raises(ModelError, match="no model in .*make train"):
        load_model(tmp_path, digest)


def test_an_interrupted_save_leaves_a_loadable_model(model_copy, digest, monkeypatch):
    model, metadata = load_model(model_copy, digest)
    real_replace = os.replace
    calls = []

    def crash_on_second_rename(source, target):
        calls.append(source)
        if len(calls) == 2:  # the old model is moved aside, the new one not yet in place
            raise KeyboardInterrupt
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", crash_on_second_rename)
    with pytest.raises(KeyboardInterrupt):
        save_model(model, metadata, model_copy)
    monkeypatch.setattr(os, "replace", real_replace)
    again, _ = load_model(model_copy, digest)
    assert again == model


@pytest.mark.parametrize("score, name", [(0, "poorly_sourced"), (34.9, "poorly_sourced"), (35, "mixed"), (59.9, "mixed"), (60, "well_sourced"), (100, "well_sourced")])
def test_bands(score, name):
    assert band(score) == name
