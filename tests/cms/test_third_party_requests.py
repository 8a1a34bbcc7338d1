"""No page makes the browser ask another host for anything: what a page loads (scripts,
style sheets, pictures, frames, sound and film) comes from Kopā itself, the Wagtail admin
included (no Gravatar). A lesson's video player waits inert in a <template> until the
learner presses play (tests/lessons/test_video_embeds.py)."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from lessons.factories import add_lesson, media_body

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=kopa-test"
LOADING = {"img": ["src", "srcset"], "script": ["src"], "iframe": ["src"], "frame": ["src"],
           "source": ["src", "srcset"], "track": ["src"], "video": ["src", "poster"],
           "audio": ["src"], "embed": ["src"], "object": ["data"], "input": ["src"]}
LINK_LOADS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest",
              "apple-touch-icon", "dns-prefetch", "preconnect"}


class Loads(HTMLParser):
    """The addresses a browser would fetch while showing the page (<template> content is
    inert, so it is skipped)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.in_template = 0

    def handle_starttag(self, tag, attrs):
        if tag == "template":
            self.in_template += 1
        if self.in_template:
            return
        attrs = dict(attrs)
        names = list(LOADING.get(tag, []))
        if tag == "link" and set((attrs.get("rel") or "").split()) & LINK_LOADS:
            names.append("href")
        for name in names:
            for part in (attrs.get(name) or "").split(","):
                if part.strip():
                    self.urls.append(part.strip().split()[0])

    def handle_endtag(self, tag):
        if tag == "template":
            self.in_template -= 1


def foreign_loads(html: str) -> list[str]:
    parser = Loads()
    parser.feed(html)
    return [url for url in parser.urls if urlsplit(url).netloc not in ("", "testserver")]


@pytest.fixture
def lesson(module):
    Embed.objects.create(
        url=VIDEO_URL, hash=get_embed_hash(VIDEO_URL), type="video", provider_name="YouTube",
        html='<iframe src="https://www.youtube-nocookie.com/embed/kopa-test"></iframe>')
    return add_lesson(module, slug="satversme", body=[
        *media_body(), ("video", {"title": "Saeima", "embed": VIDEO_URL,
                                  "transcript": "Saeimā ir 100 deputātu."})])


@pytest.fixture
def superuser(make_user):
    user = make_user(username="boss", email="boss@example.lv")
    user.is_superuser = user.is_staff = True
    user.save()
    return user


def test_the_parser_sees_what_a_browser_would_load():
    html = ('<img src="https://cdn.example/a.png"><link rel="stylesheet" '
            'href="//fonts.example/css"><a href="https://example.org/">x</a>'
            '<template><iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>'
            '</template><script src="/static/x.js"></script>')
    assert foreign_loads(html) == ["https://cdn.example/a.png", "//fonts.example/css"]


def test_site_pages_load_nothing_from_other_hosts(client, course_index, lesson, learner,
                                                  superuser):
    pages = ["/", course_index.url, lesson.url, "/verify/", "/accounts/sign-in/"]
    for user in (None, learner, superuser):  # the superuser also gets Wagtail's user bar
        if user:
            client.force_login(user)
        for path in pages:
            response = client.get(path, follow=True)  # sign-in sends the signed-in home
            assert response.status_code == 200, path
            html = response.content.decode()
            assert foreign_loads(html) == [], (path, user)
            assert "gravatar" not in html.lower()
    assert "<img" in client.get(lesson.url).content.decode()  # pictures were looked at


def test_the_admin_loads_nothing_from_other_hosts_and_no_gravatar(client, lesson,
                                                                  superuser):
    client.force_login(superuser)
    for path in ["/admin/", f"/admin/pages/{lesson.pk}/edit/", "/admin/account/",
                 "/admin/users/"]:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert foreign_loads(html) == [], path
        assert "gravatar" not in html.lower(), path


def test_rich_text_offers_no_embed_that_would_load_with_the_page():
    from wagtail.admin.rich_text import get_rich_text_editor_widget

    from cms.models import HomePage

    assert "embed" not in get_rich_text_editor_widget().features
    field = HomePage._meta.get_field("body").formfield()
    assert "embed" not in field.widget.features and "image" in field.widget.features
