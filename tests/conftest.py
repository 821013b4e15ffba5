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
