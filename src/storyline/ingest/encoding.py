"""Bytes to text, for pages and files whose encoding nobody told us reliably.

Order of trust: a byte-order mark, then what the sender declared (HTTP ``charset``, then an HTML
``<meta charset>``), then strict UTF-8, then charset-normalizer's statistical guess. Binary
input (NUL bytes, control characters, nothing decodes) is refused rather than turned into
mojibake that would poison every later stage.
"""

from __future__ import annotations

import codecs
import functools
import re

from charset_normalizer import from_bytes

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# WHATWG label handling: browsers decode these labels with the superset encoding, and pages
# written in the superset under the old label are common (Latin-1 -> windows-1252, EUC-KR ->
# windows-949, GB2312 -> GBK/GB18030, Shift_JIS -> cp932).
_LABEL_ALIASES = {
    "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "iso8859-1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "x-user-defined": "cp1252", "iso-8859-9": "cp1254",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "gb2312": "gb18030", "gbk": "gb18030",
    "shift_jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "tis-620": "cp874", "iso-8859-11": "cp874",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can trust."""


def _codec(label: str | None) -> str | None:
    """A Python codec name for a declared label, or None for unknown labels."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _LABEL_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset a document declares about itself (XML prolog or HTML meta), if any."""
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def charset_from_content_type(content_type: str | None) -> str | None:
    """``text/html; charset=koi8-r`` -> ``koi8-r``."""
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


@functools.cache
def _is_single_byte(codec: str) -> bool:
    """Every byte is one character: true of Latin-1, cp125x, KOI8..., false of UTF-8, EUC-KR, Shift-JIS."""
    try:
        return len(bytes(range(256)).decode(codec, "replace")) == 256
    except LookupError:
        return False


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:20000]
    return bool(sample) and len(_CONTROL.findall(sample)) / len(sample) > MAX_CONTROL_SHARE


def decode(data: bytes, *, declared: str | None = None, sniff_declaration: bool = True) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, codec)``; raise ``DecodeError`` for binary input.

    ``declared`` is the HTTP header's charset. With ``sniff_declaration`` the document's own
    ``<meta charset>`` / XML prolog is honoured as well. A declared single-byte charset loses to
    valid multi-byte UTF-8, because such a sequence is almost never an accident while wrong
    labels on UTF-8 pages are common.
    """
    text, codec, _note = decode_noted(data, declared=declared, sniff_declaration=sniff_declaration)
    return text, codec


def decode_noted(
    data: bytes, *, declared: str | None = None, sniff_declaration: bool = True
) -> tuple[str, str, str | None]:
    """``decode``, plus a note when the text is not exactly what the bytes said: invalid UTF-8
    bytes replaced, or an encoding guessed statistically (the user should know either)."""
    utf16 = None if data.startswith(tuple(bom for bom, _ in _BOMS)) else _bomless_utf16(data)
    if utf16 is not None:
        codec = utf16
        return _checked(data.decode(codec)), codec, f"no byte-order mark: decoded as {codec} from its NUL-byte pattern"
    text, codec = _decode(data, declared=declared, sniff_declaration=sniff_declaration)
    if isinstance(codec, _Guess):
        return text, str(codec), codec.note
    return text, codec, None


class _Guess(str):
    """A codec name that was guessed, carrying the note to show for it."""

    note: str


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: text mostly in Latin script has a NUL in every other byte
    (odd positions for little-endian, even for big-endian); nothing else looks like that."""
    sample = data[:4096]
    if len(sample) < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.7 * len(zeros) and other.count(0) <= 0.05 * len(other):
            try:
                data.decode(codec)
            except UnicodeDecodeError:
                return None
            return codec
    return None


def _decode(data: bytes, *, declared: str | None, sniff_declaration: bool) -> tuple[str, str]:
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            text = _try(data[len(bom):], bom_codec)
            if text is None:
                raise DecodeError(f"starts with a {bom_codec} byte-order mark but does not decode as {bom_codec}")
            return _checked(text), bom_codec
    if b"\x00" in data:
        raise DecodeError("binary content (NUL bytes), not a text document")

    utf8 = _try(data, "utf-8")
    labels = [declared, declared_charset(data) if sniff_declaration else None]
    for label in labels:
        codec: str | None = _codec(label)
        if codec is None:
            continue
        if codec != "utf-8" and utf8 is not None and _is_single_byte(codec) and not utf8.isascii():
            return _checked(utf8), "utf-8"
        text = _try(data, codec)
        if text is not None:
            return _checked(text), codec
    if utf8 is not None:
        return _checked(utf8), "utf-8"

    return _guess(data)


#: Legacy encodings a mostly-English text plausibly uses; any other guess for such a text (cp775,
#: say) means a few stray bytes, not a legacy encoding.
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2"})
_VALID_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _guess(data: bytes) -> tuple[str, str]:
    """Bytes that are not UTF-8 and declare nothing: UTF-8 with a few damaged bytes (replaced, and
    said so), or else charset-normalizer's statistical guess (said so too)."""
    replaced = data.decode("utf-8", "replace")
    bad = replaced.count("\ufffd") - data.count("\ufffd".encode())
    ascii_share = sum(b < 0x80 for b in data[:65536]) / max(1, len(data[:65536]))
    best = from_bytes(data).best()
    valid = len(_VALID_MULTIBYTE.findall(data))
    damaged_utf8 = valid > 0 and valid >= 4 * bad  # mostly good UTF-8: a legacy text has few such pairs
    if damaged_utf8 or (ascii_share >= 0.98 and (best is None or best.encoding not in _WESTERN)):
        codec = _Guess("utf-8")
        codec.note = f"{bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD"
        return _checked(replaced), codec
    if best is None or best.encoding is None:
        raise DecodeError("undecodable bytes: no text encoding fits (binary file?)")
    codec = _Guess(best.encoding)
    codec.note = f"not UTF-8 and no charset declared: decoded as {best.encoding} (a statistical guess)"
    return _checked(str(best)), codec


def _checked(text: str) -> str:
    if _looks_binary(text):
        raise DecodeError("binary content (control characters), not a text document")
    return text
