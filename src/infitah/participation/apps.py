from django.utils.translation import gettext_lazy as _

from infitah.core import capabilities


class ParticipationConfig(capabilities.CapabilityConfig):
    name = "infitah.participation"
    label = "participation"
    verbose_name = _("Participation and moderation")

    def ready(self):
        super().ready()
        from django.db.models.signals import post_delete

        from infitah.participation.models import Comment

        # However a comment goes (the admin, its parent's deletion), the counts follow in the same transaction.
        post_delete.connect(_comment_deleted, sender=Comment, dispatch_uid="participation.comment_counts")


def _comment_deleted(sender, instance, **kwargs):
    from infitah.participation.threads import counted_removal

    counted_removal(instance)
