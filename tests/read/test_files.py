"""Which files a folder holds (stable order, hidden entries skipped, unreadable folders reported)
and how a file name is shown in records (valid UTF-8 on one line, always the same)."""

import errno
import os

import pytest

from scorer.read.files import display_path, walk_articles


def make_tree(root, names):
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("An article.\n", encoding="utf-8")


def relative(root, found):
    return [os.path.relpath(item.path, root) for item in found]


def test_articles_come_in_sorted_order_with_a_folders_own_files_before_its_subfolders(tmp_path):
    make_tree(tmp_path, ["b.txt", "a.md", "C.text", "sub/z.txt", "sub/deeper/y.txt", "another/x.txt"])
    found = list(walk_articles(tmp_path))
    assert relative(tmp_path, found) == [
        "C.text",
        "a.md",
        "b.txt",
        "another/x.txt",
        "sub/z.txt",
        "sub/deeper/y.txt",
    ]
    assert all(item.error is None for item in found)


def test_walking_twice_gives_the_same_order(tmp_path):
    make_tree(tmp_path, [f"{name}.txt" for name in ("q", "a", "m", "z", "b")] + ["d/e.txt", "c/f.txt"])
    assert list(walk_articles(tmp_path)) == list(walk_articles(tmp_path))


def test_hidden_files_and_folders_are_skipped(tmp_path):
    make_tree(tmp_path, ["kept.txt", ".hidden.txt", ".git/notes.txt", ".cache/deep/a.txt", "sub/.secret.md", "sub/ok.md"])
    assert relative(tmp_path, walk_articles(tmp_path)) == ["kept.txt", "sub/ok.md"]


def test_only_article_suffixes_are_listed_whatever_their_case(tmp_path):
    make_tree(tmp_path, ["a.txt", "b.MD", "c.Text", "d.html", "D2.HTM", "e.json", "f.txt.bak", "txt"])
    assert relative(tmp_path, walk_articles(tmp_path)) == ["D2.HTM", "a.txt", "b.MD", "c.Text", "d.html"]


def test_suffixes_can_be_chosen(tmp_path):
    make_tree(tmp_path, ["a.txt", "b.html", "c.htm", "sub/d.html"])
    assert relative(tmp_path, walk_articles(tmp_path, (".html",))) == ["b.html", "sub/d.html"]


def test_an_empty_folder_has_no_articles(tmp_path):
    assert list(walk_articles(tmp_path)) == []


@pytest.fixture()
def unreadable(monkeypatch):
    """Make os.scandir refuse the folders given (tests may run as root, where chmod does not bite)."""
    refused: set[str] = set()
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) in refused:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return refused


def test_an_unreadable_folder_is_reported_in_its_place_and_the_walk_goes_on(tmp_path, unreadable):
    make_tree(tmp_path, ["a/1.txt", "b/2.txt", "c/3.txt", "top.txt"])
    unreadable.add(str(tmp_path / "b"))
    found = list(walk_articles(tmp_path))
    assert relative(tmp_path, found) == ["top.txt", "a/1.txt", "b", "c/3.txt"]
    error = found[2]
    assert error.path == str(tmp_path / "b")
    assert error.error == f"{tmp_path / 'b'}: cannot read folder (Permission denied)"
    assert [item.error is None for item in found] == [True, True, False, True]


def test_an_unreadable_last_folder_is_still_reported(tmp_path, unreadable):
    make_tree(tmp_path, ["a/1.txt", "z/2.txt"])
    unreadable.add(str(tmp_path / "z"))
    found = list(walk_articles(tmp_path))
    assert relative(tmp_path, found) == ["a/1.txt", "z"]
    assert found[-1].error and "cannot read folder" in found[-1].error


def test_an_unreadable_top_folder_is_one_error(tmp_path, unreadable):
    unreadable.add(str(tmp_path))
    found = list(walk_articles(tmp_path))
    assert len(found) == 1 and found[0].path == str(tmp_path) and "cannot read folder" in found[0].error


# (name as os.fsdecode gives it, as records show it)
DISPLAYED = [
    ("article.txt", "article.txt"),
    ("folder/sub folder/a b.txt", "folder/sub folder/a b.txt"),
    ("caf\u00e9 \u2014 \u65b0\u95fb.txt", "caf\u00e9 \u2014 \u65b0\u95fb.txt"),
    (os.fsdecode(b"x\xff.txt"), "x\\xff.txt"),
    (os.fsdecode(b"caf\xe9.txt"), "caf\\xe9.txt"),  # Latin-1 bytes: not UTF-8
    (os.fsdecode(b"\xc3\xa9t\xe9.txt"), "\u00e9t\\xe9.txt"),  # valid UTF-8 kept beside a bad byte
    ("a\nb.txt", "a\\x0ab.txt"),
    ("a\rb\tc.txt", "a\\x0db\\x09c.txt"),
    ("del\x7f.txt", "del\\x7f.txt"),
    ("nel\x85.txt", "nel\\x85.txt"),
    ("\ud800x.txt", "\\ud800x.txt"),  # a surrogate no file system produced
]


@pytest.mark.parametrize("name, shown", DISPLAYED)
def test_display_path(name, shown):
    assert display_path(name) == shown


@pytest.mark.parametrize("name", [name for name, _ in DISPLAYED])
def test_a_displayed_name_is_valid_utf8_on_one_line_and_always_the_same(name):
    shown = display_path(name)
    shown.encode("utf-8")  # raises on a lone surrogate
    assert "\n" not in shown and "\r" not in shown
    assert display_path(name) == shown


def test_distinct_bad_bytes_give_distinct_names():
    names = {display_path(os.fsdecode(bytes([byte]) + b".txt")) for byte in range(0x80, 0x100)}
    assert len(names) == 0x80
