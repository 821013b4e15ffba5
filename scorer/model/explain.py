"""The score split into per-sentence and per-feature contributions, exactly.

For a standardised linear model, ``logit = intercept + sum_j c_j (x_j - mean_j)`` with
``c_j = coef_j / scale_j``. Because every article feature is a sum over sentences (features.py),

    contribution_i = sum_j c_j (s_ij - mean_j * w_ij) / D_j

adds up over sentences to ``logit - intercept``. The baseline is the intercept: the logit of an
article whose every feature is at the training average. A sentence's contribution is how far it
moves the article from that average; a sentence with no cue at all usually pulls the score down a
little, because the average article attributes some of its sentences to sources.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .features import FEATURES, SENTENCES, WORDS, SentenceFeatures, article_features, denominators, sentence_weights
from .linear import LinearModel


@dataclass(frozen=True)
class Explanation:
    logit: float
    baseline: float
    features: tuple[float, ...]  # the article vector x
    feature_contributions: tuple[float, ...]  # c_j (x_j - mean_j), adds up to logit - baseline
    sentence_contributions: tuple[float, ...]  # adds up to logit - baseline


def explain(model: LinearModel, rows: list[SentenceFeatures]) -> Explanation:
    """Split the model's logit for one article (given its sentence rows) into contributions."""
    weights = model.raw_weights
    features = article_features(rows)
    feature_contributions = tuple(w * (x - mean) for w, x, mean in zip(weights, features, model.mean))
    sentences, words_100 = denominators(rows)
    words_denominator = words_100 if words_100 else sentences
    totals = [sum(column) for column in zip(*(row.values for row in rows))] if rows else []
    kinds = tuple(feature.denominator for feature in FEATURES)
    sentence_contributions = []
    for row in rows:
        sentence_share, words_share = sentence_weights(row, words_100)
        total = 0.0
        for j, (w, value, mean, kind) in enumerate(zip(weights, row.values, model.mean, kinds)):
            if kind == SENTENCES:
                total += w * (value - mean * sentence_share) / sentences
            elif kind == WORDS:
                total += w * (value - mean * words_share) / words_denominator
            else:  # LOG_TOTAL: the feature's part, shared in proportion to the sentence's count
                share = value / totals[j] if totals[j] else 1.0 / sentences
                total += feature_contributions[j] * share
        sentence_contributions.append(total)
    logit = model.intercept + sum(feature_contributions)
    return Explanation(
        logit=logit,
        baseline=model.intercept,
        features=tuple(features),
        feature_contributions=feature_contributions,
        sentence_contributions=tuple(sentence_contributions),
    )


@dataclass(frozen=True)
class Reason:
    feature: str
    value: float
    average: float  # the training-set average of the feature
    contribution: float
    text: str

    def to_dict(self) -> dict:
        return {
            "feature": self.feature,
            "value": self.value,
            "average": self.average,
            "contribution": self.contribution,
            "text": self.text,
        }


def reasons(model: LinearModel, explanation: Explanation, limit: int = 5) -> list[Reason]:
    """The features that moved the logit most, in order, described for people."""
    order = sorted(range(len(FEATURES)), key=lambda j: -abs(explanation.feature_contributions[j]))
    found = []
    for j in order[:limit]:
        contribution = explanation.feature_contributions[j]
        if abs(contribution) < 1e-9:
            break
        feature = FEATURES[j]
        value, average = explanation.features[j], model.mean[j]
        direction = "raises" if contribution > 0 else "lowers"
        found.append(
            Reason(
                feature=feature.name,
                value=value,
                average=average,
                contribution=contribution,
                text=f"{_amount(feature.unit, value)} {feature.description} "
                f"(average {_amount(feature.unit, average).removesuffix(' of')}): {direction} the score",
            )
        )
    return found


def _amount(unit: str, value: float) -> str:
    if unit == "share":
        return f"{100 * value:.0f}% of"
    if unit == "log":  # shown as the count it stands for
        return f"{math.expm1(value):.0f}"
    return f"{value:.1f}"
