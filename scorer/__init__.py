"""scorer: rates how well a news article is sourced and how much of it is speculation, and why.

The score rates sourcing transparency and epistemic care, not truth.

    >>> import scorer
    >>> result = scorer.score_text("Officials said the bridge would reopen on Monday.")
    >>> result.to_dict()["label"]  # doctest: +SKIP

``score_text``, ``score_file`` and ``Scorer`` need no numpy or scikit-learn; ``train`` and
``evaluate`` import them when called.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import Analyzer, Scorer, score_file, score_text
from .errors import InputError, LexiconError, ModelError, ScorerError
from .result import Result

__all__ = [
    "Analyzer",
    "InputError",
    "LexiconError",
    "ModelError",
    "Result",
    "Scorer",
    "ScorerError",
    "__version__",
    "evaluate",
    "score_file",
    "score_text",
    "train",
]


def train(*args, **kwargs):
    """Train a model (see :func:`scorer.training.train`)."""
    from .train.trainer import train as _train

    return _train(*args, **kwargs)


def evaluate(*args, **kwargs):
    """Evaluate a model on a labelled corpus (see :func:`scorer.evaluation.evaluate`)."""
    from .evaluate.articles import evaluate as _evaluate

    return _evaluate(*args, **kwargs)
