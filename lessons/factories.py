"""Lessons for tests and the demo, added with Wagtail's tree API so they are real pages."""

import factory

from lessons.models import LessonPage


def add_lesson(module, *, title: str = "Satversme", slug: str | None = None,
               body: list | None = None, publish: bool = True, **fields) -> LessonPage:
    """`publish` saves a revision and publishes it (as an editor would); without it the page
    is live but has no revision, which is faster for large test courses."""
    lesson = LessonPage(title=title, slug=slug or factory.Faker._get_faker().slug(),
                        body=body or [], **fields)
    module.add_child(instance=lesson)
    if publish:
        lesson.save_revision().publish()
    return lesson


def sample_body() -> list:
    """One block of every kind that needs no uploaded file."""
    return [
        ("heading", {"text": "Satversme", "level": "h2"}),
        ("text", "<p>Latvijas Republikas Satversme pieņemta <b>1922. gadā</b>.</p>"),
        ("vocabulary", {"title": "Vārdi", "items": [
            {"term": "maize", "part_of_speech": "noun", "translation_en": "bread",
             "translation_ru": "хлеб", "translation_uk": "хліб", "audio": None}]}),
        ("dialogue", {"title": "Veikalā", "lines": [
            {"speaker": "Pārdevēja", "line": "Labdien! Ko vēlaties?",
             "translation": "Hello! What would you like?", "audio": None},
            {"speaker": "Pircējs", "line": "Vienu maizi, lūdzu.",
             "translation": "One loaf of bread, please.", "audio": None}]}),
        ("callout", {"kind": "important", "text": "<p>Saeimā ir 100 deputātu.</p>"}),
        ("self_check", {"question": "Cik deputātu ir Saeimā?", "options": [
            {"text": "100", "correct": True, "feedback": "Pareizi!"},
            {"text": "50", "correct": False, "feedback": "Nē, vairāk."}],
            "explanation": "Saeimu ievēl uz četriem gadiem."}),
    ]


def media_body() -> list:
    """One block of every kind, media included: an image, audio, a video file with captions,
    a document, and pronunciation audio in the vocabulary and the dialogue."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    def document(name: str, content: bytes) -> Document:
        return Document.objects.create(title=name, file=ContentFile(content, name=name))

    image = Image.objects.create(title="Brīvības piemineklis", file=get_test_image_file())
    audio = document("veikala.mp3", b"ID3")
    word = document("maize.mp3", b"ID3")
    video = document("satversme.mp4", b"\x00\x00\x00\x18ftypmp42")
    captions = document("satversme.vtt", b"WEBVTT\n")
    handout = document("satversme.pdf", b"%PDF-1.4\n")
    body = sample_body()
    body[2][1]["items"][0]["audio"] = word
    body[3][1]["lines"][0]["audio"] = audio
    return [
        *body,
        ("image", {"image": image, "alt_text": "Brīvības piemineklis Rīgā",
                    "caption": "Rīga"}),
        ("audio", {"title": "Veikalā", "file": audio, "transcript": "Labdien!"}),
        ("video", {"title": "Satversme", "embed": "", "file": video,
                   "captions": captions, "transcript": "Satversme ir pamatlikums."}),
        ("download", {"document": handout, "description": "Satversmes teksts"}),
    ]
