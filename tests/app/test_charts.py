"""The charts as drawn (their Vega-Lite specs): the house palette, full labels, readable date axes, a colour and a
shape per series, whole numbers in count legends."""

from __future__ import annotations

import json

import pandas as pd

from lib.vocabulary import HOUSE_COLOUR, SIDE_COLOURS, SIDE_SHAPES
from tests.app.test_pages import assert_no_exception
from tests.app.test_pairings_page import suggest
from ui.health.pair import rating_chart


def specs(at) -> list[dict]:
    return [json.loads(e.proto.spec) for e in at.get("vega_lite_chart")]


def test_both_sides_ratings_differ_in_colour_and_shape_never_hide_each_other_and_dates_read_as_dates():
    ratings = pd.DataFrame({"date": pd.to_datetime(["2026-06-09", "2026-06-09", "2026-07-07", "2026-07-07"]),
                            "side": ["mentor", "mentee", "mentor", "mentee"], "rating": [4, 4, 3, 5],
                            "comment": ["", "", "", ""]})
    spec = rating_chart(ratings).to_dict()
    line, points = spec["layer"]
    colour = points["encoding"]["color"]["scale"]
    assert colour["domain"] == ["mentor", "mentee"] and colour["range"] == list(SIDE_COLOURS.values())
    assert len(set(colour["range"])) == 2 and HOUSE_COLOUR in colour["range"]
    assert points["encoding"]["shape"]["scale"]["range"] == list(SIDE_SHAPES.values())
    assert line["encoding"]["strokeDash"]["scale"]["range"][0] != line["encoding"]["strokeDash"]["scale"]["range"][1]
    values = next(iter(spec["datasets"].values()))
    same_day = [v["shown"] for v in values if v["date"].startswith("2026-06-09")]
    assert len(set(same_day)) == 2  # an equal rating on the same day: both points show
    x = points["encoding"]["x"]
    assert x["type"] == "temporal" and x["axis"]["format"] == "%d %b" and x["axis"]["labelAngle"] == 0
    assert points["encoding"]["y"]["axis"]["values"] == [1, 2, 3, 4, 5]


def test_the_heatmap_legend_counts_whole_check_ins(app):
    app.switch_page("pages/health.py").run()
    assert_no_exception(app)
    [heatmap] = [s for s in specs(app) if s.get("mark", {}).get("type") == "rect"]
    legend = heatmap["encoding"]["color"]["legend"]
    assert legend["format"] == "d" and all(isinstance(v, int) for v in legend["values"])


def test_explain_a_pair_shows_every_criterion_label_in_full_in_the_house_colour(app):
    app.switch_page("pages/pairings.py").run()
    suggest(app)
    [bars] = [s for s in specs(app) if s.get("mark", {}).get("type") == "bar"]
    assert bars["mark"]["color"] == HOUSE_COLOUR
    assert bars["encoding"]["y"]["axis"]["labelLimit"] == 0
