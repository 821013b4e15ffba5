"""Cues -> sentence rows -> the article vector: shares and saturating article terms (model/features.py)."""

import math

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from scorer.model.features import (
    DETAILS_SCALE,
    FEATURE_NAMES,
    FEATURES,
    LENGTH_SCALE,
    NAMED_SOURCES_SCALE,
    SHARE,
    article_features,
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
    assert vector["details"] == pytest.approx(1 - math.exp(-sum(row.details for row in rows) / DETAILS_SCALE))


def test_article_terms_never_pass_their_ceiling():
    for scale in (NAMED_SOURCES_SCALE, DETAILS_SCALE, LENGTH_SCALE):
        assert saturating(0, scale) == 0
        assert saturating(10**9, scale) <= 1
        assert saturating(scale, scale) == pytest.approx(1 - math.exp(-1))


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
