"""The forum's pages: the categories, a category's threads, a thread with its replies (paged), a reply's permalink,
and the forms to start a thread, reply and edit. Members-only categories and their threads are a 404 to others."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from infitah.accounts.models import User
from infitah.core.permissions import can, require
from infitah.forum import links, selectors, services
from infitah.forum.forms import EditForm, EditThreadForm, ReplyForm, ThreadForm
from infitah.forum.membership import standing_of
from infitah.forum.models import Category, Post, Thread
from infitah.forum.presenting import present
from infitah.participation.follows import is_following


def _person(request: HttpRequest) -> User:
    """The signed-in person (the views that call it are behind login_required)."""
    assert isinstance(request.user, User)
    return request.user


def _said(refusal: services.ForumRefused | ValidationError) -> Any:
    """What to tell the person: a refusal's reason, or the validation error itself."""
    return refusal.reason if isinstance(refusal, services.ForumRefused) else refusal


def _readable_category(request: HttpRequest, slug: str) -> Category:
    category = get_object_or_404(Category, slug=slug)
    if not can(request.user, "forum.view", category):
        raise Http404("no such category")
    return category


def _readable_thread(request: HttpRequest, pk: int) -> Thread:
    thread = get_object_or_404(
        Thread.objects.select_related(
            "category", "author", "collectivity", "commitment__program__collectivity", "event__collectivity"
        ),
        pk=pk,
    )
    if not can(request.user, "forum.view", thread):
        raise Http404("no such thread")
    return thread


def index(request: HttpRequest) -> HttpResponse:
    categories = selectors.categories_for(request.user).annotate(
        thread_count=Count("threads", filter=Q(threads__is_hidden=False)),
        last_activity=Max("threads__last_activity_at", filter=Q(threads__is_hidden=False)),
    )
    recent = selectors.listed(selectors.threads_for(request.user))[:10]
    return render(
        request,
        "forum/index.html",
        {"categories": categories, "recent": recent, "may_post": can(request.user, "forum.post")},
    )


def category(request: HttpRequest, slug: str) -> HttpResponse:
    chosen = _readable_category(request, slug)
    threads = selectors.listed(selectors.threads_for(request.user).filter(category=chosen))
    page = Paginator(threads, selectors.THREADS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "forum/category.html",
        {"category": chosen, "page": page, "may_post": can(request.user, "forum.post", chosen)},
    )


