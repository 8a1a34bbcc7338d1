"""Sessions as an iCalendar feed (RFC 5545), written out by hand: a few fields suffice."""

import datetime

from django.conf import settings
from django.utils import timezone

from attendance.models import ClassSession


def escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def stamp(moment) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar(sessions: list[ClassSession], *, name: str) -> str:
    now = timezone.now()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kopa//Attendance//LV",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(name)}"]
    for session in sessions:
        summary = session.run.title + (f" — {session.topic}" if session.topic else "")
        lines += [
            "BEGIN:VEVENT",
            f"UID:kopa-session-{session.pk}@{settings.KOPA_BASE_URL.split('//')[-1]}",
            f"DTSTAMP:{stamp(now)}",
            f"DTSTART:{stamp(session.starts_at)}",
            f"DTEND:{stamp(session.ends_at)}",
            f"SUMMARY:{escape(summary)}",
        ]
        if session.place:
            lines.append(f"LOCATION:{escape(session.place)}")
        if session.online_url:
            lines.append(f"URL:{session.online_url}")
        if session.is_cancelled:
            lines.append("STATUS:CANCELLED")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
