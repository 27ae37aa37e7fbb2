"""An administrator imports prefectures, provinces and communes from a CSV file: all of it, or nothing."""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from infitah.territories.demo import DATA_DIR
from infitah.territories.importing import COLUMNS, check
from infitah.territories.models import Collectivity, CollectivityKind, ProvinceType

HEADER = ",".join(COLUMNS)
# The regions are in every database (migration 0002); a province and a commune stand for earlier imports.
STORED = {"07": "region", "06": "region", "07001": "province", "07001001": "commune"}


def csv_bytes(*lines, header=HEADER, encoding="utf-8"):
    return "\n".join([header, *lines]).encode(encoding)


def lines_reported(checked):
    return [problem.line for problem in checked.problems]


GOOD_PROVINCE = "07900,province,province,07,إقليم تجريبي,Province d'essai,,,,,"
GOOD_COMMUNE = "07900001,commune,,07900,جماعة تجريبية,Commune d'essai,,,1200,2014,0"


def test_a_good_file_gives_its_rows_in_order_with_parsed_values():
    checked = check(csv_bytes(GOOD_PROVINCE, GOOD_COMMUNE), STORED, this_year=2024)
    assert checked.ok
    province, commune = checked.rows
    assert (province.line, province.code, province.kind, province.parent_code) == (2, "07900", "province", "07")
    assert province.province_type == ProvinceType.PROVINCE
    assert province.name == {"ar": "إقليم تجريبي", "fr": "Province d'essai"}
    assert (commune.population, commune.census_year, commune.has_arrondissements) == (1200, 2014, False)
    assert province.population is None and province.has_arrondissements is None


# (what is wrong, data lines after the header, the line numbers reported, a phrase of the English message)
BAD_ROWS = [
    ("unknown kind", ["07900,city,,07,x,y,,,,,"], [2], "unknown kind “city”"),
    ("province type on a commune", ["07001009,commune,prefecture,07001,x,y,,,,,"], [2], "only for prefectures"),
    ("unknown province type", ["07900,province,county,07,x,y,,,,,"], [2], "unknown province_type"),
    ("region with a parent", ["13,region,,07,x,y,,,,,"], [2], "a region is not part of"),
    ("province without parent", ["07900,province,province,,x,y,,,,,"], [2], "parent_code is missing"),
    ("unknown parent", ["07900001,commune,,07999,x,y,,,,,"], [2], "neither in the file nor in the database"),
    ("commune under a region", ["07900001,commune,,07,x,y,,,,,"], [2], "the parent 07 is a region"),
    ("province under a province", ["07900,province,province,07001,x,y,,,,,"], [2], "is a prefecture or province"),
    (
        "commune under a commune of the same file",
        [GOOD_PROVINCE, "07900001,commune,,07900,x,y,,,,,", "07900002,commune,,07900001,x,y,,,,,"],
        [4],
        "the parent 07900001 is a commune",
    ),
    ("no Arabic or French name", ["07900,province,province,07,,,Test,,,,"], [2], "in Arabic (name_ar) or French"),
    ("name too long", [f"07900,province,province,07,{'ب' * 201},y,,,,,"], [2], "the limit is 200"),
    ("missing code", [",province,province,07,x,y,,,,,"], [2], "the code is missing"),
    ("code with a space", ["07 900,province,province,07,x,y,,,,,"], [2], "is not valid"),
    ("negative population", ["07900,province,province,07,x,y,,,-5,2014,"], [2], "population “-5”"),
    ("population with a separator", ["07900,province,province,07,x,y,,,12 000,2014,"], [2], "population “12 000”"),
    ("population without census year", ["07900,province,province,07,x,y,,,5000,,"], [2], "needs its census_year"),
    ("census year in the future", ["07900,province,province,07,x,y,,,5000,2031,"], [2], "not plausible"),
    ("census year too old", ["07900,province,province,07,x,y,,,5000,1850,"], [2], "not plausible"),
    ("census year not a number", ["07900,province,province,07,x,y,,,5000,2014a,"], [2], "census_year “2014a”"),
    ("boolean not understood", ["07900001,commune,,07001,x,y,,,,,maybe"], [2], "has_arrondissements “maybe”"),
    ("arrondissements of a province", ["07900,province,province,07,x,y,,,,,1"], [2], "only communes have"),
    ("kind of a stored code changed", ["07001,region,,,x,y,,,,,"], [2], "cannot change a collectivity's kind"),
    ("too few fields", [GOOD_PROVINCE, "07901,province,province,07,x"], [3], "has 5 fields; the header has 11"),
    (
        "several bad rows among good ones",
        [GOOD_PROVINCE, "07901,province,,,x,y,,,,,", GOOD_COMMUNE, "07900002,town,,07900,x,y,,,,,"],
        [3, 5],
        "",
    ),
]


