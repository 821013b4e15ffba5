from scorer.evaluate.articles import evaluate_sentences, uncertainty_rules


def write_labelled(tmp_path):
    path = tmp_path / "weasel.csv"
    path.write_text(
        "text,label\n"
        '"Prices might rise.",1\n'
        '"Prices might fall.",0\n'
        '"The council met on Tuesday.",0\n'
        '"Some say the mayor knew.",1\n',
        encoding="utf-8",
    )
    return path


def test_uncertainty_rules_report_how_often_annotators_agree(tmp_path):
    rows = {row["rule"]: row for row in uncertainty_rules(write_labelled(tmp_path))}
    assert rows["speculative_modal.might"] == {"rule": "speculative_modal.might", "sentences": 2, "labelled_uncertain": 0.5}
    assert rows["anonymous_source.some_say"]["labelled_uncertain"] == 1.0
    assert set(rows) == {"speculative_modal.might", "anonymous_source.some_say"}


def test_binary_sentence_file_is_scored_on_uncertainty(tmp_path):
    uncertain = evaluate_sentences(write_labelled(tmp_path))["types"]["uncertain"]
    assert (uncertain["precision"], uncertain["recall"], uncertain["support"]) == (2 / 3, 1.0, 2)


def test_reference_threshold_is_the_f1_best_one():
    import numpy as np

    from tools.reference import _best_threshold

    gold = [True, True, False, False, True]
    probability = np.array([0.9, 0.35, 0.3, 0.12, 0.5])
    best = _best_threshold(gold, probability)
    # Above 0.30 and up to 0.35, all three uncertain sentences are found and no other: F1 1.0.
    assert best["f1"] == 1.0 and 0.30 < best["threshold"] <= 0.35


def test_roc_auc_interval_brackets_the_estimate_and_narrows_with_data():
    from scorer.evaluate.metrics import roc_auc, roc_auc_interval

    labels = [True, False] * 20
    scores = [0.9 if label else 0.1 for label in labels]
    scores[0], scores[1] = 0.2, 0.8  # one pair ranked the wrong way
    low, high = roc_auc_interval(labels, scores)
    assert low <= roc_auc(labels, scores) <= high
    assert roc_auc_interval(labels, scores) == (low, high)  # seeded: the page is reproducible
    wide = roc_auc_interval(labels[:10], scores[:10])
    assert wide[1] - wide[0] >= high - low
    assert roc_auc_interval([True, True], [0.1, 0.2]) is None


def test_feature_separation_says_which_way_each_feature_runs(tmp_path):
    from scorer.evaluate.articles import feature_separation

    for label, text in (
        ("real", "The ministry said in a statement that the bridge would reopen on Monday. Chen told reporters the repairs were done."),
        ("real", "Police said two people were arrested. The council confirmed the closure, according to a notice published on Friday."),
        ("fake", "Reports have emerged that the bridge may collapse. Some say officials could be hiding the truth!"),
        ("fake", "Insiders claim the dam might fail. It is believed the mayor knew, sources said."),
    ):
        folder = tmp_path / label
        folder.mkdir(exist_ok=True)
        (folder / f"{len(list(folder.iterdir()))}.txt").write_text(text, encoding="utf-8")
    rows = {row["feature"]: row["roc_auc"] for row in feature_separation(tmp_path, "real")}
    assert rows["named.share"] == 1.0  # only the reliable articles name their sources
    assert rows["vague.share"] == 0.0  # only the unreliable ones rest on vague sources
