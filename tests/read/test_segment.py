import codecs

import pytest

from scorer.errors import InputError
from scorer.cues.lexicon import load_lexicon
from scorer.read.decode import decode_bytes, read_document
from scorer.read.segment import segment

TEXT = "Caf\u00e9 \u201cquotes\u201d \u2014 na\u00efve\nsecond line\n"


@pytest.fixture(scope="module")
def abbreviations():
    return load_lexicon().abbreviations


def sentences(text, abbreviations):
    return [text[s.start : s.end] for s in segment(text, abbreviations)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. Army said so. Then it left.", ["The U.S. Army said so.", "Then it left."]),
        ("Dr. Chen and Gen. Ali met on Jan. 5 at 9 a.m. in Geneva.", None),
        ("J. K. Rowling wrote it. It sold well.", ["J. K. Rowling wrote it.", "It sold well."]),
        ("Sales rose to $2.3 million, or 1.3m units. The score was 4:2.", ["Sales rose to $2.3 million, or 1.3m units.", "The score was 4:2."]),
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
        ("It ended (finally.) Next came more.", ["It ended (finally.)", "Next came more."]),
        ("Is it true? Nobody knows! Maybe.", ["Is it true?", "Nobody knows!", "Maybe."]),
        ("They moved to the U.S. The move was hard.", ["They moved to the U.S.", "The move was hard."]),
        ("Acme Inc. said profits rose.", None),
        ("Really?! Yes.\tNo!!! \u201cWhy?\u201d Wait\u2026 Then.", ["Really?!", "Yes.", "No!!!", "\u201cWhy?\u201d", "Wait\u2026", "Then."]),
        ("He waited..! Nothing came.", ["He waited..!", "Nothing came."]),
    ],
)
def test_sentence_boundaries(abbreviations, text, expected):
    assert sentences(text, abbreviations) == (expected or [text])


def test_a_token_judged_once_is_judged_the_same_in_a_new_context(abbreviations):
    # The decision about a word before a full stop is memoised; what follows it still counts.
    assert sentences("They moved to the U.S. The move was hard.", abbreviations) == ["They moved to the U.S.", "The move was hard."]
    assert sentences("They moved to the U.S. Army base.", abbreviations) == ["They moved to the U.S. Army base."]
    assert sentences("1. It rose. No. 5 fell.", abbreviations) == ["1. It rose.", "No. 5 fell."]
    assert sentences("We won 1. No. It rose.", abbreviations) == ["We won 1.", "No.", "It rose."]


def test_numbered_list_items_and_headlines_are_segments_of_their_own(abbreviations):
    text = (
        "Headline Without A Full Stop\n\nBody sentence one. Body two.\n\n"
        "  1. Military Strain: attacks may have stretched it.\n\n  2. Realignment: could be.\nClose Menu"
    )
    got = segment(text, abbreviations)
    assert [text[s.start : s.end] for s in got] == [
        "Headline Without A Full Stop",
        "Body sentence one.",
        "Body two.",
        "1. Military Strain: attacks may have stretched it.",
        "2. Realignment: could be.",
        "Close Menu",
    ]
    assert [s.whole_line for s in got] == [True, False, False, True, True, True]
    assert [s.paragraph for s in got] == [0, 1, 1, 2, 3, 3]


def test_hard_wrapped_prose_is_joined(abbreviations):
    text = "The defence ministry said on Tuesday that its forces had pulled back from two\nvillages near the border. It gave no figures."
    assert sentences(text, abbreviations) == [
        "The defence ministry said on Tuesday that its forces had pulled back from two\nvillages near the border.",
        "It gave no figures.",
    ]


def test_offsets_frame_the_words(abbreviations):
    text = "   Leading spaces.   \n\n\tTabbed line here.  "
    for s in segment(text, abbreviations):
        span = text[s.start : s.end]
        assert span == span.strip() and span


def test_short_lines_after_a_headline_stay_apart(abbreviations):
    text = "Council votes to seek legal advice\n\nBy Raj Sandhu\nThursday 7 March\n\nBody starts here."
    assert sentences(text, abbreviations) == [
        "Council votes to seek legal advice",
        "By Raj Sandhu",
        "Thursday 7 March",
        "Body starts here.",
    ]


