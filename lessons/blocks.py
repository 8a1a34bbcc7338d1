"""What a lesson is made of. Each block asks the author for what makes it accessible
(alt text, a transcript, captions) and renders with its own small template."""

from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Documents of the body being converted, fetched in one query by LessonBodyValue.
_body_documents: ContextVar[dict | None] = ContextVar("kopa_body_documents", default=None)


class LessonDocumentChooserBlock(DocumentChooserBlock):
    """Wagtail looks documents up once per block kind and field (audio, video, captions,
    vocabulary and dialogue pronunciation, downloads: six queries for a rich lesson); this
    one takes them from the single lookup its lesson body made for all of them."""

    def bulk_to_python(self, values):
        known = _body_documents.get()
        if known is None:
            return super().bulk_to_python(values)
        missing = {value for value in values if isinstance(value, int) and value not in known}
        if missing:  # not found by the walk (it should not happen): Wagtail's own lookup
            known = {**known, **self.model_class.objects.in_bulk(missing)}
        return [value if isinstance(value, models.Model) else known.get(value)
                for value in values]


def document_ids(block, raw, found: set) -> set:
    """Every document id in a body's stored JSON, walking the block definitions."""
    if raw in (None, "", []):
        return found
    if isinstance(block, DocumentChooserBlock):
        if isinstance(raw, int):
            found.add(raw)
    elif isinstance(block, blocks.StreamBlock):
        for item in raw:
            if not isinstance(item, dict):  # (type, value) pairs hold documents already
                continue
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                document_ids(child, item.get("value"), found)
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            # Stored as {"type": "item", "value": ..., "id": ...}; very old rows as bare values.
            is_wrapped = isinstance(item, dict) and item.get("type") == "item" and "value" in item
            document_ids(block.child_block, item["value"] if is_wrapped else item, found)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            document_ids(child, raw.get(name), found)
    return found


