from infitah.consultations.selectors import consultation_list
from infitah.core.sitemaps import PagesSitemap, PublicSitemap


class ConsultationPagesSitemap(PagesSitemap):
    url_names = ("consultations:list",)


class ConsultationsSitemap(PublicSitemap):
    """Consultations on public programs."""

    def items(self):
        return consultation_list().order_by("pk")
