"""Arbitrary text never crashes the scorer; scores stay in range; the explanation identity holds."""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorer.read.decode import decode_bytes, normalise_line_ends

WORDS = st.sampled_from(
    ["said", "sources", "may", "May", "reportedly", "Chen", "the", "U.S.", "Dr.", "\u201c", "\u201d", '"', ",", ".",
     "!", "?", "\n", "\n\n", "  ", "Ad Code", "0 Comments", "according to", "officials", "1.", "$2.3", "\u0130", "\t"]
)
TEXTS = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=80).map(" ".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXTS)
def test_any_text_scores_in_range_or_errors_and_explains_itself(scorer, text):
    record = scorer.score_text(text).to_dict()
    if record["error"]:
        # Empty text, or text the language check takes for another language (read/language.py).
        assert not text.strip() or record["error"].startswith("text: not English (detected ")
        return
    assert 0 <= record["score"] <= 100
    parts = record["baseline"] + sum(record["article_terms"].values()) + sum(s["contribution"] for s in record["sentences"])
    assert math.isclose(parts, record["logit"], abs_tol=1e-6)
    assert all(s["contribution"] == 0 for s in record["sentences"] if not s["cues"])
    text = normalise_line_ends(text)  # what offsets index, as for a file (README)
    for sentence in record["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        for cue in sentence["cues"]:
            assert sentence["start"] <= cue["start"] < cue["end"] <= sentence["end"]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_are_refused_as_binary(data):
    from scorer.errors import InputError

    try:
        text = decode_bytes(data, "x")
    except InputError as error:
        assert str(error).startswith("x: binary file")
    else:
        assert isinstance(text, str) and "\r" not in text
