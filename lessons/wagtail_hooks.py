"""Documents of lessons are served only to who may see a page that uses them."""

from django.http import Http404
from wagtail import hooks


@hooks.register("before_serve_document")
def serve_documents_only_to_who_may_see_their_pages(document, request):
    from lessons.selectors import may_fetch_document

    if not may_fetch_document(request, document):
        # 404, not 403: someone who may not see the course may not know the file exists.
        raise Http404
