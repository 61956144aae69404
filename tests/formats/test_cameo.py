"""CAMEO rules: plain Python, no database."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from statements.formats import cameo
from statements.formats.cameo import meeting_cameo, statement_cameo


@pytest.mark.parametrize(
    ("kind", "host", "at_home", "planned", "code"),
    [
        ("call", None, None, False, "041"),
        ("negotiation", None, True, False, "046"),
        ("series", None, None, False, "046"),
        ("visit", None, True, False, "042"),
        ("bilateral", None, True, False, "043"),
        ("summit", True, None, False, "043"),
        ("summit", None, False, False, "044"),
        ("multilateral", None, None, False, "040"),
        ("other", None, None, False, "040"),
        ("summit", None, None, True, "036"),
    ],
)
def test_meeting_cameo(kind, host, at_home, planned, code):
    assert meeting_cameo(kind, host, at_home, planned=planned) == code


@pytest.mark.parametrize(
    ("cue", "text", "direct", "code"),
    [
        ("Putin said", "relations are developing", False, "010"),
        ("Putin also called", "for another round of six-party talks", False, "020"),
        ("Putin urged", "restraint", False, "020"),
        ("Putin said", "Kim Jong Un would be willing to denuclearize", False, "030"),
        ("Putin said", "he welcomed the normalization of relations", False, "051"),
        ("The ministry denied", "any role in the attack", False, "016"),
        ("Officials acknowledged", "the error", False, "015"),
        ("Pyongyang threatened", "to walk away", False, "130"),
        ("Seoul condemned", "the launch", False, "111"),
        ("He accused", "Washington of bad faith", False, "112"),
        ("Kim described", "candid and meaningful.", True, "013"),
        # optimism is the speaker's own words only: a reporter's paraphrase stays 010
        ("Kim described", "candid and meaningful.", False, "010"),
        ("Kuhn reported", "The failure of that meeting", True, "012"),
        ("", "We agree with the proposal", True, "019"),
        ("", "", False, "010"),
        # whole words only: "welcome" is not found inside "unwelcome"
        ("She said", "an unwelcomed guest", False, "010"),
        # the cue beats the text: a denial that mentions willingness is a denial
        ("Moscow denied", "it was ever willing to help", False, "016"),
    ],
)
def test_statement_cameo(cue, text, direct, code):
    assert statement_cameo(cue, text, direct) == code


def test_every_code_has_a_label():
    for rule in cameo.statement_rules():
        assert cameo.label(rule.code)
    assert cameo.label("043") == "Host a visit"


def test_cameo_module_imports_no_django():
    tree = ast.parse(Path(cameo.__file__).read_text())
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not any(name.startswith("django") for name in imported)
