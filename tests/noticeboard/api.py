from django.http import Http404
from ninja import Router, Schema

from infitah.api.problems import Id, documented
from tests.noticeboard.models import Notice

router = Router(tags=["notices"])


class NoticeOut(Schema):
    id: int
    title: str
    collectivity: str


@router.get("/notices/{notice_id}", response=documented(200, NoticeOut, not_found=True), operation_id="get_notice")
def get_notice(request, notice_id: Id):
    notice = Notice.objects.filter(pk=notice_id, is_published=True).select_related("collectivity").first()
    if notice is None:
        raise Http404
    return {"id": notice.pk, "title": notice.title, "collectivity": notice.collectivity.code}
