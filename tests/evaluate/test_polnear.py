"""Attribution detection against PolNeAR-style BRAT annotations, on a folder small enough to count by hand."""

import pytest

from scorer.errors import InputError
from scorer.evaluate.polnear import evaluate_polnear, read_relation_spans, read_relations


def test_read_relations_gives_the_cue_span_of_every_event(tmp_path):
    annotation = tmp_path / "a.ann"
    annotation.write_text(
        "T1\tSource 0 4\tChen\n"
        "T2\tCue 5 9\ttold\n"
        "T3\tContent 20 41\tthe repairs were done\n"
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
        "T4\tCue 100 104;110 115\tsaid ... again\n"  # discontinuous: from the first start to the last end
        "T5\tSource 90 99\tofficials\n"
        "E2\tAttribution:T4 Source:T5 Cue:T4\n"
        "#1\tAnnotatorNotes T1\tCue 1 2\n"
        "A1\tFactuality E1 Cue:T2\n"
        "E3\tAttribution:T9 Cue:T9\n",  # an argument that names no span is ignored
        encoding="utf-8",
    )
    assert read_relations(annotation) == [(5, 9), (100, 115)]


def test_read_relations_takes_the_cue_whatever_the_order_of_arguments(tmp_path):
    annotation = tmp_path / "a.ann"
    annotation.write_text(
        "T1\tCue 10 14;20 25;30 33\tx\n"
        "T2\tSource 0 4\ty\n"
        "E1\tAttribution:T1 Cue:T1 Source:T2\n"
        "E2\tSource:T2 Cue:T1\n",
        encoding="utf-8",
    )
    assert read_relations(annotation) == [(10, 33), (10, 33)]


def test_read_relation_spans_gives_cue_source_and_content(tmp_path):
    annotation = tmp_path / "a.ann"
    annotation.write_text(
        "T1\tSource 0 4\tChen\nT2\tCue 5 9\ttold\nT3\tContent 20 80\tx\nT4\tSource 90 95\tloose\n"
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n",
        encoding="utf-8",
    )
    # T4 takes part in no relation, so it marks no sentence as annotated.
    assert sorted(read_relation_spans(annotation)) == [(0, 4), (5, 9), (5, 9), (20, 80)]


def test_a_quote_running_on_is_annotated_in_every_sentence_of_its_content(tmp_path):
    text = 'Chen said: "The repairs are done. The bridge opens Monday. We are proud." The river rose.'
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "q.txt").write_text(text, encoding="utf-8")
    source, cue, content = span(text, "Chen"), span(text, "said"), span(text, "The repairs are done. The bridge opens Monday. We are proud.")
    (tmp_path / "attributions" / "q.ann").write_text(
        f"T1\tSource {source[0]} {source[1]}\tChen\nT2\tCue {cue[0]} {cue[1]}\tsaid\n"
        f"T3\tContent {content[0]} {content[1]}\tquote\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n",
        encoding="utf-8",
    )
    report = evaluate_polnear(tmp_path)
    # The quote's later sentences are credited to Chen (continued quotes) and lie in the Content span.
    assert report["sentences_with_detected_source_cue"] >= 2
    assert report["unsupported"] == 0


def test_read_relations_of_a_file_without_events_is_empty(tmp_path):
    annotation = tmp_path / "a.ann"
    annotation.write_text("T1\tSource 0 4\tChen\nT2\tCue 5 9\ttold\n", encoding="utf-8")
    assert read_relations(annotation) == []


ARTICLE_ONE = (
    "Chen told reporters the repairs were done. "  # detected; annotated, speech cue "told"
    "The river rose on Monday. "  # not detected; annotated, cue "rose" is no verb of saying
    "Officials said the bridge may close. "  # detected; not annotated: unsupported
    "Her memo was reported to be short by the press."  # not detected (a passive: its agent comes after); annotated, speech cue "reported"
)
ARTICLE_TWO = "Sources say the plan failed."  # detected; annotated, speech cue "say"


