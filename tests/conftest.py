"""Shared fixtures. Tests that read ../shared skip with a reason where it is absent (CI always has it)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "iran-syria-evacuation.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TRAINING_DATA = ROOT / "training_data"


def require_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not here (it sits beside the project in CI)")
    return path


@pytest.fixture(scope="session")
def scorer():
    from scorer import Scorer

    return Scorer()


@pytest.fixture(scope="session")
def analyzer():
    from scorer import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def seed_text() -> str:
    from scorer.read.decode import read_document

    return read_document(require_shared(SEED))


# The trainer stores six significant digits (scorer.train.trainer.STORED_DIGITS); a BLAS kernel that
# sums in another order can move a stored number by at most one unit in that last digit.
STORED_TOLERANCE = 1e-5


def assert_same_numbers(expected, actual, path: str = "") -> None:
    """Equal JSON values, with numbers equal to within STORED_TOLERANCE (relative)."""
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        assert isinstance(actual, (int, float)), path
        assert abs(expected - actual) <= STORED_TOLERANCE * max(abs(expected), abs(actual), 1e-12), f"{path}: {expected} != {actual}"
    elif isinstance(expected, dict):
        assert sorted(expected) == sorted(actual), path
        for key in expected:
            assert_same_numbers(expected[key], actual[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert len(expected) == len(actual), path
        for index, (a, b) in enumerate(zip(expected, actual)):
            assert_same_numbers(a, b, f"{path}[{index}]")
    else:
        assert expected == actual, f"{path}: {expected!r} != {actual!r}"


@pytest.fixture()
def run():
    """The command line in this process: ``run("score", path)`` gives typer's result (exit code, output)."""
    from typer.testing import CliRunner

    from scorer.cli import app

    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke
