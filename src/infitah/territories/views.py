from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from infitah.core.contributions import member_sections, ordered
from infitah.territories import selectors
from infitah.territories.forms import MemberFilterForm
from infitah.territories.models import CollectivityKind, Membership

MEMBERS_PER_PAGE = 30


def network(request):
    regions = list(selectors.regions())
    form = MemberFilterForm(request.GET or None, regions=regions)
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {
            "kind": form.cleaned_data["kind"],
            "region": form.selected_region(),
            "query": form.cleaned_data["q"].strip(),
        }
    page = Paginator(selectors.members(**filters), MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "territories/network.html",
        {
            "network": selectors.network(),
            "member_counts": selectors.counts_for_display(selectors.member_counts()),
            "principles": selectors.principles_with_descriptions(),
            "partners": selectors.partners(),
            "form": form,
            "page": page,
            "filtered": any(filters.values()),
            "has_illustrative_members": selectors.has_illustrative_members(),
        },
    )


def member(request, code):
    try:
        membership, standings = selectors.member_detail(code)
    except Membership.DoesNotExist:
        raise Http404(_("No member of the network has the code %(code)s.") % {"code": code}) from None
    collectivity = membership.collectivity
    within = []
    if collectivity.kind != CollectivityKind.COMMUNE:
        within = list(selectors.members_within(collectivity))
    return render(
        request,
        "territories/member.html",
        {
            "membership": membership,
            "collectivity": collectivity,
            "standings": standings,
            "members_within": within,
            "member_sections": [
                {"template": section.template, **section.context(request, collectivity)}
                for section in ordered(member_sections)
            ],
        },
    )


def charter(request):
    return render(request, "territories/charter.html", {**selectors.charter(), "network": selectors.network()})
