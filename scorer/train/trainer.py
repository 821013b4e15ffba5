"""Train the reliability model on a labelled corpus and save it with its metadata.

The model is an L2-regularised logistic regression on standardised cue features, each weight kept
on the side its feature's ``sign`` allows (features.py), fitted with SciPy's L-BFGS-B. Its
regularisation strength is chosen by cross-validated log-loss on the training split (with the
one-standard-error rule), its calibration (Platt scaling) is fitted on the training split's
out-of-fold logits and divided by a temperature, and the dev and test splits are only measured. Deterministic: the same corpus, lexicons and code give
the same model bytes and the same metrics (the solver and the fixed folds involve no randomness).
"""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from ..api import Analyzer
from ..evaluate.corpus import LabelledArticle, corpus_digest, load_articles
from ..errors import InputError
from . import require_training_libraries
from ..model.features import FEATURE_NAMES, FEATURES, article_features
from ..evaluate.metrics import binary_report
from ..model.linear import LinearModel, save_model

# Inverse regularisation strengths tried by cross-validation; small values keep weights modest,
# which matters because real articles differ from any training corpus.
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
# Platt scaling fits two numbers on out-of-fold logits; a light penalty keeps the slope finite when
# they happen to be perfectly separable.
PLATT_C = 100.0
# The calibrated logit is divided by this before the sigmoid: above 1 it spreads scores away from 0
# and 100. Our corpus is easier to tell apart than real news, so a model calibrated on it is too sure
# of itself on real articles (docs/EVALUATION.md, calibration tables). This one number is the only
# thing chosen by looking at the public corpora (README, "Score, bands and calibration"): the
# smallest round value that leaves at most 20% of the articles of each shared corpus below 5 or
# above 95 (at 1.0: 40% of Horne's and 23% of PolNeAR's; at 2.0: 11% and 3%).
TEMPERATURE = 2.0
# Bounds on each standardised weight, from the sign each feature is allowed.
SIGN_BOUNDS = [(0.0, None) if f.sign > 0 else (None, 0.0) if f.sign < 0 else (None, None) for f in FEATURES]
CV_FOLDS = 5
# Every number the model stores is rounded to this many significant digits. Machines with other
# BLAS kernels (OPENBLAS_CORETYPE) fit weights that differ around the 12th significant digit, a
# million times below the last stored one, so `make train` writes the same bytes on any x86-64
# machine; and six digits move no score by more than about 1e-5.
STORED_DIGITS = 6


def stored(value: float) -> float:
    """``value`` rounded to :data:`STORED_DIGITS` significant digits (0.0 for a weight at its bound)."""
    return 0.0 if abs(value) < 1e-12 else float(f"{value:.{STORED_DIGITS}g}")
# The corpus `make train` uses, relative to the working directory (the project root).
DEFAULT_DATA = Path("training_data")


@dataclass(frozen=True)
class TrainingReport:
    model: LinearModel
    metadata: dict


def featurise(
    analyzer: Analyzer, articles: list[LabelledArticle], progress: Callable[[int, int], None] | None = None
) -> list[list[float]]:
    rows = []
    for index, article in enumerate(articles):
        rows.append(article_features(analyzer.analyse(article.read()).rows))
        if progress:
            progress(index + 1, len(articles))
    return rows


