"""Rule-based extraction of diplomatic statements from news articles (no Django here).

`extract(raw)` runs: repair text -> header/body -> boilerplate -> sentences -> actors ->
quotes and reported speech -> speakers -> dates -> meetings -> claims.
"""

from .decoding import BinaryInput, Decoded, EmptyInput, InputError, UndecodableInput, decode
from .pipeline import content_hash, extract, extract_text

__all__ = [
    "BinaryInput",
    "Decoded",
    "EmptyInput",
    "InputError",
    "UndecodableInput",
    "content_hash",
    "decode",
    "extract",
    "extract_text",
]