@pytest.mark.parametrize(("case", "lines", "reported", "phrase"), BAD_ROWS, ids=[case[0] for case in BAD_ROWS])
def test_every_bad_row_is_reported_with_its_line_and_no_row_is_kept(case, lines, reported, phrase):
    checked = check(csv_bytes(*lines), STORED, this_year=2024)
    assert lines_reported(checked) == reported
    assert checked.rows == []
    with translation.override("en"):
        assert phrase in " ".join(str(problem) for problem in checked.problems)


def test_blank_lines_and_quoted_multiline_cells_keep_the_line_numbers_of_the_file():
    data = csv_bytes("", '07900,province,province,07,"إقليم\nتجريبي",y,,,,,', "", "07901,province,province,,x,y,,,,,")
    # header 1, blank 2, the quoted record on lines 3-4, blank 5, the bad row on 6.
    assert lines_reported(check(data, STORED)) == [6]


def test_a_duplicate_code_is_reported_on_the_later_line_naming_the_first():
    checked = check(csv_bytes(GOOD_PROVINCE, GOOD_COMMUNE, GOOD_PROVINCE), STORED)
    assert lines_reported(checked) == [4]
    with translation.override("en"):
        assert str(checked.problems[0]) == "Line 4: the code 07900 is already used on line 2."


@pytest.mark.parametrize(
    ("header", "missing", "unknown"),
    [
        (HEADER.replace(",population", ""), "population", None),
        (HEADER.replace("name_fr", "nom_fr"), "name_fr", "nom_fr"),
        (HEADER + ",notes", None, "notes"),
    ],
)
def test_wrong_columns_are_named(header, missing, unknown):
    checked = check(csv_bytes(GOOD_PROVINCE, header=header), STORED)
    assert not checked.ok and checked.rows == []
    assert set(lines_reported(checked)) == {1}
    with translation.override("en"):
        messages = [str(problem) for problem in checked.problems]
    if missing:
        assert f"Line 1: missing columns: {missing}." in messages
    if unknown:
        assert f"Line 1: unknown columns: {unknown}." in messages


def test_a_semicolon_separated_file_gets_a_hint():
    checked = check(csv_bytes(header=HEADER.replace(",", ";")), STORED)
    with translation.override("en"):
        assert any("separated by semicolons" in str(problem) for problem in checked.problems)


def test_a_file_that_is_not_utf8_is_refused_with_the_line_of_the_first_bad_byte():
    data = csv_bytes(GOOD_PROVINCE.replace("Province d'essai", "Préfecture"), encoding="cp1256")
    checked = check(data, STORED)
    assert checked.rows == []
    [problem] = checked.problems
    with translation.override("en"):
        assert "not UTF-8" in str(problem) and "line 2" in str(problem)


def test_a_utf8_byte_order_mark_is_accepted():
    checked = check(b"\xef\xbb\xbf" + csv_bytes(GOOD_PROVINCE), STORED)
    assert checked.ok and checked.rows[0].code == "07900"


@pytest.mark.parametrize("data", [b"", b"   \n\n", HEADER.encode() + b"\n"])
def test_an_empty_file_or_a_header_alone_is_refused(data):
    checked = check(data, STORED)
    assert not checked.ok and checked.rows == []


@pytest.mark.parametrize(("text", "value"), [("", None), ("0", False), ("1", True), ("TRUE", True), ("no", False)])
def test_has_arrondissements_accepts_the_usual_spellings(text, value):
    checked = check(csv_bytes(f"07900001,commune,,07001,x,y,,,,,{text}"), STORED)
    assert checked.rows[0].has_arrondissements is value


# --- The command, against the database ---------------------------------------------------------------------------


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_collectivities", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def write_csv(tmp_path):
    def write(*lines, encoding="utf-8"):
        path = tmp_path / "collectivities.csv"
        path.write_bytes(csv_bytes(*lines, encoding=encoding))
        return path

    return write


@pytest.mark.django_db
def test_the_command_imports_a_good_file_and_a_second_run_changes_nothing(write_csv):
    path = write_csv(GOOD_PROVINCE, GOOD_COMMUNE)
    with translation.override("en"):
        out, _err = run(path)
        assert "2 created, 0 updated, 0 unchanged." in out
        commune = Collectivity.objects.get(code="07900001")
        assert commune.parent.code == "07900" and commune.parent.parent.code == "07"
        assert "تجريبيه" in commune.search_key  # the key is built as save() would build it
        out, _err = run(path)
        assert "0 created, 0 updated, 2 unchanged." in out


