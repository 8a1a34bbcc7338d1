"""The one allowlist of files Kopā takes in: for every upload path (lesson documents, sound
and film, images, question-bank files and the pictures inside them, participant lists),
which types, how large, and what their first bytes must look like.

Why first bytes: a browser that is told a file's type may still sniff it, and a page named
`.pdf` or `.mp3` that is really HTML or SVG would run script from the site's own origin.
So a file is taken only when its contents start the way its type does, and nothing that
starts like a web page is taken under a name that is not one. Nothing here trusts the
content type the browser sent: it is the uploader's to choose.

This module is imported by the settings (Wagtail's extension lists come from it), so it
imports nothing of Django's that needs the settings at import time."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext as _

from cms.errors import KopaError

HEAD_BYTES = 1024
MARKUP = (b"<!doctype", b"<html", b"<svg", b"<script", b"<?xml", b"<body", b"<iframe",
          b"<head", b"<meta", b"<object", b"<embed", b"<img", b"<a ", b"<div", b"<style",
          b"<x:", b"<xsl")
BOM = b"\xef\xbb\xbf"


def _text(head: bytes) -> bool:
    """Plain text (CSV, GIFT, TXT): anything but the start of a web page."""
    return not head.removeprefix(BOM).lstrip().lower().startswith(MARKUP)


def _riff(form: bytes) -> Callable[[bytes], bool]:
    return lambda head: head[:4] == b"RIFF" and head[8:12] == form


def _starts(*prefixes: bytes) -> Callable[[bytes], bool]:
    return lambda head: head.startswith(prefixes)


def _mp3(head: bytes) -> bool:
    # An ID3 tag, or straight into an MPEG audio frame (11 sync bits set).
    return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF
                                       and head[1] & 0xE0 == 0xE0)


def _iso_media(head: bytes) -> bool:
    return head[4:8] == b"ftyp"  # MP4 and M4A: an ISO base media file


def _pdf(head: bytes) -> bool:
    # The PDF header may follow a little junk, which readers accept; a page may not.
    return b"%PDF-" in head and _text(head)


def _vtt(head: bytes) -> bool:
    return head.removeprefix(BOM).startswith(b"WEBVTT")


def _moodle_xml(head: bytes) -> bool:
    """A Moodle question file: XML whose root is `<quiz>` (never an SVG or XHTML page)."""
    start = head.removeprefix(BOM).lstrip()
    if start.startswith(b"<?xml"):
        start = start.partition(b"?>")[2].lstrip()
    while start.startswith(b"<!--"):
        start = start.partition(b"-->")[2].lstrip()
    return start.startswith(b"<quiz")


@dataclass(frozen=True)
class FileType:
    extension: str
    kind: str  # a key of KOPA_UPLOAD_LIMITS_MB
    content_type: str
    looks_right: Callable[[bytes], bool]
    # Shown in the browser when opened (a picture, sound, film, captions, a PDF); anything
    # else is served as a download.
    inline: bool = False


_OFFICE = _starts(b"PK\x03\x04")  # OOXML and OpenDocument are ZIP files
TYPES: dict[str, FileType] = {t.extension: t for t in [
    FileType("jpg", "image", "image/jpeg", _starts(b"\xff\xd8\xff"), inline=True),
    FileType("jpeg", "image", "image/jpeg", _starts(b"\xff\xd8\xff"), inline=True),
    FileType("png", "image", "image/png", _starts(b"\x89PNG\r\n\x1a\n"), inline=True),
    FileType("gif", "image", "image/gif", _starts(b"GIF87a", b"GIF89a"), inline=True),
    FileType("webp", "image", "image/webp", _riff(b"WEBP"), inline=True),
    FileType("mp3", "audio", "audio/mpeg", _mp3, inline=True),
    FileType("ogg", "audio", "audio/ogg", _starts(b"OggS"), inline=True),
    FileType("m4a", "audio", "audio/mp4", _iso_media, inline=True),
    FileType("wav", "audio", "audio/wav", _riff(b"WAVE"), inline=True),
    FileType("mp4", "video", "video/mp4", _iso_media, inline=True),
    FileType("webm", "video", "video/webm", _starts(b"\x1a\x45\xdf\xa3"), inline=True),
    FileType("vtt", "captions", "text/vtt", _vtt, inline=True),
    FileType("pdf", "document", "application/pdf", _pdf, inline=True),
    FileType("docx", "document", "application/vnd.openxmlformats-officedocument."
             "wordprocessingml.document", _OFFICE),
    FileType("pptx", "document", "application/vnd.openxmlformats-officedocument."
             "presentationml.presentation", _OFFICE),
    FileType("xlsx", "document", "application/vnd.openxmlformats-officedocument."
             "spreadsheetml.sheet", _OFFICE),
    FileType("odt", "document", "application/vnd.oasis.opendocument.text", _OFFICE),
    FileType("ods", "document", "application/vnd.oasis.opendocument.spreadsheet", _OFFICE),
    FileType("txt", "document", "text/plain", _text),
]}
# Files that are read, never stored or served: their own kinds and limits.
READ_ONLY_TYPES: dict[str, dict[str, FileType]] = {
    "question_import": {t.extension: t for t in [
        FileType("xml", "question_import", "application/xml", _moodle_xml),
        FileType("gift", "question_import", "text/plain", _text),
        FileType("txt", "question_import", "text/plain", _text)]},
    "participants": {t.extension: t for t in [
        FileType("csv", "participants", "text/csv", _text),
        FileType("txt", "participants", "text/plain", _text),
        FileType("xlsx", "participants", TYPES["xlsx"].content_type, _OFFICE)]},
}
# What each way in takes.
PURPOSES: dict[str, tuple[str, ...]] = {
    "document": ("document", "audio", "video", "captions"),  # Wagtail documents
    "image": ("image",),  # Wagtail images: lesson pictures, certificate logos, signatures
    "question_file": ("image", "audio"),  # pictures and sounds inside imported questions
    "question_import": ("question_import",),
    "participants": ("participants",),
}
DEFAULT_LIMITS_MB = {"document": 20, "audio": 50, "video": 500, "captions": 1, "image": 10,
                     "question_import": 20, "participants": 5}


class UploadRefused(KopaError):
    code = "bad_file"
    status = 400


def types_for(purpose: str) -> dict[str, FileType]:
    if purpose in READ_ONLY_TYPES:
        return READ_ONLY_TYPES[purpose]
    return {ext: t for ext, t in TYPES.items() if t.kind in PURPOSES[purpose]}


def extensions_for(purpose: str) -> list[str]:
    return list(types_for(purpose))


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def limit_mb(kind: str) -> int:
    from django.conf import settings

    return getattr(settings, "KOPA_UPLOAD_LIMITS_MB", {}).get(kind, DEFAULT_LIMITS_MB[kind])


def check_upload(name: str, upload: bytes | IO[bytes], purpose: str) -> FileType:
    """The file's type if `purpose` takes it; `UploadRefused` saying why otherwise.
    `upload` is the content or an open file (left at its start)."""
    allowed = types_for(purpose)
    file_type = allowed.get(extension_of(name))
    if file_type is None:
        raise UploadRefused(
            _("Files of this type cannot be uploaded here. Allowed: %(types)s.")
            % {"types": ", ".join(sorted(allowed))}, code="bad_file_type")
    if isinstance(upload, bytes | bytearray):
        size, head = len(upload), bytes(upload[:HEAD_BYTES])
    else:
        upload.seek(0, 2)
        size = upload.tell()
        upload.seek(0)
        head = upload.read(HEAD_BYTES)
        upload.seek(0)
    limit = limit_mb(file_type.kind)
    if size > limit * 1024 * 1024:
        raise UploadRefused(
            _("The file is too large: at most %(limit)s MB for this kind of file.")
            % {"limit": limit}, code="file_too_large")
    if not file_type.looks_right(head):
        if not _text(head):
            raise UploadRefused(_(
                "This file holds a web page, not the kind its name says. Upload the "
                "document itself (e.g. as PDF)."), code="bad_file")
        raise UploadRefused(
            _("This file is not a real .%(extension)s file: its contents do not "
                         "match its name. Save it again from the program that made it.")
            % {"extension": file_type.extension}, code="bad_file")
    return file_type


def served_inline(name: str) -> FileType | None:
    """The type under which a stored file may be shown in the browser; None: download."""
    file_type = TYPES.get(extension_of(name))
    return file_type if file_type and file_type.inline else None
