from django.http import Http404
from django.shortcuts import render

from infitah.core.permissions import can
from tests.noticeboard.models import Notice


def notice_list(request):
    return render(request, "noticeboard/list.html", {"notices": Notice.objects.filter(is_published=True)})


def notice_detail(request, pk):
    notice = Notice.objects.filter(pk=pk).first()
    if notice is None or not can(request.user, "noticeboard.view_notice", notice):
        raise Http404
    return render(request, "noticeboard/notice.html", {"notice": notice})
