"""Classification metrics in plain Python, so that evaluation never waits for scikit-learn to import."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

CALIBRATION_BINS = 10


def roc_auc(labels: list[bool], scores: list[float]) -> float | None:
    """Area under the ROC curve (ties count half); None when only one class is present."""
    positives = sum(labels)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return None
    order = sorted(range(len(scores)), key=lambda index: scores[index])
    rank_sum = 0.0
    index = 0
    while index < len(order):
        tied_end = index
        while tied_end + 1 < len(order) and scores[order[tied_end + 1]] == scores[order[index]]:
            tied_end += 1
        average_rank = (index + tied_end) / 2 + 1
        rank_sum += average_rank * sum(1 for k in range(index, tied_end + 1) if labels[order[k]])
        index = tied_end + 1
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def roc_auc_interval(
    labels: list[bool], scores: list[float], level: float = 0.95, resamples: int = 1000, seed: int = 0
) -> tuple[float, float] | None:
    """Percentile bootstrap interval of the ROC-AUC, resampling each class on its own.

    Seeded, so the page it goes on is reproducible. On a hundred documents the interval is wide,
    and says how much a change of a hundredth means.
    """
    positives = [score for label, score in zip(labels, scores) if label]
    negatives = [score for label, score in zip(labels, scores) if not label]
    if not positives or not negatives:
        return None
    generator = random.Random(seed)
    both = [True] * len(positives) + [False] * len(negatives)
    values = sorted(
        roc_auc(both, generator.choices(positives, k=len(positives)) + generator.choices(negatives, k=len(negatives)))
        for _ in range(resamples)
    )
    tail = (1 - level) / 2
    return values[int(tail * (resamples - 1))], values[int(round((1 - tail) * (resamples - 1)))]


def brier(labels: list[bool], probabilities: list[float]) -> float:
    return sum((p - float(y)) ** 2 for y, p in zip(labels, probabilities)) / len(labels)


def log_loss(labels: list[bool], probabilities: list[float]) -> float:
    eps = 1e-12
    return -sum(
        math.log(max(p, eps)) if y else math.log(max(1 - p, eps)) for y, p in zip(labels, probabilities)
    ) / len(labels)


@dataclass(frozen=True)
class Counts:
    true_positive: int
    false_positive: int
    false_negative: int
    true_negative: int

    @property
    def precision(self) -> float:
        predicted = self.true_positive + self.false_positive
        return self.true_positive / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        actual = self.true_positive + self.false_negative
        return self.true_positive / actual if actual else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        total = self.true_positive + self.false_positive + self.false_negative + self.true_negative
        return (self.true_positive + self.true_negative) / total if total else 0.0

    def to_dict(self) -> dict:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "true_positive": self.true_positive,
            "false_positive": self.false_positive,
            "false_negative": self.false_negative,
            "true_negative": self.true_negative,
        }


def count(labels: list[bool], predictions: list[bool]) -> Counts:
    tp = sum(1 for y, p in zip(labels, predictions) if y and p)
    fp = sum(1 for y, p in zip(labels, predictions) if not y and p)
    fn = sum(1 for y, p in zip(labels, predictions) if y and not p)
    return Counts(tp, fp, fn, len(labels) - tp - fp - fn)


def calibration_table(labels: list[bool], probabilities: list[float], bins: int = CALIBRATION_BINS) -> list[dict]:
    """Per probability bin: how many documents, their mean predicted probability, the observed rate."""
    table = []
    for index in range(bins):
        low, high = index / bins, (index + 1) / bins
        members = [
            (y, p) for y, p in zip(labels, probabilities) if low <= p < high or (index == bins - 1 and p == 1.0)
        ]
        table.append(
            {
                "bin": f"{low:.1f}-{high:.1f}",
                "count": len(members),
                "mean_predicted": sum(p for _, p in members) / len(members) if members else None,
                "observed": sum(1 for y, _ in members if y) / len(members) if members else None,
            }
        )
    return table


def expected_calibration_error(labels: list[bool], probabilities: list[float], bins: int = CALIBRATION_BINS) -> float:
    """The documents' mean gap between predicted probability and observed rate, bin by bin (weighted
    by how many documents each bin holds)."""
    table = calibration_table(labels, probabilities, bins)
    total = sum(row["count"] for row in table)
    return sum(row["count"] * abs(row["mean_predicted"] - row["observed"]) for row in table if row["count"]) / total


# Scores below the first and above the second count as saturated: a verdict, not a scale.
SATURATED = (0.05, 0.95)


def saturated_share(probabilities: list[float]) -> float:
    """The share of documents whose probability (score / 100) is below 5% or above 95%."""
    low, high = SATURATED
    return sum(1 for p in probabilities if p < low or p > high) / len(probabilities)


def binary_report(labels: list[bool], probabilities: list[float], threshold: float = 0.5) -> dict:
    """Everything `scorer evaluate` prints for a labelled set: positive class = reliable."""
    predictions = [p >= threshold for p in probabilities]
    counts = count(labels, predictions)
    return {
        "documents": len(labels),
        "reliable": sum(labels),
        "unreliable": len(labels) - sum(labels),
        "threshold": threshold,
        "accuracy": counts.accuracy,
        "precision": counts.precision,
        "recall": counts.recall,
        "f1": counts.f1,
        "roc_auc": roc_auc(labels, probabilities),
        "brier": brier(labels, probabilities),
        "log_loss": log_loss(labels, probabilities),
        "confusion": {
            "reliable": {"predicted_reliable": counts.true_positive, "predicted_unreliable": counts.false_negative},
            "unreliable": {"predicted_reliable": counts.false_positive, "predicted_unreliable": counts.true_negative},
        },
        "calibration": calibration_table(labels, probabilities),
        "expected_calibration_error": expected_calibration_error(labels, probabilities),
        "saturated": saturated_share(probabilities),
    }
