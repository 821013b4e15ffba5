import shutil
from pathlib import Path

import pytest

from scorer.errors import LexiconError
from scorer.cues.lexicon import CUE_TYPES, default_location, load_lexicon


@pytest.fixture()
def lexicon_copy(tmp_path) -> Path:
    target = tmp_path / "lexicons"
    shutil.copytree(default_location(), target)
    return target


def test_builtin_lexicons_load_and_cover_every_cue_type():
    lexicon = load_lexicon()
    types = {rule.type for rule in lexicon.phrases.values()}
    # attribution and anonymous_source also come from the source resolver, specificity and tone from
    # the detail finder (cues/details.py); all others from phrases
    assert set(CUE_TYPES) <= types | {"attribution", "anonymous_source", "specificity", "tone"}
    assert all(rule.startswith(tuple(CUE_TYPES)) for rule in lexicon.rule_ids)
    assert len(lexicon.digest) == 64


def test_a_user_folder_replaces_the_builtin_lexicons_and_changes_the_digest(lexicon_copy):
    hedges = lexicon_copy / "phrases" / "hedge.txt"
    hedges.write_text(hedges.read_text() + "mayhaps\n")
    lexicon = load_lexicon(lexicon_copy)
    assert lexicon.phrases["mayhaps"].type == "hedge"
    assert lexicon.digest != load_lexicon().digest


@pytest.mark.parametrize(
    "content, message",
    [
        ("# header only\n", "no entries"),
        ("# header\nreportedly\n\nallegedly\n", "blank line"),
        ("# header\nreportedly\nreportedly\n", "already listed"),
        ("# header\n(reported|\n", "unbalanced"),
        ("# header\nReportedly\n", "lower case"),
        ("# header\nreportedly => Bad-Name\n", "rule name"),
        ("# header\nreportedly \n", "white space"),
    ],
)
def test_malformed_lists_are_refused_with_file_and_line(lexicon_copy, content, message):
    (lexicon_copy / "phrases" / "hedge.txt").write_text(content)
    with pytest.raises(LexiconError, match=message) as error:
        load_lexicon(lexicon_copy)
    assert "hedge.txt" in str(error.value)


def test_line_patterns_must_compile_and_not_match_empty_lines(lexicon_copy):
    lines = lexicon_copy / "lines" / "boilerplate.txt"
    lines.write_text("# header\n(<*>|) => everything\n")
    with pytest.raises(LexiconError, match="empty line"):
        load_lexicon(lexicon_copy)


def test_unknown_cue_type_files_and_missing_lists_are_refused(lexicon_copy):
    (lexicon_copy / "phrases" / "gossip.txt").write_text("# header\nword\n")
    with pytest.raises(LexiconError, match="unknown cue type"):
        load_lexicon(lexicon_copy)
    (lexicon_copy / "phrases" / "gossip.txt").unlink()
    (lexicon_copy / "sources" / "pronouns.txt").unlink()
    with pytest.raises(LexiconError, match="has no sources/pronouns.txt"):
        load_lexicon(lexicon_copy)
    with pytest.raises(LexiconError, match="does not exist"):
        load_lexicon(lexicon_copy / "nowhere")


def test_a_standalone_list_file_reads_like_a_lexicon_list(tmp_path):
    from scorer.cues.lexicon import read_word_list

    path = tmp_path / "verbs.txt"
    path.write_text("# verbs\n(say|says|said)\ntold\n", encoding="utf-8")
    assert read_word_list(path) == {"say", "says", "said", "told"}
    path.write_text("# verbs\nsay\n\ntold\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="verbs.txt:3: blank line"):
        read_word_list(path)
