"""Wagtail's upload forms held to Kopā's one allowlist (`cms.uploads`): documents, sound,
film and captions through the document form, pictures (lessons, certificate logos and
signatures) through the image form. Both are the bases of Wagtail's single, multiple and
chooser uploads (`WAGTAILDOCS_DOCUMENT_FORM_BASE`, `WAGTAILIMAGES_IMAGE_FORM_BASE`)."""

from django import forms
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from cms.uploads import UploadRefused, check_upload


def _checked(upload, purpose: str):
    # An unchanged file on an edit form is the stored one, already checked when it came.
    if not upload or not hasattr(upload, "content_type"):
        return upload
    try:
        check_upload(upload.name, upload, purpose)
    except UploadRefused as exc:
        raise forms.ValidationError(exc.message, code=exc.code) from exc
    return upload


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        return _checked(self.cleaned_data.get("file"), "document")


class ImageForm(BaseImageForm):
    def clean_file(self):
        return _checked(self.cleaned_data.get("file"), "image")
