"""PDF documents rendered from templates with WeasyPrint, in the page's language and direction.

Arabic needs shaping and right-to-left layout: WeasyPrint does both through Pango/HarfBuzz with a system font that
has the glyphs: Noto Sans Arabic and Noto Sans Tifinagh (Debian's fonts-noto-core), else DejaVu Sans. The
self-hosted web fonts are not used here: the @fontsource subsets lose the text layer (pdftotext and screen readers
get broken words). Nothing is fetched: the HTML carries no external URL.
"""

from django.template.loader import render_to_string
from django.utils import translation


def render_pdf(template_name, context, language):
    """Render `template_name` (which extends core/pdf_base.html) in `language` and return the PDF's bytes."""
    return render_pdf_parts(template_name, [context], language)


def render_pdf_parts(template_name, contexts, language, progress=None):
    """One PDF from the template rendered once per context, part after part: a long document is laid out in
    pieces so that `progress(done, total)` can be told as it goes (layout is the slow step)."""
    from weasyprint import HTML

    documents = []
    with translation.override(language):
        for done, context in enumerate(contexts, start=1):
            html = render_to_string(template_name, {**context, "LANGUAGE_BIDI": translation.get_language_bidi()})
            documents.append(HTML(string=html, url_fetcher=_refuse_fetching).render())
            if progress is not None:
                progress(done, len(contexts))
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf()


def _refuse_fetching(url, *args, **kwargs):
    raise ValueError(f"PDF documents load nothing from outside: {url}")
