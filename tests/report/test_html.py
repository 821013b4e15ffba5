"""The HTML report: one self-contained page, checked as text and, rendered by headless Chromium, as a DOM.

CI installs Chromium (.ci/run) and sets SCORER_REQUIRE_BROWSER=1, so there the browser test cannot
be skipped; elsewhere it is skipped when no Chromium is installed.
"""

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scorer.api import Scorer
from scorer.report.html import CUE_COLOURS, render_html

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = [ROOT / "examples" / "wire-report.txt", ROOT / "tests" / "fixtures" / "pages" / "content-farm-page.html"]


@pytest.fixture(scope="module")
def records():
    scorer = Scorer()
    return [scorer.score_file(path).to_dict() for path in ARTICLES]


@pytest.fixture(scope="module")
def page(records):
    return render_html(records)


def test_the_page_needs_nothing_from_outside(page):
    assert "<script" not in page.lower()
    assert not re.search(r"<link\b", page, re.IGNORECASE)
    assert not re.search(r"\bsrc\s*=", page, re.IGNORECASE)
    assert "@import" not in page and "url(" not in page
    # The only addresses are the article's own body links, which a reader follows on purpose.
    for address in re.findall(r'href="([^"]+)"', page):
        assert address.startswith("#") or address.startswith("https://"), address


class _Collect(HTMLParser):
    """Elements by id and class, and the text of every mark, from a rendered DOM."""

    def __init__(self):
        super().__init__()
        self.ids, self.marks, self.index_links, self.who_rows = set(), [], [], 0
        self._in_mark = 0
        self._table = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "table":
            self._table.append(attrs.get("class"))
        if tag == "mark":
            self.marks.append(attrs.get("data-type"))
        if tag == "a" and self._table and self._table[-1] == "index":
            self.index_links.append(attrs["href"])
        if tag == "tr" and self._table and self._table[-1] == "who":
            self.who_rows += 1

    def handle_endtag(self, tag):
        if tag == "table" and self._table:
            self._table.pop()


def _check_dom(dom: str, records: list[dict]) -> None:
    found = _Collect()
    found.feed(dom)
    assert found.index_links == ["#article-1", "#article-2"]
    assert {"article-1", "article-2", "legend", "index"} <= found.ids
    # Every cue of every sentence is marked, with its type.
    cues = [cue["type"] for record in records for sentence in record["sentences"] for cue in sentence["cues"]]
    assert sorted(found.marks) == sorted(cues)
    assert set(found.marks) <= set(CUE_COLOURS)
    # One header row per "Who is cited" table, then one row per source.
    assert found.who_rows == sum(len(record["sources"]) + 1 for record in records if record["sources"])
    # Every sentence is on the page, with its id, so the "what moved the score" links land.
    for number, record in enumerate(records, 1):
        assert {f"a{number}s{sentence['index']}" for sentence in record["sentences"]} <= found.ids


def test_the_page_holds_every_cue_source_and_sentence(page, records):
    _check_dom(page, records)


def _chromium() -> str | None:
    return next((found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))), None)


@pytest.mark.skipif(
    _chromium() is None and not os.environ.get("SCORER_REQUIRE_BROWSER"), reason="no Chromium installed"
)
def test_a_real_browser_renders_it(tmp_path, page, records):
    browser = _chromium()
    assert browser, "SCORER_REQUIRE_BROWSER is set but no Chromium is installed"
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    result = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--dump-dom", report.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert "<html" in dom.lower()[:100] and "</main>" in dom
    _check_dom(dom, records)
    # What the browser built from the page is what we wrote: the scores show.
    for record in records:
        assert f'{record["score"]:.1f}' in dom
