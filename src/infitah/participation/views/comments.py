from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from infitah.core.permissions import require
from infitah.participation import comments
from infitah.participation.forms import CommentForm
from infitah.participation.models import Comment
from infitah.participation.targets import ParticipationRefused, label_of, target_for, url_of
from infitah.participation.threads import permalink
from infitah.participation.views.common import next_url, resolve


def thread(request, target, pk):
    """The comments on an object, with the form; also where a refused comment comes back, text kept."""
    obj = resolve(target, pk)
    form = CommentForm()
    status = 200
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        form = CommentForm(request.POST)
        if form.is_valid():
            try:
                parent = _parent(form.cleaned_data["parent"])
                comment = comments.post_comment(request.user, obj, form.cleaned_data["body"], parent=parent)
            except (ParticipationRefused, ValidationError) as refusal:
                form.add_error(None, getattr(refusal, "message", refusal))
            else:
                messages.success(request, _("Your comment is published."))
                # The page of the thread that holds it (the last one, for a new comment on a long thread).
                return redirect(permalink(next_url(request, obj, request.path), comment.pk))
        status = 400
    return render(
        request,
        "participation/thread_page.html",
        {
            "target": obj,
            "form": form,
            "features": target_for(obj).features,
            "place_url": url_of(obj),
        },
        status=status,
    )


def _parent(parent_id):
    if not parent_id:
        return None
    parent = Comment.objects.filter(pk=parent_id).select_related("author").first()
    if parent is None:
        raise ParticipationRefused(_("The comment you replied to no longer exists."))
    return parent


@login_required
def edit(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("author"), pk=pk)
    require(request.user, "participation.edit_comment", comment)
    target = comment.target
    form = CommentForm(initial={"body": comment.body})
    status = 200
    if request.method == "POST":
        form = CommentForm(request.POST)
        if form.is_valid():
            try:
                comments.edit_comment(request.user, comment, form.cleaned_data["body"])
            except ParticipationRefused as refusal:
                form.add_error(None, refusal.message)
            else:
                messages.success(request, _("Your comment is updated."))
                thread_page = reverse("participation:comments", args=[label_of(target), target.pk])
                return redirect(permalink(next_url(request, target, thread_page), comment.pk))
        status = 400
    return render(
        request,
        "participation/comment_edit.html",
        {
            "comment": comment,
            "target": target,
            "form": form,
            "next": request.GET.get("next") or request.POST.get("next", ""),
        },
        status=status,
    )
