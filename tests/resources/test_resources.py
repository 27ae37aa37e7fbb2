"""Guides, methods and templates: who publishes for whom, the documents accepted, the latest version's files in the
reader's language first with the history, the filters, downloads, the API, search and open data."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from infitah.core.datasets import table
from infitah.core.search import documents
from infitah.resources.models import Resource, ResourceVersion
from tests.api.helpers import API, get_json
from tests.clients import page, queries
from tests.core.page_cache_helpers import read_from_one_copy
from tests.files import HTML_PAGE, pdf_bytes
from tests.participation.test_attachments import docx_bytes, odt_bytes

pytestmark = pytest.mark.django_db

NEW = "/en/resources/new/"
LIST = "/en/resources/"


def pdf(name="guide.pdf"):
    return SimpleUploadedFile(name, pdf_bytes())


def resource_form(publisher="", **extra):
    data = {
        "title_0": "دليل الخلق المشترك",
        "title_1": "Guide de la co-création",
        "description_0": "كيف ننظم ورشات الخلق المشترك",
        "kind": "guide",
        "principles": ["citizen_participation"],
        "publisher": publisher,
        "version-label": "1.0",
        "version-released_on": "2024-02-01",
        "version-note": "",
    }
    data.update(extra)
    return data


def test_a_coordinator_publishes_a_network_guide_in_arabic_and_french(client, people):
    client.force_login(people.coordinator)
    response = client.post(
        NEW,
        resource_form(
            **{"version-file_ar": pdf("دليل.pdf"), "version-file_fr": SimpleUploadedFile("guide.odt", odt_bytes())}
        ),
    )
    resource = Resource.objects.get()
    assert response.status_code == 302 and resource.publisher is None
    assert sorted(resource.versions.get().files.values_list("language", flat=True)) == ["ar", "fr"]


def test_staff_publish_for_their_collectivity_only(client, people):
    client.force_login(people.editor)
    response = client.post(NEW, resource_form(publisher=people.commune_b.pk, **{"version-file_fr": pdf()}))
    assert response.status_code == 200 and not Resource.objects.exists()
    response = client.post(NEW, resource_form(publisher="", **{"version-file_fr": pdf()}))  # the network's: no
    assert response.status_code == 200 and not Resource.objects.exists()
    response = client.post(NEW, resource_form(publisher=people.commune_a.pk, **{"version-file_fr": pdf()}))
    assert response.status_code == 302 and Resource.objects.get().publisher == people.commune_a


def test_citizens_may_not_publish(client, people):
    client.force_login(people.citizen)
    page(client, NEW, status=404)


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("guide.pdf", HTML_PAGE, "does not match"),  # a page renamed .pdf
        ("guide.html", HTML_PAGE, "Accepted types: pdf, odt, docx, xlsx, ods, pptx, odp"),
        ("notes.txt", b"plain text", "cannot be published as a resource"),  # an attachment type, not a document
        ("photo.png", b"\x89PNG\r\n\x1a\n", "cannot be published as a resource"),
        ("setup.exe", b"MZ\x90\x00", "Accepted types"),
    ],
)
def test_forbidden_files_are_refused_with_a_clear_message_and_nothing_is_saved(client, people, name, content, says):
    client.force_login(people.editor)
    response = client.post(
        NEW, resource_form(publisher=people.commune_a.pk, **{"version-file_fr": SimpleUploadedFile(name, content)})
    )
    html = response.content.decode()
    assert response.status_code == 200 and says in html and "Nothing was saved" in html
    assert "دليل الخلق المشترك" in html  # the text typed is kept
    assert not Resource.objects.exists()


def test_a_version_needs_at_least_one_file(client, people):
    client.force_login(people.coordinator)
    response = client.post(NEW, resource_form())
    assert "at least one language" in response.content.decode() and not Resource.objects.exists()


def published(
    people, publisher=None, languages=("ar", "fr"), label="1.0", on=datetime.date(2024, 1, 10), resource=None
):
    from infitah.resources import services

    by = people.coordinator if publisher is None else people.focal_point
    version = ResourceVersion(label=label, released_on=on, note=f"Version {label}")
    files = {code: SimpleUploadedFile(f"{code}-{label}.pdf", pdf_bytes()) for code in languages}
    if resource is not None:
        services.add_version(by, resource, version, files)
        return resource
    resource = Resource(
        title={"ar": "دليل", "fr": "Guide"}, description={"fr": "Un guide"}, kind="guide", publisher=publisher
    )
    return services.publish(by, resource, version, files)


def test_the_page_shows_the_latest_files_in_the_readers_language_first_and_the_history(client, people):
    resource = published(people, languages=("ar", "fr"), label="1.0")
    published(people, languages=("ar", "fr", "en"), label="2.0", on=datetime.date(2024, 6, 1), resource=resource)
    html = page(client, reverse("resources:detail", args=[resource.pk]))  # English
    latest = html[html.index('id="latest-title"') : html.index('id="history-title"')]
    assert "2.0" in latest and latest.index("en-2.0.pdf") < latest.index("ar-2.0.pdf") < latest.index("fr-2.0.pdf")
    assert "1.0" not in latest and "fr-1.0.pdf" in html[html.index('id="history-title"') :]
    assert page(client, LIST).count(f'href="/en/resources/{resource.pk}/"') == 1  # one row, whatever its versions
    assert get_json(client, f"{API}/resources")["count"] == 1
    french = page(client, f"/fr/resources/{resource.pk}/")
    latest_fr = french[french.index('id="latest-title"') :]
    assert latest_fr.index("fr-2.0.pdf") < latest_fr.index("ar-2.0.pdf")


def test_staff_of_b_cannot_add_a_version_to_as_resource_nor_to_the_networks(client, people):
    of_a = published(people, publisher=people.commune_a)
    network = published(people)
    client.force_login(people.other_focal_point)
    for resource in (of_a, network):
        url = reverse("resources:new_version", args=[resource.pk])
        page(client, url, status=404)
        client.post(url, {"version-label": "9", "version-released_on": "2024-09-09", "version-file_fr": pdf()})
        assert resource.versions.count() == 1
    client.force_login(people.editor)
    response = client.post(
        reverse("resources:new_version", args=[of_a.pk]),
        {"version-label": "1.1", "version-released_on": "2024-09-09", "version-file_fr": pdf()},
    )
    assert response.status_code == 302 and of_a.versions.count() == 2


def test_files_are_downloaded_as_attachments(client, people):
    resource = published(people)
    stored = resource.versions.get().files.get(language="fr")
    response = client.get(reverse("resources:download", args=[stored.pk]))
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"] == "application/pdf"
    page(client, reverse("resources:download", args=[999999]), status=404)


def test_the_list_filters_by_kind_principle_and_language(client, people):
    guide = published(people, languages=("ar",))
    guide.principles = ["transparency"]
    guide.save()
    template = published(people, publisher=people.commune_a, languages=("fr",))
    template.kind, template.title = "template", {"fr": "Modèle d'ordre du jour"}
    template.save()
    assert "Modèle d&#x27;ordre du jour" in page(client, LIST + "?kind=template")
    assert "Modèle d&#x27;ordre du jour" not in page(client, LIST + "?kind=guide")
    assert "Modèle d&#x27;ordre du jour" not in page(client, LIST + "?language=ar")
    assert "Modèle d&#x27;ordre du jour" in page(client, LIST + "?language=fr")
    assert "No resource matches" in page(client, LIST + "?principle=digitalisation")
    page(client, LIST + "?kind=<script>&language=xx&page=abc")


def test_list_and_page_cost_the_same_queries_for_few_or_many(client, people, django_assert_max_num_queries):
    resource = published(people)
    few_list, few_page = queries(client, LIST), queries(client, reverse("resources:detail", args=[resource.pk]))
    for n in range(4):
        published(people, publisher=people.commune_a)
        published(people, label=f"1.{n + 1}", resource=resource, on=datetime.date(2024, 2, n + 1))
    with django_assert_max_num_queries(few_list):
        client.get(LIST)
    with django_assert_max_num_queries(few_page):
        client.get(reverse("resources:detail", args=[resource.pk]))


def test_scripts_in_every_text_are_escaped(client, people):
    resource = published(people)
    script = "<script>alert(1)</script>"
    resource.title = {"en": script}
    resource.description = {"en": script}
    resource.save()
    resource.versions.update(label=script, note=script)
    for url in (LIST, reverse("resources:detail", args=[resource.pk])):
        html = page(client, url)
        assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_the_api_search_and_open_data(client, people):
    resource = published(people, publisher=people.commune_a)
    Resource.objects.create(title={"fr": "Sans version"}, description={"fr": "x"})  # nothing to download: not listed
    answer = get_json(client, f"{API}/resources")
    assert [item["id"] for item in answer["items"]] == [resource.pk]
    one = get_json(client, f"{API}/resources/{resource.pk}")
    assert one["publisher_code"] == people.commune_a.code
    assert sorted(f["language"] for f in one["versions"][0]["files"]) == ["ar", "fr"]
    assert get_json(client, f"{API}/resources", language="en")["items"] == []
    get_json(client, f"{API}/resources/99999", status=404)
    assert [d.url for d in documents(kinds=["resources.resource"])] == [resource.get_absolute_url()]
    assert len(list(table("resources"))) == 2


def test_an_office_document_is_accepted(client, people):
    client.force_login(people.coordinator)
    response = client.post(NEW, resource_form(**{"version-file_fr": SimpleUploadedFile("agenda.docx", docx_bytes())}))
    assert response.status_code == 302


def test_everyone_signed_in_reads_the_library_from_one_copy_each_given_the_links_their_powers_open(settings, people):
    """The list and a resource's page are shared by everyone signed in (core.sharedpages): the links to publish are
    the only parts a reader's powers change, whoever's read made the copy."""
    resource = published(people, publisher=people.commune_a, languages=("ar",))
    readers = {
        "citizen": people.citizen,
        "other focal point": people.other_focal_point,  # publishes, but not for commune A
        "editor": people.editor,
        "coordinator": people.coordinator,  # publishes the network's resources
    }
    pages = read_from_one_copy(settings, readers, [LIST, reverse("resources:detail", args=[resource.pk])])

    new, version = f'href="{NEW}"', f'href="{reverse("resources:new_version", args=[resource.pk])}"'
    assert {name: (new in listed, version in shown) for name, (listed, shown) in pages.items()} == {
        "citizen": (False, False),
        "other focal point": (True, False),
        "editor": (True, True),
        "coordinator": (True, False),
    }
