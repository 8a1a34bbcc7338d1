"""The admin's document form with Kopā's limits: a size per kind of file, and no markup
dressed up as something else (an HTML or SVG page named .pdf or .mp3 would run script
from the site's own origin if a browser ever sniffed it)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

KINDS = {"audio": ("mp3", "ogg", "m4a", "wav"), "video": ("mp4", "webm"),
         "captions": ("vtt",)}
MARKUP = (b"<!doctype html", b"<html", b"<svg", b"<script", b"<?xml", b"<body", b"<iframe")


def kind_of(name: str) -> str:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return next((kind for kind, extensions in KINDS.items() if extension in extensions),
                "document")


class LessonDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload or not hasattr(upload, "size"):
            return upload
        kind = kind_of(upload.name)
        limit_mb = settings.KOPA_UPLOAD_LIMITS_MB[kind]
        if upload.size > limit_mb * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is too large: at most %(limit)s MB for this kind of file.")
                % {"limit": limit_mb}, code="too_large")
        upload.seek(0)
        head = upload.read(512).lstrip().lower()
        upload.seek(0)
        if kind != "captions" and head.startswith(MARKUP):
            raise forms.ValidationError(
                _("This file holds a web page, not the kind its name says. Upload the "
                  "document itself (e.g. as PDF)."), code="markup")
        return upload
