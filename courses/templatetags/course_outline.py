"""`{% outline_url entry %}`: the address of an outline entry (module, lesson, quiz) in the
learner's language, also when the entry is an untranslated original (see
courses.selectors.outline.Shown.url)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def outline_url(context, entry) -> str:
    return entry.url(context.get("request")) or ""
