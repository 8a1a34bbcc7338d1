"""Video links in lessons: only YouTube and Vimeo (the hosts the Content-Security-Policy
lets a lesson frame), in their privacy-enhanced players, and loaded only when the learner
presses play (lessons/blocks/video.html, lesson.js), so opening a lesson asks no other
site for anything."""

import re

from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.embeds.finders.oembed import OEmbedFinder
from wagtail.embeds.models import Embed

VIMEO_PLAYER = re.compile(r'src="(https://player\.vimeo\.com/video/[^"]*)"')


def private_player_html(html: str) -> str:
    """YouTube's no-cookie player sets no cookies until the video plays; Vimeo's `dnt`
    turns off its tracking of the viewer."""
    html = html.replace('src="https://www.youtube.com/embed/',
                        'src="https://www.youtube-nocookie.com/embed/')

    def no_tracking(match: re.Match) -> str:
        url = match.group(1)
        if "dnt=1" in url:
            return match.group(0)
        return f'src="{url}{"&amp;" if "?" in url else "?"}dnt=1"'

    return VIMEO_PLAYER.sub(no_tracking, html)


class PrivateVideoFinder(OEmbedFinder):
    """The oEmbed finder (WAGTAILEMBEDS_FINDERS) with the players made private."""

    def find_embed(self, url, max_width=None, max_height=None):
        result = super().find_embed(url, max_width, max_height)
        result["html"] = private_player_html(result.get("html") or "")
        return result


def lesson_player(embed_value) -> Embed | None:
    """The stored player of a video block's link; None when the link is empty or its host
    cannot be asked (the block then offers only the link)."""
    if not embed_value or not getattr(embed_value, "url", ""):
        return None
    try:
        return get_embed(embed_value.url)
    except EmbedException:
        return None
