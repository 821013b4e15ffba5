"""Batch scoring of a folder of 1,000 files, one of them binary: order, parallelism, resume."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import TRAINING_DATA

DOCUMENTS = 1000
BINARY_NAME = "0500-binary.txt"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    sources = sorted((TRAINING_DATA / "reliable").glob("*.txt")) + sorted((TRAINING_DATA / "unreliable").glob("*.txt"))
    for index in range(DOCUMENTS):
        name = f"{index:04d}-doc.txt"
        if index == 500:
            (folder / BINARY_NAME).write_bytes(bytes(range(256)) * 8)
            continue
        (folder / name).write_bytes(sources[index % len(sources)].read_bytes())
    return folder


def scorer_command(*args) -> list[str]:
    return [sys.executable, "-m", "scorer", "score", *map(str, args)]


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run(scorer_command(*args), capture_output=True, text=True)


@pytest.fixture(scope="module")
def sequential(corpus):
    return run("--format", "jsonl", "--no-progress", corpus)


def test_a_binary_file_gives_one_error_record_and_the_batch_goes_on(sequential):
    assert sequential.returncode == 2
    records = [json.loads(line) for line in sequential.stdout.splitlines()]
    assert len(records) == DOCUMENTS
    errors = [r for r in records if r["error"]]
    assert len(errors) == 1 and errors[0]["path"].endswith(BINARY_NAME) and errors[0]["score"] is None
    assert all(r["score"] is not None for r in records if not r["error"])
    assert [Path(r["path"]).name for r in records] == sorted(Path(r["path"]).name for r in records)
    assert "Traceback" not in sequential.stderr
    assert sequential.stderr.count("\n") == 1 and "binary" in sequential.stderr


def test_two_jobs_print_exactly_what_one_job_prints(corpus, sequential):
    parallel = run("--format", "jsonl", "--no-progress", "--jobs", "2", corpus)
    assert parallel.returncode == 2
    assert parallel.stdout == sequential.stdout


def test_killed_halfway_and_resumed_the_output_holds_every_document_once(corpus, tmp_path):
    output = tmp_path / "scores.jsonl"
    partial = tmp_path / "scores.jsonl.part"
    process = subprocess.Popen(
        scorer_command("--format", "jsonl", "--no-progress", "--output", output, corpus),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if partial.exists() and partial.read_bytes().count(b"\n") >= DOCUMENTS // 3:
            break
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert not output.exists(), "a killed run must not leave a finished-looking output file"
    done_before = partial.read_bytes().count(b"\n")
    assert 0 < done_before < DOCUMENTS

    resumed = run("--format", "jsonl", "--no-progress", "--output", output, "--resume", corpus)
    assert resumed.returncode in (0, 2)
    records = [json.loads(line) for line in output.read_text().splitlines()]
    paths = [r["path"] for r in records]
    assert len(paths) == DOCUMENTS == len(set(paths))
    assert not partial.exists()


def test_output_file_is_written_whole_and_csv_resume_skips_done_documents(corpus, tmp_path):
    output = tmp_path / "scores.csv"
    first = run("--format", "csv", "--no-progress", "--output", output, corpus / "0001-doc.txt", corpus / "0002-doc.txt")
    assert first.returncode == 0 and first.stdout == ""
    again = run("--format", "csv", "--no-progress", "--output", output, "--resume",
                corpus / "0001-doc.txt", corpus / "0002-doc.txt", corpus / "0003-doc.txt")
    assert again.returncode == 0
    lines = output.read_text().splitlines()
    assert lines[0].startswith("path,score,label")
    assert [line.split(",")[0].rsplit("/", 1)[-1] for line in lines[1:]] == ["0001-doc.txt", "0002-doc.txt", "0003-doc.txt"]
