from infitah.core import capabilities


class NoticeboardConfig(capabilities.CapabilityConfig):
    name = "tests.noticeboard"
    label = "noticeboard"
    verbose_name = "Notice board"
