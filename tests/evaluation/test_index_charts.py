"""The charts' geometry (evaluation/index_charts.py): drawn from the reading start in either direction, scaled to
0–100 or to the largest count, never outside the drawing."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from infitah.evaluation import index_charts as charts


def test_the_first_band_is_at_the_reading_start_left_in_french_right_in_arabic():
    counts, labels = [1, 0, 3], ["0–10", "10–20", "20–30"]
    ltr, rtl = charts.histogram(counts, labels, rtl=False), charts.histogram(counts, labels, rtl=True)
    assert ltr[0].x < ltr[2].x
    assert rtl[0].x > rtl[2].x
    assert ltr[2].height == rtl[2].height > ltr[0].height  # the largest count is the tallest bar
    assert ltr[1].height == 0


def test_the_oldest_year_is_at_the_reading_start_and_a_missing_year_has_no_point():
    values = [Decimal(40), None, Decimal(60)]
    ltr = charts.line(values, ["2022", "2023", "2024"], rtl=False)
    rtl = charts.line(values, ["2022", "2023", "2024"], rtl=True)
    assert [p.label for p in ltr] == ["2022", "2024"]
    assert ltr[0].x < ltr[1].x and rtl[0].x > rtl[1].x
    assert ltr[1].y < ltr[0].y  # higher values are higher on the chart
    assert charts.polyline(ltr) == f"{ltr[0].x},{ltr[0].y} {ltr[1].x},{ltr[1].y}"


def test_a_profile_bar_grows_from_the_principles_name_and_the_median_sits_on_the_same_scale():
    rows = [("Transparency", Decimal(50), Decimal(100))]
    (ltr,), _height = charts.profile(rows, rtl=False)
    (rtl,), _height = charts.profile(rows, rtl=True)
    plot = charts.WIDTH - charts.LABEL_WIDTH
    assert (ltr.bar_x, ltr.bar_width) == (charts.LABEL_WIDTH, plot / 2)
    assert rtl.bar_x + rtl.bar_width == plot  # ends where the name begins, on the right
    assert ltr.median_x == charts.WIDTH and rtl.median_x == 0


@given(
    st.lists(st.one_of(st.none(), st.decimals(min_value=0, max_value=100, places=2)), min_size=1, max_size=8),
    st.booleans(),
)
def test_every_point_and_bar_stays_inside_the_drawing(values, rtl):
    labels = [str(n) for n in range(len(values))]
    for point in charts.line(values, labels, rtl):
        assert 0 <= point.x <= charts.WIDTH and 0 <= point.y <= charts.HEIGHT
    rows, height = charts.profile([(label, value, value) for label, value in zip(labels, values, strict=True)], rtl)
    for row in rows:
        assert row.bar_x >= 0 and row.bar_x + row.bar_width <= charts.WIDTH + 0.1 and row.y < height
