"""The co-evaluation pages as each person sees them: a party's draft stays its own (pages, lists, counts), bad input
is explained and nothing typed is lost, people's text is escaped, other collectivities' and absurd addresses 404."""

from decimal import Decimal

import pytest
from django.urls import reverse

from infitah.evaluation import services
from infitah.evaluation.models import FrameworkStatus, Party, Reconciliation, Score
from tests.clients import page_as
from tests.evaluation.factories import CampaignFactory, IndicatorFactory, score
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SECRET = "Self draft evidence: minutes of the 3rd council"


def campaign_url(people):
    return reverse("evaluation:campaign", args=[people.campaign.pk])


def assessment_url(people, party):
    return reverse("evaluation:assessment", args=[people.campaign.pk, party])


def score_url(people, party, indicator):
    return reverse("evaluation:score", args=[people.campaign.pk, party, indicator.pk])


def fill(people, who, assessment, values, evidence=""):
    for indicator, value in zip(people.indicators, values, strict=True):
        services.record_score(who, assessment, indicator, value=Decimal(value), evidence=evidence)


def test_nobody_outside_the_party_sees_its_unsubmitted_draft(client, people):
    fill(people, people.editor, people.own, [3, 3, 3], evidence=SECRET)
    for url in (campaign_url(people), assessment_url(people, Party.SELF), reverse("evaluation:campaigns")):
        for person in (None, people.citizen, people.representative, people.coordinator, people.other_focal_point):
            html = page_as(client, person, url)
            assert SECRET not in html, (url, person)
            assert "not submitted yet" in html or "private to its party" in html or url.endswith("/campaigns/")
    # Its own party reads it.
    assert SECRET in page_as(client, people.focal_point, assessment_url(people, Party.SELF))
    assert SECRET in page_as(client, people.editor, campaign_url(people))


def test_a_platform_administrator_is_no_party_either(client, people):
    """Administrators may do all the platform declares, but a party's draft is its own (binds_administrators)."""
    administrator = UserFactory(is_superuser=True, is_staff=True)
    fill(people, people.editor, people.own, [3, 3, 3], evidence=SECRET)
    for url in (campaign_url(people), assessment_url(people, Party.SELF)):
        assert SECRET not in page_as(client, administrator, url), url
    client.force_login(administrator)
    assert client.post(score_url(people, Party.SELF, people.indicators[0]), {"value": "1"}).status_code == 404
    assert list(Score.objects.filter(assessment=people.own).values_list("value", flat=True)) == [3, 3, 3]
    services.submit(people.focal_point, people.own)
    assert SECRET in page_as(client, administrator, assessment_url(people, Party.SELF))


def test_the_association_sees_the_self_assessment_only_once_submitted(client, people):
    fill(people, people.editor, people.own, [3, 3, 3], evidence=SECRET)
    assert SECRET not in page_as(client, people.representative, assessment_url(people, Party.SELF))
    services.submit(people.focal_point, people.own)
    html = page_as(client, people.representative, assessment_url(people, Party.SELF))
    assert SECRET in html and "Submitted" in html
    assert SECRET in page_as(client, None, campaign_url(people))


def test_staff_never_see_the_associations_draft(client, people):
    fill(people, people.representative, people.independent, [1, 1, 1], evidence="Independent draft notes")
    for person in (people.focal_point, people.editor, people.coordinator, None):
        assert "Independent draft notes" not in page_as(client, person, campaign_url(people))
        assert "Independent draft notes" not in page_as(client, person, assessment_url(people, Party.INDEPENDENT))
    assert "Independent draft notes" in page_as(
        client, people.representative, assessment_url(people, Party.INDEPENDENT)
    )


def test_an_association_cannot_open_the_self_assessment_form_nor_staff_the_independent_one(client, people):
    client.force_login(people.representative)
    assert client.get(score_url(people, Party.SELF, people.indicators[0])).status_code == 404
    response = client.post(score_url(people, Party.SELF, people.indicators[0]), {"value": "2"})
    assert response.status_code == 404
    assert client.post(reverse("evaluation:submit", args=[people.campaign.pk, Party.SELF])).status_code == 404
    client.force_login(people.focal_point)
    assert client.post(score_url(people, Party.INDEPENDENT, people.indicators[0]), {"value": "2"}).status_code == 404
    assert not Score.objects.exists()


