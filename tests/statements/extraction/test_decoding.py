"""decode(): encodings, refusals, mojibake repair."""

from __future__ import annotations

import codecs

import pytest

from statements.extraction import BinaryInput, EmptyInput, UndecodableInput, decode

TEXT = "Talks in Hanoi — “candid,” he said. Café."


def test_utf8() -> None:
    d = decode(TEXT.encode("utf-8"))
    assert d.text == TEXT and d.encoding == "utf-8" and not d.is_html


def test_utf8_bom() -> None:
    d = decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert d.text == TEXT and d.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16(codec: str) -> None:
    d = decode(TEXT.encode(codec))
    assert d.text == TEXT


def test_cp1252() -> None:
    d = decode(TEXT.encode("cp1252"))
    assert d.text == TEXT and d.encoding == "cp1252"


def test_mojibake_repaired_quotes_kept() -> None:
    d = decode("two hours â€” twice as long, “curly” stays".encode())
    assert d.text == "two hours — twice as long, “curly” stays"
    assert d.repaired


def test_crlf_normalised() -> None:
    assert decode(b"Title\r\n\r\nBody.").text == "Title\n\nBody."


@pytest.mark.parametrize("raw", [b"", b"   \n\t  ", "\ufeff  \n".encode()])
def test_empty(raw: bytes) -> None:
    with pytest.raises(EmptyInput, match=r"empty|whitespace"):
        decode(raw)


@pytest.mark.parametrize(
    ("raw", "what"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (b"abc\x00\x01\x02\x03\x04def\x00\x05\x06", "NUL"),
    ],
)
def test_binary(raw: bytes, what: str) -> None:
    with pytest.raises(BinaryInput, match=what):
        decode(raw)


def test_control_characters_are_binary() -> None:
    with pytest.raises(BinaryInput, match="control characters"):
        decode(bytes(range(1, 9)) * 20 + b"text")


def test_undecodable_utf16_bom() -> None:
    with pytest.raises(UndecodableInput):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8a")  # lone surrogate


def test_html_flag() -> None:
    assert decode(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>").is_html
