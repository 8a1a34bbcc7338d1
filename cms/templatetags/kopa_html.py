"""`{{ text|clean_html }}` for HTML people wrote: cleaned by `cms.html`, never `|safe`."""

from django import template

from cms import html

register = template.Library()


@register.filter(name="clean_html")
def clean_html(value) -> str:
    return html.safe_html(str(value or ""))


@register.filter(name="clean_html_around")
def clean_html_around(pieces) -> list:
    return html.clean_html_around(list(pieces or []))
