from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from infitah.core.permissions import can
from infitah.participation import attachments
from infitah.participation.forms import AttachmentForm
from infitah.participation.models import Attachment
from infitah.participation.targets import ParticipationRefused
from infitah.participation.views.common import next_url, resolve


def download(request, pk):
    """The only way a file leaves the platform: as a download, never rendered by the browser."""
    attachment = get_object_or_404(Attachment.objects.select_related("content_type"), pk=pk)
    if not can(request.user, "participation.download_attachment", attachment):
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.mime_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Even if a browser ignored the disposition, the file gets no script, no plugin and no same-origin rights.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store" if attachment.is_hidden else "private"
    return response


@require_POST
def upload(request, target, pk):
    obj = resolve(target, pk)
    back = next_url(request, obj)
    if not request.user.is_authenticated:
        return redirect_to_login(back)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("file", []):
            messages.error(request, error)
        return redirect(back)
    try:
        attachments.attach(request.user, obj, form.cleaned_data["file"])
    except ParticipationRefused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("The file is attached."))
    return redirect(back)
