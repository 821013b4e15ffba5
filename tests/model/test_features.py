"""Cues -> sentence rows -> the article vector: shares, capped rates and saturating length (model/features.py)."""

import math

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from scorer.model.features import (
    DETAILS_CAP,
    FEATURE_NAMES,
    FEATURES,
    LENGTH_SCALE,
    NAMED_SOURCES_CAP,
    SHARE,
    article_features,
    per_hundred_words,
    saturating,
)
from scorer.train.transformer import CueFeatures


def test_shares_are_the_share_of_sentences_and_article_terms_saturate(analyzer, seed_text):
    rows = analyzer.analyse(seed_text).rows
    vector = dict(zip(FEATURE_NAMES, article_features(rows)))
    groups = {}  # a sentence's text seen again counts once, with the cues of all its copies
    for row in rows:
        groups[row.group] = [max(a, b) for a, b in zip(groups.get(row.group, row.values), row.values)]
    for j, feature in enumerate(FEATURES):
        if feature.kind == SHARE:
            assert vector[feature.name] == pytest.approx(sum(values[j] for values in groups.values()) / len(groups))
            assert 0 <= vector[feature.name] <= 1
    assert vector["named_sources"] == 0  # the seed names no one
    assert vector["vague.share"] > 0 and vector["conjecture.share"] > 0
    words = sum(row.words for row in rows if not row.repeated)
    assert vector["length"] == pytest.approx(1 - math.exp(-words / LENGTH_SCALE))
    details = sum(row.details for row in rows)
    assert details > 0
    assert vector["details"] == pytest.approx(min(100 * details / words, DETAILS_CAP) / DETAILS_CAP)


def test_article_terms_never_pass_their_ceiling():
    assert saturating(0, LENGTH_SCALE) == 0
    assert saturating(10**9, LENGTH_SCALE) <= 1
    assert saturating(LENGTH_SCALE, LENGTH_SCALE) == pytest.approx(1 - math.exp(-1))
    for cap in (NAMED_SOURCES_CAP, DETAILS_CAP):
        assert per_hundred_words(0, 500, cap) == 0
        assert per_hundred_words(10**9, 500, cap) == 1  # capped
        assert per_hundred_words(cap, 100, cap) == 1
        assert per_hundred_words(cap / 2, 100, cap) == pytest.approx(0.5)
        assert per_hundred_words(3, 0, cap) == 0  # no text, no rate


def test_named_sources_are_a_rate_of_distinct_text(analyzer):
    one = "Mayor Ana Ruiz said the bridge would reopen on Monday. The council voted 7 to 2 to fund it."
    vector = dict(zip(FEATURE_NAMES, article_features(analyzer.analyse(one).rows)))
    words = len(one.split())
    assert vector["named_sources"] == pytest.approx(min(100 / words, NAMED_SOURCES_CAP) / NAMED_SOURCES_CAP)


def test_an_article_repeated_has_the_same_features(analyzer, seed_text):
    once = article_features(analyzer.analyse(seed_text).rows)
    for times in (2, 7):
        repeated = article_features(analyzer.analyse("\n\n".join([seed_text] * times)).rows)
        assert repeated == pytest.approx(once, abs=0.02)


def test_speculation_with_a_source_is_attributed_and_without_one_is_conjecture(analyzer):
    vector = dict(zip(FEATURE_NAMES, article_features(analyzer.analyse(
        "The ministry said talks could resume. This could mark a turning point."
    ).rows)))
    assert vector["attributed_speculation.share"] == 0.5 and vector["conjecture.share"] == 0.5


def test_transformer_follows_the_scikit_learn_contract(seed_text):
    transformer = CueFeatures()
    with pytest.raises(NotFittedError):
        transformer.transform([seed_text])
    fitted = clone(transformer).fit([seed_text])
    matrix = fitted.transform([seed_text, "Officials said it may rain."])
    assert matrix.shape == (2, len(FEATURE_NAMES))
    assert list(fitted.get_feature_names_out()) == list(FEATURE_NAMES)
    assert transformer.get_params() == {"lexicons": None}
    assert np.array_equal(fitted.fit_transform([seed_text]), fitted.transform([seed_text]))
