"""What a reader's powers add to the resource library's pages, as powers-only parts of the copy everyone signed in
shares (core.sharedpages): `{% load resource_reader %}` then `{% resource_publish_link %}` on the list and
`{% resource_version_link resource %}` on a resource's page (for those who may publish it)."""

from typing import Any

from django import template

from infitah.core.permissions import can
from infitah.core.sharedpages import powers_only_flags

register = template.Library()


@powers_only_flags(register, "resources", "resources/_publish_link.html", "resource")
def resource_publish_link(user: Any, _nothing: Any) -> dict[str, bool]:
    """Publish a resource: for whoever may publish one somewhere."""
    return {"may_publish": user.is_authenticated and can(user, "resources.publish")}


@powers_only_flags(register, "resources", "resources/_version_link.html", "resource")
def resource_version_link(user: Any, resource: Any) -> dict[str, bool]:
    """Publish a new version of the resource: for those who may publish it."""
    return {"may_publish": user.is_authenticated and can(user, "resources.publish", resource)}
