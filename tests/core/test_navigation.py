"""The main menu marks the entry of the page shown (aria-current), and only that one."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse


def _current(html: str) -> list[str]:
    menu = html.split('<nav aria-label="Hauptnavigation">', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="([^"]+)" aria-current="page">', menu)


@pytest.mark.parametrize(
    ("page", "entry"),
    [
        ("core:start", "core:start"),
        ("people:list", "people:list"),
        ("directory:list", "directory:list"),
        # below two entries' addresses: the longer one, not Offers at /offers/
        ("directory:coverage", "directory:coverage"),
    ],
)
def test_the_menu_marks_the_entry_of_the_page_shown(world, client, page, entry):
    client.force_login(world.case_manager_a)
    http = client
    html = http.get(reverse(page)).content.decode()
    assert _current(html) == [reverse(entry)]


def test_a_record_page_belongs_to_its_menu_entry(world, client):
    client.force_login(world.case_manager_a)
    http = client
    html = http.get(reverse("people:detail", args=[world.client_a.pk])).content.decode()
    assert _current(html) == [reverse("people:list")]