def span(text, part):
    start = text.index(part)
    return start, start + len(part)


def relation(number, text, source, cue):
    source_start, source_end = span(text, source)
    cue_start, cue_end = span(text, cue)
    return (
        f"T{2 * number - 1}\tSource {source_start} {source_end}\t{source}\n"
        f"T{2 * number}\tCue {cue_start} {cue_end}\t{cue}\n"
        f"E{number}\tAttribution:T{2 * number} Source:T{2 * number - 1} Cue:T{2 * number}\n"
    )


@pytest.fixture(scope="module")
def polnear(tmp_path_factory):
    root = tmp_path_factory.mktemp("polnear")
    (root / "attributions").mkdir()
    (root / "text").mkdir()
    (root / "text" / "one.txt").write_text(ARTICLE_ONE, encoding="utf-8")
    (root / "text" / "two.txt").write_text(ARTICLE_TWO, encoding="utf-8")
    (root / "attributions" / "one_ann1.ann").write_text(
        relation(1, ARTICLE_ONE, "Chen", "told")
        + relation(2, ARTICLE_ONE, "The river", "rose")
        + relation(3, ARTICLE_ONE, "the press", "reported"),
        encoding="utf-8",
    )
    (root / "attributions" / "two_ann1.ann").write_text(relation(1, ARTICLE_TWO, "Sources", "say"), encoding="utf-8")
    # The same article annotated a second time: counted once, by the first file.
    (root / "attributions" / "two_ann2.ann").write_text("", encoding="utf-8")
    return root


def test_the_synthetic_articles_are_detected_as_the_comments_say(analyzer):
    cues = analyzer.analyse(ARTICLE_ONE).cues
    assert {cue.sentence for cue in cues if cue.type in ("attribution", "anonymous_source")} == {0, 2}
    assert {cue.type for cue in analyzer.analyse(ARTICLE_TWO).cues} >= {"anonymous_source"}


def test_coverage_and_unsupported_shares_by_hand(polnear):
    report = evaluate_polnear(polnear)
    assert report["data"] == str(polnear)
    assert report["articles"] == 2
    # Speech-cued sentences: "told", "reported" (one) and "say" (two); the detector finds two of them.
    assert report["sentences_with_speech_attribution"] == 3
    assert report["coverage"] == pytest.approx(2 / 3)
    # Any annotated attribution: those three and "rose".
    assert report["sentences_with_any_attribution"] == 4
    # Detected: Chen, Officials, Sources; Officials has no annotated attribution.
    assert report["sentences_with_detected_source_cue"] == 3
    assert report["unsupported"] == pytest.approx(1 / 3)


def test_progress_is_reported_per_article(polnear):
    calls = []
    evaluate_polnear(polnear, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]


def test_nothing_detected_and_nothing_annotated_give_no_share(tmp_path):
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "calm.txt").write_text("The river rose on Monday.", encoding="utf-8")
    (tmp_path / "attributions" / "calm.ann").write_text("", encoding="utf-8")
    report = evaluate_polnear(tmp_path)
    assert report["coverage"] is None and report["unsupported"] is None
    assert report["articles"] == 1


@pytest.mark.parametrize("layout", ["empty", "no-ann", "flat"])
def test_a_folder_without_ann_files_is_an_input_error(tmp_path, layout):
    if layout == "no-ann":
        (tmp_path / "attributions").mkdir()
        (tmp_path / "attributions" / "notes.txt").write_text("x")
    elif layout == "flat":
        (tmp_path / "a.ann").write_text("T1\tCue 0 4\tsaid\n")
    with pytest.raises(InputError, match=r"no attributions/\*\.ann files \(expected the PolNeAR layout\)") as error:
        evaluate_polnear(tmp_path)
    assert str(error.value).startswith(str(tmp_path)) and "\n" not in str(error.value)