def test_staff_of_another_collectivity_get_404_on_its_write_pages(client, people):
    client.force_login(people.other_focal_point)
    assert client.get(score_url(people, Party.SELF, people.indicators[0])).status_code == 404
    assert client.get(reverse("evaluation:add_finding", args=[people.campaign.pk])).status_code == 404
    assert (
        client.get(reverse("evaluation:reconcile", args=[people.campaign.pk, people.indicators[0].pk])).status_code
        == 404
    )


@pytest.mark.parametrize(
    "url",
    [
        "/en/evaluation/campaigns/99999999999999999999/",
        "/en/evaluation/campaigns/2147483648/",
        "/en/evaluation/campaigns/{pk}/nobody/",
        "/en/evaluation/campaigns/{pk}/self/99999999999999999999/",
        "/en/evaluation/campaigns/{pk}/reconcile/99999999999999/",
        "/en/evaluation/frameworks/99999999999999999999/",
        "/en/evaluation/frameworks/70000/",
    ],
)
def test_absurd_addresses_are_not_found(client, people, url):
    client.force_login(people.focal_point)
    assert client.get(url.format(pk=people.campaign.pk)).status_code == 404


def test_a_score_outside_the_scale_is_explained_and_nothing_typed_is_lost(client, people):
    client.force_login(people.editor)
    response = client.post(
        score_url(people, Party.SELF, people.indicators[0]),
        {"value": "9", "evidence": "Our published budget", "evidence_links": "https://example.ma/budget"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "The score must be between 0 and 4" in html
    assert "Our published budget" in html and "https://example.ma/budget" in html and 'value="9"' in html
    assert not Score.objects.exists()


def test_a_bad_link_is_explained(client, people):
    client.force_login(people.editor)
    html = client.post(
        score_url(people, Party.SELF, people.indicators[0]), {"value": "2", "evidence_links": "javascript:alert(1)"}
    ).content.decode()
    assert "is not a web address" in html and not Score.objects.exists()


def test_evidence_is_escaped(client, people):
    fill(
        people, people.editor, people.own, [2, 2, 2], evidence='<script>alert("x")</script><img src=x onerror=alert(1)>'
    )
    services.submit(people.focal_point, people.own)
    for url in (campaign_url(people), assessment_url(people, Party.SELF)):
        html = page_as(client, None, url)
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_submitting_an_incomplete_assessment_says_what_is_missing(client, people):
    services.record_score(people.editor, people.own, people.indicators[0], value=Decimal(2))
    client.force_login(people.focal_point)
    response = client.post(reverse("evaluation:submit", args=[people.campaign.pk, Party.SELF]), follow=True)
    html = response.content.decode()
    assert "cannot be submitted yet" in html and people.indicators[1].title["en"] in html
    people.own.refresh_from_db()
    assert not people.own.is_submitted and Score.objects.count() == 1


def test_staff_fill_and_submit_through_the_pages(client, people):
    client.force_login(people.editor)
    for indicator in people.indicators:
        response = client.post(score_url(people, Party.SELF, indicator), {"value": "3", "evidence": "Minutes"})
        assert response.status_code == 302
    response = client.post(reverse("evaluation:submit", args=[people.campaign.pk, Party.SELF]), follow=True)
    assert "has been submitted" in response.content.decode()
    people.own.refresh_from_db()
    assert people.own.is_submitted and people.own.submitted_by == people.editor
    # Final: the form no longer saves.
    response = client.post(score_url(people, Party.SELF, people.indicators[0]), {"value": "1"})
    assert response.status_code == 403 and "final" in response.content.decode()


@pytest.fixture
def flagged(people):
    fill(people, people.editor, people.own, [4, 2, 2])
    fill(people, people.representative, people.independent, [0, 2, 2])
    services.submit(people.focal_point, people.own)
    services.submit(people.representative, people.independent)
    return people


def test_the_discrepancy_is_flagged_and_a_reconciliation_without_justification_keeps_the_score(client, flagged):
    html = page_as(client, None, campaign_url(flagged))
    assert "1 discrepancy waits for an agreed score." in html
    url = reverse("evaluation:reconcile", args=[flagged.campaign.pk, flagged.indicators[0].pk])
    client.force_login(flagged.representative)
    response = client.post(url, {"agreed_value": "2.5", "justification": "   "})
    html = response.content.decode()
    assert response.status_code == 200 and "This field is required" not in html
    assert "Write why the parties agreed" in html and 'value="2.5"' in html
    html = client.post(url, {"agreed_value": "7", "justification": ""}).content.decode()
    assert "between 0 and 4" in html and "Write why the parties agreed" in html
    response = client.post(url, {"agreed_value": "7", "justification": "We met on 3 March."})
    html = response.content.decode()
    assert "between 0 and 4" in html and "We met on 3 March." in html
    assert not Reconciliation.objects.exists()
    response = client.post(url, {"agreed_value": "2.5", "justification": "We met on 3 March."})
    assert response.status_code == 302
    html = page_as(client, None, campaign_url(flagged))
    assert "We met on 3 March." in html and "settled" in html


def test_an_indicator_without_discrepancy_has_no_reconciliation_page(client, flagged):
    client.force_login(flagged.focal_point)
    url = reverse("evaluation:reconcile", args=[flagged.campaign.pk, flagged.indicators[1].pk])
    assert client.get(url).status_code == 404


def test_the_campaign_page_costs_the_same_queries_whatever_it_holds(client, people, django_assert_max_num_queries):
    fill(people, people.editor, people.own, [2, 2, 2], evidence="E")
    services.submit(people.focal_point, people.own)
    url = campaign_url(people)
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    baseline = len(few.captured_queries)
    for _ in range(15):
        indicator = IndicatorFactory(framework=people.framework)
        score(people.own, indicator, 1, evidence="More")
    for year in range(2010, 2020):
        CampaignFactory(framework=people.framework, collectivity=people.commune_b, year=year)
    with django_assert_max_num_queries(baseline):
        assert client.get(url).status_code == 200
    client.get(reverse("evaluation:campaigns"))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("evaluation:campaigns")).status_code == 200


def test_the_framework_is_public_once_open_and_a_draft_is_the_coordinators(client, people):
    html = page_as(client, None, reverse("evaluation:framework", args=[people.framework.version]))
    assert people.indicators[0].title["en"] in html and "Transparency" in html
    draft = services.new_version(people.coordinator)
    client.force_login(people.coordinator)
    assert client.get(draft.get_absolute_url()).status_code == 200
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert f">{draft.version}<" not in page_as(client, None, reverse("evaluation:frameworks"))


def test_an_open_version_refuses_edits_with_its_reason(client, people):
    client.force_login(people.coordinator)
    url = reverse("evaluation:edit_indicator", args=[people.framework.version, people.indicators[0].pk])
    response = client.post(url, {"code": "changed"})
    assert response.status_code == 403
    assert "open for assessments: it can no longer be changed" in response.content.decode()
    people.indicators[0].refresh_from_db()
    assert people.indicators[0].code != "changed"


def test_a_coordinator_edits_a_draft_indicator_and_offers_the_registered_measures(client, people):
    draft = services.new_version(people.coordinator)
    client.force_login(people.coordinator)
    url = reverse("evaluation:add_indicator", args=[draft.version])
    html = client.get(url).content.decode()
    assert 'value="events.held"' in html
    data = {
        "code": "held",
        "principle": "citizen_participation",
        "order": "1",
        # One input per language (core.translation.TranslatedWidget): title_0, title_1…
        "title_0": "الأنشطة المنظمة",
        "title_1": "Événements tenus",
        "title_2": "Events held",
        "scale_min": "0",
        "scale_max": "4",
        "weight": "1",
        "source": "computed",
        "computed_key": "",
    }
    response = client.post(url, data)
    assert "names the measure" in response.content.decode() and not draft.indicators.filter(code="held").exists()
    response = client.post(url, {**data, "computed_key": "events.held"})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert draft.indicators.get(code="held").computed_key == "events.held"
    response = client.post(url, {**data, "computed_key": "events.held"})
    assert "Another indicator of this version has this code." in response.content.decode()
    assert draft.indicators.filter(code="held").count() == 1


def test_a_campaign_needs_an_open_version_and_events_of_the_member(client, people):
    from tests.events.factories import EventFactory

    people.framework.status = FrameworkStatus.CLOSED
    people.framework.save()
    client.force_login(people.coordinator)
    other_event = EventFactory(collectivity=people.commune_a)
    response = client.post(
        reverse("evaluation:new_campaign"),
        {
            "collectivity": people.commune_b.pk,
            "year": "2025",
            "framework": people.framework.pk,
            "events": [other_event.pk],
        },
    )
    html = response.content.decode()
    assert "Select a valid choice" in html and "Only the events of the assessed collectivity" in html


def test_findings_of_evaluation_events_are_shown_beside_the_indicator(client, people):
    from tests.events.factories import EventFactory

    workshop = EventFactory(collectivity=people.commune_a)
    people.campaign.events.set([workshop])
    client.force_login(people.editor)
    response = client.post(
        reverse("evaluation:add_finding", args=[people.campaign.pk]),
        {"indicator": people.indicators[0].pk, "event": workshop.pk, "text": "Budgets are published late."},
    )
    assert response.status_code == 302
    assert "Budgets are published late." in page_as(client, None, campaign_url(people))


def test_the_landing_page_lists_what_waits(client, people, flagged):
    assert "Assessment scores to reconcile" in page_as(client, people.focal_point, reverse("accounts:home"))
    assert "Assessment scores to reconcile" in page_as(client, people.representative, reverse("accounts:home"))
    assert "Assessment campaigns not settled" in page_as(client, people.coordinator, reverse("accounts:home"))
    fresh = CampaignFactory(framework=people.framework, collectivity=people.commune_a, year=2025)
    html = page_as(client, people.editor, reverse("accounts:home"))
    assert "Openness assessments to fill" in html and reverse("evaluation:assessment", args=[fresh.pk, "self"]) in html
    assert "Openness assessments to fill" not in page_as(client, people.other_focal_point, reverse("accounts:home"))


def test_a_computed_indicator_shows_its_measure_and_value(client, people):
    import datetime

    from django.utils import timezone

    from infitah.evaluation.models import IndicatorSource
    from tests.events.factories import EventFactory

    IndicatorFactory(framework=people.framework, source=IndicatorSource.COMPUTED, computed_key="events.held")
    held = timezone.now() - datetime.timedelta(days=30)
    EventFactory(collectivity=people.commune_a, starts_at=held, ends_at=held + datetime.timedelta(hours=2))
    html = page_as(client, None, campaign_url(people))
    assert "Published workshops, meetings and trainings held" in html and "events.held" in html
    assert "— 1" in " ".join(html.split())
    html = page_as(client, people.editor, assessment_url(people, Party.SELF))
    assert "Published workshops, meetings and trainings held" in html


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_pages_render_in_arabic_and_french(client, people, language):
    fill(people, people.editor, people.own, [4, 2, 2], evidence="محاضر الدورات")
    fill(people, people.representative, people.independent, [0, 2, 2])
    services.submit(people.focal_point, people.own)
    services.submit(people.representative, people.independent)
    client.force_login(people.representative)
    urls = [
        f"/{language}/evaluation/frameworks/",
        f"/{language}/evaluation/frameworks/{people.framework.version}/",
        f"/{language}/evaluation/campaigns/",
        f"/{language}/evaluation/campaigns/{people.campaign.pk}/",
        f"/{language}/evaluation/campaigns/{people.campaign.pk}/self/",
        f"/{language}/evaluation/campaigns/{people.campaign.pk}/reconcile/{people.indicators[0].pk}/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'lang="{language}"' in response.content.decode()


def test_the_assessment_page_costs_the_same_queries_whatever_it_holds(client, people, django_assert_max_num_queries):
    fill(people, people.editor, people.own, [2, 2, 2], evidence="E")
    client.force_login(people.editor)
    url = assessment_url(people, Party.SELF)
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    baseline = len(few.captured_queries)
    for _ in range(15):
        score(people.own, IndicatorFactory(framework=people.framework), 1, evidence="More")
    with django_assert_max_num_queries(baseline):
        assert client.get(url).status_code == 200


def test_a_coordinator_sets_up_a_campaign_and_opens_and_closes_versions(client, people):
    from tests.factories import AssociationFactory

    client.force_login(people.coordinator)
    association = AssociationFactory(seat=people.commune_b)
    response = client.post(
        reverse("evaluation:new_campaign"),
        {
            "collectivity": people.commune_b.pk,
            "year": "2025",
            "framework": people.framework.pk,
            "associations": [association.pk],
        },
    )
    campaign = people.commune_b.assessment_campaigns.get(year=2025)
    assert response.status_code == 302 and response["Location"] == campaign.get_absolute_url()
    assert list(campaign.assessments.get(party=Party.INDEPENDENT).associations.all()) == [association]
    draft = services.new_version(people.coordinator)
    draft.indicators.all().delete()
    status = reverse("evaluation:framework_status", args=[draft.version])
    response = client.post(status, {"status": "open"}, follow=True)
    assert "cannot be opened" in response.content.decode()
    IndicatorFactory(framework=draft)
    client.post(status, {"status": "open"})
    draft.refresh_from_db()
    assert draft.status == FrameworkStatus.OPEN
    client.post(status, {"status": "closed"})
    draft.refresh_from_db()
    assert draft.status == FrameworkStatus.CLOSED
    response = client.post(status, {"status": "open"}, follow=True)
    assert "never back" in response.content.decode()


def test_people_other_than_coordinators_cannot_set_up_campaigns_nor_change_the_framework(client, people):
    for person in (people.focal_point, people.representative):
        client.force_login(person)
        assert client.get(reverse("evaluation:new_campaign")).status_code == 403
        assert client.post(reverse("evaluation:new_framework")).status_code == 403
        response = client.post(
            reverse("evaluation:framework_status", args=[people.framework.version]), {"status": "closed"}
        )
        assert response.status_code == 403
    people.framework.refresh_from_db()
    assert people.framework.status == FrameworkStatus.OPEN


def test_a_campaign_made_without_its_assessments_still_shows(client, people):
    from infitah.evaluation.models import Assessment, Campaign

    bare = Campaign.objects.create(framework=people.framework, collectivity=people.commune_b, year=2030)
    assert page_as(client, None, reverse("evaluation:campaign", args=[bare.pk]))
    assert Assessment.objects.filter(campaign=bare).count() == 2


def test_the_sitemap_lists_campaigns_and_public_framework_versions(client, people):
    draft = services.new_version(people.coordinator)
    xml = page_as(client, None, "/sitemap.xml")
    assert people.campaign.get_absolute_url().removeprefix("/en") in xml
    assert f"/evaluation/frameworks/{people.framework.version}/" in xml
    assert f"/evaluation/frameworks/{draft.version}/" not in xml


def test_a_closed_version_offers_no_scoring_and_says_why(client, people):
    people.framework.status = FrameworkStatus.CLOSED
    people.framework.save()
    html = page_as(client, people.editor, assessment_url(people, Party.SELF))
    assert "of the framework is closed: it can no longer be assessed" in html
    assert score_url(people, Party.SELF, people.indicators[0]) not in html
    response = client.post(score_url(people, Party.SELF, people.indicators[0]), {"value": "2", "evidence": "Kept"})
    html = response.content.decode()
    assert response.status_code == 403 and "can no longer be assessed" in html and "Kept</textarea>" in html
    assert not Score.objects.exists()


def test_the_framework_page_names_the_measure_of_a_computed_indicator(client, people):
    from infitah.evaluation.models import IndicatorSource

    IndicatorFactory(framework=people.framework, source=IndicatorSource.COMPUTED, computed_key="events.held")
    html = page_as(client, None, reverse("evaluation:framework", args=[people.framework.version]))
    assert "Published workshops, meetings and trainings held" in html


def test_the_score_form_of_a_submitted_assessment_says_it_is_final_at_once(client, people):
    fill(people, people.editor, people.own, [2, 2, 2])
    services.submit(people.focal_point, people.own)
    html = page_as(client, people.editor, score_url(people, Party.SELF, people.indicators[0]))
    assert "it is final and no longer changes" in html and 'name="value"' not in html


def test_the_campaigns_are_filtered_by_member_and_year(client, people):
    other = CampaignFactory(framework=people.framework, collectivity=people.commune_b, year=2023)
    html = page_as(client, None, reverse("evaluation:campaigns") + f"?collectivity={people.commune_b.code}")
    assert other.get_absolute_url() in html and people.campaign.get_absolute_url() not in html
    html = page_as(client, None, reverse("evaluation:campaigns") + "?year=2024")
    assert people.campaign.get_absolute_url() in html and other.get_absolute_url() not in html
    html = page_as(client, None, reverse("evaluation:campaigns") + "?year=nonsense&collectivity=nowhere")
    assert people.campaign.get_absolute_url() in html and other.get_absolute_url() in html
