"""The demo site: locales, the home page as the site root, and site settings."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, Locale, Page, Site

from cms.models import HomePage, SiteSettings

CONTENT_LOCALES = ["lv", "en", "ru", "uk"]


def ensure_tree_roots(locale: Locale) -> None:
    """Wagtail's migrations create the page tree's root and the root collection (which
    image and document permissions hang on); a flushed database, as after a transactional
    test, has neither, so make them again."""
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale,
                                    content_type=ContentType.objects.get_for_model(Page)))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def load(context: dict) -> None:
    for code in CONTENT_LOCALES:
        Locale.objects.get_or_create(language_code=code)
    lv = Locale.objects.get(language_code="lv")
    ensure_tree_roots(lv)
    home = HomePage.objects.filter(locale=lv).first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title="Kopā", slug="kopa", locale=lv,
            intro="Latviešu valodas un integrācijas kursi klātienē un tiešsaistē — "
                  "Rīgā, Liepājā, Jelgavā, Daugavpilī, Cēsīs un Rēzeknē.",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home,
                                   is_default_site=True, site_name="Kopā")
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Kopā"
        site.save()
        # Wagtail's placeholder "Welcome" page is of no use once Kopā's home is the root.
        if old_root.content_type.model == "page" and old_root.depth == 2:
            old_root.delete()
    settings = SiteSettings.for_site(site)
    if not settings.organisation_name:
        settings.organisation_name = "Biedrība “Kopā” (demo)"
        settings.contact_email = "info@kopa.example"
        settings.funding_notice = ("Projektu līdzfinansē Eiropas Savienība. "
                                   "The project is co-funded by the European Union.")
        settings.save()
    context["home"] = home
    context["site"] = site
