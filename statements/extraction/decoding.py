"""Bytes -> clean text: detect the encoding, refuse binary, repair mojibake."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import ftfy
from charset_normalizer import from_bytes


class InputError(Exception):
    """The input cannot be turned into article text; the message says why."""


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class UndecodableInput(InputError):
    pass


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    is_html: bool
    repaired: bool  # ftfy changed something


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"BZh", "a bzip2 archive"),
    (b"\x7fELF", "an executable"),
    (b"7z\xbc\xaf", "a 7-zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)

_FIX_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    normalization="NFC",
    fix_line_breaks=True,
)

_HTML_RE = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|article|p|div|meta)\b", re.I)
# Control characters other than tab, newline, carriage return and form feed.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _utf16_without_bom(raw: bytes) -> str | None:
    """BOM-less UTF-16 shows up as NULs in every other byte of ASCII-heavy text.

    b'H\\x00i\\x00' -> 'utf-16-le'.
    """
    if len(raw) < 4 or len(raw) % 2:
        return None
    even, odd = raw[0::2], raw[1::2]
    half = len(raw) // 2
    if odd.count(0) > 0.3 * half and even.count(0) < 0.05 * half:
        return "utf-16-le"
    if even.count(0) > 0.3 * half and odd.count(0) < 0.05 * half:
        return "utf-16-be"
    return None


def _decode_bytes(raw: bytes) -> tuple[str, str]:
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise UndecodableInput(
                f"starts with a UTF-16 byte-order mark but is not UTF-16 ({exc.reason})"
            ) from exc
    utf16 = _utf16_without_bom(raw)
    if utf16:
        try:
            return raw.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            raise BinaryInput(f"binary file ({what}), not text")
    if b"\x00" in raw:
        raise BinaryInput("binary file: contains NUL bytes that are not UTF-16 text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
        if not _CONTROL_RE.search(text):
            return text, "cp1252"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise UndecodableInput(
            "text encoding could not be determined (not UTF-8, UTF-16 or cp1252)"
        )
    return str(best), best.encoding


def repair(text: str) -> str:
    """Fix mojibake and line breaks but keep curly quotes and dashes.

    'two hours â€” twice' -> 'two hours — twice'
    """
    return ftfy.fix_text(text, config=_FIX_CONFIG)


def decode(raw: bytes) -> Decoded:
    """Turn raw file bytes into repaired text.

    b'\\xef\\xbb\\xbfHi \\xe2\\x80\\x94' -> Decoded(text='Hi —', encoding='utf-8-sig', ...)
    """
    if not raw or not raw.strip():
        raise EmptyInput(
            "empty file (no text at all)" if not raw else "file contains only whitespace"
        )
    text, encoding = _decode_bytes(raw)
    if not text.strip() or not text.strip("\ufeff\x00 \t\r\n"):
        raise EmptyInput("file contains only whitespace")
    controls = len(_CONTROL_RE.findall(text))
    if controls > max(2, 0.05 * len(text)):
        raise BinaryInput("binary file: too many control characters to be text")
    text = text.lstrip("\ufeff")
    fixed = repair(text)
    fixed = _CONTROL_RE.sub("", fixed)
    return Decoded(
        text=fixed,
        encoding=encoding,
        is_html=bool(_HTML_RE.search(fixed[:2000])),
        repaired=fixed != text,
    )
