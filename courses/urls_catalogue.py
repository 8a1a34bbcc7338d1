# The catalogue, course and module pages are Wagtail pages (served by their page types);
# the catalogue needs no URLs of its own.
urlpatterns: list = []
