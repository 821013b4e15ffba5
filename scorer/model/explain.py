"""The logit split exactly into what the page holds: a baseline, article terms and sentences.

For a standardised linear model with weights ``w_j = coef_j / scale_j`` on the raw features,

    logit = intercept + sum_j w_j (x_j - mean_j) = baseline + sum_j w_j x_j,
    baseline = intercept - sum_j w_j mean_j,

so the **baseline** is the logit of an article with no cues and no text: every feature 0. A
feature the article does not have contributes nothing. Then (features.py):

- a share's part ``w_j x_j`` is ``w_j / distinct sentences`` for each distinct sentence that has
  the cue, shared among the copies of that sentence that carry it;
- the named-source term's part is shared among the sentences that bring in each new named source,
  and the detail term's among the sentences in proportion to their figures and dates;
- length is an **article term**, reported as a part of its own.

So ``baseline + article terms + sum of sentence contributions = logit`` exactly (to rounding), and
a sentence with no cue contributes exactly 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from .features import (
    DETAILS,
    DETAILS_CAP,
    DETAILS_INDEX,
    FEATURES,
    FURNITURE_INDEX,
    LENGTH,
    LENGTH_INDEX,
    NAMED_SOURCES_CAP,
    SHARE,
    SHARES,
    SOURCES,
    SOURCES_INDEX,
    SentenceFeatures,
    article_features,
    distinct_details,
    distinct_named_sources,
    distinct_words,
)
from .linear import LinearModel


@dataclass(frozen=True)
class Explanation:
    logit: float
    baseline: float  # the logit of an article with no cues and no text
    features: tuple[float, ...]  # the article vector x
    feature_contributions: tuple[float, ...]  # w_j x_j: adds up to logit - baseline
    sentence_contributions: tuple[float, ...]  # each sentence's part, through its cues only
    article_terms: dict[str, float]  # parts of no sentence: length, and an HTML page's furniture blocks
    counts: dict[str, int]  # what the article terms count: distinct named sources, words of distinct text


def explain(model: LinearModel, rows: list[SentenceFeatures], page_furniture: int = 0) -> Explanation:
    """Split the model's logit for one article (given its sentence rows and the furniture blocks of
    its page, if it came from HTML) into its parts."""
    weights = model.raw_weights
    features = article_features(rows, page_furniture)
    baseline = model.intercept - sum(w * mean for w, mean in zip(weights, model.mean))
    feature_contributions = tuple(w * x for w, x in zip(weights, features))
    named, details = distinct_named_sources(rows), distinct_details(rows)
    per_source = feature_contributions[SOURCES_INDEX] / named if named else 0.0
    per_detail = feature_contributions[DETAILS_INDEX] / details if details else 0.0
    distinct = len({row.group for row in rows}) or 1
    # The furniture share counts the page's furniture blocks beside the sentences (features.py).
    lines = {j: distinct + (page_furniture if j == FURNITURE_INDEX else 0) for j in SHARES}
    shares = [(j, weights[j] / lines[j]) for j in SHARES if weights[j]]
    page_part = weights[FURNITURE_INDEX] * page_furniture / (distinct + page_furniture) if rows else 0.0
    # How many copies of each distinct sentence carry each share's cue: its part is split among them.
    # Keys are group * len(FEATURES) + j; most rows carry no share and are passed over at once.
    width = len(FEATURES)
    carriers: dict[int, int] = {}
    carried: list[list[int]] = []  # per row, the weighted shares it carries, in the order of ``shares``
    for row in rows:
        values = row.values
        present = [j for j, _ in shares if values[j]] if any(values) else []
        carried.append(present)
        for j in present:
            carrier = row.group * width + j
            carriers[carrier] = carriers.get(carrier, 0) + 1
    weight_of = dict(shares)
    sentence_contributions = tuple(
        (sum([weight_of[j] / carriers[row.group * width + j] for j in present]) if present else 0)
        + per_source * row.new_sources
        + per_detail * row.details
        for row, present in zip(rows, carried)
    )
    return Explanation(
        logit=model.intercept + sum(w * (x - mean) for w, x, mean in zip(weights, features, model.mean)),
        baseline=baseline,
        features=tuple(features),
        feature_contributions=feature_contributions,
        sentence_contributions=sentence_contributions,
        article_terms={"length": feature_contributions[LENGTH_INDEX], "page_furniture": page_part},
        counts={"named_sources": named, "details": details, "words": distinct_words(rows)},
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
    """The features that moved the logit most, in order, described for people. A feature the
    article does not have moves nothing, so it is never a reason."""
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
                text=f"{_amount(feature, value, explanation)} {feature.description}: {direction} the score",
            )
        )
    return found


def _per_hundred(count: int, explanation: Explanation, cap: float) -> str:
    words = explanation.counts["words"]
    rate = 100 * count / words if words else 0.0
    return f"{cap:.1f} (the cap; {rate:.1f} measured)" if rate > cap else f"{rate:.1f}"


def _amount(feature, value: float, explanation: Explanation) -> str:
    if feature.kind == SHARE:
        return f"{100 * value:.0f}% of"
    if feature.kind == SOURCES:
        return _per_hundred(explanation.counts["named_sources"], explanation, NAMED_SOURCES_CAP)
    if feature.kind == DETAILS:
        return _per_hundred(explanation.counts["details"], explanation, DETAILS_CAP)
    if feature.kind == LENGTH:
        return f"{explanation.counts['words']:,}"
    return f"{value:.2f}"
