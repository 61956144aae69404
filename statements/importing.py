"""Import files: find articles, read them safely, run the pipeline, hand each to the loader.

Kept apart from the management command so that the command stays a thin wrapper and the
logic can be tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from .extraction import InputError, extract

# Beside each corpus article may lie its expected-extraction .json; those are not articles.
SKIPPED_SUFFIXES = {".json", ".md", ".py", ".pyc"}


class ImportFailure(Exception):
    """A file that could not be imported; the message names the file and the problem."""


@dataclass(frozen=True)
class Candidate:
    path: Path
    problem: str | None = None  # set when the path itself is unusable


def find_articles(paths: list[Path]) -> Iterator[Candidate]:
    """Every article file under `paths`, lazily, in a stable order. Missing paths and empty
    folders are yielded as problems so that the rest of the run goes on."""
    for path in paths:
        if not path.exists():
            yield Candidate(path, f"{path}: no such file or folder")
            continue
        if path.is_file():
            yield Candidate(path)
            continue
        found = False
        for child in sorted(path.rglob("*")):
            if child.is_file() and not _skipped(child, path):
                found = True
                yield Candidate(child)
        if not found:
            yield Candidate(path, f"{path}: folder holds no articles")


def _skipped(path: Path, root: Path) -> bool:
    relative = path.relative_to(root)
    if any(part.startswith(".") for part in relative.parts):
        return True
    return path.suffix.lower() in SKIPPED_SUFFIXES


def read_and_extract(path: Path):
    """Read one file and run the pipeline on it, or raise ImportFailure saying why."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFailure(f"{path}: cannot read ({exc.strerror})") from exc
    limit = settings.IMPORT_MAX_BYTES
    if size > limit:
        raise ImportFailure(f"{path}: file is {size:,} bytes, over the {limit:,}-byte import limit")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(f"{path}: cannot read ({exc.strerror})") from exc
    try:
        return extract(raw)
    except InputError as exc:
        raise ImportFailure(f"{path}: {exc}") from exc
