"""``url_for`` gives reverse()'s links; ``short_date`` the date filter's short format."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation

from lotse.core.links import url_for


@pytest.mark.parametrize(
    ("name", "ids"),
    [("cases:detail", (1,)), ("cases:detail", (987654,)), ("people:detail", (42,))],
)
def test_url_for_gives_the_same_link_as_reverse(name, ids):
    assert url_for(name, *ids) == reverse(name, args=ids)


def test_url_for_follows_the_script_prefix_of_a_deployment_under_a_path():
    try:
        set_script_prefix("/kim/")
        assert url_for("cases:detail", 7) == reverse("cases:detail", args=[7])
        assert url_for("cases:detail", 7).startswith("/kim/")
    finally:
        set_script_prefix("/")
    assert not url_for("cases:detail", 7).startswith("/kim/")


def test_url_for_refuses_what_is_not_an_id():
    with pytest.raises(ValueError):
        url_for("cases:detail", -1)
    with pytest.raises(ValueError):
        url_for("cases:detail", "1/../admin")
    with pytest.raises(NoReverseMatch):
        url_for("cases:detail", 1, 2)


def test_short_date_matches_the_date_filter_in_each_language():
    template = Template(
        '{% load dates %}{{ d|short_date }}|{{ d|date:"SHORT_DATE_FORMAT" }}|{{ none|short_date }}'
    )
    for language in ("de", "en", "ar"):
        with translation.override(language):
            mine, django, empty = template.render(
                Context({"d": dt.date(2026, 3, 9), "none": None})
            ).split("|")
            assert mine == django
            assert empty == ""
    with translation.override("de"):
        assert (
            Template("{% load dates %}{{ d|short_date }}").render(
                Context({"d": dt.date(2026, 3, 9)})
            )
            == "09.03.2026"
        )


def test_the_url_tag_gives_reverses_links_also_with_as_and_for_non_ids():
    template = Template(
        "{% url 'cases:detail' pk %}|{% url 'cases:detail' pk as link %}{{ link }}|"
        "{% url 'cases:detail' text %}|{% url 'cases:detail' pk=pk %}|"
        "{% url 'core:start' %}|{% url 'cases:detail' 1 2 as missing %}[{{ missing }}]"
    )
    out = template.render(Context({"pk": 12, "text": "34"})).split("|")
    assert out == [
        reverse("cases:detail", args=[12]),
        reverse("cases:detail", args=[12]),
        reverse("cases:detail", args=[34]),
        reverse("cases:detail", args=[12]),
        reverse("core:start"),
        "[]",
    ]
    with pytest.raises(NoReverseMatch):
        Template("{% url 'cases:detail' 1 2 %}").render(Context())
