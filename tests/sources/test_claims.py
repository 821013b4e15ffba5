"""Claims that rest on no one (sources/claims.py): precise rather than complete."""

import pytest

CASES = [
    ("The council approved the budget on Tuesday.", [True]),
    ("The council approved the budget on Tuesday, the mayor said.", [False]),  # sourced
    ("Prices could rise by 5% next year.", [False]),  # a forecast, not a fact
    ("What happened on Tuesday?", [False]),  # a question
    ("Council approves budget on Tuesday", [False]),  # a headline
    ("We counted 40 trucks on Monday.", [False]),  # the outlet's own reporting
    ("The situation remains tense.", [False]),  # nothing specific to check
    ("Police said a man was arrested. He was held on Monday at a station in Leeds.", [False, False]),  # in reach
    ('"We lost 12 homes on Friday," she said.', [False]),  # a quotation with its speaker
    ("The civil war erupted in 2011. Fighting has killed more than 300,000 people.", [True, True]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_unsourced_claims(analyzer, text, expected):
    assert analyzer.analyse(text).unsourced == expected


def test_the_seed_flags_its_unsourced_background(analyzer, seed_text):
    analysis = analyzer.analyse(seed_text)
    flagged = [seed_text[s.start : s.end] for s, flag in zip(analysis.segments, analysis.unsourced) if flag]
    assert any("since the civil war erupted in 2011" in sentence for sentence in flagged)
