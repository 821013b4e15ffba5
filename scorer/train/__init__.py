"""Training: labelled corpus -> features -> a fitted model folder. Behind the ``train`` extra.

Scoring never imports this package's libraries (numpy, scipy, scikit-learn); a plain
``pip install scorer`` does not have them, and :func:`require_training_libraries` says so in one line.
"""

from __future__ import annotations

from importlib.util import find_spec

from ..errors import ScorerError

TRAINING_LIBRARIES = ("numpy", "scipy", "sklearn")
INSTALL_HINT = "pip install 'scorer[train]'"


def require_training_libraries() -> None:
    """Raise a one-line :class:`ScorerError` naming the extra if a training library is missing."""
    missing = [name for name in TRAINING_LIBRARIES if find_spec(name) is None]
    if missing:
        names = ", ".join("scikit-learn" if name == "sklearn" else name for name in missing)
        raise ScorerError(f"training needs {names}, which this installation lacks: {INSTALL_HINT}")
