"""Classification metrics against small cases computed by hand."""

import math

import pytest

from scorer.evaluate.metrics import (
    CALIBRATION_BINS,
    Counts,
    binary_report,
    brier,
    calibration_table,
    count,
    log_loss,
    roc_auc,
    roc_auc_interval,
)

T, F = True, False

# (labels, scores, AUC by counting the positive-negative pairs ranked the right way, ties half)
AUC_CASES = [
    ([T, T, F, F], [0.9, 0.8, 0.2, 0.1], 1.0),
    ([T, T, F, F], [0.1, 0.2, 0.8, 0.9], 0.0),
    ([T, F, T, F], [0.9, 0.8, 0.3, 0.5], 0.5),  # 0.9 beats both, 0.3 beats neither: 2 of 4
    ([T, F, F, F], [0.5, 0.9, 0.2, 0.1], 2 / 3),
    ([T, F], [0.5, 0.5], 0.5),  # a tie counts half
    ([T, T, F], [0.7, 0.5, 0.5], 0.75),  # 1 + 0.5 of 2 pairs
    ([T, T, F, F], [0.4, 0.4, 0.4, 0.4], 0.5),
    ([F, T, F, T, F], [0.3, 0.3, 0.1, 0.6, 0.6], (0.5 + 1 + 0 + 1 + 1 + 0.5) / 6),  # positives 0.3 and 0.6 against 0.3, 0.1, 0.6
]


@pytest.mark.parametrize("labels, scores, expected", AUC_CASES)
def test_roc_auc_counts_pairs_ranked_the_right_way(labels, scores, expected):
    assert roc_auc(labels, scores) == pytest.approx(expected)


@pytest.mark.parametrize("labels, scores, expected", AUC_CASES)
def test_roc_auc_does_not_depend_on_input_order(labels, scores, expected):
    assert roc_auc(labels[::-1], scores[::-1]) == pytest.approx(expected)


@pytest.mark.parametrize("labels", [[T, T, T], [F, F], []])
def test_roc_auc_of_one_class_is_none(labels):
    assert roc_auc(labels, [0.5] * len(labels)) is None
    assert roc_auc_interval(labels, [0.5] * len(labels)) is None


def test_roc_auc_interval_is_seeded_and_brackets_the_estimate():
    labels = [T, F] * 15
    scores = [0.8 if label else 0.3 for label in labels]
    scores[0], scores[1], scores[2] = 0.25, 0.85, 0.3  # two pairs the wrong way, one tie
    low, high = roc_auc_interval(labels, scores)
    assert roc_auc_interval(labels, scores) == (low, high)
    assert 0 <= low <= roc_auc(labels, scores) <= high <= 1
    assert low < high


def test_roc_auc_interval_of_a_perfect_separation_is_a_point():
    assert roc_auc_interval([T, T, F, F], [0.9, 0.8, 0.2, 0.1]) == (1.0, 1.0)


def test_roc_auc_interval_narrows_with_a_lower_level():
    labels = [T, F] * 10
    scores = [0.6, 0.4, 0.3, 0.7] * 5
    wide = roc_auc_interval(labels, scores, level=0.95)
    narrow = roc_auc_interval(labels, scores, level=0.5)
    assert wide[0] <= narrow[0] <= narrow[1] <= wide[1]


def test_roc_auc_interval_seed_chooses_the_resamples():
    labels = [T, F] * 10
    scores = [0.6, 0.4, 0.3, 0.7, 0.5, 0.5] * 3 + [0.9, 0.1]
    runs = {roc_auc_interval(labels, scores, resamples=200, seed=seed) for seed in range(5)}
    assert len(runs) > 1


@pytest.mark.parametrize(
    "labels, probabilities, expected",
    [
        ([T, F], [0.8, 0.3], (0.2**2 + 0.3**2) / 2),
        ([T, F], [1.0, 0.0], 0.0),
        ([T, F], [0.0, 1.0], 1.0),
        ([T, T, F, F], [0.5, 0.5, 0.5, 0.5], 0.25),
    ],
)
def test_brier_is_the_mean_squared_error_of_probabilities(labels, probabilities, expected):
    assert brier(labels, probabilities) == pytest.approx(expected)


def test_log_loss_is_the_mean_negative_log_likelihood():
    assert log_loss([T, F], [0.8, 0.3]) == pytest.approx(-(math.log(0.8) + math.log(0.7)) / 2)
    assert log_loss([T, F, T, F], [0.5] * 4) == pytest.approx(math.log(2))


