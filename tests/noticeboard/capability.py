from infitah.core.capabilities import Capability, Demo, Urls
from infitah.core.contributions import NavigationItem
from infitah.core.search import SearchDocuments


def declare() -> Capability:
    from tests.noticeboard.models import Notice

    return Capability(
        urls=(Urls("notices/", "tests.noticeboard.urls"),),
        api="tests.noticeboard.api.router",
        demo=Demo("tests.noticeboard.demo.load", after=("territories",)),
        rules=("tests.noticeboard.rules",),
        contributes=(
            NavigationItem("notices", "Notices", "noticeboard:list", order=90),
            SearchDocuments(
                kind="noticeboard.notice",
                label="Notices",
                rows=lambda: Notice.objects.filter(is_published=True),
                title=str,
                text=lambda notice: notice.text,
                url=lambda notice: notice.get_absolute_url(),
                collectivity=lambda notice: notice.collectivity_id,
            ),
        ),
    )
