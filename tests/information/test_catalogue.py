"""The proactive-publication catalogue on the site: the network's completeness table, a collectivity's catalogue
with its stale and missing categories, and the staff's pages to add, edit and remove entries with their documents.

Anyone reads; only the staff of the entry's collectivity write (staff of another commune get a 404); a bad link, a
future date or a refused file saves nothing and keeps what was typed; the pages cost the same queries whatever
they list."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from infitah.core.datasets import table
from infitah.core.search import documents
from infitah.information.models import PublicationCategory, PublicationEntry
from infitah.information.publication_waiting import stale_entries
from infitah.participation.attachments import attach
from infitah.participation.models import Attachment, AuditLogEntry
from tests.clients import main_text, page_as, queries
from tests.factories import MembershipFactory
from tests.files import HTML_PAGE, pdf_bytes
from tests.information.publication_factories import TODAY, category, entry, fresh_everywhere

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(datetime.datetime(2026, 6, 15, 10, 0, tzinfo=datetime.UTC), tick=False):
        yield


def member_url(collectivity):
    return reverse("information:member_catalogue", args=[collectivity.code])


def add_url(collectivity):
    return reverse("information:add_entry", args=[collectivity.code])


def edit_url(e):
    return reverse("information:edit_entry", args=[e.pk])


def delete_url(e):
    return reverse("information:delete_entry", args=[e.pk])


FORM = {
    "title_0": "الميزانية المعدلة 2026",
    "title_1": "Budget rectificatif 2026",
    "url": "https://commune.example.ma/budget",
    "updated_on": "2026-06-01",
    "owner": "Direction des finances",
}


def form(**changes):
    return {"category": str(category("budget").pk), **FORM, **changes}


# --- reading -------------------------------------------------------------------------------------------------------


def test_the_network_table_shows_each_members_completeness_and_stale_count(client, people):
    MembershipFactory(collectivity=people.commune_a)
    MembershipFactory(collectivity=people.commune_b)
    total = PublicationCategory.objects.count()
    fresh_everywhere(people.commune_a)
    entry(people.commune_b, "budget")
    entry(people.commune_b, "public-contracts", TODAY - datetime.timedelta(days=91))  # 90-day delay: stale
    text = main_text(client.get(reverse("information:catalogue")))
    assert f"{total} of {total} categories (100%)" in text
    assert f"1 of {total} categories" in text
    assert "2 members of the network." in text and "1 publishes in every category." in text


def test_the_network_table_sorts_by_completeness_and_by_stale_entries(client, people):
    MembershipFactory(collectivity=people.commune_a)
    MembershipFactory(collectivity=people.commune_b)
    entry(people.commune_b, "budget")
    for key in ("budget", "recruitment"):
        entry(people.commune_a, key, TODAY - datetime.timedelta(days=400))
    url = reverse("information:catalogue")

    def order(sort):
        html = client.get(url, {"sort": sort}).content.decode()
        return html.index(people.commune_a.code) < html.index(people.commune_b.code)  # A listed first?

    assert order("-completeness") is False  # B publishes one up-to-date category, A none
    assert order("completeness") is True
    assert order("-stale") is True  # A has two stale entries
    html = client.get(url, {"sort": "-stale"}).content.decode()
    assert 'aria-sort="descending"' in html and "?sort=stale" in html  # the same header sorts the other way
    assert client.get(url, {"sort": "<script>"}).status_code == 200  # an unknown order is the name's


def test_the_network_table_costs_the_same_queries_for_few_or_many_members(client, django_assert_max_num_queries):
    url = reverse("information:catalogue")
    membership = MembershipFactory()
    entry(membership.collectivity)
    few = queries(client, url)
    for _ in range(8):
        member = MembershipFactory()
        fresh_everywhere(member.collectivity)
    with django_assert_max_num_queries(few):
        assert client.get(url).status_code == 200


def test_a_catalogue_lists_each_category_with_its_source_entries_and_missing_ones(client, people):
    budget = entry(
        people.commune_a,
        "budget",
        datetime.date(2026, 3, 1),
        owner="Direction des finances",
        title={"ar": "ميزانية 2026", "fr": "Budget primitif 2026"},
    )
    stale = entry(
        people.commune_a,
        "public-contracts",
        datetime.date(2026, 3, 1),  # 106 days ago; the category's delay is 90 days
        title={"ar": "صفقات", "fr": "Marchés 2025"},
        url="",
    )
    total = PublicationCategory.objects.count()
    response = client.get(member_url(people.commune_a))
    text = main_text(response)
    html = response.content.decode()
    assert f"Completeness: 1 of {total} categories" in text
    assert "Budget primitif 2026" in text or "ميزانية 2026" in text
    assert "Last updated on 1 March 2026 · kept by Direction des finances" in text
    assert "stale since 31 May 2026" in text  # 1 March + 90 days is the last fresh day
    assert "1 stale entry" in text
    assert budget.url in html and stale.url == ""
    assert "Law 31-13, art. 10 (list to verify)" in text and "To update at least every 90 days." in text
    assert "Categories with nothing published yet" in text and "missing" in text and "only stale entries" in text
    assert "Add an entry" not in text  # a visitor


def test_an_unknown_collectivity_has_no_catalogue(client):
    assert client.get(reverse("information:member_catalogue", args=["NOPE"])).status_code == 404
    assert client.get(f"/en/information/publication/{'X' * 40}/").status_code == 404


def test_a_catalogue_costs_the_same_queries_for_few_or_many_entries(client, people, django_assert_max_num_queries):
    entry(people.commune_a)
    client.force_login(people.editor)
    few = queries(client, member_url(people.commune_a))
    for e in fresh_everywhere(people.commune_a) + fresh_everywhere(people.commune_a):
        attach(people.editor, e, SimpleUploadedFile("notes.txt", b"Budget notes", "text/plain"))
    with django_assert_max_num_queries(few):
        assert client.get(member_url(people.commune_a)).status_code == 200


def test_a_title_with_markup_is_shown_as_text(client, people):
    entry(people.commune_a, title={"ar": "<script>alert(1)</script>", "fr": "<script>alert(1)</script>"})
    html = client.get(member_url(people.commune_a)).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_member_page_links_to_what_it_publishes(client, people):
    MembershipFactory(collectivity=people.commune_a)
    entry(people.commune_a)
    text = page_as(client, None, reverse("territories:member", args=[people.commune_a.code]))
    assert "What we publish" in text and member_url(people.commune_a) in text


# --- writing -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["focal_point", "editor", "information_officer"])
def test_the_collectivitys_staff_add_an_entry_with_a_document(client, people, who):
    client.force_login(getattr(people, who))
    assert "Add an entry" in client.get(member_url(people.commune_a)).content.decode()
    pdf = SimpleUploadedFile("budget.pdf", pdf_bytes(), "application/pdf")
    response = client.post(add_url(people.commune_a), {**form(), "documents": pdf})
    assert response.status_code == 302 and response.url == member_url(people.commune_a)
    saved = PublicationEntry.objects.get(collectivity=people.commune_a)
    assert saved.owner == "Direction des finances" and saved.updated_on == datetime.date(2026, 6, 1)
    [document] = Attachment.objects.filter(object_id=saved.pk)
    html = client.get(member_url(people.commune_a)).content.decode()
    assert reverse("participation:download", args=[document.pk]) in html
    download = client.get(reverse("participation:download", args=[document.pk]))
    assert download["Content-Disposition"].startswith("attachment") and download["X-Content-Type-Options"] == "nosniff"
    assert AuditLogEntry.objects.filter(action="information.add_publication_entry").exists()


@pytest.mark.parametrize("who", ["council_member", "coordinator", "citizen", "other_focal_point"])
def test_nobody_else_adds_edits_or_removes_an_entry(client, people, who):
    existing = entry(people.commune_a)
    client.force_login(getattr(people, who))
    assert "Add an entry" not in client.get(member_url(people.commune_a)).content.decode()
    assert client.get(add_url(people.commune_a)).status_code == 404
    assert client.post(add_url(people.commune_a), form()).status_code == 404
    assert client.get(edit_url(existing)).status_code == 404
    assert client.post(edit_url(existing), form(owner="Piraté")).status_code == 404
    assert client.post(delete_url(existing)).status_code == 404
    existing.refresh_from_db()
    assert existing.owner == "Service des finances"
    assert PublicationEntry.objects.count() == 1


def test_a_visitor_is_asked_to_log_in(client, people):
    response = client.get(add_url(people.commune_a))
    assert response.status_code == 302 and "login" in response.url


def test_staff_of_commune_a_never_touch_commune_bs_entries(client, people):
    theirs = entry(people.commune_b)
    client.force_login(people.focal_point)
    assert client.get(edit_url(theirs)).status_code == 404
    assert client.post(edit_url(theirs), form()).status_code == 404
    assert client.post(delete_url(theirs)).status_code == 404
    assert client.post(add_url(people.commune_b), form()).status_code == 404
    assert PublicationEntry.objects.filter(collectivity=people.commune_b).count() == 1
    assert not PublicationEntry.objects.filter(collectivity=people.commune_a).exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"url": "javascript:alert(1)"}, "Give a web address beginning with http:// or https://."),
        ({"url": "ftp://commune.example.ma/budget"}, "Give a web address beginning with http:// or https://."),
        ({"updated_on": "2026-06-16"}, "The date of the last update cannot be in the future."),
        ({"title_0": "", "title_1": ""}, "required"),
        ({"url": ""}, "Give a link or attach a document: an entry publishes something."),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(client, people, changes, message):
    client.force_login(people.editor)
    html = client.post(add_url(people.commune_a), form(**changes)).content.decode()
    assert message in html
    assert "Direction des finances" in html  # what was typed is still there
    assert not PublicationEntry.objects.exists()


def test_today_is_not_in_the_future(client, people):
    client.force_login(people.editor)
    assert client.post(add_url(people.commune_a), form(updated_on="2026-06-15")).status_code == 302


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: SimpleUploadedFile("page.html", HTML_PAGE, "text/html"), "Files of this type cannot be attached"),
        (lambda: SimpleUploadedFile("faux.pdf", b"not a pdf at all", "application/pdf"), "does not match its .pdf"),
    ],
)
def test_a_refused_file_saves_nothing_and_keeps_what_was_typed(client, people, upload, message):
    client.force_login(people.editor)
    html = client.post(add_url(people.commune_a), {**form(), "documents": upload()}).content.decode()
    assert message in html and "Direction des finances" in html
    assert "Files must be chosen again; your text is kept." in html
    assert not PublicationEntry.objects.exists() and not Attachment.objects.exists()


def test_a_file_over_the_size_limit_is_refused_and_the_entry_keeps_its_values(client, people, settings):
    existing = entry(people.commune_a, owner="Service des finances")
    settings.INFITAH_ATTACHMENT_MAX_BYTES = 1024
    client.force_login(people.editor)
    big = SimpleUploadedFile("notes.txt", b"a" * 2048, "text/plain")
    html = client.post(edit_url(existing), {**form(owner="Nouveau service"), "documents": big}).content.decode()
    assert "notes.txt: The file is too large: 0 MB; the limit is 0 MB." in html or "The file is too large" in html
    assert "Nouveau service" in html  # the typed value is shown again...
    existing.refresh_from_db()
    assert existing.owner == "Service des finances"  # ...and nothing saved
    assert not Attachment.objects.exists()


def test_staff_edit_an_entry_and_remove_one_of_its_documents(client, people):
    existing = entry(people.commune_a, url="")
    client.force_login(people.editor)
    pdf = SimpleUploadedFile("budget.pdf", pdf_bytes(), "application/pdf")
    notes = SimpleUploadedFile("notes.txt", "ملاحظات".encode(), "text/plain")
    response = client.post(edit_url(existing), {**form(url=""), "documents": [pdf, notes]})
    assert response.status_code == 302
    documents = {a.original_name: a for a in Attachment.objects.filter(object_id=existing.pk)}
    assert set(documents) == {"budget.pdf", "notes.txt"}
    assert "budget.pdf" in client.get(edit_url(existing)).content.decode()
    response = client.post(edit_url(existing), {**form(url=""), "remove_documents": [documents["notes.txt"].pk]})
    assert response.status_code == 302
    assert list(Attachment.objects.values_list("original_name", flat=True)) == ["budget.pdf"]
    # the last document cannot go while there is no link
    html = client.post(
        edit_url(existing), {**form(url=""), "remove_documents": [documents["budget.pdf"].pk]}
    ).content.decode()
    assert "Give a link or attach a document" in html and Attachment.objects.count() == 1
    changes = AuditLogEntry.objects.filter(action="information.change_publication_entry").first().changes
    assert changes["documents_removed"] == [["notes.txt"], None]


def test_staff_remove_an_entry_after_confirming(client, people):
    existing = entry(people.commune_a, title={"ar": "الميزانية", "fr": "Budget"})
    client.force_login(people.information_officer)
    confirm = client.get(delete_url(existing)).content.decode()
    assert "Remove" in confirm and "Its documents are removed with it" in confirm
    assert PublicationEntry.objects.filter(pk=existing.pk).exists()  # asking is not removing
    response = client.post(delete_url(existing))
    assert response.status_code == 302 and response.url == member_url(people.commune_a)
    assert not PublicationEntry.objects.filter(pk=existing.pk).exists()
    log = AuditLogEntry.objects.get(action="information.delete_publication_entry")
    assert log.collectivity_id == people.commune_a.pk and log.changes["owner"] == ["Service des finances", None]


def test_an_absurd_entry_id_is_a_404(client, people):
    client.force_login(people.editor)
    assert client.get(f"/en/information/publication/entries/{2**64}/edit/").status_code == 404


def test_staff_find_their_stale_entries_waiting_for_them(client, people):
    entry(people.commune_a, "public-contracts", TODAY - datetime.timedelta(days=91), title={"ar": "صفقات 2025"})
    entry(people.commune_a, "public-contracts", TODAY - datetime.timedelta(days=90), title={"ar": "صفقات 2026"})
    entry(people.commune_b, "public-contracts", TODAY - datetime.timedelta(days=400), title={"ar": "صفقات ب"})
    [waiting] = stale_entries(people.editor)
    assert waiting.title == "صفقات 2025" and waiting.note == "Stale since 15 June 2026: bring it up to date."
    assert waiting.url == reverse(
        "information:edit_entry", args=[PublicationEntry.objects.get(title__ar="صفقات 2025").pk]
    )
    assert stale_entries(people.council_member) == [] and stale_entries(people.citizen) == []
    assert [w.title for w in stale_entries(people.other_focal_point)] == ["صفقات ب"]
    client.force_login(people.editor)
    assert "Stale entries of the publication catalogue" in client.get(reverse("accounts:home")).content.decode()


def test_entries_are_searchable_and_published_as_open_data(people):
    fresh = entry(people.commune_a, "budget", title={"ar": "الميزانية", "fr": "Budget 2026"})
    old = entry(people.commune_b, "public-contracts", TODAY - datetime.timedelta(days=91), url="")
    urls = {d.collectivity_id: d.url for d in documents(["information.publicationentry"])}
    assert set(urls) == {people.commune_a.pk, people.commune_b.pk}
    assert urls[people.commune_a.pk] == f"{member_url(people.commune_a)}#category-budget"
    header, *rows = list(table("publication-catalogue"))
    assert header == ["id", "collectivity", "category", "title", "url", "updated_on", "owner", "stale"]
    by_id = {row[0]: row for row in rows}
    assert by_id[fresh.pk][1:4] == [people.commune_a.code, "budget", "Budget 2026"] and by_id[fresh.pk][7] is False
    assert by_id[old.pk][7] is True and by_id[old.pk][4] == ""
