"""Video links in lessons: YouTube and Vimeo only, in their private players, and the player
is not part of the page until the learner asks for it (nothing goes to the host before)."""

import pytest
from django.conf import settings
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.finders import get_finders
from wagtail.embeds.models import Embed

from lessons.embeds import private_player_html
from lessons.factories import add_lesson

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=kopa-test"


def test_youtube_and_vimeo_play_in_their_private_players():
    youtube = '<iframe src="https://www.youtube.com/embed/abc?feature=oembed"></iframe>'
    vimeo = '<iframe src="https://player.vimeo.com/video/76979871?app_id=122963"></iframe>'
    assert private_player_html(youtube) == (
        '<iframe src="https://www.youtube-nocookie.com/embed/abc?feature=oembed"></iframe>')
    assert private_player_html(vimeo) == ('<iframe src="https://player.vimeo.com/video/'
                                          '76979871?app_id=122963&amp;dnt=1"></iframe>')
    assert private_player_html(private_player_html(vimeo)) == private_player_html(vimeo)


def test_only_the_hosts_the_policy_lets_a_lesson_frame_are_asked_for_players():
    finders = get_finders()
    assert [type(finder).__name__ for finder in finders] == ["PrivateVideoFinder"]
    finder = finders[0]
    assert finder.accept(VIDEO_URL) and finder.accept("https://vimeo.com/76979871")
    assert not finder.accept("https://twitter.com/x/status/1")
    assert not finder.accept("https://www.dailymotion.com/video/x7tgad0")
    assert settings.CONTENT_SECURITY_POLICY[
        "DIRECTIVES"]["frame-src"] == settings.VIDEO_PLAYER_HOSTS


def test_the_player_waits_in_a_template_behind_a_button(client, module):
    Embed.objects.create(
        url=VIDEO_URL, hash=get_embed_hash(VIDEO_URL), type="video", provider_name="YouTube",
        html='<iframe src="https://www.youtube-nocookie.com/embed/kopa-test"></iframe>')
    lesson = add_lesson(module, slug="video", body=[
        ("video", {"title": "Saeima", "embed": VIDEO_URL, "transcript": "Saeimā …"})])
    html = client.get("/en" + lesson.url).content.decode()
    assert ('<template><iframe src="https://www.youtube-nocookie.com/embed/kopa-test">'
            "</iframe></template>") in html
    assert "Show the video from YouTube" in html and f'href="{VIDEO_URL}"' in html


def test_a_link_whose_host_cannot_be_asked_is_only_a_link(client, module):
    lesson = add_lesson(module, slug="video", body=[
        ("video", {"title": "Saeima", "embed": "https://twitter.com/x/status/1",
                   "transcript": "…"})])
    html = client.get("/en" + lesson.url).content.decode()
    assert "<iframe" not in html and "data-video-play" not in html
    assert 'href="https://twitter.com/x/status/1"' in html


def test_the_play_button_speaks_the_learners_language(client, module):
    Embed.objects.create(
        url=VIDEO_URL, hash=get_embed_hash(VIDEO_URL), type="video", provider_name="YouTube",
        html='<iframe src="https://www.youtube-nocookie.com/embed/kopa-test"></iframe>')
    lesson = add_lesson(module, slug="video", body=[
        ("video", {"title": "Saeima", "embed": VIDEO_URL, "transcript": "Saeimā …"})])
    assert "Rādīt video no YouTube" in client.get(lesson.url).content.decode()
    assert "Показати відео з YouTube" in client.get("/uk" + lesson.url).content.decode()
