"""The one query-string helper of the links that change some parameters and keep the others."""

from django.http import QueryDict

from cms.core.querystring import query_params, query_string


def test_a_change_sets_a_key_in_place_and_none_removes_it():
    params = {"q": "Bündnis", "art": "news", "land": "BY"}
    assert query_string(params, art="event") == "?q=B%C3%BCndnis&art=event&land=BY"
    assert query_string(params, art=None, land=None) == "?q=B%C3%BCndnis"


def test_empty_values_are_left_out_and_nothing_left_is_an_empty_string():
    assert query_string({"land": "", "ort": None}) == ""
    assert query_string({"land": "NW"}, land=None) == ""


def test_a_query_dict_keeps_repeated_keys_and_a_new_key_goes_last():
    params = query_params(QueryDict("land=BY&land=SN&seite=3&art="), seite=None)
    assert params.getlist("land") == ["BY", "SN"]
    assert query_string(params, seite="4") == "?land=BY&land=SN&seite=4"
