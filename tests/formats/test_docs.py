"""docs/formats.md stays true: every endpoint it lists is routed, and every sample it shows
for JSON parses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.urls import resolve

DOC = Path(__file__).resolve().parents[2] / "docs" / "formats.md"
ENDPOINT = re.compile(r"`(/(?:meetings|feeds|api)[^`?\s]*)`")


def endpoints() -> list[str]:
    table = [line for line in DOC.read_text().splitlines() if line.startswith("| ")]
    return sorted({m for line in table for m in ENDPOINT.findall(line)})


@pytest.mark.urls("tests.formats.urls")
@pytest.mark.parametrize("path", endpoints())
def test_every_documented_endpoint_is_routed(path):
    concrete = path.replace("<slug>", "vladimir-putin").replace("<id>", "1")
    assert resolve(concrete).url_name.startswith("formats-")


def test_the_table_lists_all_eleven_routes():
    assert len(endpoints()) == 11


def test_json_samples_parse():
    blocks = re.findall(r"```json\n(.*?)```", DOC.read_text(), re.S)
    assert len(blocks) == 7
    for block in blocks:
        json.loads(block)