def test_log_loss_of_a_certain_mistake_is_large_but_finite():
    loss = log_loss([T, F], [0.0, 1.0])
    assert math.isfinite(loss) and loss == pytest.approx(-math.log(1e-12))


def test_count_precision_recall_f1_by_hand():
    counts = count([T, T, T, F, F, F, T], [T, F, F, T, F, F, T])
    assert counts == Counts(true_positive=2, false_positive=1, false_negative=2, true_negative=2)
    assert counts.precision == pytest.approx(2 / 3)
    assert counts.recall == pytest.approx(2 / 4)
    assert counts.f1 == pytest.approx(2 * (2 / 3) * (1 / 2) / (2 / 3 + 1 / 2))
    assert counts.accuracy == pytest.approx(4 / 7)
    assert counts.to_dict() == {
        "precision": counts.precision, "recall": counts.recall, "f1": counts.f1,
        "true_positive": 2, "false_positive": 1, "false_negative": 2, "true_negative": 2,
    }


def test_nothing_predicted_or_nothing_to_find_gives_zero_not_an_error():
    none_predicted = count([T, F], [F, F])
    assert (none_predicted.precision, none_predicted.recall, none_predicted.f1) == (0.0, 0.0, 0.0)
    nothing_to_find = count([F, F], [T, F])
    assert (nothing_to_find.recall, nothing_to_find.f1) == (0.0, 0.0)
    assert count([], []).accuracy == 0.0


# Reliable (True) documents at 0.9, 0.6, 0.4; unreliable at 0.55, 0.05, 0.5.
LABELS = [T, T, T, F, F, F]
PROBABILITIES = [0.9, 0.6, 0.4, 0.55, 0.05, 0.5]


def test_binary_report_confusion_matrix_by_hand():
    report = binary_report(LABELS, PROBABILITIES)
    # At threshold 0.5 (inclusive): reliable 0.9, 0.6 right and 0.4 wrong; unreliable 0.55, 0.5 wrong and 0.05 right.
    assert report["confusion"] == {
        "reliable": {"predicted_reliable": 2, "predicted_unreliable": 1},
        "unreliable": {"predicted_reliable": 2, "predicted_unreliable": 1},
    }
    assert (report["documents"], report["reliable"], report["unreliable"], report["threshold"]) == (6, 3, 3, 0.5)
    assert report["accuracy"] == pytest.approx(3 / 6)
    assert report["precision"] == pytest.approx(2 / 4)
    assert report["recall"] == pytest.approx(2 / 3)
    assert report["f1"] == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    # Pairs: 0.9 beats 3, 0.6 beats 3, 0.4 beats 1 (0.05): 7 of 9.
    assert report["roc_auc"] == pytest.approx(7 / 9)
    assert report["brier"] == pytest.approx(brier(LABELS, PROBABILITIES))
    assert report["log_loss"] == pytest.approx(log_loss(LABELS, PROBABILITIES))


def test_binary_report_threshold_moves_the_predictions():
    report = binary_report(LABELS, PROBABILITIES, threshold=0.58)
    assert report["confusion"]["unreliable"] == {"predicted_reliable": 0, "predicted_unreliable": 3}
    assert report["confusion"]["reliable"] == {"predicted_reliable": 2, "predicted_unreliable": 1}


def test_calibration_bins_by_hand():
    table = binary_report(LABELS, PROBABILITIES)["calibration"]
    assert [row["bin"] for row in table] == [f"{i / 10:.1f}-{(i + 1) / 10:.1f}" for i in range(CALIBRATION_BINS)]
    assert [row["count"] for row in table] == [1, 0, 0, 0, 1, 2, 1, 0, 0, 1]
    middle = table[5]  # 0.55 (unreliable) and 0.5 (unreliable)
    assert middle["mean_predicted"] == pytest.approx(0.525) and middle["observed"] == 0.0
    assert table[9] == {"bin": "0.9-1.0", "count": 1, "mean_predicted": 0.9, "observed": 1.0}
    assert table[1] == {"bin": "0.1-0.2", "count": 0, "mean_predicted": None, "observed": None}


def test_calibration_puts_a_probability_of_one_in_the_last_bin_and_loses_nothing():
    probabilities = [0.0, 0.1, 0.2, 0.3, 0.7, 0.99, 1.0]
    table = calibration_table([T] * len(probabilities), probabilities)
    assert sum(row["count"] for row in table) == len(probabilities)
    assert table[-1]["count"] == 2 and table[0]["count"] == 1
