"""The partner's personal link (events/selfservice.py) with arbitrary and mangled tokens: always the
German page for a bad link (400 or 410) or a 404 for a path that is no link, never a server error."""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from events import selfservice
from events.models import EventSubmission
from tests.factories.events import EventPageFactory

pytestmark = pytest.mark.django_db

ACTIONS = ["", "aendern/", "absagen/"]


@pytest.fixture
def token(site):
    event = EventPageFactory(parent=site["week"], title="Gemeldet")
    submission = EventSubmission.objects.create(page=event, name="Erika", email="erika@example.org")
    return selfservice.make_token(submission)


def mangled(token):
    """The valid token with one change: a character replaced, dropped or added, or a part swapped."""
    return st.one_of(
        st.tuples(st.integers(0, len(token) - 1), st.characters(blacklist_characters="/")).map(
            lambda change: token[: change[0]] + change[1] + token[change[0] + 1 :]
        ),
        st.integers(0, len(token) - 1).map(lambda at: token[:at] + token[at + 1 :]),
        st.text(max_size=20).map(lambda extra: token + extra.replace("/", "")),
        st.just(":".join(reversed(token.split(":")))),
    )


def check(client, token, action, method):
    path = f"/meine-veranstaltung/{quote(token, safe='')}/{action}"
    response = getattr(client, method)(path)
    assert response.status_code in {200, 302, 400, 404, 410}, (path, response.status_code)
    if response.status_code in {400, 410}:
        assert "Dieser Link" in response.content.decode()


@given(data=st.data())
def test_arbitrary_tokens_never_fail(token, data):
    client = Client()
    candidate = data.draw(st.one_of(st.text(min_size=1, max_size=200), mangled(token)))
    if not candidate.replace("/", ""):
        return
    check(
        client,
        candidate.replace("/", ""),
        data.draw(st.sampled_from(ACTIONS)),
        data.draw(st.sampled_from(["get", "post"])),
    )
