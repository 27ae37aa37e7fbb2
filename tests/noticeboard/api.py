from django.http import HttpRequest
from ninja import Schema

from infitah.api.problems import Id, first_or_404
from infitah.api.routers import AppRouter
from tests.noticeboard.models import Notice

router = AppRouter("noticeboard", tags=["notices"])


class NoticeOut(Schema):
    id: int
    title: str
    collectivity: str


@router.one("/notices/{notice_id}", NoticeOut, summary="A published notice")
def get_notice(request: HttpRequest, notice_id: Id) -> dict:
    notice = first_or_404(
        Notice.objects.filter(pk=notice_id, is_published=True).select_related("collectivity"),
        "There is no published notice with this id.",
    )
    return {"id": notice.pk, "title": notice.title, "collectivity": notice.collectivity.code}
