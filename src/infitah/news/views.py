"""The public news pages: the list (filters, pages), one item, its image. Drafts, scheduled and withdrawn items are
a 404 to everyone but those who may manage them."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from infitah.core.permissions import can
from infitah.core.principles import Principle
from infitah.core.translation import tr
from infitah.news import selectors
from infitah.news.forms import NewsFilterForm
from infitah.news.models import NewsItem
from infitah.news.text import render_body

MAX_ID = 2**63 - 1
PER_PAGE = 20


def news_list(request: HttpRequest) -> HttpResponse:
    form = NewsFilterForm(request.GET or None, publishers=selectors.publishers(), years=selectors.years())
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    news = selectors.filtered(selectors.public_news(), filters)
    page = Paginator(news, PER_PAGE).get_page(request.GET.get("page"))
    publisher = filters.get("publisher")
    feed_url = selectors.feed_link()
    if publisher:
        feed_url += f"?publisher={publisher}"
    return render(
        request,
        "news/list.html",
        {
            "form": form,
            "page": page,
            "filtered": any(filters.values()),
            "feed_url": feed_url,
        },
    )


def _visible_or_404(request: HttpRequest, pk: int) -> NewsItem:
    if pk > MAX_ID:
        raise Http404
    item = get_object_or_404(NewsItem.objects.select_related("collectivity"), pk=pk)
    if not can(request.user, "news.view_item", item):
        raise Http404(_("There is no published news item at this address."))
    return item


def news_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = _visible_or_404(request, pk)
    body = tr(item.body)
    return render(
        request,
        "news/detail.html",
        {
            "item": item,
            "body": body,
            "body_html": render_body(body),
            "principles": [Principle(value).label for value in item.principles if value in Principle.values],
            "feed_url": selectors.feed_link(item.collectivity),
        },
    )


def news_image(request: HttpRequest, pk: int) -> FileResponse:
    """The item's image, checked on upload (PNG or JPEG), served with its own type, never sniffed, never a page."""
    item = _visible_or_404(request, pk)
    if not item.image or item.image_type not in {"image/png", "image/jpeg"}:
        raise Http404
    response = FileResponse(item.image.open("rb"), content_type=item.image_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response