class PartOfSpeech(models.TextChoices):
    NOUN = "noun", _("noun")
    VERB = "verb", _("verb")
    ADJECTIVE = "adjective", _("adjective")
    ADVERB = "adverb", _("adverb")
    NUMERAL = "numeral", _("numeral")
    PRONOUN = "pronoun", _("pronoun")
    PHRASE = "phrase", _("phrase")
    OTHER = "other", _("other")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"), choices=[("h2", _("Section")), ("h3", _("Subsection"))], default="h2",
        help_text=_("The lesson title is the page's only top heading."))

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "lessons/blocks/heading.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alt text"), max_length=250,
        help_text=_("What the image shows, for people who cannot see it; e.g. The Freedom "
                    "Monument in Rīga on a sunny day"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "lessons/blocks/figure.html"


class AudioBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200,
                             help_text=_("e.g. Listen: at the shop"))
    file = LessonDocumentChooserBlock(label=_("audio file"),
                                help_text=_("An uploaded MP3 or OGG file."))
    transcript = blocks.TextBlock(
        label=_("transcript"),
        help_text=_("Everything that is said, for people who cannot listen."))

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "lessons/blocks/audio.html"


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    embed = EmbedBlock(label=_("video link"), required=False,
                       help_text=_("e.g. a YouTube or Vimeo address"))
    file = LessonDocumentChooserBlock(label=_("video file"), required=False,
                                help_text=_("An uploaded MP4 or WebM file."))
    captions = LessonDocumentChooserBlock(label=_("captions (WebVTT)"), required=False)
    transcript = blocks.TextBlock(label=_("transcript"), required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "lessons/blocks/video.html"

    def get_context(self, value, parent_context=None):
        from lessons.embeds import lesson_player

        context = super().get_context(value, parent_context=parent_context)
        context["player"] = lesson_player(value.get("embed"))
        return context

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("embed") and not value.get("file"):
            errors["embed"] = ValidationError(_("Give a video link or upload a file."))
        if not value.get("transcript") and not value.get("captions"):
            errors["transcript"] = ValidationError(
                _("Add a transcript or captions, for people who cannot listen."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class VocabularyItemBlock(blocks.StructBlock):
    term = blocks.CharBlock(label=_("Latvian term"), max_length=120,
                            help_text=_("e.g. maize"))
    part_of_speech = blocks.ChoiceBlock(label=_("part of speech"),
                                        choices=PartOfSpeech.choices, required=False)
    translation_en = blocks.CharBlock(label=_("in English"), max_length=120, required=False)
    translation_ru = blocks.CharBlock(label=_("in Russian"), max_length=120, required=False)
    translation_uk = blocks.CharBlock(label=_("in Ukrainian"), max_length=120, required=False)
    audio = LessonDocumentChooserBlock(label=_("pronunciation"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Word")


class VocabularyBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200, required=False,
                             help_text=_("e.g. Words for shopping"))
    items = blocks.ListBlock(VocabularyItemBlock(), label=_("words"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Vocabulary")
        template = "lessons/blocks/vocabulary.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        labels = dict(PartOfSpeech.choices)
        context["rows"] = [{"item": item, "part_of_speech": labels.get(item["part_of_speech"])}
                           for item in value["items"]]
        return context


class DialogueLineBlock(blocks.StructBlock):
    speaker = blocks.CharBlock(label=_("speaker"), max_length=60, help_text=_("e.g. Pārdevēja"))
    line = blocks.TextBlock(label=_("line"))
    translation = blocks.CharBlock(label=_("translation"), max_length=300, required=False,
                                   help_text=_("Optional, in English"))
    audio = LessonDocumentChooserBlock(label=_("audio"), required=False)

    class Meta:
        icon = "user"
        label = _("Line")


class DialogueBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200, required=False,
                             help_text=_("e.g. At the bakery"))
    lines = blocks.ListBlock(DialogueLineBlock(), label=_("lines"), min_num=1)

    class Meta:
        icon = "group"
        label = _("Dialogue")
        template = "lessons/blocks/dialogue.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("kind"), default="tip",
                              choices=[("tip", _("Tip")), ("important", _("Important"))])
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "lessons/blocks/callout.html"


class DownloadBlock(blocks.StructBlock):
    document = LessonDocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(label=_("description"), max_length=200, required=False,
                                   help_text=_("e.g. Application form for a residence permit"))

    class Meta:
        icon = "doc-full"
        label = _("Download")
        template = "lessons/blocks/download.html"


class SelfCheckOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=200)
    correct = blocks.BooleanBlock(label=_("correct"), required=False)
    feedback = blocks.CharBlock(label=_("feedback"), max_length=300, required=False,
                                help_text=_("Shown when the learner picks this answer."))

    class Meta:
        icon = "tick"
        label = _("Answer")


class SelfCheckBlock(blocks.StructBlock):
    """A question to check understanding: instant feedback, no grade, nothing stored."""

    question = blocks.CharBlock(label=_("question"), max_length=300)
    options = blocks.ListBlock(SelfCheckOptionBlock(), label=_("answers"), min_num=2)
    explanation = blocks.TextBlock(label=_("explanation"), required=False)

    class Meta:
        icon = "help"
        label = _("Self-check question")
        template = "lessons/blocks/self_check.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["correct_answers"] = [option["text"] for option in value["options"]
                                      if option["correct"]]
        return context

    def clean(self, value):
        value = super().clean(value)
        if not any(option["correct"] for option in value["options"]):
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(_("Mark at least one answer as "
                                                           "correct."))})
        return value


class LessonBodyValue(StreamValue):
    """A lesson body read from the database. On first reading a block it fetches every
    document of the whole body in one query, and converts each kind of block with them
    at hand; a lesson merely loaded (in a listing) costs nothing."""

    _documents: dict | None = None

    def _prefetch_blocks(self, type_name):
        if self._documents is None:
            from wagtail.documents import get_document_model

            raw = [item for item in self._raw_data if item is not None]
            ids = document_ids(self.stream_block, raw, set())
            self._documents = get_document_model().objects.in_bulk(ids) if ids else {}
        token = _body_documents.set(self._documents)
        try:
            super()._prefetch_blocks(type_name)
        finally:
            _body_documents.reset(token)


class LessonBodyBlock(blocks.StreamBlock):
    def to_python(self, value):
        stream = super().to_python(value)
        if not stream.is_lazy:
            return stream  # built from Python values: documents are there already
        return LessonBodyValue(self, stream._raw_data, is_lazy=True)

    heading = HeadingBlock()
    text = blocks.RichTextBlock(
        label=_("Text"), icon="pilcrow", template="lessons/blocks/text.html",
        features=["h3", "bold", "italic", "link", "ol", "ul", "document-link"])
    image = FigureBlock()
    audio = AudioBlock()
    video = VideoBlock()
    vocabulary = VocabularyBlock()
    dialogue = DialogueBlock()
    callout = CalloutBlock()
    download = DownloadBlock()
    self_check = SelfCheckBlock()
