"""The report for people: score and band, reasons, the sentences that moved the score, cues marked."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorer.cues.types import CUE_TYPES
from scorer.report.text import TAGS, highlight, render_text

ANSI = re.compile(r"\x1b\[[0-9;]*m")

TEXT = "Officials said the bridge may close. Chen told reporters it would not. The river rose."


def sentence(index, start, end, contribution, cues=()):
    return {
        "index": index,
        "text": TEXT[start:end],
        "start": start,
        "end": end,
        "paragraph": 0,
        "cues": [
            {"type": cue_type, "rule": f"{cue_type}.x", "text": TEXT[a:b], "start": a, "end": b, "source": None}
            for cue_type, a, b in cues
        ],
        "contribution": contribution,
        "unsourced_claim": False,
    }


def span(text, part, after=0):
    begin = text.index(part, after)
    return begin, begin + len(part)


SENTENCES = [
    sentence(0, 0, 36, -0.4, [("anonymous_source", *span(TEXT, "Officials said")), ("speculative_modal", *span(TEXT, "may"))]),
    sentence(1, 37, 70, 0.9, [("attribution", *span(TEXT, "Chen told reporters"))]),
    sentence(2, 71, 86, 0.0),  # no cue, so no contribution
]


def record(**changes) -> dict:
    base = {
        "schema": "2",
        "path": "news/bridge.txt",
        "model": "reliability-abc123",
        "score": 57.3,
        "label": "mixed",
        "logit": 0.7,
        "baseline": 0.1,
        "article_terms": {"length": 0.1},
        "words": 15,
        "counts": dict(dict.fromkeys(CUE_TYPES, 0), attribution=1, anonymous_source=1, speculative_modal=1),
        "features": {},
        "reasons": [
            {"feature": "attribution.share", "value": 0.33, "average": 0.2, "contribution": 0.61, "text": "33% of sentences name a source"},
            {"feature": "anonymous_source.share", "value": 0.33, "average": 0.1, "contribution": -0.25, "text": "33% of sentences lean on a vague source"},
        ],
        "sentences": SENTENCES,
        "sources": [],
        "error": None,
    }
    return base | changes


def test_report_shows_path_score_band_words_and_model():
    report = render_text(record())
    lines = report.splitlines()
    assert lines[0] == "news/bridge.txt"
    assert lines[1] == "  Score 57.3 / 100  mixed sourcing   (15 words, 3 sentences, model reliability-abc123)"
    assert "  Cues: 1 source, 1 anon, 1 modal" in lines
    assert report.endswith("\n")


@pytest.mark.parametrize("label, shown", [("poorly_sourced", "poorly sourced"), ("mixed", "mixed sourcing"), ("well_sourced", "well sourced")])
def test_every_band_has_its_name(label, shown):
    assert f"/ 100  {shown}   (" in render_text(record(label=label))


def test_reasons_are_listed_with_their_sign_and_contribution():
    report = render_text(record())
    assert "  What weighed most:" in report
    assert "    + 33% of sentences name a source (+0.61)" in report
    assert "    - 33% of sentences lean on a vague source (-0.25)" in report


def test_no_reasons_and_no_cues_are_said_plainly():
    report = render_text(record(reasons=[], counts=dict.fromkeys(CUE_TYPES, 0)))
    assert "What weighed most" not in report
    assert "  Cues: none" in report


def test_all_shows_every_sentence_in_order_with_its_contribution():
    report = render_text(record(), top=None)
    assert "Sentence by sentence (contribution to the logit):" in report
    rows = re.findall(r"^\s+([+-]?\d+\.\d\d)  #(\d+)\s", report, re.M)
    assert rows == [("-0.40", "0"), ("+0.90", "1"), ("+0.00", "2")]


def test_top_shows_the_sentences_that_moved_the_score_most_largest_first():
    report = render_text(record(), top=2)
    assert "The 2 sentences that moved the score most, largest first (of 3; --all shows every one in order):" in report
    assert re.findall(r"  #(\d+)", report) == ["1", "0"]
    assert "The river rose." not in report  # it moved nothing


def test_how_the_score_is_made_adds_up():
    assert "baseline +0.10 (an article with no cues), length +0.10, sentences +0.50: logit +0.70" in render_text(record())


def test_cues_are_marked_with_tags_and_the_key_is_shown_when_not_coloured():
    report = render_text(record(), colour=False)
    assert "[ANON Officials said] the bridge [MODAL may] close." in report
    assert "[SOURCE Chen told reporters] it would not." in report
    key = [line for line in report.splitlines() if line.startswith("  Key: ")]
    assert len(key) == 1 and all(f"[{tag} ...]" in key[0] for tag, _ in TAGS.values())
    assert set(TAGS) == set(CUE_TYPES)
    assert "\x1b[" not in report


def test_coloured_report_has_a_colour_key_and_reads_the_same_without_colour_codes():
    report = render_text(record(), colour=True)
    key = [line for line in report.splitlines() if line.startswith("  Key: ")]
    assert len(key) == 1 and all(f"\x1b[1;{code}m" in key[0] for _, code in TAGS.values())
    plain = ANSI.sub("", report)
    assert "Officials said the bridge may close." in plain
    assert "Score 57" in plain and "mixed sourcing" in plain


def test_long_sentences_are_wrapped_without_losing_words():
    words = " ".join(f"word{index}" for index in range(60)) + "."
    long_record = record(sentences=[{"index": 0, "text": words, "start": 0, "end": len(words), "paragraph": 0, "cues": [], "contribution": 0.1}])
    body = render_text(long_record, top=None).split("(contribution to the logit):\n", 1)[1].split("  Key:")[0]
    lines = body.splitlines()
    assert len(lines) > 2 and all(line.startswith(" " * 14) and len(line) <= 100 for line in lines[1:])
    assert body.split()[2:] == words.split()


def test_an_error_record_is_one_line_naming_the_file():
    error = {"path": "blob.bin", "error": "blob.bin: binary file (contains NUL bytes), not a text article"}
    assert render_text(error) == "blob.bin: error: blob.bin: binary file (contains NUL bytes), not a text article\n"
    assert render_text(error, colour=True) == "\x1b[31mblob.bin: error: blob.bin: binary file (contains NUL bytes), not a text article\x1b[0m\n"
    assert render_text({"path": None, "error": "no text"}).startswith("<text>: error: no text")


def test_highlight_marks_each_cue_with_its_tag_and_text():
    text = "Reportedly, sources said prices may rise."
    item = {"text": text, "start": 100, "cues": [
        {"type": "hedge", "start": 100, "end": 110},
        {"type": "anonymous_source", "start": 112, "end": 124},
        {"type": "speculative_modal", "start": 132, "end": 135},
    ]}
    assert highlight(item, colour=False) == "[HEDGE Reportedly], [ANON sources said] prices [MODAL may] rise."
    assert highlight(item, colour=True) == (
        "\x1b[1;33mReportedly\x1b[0m, \x1b[1;31msources said\x1b[0m prices \x1b[1;35mmay\x1b[0m rise."
    )


def test_highlight_of_an_unknown_type_uses_the_type_in_capitals():
    item = {"text": "abc def", "start": 0, "cues": [{"type": "novel", "start": 4, "end": 7}]}
    assert highlight(item, colour=False) == "abc [NOVEL def]"


def test_highlight_without_cues_is_the_text():
    assert highlight({"text": "Nothing here.", "start": 5, "cues": []}, colour=False) == "Nothing here."


CUES = st.lists(st.tuples(st.sampled_from(CUE_TYPES), st.integers(0, 40), st.integers(1, 10)), max_size=6)


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.characters(blacklist_characters="[]\x1b"), min_size=1, max_size=40), offset=st.integers(0, 1000), raw=CUES)
def test_highlight_never_loses_or_repeats_text(text, offset, raw):
    cues = sorted(
        ({"type": t, "start": offset + min(a, len(text)), "end": offset + min(a + n, len(text))} for t, a, n in raw),
        key=lambda cue: cue["start"],
    )
    item = {"text": text, "start": offset, "cues": cues}
    assert ANSI.sub("", highlight(item, colour=True)) == text
    assert re.sub(r"\[[A-Z_]+ ", "", highlight(item, colour=False)).replace("]", "") == text
