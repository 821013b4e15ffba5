"""`make train` is deterministic: the same data and code give the same model on any machine."""

import json

from scorer.model.linear import DEFAULT_MODEL_DIR, METADATA_FILE, MODEL_FILE
from scorer.train.trainer import train

from ..conftest import TRAINING_DATA, assert_same_numbers


def test_training_twice_gives_identical_bytes(tmp_path):
    train(TRAINING_DATA, output=tmp_path / "a")
    train(TRAINING_DATA, output=tmp_path / "b")
    for name in (MODEL_FILE, METADATA_FILE):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_retraining_reproduces_the_committed_model(tmp_path):
    """On any CPU and BLAS kernel: every stored number within one unit of its sixth digit."""
    train(TRAINING_DATA, output=tmp_path / "model")
    for name in (MODEL_FILE, METADATA_FILE):
        committed = json.loads((DEFAULT_MODEL_DIR / name).read_text())
        retrained = json.loads((tmp_path / "model" / name).read_text())
        committed.pop("versions", None), retrained.pop("versions", None)  # the libraries installed here
        committed.pop("model_sha256", None), retrained.pop("model_sha256", None)  # bytes may differ in a last digit
        assert_same_numbers(committed, retrained)


def test_a_killed_training_run_leaves_a_loadable_model(tmp_path):
    import shutil
    import signal
    import subprocess
    import sys
    import time

    from scorer.cues.lexicon import load_lexicon
    from scorer.model.linear import DEFAULT_MODEL_DIR, load_model

    target = tmp_path / "model"
    shutil.copytree(DEFAULT_MODEL_DIR, target)
    for delay in (0.3, 0.8, 1.2):  # kill at different points of a run that takes about a second and a half
        process = subprocess.Popen(
            [sys.executable, "-m", "scorer", "train", "--output", str(target)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        model, _ = load_model(target, load_lexicon().digest)
        assert model.feature_names
