"""Reading back a partial output file, so that ``--resume`` skips what is already done."""

from __future__ import annotations

import csv
import json
from pathlib import Path


def completed_paths(path: Path, csv_format: bool) -> tuple[set[str], int]:
    """Paths already recorded in a partial output file, and the byte length of its complete lines.

    The file is read a line at a time, so memory grows with the number of paths, not the size of the
    records. A run killed mid-write can leave a torn last line: only lines that end in a newline
    (and, for JSON lines, parse) count, and the caller cuts the file back to the returned length.
    """
    done: set[str] = set()
    good = 0
    if not path.exists():
        return done, 0
    with open(path, "rb") as handle:
        if csv_format:
            header = handle.readline()
            if not header.endswith(b"\n"):
                return done, 0
            good = len(header)
        for line in handle:
            if not line.endswith(b"\n"):
                break
            text = line.decode("utf-8", errors="replace").rstrip("\n")
            if csv_format:
                row = next(csv.reader([text]), None)
                if not row:
                    break
                done.add(row[0])
            else:
                try:
                    record = json.loads(text)
                except ValueError:
                    break
                if not isinstance(record, dict):
                    break
                done.add(record.get("path"))
            good += len(line)
    return done, good
