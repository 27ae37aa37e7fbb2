"""What a consultation's page offers its reader to contribute: the forms, or why not. Rendered for each reader,
never in a page shared by several (core.sharedpages): the personal parts of consultation_reader."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from infitah.accounts.models import Association
from infitah.consultations import selectors
from infitah.consultations.forms import CommentForm, ProposalForm
from infitah.consultations.gate import dates_refusal, is_open
from infitah.consultations.models import Consultation
from infitah.core.permissions import can


def represented_associations(user: Any) -> QuerySet[Association] | None:
    if not user.is_authenticated:
        return None
    return Association.objects.filter(representative_links__user=user, is_verified=True).order_by("pk")


def may_contribute(user: Any, consultation: Consultation, now: datetime.datetime | None = None) -> bool:
    """May `user` contribute now (signed in, the consultation open, and theirs: residents only takes residents)."""
    return bool(
        user.is_authenticated and is_open(consultation, now) and can(user, "consultations.contribute", consultation)
    )


def forms_for(
    request: HttpRequest, consultation: Consultation, data: Any = None, which: str | None = None
) -> tuple[CommentForm, ProposalForm]:
    """The comment and proposal forms, `which` of them bound to `data`; the comment's place is the one the reader
    chose ("Comment on this axis": ?about=axis:KEY)."""
    index = selectors.version_index(consultation)
    associations = represented_associations(request.user)
    comment = CommentForm(
        data if which == "comment" else None,
        index=index,
        associations=associations,
        initial_where=request.GET.get("about", ""),
    )
    proposal = ProposalForm(data if which == "proposal" else None, index=index, associations=associations)
    return comment, proposal


def contribute_state(
    request: HttpRequest, consultation: Consultation, posted: tuple[CommentForm, ProposalForm] | None = None
) -> dict[str, Any]:
    """What the page's "Contribute" section shows `request`'s reader. `posted`: the forms of a refused post, shown
    again with their errors and the text typed, even once the consultation has closed."""
    user = request.user
    closed_reason = dates_refusal(consultation)
    allowed = may_contribute(user, consultation)
    signed_in = user.is_authenticated
    show_forms = allowed or (signed_in and posted is not None)
    comment_form, proposal_form = (posted or forms_for(request, consultation)) if show_forms else (None, None)
    return {
        "consultation": consultation,
        "closed_reason": closed_reason,
        "show_forms": show_forms,
        "residents_refused": signed_in and not closed_reason and not allowed,
        "comment_form": comment_form,
        "proposal_form": proposal_form,
    }
