"""Every page a demo learner, teacher, coordinator and manager can reach by following links
answers and fits a 360 px phone without scrolling sideways (wide tables scroll in their
own box). The pages come from the demo data, so new pages are checked as soon as the
demo links to them."""

import re
from urllib.parse import urljoin, urlparse

import pytest
from django.core.management import call_command

from accounts.models import User
from tests.e2e.test_attendance import ARTIFACTS, browser, signed_in_page  # noqa: F401

pytestmark = [pytest.mark.usefixtures("wagtail_root"),
              pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Downloads and pages outside the public site are not layouts to check.
SKIP = re.compile(r"^/(admin|api|documents|media|static)/|sign-out|/erase|/export|"
                  r"\.(pdf|csv|xlsx|zip|ics)$|/(pdf|zip|cards|sheet|ical|qr)/")
PAGES_PER_ROLE = 30


def crawl(page, base: str, start: str) -> dict[str, tuple[int, int]]:
    """Breadth-first over same-site links: {path: (status, page width)}."""
    seen: dict[str, tuple[int, int]] = {}
    queue = [start]
    while queue and len(seen) < PAGES_PER_ROLE:
        path = queue.pop(0)
        if path in seen:
            continue
        response = page.goto(base + path)
        seen[path] = (response.status if response else 0,
                      page.evaluate("document.documentElement.scrollWidth"))
        for href in page.eval_on_selector_all("a[href]",
                                              "links => links.map(a => a.href)"):
            url = urlparse(urljoin(base + path, href))
            if url.netloc != urlparse(base).netloc or SKIP.search(url.path):
                continue
            target = url.path + (f"?{url.query}" if url.query else "")
            if target not in seen and target not in queue:
                queue.append(target)
    return seen


def test_every_linked_page_fits_a_phone(browser, live_server):  # noqa: F811
    call_command("seed_demo", verbosity=0)
    problems = []
    for username in ("learner", "teacher", "coordinator", "manager"):
        page = signed_in_page(browser, live_server, User.objects.get(username=username))
        visited = crawl(page, live_server.url, "/my/")
        assert len(visited) >= 8, (username, visited)
        problems += [(username, path, status, width)
                     for path, (status, width) in visited.items()
                     if status != 200 or width > 360]
        page.context.close()
    assert not problems, problems
