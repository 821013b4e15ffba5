"""Reference points for the sentence-level uncertainty task, so our detector's F1 can be read in context.

- a plain word list: a sentence is uncertain when it contains one of a handful of common hedge and
  weasel words (the kind of baseline the issue quotes at about 0.54);
- a supervised model: TF-IDF unigrams and bigrams with logistic regression, trained *on the
  evaluation sentences themselves* with 5-fold cross-validation. It sees the labels our detector
  never sees, so it is an optimistic reference, not a competitor.
"""

from __future__ import annotations

import re

from .corpus import UNCERTAIN, load_sentences
from .metrics import count

# A plain word list of the kind the issue describes; deliberately not our lexicons.
PLAIN_WORDS = frozenset(
    "may might could possibly probably perhaps likely unlikely apparently reportedly allegedly "
    "some many several various believed suggest suggests suggested seems seem appears".split()
)
_WORD = re.compile(r"[a-z]+")


def plain_word_list(path) -> dict:
    sentences = load_sentences(path)
    gold = [UNCERTAIN in s.types for s in sentences]
    predicted = [bool(PLAIN_WORDS & set(_WORD.findall(s.text.lower()))) for s in sentences]
    return count(gold, predicted).to_dict()


def supervised_cross_validated(path) -> dict:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    sentences = load_sentences(path)
    texts = [s.text for s in sentences]
    gold = np.array([UNCERTAIN in s.types for s in sentences], dtype=int)
    matrix = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit_transform(texts)
    classifier = LogisticRegression(C=3, max_iter=3000, class_weight="balanced")
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    predicted = cross_val_predict(classifier, matrix, gold, cv=folds)
    return count([bool(g) for g in gold], [bool(p) for p in predicted]).to_dict()
