"""Labelled corpora: article folders and JSONL files, sentence-label files, and their digests.

Article corpora come in two shapes, both taking the path as an argument:

- a **folder with one subfolder per label** (``reliable/``, ``unreliable/``; or ``real/``, ``fake/``
  with ``reliable="real"``), each holding ``.txt`` / ``.md`` / ``.text`` files. A training corpus may
  add ``articles.csv`` (``id,label,split,...``) to fix the train / dev / test split; without it the
  split is derived from a hash of each file name.
- a **JSONL file**, one object a line with ``text`` and ``label``.

Sentence corpora are CSV or JSONL with ``text`` and either ``label`` (1 = uncertain) or ``cues``
(a list of ``{"type": ..., "text": ...}``) / ``types`` (a list of cue types).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..read.decode import read_document

TEXT_SUFFIXES = (".txt", ".md", ".text")
SPLITS = ("train", "dev", "test")
SPLIT_FILE = "articles.csv"
# Without articles.csv, a file's split comes from its name's hash: 14 of every 20 train, 3 dev, 3 test.
_SPLIT_PATTERN = "TTDTTSTTTDTTSTTTDTTS"
_SPLIT_NAMES = {"T": "train", "D": "dev", "S": "test"}
RELIABLE_LABELS = frozenset({"reliable", "real", "1", "true", "yes", "credible", "trustworthy"})


@dataclass(frozen=True)
class LabelledArticle:
    id: str
    label: str  # the label as the corpus writes it
    reliable: bool
    split: str | None
    path: Path | None = None
    text: str | None = None
    genre: str = ""
    hard_case: str = ""

    def read(self) -> str:
        if self.text is not None:
            return self.text
        assert self.path is not None
        return read_document(self.path)


def iter_text_files(folder: Path) -> list[Path]:
    """Article files below ``folder``, recursively, in a stable order (hidden files skipped)."""
    found = []
    for root, directories, files in os.walk(folder):
        directories[:] = sorted(name for name in directories if not name.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(TEXT_SUFFIXES) and not name.startswith("."):
                found.append(Path(root) / name)
    return found


def load_articles(source: str | os.PathLike, reliable: str | None = None) -> list[LabelledArticle]:
    """Load a labelled article corpus (folder or JSONL). ``reliable`` names the reliable label."""
    path = Path(source)
    if path.is_dir():
        return _load_folder(path, reliable)
    if path.is_file():
        return _load_jsonl(path, reliable)
    raise InputError(f"{path}: no such file or folder")


def load_by_prefix(
    source: str | os.PathLike, reliable_prefixes: tuple[str, ...], unreliable_prefixes: tuple[str, ...]
) -> list[LabelledArticle]:
    """Articles in one folder labelled by the start of their file names (``nyt_...``, ``breitbart_...``):
    a file name's part before the first underscore is its group. Files of other groups are left out."""
    path = Path(source)
    if not path.is_dir():
        raise InputError(f"{path}: no such folder")
    articles = []
    for file in iter_text_files(path):
        group = file.name.split("_", 1)[0]
        if group in reliable_prefixes or group in unreliable_prefixes:
            reliable = group in reliable_prefixes
            articles.append(LabelledArticle(file.stem, group, reliable, None, path=file))
    if not articles or all(a.reliable for a in articles) or not any(a.reliable for a in articles):
        raise InputError(f"{path}: no files of both groups (file names like {reliable_prefixes[0]}_... and {unreliable_prefixes[0]}_...)")
    return articles


def _is_reliable(label: str, reliable: str | None) -> bool:
    if reliable is not None:
        return label == reliable
    return label.strip().lower() in RELIABLE_LABELS


