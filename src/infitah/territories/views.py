from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from infitah.core.contributions import member_sections, ordered
from infitah.core.counting import CountedPaginator
from infitah.core.pagecache import page_depends_on
from infitah.territories import contact as contact_service
from infitah.territories import selectors
from infitah.territories.forms import ContactForm, MemberFilterForm
from infitah.territories.models import CollectivityKind, Membership

MEMBERS_PER_PAGE = 30


def network(request):
    from infitah.core.contributions import network_sections

    regions = list(selectors.regions())
    form = MemberFilterForm(request.GET or None, regions=regions)
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {
            "kind": form.cleaned_data["kind"],
            "region": form.selected_region(),
            "query": form.cleaned_data["q"].strip(),
        }
    page = CountedPaginator(selectors.listed(selectors.members(**filters)), MEMBERS_PER_PAGE).get_page(
        request.GET.get("page")
    )
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
            "rows": selectors.member_rows(page.object_list),
            "filtered": any(filters.values()),
            "has_illustrative_members": selectors.has_illustrative_members(),
            "network_sections": [
                {"template": section.template, **context}
                for section in ordered(network_sections)
                if (context := section.context(request))
            ],
        },
    )


def member(request, code):
    try:
        membership, standings = selectors.member_detail(code)
    except Membership.DoesNotExist:
        raise Http404(_("No member of the network has the code %(code)s.") % {"code": code}) from None
    collectivity = membership.collectivity
    if collectivity.kind == CollectivityKind.COMMUNE:  # a province's page also lists its member communes
        page_depends_on(request, collectivity.pk)
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
                {"key": section.key, "template": section.template, **section.context(request, collectivity)}
                for section in ordered(member_sections)
            ],
        },
    )


def contact(request, code):
    """Write to a member collectivity: to its focal points and the address it published, never shown in full
    unless published; limited per network address and e-mail; the text is kept when something is refused."""
    membership = Membership.objects.select_related("collectivity").filter(collectivity__code=code).first()
    if membership is None:
        raise Http404(_("No member of the network has the code %(code)s.") % {"code": code})
    collectivity = membership.collectivity
    people = contact_service.focal_points(collectivity)
    reachable = contact_service.may_receive(collectivity, people)
    form = ContactForm(request.POST or None)
    status = 200
    if request.method == "POST" and reachable:
        if form.is_valid():
            data = form.cleaned_data
            if contact_service.over_limit([contact_service.client_ip(request), data["email"].lower()]):
                form.add_error(
                    None,
                    _(
                        "You have sent several messages in a short time. Your message is kept below: "
                        "send it again in an hour."
                    ),
                )
                status = 429
            else:
                contact_service.send(
                    collectivity,
                    name=data["name"],
                    email=data["email"],
                    subject=data["subject"],
                    message=data["message"],
                    page_url=request.build_absolute_uri(membership.get_absolute_url()),
                )
                messages.success(
                    request, _("Your message has been sent to the collectivity. It will answer by e-mail.")
                )
                return redirect(membership.get_absolute_url())
        else:
            status = 400
    return render(
        request,
        "territories/contact.html",
        {"collectivity": collectivity, "membership": membership, "form": form, "reachable": reachable},
        status=status,
    )


def charter(request):
    return render(request, "territories/charter.html", {**selectors.charter(), "network": selectors.network()})
