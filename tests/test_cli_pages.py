"""The command line on pages: HTML folders, URLs, other languages, the HTML report, compact output, extract."""

import json
import shutil

import jsonschema


from .conftest import FIXTURES, ROOT

PAGES = FIXTURES / "pages"
SCHEMA = json.loads((ROOT / "scorer" / "schema" / "result.schema.json").read_text())


def test_a_folder_of_html_pages_is_scored(run, tmp_path):
    for name in ("wire-page.html", "content-farm-page.html"):
        shutil.copy(PAGES / name, tmp_path / name.replace(".html", ".htm" if "farm" in name else ".html"))
    result = run("score", "--format", "jsonl", tmp_path)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["input"] for r in records] == ["html", "html"] and all(r["score"] is not None for r in records)
    for record in records:
        jsonschema.validate(record, SCHEMA)


def test_german_is_refused_with_exit_2_and_scored_with_any_language(run):
    refused = run("score", "--format", "jsonl", PAGES / "de-article.txt")
    assert refused.exit_code == 2
    assert "not English (detected de, German)" in json.loads(refused.stdout.splitlines()[0])["error"]
    scored = run("score", "--format", "jsonl", "--any-language", PAGES / "de-article.txt")
    assert scored.exit_code == 0 and json.loads(scored.stdout)["language"] == "de"


def test_no_sentences_drops_only_the_sentence_detail(run):
    full = json.loads(run("score", "--format", "json", ROOT / "examples" / "wire-report.txt").stdout)
    compact = json.loads(run("score", "--format", "json", "--no-sentences", ROOT / "examples" / "wire-report.txt").stdout)
    assert compact["sentences"] is None and full["sentences"]
    assert {k: v for k, v in full.items() if k != "sentences"} == {k: v for k, v in compact.items() if k != "sentences"}
    jsonschema.validate(compact, SCHEMA)
    assert run("score", "--no-sentences", ROOT / "examples" / "wire-report.txt").exit_code == 2  # text shows them


def test_the_html_report_is_written_to_a_file(run, tmp_path):
    target = tmp_path / "report.html"
    result = run("score", "--format", "html", "--output", target, ROOT / "examples", PAGES / "wire-page.html")
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('<section class="article"') == 3
    assert 'href="#article-3"' in page


def test_extract_prints_the_text_the_offsets_index(run):
    text = run("extract", PAGES / "wire-page.html").stdout
    record = json.loads(run("score", "--format", "json", PAGES / "wire-page.html").stdout)
    for sentence in record["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    as_json = json.loads(run("extract", "--format", "json", PAGES / "wire-page.html").stdout)
    assert as_json["text"] + "\n" == text and as_json["furniture"]["blocks"] == record["furniture"]["blocks"]
    missing = run("extract", PAGES / "no-such-page.html")
    assert missing.exit_code == 2 and "no-such-page.html" in missing.output
