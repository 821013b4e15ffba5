"""Many literal phrases as one regular expression: it matches exactly those phrases, longest first."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorer.cues.trie import trie_pattern

PHRASES = ["say", "said", "says", "sources", "sources say", "may", "may be", "u.s.", "according to", "breaking:", "a", "(ap)", "co-op"]


@pytest.fixture(scope="module")
def exact():
    return re.compile(trie_pattern(PHRASES))


@pytest.fixture(scope="module")
def guarded():
    """As the cue matcher uses it: after a space, and not followed by a word character."""
    return re.compile(" " + trie_pattern(PHRASES) + r"(?!\w)")


@pytest.mark.parametrize("phrase", PHRASES)
def test_every_phrase_is_matched_whole(exact, phrase):
    assert exact.fullmatch(phrase)


@pytest.mark.parametrize("text", ["", "s", "sa", "sai", "saidx", "source", "sources sa", "ma", "may b", "uxsx", "u.s", "breaking", "ap", "(ap", "coop", "according", "b"])
def test_nothing_but_the_phrases_is_matched(exact, text):
    assert exact.fullmatch(text) is None


def test_the_pattern_has_no_groups():
    assert re.compile(trie_pattern(PHRASES)).groups == 0


@pytest.mark.parametrize(
    "text, found",
    [
        ("sources say", "sources say"),  # the longest phrase at a start wins
        ("sources sail", "sources"),  # "sources say" fails; "sources" is the fallback
        ("said", "said"),
        ("says", "says"),
        ("may be", "may be"),
        ("may bee", "may be"),  # unguarded, a phrase may end inside a word
    ],
)
def test_longest_phrase_first_at_each_start(exact, text, found):
    assert exact.match(text).group() == found


@pytest.mark.parametrize(
    "text, found",
    [
        (" sources say so", [" sources say"]),
        (" sources sayings", [" sources"]),  # no partial word: "say" of "sayings" is not a phrase
        (" sayings", []),
        (" mayor said", [" said"]),
        (" may bees", [" may"]),  # the shorter phrase where the longer one would end inside a word
        (" a u.s. co-op", [" a", " u.s.", " co-op"]),
        (" breaking: (ap) a", [" breaking:", " (ap)", " a"]),
        (" according to", [" according to"]),
        (" according totals", []),
    ],
)
def test_with_a_word_end_guard_no_phrase_ends_inside_a_word(guarded, text, found):
    assert [match.group() for match in guarded.finditer(text)] == found


def test_no_phrases_is_refused():
    with pytest.raises(ValueError, match="no phrases"):
        trie_pattern([])


@pytest.mark.parametrize("phrases", [[""], ["say", ""], ["", "a", "b"]])
def test_the_empty_phrase_is_refused(phrases):
    with pytest.raises(ValueError, match="empty string"):
        trie_pattern(phrases)


def test_duplicates_and_order_do_not_change_what_is_matched():
    assert trie_pattern(["b", "a", "ab"]) == trie_pattern(["ab", "a", "b", "a"])


ALPHABET = "ab .'-"


@settings(max_examples=200, deadline=None)
@given(
    phrases=st.lists(st.text(ALPHABET, min_size=1, max_size=5), min_size=1, max_size=12),
    probes=st.lists(st.text(ALPHABET, max_size=6), max_size=20),
)
def test_the_pattern_matches_exactly_the_phrase_set(phrases, probes):
    pattern = re.compile(trie_pattern(phrases))
    for text in set(phrases) | set(probes):
        assert bool(pattern.fullmatch(text)) == (text in phrases), text
        match = pattern.match(text)
        longest = max((p for p in phrases if text.startswith(p)), key=len, default=None)
        assert (match.group() if match else None) == longest, text
