"""The cue features as a scikit-learn transformer: texts in, one row of article features out.

This is the scikit-learn face of features.py, for people who want the features inside their own
pipelines (``make_pipeline(CueFeatures(), LogisticRegression())``). The scorer itself does not use
it at scoring time, so that scoring never imports scikit-learn.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from ..api import Analyzer
from ..model.features import FEATURE_NAMES, article_features


class CueFeatures(TransformerMixin, BaseEstimator):
    """Transform article texts into the scorer's named article features.

    Parameters
    ----------
    lexicons : str or None
        Lexicon folder; None uses the built-in lexicons.
    """

    def __init__(self, lexicons: str | None = None):
        self.lexicons = lexicons

    def fit(self, X, y=None):
        analyzer = Analyzer(self.lexicons)
        self.lexicon_digest_ = analyzer.lexicon.digest
        self.feature_names_out_ = np.array(FEATURE_NAMES, dtype=object)
        self.n_features_out_ = len(FEATURE_NAMES)
        self._analyzer = analyzer
        return self

    def transform(self, X):
        check_is_fitted(self, "feature_names_out_")
        if isinstance(X, str):
            raise ValueError("CueFeatures.transform expects an iterable of texts, not one string")
        analyzer = getattr(self, "_analyzer", None) or Analyzer(self.lexicons)
        rows = [article_features(analyzer.analyse(str(text)).rows) for text in X]
        return np.asarray(rows, dtype=float).reshape(len(rows), len(FEATURE_NAMES))

    def get_feature_names_out(self, input_features=None):
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags
