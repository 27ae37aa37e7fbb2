from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "infitah.consultations"
    label = "consultations"
    verbose_name = _("Public consultations")

    def ready(self):
        self._list_in_sitemap()
        from infitah.accounts.links import PersonLink, register_person_link
        from infitah.consultations.models import Contribution

        # Staff may choose, in the back office, the people this app links to their collectivity.
        register_person_link(PersonLink(Contribution.objects.all, "consultation__collectivity", "author"))
        from infitah.consultations import (  # noqa: F401 - rules, personal data, home and waiting items register
            home,
            personal_data,
            report_rules,
            rules,
            waiting,
        )
        from infitah.consultations.gate import contribution_gate
        from infitah.consultations.models import Consultation, Contribution, Response
        from infitah.core.contributions import HomeSection, WaitingGroup, register_home_section, register_waiting
        from infitah.participation.notifications import register_verb
        from infitah.participation.targets import ParticipationTarget, register_scope, register_target

        register_target(
            ParticipationTarget(
                model=Contribution,
                features={"comment", "support", "follow", "report"},
                collectivity=lambda contribution: contribution.collectivity_id,
                gate=contribution_gate,
                url=lambda contribution: contribution.get_absolute_url(),
            )
        )
        register_scope(Consultation, lambda consultation: consultation.collectivity_id)
        register_scope(Response, lambda response: response.contribution.collectivity_id)
        register_verb("contribution_answered", _("%(actor)s answered your contribution “%(target)s”"))
        register_verb(
            "contribution_answer_changed", _("%(actor)s changed the answer to your contribution “%(target)s”")
        )
        register_home_section(
            HomeSection("consultations", "consultations/home_open.html", home.open_consultations, order=4)
        )
        register_home_section(HomeSection("answers", "consultations/home_answers.html", home.recent_answers, order=7))
        register_waiting(
            WaitingGroup("contributions", _("Contributions to answer"), waiting.contributions_to_answer, order=20)
        )
        register_waiting(
            WaitingGroup(
                "own_contributions", _("Your contributions and their answers"), waiting.own_contributions, order=60
            )
        )
        self._stamp_activity(Contribution, Response)

    @staticmethod
    def _stamp_activity(Contribution, Response):  # noqa: N803 - the models, passed in once the registry is ready
        """Any saved or deleted contribution or answer (hiding included) moves its consultation's activity stamp."""
        from django.db.models.signals import post_delete, post_save

        from infitah.consultations.selectors import touch

        def contribution_changed(sender, instance, **kwargs):
            touch(instance.consultation_id)

        def response_changed(sender, instance, **kwargs):
            touch(Contribution.objects.filter(pk=instance.contribution_id).values("consultation_id")[:1])

        for signal in (post_save, post_delete):
            # weak=False: the receivers are local functions, nothing else keeps them alive.
            signal.connect(contribution_changed, sender=Contribution, weak=False, dispatch_uid=f"stamp-c-{signal}")
            signal.connect(response_changed, sender=Response, weak=False, dispatch_uid=f"stamp-r-{signal}")

    @staticmethod
    def _list_in_sitemap():
        from infitah.consultations import sitemaps
        from infitah.core.contributions import register_sitemap

        register_sitemap("consultation_pages", sitemaps.ConsultationPagesSitemap)
        register_sitemap("consultations", sitemaps.ConsultationsSitemap)
