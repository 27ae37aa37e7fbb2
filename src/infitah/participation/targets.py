"""Which objects people may comment on, support, follow, report or attach files to.

The app that owns a model declares it once, in its AppConfig.ready():

    register_target(ParticipationTarget(
        model=Commitment,
        features={"comment", "support", "follow", "report"},
        collectivity=lambda commitment: commitment.program.collectivity_id,
        gate=consultation_gate,        # (user, obj, feature) -> None when open, else the reason shown
        url=lambda commitment: commitment.get_absolute_url(),
    ))

Nothing else can be the target of a comment or a support: a forged form naming another model gets a 404.
The gate says whether the object is open *now* (a consultation's dates, a frozen version); the permission
rules (rules.py) say who may act. The gate is also asked with feature "view" before an attachment of the
object is downloaded, so an object that is not public keeps its files private. Moderators still download the files
of an object that is not public (a hidden contribution's, to judge a report), unless its target sets
`gate_decides_viewing`: then the gate's "view" answer says who may see the object at all (a party's unsubmitted
draft is nobody else's), and it binds the moderators too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from infitah.core.capabilities import accepts
from infitah.core.permissions import Refused

# The one "collectivity of an object" lives in core.scopes; targets register into it too.
from infitah.core.scopes import collectivity_id_of, register_scope, unregister_scope

if TYPE_CHECKING:
    from django.contrib.contenttypes.models import ContentType
    from django_stubs_ext import StrOrPromise

    from infitah.accounts.types import Viewer

FEATURES = frozenset({"comment", "support", "follow", "report", "attach"})
VIEW = "view"

REFUSED = {
    "comment": _("Comments are not open here."),
    "support": _("Supports are not open here."),
    "follow": _("This cannot be followed."),
    "report": _("This cannot be reported."),
    "attach": _("Files cannot be attached here."),
    VIEW: _("This is not public."),
}


class ParticipationRefused(Refused):
    """A participation was refused; `reason` says why, in words meant for the person who tried."""


@dataclass(frozen=True)
class ParticipationTarget:
    model: type[models.Model]
    features: frozenset = field(default_factory=frozenset)
    collectivity: Callable | None = None
    gate: Callable | None = None
    url: Callable | None = None
    # True when the gate's "view" refusal means "not yours to see" rather than "not public": moderators then get
    # the object's files only when the gate lets them see the object, like everyone else.
    gate_decides_viewing: bool = False
    # The related objects `gate` and `collectivity` read (select_related names): loaded with the object wherever a
    # page loads its targets at once (a shared page's parts: participation's template tags).
    reads: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        unknown = set(self.features) - FEATURES
        if unknown:
            raise ValueError(f"unknown participation features: {sorted(unknown)}")
        object.__setattr__(self, "features", frozenset(self.features))

    @property
    def label(self) -> str:
        return self.model._meta.label_lower


_TARGETS: dict[str, ParticipationTarget] = {}


def register_target(target: ParticipationTarget) -> None:
    """Declare a target; its `collectivity`, when given, becomes the model's scope (core.scopes)."""
    _TARGETS[target.label] = target
    if target.collectivity is not None:
        register_scope(target.model, target.collectivity)


def unregister_target(model: type[models.Model]) -> None:
    target = _TARGETS.pop(model._meta.label_lower, None)
    if target is not None and target.collectivity is not None:
        unregister_scope(model, target.collectivity)


accepts(ParticipationTarget, register_target)


def target_for(obj_or_model: models.Model | type[models.Model] | None) -> ParticipationTarget | None:
    if obj_or_model is None:
        return None
    return _TARGETS.get(obj_or_model._meta.label_lower)


def target_model(label: str) -> type[models.Model] | None:
    """The registered model for a label such as "consultations.contribution", or None."""
    target = _TARGETS.get(label)
    return target.model if target else None


def label_of(obj: models.Model | type[models.Model]) -> str:
    return obj._meta.label_lower


def refusal(user: Viewer, obj: Any, feature: str) -> StrOrPromise | None:
    """None when `obj` is open for `feature` now, else the reason to show. Who may act is rules.py's concern."""
    target = target_for(obj)
    if feature == VIEW:
        if target is not None and target.gate is not None:
            return target.gate(user, obj, VIEW)
        return REFUSED[VIEW] if getattr(obj, "is_hidden", False) else None
    if target is None or feature not in target.features:
        return REFUSED[feature]
    if target.gate is not None:
        return target.gate(user, obj, feature)
    return None


def kept_from(user: Viewer, obj: Any) -> bool:
    """`obj`'s gate decides who sees it, and `user` is not one of them: the object's files reach nobody it is kept
    from, moderators included (the person who uploaded a file keeps it)."""
    target = target_for(obj)
    return target is not None and target.gate_decides_viewing and refusal(user, obj, VIEW) is not None


def url_of(obj: Any) -> str:
    """Where `obj` is shown, for links from notifications, the moderation log and redirects."""
    target = target_for(obj)
    if target is not None and target.url is not None:
        return target.url(obj)
    get_absolute_url = getattr(obj, "get_absolute_url", None)
    return get_absolute_url() if get_absolute_url else ""


def ensure(user: Viewer, action: str, obj: Any, feature: str | None = None) -> None:
    """Raise ParticipationRefused unless `user` may do `action` to `obj` and `obj` is open for `feature` now.

    The gate is asked even of platform administrators: a closed consultation is closed for everyone.
    """
    from infitah.core.permissions import can

    if user is None or not user.is_authenticated:
        raise ParticipationRefused(_("Log in first."))
    if feature is not None:
        reason = refusal(user, obj, feature)
        if reason:
            raise ParticipationRefused(reason)
    if not can(user, action, obj):
        raise ParticipationRefused(_("You may not do this here."))


def target_fields(obj: models.Model) -> dict[str, Any]:
    """The generic link and the collectivity of a participation row about `obj`."""
    from django.contrib.contenttypes.models import ContentType

    return {
        "content_type": ContentType.objects.get_for_model(obj),
        "object_id": obj.pk,
        "collectivity_id": collectivity_id_of(obj),
    }


def content_type_of(obj: models.Model | type[models.Model]) -> ContentType:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj)
