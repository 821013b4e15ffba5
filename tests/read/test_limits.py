"""Size limits on what is read, and line ends: offsets mean the same whatever line ends a text has."""

import io

import pytest

import scorer
from scorer.errors import InputError
from scorer.read.decode import MAX_DOCUMENT_BYTES, normalise_line_ends, read_document, read_limited

from ..conftest import FIXTURES

WIRE = FIXTURES / "wire-iran-syria.txt"


@pytest.mark.parametrize("size", [0, 1, 99, 100])
def test_read_limited_returns_everything_up_to_the_limit(size):
    data = bytes(range(256)) * 2
    assert read_limited(io.BytesIO(data[:size]), "input", limit=100) == data[:size]


@pytest.mark.parametrize("size", [101, 5000])
def test_read_limited_refuses_more_than_the_limit_naming_the_input(size):
    with pytest.raises(InputError, match="^big.txt: more than"):
        read_limited(io.BytesIO(b"a" * size), "big.txt", limit=100)


def test_the_refusal_is_one_line_giving_the_limit():
    with pytest.raises(InputError, match=r"^standard input: more than the 1 MiB an article may be$"):
        read_limited(io.BytesIO(b"a" * (2**20 + 1)), "standard input", limit=2**20)


def test_read_limited_reads_no_more_than_one_byte_past_the_limit():
    stream = io.BytesIO(b"a" * 1000)
    with pytest.raises(InputError):
        read_limited(stream, "input", limit=10)
    assert stream.tell() == 11


def test_read_limited_default_is_the_article_limit_as_it_stands(monkeypatch):
    from scorer.read import decode

    assert MAX_DOCUMENT_BYTES == 50 * 1024 * 1024
    assert len(read_limited(io.BytesIO(b"x" * 1000), "input")) == 1000
    monkeypatch.setattr(decode, "MAX_DOCUMENT_BYTES", 100)  # read when called, not when defined
    with pytest.raises(InputError):
        read_limited(io.BytesIO(b"x" * 1000), "input")


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:  # sparse: the size is there without the bytes
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(InputError, match=r"^.*huge\.txt: file is 52 MB, larger than the 50 MiB an article may be$"):
        read_document(big)


def test_a_file_at_the_limit_is_read(tmp_path, monkeypatch):
    import scorer.read.decode as decode

    monkeypatch.setattr(decode, "MAX_DOCUMENT_BYTES", 64)
    exact = tmp_path / "exact.txt"
    exact.write_bytes(b"a" * 64)
    assert read_document(exact) == "a" * 64
    over = tmp_path / "over.txt"
    over.write_bytes(b"a" * 65)
    with pytest.raises(InputError, match="over.txt: file is"):
        read_document(over)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("one\r\ntwo\r\n", "one\ntwo\n"),
        ("one\rtwo\r", "one\ntwo\n"),
        ("one\r\rtwo", "one\n\ntwo"),
        ("one\r\n\r\ntwo", "one\n\ntwo"),
        ("one\n\rtwo", "one\n\ntwo"),
        ("mixed\r\nold\rnew\n", "mixed\nold\nnew\n"),
        ("\r", "\n"),
        ("no breaks", "no breaks"),
        ("", ""),
    ],
)
def test_normalise_line_ends(text, expected):
    assert normalise_line_ends(text) == expected


def test_normalising_twice_changes_nothing():
    text = "a\r\nb\rc\n\r\n"
    assert normalise_line_ends(normalise_line_ends(text)) == normalise_line_ends(text)


def analysis_summary(analysis):
    return (
        analysis.text,
        [tuple(segment) for segment in analysis.segments],
        [tuple(cue) for cue in analysis.cues],
        analysis.rows,
    )


@pytest.mark.parametrize("line_end", ["\r", "\r\n"])
def test_analysis_of_text_with_other_line_ends_matches_the_line_feed_version(analyzer, line_end):
    text = WIRE.read_text(encoding="utf-8")
    assert "\n\n" in text and "\r" not in text
    other = text.replace("\n", line_end)
    expected = analysis_summary(analyzer.analyse(text))
    assert analysis_summary(analyzer.analyse(other)) == expected
    assert len(expected[1]) > 10 and expected[2]


def test_score_text_with_bare_carriage_returns_gives_the_same_record():
    text = WIRE.read_text(encoding="utf-8")
    expected = scorer.score_text(text).to_dict()
    assert scorer.score_text(text.replace("\n", "\r")).to_dict() == expected
    for sentence in expected["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]


def test_a_file_with_bare_carriage_returns_scores_like_the_text(tmp_path):
    text = WIRE.read_text(encoding="utf-8")
    old_mac = tmp_path / "old-mac.txt"
    old_mac.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    from_file = scorer.score_file(old_mac).to_dict()
    from_text = scorer.score_text(text).to_dict()
    assert from_file["sentences"] == from_text["sentences"] and from_file["score"] == from_text["score"]
