"""Stored-XSS payloads for the browser sweep (tests/e2e/test_xss_sweep.py).

Each payload, if it ever runs, calls `__xss(n)` (or `alert(n)`, `confirm(n)`, `prompt(n)`,
`print()`), which the sweep's browser hooks record; so a failure names the payload by its
number and the page and field it was found on. `$X` below becomes `__xss(n)`, `$N` the number.
"""

_TEMPLATES = [
    # Script elements, in every spelling a parser accepts.
    "<script>$X</script>",
    "<ScRiPt>$X</sCrIpT>",
    "<script src=\"data:text/javascript,$X\"></script>",
    "<script>/*</script><script>*/$X</script>",
    "<scr<script>ipt>$X</scr</script>ipt>",
    # Event handlers on elements that fire without a click.
    "<img src=x onerror=$X>",
    "<img src=\"x\" onerror=\"$X\"/>",
    "<img/src=x/onerror=$X>",
    "<IMG SRC=x OnErRoR=$X>",
    "<svg onload=$X>",
    "<svg><script>$X</script></svg>",
    "<svg><animate onbegin=$X attributeName=x dur=1s>",
    "<body onload=$X>",
    "<details open ontoggle=$X>",
    "<input autofocus onfocus=$X>",
    "<video><source onerror=\"$X\"></video>",
    "<audio src=x onerror=$X>",
    "<object data=\"data:text/html,<script>parent.$X</script>\"></object>",
    "<embed src=\"data:text/html,<script>parent.$X</script>\">",
    "<marquee onstart=$X>x</marquee>",
    "<style onload=$X></style>",
    "<iframe onload=$X></iframe>",
    # javascript: and data: URLs (run on a click; the sweep also looks for them in the DOM).
    "<a href=\"javascript:$X\">link</a>",
    "<a href=\"JaVaScRiPt:$X\">link</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;$X\">link</a>",
    "<a href=\"java&#x09;script:$X\">link</a>",
    "<a href=\" javascript:$X\">link</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data</a>",
    "<iframe src=\"javascript:parent.$X\"></iframe>",
    "<iframe srcdoc=\"&lt;script&gt;parent.$X&lt;/script&gt;\"></iframe>",
    "<form action=\"javascript:$X\"><button>go</button></form>",
    "<button formaction=\"javascript:$X\">go</button>",
    "<math><a xlink:href=\"javascript:$X\">m</a></math>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:$X\">",
    "<base href=\"javascript:$X//\">",
    # CSS.
    "<p style=\"background:url(javascript:$X)\">css</p>",
    "<div style=\"width: expression($X)\">css</div>",
    "<style>@import 'javascript:$X';</style>",
    "<link rel=stylesheet href=\"javascript:$X\">",
    # Breaking out of an attribute, a quoted string or a script block.
    "\"><svg onload=$X>",
    "'><img src=x onerror=$X>",
    "\" autofocus onfocus=\"$X\" x=\"",
    "' onmouseover='$X' x='",
    "</title><script>$X</script>",
    "</textarea><script>$X</script>",
    "</script><script>$X</script>",
    "\\\";$X;//",
    "';$X;//",
    # mXSS: markup that changes meaning when parsed twice or nested.
    "<noscript><p title=\"</noscript><img src=x onerror=$X>\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=$X>",
    "<svg></p><style><a id=\"</style><img src=1 onerror=$X>\">",
    "<title><img src=</title><img src=x onerror=$X>>",
    "<!--<img src=x onerror=$X>-->",
    "<![CDATA[><img src=x onerror=$X>]]>",
    "<img src=x onerror=$X",
    # Entity and encoding tricks.
    "&lt;img src=x onerror=$X&gt;",
    "&#60;script&#62;$X&#60;/script&#62;",
    "\\u003cimg src=x onerror=$X\\u003e",
    "%3Cscript%3E$X%3C/script%3E",
    # Template and markdown lookalikes, and the browser's own dialogs.
    "{{constructor.constructor('$X')()}}",
    "${$X}",
    "{% raw %}<img src=x onerror=$X>{% endraw %}",
    "[click](javascript:$X)",
    "![img](x\" onerror=\"$X)",
    "<img src=x onerror=alert($N)>",
    "<img src=x onerror=confirm($N)>",
    "<img src=x onerror=prompt($N)>",
    "<svg onload=print()>",
    # Bidi overrides and isolates around markup (refused in names, kept as text elsewhere).
    "\u202e<img src=x onerror=$X>\u202c",
    "\u2066<svg onload=$X>\u2069",
]

PAYLOADS: list[str] = [
    template.replace("$X", f"__xss({number})").replace("$N", str(number))
    for number, template in enumerate(_TEMPLATES)
]

# Characters names refuse (accounts.validators); payloads holding them go into names only
# to see them refused.
_CONTROLS = {chr(c) for c in (*range(0x00, 0x20), 0x7F, *range(0x202A, 0x202F),
                              *range(0x2066, 0x206A))}


def has_controls(text: str) -> bool:
    return any(char in _CONTROLS for char in text)


def packed(limit: int, payloads: list[str] | None = None) -> list[str]:
    """The payloads packed into as few texts of at most `limit` characters as they fit,
    separated by a space, each payload whole (a longer one alone, cut to the limit)."""
    texts: list[str] = []
    current = ""
    for payload in PAYLOADS if payloads is None else payloads:
        if current and len(current) + 1 + len(payload) > limit:
            texts.append(current)
            current = ""
        current = f"{current} {payload}" if current else payload[:limit]
    if current:
        texts.append(current)
    return texts


def every_payload() -> str:
    """All payloads in one text, one a line (for fields without a length limit)."""
    return "\n".join(PAYLOADS)