def _load_folder(root: Path, reliable: str | None) -> list[LabelledArticle]:
    labels = sorted(child.name for child in root.iterdir() if child.is_dir() and not child.name.startswith("."))
    if len(labels) < 2:
        raise InputError(f"{root}: expected one subfolder per label (e.g. reliable/ and unreliable/), found {labels}")
    if reliable is not None and reliable not in labels:
        raise InputError(f"{root}: no subfolder named {reliable!r} (found {', '.join(labels)})")
    if reliable is None and not any(_is_reliable(label, None) for label in labels):
        raise InputError(f"{root}: cannot tell which subfolder is reliable among {labels}; name it with --reliable")
    metadata = _read_split_file(root / SPLIT_FILE)
    articles = []
    for label in labels:
        for path in iter_text_files(root / label):
            article_id = path.stem
            row = metadata.get(article_id, {})
            articles.append(
                LabelledArticle(
                    id=article_id,
                    label=label,
                    reliable=_is_reliable(label, reliable),
                    split=row.get("split") or _hashed_split(article_id),
                    path=path,
                    genre=row.get("genre", ""),
                    hard_case=row.get("hard_case", ""),
                )
            )
    if not articles:
        raise InputError(f"{root}: no article files ({', '.join(TEXT_SUFFIXES)}) in its label subfolders")
    return articles


def _read_split_file(path: Path) -> dict[str, dict[str, str]]:
    if not path.is_file():
        return {}
    with open(path, newline="", encoding="utf-8-sig") as handle:  # -sig: as a spreadsheet saves it
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    for row in rows.values():
        if row.get("split") not in SPLITS:
            raise InputError(f"{path}: article {row['id']} has split {row.get('split')!r}, expected one of {SPLITS}")
    return rows


def _hashed_split(article_id: str) -> str:
    slot = int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % len(_SPLIT_PATTERN)
    return _SPLIT_NAMES[_SPLIT_PATTERN[slot]]


def _load_jsonl(path: Path, reliable: str | None) -> list[LabelledArticle]:
    articles = []
    for number, record in _read_jsonl(path):
        if not isinstance(record.get("text"), str) or "label" not in record:
            raise InputError(f"{path}:{number}: each line needs a string 'text' and a 'label'")
        label = str(record["label"])
        article_id = str(record.get("id", f"{path.stem}-{number}"))
        articles.append(
            LabelledArticle(
                id=article_id,
                label=label,
                reliable=_is_reliable(label, reliable),
                split=record.get("split") or _hashed_split(article_id),
                text=record["text"],
            )
        )
    if not articles:
        raise InputError(f"{path}: no records")
    return articles


def _read_jsonl(path: Path) -> list[tuple[int, dict]]:
    records = []
    with open(path, encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as error:
                raise InputError(f"{path}:{number}: not JSON ({error})") from None
            if not isinstance(record, dict):
                raise InputError(f"{path}:{number}: expected a JSON object")
            records.append((number, record))
    return records


@dataclass(frozen=True)
class LabelledSentence:
    text: str
    types: frozenset[str]  # gold cue types present; for binary files, {"uncertain"} or empty
    split: str | None = None


UNCERTAIN = "uncertain"


def load_sentences(source: str | os.PathLike) -> list[LabelledSentence]:
    """Load sentence labels from CSV or JSONL (see the module docstring for the columns)."""
    path = Path(source)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if path.suffix.lower() == ".csv":
        with open(path, newline="", encoding="utf-8-sig") as handle:
            records = list(enumerate(csv.DictReader(handle), start=2))
    else:
        records = _read_jsonl(path)
    sentences = []
    for number, record in records:
        text = record.get("text")
        if not isinstance(text, str):
            raise InputError(f"{path}:{number}: each record needs a string 'text'")
        if "cues" in record:
            types = frozenset(cue["type"] for cue in record["cues"])
        elif "types" in record:
            types = frozenset(record["types"])
        elif "label" in record:
            types = frozenset({UNCERTAIN}) if str(record["label"]).strip() in ("1", "true", "True") else frozenset()
        else:
            raise InputError(f"{path}:{number}: each record needs 'label', 'cues' or 'types'")
        sentences.append(LabelledSentence(text, types, record.get("split")))
    return sentences


def corpus_digest(root: str | os.PathLike) -> str:
    """SHA-256 over every data file below ``root`` (names and bytes). The Markdown documents at its
    top level (GUIDELINES.md, DATASHEET.md) are not data, so editing them needs no retraining."""
    root = Path(root)
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        relative = path.relative_to(root).as_posix()
        if any(part.startswith(".") for part in relative.split("/")):
            continue
        if "/" not in relative and path.suffix.lower() == ".md":
            continue
        digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()