@pytest.mark.django_db
def test_a_changed_row_is_updated_and_empty_cells_keep_stored_values(write_csv):
    run(write_csv(GOOD_PROVINCE, GOOD_COMMUNE))
    renamed = GOOD_COMMUNE.replace("Commune d'essai", "Commune renommée").replace("1200,2014", ",")
    with translation.override("en"):
        out, _err = run(write_csv(GOOD_PROVINCE, renamed))
    assert "0 created, 1 updated, 1 unchanged." in out
    commune = Collectivity.objects.get(code="07900001")
    assert commune.name == {"ar": "جماعة تجريبية", "fr": "Commune renommée"}
    assert (commune.population, commune.census_year) == (1200, 2014)
    assert "renommee" in commune.search_key


@pytest.mark.django_db
def test_a_file_with_one_bad_row_imports_nothing_and_lists_every_bad_line(write_csv):
    before = Collectivity.objects.count()
    path = write_csv(GOOD_PROVINCE, "07901,province,,,x,y,,,,,", GOOD_COMMUNE, "07900002,town,,07900,x,y,,,,,")
    err = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="2 problems .* nothing was imported"):
        call_command("import_collectivities", str(path), stdout=io.StringIO(), stderr=err)
    reported = err.getvalue()
    assert "Line 3: parent_code is missing" in reported
    assert "Line 5: unknown kind “town”" in reported
    assert "Line 2" not in reported and "Line 4" not in reported
    assert Collectivity.objects.count() == before


@pytest.mark.django_db
def test_the_command_refuses_a_bad_encoding_and_a_missing_file(write_csv, tmp_path):
    before = Collectivity.objects.count()
    with pytest.raises(CommandError):
        run(write_csv("07900,province,province,07,,Province de Béni,,,,,", encoding="latin-1"))
    with pytest.raises(CommandError):
        run(tmp_path / "absent.csv")
    assert Collectivity.objects.count() == before


@pytest.mark.django_db
def test_a_parent_of_the_wrong_kind_in_the_database_stops_the_import(write_csv):
    run(write_csv(GOOD_PROVINCE, GOOD_COMMUNE))
    with pytest.raises(CommandError):
        run(write_csv("07900002,commune,,07900001,x,y,,,,,"))
    assert not Collectivity.objects.filter(code="07900002").exists()


@pytest.mark.django_db
def test_a_dry_run_counts_but_writes_nothing(write_csv):
    with translation.override("en"):
        out, _err = run(write_csv(GOOD_PROVINCE, GOOD_COMMUNE), "--dry-run")
    assert "Dry run" in out and "2 created" in out
    assert not Collectivity.objects.filter(code__in=["07900", "07900001"]).exists()


@pytest.mark.django_db
def test_no_progress_bar_when_the_output_is_not_a_terminal(write_csv, capsys):
    run(write_csv(GOOD_PROVINCE, GOOD_COMMUNE))
    captured = capsys.readouterr()
    assert "%|" not in captured.err + captured.out


# --- The shipped data --------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_shipped_provinces_and_communes_import_cleanly():
    run(DATA_DIR / "provinces.csv")
    run(DATA_DIR / "communes.csv")
    provinces = Collectivity.objects.filter(kind=CollectivityKind.PROVINCE).select_related("parent")
    assert provinces.count() == 75
    assert Counter(p.province_type for p in provinces) == {ProvinceType.PROVINCE: 62, ProvinceType.PREFECTURE: 13}
    # Decree 2-15-40: how many prefectures and provinces each region has.
    per_region = Counter(p.parent.code for p in provinces)
    assert [per_region[f"{n:02d}"] for n in range(1, 13)] == [8, 8, 9, 7, 5, 9, 8, 5, 6, 4, 4, 2]
    communes = Collectivity.objects.filter(kind=CollectivityKind.COMMUNE).select_related("parent__parent")
    assert communes.count() >= 70
    assert {c.parent.kind for c in communes} == {CollectivityKind.PROVINCE}
    assert len({c.parent.parent.code for c in communes}) == 12
    assert all(c.name.get("ar") and c.name.get("fr") for c in [*provinces, *communes])
    with_arrondissements = {c.name["fr"] for c in communes if c.has_arrondissements}
    assert {"Commune de Marrakech", "Commune de Casablanca"} <= with_arrondissements