def train(
    data: str | os.PathLike = DEFAULT_DATA,
    output: str | os.PathLike | None = None,
    lexicons: str | os.PathLike | None = None,
    reliable: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> TrainingReport:
    """Train on ``data`` (a folder with one subfolder per label); save to ``output`` if given."""
    require_training_libraries()
    import numpy as np
    from sklearn.model_selection import StratifiedKFold
    from sklearn.preprocessing import StandardScaler

    articles = load_articles(data, reliable)
    by_split = {split: [a for a in articles if a.split == split] for split in ("train", "dev", "test")}
    for split in ("train", "dev"):
        labels = {a.reliable for a in by_split[split]}
        if labels != {True, False}:
            raise InputError(f"{data}: the {split} split needs articles of both labels")
    analyzer = Analyzer(lexicons)
    features = dict(zip((a.id for a in articles), featurise(analyzer, articles, progress)))

    def matrix(split: str) -> tuple[np.ndarray, np.ndarray]:
        chosen = by_split[split]
        return (
            np.array([features[a.id] for a in chosen], dtype=float).reshape(len(chosen), len(FEATURE_NAMES)),
            np.array([a.reliable for a in chosen], dtype=int),
        )

    x_train, y_train = matrix("train")
    scaler = StandardScaler().fit(x_train)
    z_train = scaler.transform(x_train)

    folds = list(StratifiedKFold(n_splits=CV_FOLDS, shuffle=True, random_state=0).split(z_train, y_train))
    cv_loss, cv_error = {}, {}
    for c in C_GRID:
        losses = []
        for fit_rows, held_rows in folds:
            weights, bias = fit_logistic(z_train[fit_rows], y_train[fit_rows], c, SIGN_BOUNDS)
            p = np.clip(1 / (1 + np.exp(-(z_train[held_rows] @ weights + bias))), 1e-12, 1 - 1e-12)
            y = y_train[held_rows]
            losses.append(float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))))
        cv_loss[c] = float(np.mean(losses))
        cv_error[c] = float(np.std(losses) / np.sqrt(len(losses)))
    # The one-standard-error rule: the strongest regularisation whose cross-validated loss is within
    # one standard error of the best. Our articles are easier to tell apart than real ones, and
    # smaller weights carry over better to articles nobody here wrote (docs/EVALUATION.md).
    lowest = min(C_GRID, key=lambda c: (cv_loss[c], c))
    best_c = min(c for c in C_GRID if cv_loss[c] <= cv_loss[lowest] + cv_error[lowest])
    weights, bias = fit_logistic(z_train, y_train, best_c, SIGN_BOUNDS)

    uncalibrated = LinearModel(
        feature_names=FEATURE_NAMES,
        mean=tuple(stored(float(m)) for m in scaler.mean_),
        scale=tuple(stored(float(s)) for s in scaler.scale_),
        coef=tuple(stored(float(w)) for w in weights),
        intercept=stored(float(bias)),
        calibration_slope=1.0,
        calibration_offset=0.0,
        lexicon_digest=analyzer.lexicon.digest,
    )
    # Calibration from out-of-fold logits: each training article's logit from the fold model that did
    # not see it. A model's logits on its own training articles are more extreme than on anything
    # new; on our near-separable corpus, Platt scaling fitted to those (or to the dev split) learns a
    # slope that pushes real articles to 0 and 100. Then one temperature spreads the scale (below).
    out_of_fold = np.zeros(len(y_train))
    for fit_rows, held_rows in folds:
        fold_weights, fold_bias = fit_logistic(z_train[fit_rows], y_train[fit_rows], best_c, SIGN_BOUNDS)
        out_of_fold[held_rows] = z_train[held_rows] @ fold_weights + fold_bias
    platt_weights, platt_bias = fit_logistic(out_of_fold.reshape(-1, 1), y_train, PLATT_C, [(None, None)])
    slope = stored(float(platt_weights[0]) / TEMPERATURE)
    offset = stored(float(platt_bias) / TEMPERATURE)
    if slope <= 0:  # a corpus too small to calibrate: keep the model's own probabilities
        slope, offset = stored(1.0 / TEMPERATURE), 0.0
    model = replace(uncalibrated, calibration_slope=slope, calibration_offset=offset).identified()

    metrics = {}
    for split in ("train", "dev", "test"):
        if by_split[split]:
            chosen = by_split[split]
            probabilities = [model.probability(model.logit(features[a.id])) for a in chosen]
            metrics[split] = binary_report([a.reliable for a in chosen], probabilities)
    metadata = {
        "model": "reliability",
        "training_data": {
            "path": _display_path(data),
            "sha256": corpus_digest(data) if Path(data).is_dir() else None,
            "articles": {split: len(items) for split, items in by_split.items()},
            "reliable": sum(a.reliable for a in articles),
            "unreliable": sum(not a.reliable for a in articles),
        },
        "lexicons": {"path": _display_path(analyzer.lexicon.location), "sha256": analyzer.lexicon.digest},
        "feature_names": list(FEATURE_NAMES),
        "regularisation": {
            "rule": "one standard error",
            "chosen_c": best_c,
            "cv_log_loss": {str(c): stored(loss) for c, loss in cv_loss.items()},
            "cv_standard_error": {str(c): stored(error) for c, error in cv_error.items()},
        },
        "calibration": {
            "method": "Platt scaling on out-of-fold logits of the training split, divided by a temperature",
            "temperature": TEMPERATURE,
            "slope": slope,
            "offset": offset,
        },
        "stored_digits": STORED_DIGITS,
        "versions": _versions(),
        "metrics": metrics,
    }
    if output is not None:
        save_model(model, metadata, output)
    return TrainingReport(model, metadata)


def fit_logistic(x, y, c: float, bounds: list) -> tuple:
    """L2-regularised logistic regression (penalty 1 / 2C, intercept free) with bounded weights.

    Minimises sum(log(1 + exp(z)) - y z) + |w|^2 / (2C), z = x w + b, with L-BFGS-B from a zero
    start: deterministic for the same inputs.
    """
    import numpy as np
    from scipy.optimize import minimize

    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)

    def loss_and_gradient(parameters):
        weights, bias = parameters[:-1], parameters[-1]
        z = x @ weights + bias
        residual = 1.0 / (1.0 + np.exp(-z)) - y
        loss = float(np.sum(np.logaddexp(0.0, z) - y * z) + weights @ weights / (2 * c))
        return loss, np.append(x.T @ residual + weights / c, residual.sum())

    result = minimize(
        loss_and_gradient,
        np.zeros(x.shape[1] + 1),
        jac=True,
        method="L-BFGS-B",
        bounds=[*bounds, (None, None)],
        options={"maxiter": 10000, "gtol": 1e-10},
    )
    return result.x[:-1], float(result.x[-1])


def _display_path(path: str | os.PathLike) -> str:
    """A path relative to the working directory when inside it, so metadata does not depend on the checkout."""
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(resolved)


def _versions() -> dict:
    """Every library the fitted numbers pass through, and the interpreter."""
    import numpy
    import scipy
    import sklearn

    from .. import __version__

    return {
        "scorer": __version__,
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "scipy": scipy.__version__,
        "scikit-learn": sklearn.__version__,
    }