class _CountedPaginator(Paginator):
    """A thread's replies, counted by the thread's cached reply count instead of a COUNT(*) of its posts."""

    def __init__(self, object_list: Any, per_page: int, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @property
    def count(self) -> int:
        return self._known_count


def thread(request: HttpRequest, pk: int) -> HttpResponse:
    shown = _readable_thread(request, pk)
    paginator = _CountedPaginator(selectors.thread_page_posts(shown), selectors.POSTS_PER_PAGE, shown.reply_count)
    asked = request.GET.get("page")
    page = paginator.get_page(paginator.num_pages if asked == "last" else asked)
    standing = standing_of(request.user)
    may_reply = can(request.user, "forum.post", shown)
    form = ReplyForm(standing=standing) if may_reply and not shown.is_locked else None
    return _thread_page(request, shown, page, form, replying_to=_replying_to(request.GET, shown))


def _replying_to(data: Any, shown: Thread) -> Post | None:
    """The visible reply of this thread named by `reply_to` (anything else, forged or hidden, is ignored)."""
    named = data.get("reply_to", "")
    if not named.isdigit():
        return None
    return shown.posts.filter(pk=int(named), is_hidden=False).select_related("author").first()


def _thread_page(
    request: HttpRequest, shown: Thread, page: Any, form: Any, status: int = 200, replying_to: Post | None = None
) -> HttpResponse:
    opening, posts = present(request.user, shown, list(page.object_list))
    context = {
        "thread": shown,
        "opening": opening,
        "page": page,
        "posts": posts,
        "form": form,
        "may_post": can(request.user, "forum.post", shown),
        "may_moderate": can(request.user, "forum.moderate", shown),
        "linked": links.linked_objects(shown, request.user),
        "following": is_following(request.user, shown),
        "may_follow": request.user.is_authenticated and can(request.user, "participation.follow", shown),
        "label": "forum.thread",
        "replying_to": replying_to,
    }
    return render(request, "forum/thread.html", context, status=status)


def permalink(request: HttpRequest, pk: int) -> HttpResponse:
    """A reply's lasting address: the page of its thread that shows it, at its anchor."""
    post = get_object_or_404(Post.objects.select_related("thread__category"), pk=pk)
    if not can(request.user, "forum.view", post.thread):
        raise Http404("no such reply")
    page = selectors.page_of(post)
    return redirect(f"{reverse('forum:thread', args=[post.thread_id])}?page={page}#post-{post.pk}")


@login_required
def new_thread(request: HttpRequest, slug: str) -> HttpResponse:
    chosen = _readable_category(request, slug)
    require(request.user, "forum.post", chosen)
    standing = standing_of(request.user)
    form = ThreadForm(request.POST or None, standing=standing)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            started = services.start_thread(
                _person(request),
                chosen,
                data["title"],
                data["body"],
                collectivity_id=data["collectivity"].pk if data.get("collectivity") else None,
                commitment=data.get("commitment"),
                event=data.get("event"),
                practice_id=data["practice"].pk if data.get("practice") else None,
            )
        except (services.ForumRefused, ValidationError) as refusal:
            form.add_error(None, _said(refusal))
        else:
            messages.success(request, _("Your thread is published."))
            return redirect(started)
    return render(
        request, "forum/thread_form.html", {"category": chosen, "form": form}, status=400 if form.errors else 200
    )


@login_required
@require_POST
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    shown = _readable_thread(request, pk)
    require(request.user, "forum.post", shown)
    form = ReplyForm(request.POST, standing=standing_of(request.user))
    if form.is_valid():
        reply_to = _replying_to(request.POST, shown)
        try:
            post = services.reply(
                _person(request),
                shown,
                form.cleaned_data["body"],
                collectivity_id=form.cleaned_data["collectivity"].pk if form.cleaned_data.get("collectivity") else None,
                reply_to=reply_to,
            )
        except (services.ForumRefused, ValidationError) as refusal:
            form.add_error(None, _said(refusal))
        else:
            messages.success(request, _("Your reply is published."))
            return redirect(post)
    shown.refresh_from_db()
    paginator = _CountedPaginator(selectors.thread_page_posts(shown), selectors.POSTS_PER_PAGE, shown.reply_count)
    last = paginator.get_page(paginator.num_pages)
    return _thread_page(request, shown, last, form, status=400, replying_to=_replying_to(request.POST, shown))


@login_required
def edit(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    if kind == "thread":
        message: Thread | Post = _readable_thread(request, pk)
        form_class: type[EditForm] = EditThreadForm
        initial = {"title": message.title, "body": message.body} if isinstance(message, Thread) else {}
    elif kind == "post":
        message = get_object_or_404(Post.objects.select_related("thread__category"), pk=pk)
        if not can(request.user, "forum.view", message.thread):
            raise Http404("no such reply")
        form_class, initial = EditForm, {"body": message.body}
    else:
        raise Http404("nothing of that kind")
    require(request.user, "forum.edit", message)
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.edit(_person(request), message, form.cleaned_data["body"], form.cleaned_data.get("title"))
        except (services.ForumRefused, ValidationError) as refusal:
            form.add_error(None, _said(refusal))
        else:
            messages.success(request, _("Your message is updated; it is marked as edited."))
            return redirect(message)
    return render(request, "forum/edit.html", {"form": form, "message": message}, status=400 if form.errors else 200)


@login_required
@require_POST
def moderate_thread(request: HttpRequest, pk: int) -> HttpResponse:
    shown = _readable_thread(request, pk)
    require(request.user, "forum.moderate", shown)
    action = request.POST.get("action")
    acts = {
        "lock": (services.set_locked, True, _("The thread is locked.")),
        "unlock": (services.set_locked, False, _("The thread is open to replies again.")),
        "pin": (services.set_pinned, True, _("The thread is pinned at the top of its category.")),
        "unpin": (services.set_pinned, False, _("The thread is no longer pinned.")),
    }
    if action not in acts:
        raise Http404("unknown action")
    act, value, done = acts[action]
    act(_person(request), shown, value)
    messages.success(request, done)
    return redirect(shown)


@login_required
@require_GET
def members(request: HttpRequest) -> JsonResponse:
    """The mention picker's suggestions: members whose name contains `q` (for members only)."""
    require(request.user, "forum.post")
    found = services.mentionable(None, request.GET.get("q", ""))
    return JsonResponse({"members": [{"id": pk, "name": name} for pk, name in found]})
