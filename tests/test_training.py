"""`make train` is deterministic: same data and code, same model bytes and same metadata but the date."""

import json

from scorer.model.linear import METADATA_FILE, MODEL_FILE
from scorer.train.trainer import train


def test_training_twice_gives_identical_model_and_metadata_apart_from_the_date(tmp_path):
    train(output=tmp_path / "a")
    train(output=tmp_path / "b")
    assert (tmp_path / "a" / MODEL_FILE).read_bytes() == (tmp_path / "b" / MODEL_FILE).read_bytes()
    first, second = (json.loads((tmp_path / name / METADATA_FILE).read_text()) for name in "ab")
    first.pop("trained_at"), second.pop("trained_at")
    assert first == second


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
