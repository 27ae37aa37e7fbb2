"""The search page: anyone searches what anyone may read (each source's `rows()` is public by contract)."""

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from infitah.core.search import sources
from infitah.search import highlight, selectors
from infitah.search.forms import SearchForm

RESULTS_PER_PAGE = 20


def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    context: dict[str, Any] = {"form": form, "filtered": form.has_filters(), "state": "empty"}
    if form.is_valid():
        query = form.query()
        if form.cleaned_data.get("q") and not query:
            context["state"] = "no_words"
        elif query:
            language = (get_language() or "ar")[:2]
            found = selectors.results(query, form.filters(), language)
            page = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
            labels = {declared.kind: declared.label for declared in sources()}
            context.update(
                state="results" if page.object_list else "none",
                page=page,
                results=[
                    {
                        "entry": entry,
                        "label": labels.get(entry.kind, entry.kind),
                        "snippet": highlight.snippet(entry.text, query),
                        "title": highlight.marked(entry.title, query),
                    }
                    for entry in page.object_list
                ],
            )
    else:
        context["state"] = "invalid"
    return render(request, "search/page.html", context)
