"""Pages in: HTML files and URLs read with trafilatura, furniture stripped and counted, other
languages and binary formats refused (issue 11's acceptance, on fixtures we wrote: pages/README.md)."""

import functools
import http.server
import threading
from pathlib import Path

import pytest

from scorer.api import Scorer
from scorer.read.language import detect_language

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "fixtures" / "pages"
WIRE_FURNITURE = (
    "We and our 143 advertising partners use cookies to remember your choices",
    "Ferry operator halts three North Sea crossings as fuel dispute drags on",
    "Get the day's five essential world stories in your inbox before 7am",
)
FARM_FURNITURE = (
    "This website uses cookies so that we can give you the best possible experience",
    "Everyone knows the harbour bosses have been hiding sick crews since last summer.",
    "Fisherman Pulls Up Net With a Strange Glow and Scientists Are Baffled",
    "This could mean war!!!",
    "Sources say the ship was turned away",
)


@pytest.fixture(scope="module")
def scorer():
    return Scorer()


@pytest.mark.parametrize(
    ("page", "furniture"), [("wire-page.html", WIRE_FURNITURE), ("content-farm-page.html", FARM_FURNITURE)]
)
def test_no_furniture_text_reaches_a_sentence(scorer, page, furniture):
    record = scorer.score_file(PAGES / page).to_dict()
    assert record["error"] is None and record["input"] == "html"
    for text in furniture:
        assert text in (PAGES / page).read_text(encoding="utf-8")  # the page does hold it
        assert not any(text in sentence["text"] for sentence in record["sentences"]), text
    assert record["furniture"]["blocks"] >= 10 and record["furniture"]["words"] >= 100


def test_the_wire_page_scores_as_its_plain_text(scorer):
    page = scorer.score_file(PAGES / "wire-page.html")
    plain = scorer.score_file(ROOT / "examples" / "wire-report.txt")
    assert abs(page.score - plain.score) <= 10, (page.score, plain.score)
    assert page.title.startswith("Iran pulls advisers from two Syrian provinces")
    assert len(page.links) == 4 and all(link["url"].startswith("https://") for link in page.links)


def test_the_farm_page_scores_no_higher_than_its_plain_text(scorer):
    page = scorer.score_file(PAGES / "content-farm-page.html")
    plain = scorer.score_file(ROOT / "examples" / "content-farm.txt")
    assert page.score <= plain.score + 5, (page.score, plain.score)
    # Its ad slots and share bars count against it, as the same lines do in the plain text.
    assert page.furniture["rule_blocks"] >= 3
    assert page.article_terms["page_furniture"] < 0


def test_offsets_index_the_extracted_text(scorer):
    from scorer.read.document import load_file

    document = load_file(PAGES / "wire-page.html")
    record = scorer.score_document(document).to_dict()
    for sentence in record["sentences"]:
        assert document.text[sentence["start"] : sentence["end"]] == sentence["text"]
        for cue in sentence["cues"]:
            assert document.text[cue["start"] : cue["end"]] == cue["text"]


def test_html_on_standard_input_is_recognised_by_its_content(scorer):
    data = (PAGES / "wire-page.html").read_bytes()
    assert scorer.score_bytes(data, "-").input == "html"


@pytest.fixture(scope="module")
def server():
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(PAGES))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_url_scores_as_the_saved_file(scorer, server):
    url = f"{server}/wire-page.html"
    fetched, saved = scorer.score_url(url), scorer.score_file(PAGES / "wire-page.html")
    assert fetched.path == url
    assert fetched.score == saved.score and fetched.sentences == saved.sentences


def test_a_url_that_fails_is_an_error_record(scorer, server):
    record = scorer.score_url(f"{server}/missing.html")
    assert record.error == f"{server}/missing.html: the server answered 404 File not found"
    refused = scorer.score_url("http://127.0.0.1:9/nothing-listens-here", timeout=2)
    assert refused.error.startswith("http://127.0.0.1:9/nothing-listens-here: cannot fetch")


@pytest.mark.parametrize(
    ("fixture", "code", "name"),
    [("de-article.txt", "de", "German"), ("de-article.html", "de", "German"), ("es-article.txt", "es", "Spanish")],
)
def test_other_languages_are_refused_with_the_language_named(scorer, fixture, code, name):
    record = scorer.score_file(PAGES / fixture)
    assert record.error == (
        f"{PAGES / fixture}: not English (detected {code}, {name}): the scorer reads English only "
        "(--any-language scores it anyway)"
    )
    scored = Scorer(any_language=True).score_file(PAGES / fixture)
    assert scored.ok and scored.language == code


def test_no_english_fixture_is_refused(scorer):
    english = [PAGES / "mixed-english-quote.txt", PAGES / "wire-page.html", PAGES / "content-farm-page.html"]
    english += sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
    for path in english:
        record = scorer.score_file(path)
        assert record.ok and record.language == "en", (path, record.error)


def test_no_training_article_is_taken_for_another_language():
    articles = sorted((ROOT / "training_data").glob("*/*.txt"))
    assert len(articles) > 1000
    assert [path.name for path in articles if not detect_language(path.read_text(encoding="utf-8")).english] == []


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nThe ministry said the talks would resume.", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a ZIP archive (DOCX, XLSX, EPUB and ODT files are ZIP archives)"),
        (b"{\\rtf1\\ansi The ministry said", "an RTF document"),
    ],
)
def test_binary_formats_are_refused_by_content_whatever_the_name(scorer, tmp_path, data, what):
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    assert scorer.score_file(path).error == (
        f"{path}: {what}, not an article the scorer can read (plain text, Markdown and HTML)"
    )
