"""The evaluation gate: missing data is named, a metric below its floor fails, floors never drop quietly.

``measure`` is replaced by fixed numbers, so these tests check the gate's logic in milliseconds;
the real measurement is what CI's `python -m tools.gates` runs.
"""

import json

import pytest

from tools import gates

FLOORS = {"test.roc_auc": 0.95, "test.accuracy": 0.88, "sentences_test.uncertain.f1": 0.83, "horne.roc_auc": 0.76}
PINNED = {"horne2017-buzzfeed": "a" * 64, "wiki-weasel": "b" * 64, "polnear-train": "c" * 64}
OWN_DATA = {"test.roc_auc": 0.97, "test.accuracy": 0.90, "sentences_test.uncertain.f1": 0.85}


@pytest.fixture()
def gates_file(tmp_path, monkeypatch):
    path = tmp_path / "evaluation-gates.json"
    path.write_text(json.dumps({"floors": FLOORS, "data": PINNED}, indent=2))
    monkeypatch.setattr(gates, "GATES_FILE", path)
    return path


@pytest.fixture()
def measured(monkeypatch):
    """The numbers the (replaced) measurement returns; a test may change them before calling main."""
    numbers = dict(OWN_DATA)
    calls = []

    def measure(shared):
        calls.append(shared)
        return dict(numbers)

    monkeypatch.setattr(gates, "measure", measure)
    return numbers, calls


@pytest.fixture()
def empty_shared(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    return folder


def floors(path):
    return json.loads(path.read_text())["floors"]


def test_missing_data_sets_are_named_and_fail_before_anything_is_measured(empty_shared, gates_file, measured, capsys):
    _, calls = measured
    assert gates.main(["--shared", str(empty_shared)]) == 1
    err = capsys.readouterr().err
    for name in ("horne2017-buzzfeed", "wiki-weasel", "polnear-train"):
        assert name in err
    assert str(empty_shared) in err and "--allow-missing" in err
    assert calls == []


def test_allow_missing_checks_the_floors_of_what_is_there(empty_shared, gates_file, measured, capsys):
    assert gates.main(["--shared", str(empty_shared), "--allow-missing"]) == 0
    out = capsys.readouterr().out
    assert "test.roc_auc" in out and "0.9700" in out and "floor 0.9500" in out and "ok" in out
    assert floors(gates_file) == FLOORS  # checking writes nothing


def test_a_value_below_its_floor_fails_and_says_which(empty_shared, gates_file, measured, capsys):
    numbers, _ = measured
    numbers["test.accuracy"] = 0.85
    assert gates.main(["--shared", str(empty_shared), "--allow-missing"]) == 1
    captured = capsys.readouterr()
    assert "BELOW FLOOR" in captured.out
    assert "gates failed: test.accuracy = 0.8500 < floor 0.8800" in captured.err


def test_a_metric_without_a_floor_is_shown_but_does_not_fail(empty_shared, gates_file, measured, capsys):
    numbers, _ = measured
    numbers["new.metric"] = 0.1
    assert gates.main(["--shared", str(empty_shared), "--allow-missing"]) == 0
    assert "no floor" in capsys.readouterr().out


def test_changed_evaluation_data_is_reported_rather_than_compared(tmp_path, gates_file, measured, capsys):
    shared = tmp_path / "shared"
    for folder in PINNED:
        (shared / folder).mkdir(parents=True)
        (shared / folder / "data.txt").write_text("not the pinned data\n")
    numbers, _ = measured
    numbers["horne.roc_auc"] = 0.99  # above the floor: the digest alone fails it
    assert gates.main(["--shared", str(shared)]) == 1
    captured = capsys.readouterr()
    assert "data changed" in captured.out
    assert "horne.roc_auc: evaluation data differs from the pinned digest" in captured.err


def test_pinned_digest_is_of_the_folders_names_and_bytes(tmp_path):
    folder = tmp_path / "data"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text("one")
    first = gates.data_digest(folder)
    assert gates.data_digest(folder) == first and len(first) == 64
    (folder / "sub" / "a.txt").rename(folder / "sub" / "b.txt")
    assert gates.data_digest(folder) != first
    assert gates.data_digest(tmp_path / "missing") is None


def test_update_raises_floors_to_todays_numbers_less_the_tolerance(empty_shared, gates_file, measured):
    numbers, _ = measured
    numbers["test.roc_auc"] = 0.99
    numbers["test.accuracy"] = 0.95
    assert gates.main(["--shared", str(empty_shared), "--allow-missing", "--update"]) == 0
    written = floors(gates_file)
    assert written["test.roc_auc"] == round(0.99 - gates.TOLERANCE, 4)
    assert written["test.accuracy"] == round(0.95 - gates.TOLERANCES["test.accuracy"], 4)
    assert written["horne.roc_auc"] == FLOORS["horne.roc_auc"]  # not measured: kept


def test_update_never_lowers_a_floor_without_allow_lower(empty_shared, gates_file, measured, capsys):
    numbers, _ = measured
    numbers["test.roc_auc"] = 0.90  # 0.89 after the tolerance, below the 0.95 floor
    assert gates.main(["--shared", str(empty_shared), "--allow-missing", "--update"]) == 0
    assert floors(gates_file)["test.roc_auc"] == FLOORS["test.roc_auc"]
    assert "refusing to lower test.roc_auc from 0.95 to 0.89 (use --allow-lower)" in capsys.readouterr().err
    # ... and the gate still fails on it afterwards.
    assert gates.main(["--shared", str(empty_shared), "--allow-missing"]) == 1


def test_update_with_allow_lower_lowers_the_floor(empty_shared, gates_file, measured):
    numbers, _ = measured
    numbers["test.roc_auc"] = 0.90
    assert gates.main(["--shared", str(empty_shared), "--allow-missing", "--update", "--allow-lower"]) == 0
    assert floors(gates_file)["test.roc_auc"] == 0.89


def test_allow_lower_leaves_the_floors_that_still_pass(empty_shared, gates_file, measured):
    numbers, _ = measured
    floor = FLOORS["test.accuracy"]
    numbers["test.accuracy"] = floor + 0.001  # passes, but less the tolerance it would sit lower
    assert gates.main(["--shared", str(empty_shared), "--allow-missing", "--update", "--allow-lower"]) == 0
    assert floors(gates_file)["test.accuracy"] == floor


def test_update_pins_the_digests_of_the_data_measured(tmp_path, gates_file, measured):
    shared = tmp_path / "shared"
    for folder in PINNED:
        (shared / folder).mkdir(parents=True)
        (shared / folder / "data.txt").write_text(folder)
    assert gates.main(["--shared", str(shared), "--update"]) == 0
    assert json.loads(gates_file.read_text())["data"] == {folder: gates.data_digest(shared / folder) for folder in PINNED}


def test_update_without_some_data_keeps_the_digests_pinned_for_it(empty_shared, gates_file, measured):
    assert gates.main(["--shared", str(empty_shared), "--allow-missing", "--update"]) == 0
    assert json.loads(gates_file.read_text())["data"] == PINNED
